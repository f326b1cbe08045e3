#!/usr/bin/env bash
# Re-decides every case of testdata/istio-1.30.3-validation with istio-oracle (Istio 1.30.3's
# own code) and rewrites the decision columns of its expected.tsv files. The "path osm names"
# column of iop/expected.tsv is written by hand and kept as it is; a new iop case needs a row
# with its name and path first (the other columns are filled in here).
#
#   tools/istio-oracle/cases.sh /path/to/istio-oracle
set -euo pipefail
oracle=${1:?usage: cases.sh /path/to/istio-oracle}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/testdata/istio-1.30.3-validation

flatten() { tr '\n\t' '  ' | sed 's/  */ /g; s/ $//'; }

iop=$dir/iop/expected.tsv
tmp=$(mktemp)
head -1 "$iop" > "$tmp"
grep -v '^#' "$iop" | while read -r row; do
  name=$(printf '%s' "$row" | cut -f1)
  path=$(printf '%s' "$row" | cut -f3)
  text=$("$oracle" iop "$dir/iop/$name.yaml" | grep -v ' ok$' | grep -v '^decoded$' | flatten || true)
  verdict=accepted
  [ -n "$text" ] && verdict=refused
  printf '%s\t%s\t%s\t%s\n' "$name" "$verdict" "$path" "$text"
done >> "$tmp"
mv "$tmp" "$iop"

pc=$dir/proxyconfig/expected.tsv
tmp=$(mktemp)
head -1 "$pc" > "$tmp"
for file in "$dir"/proxyconfig/*.yaml; do
  name=$(basename "$file" .yaml)
  text=$("$oracle" proxyconfig "$file" | flatten)
  if [ "$text" = ok ]; then
    printf '%s\taccepted\t\n' "$name"
  else
    printf '%s\trefused\t%s\n' "$name" "$text"
  fi
done >> "$tmp"
mv "$tmp" "$pc"
