#!/usr/bin/env bash
# Builds the local Kubernetes control planes used by the tests and the demo, and helm, cached under
# $OSM_CLUSTER_CACHE (default ~/.cache/osm-dev-cluster) and reused:
#
#   modern  kube-apiserver, kube-controller-manager, kubectl and etcd of a current release, from the
#           Go modules pinned in tools/kube-build and tools/etcd-build, into bin/$MODERN/ (bin/modern
#           links to it)
#   1.20    kube-apiserver and kube-controller-manager from Debian's Kubernetes 1.20 source, into bin/,
#           with kubectl from Debian's kubernetes-client package and etcd from its etcd-server
#   helm    helm v3 from tools/helm-build, as bin/helm
#   helm4   helm v4 from tools/helm4-build, as bin/helm4 (the Helm interop tests run with both)
#   istioctl  istioctl from tools/istioctl-build, as bin/istioctl, for scripts/bench.sh only (not
#           built by default: neither the tests nor the demo run it)
#
# Usage: provision-cluster.sh [modern|1.20|helm|helm4|istioctl]...   (no argument: the first four)
#
# A module build is redone when the sha256 of its inputs (go.mod, go.sum, Go files, Go version,
# flags), stored beside the binaries, changes.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}"
BIN="$CACHE/bin"
# The release tools/kube-build/go.mod requires; its staging modules are v0.<minor>.<patch>.
MODERN=v1.37.2
# The machine's own Go: the modules need Go >= 1.26, newer than any Debian ships.
GO="${OSM_GO:-/usr/local/go/bin/go}"

log() { printf '[provision] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

apt_install() {
  local missing="" p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -n "$missing" ] || [ "${NEED_UPDATE:-0}" = 1 ]; then
    log "apt-get update"
    $SUDO apt-get update -qq
    NEED_UPDATE=0
  fi
  if [ -n "$missing" ]; then
    log "installing:$missing"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
}

# inputs_sum DIR EXTRA...: sha256 over what decides the binaries built from module DIR.
inputs_sum() {
  local dir=$1
  shift
  {
    "$GO" version
    printf '%s\n' "$@"
    (cd "$dir" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) | LC_ALL=C sort | xargs sha256sum)
  } | sha256sum | cut -d' ' -f1
}

