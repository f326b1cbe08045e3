#!/usr/bin/env bash
# Benchmarks: osm beside kubectl doing the same work, against the local control plane.
# Prints per operation the median wall time and peak memory of each, and kubectl/osm.
#   BENCH_RUNS=N   measured runs per operation (default 5)
#   BENCH_ONLY=S   only the rows of scripts/bench.d/*S*.sh (e.g. istio, port-forward; '[1-6]0-'
#                  for every row but Istio's, which need istioctl built)
#   BENCH_OSM=PATH measure this osm binary instead of building the checkout's (an earlier build,
#                  to compare two versions row by row on the same machine and cluster)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
RUNS="${BENCH_RUNS:-5}"

./scripts/dev-cluster.sh up >&2
eval "$(./scripts/dev-cluster.sh env)"
if [ -n "${BENCH_OSM:-}" ]; then
  OSM=$(cd "$(dirname "$BENCH_OSM")" && pwd)/$(basename "$BENCH_OSM")
  [ -x "$OSM" ] || { echo "BENCH_OSM=$BENCH_OSM is not an executable" >&2; exit 2; }
else
  cargo build --release -q --bin osm
  OSM="$REPO/target/release/osm"
fi
KUBECTL="$(./scripts/dev-cluster.sh bin)/kubectl"
export OSM KUBECTL KUBECONFIG NO_COLOR=1

measure() { python3 "$REPO/scripts/bench-measure.py" --runs "$RUNS" "$@"; }

printf '%-44s %12s %10s %12s %10s %8s\n' OPERATION "OSM ms" "OSM MiB" "KUBECTL ms" "KUBECTL MiB" "SPEEDUP"
# compare NAME OSM_COMMAND KUBECTL_COMMAND [SETUP [TEARDOWN]]
compare() {
  local name=$1 osm_cmd=$2 kubectl_cmd=$3 setup=${4:-} teardown=${5:-}
  local opts=()
  [ -n "$setup" ] && opts+=(--setup "$setup")
  [ -n "$teardown" ] && opts+=(--teardown "$teardown")
  read -r o_ms o_kb < <(measure "${opts[@]}" -- "$osm_cmd")
  read -r k_ms k_kb < <(measure "${opts[@]}" -- "$kubectl_cmd")
  awk -v n="$name" -v om="$o_ms" -v ok="$o_kb" -v km="$k_ms" -v kk="$k_kb" 'BEGIN {
    printf "%-44s %12.1f %10.1f %12.1f %10.1f %7.1fx\n", n, om, ok/1024, km, kk/1024, km/om }'
}

# The rows, one `compare` per operation, in scripts/bench.d (10-base.sh first).
for extra in "$REPO"/scripts/bench.d/*${BENCH_ONLY:-}*.sh; do
  [ -e "$extra" ] || continue
  # shellcheck source=/dev/null
  . "$extra"
done
