#!/usr/bin/env bash
# The main job, end to end: starts the local control plane (provisioning it on first use),
# builds osm, and walks through the Open Service Mesh bookstore walkthrough with it, printing
# each command and its output.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

./scripts/dev-cluster.sh up
eval "$(./scripts/dev-cluster.sh env)"
cargo build --workspace -q
export PATH="$REPO/target/debug:$(./scripts/dev-cluster.sh bin):$PATH"
export KUBECONFIG

# run CMD...: prints the command, then runs it (its output follows).
run() {
  if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then printf '\n\033[1m$ %s\033[0m\n' "$*"; else printf '\n$ %s\n' "$*"; fi
  "$@"
}

run osm version --client
run osm version

for part in "$REPO"/scripts/demo.d/*.sh; do
  [ -e "$part" ] || continue
  # shellcheck source=/dev/null
  . "$part"
done

printf '\nThe control plane keeps running: `eval "$(scripts/dev-cluster.sh env)"` to use it, `scripts/dev-cluster.sh down` to stop it.\n'
