#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing, then format check,
# clippy with warnings denied, and every test (offline and against the real local control plane).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*" >&2; }

step "provisioning the local control plane (cached after the first run)"
./scripts/provision-cluster.sh

step "installing test tools"
./scripts/install-test-deps.sh

for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    rustup component add "$component"
  fi
done

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo build"
cargo build --workspace --locked

step "cargo test"
cargo test --workspace --locked -- --test-threads="${OSM_TEST_THREADS:-4}"
