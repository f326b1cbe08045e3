#!/bin/sh
# Installs the osm command-line tool for the current user.
#
#   curl -fsSL https://raw.githubusercontent.com/osm-cli/osm/main/install.sh | sh
#
# Settings (environment variables):
#   OSM_VERSION       version to install, e.g. 0.1.0 or v0.1.0 (default: the latest release)
#   OSM_DOWNLOAD_URL  base URL of the release files (default: GitHub releases); files are fetched
#                     from ${OSM_DOWNLOAD_URL}/v<version>/<file>. Without OSM_VERSION, a mirror must
#                     serve ${OSM_DOWNLOAD_URL}/latest, a text file holding the latest version.
#   OSM_INSTALL_DIR   where to put the osm binary (default: ~/.osm/bin); no sudo needed
#   OSM_ISTIOCTL_LINK set to 1 to also add an `istioctl` link to osm in the same directory, so that
#                     istioctl command lines (install, kube-inject, uninstall, ...) run osm. Never
#                     replaces an istioctl that is not such a link.
#
# The archive's SHA-256 is checked against the release's sha256sums.txt before anything is
# installed. POSIX sh: runs under dash, busybox sh, bash and zsh.
set -eu

OSM_REPO="osm-cli/osm"
GITHUB_DOWNLOAD_URL="https://github.com/${OSM_REPO}/releases/download"
GITHUB_LATEST_API="https://api.github.com/repos/${OSM_REPO}/releases/latest"

say() { printf '%s\n' "$*" >&2; }
fail() {
  printf 'install.sh: error: %s\n' "$*" >&2
  exit 1
}

# download URL FILE: fails (non-zero) on HTTP errors without printing the server's error page.
download() {
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,http' -fsSL -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    fail "neither curl nor wget is installed; install one of them and run this again"
  fi
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 "$1" | sed 's/^.*= *//'
  else
    fail "no SHA-256 tool found (sha256sum, shasum or openssl); cannot verify the download"
  fi
}

detect_os() {
  case "$(uname -s)" in
    Linux) echo linux ;;
    Darwin) echo darwin ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT)
      fail "this is Windows: use install.ps1 in PowerShell instead (see the README)" ;;
    *) fail "operating system '$(uname -s)' is not supported: osm releases exist for Linux, macOS and Windows; build from source with 'cargo install --git https://github.com/${OSM_REPO}'" ;;
  esac
}

detect_arch() {
  case "$(uname -m)" in
    x86_64 | amd64) echo amd64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) fail "CPU architecture '$(uname -m)' is not supported: osm releases exist for amd64 and arm64; build from source with 'cargo install --git https://github.com/${OSM_REPO}'" ;;
  esac
}

# latest_version TMPDIR: the newest release, from the mirror's 'latest' file or GitHub's API.
latest_version() {
  if [ -n "${OSM_DOWNLOAD_URL:-}" ]; then
    download "${OSM_DOWNLOAD_URL}/latest" "$1/latest" ||
      fail "cannot read ${OSM_DOWNLOAD_URL}/latest to find the latest version: set OSM_VERSION, or publish that file (it holds a version such as 0.1.0)"
    head -n 1 "$1/latest" | tr -d ' \r\t'
  else
    download "$GITHUB_LATEST_API" "$1/latest.json" ||
      fail "cannot ask GitHub for the latest release ($GITHUB_LATEST_API): set OSM_VERSION to the version you want"
    sed -n 's/^[[:space:]]*"tag_name":[[:space:]]*"\([^"]*\)".*$/\1/p' "$1/latest.json" | head -n 1
  fi
}

