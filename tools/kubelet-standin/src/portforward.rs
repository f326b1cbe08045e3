//! The kubelet's port-forward endpoint, `/portForward/{namespace}/{pod}[/{uid}]?port=N[&port=M]`,
//! served over TLS to the API server only (its client certificate must be signed by the cluster CA).
//!
//! For `pods/portforward` requests made over WebSocket (kube-rs, client-go's WebSocket dialer), the
//! 1.20 API server does not terminate the stream: its UpgradeAwareHandler replays the upgrade
//! request to this endpoint and then copies raw bytes both ways. So this side speaks the kubelet's
//! WebSocket port-forward protocol itself: subprotocol `v4.channel.k8s.io` (binary frames whose
//! first byte is the channel), two channels per requested port in request order, data `2*i` and
//! error `2*i+1`. Each channel's first server frame is the port number, little-endian u16. Bytes
//! on a data channel go to the port; a failure to reach the port is written as text on its error
//! channel. When every port's far end has closed, the WebSocket closes (v4 has no half-close).
//!
//! `kubectl port-forward` (1.20) upgrades to SPDY/3.1 instead, with `portforward.k8s.io`: see
//! [`crate::spdy`].
//!
//! Where a port leads: no container runs here, so a test registers a loopback TCP server as a
//! container port with the pod annotation
//! `kubelet-standin.osm.dev/forward-<containerPort>: 127.0.0.1:<port>`.
//! An unregistered port is reported on its error channel the way a kubelet reports a port that
//! nothing listens on.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use futures::{SinkExt, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use kube::{Client, ResourceExt};
use rustls::RootCertStore;
use rustls::server::{ServerConfig, WebPkiClientVerifier};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::Role;

use crate::spdy;

pub const FORWARD_ANNOTATION_PREFIX: &str = "kubelet-standin.osm.dev/forward-";
const V4_PROTOCOL: &str = "v4.channel.k8s.io";
/// Large reads keep the frame count (and the API server's copying) low on bulk transfers.
const READ_CHUNK: usize = 64 * 1024;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub async fn serve(
    client: Client,
    port: u16,
    cert: &Path,
    key: &Path,
    client_ca: &Path,
) -> Result<(), BoxError> {
    let acceptor = TlsAcceptor::from(Arc::new(tls_config(cert, key, client_ca)?));
    let listener = TcpListener::bind(("127.0.0.1", port)).await?;
    eprintln!("kubelet-standin: serving port-forward on https://127.0.0.1:{port}");
    loop {
        let (tcp, peer) = listener.accept().await?;
        let acceptor = acceptor.clone();
        let client = client.clone();
        tokio::spawn(async move {
            if let Err(e) = handle_connection(client, acceptor, tcp).await {
                eprintln!("kubelet-standin: port-forward from {peer}: {e}");
            }
        });
    }
}

fn tls_config(cert: &Path, key: &Path, client_ca: &Path) -> Result<ServerConfig, BoxError> {
    let certs = CertificateDer::pem_file_iter(cert)?.collect::<Result<Vec<_>, _>>()?;
    let key = PrivateKeyDer::from_pem_file(key)?;
    let mut roots = RootCertStore::empty();
    for ca in CertificateDer::pem_file_iter(client_ca)? {
        roots.add(ca?)?;
    }
    let verifier = WebPkiClientVerifier::builder(Arc::new(roots)).build()?;
    Ok(ServerConfig::builder().with_client_cert_verifier(verifier).with_single_cert(certs, key)?)
}

/// The head of an HTTP request, read by hand so the protocol can be chosen before upgrading.
pub struct RequestHead {
    pub target: String,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
}

impl RequestHead {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Every comma-separated value of every header of this name.
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers.iter().filter(move |(n, _)| n == name).flat_map(|(_, v)| v.split(',')).map(str::trim)
    }
}

/// Reads up to the blank line. Clients wait for the 101 before sending frames, so nothing past
/// the head is consumed.
async fn read_head<S: tokio::io::AsyncRead + Unpin>(stream: &mut S) -> Result<RequestHead, BoxError> {
    let mut raw = Vec::with_capacity(1024);
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await? == 0 {
            return Err("connection closed inside the request head".into());
        }
        raw.push(byte[0]);
        if raw.len() > 64 * 1024 {
            return Err("request head too large".into());
        }
    }
    let text = String::from_utf8_lossy(&raw);
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let target = request_line.split_whitespace().nth(1).ok_or("malformed request line")?.to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok(RequestHead { target, headers })
}

/// What the request asked for: namespace, pod, and (WebSocket only) ports from the query.
pub struct Target {
    pub namespace: String,
    pub pod: String,
    pub ports: Vec<u16>,
}

