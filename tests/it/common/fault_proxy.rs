//! A loopback proxy in front of the test API server that breaks some of what passes through it:
//! connections reset as they open, requests reset before or after the server saw them, and
//! 503 and 429 answers with Retry-After. Faults are on only while a test says so.
//!
//! The proxy terminates TLS (with the API server's own serving certificate, which is valid for
//! 127.0.0.1, so a kubeconfig copy needs only a new port) and opens its own TLS connection
//! upstream. A byte-level TCP proxy could reset connections too, but through TLS it cannot tell
//! where a request starts or whether the server already acted on it, and it cannot answer 503.
//! Seeing requests lets it hit the cases a client must get right: a reset before the server saw
//! the request, a reset after the server carried it out (a create that then meets AlreadyExists
//! on its retry), and overload answers a client should wait out.
//!
//! Faults come on a fixed rhythm, not at random, so that a failure reproduces: every
//! `connection_every`-th new connection and every `request_every`-th request, the request
//! faults cycling through the kinds.
//!
//! The latency mode ([`FaultProxy::start_slow`]) breaks nothing: it holds every request for 1 to
//! 5 seconds before forwarding it, the delays cycling through 1, 2, 3, 4, 5 s, as an API server
//! under load answers late. The proxy listens on 127.0.0.1 only.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::{TlsAcceptor, TlsConnector};

/// How often faults come while they are on.
#[derive(Debug, Clone, Copy)]
pub struct FaultPlan {
    /// Every n-th new connection is reset before its TLS handshake.
    pub connection_every: u64,
    /// Every n-th request meets a fault.
    pub request_every: u64,
}

impl Default for FaultPlan {
    fn default() -> Self {
        FaultPlan { connection_every: 4, request_every: 3 }
    }
}

/// The delays of the latency mode, in turn: 1 to 5 s, never more.
pub const LATENCIES: [Duration; 5] = [
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(3),
    Duration::from_secs(4),
    Duration::from_secs(5),
];

/// How many faults of each kind were injected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Injected {
    /// Connections reset right after accept.
    pub connection_resets: u64,
    /// Requests whose connection was reset before they were forwarded.
    pub resets_before: u64,
    /// Requests forwarded (the server acted on them) whose answer was replaced by a reset.
    pub resets_after: u64,
    /// Requests answered 503 Service Unavailable with Retry-After.
    pub unavailable: u64,
    /// Requests answered 429 Too Many Requests with Retry-After.
    pub too_many: u64,
}

impl Injected {
    pub fn total(&self) -> u64 {
        self.connection_resets + self.resets_before + self.resets_after + self.unavailable + self.too_many
    }

    /// What was injected since `earlier`.
    pub fn since(&self, earlier: &Injected) -> Injected {
        Injected {
            connection_resets: self.connection_resets - earlier.connection_resets,
            resets_before: self.resets_before - earlier.resets_before,
            resets_after: self.resets_after - earlier.resets_after,
            unavailable: self.unavailable - earlier.unavailable,
            too_many: self.too_many - earlier.too_many,
        }
    }
}

#[derive(Default)]
struct Counters {
    connections: AtomicU64,
    requests: AtomicU64,
    forwarded: AtomicU64,
    /// Requests held back in the latency mode, and for how long in all (milliseconds).
    delayed: AtomicU64,
    delay_ms: AtomicU64,
    connection_resets: AtomicU64,
    resets_before: AtomicU64,
    resets_after: AtomicU64,
    unavailable: AtomicU64,
    too_many: AtomicU64,
}

struct Shared {
    on: AtomicBool,
    /// While set, every forwarded request is kept, for tests that compare what a client sent.
    recording: AtomicBool,
    recorded: std::sync::Mutex<Vec<Vec<u8>>>,
    /// Latency mode: requests are delayed while `on`, never broken.
    slow: bool,
    plan: FaultPlan,
    counters: Counters,
    upstream: SocketAddr,
    acceptor: TlsAcceptor,
    connector: TlsConnector,
}

pub struct FaultProxy {
    pub port: u16,
    shared: Arc<Shared>,
}

#[derive(Clone, Copy)]
enum RequestFault {
    ResetBefore,
    Unavailable,
    ResetAfter,
    TooMany,
}

const REQUEST_FAULTS: [RequestFault; 4] =
    [RequestFault::ResetBefore, RequestFault::Unavailable, RequestFault::ResetAfter, RequestFault::TooMany];