main() {
  os=$(detect_os)
  arch=$(detect_arch)
  base_url="${OSM_DOWNLOAD_URL:-$GITHUB_DOWNLOAD_URL}"
  base_url="${base_url%/}"
  install_dir="${OSM_INSTALL_DIR:-${HOME:?HOME is not set: set OSM_INSTALL_DIR}/.osm/bin}"

  tmp=$(mktemp -d 2>/dev/null || mktemp -d -t osm-install)
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM

  version="${OSM_VERSION:-}"
  if [ -z "$version" ]; then
    version=$(latest_version "$tmp")
    [ -n "$version" ] || fail "could not find the latest osm version: set OSM_VERSION"
  fi
  version="${version#v}"
  case "$version" in
    '' | *[!0-9A-Za-z.+-]*) fail "OSM_VERSION '$version' is not a version such as 0.1.0" ;;
  esac

  if [ -x "$install_dir/osm" ] &&
    "$install_dir/osm" version --client 2>/dev/null | grep -q "^CLI Version: *v${version}\$"; then
    say "osm v${version} is already installed in ${install_dir}; nothing to do."
    link_istioctl "$install_dir"
    print_next_steps "$install_dir"
    return 0
  fi

  archive="osm-${version}-${os}-${arch}.tar.gz"
  release_url="${base_url}/v${version}"
  say "Downloading osm v${version} for ${os}/${arch} from ${release_url}"
  download "${release_url}/sha256sums.txt" "$tmp/sha256sums.txt" ||
    fail "osm v${version} is not published at ${release_url} (sha256sums.txt is missing): check OSM_VERSION${OSM_DOWNLOAD_URL:+ and OSM_DOWNLOAD_URL}"
  expected=$(awk -v file="$archive" '$2 == file || $2 == "*" file { print $1; exit }' "$tmp/sha256sums.txt")
  [ -n "$expected" ] ||
    fail "sha256sums.txt of v${version} has no entry for ${archive}: this release has no ${os}/${arch} build; nothing was installed"
  download "${release_url}/${archive}" "$tmp/${archive}" ||
    fail "cannot download ${release_url}/${archive}"

  actual=$(sha256_of "$tmp/${archive}")
  if [ "$actual" != "$expected" ]; then
    fail "checksum mismatch for ${archive}: expected ${expected}, got ${actual}. The download is corrupt or was tampered with; nothing was installed"
  fi
  say "Verified SHA-256 ${actual}"

  mkdir "$tmp/unpacked"
  tar -xzf "$tmp/${archive}" -C "$tmp/unpacked" osm ||
    fail "${archive} does not contain osm; nothing was installed"

  mkdir -p "$install_dir" || fail "cannot create ${install_dir}: set OSM_INSTALL_DIR to a directory you can write"
  # Copy next to the target, then rename: a running osm is never left half-written.
  cp "$tmp/unpacked/osm" "$install_dir/.osm.new.$$"
  chmod 755 "$install_dir/.osm.new.$$"
  mv -f "$install_dir/.osm.new.$$" "$install_dir/osm"
  say "Installed osm v${version} to ${install_dir}/osm"
  link_istioctl "$install_dir"
  print_next_steps "$install_dir"
}

# link_istioctl DIR: with OSM_ISTIOCTL_LINK=1, DIR/istioctl becomes a link to DIR/osm, which runs
# istioctl's command lines when called by that name. A real istioctl, in DIR or anywhere on PATH,
# is left alone: the link would replace or shadow it.
link_istioctl() {
  [ "${OSM_ISTIOCTL_LINK:-}" = 1 ] || return 0
  link="$1/istioctl"
  if [ -L "$link" ] && [ "$(readlink "$link")" = "osm" ]; then
    say "istioctl already links to osm in $1; nothing to do."
    return 0
  fi
  if [ -e "$link" ] || [ -L "$link" ]; then
    say "warning: $link exists and is not a link to osm; left as it is (remove it to get the link)"
    return 0
  fi
  found=$(command -v istioctl 2>/dev/null || true)
  if [ -n "$found" ]; then
    say "warning: an istioctl is already on PATH at $found; no link made, so it keeps answering to istioctl"
    return 0
  fi
  ln -s osm "$link" || fail "cannot create $link"
  say "Linked ${link} to osm: istioctl command lines now run osm"
}

print_next_steps() {
  case ":${PATH}:" in
    *":$1:"*) ;;
    *)
      say ""
      say "Add osm to your PATH (put this line in ~/.profile, ~/.bashrc or ~/.zshrc):"
      say "  export PATH=\"$1:\$PATH\""
      ;;
  esac
  say ""
  say "Next:"
  say "  osm version     # the client version, and the cluster and mesh it can see"
  say "  osm install     # install Open Service Mesh into the current kubectl context"
}

main "$@"