fn parse_target(target: &str) -> Result<Target, String> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let rest = path.strip_prefix("/portForward/").ok_or_else(|| format!("no such endpoint: {path}"))?;
    let mut parts = rest.split('/');
    let (Some(namespace), Some(pod)) = (parts.next(), parts.next()) else {
        return Err(format!("expected /portForward/NAMESPACE/POD, got {path}"));
    };
    let mut ports = Vec::new();
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix("port=") {
            // The API server sends one `port` per port; accept comma lists as well.
            for p in value.split("%2C").flat_map(|v| v.split(',')) {
                ports.push(p.parse::<u16>().map_err(|_| format!("invalid port {p:?}"))?);
            }
        }
    }
    Ok(Target { namespace: namespace.to_string(), pod: pod.to_string(), ports })
}

async fn respond<S: tokio::io::AsyncWrite + Unpin>(
    stream: &mut S,
    status: &str,
    message: &str,
) -> Result<(), BoxError> {
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{message}",
        message.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await?;
    Ok(())
}

async fn handle_connection(client: Client, acceptor: TlsAcceptor, tcp: TcpStream) -> Result<(), BoxError> {
    tcp.set_nodelay(true)?;
    let mut tls = acceptor.accept(tcp).await?;
    let head = read_head(&mut tls).await?;
    if head.target.starts_with("/containerLogs/") {
        return container_logs(client, &mut tls, &head.target).await;
    }
    let target = match parse_target(&head.target) {
        Ok(t) => t,
        Err(e) => return respond(&mut tls, "404 Not Found", &e).await,
    };
    let upgrade = head.header("upgrade").unwrap_or_default().to_ascii_lowercase();
    if upgrade == "websocket" {
        if !head.values("sec-websocket-protocol").any(|p| p == V4_PROTOCOL) {
            let message = format!("the kubelet stand-in speaks only the {V4_PROTOCOL} WebSocket subprotocol");
            return respond(&mut tls, "400 Bad Request", &message).await;
        }
        if target.ports.is_empty() {
            return respond(&mut tls, "400 Bad Request", "at least one port is required (?port=N)").await;
        }
        let key = head.header("sec-websocket-key").ok_or("no Sec-WebSocket-Key")?;
        let accept = derive_accept_key(key.as_bytes());
        let response = format!(
            "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\
             Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {V4_PROTOCOL}\r\n\r\n"
        );
        tls.write_all(response.as_bytes()).await?;
        let ws = WebSocketStream::from_raw_socket(tls, Role::Server, None).await;
        return relay(client, ws, target).await;
    }
    if upgrade.starts_with("spdy/3.1") {
        if !head.values("x-stream-protocol-version").any(|p| p == spdy::PROTOCOL) {
            let message = format!("the kubelet stand-in speaks only the {} SPDY protocol", spdy::PROTOCOL);
            return respond(&mut tls, "403 Forbidden", &message).await;
        }
        let response = format!(
            "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n\
             X-Stream-Protocol-Version: {}\r\n\r\n",
            spdy::PROTOCOL
        );
        tls.write_all(response.as_bytes()).await?;
        return spdy::serve(client, tls, target).await;
    }
    respond(&mut tls, "400 Bad Request", "port-forward needs an upgrade to WebSocket or SPDY/3.1").await
}

/// The kubelet's `/containerLogs/{namespace}/{pod}/{container}` endpoint, which the API server
/// calls for `pods/log`. No container runs here, so a pod's log is what a test wrote into its
/// annotations: `kubelet-standin.osm.dev/log` for the running container and
/// `kubelet-standin.osm.dev/previous-log` for the last terminated one (`?previous=true`), lines
/// separated by newlines, for every container of the pod. Honours `tailLines`.
async fn container_logs<S: tokio::io::AsyncWrite + Unpin>(
    client: Client,
    stream: &mut S,
    target: &str,
) -> Result<(), BoxError> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let parts: Vec<&str> = path.trim_start_matches("/containerLogs/").split('/').collect();
    let [namespace, pod, container] = parts[..] else {
        return respond(stream, "404 Not Found", "expected /containerLogs/NAMESPACE/POD/CONTAINER").await;
    };
    let previous = query.split('&').any(|p| p == "previous=true");
    let tail: Option<usize> =
        query.split('&').find_map(|p| p.strip_prefix("tailLines=")).and_then(|n| n.parse().ok());
    let pods: Api<Pod> = Api::namespaced(client, namespace);
    let Ok(Some(found)) = pods.get_opt(pod).await else {
        return respond(stream, "404 Not Found", &format!("pod {namespace}/{pod} not found")).await;
    };
    let key = if previous { LOG_ANNOTATION_PREVIOUS } else { LOG_ANNOTATION };
    let Some(text) = found.annotations().get(key) else {
        if previous {
            let message = format!("previous terminated container \"{container}\" in pod \"{pod}\" not found");
            return respond(stream, "400 Bad Request", &message).await;
        }
        return respond(stream, "200 OK", "").await;
    };
    let lines: Vec<&str> = text.lines().collect();
    let start = tail.map(|n| lines.len().saturating_sub(n)).unwrap_or(0);
    let mut body = lines[start..].join("\n");
    body.push('\n');
    respond(stream, "200 OK", &body).await
}

