# Mesh settings and TrafficSplit edits: osm beside the `kubectl patch` users type today.
# Sourced by scripts/bench.sh (OSM, KUBECTL, KUBECONFIG and compare are set there).
# A mesh of its own (controller Deployment + MeshConfig) in osm-bench-settings; removed at the end.
BENCH_NS=osm-bench-settings
BENCH_MESH=bench-settings
# The CRDs exactly as `osm install` renders them (an earlier row may have removed them).
"$KUBECTL" get crd meshconfigs.config.openservicemesh.io trafficsplits.split.smi-spec.io >/dev/null 2>&1 ||
  "$OSM" install --dry-run -o json | python3 -c '
import json, sys
items = [o for o in json.load(sys.stdin)["items"] if o["kind"] == "CustomResourceDefinition"]
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, sys.stdout)' | "$KUBECTL" apply -f - >/dev/null
"$KUBECTL" wait --for=condition=Established --timeout=60s \
  crd/meshconfigs.config.openservicemesh.io crd/trafficsplits.split.smi-spec.io >/dev/null
"$KUBECTL" create namespace "$BENCH_NS" --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null
"$KUBECTL" apply -f - >/dev/null <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: osm-controller
  namespace: $BENCH_NS
  labels: {app: osm-controller, meshName: $BENCH_MESH}
spec:
  replicas: 0
  selector: {matchLabels: {app: osm-controller}}
  template:
    metadata: {labels: {app: osm-controller}}
    spec: {containers: [{name: osm-controller, image: "openservicemesh/osm-controller:v1.2.0"}]}
---
apiVersion: config.openservicemesh.io/v1alpha2
kind: MeshConfig
metadata: {name: osm-mesh-config, namespace: $BENCH_NS}
spec:
  traffic: {enableEgress: false, enablePermissiveTrafficPolicyMode: true}
---
apiVersion: split.smi-spec.io/v1alpha2
kind: TrafficSplit
metadata: {name: bench-split, namespace: $BENCH_NS}
spec:
  service: bookstore
  backends: [{service: bookstore-v1, weight: 50}, {service: bookstore-v2, weight: 50}]
YAML

# Each setup flips the state back, so every measured run really writes.
PERMISSIVE_ON="\$KUBECTL patch meshconfig osm-mesh-config -n $BENCH_NS --type=merge -p '{\"spec\":{\"traffic\":{\"enablePermissiveTrafficPolicyMode\":true}}}'"
compare "permissive disable" \
  "\$OSM permissive disable --mesh-name $BENCH_MESH" \
  "\$KUBECTL patch meshconfig osm-mesh-config -n $BENCH_NS --type=merge -p '{\"spec\":{\"traffic\":{\"enablePermissiveTrafficPolicyMode\":false}}}'" \
  "$PERMISSIVE_ON"

SPLIT_50_50="\$KUBECTL patch trafficsplit bench-split -n $BENCH_NS --type=merge -p '{\"spec\":{\"backends\":[{\"service\":\"bookstore-v1\",\"weight\":50},{\"service\":\"bookstore-v2\",\"weight\":50}]}}'"
compare "traffic split set (50/50 -> 0/100)" \
  "\$OSM traffic split set bench-split -n $BENCH_NS bookstore-v2=100" \
  "\$KUBECTL patch trafficsplit bench-split -n $BENCH_NS --type=merge -p '{\"spec\":{\"backends\":[{\"service\":\"bookstore-v1\",\"weight\":0},{\"service\":\"bookstore-v2\",\"weight\":100}]}}'" \
  "$SPLIT_50_50"

"$KUBECTL" delete namespace "$BENCH_NS" --wait=false >/dev/null
