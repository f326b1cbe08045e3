# Port-forward to a walkthrough pod: the bookbuyer UI on port 14001, the way the walkthrough has
# users run `kubectl port-forward bookbuyer-<hash> -n bookbuyer 8080:14001`, but by Deployment
# name, and surviving the pod being replaced. No container runs on this machine, so a small
# loopback web server plays the bookbuyer UI, registered with the kubelet stand-in's annotation.
# Sourced by scripts/demo.sh (run, REPO, KUBECONFIG, PATH set).

pf_demo=$(mktemp -d)
if command -v curl >/dev/null; then
  pf_get() { run curl -s "$1"; }
else
  pf_get() { run python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode(), end="")' "$1"; }
fi
mkdir -p "$pf_demo/www"
printf '<html><head><title>Bookbuyer</title></head><body><h1>Bookbuyer</h1><p>Books bought: 42</p></body></html>\n' \
  >"$pf_demo/www/index.html"
python3 -c '
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
open(sys.argv[2], "w").write(str(server.server_address[1]))
server.serve_forever()' "$pf_demo/www" "$pf_demo/port" &
pf_demo_server=$!
for _ in $(seq 1 50); do [ -s "$pf_demo/port" ] && break; sleep 0.1; done
pf_demo_annotation="{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubelet-standin.osm.dev/forward-14001\":\"127.0.0.1:$(cat "$pf_demo/port")\"}}}}}"

kubectl get namespace bookbuyer >/dev/null 2>&1 || kubectl create namespace bookbuyer >/dev/null
if ! kubectl get deploy bookbuyer -n bookbuyer >/dev/null 2>&1; then
  kubectl apply -f - >/dev/null <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: bookbuyer, namespace: bookbuyer}
spec:
  replicas: 1
  selector: {matchLabels: {app: bookbuyer, version: v1}}
  template:
    metadata: {labels: {app: bookbuyer, version: v1}}
    spec:
      containers:
      - {name: bookbuyer, image: "openservicemesh/bookbuyer:v1.2.0", ports: [{containerPort: 14001, name: web}]}
YAML
fi
kubectl patch deploy bookbuyer -n bookbuyer --type merge -p "$pf_demo_annotation" >/dev/null
kubectl rollout status deploy/bookbuyer -n bookbuyer --timeout=60s >/dev/null

# Local port = remote port (14001), or a free one (said on stderr) if 14001 is taken here.
printf '\n$ osm port-forward deploy/bookbuyer -n bookbuyer 14001 &\n'
osm port-forward deploy/bookbuyer -n bookbuyer 14001 >"$pf_demo/out" 2>"$pf_demo/err" &
pf_demo_osm=$!
for _ in $(seq 1 100); do grep -q "Forwarding from" "$pf_demo/out" && break; sleep 0.1; done
cat "$pf_demo/out" "$pf_demo/err"
pf_demo_url="http://$(sed -n 's/^Forwarding from \([^ ]*\) .*/\1/p' "$pf_demo/out" | head -n 1)/"
pf_get "$pf_demo_url"

printf '\n# the pod goes away (a restart, a rollout): the same local port keeps working\n'
run kubectl delete pod -n bookbuyer -l app=bookbuyer --wait=false
pf_demo_seen=$(wc -l <"$pf_demo/err")
for _ in $(seq 1 100); do grep -q "forwarding to pod" "$pf_demo/err" && break; sleep 0.1; done
tail -n +"$((pf_demo_seen + 1))" "$pf_demo/err"
pf_get "$pf_demo_url"

kill -INT "$pf_demo_osm" 2>/dev/null; wait "$pf_demo_osm" 2>/dev/null || true
kill "$pf_demo_server" 2>/dev/null; wait "$pf_demo_server" 2>/dev/null || true
rm -rf "$pf_demo"
