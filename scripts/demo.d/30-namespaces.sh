# The bookstore namespaces join the mesh `osm`, with metrics, as in the OSM walkthrough.
# Sourced by scripts/demo.sh (run is defined there).
for ns in bookstore bookbuyer bookthief bookwarehouse; do
  kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns" >/dev/null
done
run osm namespace add bookstore bookbuyer bookthief bookwarehouse
run osm namespace add bookstore bookbuyer bookthief bookwarehouse
run osm metrics enable --namespace bookstore,bookbuyer,bookthief,bookwarehouse
run osm namespace list --mesh-name=osm
# A namespace the mesh must leave alone, and the way back the Go CLI never had.
kubectl get namespace scratch >/dev/null 2>&1 || kubectl create namespace scratch >/dev/null
run osm namespace add scratch
run osm ns remove scratch
run osm namespace ignore scratch
# Refused with a hint (exit 4): an ignored namespace cannot join.
run osm namespace add scratch || true
run osm namespace unignore scratch
run osm metrics disable bookthief
run osm metrics enable bookthief
run osm namespace add bookbuyer --restart