impl FaultProxy {
    /// Starts a proxy to the API server at `upstream` (`https://127.0.0.1:<port>`), serving and
    /// trusting the certificates of the dev cluster's `pki` directory. Faults start off.
    pub fn start(upstream: &str, pki: &Path, plan: FaultPlan) -> FaultProxy {
        Self::start_with(upstream, pki, plan, false)
    }

    /// Starts a proxy in the latency mode: while on, every request waits 1 to 5 s (the
    /// [`LATENCIES`] in turn) before it is forwarded; nothing is reset or refused.
    pub fn start_slow(upstream: &str, pki: &Path) -> FaultProxy {
        Self::start_with(upstream, pki, FaultPlan::default(), true)
    }

    fn start_with(upstream: &str, pki: &Path, plan: FaultPlan, slow: bool) -> FaultProxy {
        let upstream: SocketAddr = upstream
            .strip_prefix("https://")
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("{upstream}: expected https://<ip>:<port>"));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(pki.join("apiserver.crt"))
            .expect("read apiserver.crt")
            .collect::<Result<_, _>>()
            .expect("parse apiserver.crt");
        let key = PrivateKeyDer::from_pem_file(pki.join("apiserver.key")).expect("read apiserver.key");
        let mut server = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .expect("serving certificate");
        // osm's client speaks HTTP/1.1 only; saying so keeps other clients from trying h2.
        server.alpn_protocols = vec![b"http/1.1".to_vec()];
        let mut roots = rustls::RootCertStore::empty();
        for ca in CertificateDer::pem_file_iter(pki.join("ca.crt")).expect("read ca.crt") {
            roots.add(ca.expect("parse ca.crt")).expect("add the CA");
        }
        let mut client = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        client.alpn_protocols = vec![b"http/1.1".to_vec()];

        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind the fault proxy");
        listener.set_nonblocking(true).expect("nonblocking listener");
        let port = listener.local_addr().expect("proxy address").port();
        let shared = Arc::new(Shared {
            on: AtomicBool::new(false),
            recording: AtomicBool::new(false),
            recorded: std::sync::Mutex::new(Vec::new()),
            slow,
            plan,
            counters: Counters::default(),
            upstream,
            acceptor: TlsAcceptor::from(Arc::new(server)),
            connector: TlsConnector::from(Arc::new(client)),
        });
        let runtime_shared = shared.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("proxy runtime");
            runtime.block_on(async move {
                let listener = TcpListener::from_std(listener).expect("tokio listener");
                loop {
                    let Ok((conn, _)) = listener.accept().await else { continue };
                    tokio::spawn(serve(conn, runtime_shared.clone()));
                }
            });
        });
        FaultProxy { port, shared }
    }

    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    /// A copy of `kubeconfig` in `dir` that reaches `server` through this proxy.
    pub fn kubeconfig(&self, kubeconfig: &Path, server: &str, dir: &Path) -> PathBuf {
        let text = std::fs::read_to_string(kubeconfig).expect("read kubeconfig");
        assert!(text.contains(&format!("server: {server}\n")), "{server} is not in {}", kubeconfig.display());
        let path = dir.join("kubeconfig-through-fault-proxy");
        std::fs::write(
            &path,
            text.replace(&format!("server: {server}\n"), &format!("server: {}\n", self.url())),
        )
        .expect("write kubeconfig");
        path
    }

    pub fn faults_on(&self) {
        self.shared.on.store(true, Ordering::SeqCst);
    }

    pub fn faults_off(&self) {
        self.shared.on.store(false, Ordering::SeqCst);
    }

    pub fn injected(&self) -> Injected {
        let c = &self.shared.counters;
        Injected {
            connection_resets: c.connection_resets.load(Ordering::SeqCst),
            resets_before: c.resets_before.load(Ordering::SeqCst),
            resets_after: c.resets_after.load(Ordering::SeqCst),
            unavailable: c.unavailable.load(Ordering::SeqCst),
            too_many: c.too_many.load(Ordering::SeqCst),
        }
    }

    /// Keeps every request forwarded from now on (and forgets those kept before).
    pub fn record(&self) {
        self.shared.recorded.lock().expect("not poisoned").clear();
        self.shared.recording.store(true, Ordering::SeqCst);
    }

    /// The requests forwarded since [`FaultProxy::record`], in the order they reached the API
    /// server, parsed.
    pub fn recorded(&self) -> Vec<Recorded> {
        self.shared
            .recorded
            .lock()
            .expect("not poisoned")
            .iter()
            .map(|bytes| Recorded::parse(bytes))
            .collect()
    }

    /// Requests that reached the API server through the proxy.
    pub fn forwarded(&self) -> u64 {
        self.shared.counters.forwarded.load(Ordering::SeqCst)
    }

    /// Requests the latency mode held back, and the delay added to them in all.
    pub fn delayed(&self) -> (u64, Duration) {
        let c = &self.shared.counters;
        (c.delayed.load(Ordering::SeqCst), Duration::from_millis(c.delay_ms.load(Ordering::SeqCst)))
    }
}

