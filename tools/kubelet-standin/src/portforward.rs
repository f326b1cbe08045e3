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
//! SPDY (`kubectl port-forward`) is not spoken: such requests are refused.
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
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::http::{HeaderValue, StatusCode};

pub const FORWARD_ANNOTATION_PREFIX: &str = "kubelet-standin.osm.dev/forward-";
const V4_PROTOCOL: &str = "v4.channel.k8s.io";
/// Large reads keep the frame count (and the API server's copying) low on bulk transfers.
const READ_CHUNK: usize = 64 * 1024;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

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

/// What the upgrade request asked for.
struct Target {
    namespace: String,
    pod: String,
    ports: Vec<u16>,
}

fn parse_request(request: &Request) -> Result<Target, String> {
    let path = request.uri().path();
    let rest = path.strip_prefix("/portForward/").ok_or_else(|| format!("no such endpoint: {path}"))?;
    let mut parts = rest.split('/');
    let (Some(namespace), Some(pod)) = (parts.next(), parts.next()) else {
        return Err(format!("expected /portForward/NAMESPACE/POD, got {path}"));
    };
    let mut ports = Vec::new();
    for pair in request.uri().query().unwrap_or("").split('&') {
        if let Some(value) = pair.strip_prefix("port=") {
            // The API server sends one `port` per port; accept comma lists as well.
            for p in value.split("%2C").flat_map(|v| v.split(',')) {
                ports.push(p.parse::<u16>().map_err(|_| format!("invalid port {p:?}"))?);
            }
        }
    }
    if ports.is_empty() {
        return Err("at least one port is required (?port=N)".into());
    }
    Ok(Target { namespace: namespace.to_string(), pod: pod.to_string(), ports })
}

fn reject(status: StatusCode, message: String) -> ErrorResponse {
    let mut response = ErrorResponse::new(Some(message));
    *response.status_mut() = status;
    response
}

async fn handle_connection(client: Client, acceptor: TlsAcceptor, tcp: TcpStream) -> Result<(), BoxError> {
    tcp.set_nodelay(true)?;
    let tls = acceptor.accept(tcp).await?;
    let mut target = None;
    // tungstenite's callback signature fixes the error type.
    #[allow(clippy::result_large_err)]
    let callback = |request: &Request, mut response: Response| {
        let offered = request
            .headers()
            .get_all("sec-websocket-protocol")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .any(|p| p == V4_PROTOCOL);
        if !offered {
            return Err(reject(
                StatusCode::BAD_REQUEST,
                format!("the kubelet stand-in speaks only the {V4_PROTOCOL} WebSocket subprotocol"),
            ));
        }
        target = Some(parse_request(request).map_err(|e| reject(StatusCode::BAD_REQUEST, e))?);
        response.headers_mut().insert("sec-websocket-protocol", HeaderValue::from_static(V4_PROTOCOL));
        Ok(response)
    };
    let ws = tokio_tungstenite::accept_hdr_async(tls, callback).await?;
    let target = target.expect("the handshake succeeded, so the request was parsed");
    relay(client, ws, target).await
}

/// Where each container port of a pod leads, from its annotations.
async fn destinations(client: &Client, target: &Target) -> Vec<Result<SocketAddr, String>> {
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