pub const LOG_ANNOTATION: &str = "kubelet-standin.osm.dev/log";
pub const LOG_ANNOTATION_PREVIOUS: &str = "kubelet-standin.osm.dev/previous-log";

/// Where each container port of a pod leads, from its annotations.
pub async fn destinations(client: &Client, target: &Target) -> Vec<Result<SocketAddr, String>> {
    let pods: Api<Pod> = Api::namespaced(client.clone(), &target.namespace);
    let pod = match pods.get_opt(&target.pod).await {
        Ok(Some(pod)) => pod,
        Ok(None) => {
            let e = format!("pod {}/{} not found", target.namespace, target.pod);
            return target.ports.iter().map(|_| Err(e.clone())).collect();
        }
        Err(e) => return target.ports.iter().map(|_| Err(e.to_string())).collect(),
    };
    let annotations = pod.annotations();
    target
        .ports
        .iter()
        .map(|port| {
            let key = format!("{FORWARD_ANNOTATION_PREFIX}{port}");
            let value = annotations
                .get(&key)
                .ok_or_else(|| format!("nothing listens on port {port} (no annotation {key})"))?;
            value.parse::<SocketAddr>().map_err(|e| format!("annotation {key}={value:?}: {e}"))
        })
        .collect()
}

async fn relay<S>(
    client: Client,
    ws: tokio_tungstenite::WebSocketStream<S>,
    target: Target,
) -> Result<(), BoxError>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut sink, mut stream) = ws.split();
    let (out_tx, mut out_rx) = mpsc::channel::<Message>(16);
    // A single writer owns the sink, so frames from all ports interleave whole.
    let writer = tokio::spawn(async move {
        while let Some(message) = out_rx.recv().await {
            let closing = matches!(message, Message::Close(_));
            if sink.send(message).await.is_err() || closing {
                break;
            }
        }
        let _ = sink.close().await;
    });

    let frame = |channel: usize, bytes: &[u8]| {
        let mut data = Vec::with_capacity(bytes.len() + 1);
        data.push(channel as u8);
        data.extend_from_slice(bytes);
        Message::binary(data)
    };
    for (i, port) in target.ports.iter().enumerate() {
        out_tx.send(frame(2 * i, &port.to_le_bytes())).await?;
        out_tx.send(frame(2 * i + 1, &port.to_le_bytes())).await?;
    }

    let mut writers = Vec::new();
    let mut readers = tokio::task::JoinSet::new();
    for (i, (port, destination)) in target.ports.iter().zip(destinations(&client, &target).await).enumerate()
    {
        let connected = match destination {
            Ok(addr) => {
                TcpStream::connect(addr).await.map_err(|e| format!("failed to connect to {addr}: {e}"))
            }
            Err(e) => Err(e),
        };
        match connected {
            Ok(tcp) => {
                let _ = tcp.set_nodelay(true);
                let (mut read, write) = tcp.into_split();
                writers.push(Some(write));
                let out_tx = out_tx.clone();
                readers.spawn(async move {
                    let mut buf = vec![0u8; READ_CHUNK + 1];
                    loop {
                        // Read after the channel byte so a frame is built without copying.
                        match read.read(&mut buf[1..]).await {
                            Ok(0) | Err(_) => break,
                            Ok(n) => {
                                buf[0] = (2 * i) as u8;
                                if out_tx.send(Message::binary(buf[..=n].to_vec())).await.is_err() {
                                    break;
                                }
                            }
                        }
                    }
                });
            }
            Err(e) => {
                writers.push(None);
                let message = format!(
                    "an error occurred forwarding {port} -> {port}: error forwarding port {port} to pod {}/{}: {e}",
                    target.namespace, target.pod
                );
                out_tx.send(frame(2 * i + 1, message.as_bytes())).await?;
            }
        }
    }

    loop {
        tokio::select! {
            message = stream.next() => match message {
                Some(Ok(Message::Binary(data))) if !data.is_empty() => {
                    let channel = data[0] as usize;
                    if channel.is_multiple_of(2)
                        && let Some(Some(write)) = writers.get_mut(channel / 2)
                        && write.write_all(&data[1..]).await.is_err()
                    {
                        writers[channel / 2] = None;
                    }
                }
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
            finished = readers.join_next() => {
                if finished.is_none() {
                    // Every port's far end closed: nothing more can come, so end the stream.
                    let _ = out_tx.send(Message::Close(None)).await;
                    break;
                }
            }
        }
    }
    readers.abort_all();
    for write in writers.iter_mut().flatten() {
        let _ = write.shutdown().await;
    }
    drop(out_tx);
    let _ = writer.await;
    Ok(())
}
