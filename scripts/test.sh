#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing, then format check,
# clippy with warnings denied, and every test (offline and against the real local control plane)
# on the current Kubernetes release, then the install and uninstall tests again on Kubernetes 1.20,
# so that both sides of every API-version choice run live.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*" >&2; }

step "provisioning the local control planes, helm v3 and helm v4 (cached after the first run)"
./scripts/provision-cluster.sh modern 1.20 helm helm4

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

step "cargo test (Kubernetes $(basename "$(readlink "${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}/bin/modern")"))"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
threads="${OSM_TEST_THREADS:-4}"
# osm's unit tests, every target of the workspace's other crates (gotemplate, xtask,
# kubelet-standin), the doc tests, then the one integration-test binary, tests/it.
cargo test --locked --no-fail-fast -p osm --lib --bins -- --test-threads="$threads" 2>&1 | tee "$log" || status=$?
cargo test --locked --no-fail-fast --workspace --exclude osm --all-targets -- --test-threads="$threads" 2>&1 | tee -a "$log" || status=$?
cargo test --locked --no-fail-fast --workspace --doc 2>&1 | tee -a "$log" || status=$?
# The install, install_contract and uninstall modules run again on Kubernetes 1.20, beside the
# run on the current release rather than after it: the tests mostly wait on their control
# planes, so the two runs share the cores well. By exact name: a substring filter `install::`
# would also pick up uninstall:: and any module whose name ends in `install`.
mapfile -t on_1_20 < <(cargo test --locked --test it -- --list --format terse 2>/dev/null |
  sed -n -E 's/^((install|install_contract|uninstall)::[A-Za-z0-9_]+): test$/\1/p')
log_1_20=$(mktemp)
trap 'rm -f "$log" "$log_1_20"' EXIT
status_1_20=0
if [ "${#on_1_20[@]}" -eq 0 ]; then
  echo "no install, install_contract or uninstall test listed by cargo test --test it -- --list" >&2
  status_1_20=1
else
  OSM_KUBE_RELEASE=1.20 cargo test --locked --no-fail-fast --test it -- --exact "${on_1_20[@]}" \
    --test-threads="${OSM_TEST_THREADS_1_20:-2}" >"$log_1_20" 2>&1 &
  pid_1_20=$!
fi
OSM_KUBE_RELEASE=modern cargo test --locked --no-fail-fast --test it -- --test-threads="$threads" 2>&1 | tee -a "$log" || status=$?

step "cargo test --test it: the install, install_contract and uninstall modules (Kubernetes 1.20, run alongside)"
if [ -n "${pid_1_20:-}" ]; then
  wait "$pid_1_20" || status_1_20=$?
fi
tee -a "$log" <"$log_1_20"
[ "$status_1_20" -eq 0 ] || status=$status_1_20
# One closing line over every test binary of both runs, so a run that executed no test cannot pass unnoticed.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "\nsummary: %d passed, %d failed\n", p, f; if (p == 0) exit 1 }' "$log" || status=1
exit "$status"
