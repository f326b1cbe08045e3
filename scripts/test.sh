#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing, then format check,
# clippy with warnings denied, and every test (offline and against the real local control plane)
# on the current Kubernetes release, then the install, uninstall and port-forward tests again on
# Kubernetes 1.20, so that both sides of every API-version choice run live.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$*" >&2; }

for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    rustup component add "$component"
  fi
done

step "cargo fmt --check"
cargo fmt --all -- --check

# The Rust side (clippy, the build, the test binaries) compiles beside the Go builds of the
# provisioning: each leaves a core idle at times (a linker, a module download), and on a cold run
# the two together take minutes less than one after the other.
rust_log=$(mktemp)
trap 'rm -f "$rust_log"; [ -z "${rust_pid:-}" ] || kill "$rust_pid" 2>/dev/null || true' EXIT
(
  cargo clippy --workspace --all-targets --locked -- -D warnings &&
    cargo build --workspace --locked &&
    cargo test --locked --workspace --no-run
) >"$rust_log" 2>&1 &
rust_pid=$!

step "provisioning the local control planes, helm v3 and helm v4 (cached after the first run)"
./scripts/provision-cluster.sh modern 1.20 helm helm4

step "installing test tools"
./scripts/install-test-deps.sh

step "cargo clippy (warnings denied), cargo build and the test binaries (compiled beside the provisioning)"
rust_status=0
wait "$rust_pid" || rust_status=$?
rust_pid=
cat "$rust_log" >&2
[ "$rust_status" -eq 0 ] || exit "$rust_status"

step "cargo test (Kubernetes $(basename "$(readlink "${OSM_CLUSTER_CACHE:-$HOME/.cache/osm-dev-cluster}/bin/modern")"))"
log=$(mktemp)
trap 'rm -f "$log" "$rust_log"' EXIT
status=0
threads="${OSM_TEST_THREADS:-4}"
# osm's unit tests, every target of the workspace's other crates (gotemplate, xtask,
# kubelet-standin), the doc tests, then the one integration-test binary, tests/it.
cargo test --locked --no-fail-fast -p osm --lib --bins -- --test-threads="$threads" 2>&1 | tee "$log" || status=$?
cargo test --locked --no-fail-fast --workspace --exclude osm --all-targets -- --test-threads="$threads" 2>&1 | tee -a "$log" || status=$?
cargo test --locked --no-fail-fast --workspace --doc 2>&1 | tee -a "$log" || status=$?
# The install, install_contract, uninstall and port_forward modules run again on Kubernetes 1.20
# (port-forwarding takes another path there: a WebSocket per connection, no SPDY tunnel), beside
# the run on the current release rather than after it: the tests mostly wait on their control
# planes, so the two runs share the cores well. By exact name: a substring filter `install::`
# would also pick up uninstall:: and any module whose name ends in `install`.
mapfile -t on_1_20 < <(cargo test --locked --test it -- --list --format terse 2>/dev/null |
  sed -n -E 's/^((install|install_contract|uninstall|port_forward)::[A-Za-z0-9_]+): test$/\1/p')
log_1_20=$(mktemp)
trap 'rm -f "$log" "$log_1_20" "$rust_log"' EXIT
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

step "cargo test --test it: the install, install_contract, uninstall and port_forward modules (Kubernetes 1.20, run alongside)"
if [ -n "${pid_1_20:-}" ]; then
  wait "$pid_1_20" || status_1_20=$?
fi
tee -a "$log" <"$log_1_20"
[ "$status_1_20" -eq 0 ] || status=$status_1_20
# One closing line over every test binary of both runs, so a run that executed no test cannot pass unnoticed.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "\nsummary: %d passed, %d failed\n", p, f; if (p == 0) exit 1 }' "$log" || status=1
exit "$status"
