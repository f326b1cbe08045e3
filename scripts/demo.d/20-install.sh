# shellcheck shell=bash
# Install the control plane with Prometheus, Grafana and Jaeger (the Go CLI's command line),
# then look at it.
run osm check --pre
run osm install --set=OpenServiceMesh.enablePermissiveTrafficPolicy=false --set=OpenServiceMesh.deployPrometheus=true --set=OpenServiceMesh.deployGrafana=true --set=OpenServiceMesh.deployJaeger=true
run osm install --set=OpenServiceMesh.enablePermissiveTrafficPolicy=false --set=OpenServiceMesh.deployPrometheus=true --set=OpenServiceMesh.deployGrafana=true --set=OpenServiceMesh.deployJaeger=true
run osm mesh list
run osm version
# The webhooks are registered by osm-injector and osm-controller once they run; no container runs
# on this local control plane, so the check names them missing and says what to do.
run osm check || printf '(expected here: no container runtime, so the controllers never registered their webhooks)\n'
