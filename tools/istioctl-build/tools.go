//go:build tools

// Package tools pins istioctl's module for scripts/provision-cluster.sh, which builds
// istio.io/istio/istioctl/cmd/istioctl from it for scripts/bench.sh.
package tools

import _ "istio.io/istio/istioctl/cmd/istioctl"
