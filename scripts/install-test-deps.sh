#!/usr/bin/env bash
# Debian packages the tests use besides the control plane (prometheus: the real server the
# canary tests query). Installs only what is missing.
# PowerShell is not among them: no package of it can be had here (tests/powershell/mod.rs).
set -euo pipefail
PKGS="openssl dash zsh fish curl binutils bsdutils chromium prometheus"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
echo "[install-test-deps] installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
