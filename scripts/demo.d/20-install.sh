# shellcheck shell=bash
# Install the control plane with Prometheus, Grafana and Jaeger (the Go CLI's command line),
# then look at it.
run osm install --set=OpenServiceMesh.enablePermissiveTrafficPolicy=false --set=OpenServiceMesh.deployPrometheus=true --set=OpenServiceMesh.deployGrafana=true --set=OpenServiceMesh.deployJaeger=true
run osm install --set=OpenServiceMesh.enablePermissiveTrafficPolicy=false --set=OpenServiceMesh.deployPrometheus=true --set=OpenServiceMesh.deployGrafana=true --set=OpenServiceMesh.deployJaeger=true
run osm mesh list
run osm version
