//! A real Prometheus server (Debian's `prometheus` package) on a free loopback port, scraping a
//! small exporter every second. The exporter serves, for each workload a test registers, the
//! series a mesh would: OSM's WASM stats (`osm_request_total`, `osm_request_duration_ms`, labels
//! as the `smi-metrics` job of OSM's prometheus.yml leaves them), Envoy's
//! `envoy_cluster_upstream_rq_xx` of the workload's local cluster (labels as the `kubernetes-pods`
//! job leaves them) and Istio's `istio_requests_total`/`istio_request_duration_milliseconds`.
//! Each test sets its workloads' request rate, error ratio and latency; counters grow with time
//! at that rate, as a real workload's would.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Upper bounds of the latency histograms, in milliseconds (Istio's default buckets).
const BUCKETS: [f64; 12] = [1.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0];

/// What a workload does, as a test sets it.
#[derive(Debug, Clone, Copy)]
pub struct Traffic {
    /// Requests per second.
    pub rps: f64,
    /// Share of them answered with a 500.
    pub error_ratio: f64,
    /// How long each takes.
    pub latency_ms: f64,
}

impl Traffic {
    pub fn healthy() -> Traffic {
        Traffic { rps: 20.0, error_ratio: 0.0, latency_ms: 20.0 }
    }
    pub fn none() -> Traffic {
        Traffic { rps: 0.0, error_ratio: 0.0, latency_ms: 20.0 }
    }
}

#[derive(Debug, Clone)]
struct Series {
    namespace: String,
    workload: String,
    service: String,
    traffic: Traffic,
    ok: f64,
    errors: f64,
    /// Cumulative count per bucket, then +Inf.
    buckets: Vec<f64>,
    sum_ms: f64,
    last: Instant,
}

impl Series {
    fn advance(&mut self, now: Instant) {
        let dt = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        let n = self.traffic.rps * dt;
        self.errors += n * self.traffic.error_ratio;
        self.ok += n * (1.0 - self.traffic.error_ratio);
        for (i, le) in BUCKETS.iter().enumerate() {
            if self.traffic.latency_ms <= *le {
                self.buckets[i] += n;
            }
        }
        let inf = BUCKETS.len();
        self.buckets[inf] += n;
        self.sum_ms += n * self.traffic.latency_ms;
    }
}

#[derive(Default)]
struct Workloads(BTreeMap<(String, String), Series>);

pub struct Prometheus {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    pub port: u16,
    workloads: Arc<Mutex<Workloads>>,
    child: Mutex<Child>,
    _dir: tempfile::TempDir,
}

