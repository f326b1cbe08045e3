# Rows: enrolling 50 namespaces and enabling their metrics, osm beside the kubectl commands doing
# the same. Sourced by scripts/bench.sh (OSM, KUBECTL, compare are set there). Every measured run
# starts from namespaces outside the mesh (or with metrics off), so each run does the full work.
BENCH_MESH=bench-mesh
BENCH_NS=$(seq -f 'bench-ns-%02g' 1 50 | tr '\n' ' ')
export BENCH_MESH BENCH_NS

"$KUBECTL" apply -f - >/dev/null <<YAML
apiVersion: v1
kind: Namespace
metadata: {name: bench-mesh-system}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: osm-controller
  namespace: bench-mesh-system
  labels: {app: osm-controller, meshName: $BENCH_MESH}
spec:
  replicas: 0
  selector: {matchLabels: {app: osm-controller}}
  template:
    metadata: {labels: {app: osm-controller}}
    spec: {containers: [{name: osm-controller, image: openservicemesh/osm-controller:v1.2.0}]}
YAML
# shellcheck disable=SC2086
for ns in $BENCH_NS; do printf 'apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n---\n' "$ns"; done |
  "$KUBECTL" apply -f - >/dev/null
# shellcheck disable=SC2016
leave_mesh='$OSM namespace remove $BENCH_NS --mesh-name $BENCH_MESH'
"$OSM" namespace remove $BENCH_NS --mesh-name "$BENCH_MESH" >/dev/null

# shellcheck disable=SC2016
compare "osm namespace add (50 namespaces)" \
  '$OSM namespace add $BENCH_NS --mesh-name $BENCH_MESH' \
  'sh -c "$KUBECTL label ns $BENCH_NS openservicemesh.io/monitored-by=$BENCH_MESH --overwrite && $KUBECTL annotate ns $BENCH_NS openservicemesh.io/sidecar-injection=enabled --overwrite"' \
  true "$leave_mesh"

"$OSM" namespace add $BENCH_NS --mesh-name "$BENCH_MESH" >/dev/null
# shellcheck disable=SC2016
compare "osm metrics enable (50 namespaces)" \
  '$OSM metrics enable $BENCH_NS' \
  '$KUBECTL annotate ns $BENCH_NS openservicemesh.io/metrics=enabled --overwrite' \
  true '$OSM metrics disable $BENCH_NS'
"$OSM" namespace remove $BENCH_NS --mesh-name "$BENCH_MESH" >/dev/null
# Later rows install a real mesh, and single-mesh enforcement would refuse it beside this one.
# shellcheck disable=SC2086
"$KUBECTL" delete namespace bench-mesh-system $BENCH_NS --wait=true >/dev/null
