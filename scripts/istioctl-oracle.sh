#!/usr/bin/env bash
# Writes testdata/istioctl-oracle/: what a real istioctl does with more `manifest generate` command
# lines and `kube-inject` inputs than Istio's reference set holds. The istioctl is the one the
# bench builds (`./scripts/provision-cluster.sh istioctl`: Istio's published module, a 1.31
# development snapshot), given Istio 1.30.3's own charts and profiles (`-d src/model/istio/manifests`)
# and 1.30.3's release hub and tag, so that it renders 1.30.3; testdata/istioctl-oracle/README.md
# says why that stands for istioctl 1.30.3 and which cases it cannot speak for.
#
# Usage: scripts/istioctl-oracle.sh   (run by hand when cases are added; the tests only read the output)
set -euo pipefail
cd "$(dirname "$0")/.."
ISTIOCTL=${ISTIOCTL:-${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}/bin/istioctl}
[ -x "$ISTIOCTL" ] || { echo "istioctl is missing: run ./scripts/provision-cluster.sh istioctl" >&2; exit 1; }
out=testdata/istioctl-oracle
cases=$out/manifest/cases.txt
tsv=$out/manifest/decisions.tsv
printf '# case\texit code of istioctl\tobjects istioctl leaves out of the profile'"'"'s rendering\targuments\n' > "$tsv"
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  read -r -a args <<< "$line"
  set +e
  "$ISTIOCTL" manifest generate -d src/model/istio/manifests --set hub=docker.io/istio --set tag=1.30.3 \
    "${args[@]}" > /tmp/oracle.$$.yaml 2> /dev/null
  code=$?
  set -e
  removed=-
  if [ "$code" -eq 0 ]; then
    profile=default
    for a in "${args[@]}"; do case "$a" in profile=*) profile=${a#profile=} ;; esac; done
    removed=$(python3 scripts/istioctl-oracle-delta.py "testdata/istio-1.30.3/manifest/$profile.yaml" \
      /tmp/oracle.$$.yaml "$out/manifest/$n.delta.yaml")
  fi
  printf '%s\t%s\t%s\t%s\n' "$n" "$code" "$removed" "$line" >> "$tsv"
done < "$cases"
rm -f /tmp/oracle.$$.yaml
cfg=testdata/istio-1.30.3/inject
for input in "$out"/inject/*.in.yaml; do
  name=${input%.in.yaml}
  for native in false true; do
    mode=classic; [ "$native" = true ] && mode=native
    ENABLE_NATIVE_SIDECARS=$native "$ISTIOCTL" kube-inject --revision default -f "$input" \
      --injectConfigFile "$cfg/inject-config.yaml" --meshConfigFile "$cfg/mesh.yaml" \
      --valuesFile "$cfg/values.json" > "$name.$mode.yaml"
  done
done
echo "wrote $tsv ($n cases) and $(ls "$out"/inject/*.in.yaml | wc -l) kube-inject inputs" >&2