/// The delay of the next request in the latency mode.
fn next_delay(shared: &Shared) -> Option<Duration> {
    if !shared.slow || !shared.on.load(Ordering::SeqCst) {
        return None;
    }
    let n = shared.counters.delayed.fetch_add(1, Ordering::SeqCst);
    let delay = LATENCIES[(n % LATENCIES.len() as u64) as usize];
    shared.counters.delay_ms.fetch_add(delay.as_millis() as u64, Ordering::SeqCst);
    Some(delay)
}

/// Closes the connection with a TCP reset rather than an orderly shutdown, as a crashed server
/// or a middlebox dropping state would.
// Deprecated because a lingering close blocks the thread; a zero linger does not linger.
#[allow(deprecated)]
fn reset(conn: &TcpStream) {
    let _ = conn.set_linger(Some(Duration::ZERO));
}

fn count(counter: &AtomicU64) {
    counter.fetch_add(1, Ordering::SeqCst);
}

async fn serve(conn: TcpStream, shared: Arc<Shared>) {
    let _ = conn.set_nodelay(true);
    let n = shared.counters.connections.fetch_add(1, Ordering::SeqCst) + 1;
    if !shared.slow && shared.on.load(Ordering::SeqCst) && n.is_multiple_of(shared.plan.connection_every) {
        count(&shared.counters.connection_resets);
        reset(&conn);
        return;
    }
    let Ok(mut client) = shared.acceptor.accept(conn).await else { return };
    let Ok(upstream) = TcpStream::connect(shared.upstream).await else { return };
    let _ = upstream.set_nodelay(true);
    let name = ServerName::IpAddress(shared.upstream.ip().into());
    let Ok(mut upstream) = shared.connector.connect(name, upstream).await else { return };

    let mut from_client = Vec::new();
    let mut client_buf = vec![0u8; 64 * 1024];
    let mut upstream_buf = vec![0u8; 64 * 1024];
    // After an upgrade (port-forward's WebSocket) or a body of unknown length, the bytes are
    // no longer HTTP requests the proxy can delimit: they pass untouched.
    let mut opaque = false;
    let mut reset_on_answer = false;
    loop {
        tokio::select! {
            read = client.read(&mut client_buf) => {
                let n = match read { Ok(0) | Err(_) => break, Ok(n) => n };
                if opaque {
                    if upstream.write_all(&client_buf[..n]).await.is_err() { break }
                    continue;
                }
                from_client.extend_from_slice(&client_buf[..n]);
                while let Some(request) = next_request(&from_client) {
                    let bytes: Vec<u8> = from_client.drain(..request.len).collect();
                    if let Some(delay) = next_delay(&shared) {
                        tokio::time::sleep(delay).await;
                    }
                    let fault = match next_fault(&shared) {
                        // Its body is not delimited, so it cannot be skipped to answer instead.
                        Some(RequestFault::Unavailable | RequestFault::TooMany) if request.chunked => {
                            Some(RequestFault::ResetBefore)
                        }
                        fault => fault,
                    };
                    match fault {
                        Some(RequestFault::ResetBefore) => {
                            count(&shared.counters.resets_before);
                            reset(client.get_ref().0);
                            return;
                        }
                        Some(RequestFault::Unavailable) => {
                            count(&shared.counters.unavailable);
                            if answer(&mut client, 503, "Service Unavailable", "ServiceUnavailable").await.is_err() {
                                return;
                            }
                            continue;
                        }
                        Some(RequestFault::TooMany) => {
                            count(&shared.counters.too_many);
                            if answer(&mut client, 429, "Too Many Requests", "TooManyRequests").await.is_err() {
                                return;
                            }
                            continue;
                        }
                        Some(RequestFault::ResetAfter) => reset_on_answer = true,
                        None => {}
                    }
                    count(&shared.counters.forwarded);
                    if shared.recording.load(Ordering::SeqCst) {
                        shared.recorded.lock().expect("not poisoned").push(bytes.clone());
                    }
                    if upstream.write_all(&bytes).await.is_err() { return }
                    if request.opaque_after {
                        opaque = true;
                        let rest = std::mem::take(&mut from_client);
                        if upstream.write_all(&rest).await.is_err() { return }
                        break;
                    }
                }
            }
            read = upstream.read(&mut upstream_buf) => {
                let n = match read { Ok(0) | Err(_) => break, Ok(n) => n };
                if reset_on_answer {
                    // The server has answered, so it acted on the request; the client never
                    // learns how.
                    count(&shared.counters.resets_after);
                    reset(client.get_ref().0);
                    return;
                }
                if client.write_all(&upstream_buf[..n]).await.is_err() { break }
            }
        }
    }
    let _ = client.shutdown().await;
    let _ = upstream.shutdown().await;
}

