# Mesh settings and a canary: permissive mode off and on, egress, then a 50/50 TrafficSplit
# between bookstore-v1 and bookstore-v2 moved to 0/100. Sourced by scripts/demo.sh; the mesh
# `osm` and the namespace `bookstore` come from earlier steps.
kubectl apply -f - >/dev/null <<'YAML'
apiVersion: v1
kind: Service
metadata: {name: bookstore, namespace: bookstore, labels: {app: bookstore}}
spec: {selector: {app: bookstore}, ports: [{port: 14001, name: bookstore-port}]}
---
apiVersion: v1
kind: Service
metadata: {name: bookstore-v1, namespace: bookstore, labels: {app: bookstore, version: v1}}
spec: {selector: {app: bookstore, version: v1}, ports: [{port: 14001, name: bookstore-port}]}
---
apiVersion: v1
kind: Service
metadata: {name: bookstore-v2, namespace: bookstore, labels: {app: bookstore, version: v2}}
spec: {selector: {app: bookstore, version: v2}, ports: [{port: 14001, name: bookstore-port}]}
YAML
# A split left by an earlier run of the demo would make `create` refuse different weights.
osm traffic split delete bookstore-split -n bookstore >/dev/null

run osm permissive status
run osm permissive enable
run osm permissive disable
run osm permissive disable
run osm egress disable --dry-run
run osm egress disable
run osm egress enable
run osm mesh config get traffic
run osm mesh config set sidecar.logLevel=debug traffic.outboundPortExclusionList=[6379]
run osm traffic split create bookstore-split -n bookstore --service bookstore.bookstore \
  --backend bookstore-v1=50 --backend bookstore-v2=50
run osm traffic split get bookstore-split -n bookstore
run osm traffic split set bookstore-split -n bookstore bookstore-v2=100 --dry-run
run osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --step 25 --interval 1s
run osm traffic split get bookstore-split -n bookstore