/// The Prometheus binary, or a failure that says how to install it.
pub fn prometheus_bin() -> PathBuf {
    let found = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .chain([PathBuf::from("/usr/bin")])
        .map(|dir| dir.join("prometheus"))
        .find(|p| p.is_file());
    found.unwrap_or_else(|| {
        panic!(
            "Prometheus is not installed (no `prometheus` on PATH).\n\
             Install it with: ./scripts/install-test-deps.sh   (apt-get install prometheus; \
             ./scripts/test.sh runs it for you)"
        )
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The Prometheus of this test binary, started on first use and stopped when the binary exits.
pub fn prometheus() -> &'static Prometheus {
    static PROMETHEUS: OnceLock<Prometheus> = OnceLock::new();
    PROMETHEUS.get_or_init(start)
}

fn start() -> Prometheus {
    let bin = prometheus_bin();
    let workloads = Arc::new(Mutex::new(Workloads::default()));
    let exporter = TcpListener::bind("127.0.0.1:0").expect("bind the exporter");
    let exporter_port = exporter.local_addr().unwrap().port();
    let shared = workloads.clone();
    std::thread::spawn(move || {
        for conn in exporter.incoming().flatten() {
            let shared = shared.clone();
            std::thread::spawn(move || serve(conn, &shared));
        }
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n\
             scrape_configs:\n  - job_name: exporter\n    static_configs:\n      - targets: ['127.0.0.1:{exporter_port}']\n"
        ),
    )
    .unwrap();
    let mut last_error = String::new();
    // Two attempts: the free port is not reserved between picking and binding it.
    for _ in 0..2 {
        let port = free_port();
        let log = std::fs::File::create(dir.path().join("prometheus.log")).unwrap();
        let mut child = Command::new(&bin)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--storage.tsdb.path={}", dir.path().join("data").display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", bin.display()));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut ready = false;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if let Ok((status, _)) = get(port, "/-/ready")
                && status.contains(" 200")
            {
                ready = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        if ready {
            eprintln!("[harness] prometheus at {url}, scraping the exporter on port {exporter_port}");
            return Prometheus { url, port, workloads, child: Mutex::new(child), _dir: dir };
        }
        let _ = child.kill();
        let _ = child.wait();
        last_error = std::fs::read_to_string(dir.path().join("prometheus.log")).unwrap_or_default();
    }
    panic!("prometheus did not become ready:\n{last_error}");
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        if let Ok(mut child) = self.child.lock() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Prometheus {
    /// Sets (or starts) what workload `workload` of `namespace`, behind Service `service`, serves.
    pub fn set(&self, namespace: &str, workload: &str, service: &str, traffic: Traffic) {
        let mut all = self.workloads.lock().unwrap();
        let now = Instant::now();
        let series = all.0.entry((namespace.to_string(), workload.to_string())).or_insert_with(|| Series {
            namespace: namespace.to_string(),
            workload: workload.to_string(),
            service: service.to_string(),
            traffic,
            ok: 0.0,
            errors: 0.0,
            buckets: vec![0.0; BUCKETS.len() + 1],
            sum_ms: 0.0,
            last: now,
        });
        series.advance(now);
        series.traffic = traffic;
    }

    /// Evaluates `query` now; its one value, or `None`.
    pub fn value(&self, query: &str) -> Option<f64> {
        let (_, body) =
            get(self.port, &format!("/api/v1/query?query={}", encode(query))).expect("query prometheus");
        let answer: serde_json::Value =
            serde_json::from_str(&body).unwrap_or_else(|_| panic!("not JSON: {body}"));
        let result = answer["data"]["result"].as_array()?;
        let value: f64 = result.first()?["value"][1].as_str()?.parse().ok()?;
        (!value.is_nan()).then_some(value)
    }

    /// Waits until Prometheus has scraped `workload`'s requests for at least `window`, so that
    /// rates over it have samples to work with.
    pub fn wait_for_series(&self, namespace: &str, workload: &str, window: Duration) {
        let query = format!(
            "count_over_time(osm_request_total{{destination_namespace=\"{namespace}\",destination_name=\"{workload}\",response_code=\"200\"}}[{}s])",
            window.as_secs().max(1) + 1
        );
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if self.value(&query).is_some_and(|n| n >= window.as_secs_f64()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        panic!("prometheus has no samples of {namespace}/{workload} after 60s ({query})");
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A plain HTTP GET on loopback; (status line, body).
fn get(port: u16, path: &str) -> std::io::Result<(String, String)> {
    let mut conn = TcpStream::connect(("127.0.0.1", port))?;
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(conn, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")?;
    let mut text = String::new();
    conn.read_to_string(&mut text)?;
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        unchunk(body)
    } else {
        body.to_string()
    };
    Ok((head.lines().next().unwrap_or("").to_string(), body))
}

fn unchunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else { break };
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        body = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// Answers one scrape with every workload's series in Prometheus's text format.
fn serve(mut conn: TcpStream, workloads: &Mutex<Workloads>) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let body = {
        let mut all = workloads.lock().unwrap();
        let now = Instant::now();
        for series in all.0.values_mut() {
            series.advance(now);
        }
        exposition(all.0.values())
    };
    let _ = write!(
        conn,
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

fn exposition<'a>(all: impl Iterator<Item = &'a Series> + Clone) -> String {
    let mut out = String::new();
    let le = |i: usize| if i < BUCKETS.len() { format!("{}", BUCKETS[i]) } else { "+Inf".to_string() };
    let osm = |s: &Series| {
        format!(
            "source_namespace=\"client\",source_kind=\"Deployment\",source_name=\"client\",source_pod=\"client-0\",\
             destination_namespace=\"{}\",destination_kind=\"Deployment\",destination_name=\"{}\",destination_pod=\"{}-0\"",
            s.namespace, s.workload, s.workload
        )
    };
    out.push_str("# TYPE osm_request_total counter\n");
    for s in all.clone() {
        out.push_str(&format!("osm_request_total{{response_code=\"200\",{}}} {}\n", osm(s), s.ok));
        out.push_str(&format!("osm_request_total{{response_code=\"500\",{}}} {}\n", osm(s), s.errors));
    }
    out.push_str("# TYPE osm_request_duration_ms histogram\n");
    for s in all.clone() {
        for (i, count) in s.buckets.iter().enumerate() {
            out.push_str(&format!("osm_request_duration_ms_bucket{{{},le=\"{}\"}} {count}\n", osm(s), le(i)));
        }
        out.push_str(&format!("osm_request_duration_ms_sum{{{}}} {}\n", osm(s), s.sum_ms));
        out.push_str(&format!("osm_request_duration_ms_count{{{}}} {}\n", osm(s), s.ok + s.errors));
    }
    out.push_str("# TYPE envoy_cluster_upstream_rq_xx counter\n");
    for s in all.clone() {
        let labels = format!(
            "source_namespace=\"{ns}\",source_workload_kind=\"Deployment\",source_workload_name=\"{w}\",\
             envoy_cluster_name=\"{ns}/{svc}|14001|local\"",
            ns = s.namespace,
            w = s.workload,
            svc = s.service
        );
        out.push_str(&format!(
            "envoy_cluster_upstream_rq_xx{{{labels},envoy_response_code_class=\"2\"}} {}\n",
            s.ok
        ));
        out.push_str(&format!(
            "envoy_cluster_upstream_rq_xx{{{labels},envoy_response_code_class=\"5\"}} {}\n",
            s.errors
        ));
    }
    let istio = |s: &Series| {
        format!(
            "reporter=\"destination\",destination_workload_namespace=\"{}\",destination_workload=\"{}\"",
            s.namespace, s.workload
        )
    };
    out.push_str("# TYPE istio_requests_total counter\n");
    for s in all.clone() {
        out.push_str(&format!("istio_requests_total{{{},response_code=\"200\"}} {}\n", istio(s), s.ok));
        out.push_str(&format!("istio_requests_total{{{},response_code=\"503\"}} {}\n", istio(s), s.errors));
    }
    out.push_str("# TYPE istio_request_duration_milliseconds histogram\n");
    for s in all {
        for (i, count) in s.buckets.iter().enumerate() {
            out.push_str(&format!(
                "istio_request_duration_milliseconds_bucket{{{},le=\"{}\"}} {count}\n",
                istio(s),
                le(i)
            ));
        }
        out.push_str(&format!("istio_request_duration_milliseconds_sum{{{}}} {}\n", istio(s), s.sum_ms));
        out.push_str(&format!(
            "istio_request_duration_milliseconds_count{{{}}} {}\n",
            istio(s),
            s.ok + s.errors
        ));
    }
    out
}
