# Port-forward throughput (100 MB) and time to first byte through `osm port-forward` (WebSocket)
# beside `kubectl port-forward` (SPDY) on the same pod, and a direct loopback connection to the
# same server (the upper bound). Both tunnels go through the real API server to the kubelet
# stand-in, which relays to the server.
# Sourced by scripts/bench.sh (OSM, KUBECTL, KUBECONFIG, REPO set).
#   BENCH_LOAD=N        N busy loops run while both tools are measured (the machine under load)
#   BENCH_PF_TRACE=FILE osm's debug log of the forward (-vv: when each connection got its tunnel,
#                       each spare's opening) is copied to FILE

pf_ns="bench-pf-$$"
pf_tmp=$(mktemp -d)
pf_cleanup() {
  [ -f "$pf_tmp/osm.pid" ] && kill "$(cat "$pf_tmp/osm.pid")" 2>/dev/null
  [ -f "$pf_tmp/kubectl.pid" ] && kill "$(cat "$pf_tmp/kubectl.pid")" 2>/dev/null
  [ -f "$pf_tmp/server.pid" ] && kill "$(cat "$pf_tmp/server.pid")" 2>/dev/null
  pf_unload
  "$KUBECTL" delete namespace "$pf_ns" --wait=false >/dev/null 2>&1 || true
  rm -rf "$pf_tmp"
}

pf_load() {
  local i
  for i in $(seq 1 "${BENCH_LOAD:-0}"); do
    sh -c 'while :; do :; done' &
    echo $! >>"$pf_tmp/load.pids"
  done
}
pf_unload() {
  [ -f "$pf_tmp/load.pids" ] || return 0
  # shellcheck disable=SC2046
  kill $(cat "$pf_tmp/load.pids") 2>/dev/null
  rm -f "$pf_tmp/load.pids"
}

cat >"$pf_tmp/pf.py" <<'PY'
import socket, statistics, sys, threading, time

def serve(port_file):
    # Reads "N\n", answers with N bytes, closes. A connection closed before asking is osm's
    # unused spare stream: nothing to answer.
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0)); s.listen(64)
    open(port_file, "w").write(str(s.getsockname()[1]))
    chunk = b"x" * (1 << 20)
    def handle(c):
        f = c.makefile("rb"); line = f.readline()
        if not line:
            c.close(); return
        n = int(line)
        while n > 0:
            k = min(n, len(chunk)); c.sendall(chunk[:k]); n -= k
        c.close()
    while True:
        c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()

def fetch(port, n):
    t0 = time.perf_counter()
    c = socket.create_connection(("127.0.0.1", port)); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.sendall(b"%d\n" % n)
    got = len(c.recv(1 << 20)); first = time.perf_counter() - t0
    while got < n:
        d = c.recv(1 << 20)
        if not d: break
        got += len(d)
    total = time.perf_counter() - t0
    c.close()
    assert got == n, f"got {got} of {n} bytes"
    return first, total

def measure(port):
    mb = 100
    totals = [fetch(port, mb * 1000 * 1000)[1] for _ in range(3)]
    firsts = sorted(fetch(port, 1)[0] for _ in range(20))
    t = statistics.median(totals)
    # median, then the 18th of 20 (90th percentile)
    print(f"{t*1000:.1f} {mb/t:.1f} {statistics.median(firsts)*1000:.2f} {firsts[17]*1000:.2f}")

if sys.argv[1] == "serve": serve(sys.argv[2])
else: measure(int(sys.argv[2]))
PY

python3 "$pf_tmp/pf.py" serve "$pf_tmp/server.port" &
echo $! >"$pf_tmp/server.pid"
for _ in $(seq 1 50); do [ -s "$pf_tmp/server.port" ] && break; sleep 0.1; done
pf_server_port=$(cat "$pf_tmp/server.port")

"$KUBECTL" create namespace "$pf_ns" >/dev/null
"$KUBECTL" apply -f - >/dev/null <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: blob, namespace: $pf_ns}
spec:
  replicas: 1
  selector: {matchLabels: {app: blob}}
  template:
    metadata:
      labels: {app: blob}
      annotations: {kubelet-standin.osm.dev/forward-8080: "127.0.0.1:$pf_server_port"}
    spec:
      containers: [{name: blob, image: blob, ports: [{containerPort: 8080}]}]
YAML
"$KUBECTL" rollout status -n "$pf_ns" deploy/blob --timeout=60s >/dev/null

"$OSM" ${BENCH_PF_TRACE:+-vv} port-forward deploy/blob -n "$pf_ns" :8080 >"$pf_tmp/osm.out" 2>"$pf_tmp/osm.err" &
echo $! >"$pf_tmp/osm.pid"
for _ in $(seq 1 100); do grep -q "Forwarding from" "$pf_tmp/osm.out" 2>/dev/null && break; sleep 0.1; done
pf_osm_port=$(sed -n 's/^Forwarding from [^ ]*:\([0-9]*\) .*/\1/p' "$pf_tmp/osm.out" | head -n 1)

"$KUBECTL" port-forward deploy/blob -n "$pf_ns" :8080 >"$pf_tmp/kubectl.out" 2>"$pf_tmp/kubectl.err" &
echo $! >"$pf_tmp/kubectl.pid"
for _ in $(seq 1 100); do grep -q "Forwarding from" "$pf_tmp/kubectl.out" 2>/dev/null && break; sleep 0.1; done
pf_kubectl_port=$(sed -n 's/^Forwarding from 127.0.0.1:\([0-9]*\) .*/\1/p' "$pf_tmp/kubectl.out" | head -n 1)

if [ -n "$pf_osm_port" ] && [ -n "$pf_kubectl_port" ]; then
  pf_load
  read -r osm_ms osm_mbs osm_ttfb osm_p90 < <(python3 "$pf_tmp/pf.py" measure "$pf_osm_port")
  read -r k_ms k_mbs k_ttfb k_p90 < <(python3 "$pf_tmp/pf.py" measure "$pf_kubectl_port")
  read -r dir_ms dir_mbs dir_ttfb _ < <(python3 "$pf_tmp/pf.py" measure "$pf_server_port")
  pf_unload
  [ -z "${BENCH_PF_TRACE:-}" ] || cp "$pf_tmp/osm.err" "$BENCH_PF_TRACE"
  # The table's columns: OSM ms | - | KUBECTL ms | - | kubectl/osm. Memory is not sampled here.
  row() { awk -v n="$1" -v o="$2" -v k="$3" 'BEGIN { printf "%-44s %12.2f %10s %12.2f %10s %7.2fx\n", n, o, "-", k, "-", k/o }'; }
  row "port-forward 100 MB transfer (ms)" "$osm_ms" "$k_ms"
  row "port-forward first byte, new conn (ms)" "$osm_ttfb" "$k_ttfb"
  printf '%-44s %12s %10s %12s %10s\n' "  first byte p90, ms (osm | kubectl)" "$osm_p90" - "$k_p90" -
  printf '%-44s %12s %10s %12s %10s\n' "  throughput MB/s (osm | kubectl)" "$osm_mbs" - "$k_mbs" -
  printf '%-44s %12s %10s %12s %10s\n' "  direct loopback: 100 MB ms, MB/s, 1st byte" "$dir_ms" - "$dir_mbs" "$dir_ttfb"
else
  echo "port-forward: a tunnel did not start: $(cat "$pf_tmp/osm.err" "$pf_tmp/kubectl.err")" >&2
fi
pf_cleanup
