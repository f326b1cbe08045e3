# shellcheck shell=bash
# Istio's walkthroughs with osm instead of istioctl: install the demo profile, enrol a namespace,
# deploy bookinfo from Istio's sample, route reviews to v1, then v3, send user jason to v2, split
# 50/50, mirror httpbin to a v2 deployed through kube-inject, then a canary gated by Prometheus.
ISTIO_DEMO_TMP=$(mktemp -d)
istio_demo_cleanup() {
  [ -n "${ISTIO_PROM_PID:-}" ] && kill "$ISTIO_PROM_PID" 2>/dev/null
  [ -n "${ISTIO_EXPORTER_PID:-}" ] && kill "$ISTIO_EXPORTER_PID" 2>/dev/null
  rm -rf "$ISTIO_DEMO_TMP"
}
trap istio_demo_cleanup EXIT

run osm check --mesh istio --pre
run osm istio install --set profile=demo -y
run osm istio install --set profile=demo -y
run osm istio version
run osm check --mesh istio

kubectl create namespace bookinfo --dry-run=client -o yaml | kubectl apply -f - >/dev/null
run osm namespace add bookinfo --mesh istio
# Automatic injection needs istiod running to answer the injector webhook, and no container runs
# on this local control plane: take the namespace out again and inject bookinfo with kube-inject,
# as Istio's manual-injection walkthrough does.
run osm namespace remove bookinfo --mesh istio
run sh -c 'osm istio kube-inject -f testdata/istio/bookinfo.yaml | kubectl apply -n bookinfo -f -'
run kubectl apply -n bookinfo -f testdata/istio/destination-rule-all.yaml
run kubectl apply -n bookinfo -f testdata/istio/virtual-service-all-v1.yaml
run osm traffic route reviews -n bookinfo --to v1
run osm traffic route reviews -n bookinfo --to v3
run osm traffic match add reviews -n bookinfo --header end-user=jason --to v2
run osm traffic split set reviews -n bookinfo v1=50 v3=50
run osm traffic get reviews -n bookinfo

# Mirroring: httpbin v1 from Istio's sample, and a v2 beside it, both injected by osm.
kubectl create namespace mirror-demo --dry-run=client -o yaml | kubectl apply -f - >/dev/null
run sh -c 'osm istio kube-inject -f testdata/istio/httpbin.yaml | kubectl apply -n mirror-demo -f -'
sed -e 's/name: httpbin$/name: httpbin-v2/' -e 's/version: v1/version: v2/' testdata/istio/httpbin.yaml |
  awk 'BEGIN{RS="---\n"; ORS="---\n"} /kind: Deployment/' >"$ISTIO_DEMO_TMP/httpbin-v2.yaml"
run sh -c "osm istio kube-inject -f $ISTIO_DEMO_TMP/httpbin-v2.yaml | kubectl apply -n mirror-demo -f -"
kubectl apply -n mirror-demo -f - >/dev/null <<'YAML'
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
YAML
kubectl delete virtualservice httpbin -n mirror-demo --ignore-not-found >/dev/null
run osm traffic split create httpbin -n mirror-demo --api istio --service httpbin --backend v1=100
run osm traffic mirror set httpbin -n mirror-demo --to v2 --percent 100
run osm traffic get httpbin -n mirror-demo

# A canary gated by metrics: a real Prometheus scrapes an exporter that reports Istio's request
# metrics for reviews-v1 and reviews-v3 (no sidecar runs here to report them), and the shift
# advances only while reviews-v3 answers at least 99% of its requests without a 5xx.
if ! command -v prometheus >/dev/null 2>&1; then ./scripts/install-test-deps.sh; fi
exporter_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
prom_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$exporter_port" >"$ISTIO_DEMO_TMP/exporter.log" 2>&1 <<'PY' &
import http.server, sys, time
start = time.time()
class Metrics(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        n = int((time.time() - start) * 20)
        body = "".join(
            f'istio_requests_total{{reporter="destination",destination_workload_namespace="bookinfo",'
            f'destination_workload="{w}",response_code="200"}} {n}\n' for w in ("reviews-v1", "reviews-v3"))
        self.send_response(200); self.end_headers(); self.wfile.write(body.encode())
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Metrics).serve_forever()
PY
ISTIO_EXPORTER_PID=$!
cat >"$ISTIO_DEMO_TMP/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
- job_name: istio-demo
  static_configs: [{targets: ["127.0.0.1:$exporter_port"]}]
YAML
prometheus --config.file="$ISTIO_DEMO_TMP/prometheus.yml" --storage.tsdb.path="$ISTIO_DEMO_TMP/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" >"$ISTIO_DEMO_TMP/prometheus.log" 2>&1 &
ISTIO_PROM_PID=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$prom_port/-/ready" >/dev/null 2>&1 && break; sleep 0.2; done
sleep 3
run osm traffic route reviews -n bookinfo --to v1
run osm traffic shift reviews -n bookinfo --to v3 --step 50 --interval 3s --min-success-rate 99 \
  --min-requests 1 --prometheus "http://127.0.0.1:$prom_port"
run osm traffic get reviews -n bookinfo

run osm istio uninstall --purge -y
run kubectl delete namespace bookinfo mirror-demo --wait=false
