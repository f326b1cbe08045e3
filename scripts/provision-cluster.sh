#!/usr/bin/env bash
# Builds the local Kubernetes control plane used by the tests and the demo:
# kube-apiserver, kube-controller-manager and kubectl from Debian's Kubernetes 1.20 source,
# plus etcd from Debian's package. Binaries are cached under $OSM_CLUSTER_CACHE and reused.
set -euo pipefail

CACHE="${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}"
BIN="$CACHE/bin"
STAMP="$BIN/.complete-v1"

log() { printf '[provision] %s\n' "$*" >&2; }

if [ -f "$STAMP" ] && [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kube-controller-manager" ] \
    && [ -x "$BIN/kubectl" ] && command -v etcd >/dev/null 2>&1; then
  log "control-plane binaries already in $BIN"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

APT_PKGS="golang-1.19-go etcd-server rsync make openssl dpkg-dev golang-github-modern-go-reflect2-dev"
missing=""
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done

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

if [ -n "$missing" ] || [ "${NEED_UPDATE:-0}" = 1 ]; then
  log "apt-get update"
  $SUDO apt-get update -qq
fi
if [ -n "$missing" ]; then
  log "installing:$missing"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

SRC_DIR="$CACHE/src"
mkdir -p "$SRC_DIR" "$BIN"
cd "$SRC_DIR"
if ! ls kubernetes_*.dsc >/dev/null 2>&1; then
  log "downloading Debian's kubernetes source package"
  apt-get source --download-only kubernetes >/dev/null
fi
TREE=$(find . -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)
if [ -z "$TREE" ]; then
  log "unpacking the source"
  dpkg-source --no-check -x kubernetes_*.dsc >/dev/null
  TREE=$(find . -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)
fi
TREE=$(cd "$TREE" && pwd)

# reflect2 v1.0.1 crashes the API server on the first custom-resource write when built with
# Go >= 1.18; Debian ships v1.0.2, which is API compatible.
R2_SRC=/usr/share/gocode/src/github.com/modern-go/reflect2
R2_DST="$TREE/vendor/github.com/modern-go/reflect2"
if ! cmp -s "$R2_SRC/reflect2.go" "$R2_DST/reflect2.go"; then
  log "replacing vendored reflect2 with v1.0.2"
  rm -rf "$R2_DST"
  mkdir -p "$R2_DST"
  cp -r "$R2_SRC/." "$R2_DST/"
fi

cd "$TREE"
mkdir -p .go/src/k8s.io
[ -e .go/src/k8s.io/kubernetes ] || ln -s ../../.. .go/src/k8s.io/kubernetes
log "building kube-apiserver, kube-controller-manager, kubectl (several minutes on 2 cores)"
# The 1.20 tree builds with Debian's Go 1.19 only (newer Go rejects its vendored code), so that Go is
# named by path ahead of whatever `go` the machine puts first.
GO119=/usr/lib/go-1.19/bin
[ -x "$GO119/go" ] || { log "Debian's Go 1.19 is missing at $GO119 (apt-get install golang-1.19-go)"; exit 1; }
export PATH="$GO119:$PATH" GOROOT="/usr/lib/go-1.19" GOTOOLCHAIN=local
export GOPATH="$TREE/.go" GO111MODULE=off GOFLAGS="" GOCACHE="$CACHE/gocache-go1.19"
make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kubectl" >"$CACHE/build.log" 2>&1 || {
  tail -n 40 "$CACHE/build.log" >&2
  log "build failed; full log: $CACHE/build.log"
  exit 1
}
OUT=$(find "$TREE/_output" -type f -name kube-apiserver -path '*bin*' | head -n 1)
OUT=$(dirname "$OUT")
for b in kube-apiserver kube-controller-manager kubectl; do
  install -m 0755 "$OUT/$b" "$BIN/$b"
done
touch "$STAMP"
log "done: binaries in $BIN"
