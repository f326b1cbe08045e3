# shellcheck shell=bash
# Install and uninstall: osm beside kubectl applying/deleting the same objects (from
# `osm install --dry-run`). Setup and teardown make every measured run do the full work.

BENCH_INSTALL_DIR=$(mktemp -d)
"$OSM" install --dry-run -o json | python3 -c '
import json, sys
items = json.load(sys.stdin)["items"]
out = sys.argv[1]
def write(name, objs):
    json.dump({"apiVersion": "v1", "kind": "List", "items": objs}, open(f"{out}/{name}", "w"))
crds = [o for o in items if o["kind"] == "CustomResourceDefinition"]
rest = [o for o in items if o["kind"] != "CustomResourceDefinition"]
write("crds.json", crds)
write("rest.json", rest)
# What `osm uninstall mesh` removes too: everything but the namespace and the CRDs.
write("mesh.json", [o for o in rest if o["kind"] != "Namespace"])
' "$BENCH_INSTALL_DIR"
export BENCH_INSTALL_DIR

# Leaves no mesh and no OSM CRDs behind (the namespace stays, as after `osm uninstall mesh`).
BENCH_CLEAN="\$OSM uninstall mesh -f -a >/dev/null 2>&1 || true"

compare "install --no-wait (10 CRDs + control plane)" \
  "\$OSM install --no-wait" \
  "/bin/sh -c '\$KUBECTL apply --server-side -f \$BENCH_INSTALL_DIR/crds.json >/dev/null && \$KUBECTL wait --for=condition=Established -f \$BENCH_INSTALL_DIR/crds.json >/dev/null && \$KUBECTL apply --server-side -f \$BENCH_INSTALL_DIR/rest.json'" \
  "$BENCH_CLEAN" "$BENCH_CLEAN"

compare "uninstall mesh -f" \
  "\$OSM uninstall mesh -f" \
  "\$KUBECTL delete -f \$BENCH_INSTALL_DIR/mesh.json" \
  "\$OSM install --no-wait >/dev/null 2>&1" "$BENCH_CLEAN"
