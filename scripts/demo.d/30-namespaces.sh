# The bookstore namespaces join the mesh `osm`, with metrics, as in the OSM walkthrough.
# Sourced by scripts/demo.sh (run is defined there).
for ns in bookstore bookbuyer bookthief bookwarehouse; do
  kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns" >/dev/null
done
run osm namespace add bookstore bookbuyer bookthief bookwarehouse
run osm namespace add bookstore bookbuyer bookthief bookwarehouse
run osm metrics enable --namespace bookstore,bookbuyer,bookthief,bookwarehouse
run osm namespace list --mesh-name=osm