# build_module LABEL DIR OUT STAMP LDFLAGS NAME=PACKAGE...: builds each package of module DIR as
# OUT/NAME, one at a time (2 cores are shared with everything else), unless STAMP holds the
# current inputs_sum.
build_module() {
  local label=$1 dir=$2 out=$3 stamp=$4 ldflags=$5
  shift 5
  local sum t name pkg start have=1
  sum=$(inputs_sum "$dir" "$ldflags" "$@")
  for t in "$@"; do [ -x "$out/${t%%=*}" ] || have=""; done
  if [ -n "$have" ] && [ "$(cat "$out/$stamp" 2>/dev/null)" = "$sum" ]; then
    log "$label already built in $out"
    return 0
  fi
  mkdir -p "$out"
  rm -f "$out/$stamp"
  for t in "$@"; do
    name=${t%%=*}
    pkg=${t#*=}
    log "building $name ($label)"
    start=$SECONDS
    if ! (cd "$dir" && GOMODCACHE="$CACHE/gomod" GOCACHE="$CACHE/gocache-go1.26" GOTOOLCHAIN=local \
      GOFLAGS=-mod=readonly CGO_ENABLED=0 \
      "$GO" build -trimpath -ldflags "$ldflags" -o "$out/.$name.partial" "$pkg") >>"$CACHE/build-modules.log" 2>&1; then
      tail -n 40 "$CACHE/build-modules.log" >&2
      log "building $name failed; full log: $CACHE/build-modules.log"
      exit 1
    fi
    mv "$out/.$name.partial" "$out/$name"
    log "built $name in $((SECONDS - start))s"
  done
  echo "$sum" >"$out/$stamp"
}

provision_modern() {
  [ -x "$GO" ] || { log "the machine's Go is missing at $GO (set OSM_GO to a Go >= 1.26)"; exit 1; }
  apt_install openssl
  local v=${MODERN#v} ld p
  ld="-s -w"
  # What upstream's hack/lib/version.sh stamps: the API server reports it, kubectl compares it.
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=$MODERN -X $p.gitMajor=${v%%.*} -X $p.gitMinor=$(echo "$v" | cut -d. -f2)"
    ld="$ld -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  build_module "Kubernetes $MODERN" "$REPO/tools/kube-build" "$BIN/$MODERN" .kube-inputs.sha256 "$ld" \
    kube-apiserver=./cmd/kube-apiserver kube-controller-manager=./cmd/kube-controller-manager \
    kubectl=./cmd/kubectl
  build_module "etcd" "$REPO/tools/etcd-build" "$BIN/$MODERN" .etcd-inputs.sha256 "-s -w" etcd=.
  ln -sfn "$MODERN" "$BIN/modern"
}

provision_helm() {
  [ -x "$GO" ] || { log "the machine's Go is missing at $GO (set OSM_GO to a Go >= 1.26)"; exit 1; }
  local hv
  hv=$(awk '$1 == "helm.sh/helm/v3" { print $2 }' "$REPO/tools/helm-build/go.mod")
  build_module "helm $hv" "$REPO/tools/helm-build" "$BIN" .helm-inputs.sha256 \
    "-s -w -X helm.sh/helm/v3/internal/version.version=$hv -X helm.sh/helm/v3/internal/version.gitTreeState=clean" \
    helm=helm.sh/helm/v3/cmd/helm
}

provision_helm4() {
  [ -x "$GO" ] || { log "the machine's Go is missing at $GO (set OSM_GO to a Go >= 1.26)"; exit 1; }
  local hv
  hv=$(awk '$1 == "helm.sh/helm/v4" { print $2 }' "$REPO/tools/helm4-build/go.mod")
  # v4 keeps the same version variables as v3 (internal/version/version.go of helm.sh/helm/v4).
  build_module "helm $hv" "$REPO/tools/helm4-build" "$BIN" .helm4-inputs.sha256 \
    "-s -w -X helm.sh/helm/v4/internal/version.version=$hv -X helm.sh/helm/v4/internal/version.gitTreeState=clean" \
    helm4=helm.sh/helm/v4/cmd/helm
}

# The module proxy serves istio.io/istio only as a pseudo-version of the development branch (its
# VERSION file says 1.31), no release tag, so istioctl is that snapshot, stamped as Istio's own
# Makefile stamps a development build (VERSION + "-dev", common/scripts/report_build_info.sh).
provision_istioctl() {
  [ -x "$GO" ] || { log "the machine's Go is missing at $GO (set OSM_GO to a Go >= 1.26)"; exit 1; }
  local iv rev p=istio.io/istio/pkg/version
  iv=$(awk '$1 == "require" && $2 == "istio.io/istio" { print $3 }' "$REPO/tools/istioctl-build/go.mod")
  rev=${iv##*-}
  build_module "istioctl $iv" "$REPO/tools/istioctl-build" "$BIN" .istioctl-inputs.sha256 \
    "-s -w -X $p.buildVersion=1.31-dev -X $p.buildGitRevision=$rev -X $p.buildStatus=Clean -X $p.buildTag=1.31-dev -X $p.buildHub=docker.io/istio" \
    istioctl=istio.io/istio/istioctl/cmd/istioctl
}

provision_120() {
  local stamp="$BIN/.complete-v1"
  if [ -f "$stamp" ] && [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kube-controller-manager" ] \
      && [ -x "$BIN/kubectl" ] && command -v etcd >/dev/null 2>&1; then
    log "Kubernetes 1.20 already built in $BIN"
    return 0
  fi

  # apt-get source needs a deb-src entry; the machine ships only binary entries.
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    log "adding a deb-src entry for bookworm main"
    $SUDO tee /etc/apt/sources.list.d/osm-debian-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    NEED_UPDATE=1
  fi
  apt_install golang-1.19-go etcd-server rsync make openssl dpkg-dev golang-github-modern-go-reflect2-dev

  local src_dir="$CACHE/src" tree
  mkdir -p "$src_dir" "$BIN"
  cd "$src_dir"
  if ! ls kubernetes_*.dsc >/dev/null 2>&1; then
    log "downloading Debian's kubernetes source package"
    apt-get source --download-only kubernetes >/dev/null
  fi
  tree=$(find . -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)
  if [ -z "$tree" ]; then
    log "unpacking the source"
    dpkg-source --no-check -x kubernetes_*.dsc >/dev/null
    tree=$(find . -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)
  fi
  tree=$(cd "$tree" && pwd)

  # reflect2 v1.0.1 crashes the API server on the first custom-resource write when built with
  # Go >= 1.18; Debian ships v1.0.2, which is API compatible.
  local r2_src=/usr/share/gocode/src/github.com/modern-go/reflect2
  local r2_dst="$tree/vendor/github.com/modern-go/reflect2"
  if ! cmp -s "$r2_src/reflect2.go" "$r2_dst/reflect2.go"; then
    log "replacing vendored reflect2 with v1.0.2"
    rm -rf "$r2_dst"
    mkdir -p "$r2_dst"
    cp -r "$r2_src/." "$r2_dst/"
  fi

  cd "$tree"
  mkdir -p .go/src/k8s.io
  [ -e .go/src/k8s.io/kubernetes ] || ln -s ../../.. .go/src/k8s.io/kubernetes
  local start=$SECONDS
  # The 1.20 tree builds with Debian's Go 1.19 only (newer Go rejects its vendored code), so that Go
  # is named by path ahead of whatever `go` the machine puts first.
  local go119=/usr/lib/go-1.19/bin
  [ -x "$go119/go" ] || { log "Debian's Go 1.19 is missing at $go119 (apt-get install golang-1.19-go)"; exit 1; }
  # `make WHAT=...` first regenerates every generated file of the tree (deepcopy, conversion,
  # defaults, ... over some 400 packages); the source package carries them all but the OpenAPI
  # definitions of pkg/generated/openapi, so only those are generated (`make gen_openapi`, the
  # Makefile's own target), then the two servers are built by the script `make` calls.
  log "building kube-apiserver and kube-controller-manager 1.20 (several minutes on 2 cores)"
  (
    export PATH="$go119:$PATH" GOROOT="/usr/lib/go-1.19" GOTOOLCHAIN=local
    export GOPATH="$tree/.go" GO111MODULE=off GOFLAGS="" GOCACHE="$CACHE/gocache-go1.19"
    if [ ! -s pkg/generated/openapi/zz_generated.openapi.go ]; then
      make gen_openapi
    fi
    hack/make-rules/build.sh cmd/kube-apiserver cmd/kube-controller-manager
  ) >"$CACHE/build.log" 2>&1 || {
    tail -n 40 "$CACHE/build.log" >&2
    log "build failed; full log: $CACHE/build.log"
    exit 1
  }
  local out b
  out=$(find "$tree/_output" -type f -name kube-apiserver -path '*bin*' | head -n 1)
  out=$(dirname "$out")
  for b in kube-apiserver kube-controller-manager; do
    install -m 0755 "$out/$b" "$BIN/$b"
  done
  # kubectl 1.20.2 is Debian's binary package of the same source (kubernetes-client), taken out of
  # its .deb rather than installed, so that the machine's PATH keeps whatever kubectl it has.
  cd "$src_dir"
  if ! ls kubernetes-client_*.deb >/dev/null 2>&1; then
    log "downloading Debian's kubernetes-client package (kubectl 1.20.2)"
    apt-get download kubernetes-client >/dev/null
  fi
  rm -rf client-deb
  dpkg-deb -x kubernetes-client_*.deb client-deb
  install -m 0755 client-deb/usr/bin/kubectl "$BIN/kubectl"
  touch "$stamp"
  log "built Kubernetes 1.20 in $((SECONDS - start))s"
}

mkdir -p "$BIN"
[ $# -gt 0 ] || set -- modern 1.20 helm helm4
for what in "$@"; do
  case "$what" in
    modern) provision_modern ;;
    1.20) provision_120 ;;
    helm) provision_helm ;;
    helm4) provision_helm4 ;;
    istioctl) provision_istioctl ;;
    *) log "unknown part '$what' (modern, 1.20, helm, helm4 or istioctl)"; exit 2 ;;
  esac
done
log "done: binaries in $BIN"
