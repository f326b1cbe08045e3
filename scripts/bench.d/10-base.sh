# shellcheck shell=bash
# The cost of starting and of one request: what every command pays.
# Sourced by scripts/bench.sh (OSM, KUBECTL, KUBECONFIG, REPO, compare set).

compare "process start (version --client)" "\$OSM version --client" "\$KUBECTL version --client"
compare "server version" "\$OSM version" "\$KUBECTL version"
