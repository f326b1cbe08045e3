# The bookstore namespaces join the mesh `osm`, with metrics, as in the OSM walkthrough.
# Sourced by scripts/demo.sh (run is defined there).
for ns in bookstore bookbuyer bookthief bookwarehouse; do
  kubectl create namespace "$ns" --dry-run=client -o yaml | kubectl apply -f - >/dev/null
done
run osm namespace add bookstore bookbuyer bookthief bookwarehouse
run osm namespace add bookstore bookbuyer bookthief bookwarehouse
run osm metrics enable --namespace bookstore,bookbuyer,bookthief,bookwarehouse
run osm namespace list --mesh-name=osm
