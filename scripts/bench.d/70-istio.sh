# shellcheck shell=bash
# Istio rows: `osm istio` beside istioctl on the same cluster and inputs. istioctl is built from
# tools/istioctl-build by `provision-cluster.sh istioctl` (cached like helm; only the bench uses
# it): the module proxy serves istio.io/istio only as a 1.31 development snapshot, no release, so
# that is the istioctl measured (docs/performance.md).
# Sourced by scripts/bench.sh (OSM, KUBECTL, KUBECONFIG, REPO, compare set).

"$REPO/scripts/provision-cluster.sh" istioctl >&2
ISTIOCTL="${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}/bin/istioctl"
BENCH_INJECT="$REPO/testdata/istio-1.30.3/inject"
export ISTIOCTL BENCH_INJECT

# The same IstioOperator for both: the demo profile, with the hub and tag of osm's Istio, so the
# two render the same images whatever version istioctl was stamped with.
BENCH_IOP="--set profile=demo --set hub=docker.io/istio --set tag=1.30.3"
# Nothing of Istio left, whichever tool installed it (istioctl's 1.31 charts may hold objects
# osm's 1.30.3 ones do not, so each removes its own).
BENCH_ISTIO_PURGE="\$OSM istio uninstall --purge -y >/dev/null 2>&1; \$ISTIOCTL uninstall --purge -y >/dev/null 2>&1; true"
export BENCH_IOP

eval "$BENCH_ISTIO_PURGE"

echo "istio rows: the KUBECTL columns are istioctl's ($("$ISTIOCTL" version --remote=false 2>/dev/null | tr -d '\n'))"
compare "istio manifest generate (demo)" \
  "\$OSM istio manifest generate $BENCH_IOP" \
  "\$ISTIOCTL manifest generate $BENCH_IOP"

# Neither istioctl install nor `osm istio install` has a --no-wait: istioctl always waits for
# each component's workloads (operator/cmd/mesh/install.go:185 sets SkipWait false), so both
# wait, for pods the kubelet stand-in makes Ready at once.
compare "istio install -y (demo, waits for ready)" \
  "\$OSM istio install $BENCH_IOP -y" \
  "\$ISTIOCTL install $BENCH_IOP -y" \
  "$BENCH_ISTIO_PURGE" "$BENCH_ISTIO_PURGE"

# The reference captures' inputs: the demo profile's injector config, values and mesh config.
BENCH_INJECT_FILES="-f \$BENCH_INJECT/in/bookinfo.yaml --injectConfigFile \$BENCH_INJECT/inject-config.yaml --meshConfigFile \$BENCH_INJECT/mesh.yaml --valuesFile \$BENCH_INJECT/values.json"
compare "istio kube-inject bookinfo (files)" \
  "\$OSM istio kube-inject $BENCH_INJECT_FILES" \
  "\$ISTIOCTL kube-inject $BENCH_INJECT_FILES"

# Against the cluster: the template from the same file, the values and the mesh config from the
# demo install's istio-sidecar-injector and istio ConfigMaps. Without --injectConfigFile istioctl
# sends each pod to istiod's injection webhook through a port-forward (no istiod runs here), or,
# with no webhook, reads the template from the ConfigMap but leaves the values empty
# (istioctl/pkg/kubeinject/kubeinject.go setupKubeInjectParameters returns before reading them)
# and fails on the template's numbers; with it, it reads both ConfigMaps, as osm does.
"$OSM" istio install $BENCH_IOP -y >/dev/null 2>&1
BENCH_INJECT_CLUSTER="-f \$BENCH_INJECT/in/bookinfo.yaml --injectConfigFile \$BENCH_INJECT/inject-config.yaml"
compare "istio kube-inject bookinfo (cluster ConfigMaps)" \
  "\$OSM istio kube-inject $BENCH_INJECT_CLUSTER" \
  "\$ISTIOCTL kube-inject $BENCH_INJECT_CLUSTER"
eval "$BENCH_ISTIO_PURGE"