/// Which fault, if any, the next request meets.
fn next_fault(shared: &Shared) -> Option<RequestFault> {
    if shared.slow || !shared.on.load(Ordering::SeqCst) {
        return None;
    }
    let n = shared.counters.requests.fetch_add(1, Ordering::SeqCst) + 1;
    let every = shared.plan.request_every;
    n.is_multiple_of(every).then(|| REQUEST_FAULTS[((n / every) % REQUEST_FAULTS.len() as u64) as usize])
}

/// An answer in the API server's own shape (a Status object), so that a client reads it as
/// the server's.
async fn answer<S: AsyncRead + AsyncWrite + Unpin>(
    client: &mut S,
    code: u16,
    text: &str,
    reason: &str,
) -> std::io::Result<()> {
    let body = format!(
        r#"{{"kind":"Status","apiVersion":"v1","metadata":{{}},"status":"Failure","message":"injected by the fault proxy","reason":"{reason}","code":{code}}}"#
    );
    let head = format!(
        "HTTP/1.1 {code} {text}\r\nContent-Type: application/json\r\nRetry-After: 1\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    client.write_all(head.as_bytes()).await?;
    client.write_all(body.as_bytes()).await?;
    client.flush().await
}

/// A request as a client sent it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub verb: String,
    pub path: String,
    pub query: String,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Recorded {
    fn parse(bytes: &[u8]) -> Recorded {
        let head_end = bytes.windows(4).position(|w| w == b"\r\n\r\n").map_or(bytes.len(), |p| p + 4);
        let head = String::from_utf8_lossy(&bytes[..head_end]);
        let mut lines = head.lines();
        let mut first = lines.next().unwrap_or_default().split(' ');
        let verb = first.next().unwrap_or_default().to_string();
        let target = first.next().unwrap_or_default();
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let content_type = lines
            .filter_map(|l| l.split_once(':'))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default();
        Recorded {
            verb,
            path: path.to_string(),
            query: query.to_string(),
            content_type,
            body: bytes[head_end..].to_vec(),
        }
    }
}

struct Request {
    /// Head and body.
    len: usize,
    /// Whether what follows on the connection is not HTTP requests.
    opaque_after: bool,
    chunked: bool,
}

/// The first complete request in `buf`, if there is one.
fn next_request(buf: &[u8]) -> Option<Request> {
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&buf[..head_end]);
    let mut body = 0usize;
    let mut opaque_after = false;
    let mut chunked = false;
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else { continue };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("content-length") {
            body = value.parse().unwrap_or(0);
        } else if name.eq_ignore_ascii_case("upgrade") {
            opaque_after = true;
        } else if name.eq_ignore_ascii_case("transfer-encoding") && value.eq_ignore_ascii_case("chunked") {
            opaque_after = true;
            chunked = true;
        }
    }
    if opaque_after {
        // A chunked body is forwarded with the head, as it comes.
        return Some(Request { len: head_end, opaque_after, chunked });
    }
    (buf.len() >= head_end + body).then_some(Request { len: head_end + body, opaque_after, chunked })
}
