//! One `pods/portforward` WebSocket to one port of one pod, and the copying of a local
//! connection's bytes through it.
//!
//! The WebSocket is spoken here directly rather than through kube's `Portforwarder`, whose
//! message loop hands every frame through a channel and an in-memory pipe: two extra copies and
//! task switches per frame, which made a bulk transfer slower than kubectl's.

use futures::{FutureExt, SinkExt, StreamExt};
use hyper::upgrade::Upgraded;
use hyper_util::rt::TokioIo;
use k8s_openapi::api::core::v1::Pod;
use kube::Api;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::Instant;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::{Bytes, Message};

use super::Notice;

/// The most a spare holds of what the pod sent before anyone asked; the rest waits in the stream.
const EARLY_LIMIT: usize = 64 * 1024;

/// The most read from the local connection into one frame: large enough that a bulk upload is
/// few frames, small enough that an interactive one is not held back.
const FRAME_LIMIT: usize = 64 * 1024;

/// The port-forward protocol's channels for the one port forwarded: data, then its errors.
const DATA: u8 = 0;
const ERROR: u8 = 1;

type Socket = WebSocketStream<TokioIo<Upgraded>>;

pub(super) struct Tunnel {
    pub(super) pod: String,
    pub(super) port: u16,
    pub(super) opened: Instant,
    /// How long opening took (for the debug log: the cost a connection pays without a spare).
    pub(super) took: std::time::Duration,
    socket: Socket,
    channels: Channels,
    /// What the pod sent before the tunnel was handed to a connection: servers that speak first
    /// (SSH, SMTP, MySQL) greet as soon as the kubelet connects, which is when the WebSocket opens.
    early: Vec<u8>,
}

/// Where the two channels are in the protocol: each one's first frame is the port number
/// (two bytes, little endian), which carries no data.
#[derive(Default)]
struct Channels {
    data_opened: bool,
    error_opened: bool,
}

/// What one frame from the pod means for the connection.
enum Frame {
    Data(Bytes),
    Error(String),
    Nothing,
    End,
}

impl Channels {
    fn read(&mut self, message: Message) -> Frame {
        match message {
            Message::Binary(mut bytes) if !bytes.is_empty() => {
                let channel = bytes.split_to(1)[0];
                let opened = match channel {
                    DATA => &mut self.data_opened,
                    ERROR => &mut self.error_opened,
                    _ => return Frame::Nothing,
                };
                if !*opened {
                    *opened = true;
                    return Frame::Nothing;
                }
                match channel {
                    DATA if bytes.is_empty() => Frame::Nothing,
                    DATA => Frame::Data(bytes),
                    _ => Frame::Error(String::from_utf8_lossy(&bytes).into_owned()),
                }
            }
            Message::Close(_) => Frame::End,
            // Pings are answered by the WebSocket itself on its next write.
            _ => Frame::Nothing,
        }
    }
}

/// For `-vv`: when the pod's first bytes reached a connection (`BENCH_PF_TRACE` reads it).
pub(super) fn log_first_byte(pod: &str, port: u16, accepted: Instant) {
    tracing::debug!(
        "port-forward: first byte from pod {pod} port {port} {:?} after accept",
        accepted.elapsed()
    );
}

impl Tunnel {
    /// Opening is the slow part of a new connection (a TLS connection to the API server, the
    /// upgrade, the API server's connection to the kubelet), which is why spares open ahead.
    pub(super) async fn open(pods: &Api<Pod>, pod: &str, port: u16) -> Result<Tunnel, kube::Error> {
        let request = kube::core::Request::new(pods.resource_url())
            .portforward(pod, &[port])
            .map_err(kube::Error::BuildRequest)?;
        let start = Instant::now();
        let connection = pods.clone().into_client().connect(request).await?;
        Ok(Tunnel {
            pod: pod.to_string(),
            port,
            opened: Instant::now(),
            took: start.elapsed(),
            socket: connection.into_stream(),
            channels: Channels::default(),
            early: Vec::new(),
        })
    }

    /// A spare can die unseen while it waits: the pod's server closes idle connections, the port
    /// refuses, the API server drops the WebSocket. Handing such a one to a connection would cost
    /// the user their connection, so this looks without waiting, and keeps what the pod sent.
    pub(super) fn alive(&mut self) -> bool {
        while self.early.len() < EARLY_LIMIT {
            let message = match self.socket.next().now_or_never() {
                None => return true,
                Some(Some(Ok(message))) => message,
                Some(None) | Some(Some(Err(_))) => return false,
            };
            match self.channels.read(message) {
                Frame::Data(bytes) => self.early.extend_from_slice(&bytes),
                Frame::Nothing => {}
                // An error message, or the end: the port is unusable either way.
                Frame::Error(_) | Frame::End => return false,
            }
        }
        true
    }

    /// Copies both ways until the pod's side ends; a message on the port's error channel (the
    /// kubelet could not reach the port, or lost it) is shown, as the user would otherwise only see
    /// a closed connection.
    pub(super) async fn serve(self, mut tcp: TcpStream, notice: Notice, accepted: Instant) {
        let Tunnel { pod, port, socket, mut channels, early, .. } = self;
        if !early.is_empty() && tcp.write_all(&early).await.is_err() {
            return;
        }
        let (mut to_pod, mut from_pod) = socket.split();
        let (mut local_in, mut local_out) = tcp.split();

        let upload = async {
            let mut buf = vec![0u8; FRAME_LIMIT + 1];
            loop {
                buf[0] = DATA;
                match local_in.read(&mut buf[1..]).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let frame = Bytes::copy_from_slice(&buf[..=n]);
                        if to_pod.send(Message::Binary(frame)).await.is_err() {
                            return;
                        }
                    }
                }
            }
            // The protocol has no half-close: the local side is done sending, so the tunnel is
            // closed, and what the pod still sends on its way out is delivered below.
            let _ = to_pod.send(Message::Close(None)).await;
        };
        let download = async {
            let mut first = true;
            while let Some(Ok(message)) = from_pod.next().await {
                match channels.read(message) {
                    Frame::Data(bytes) => {
                        if std::mem::take(&mut first) {
                            log_first_byte(&pod, port, accepted);
                        }
                        if local_out.write_all(&bytes).await.is_err() {
                            break;
                        }
                    }
                    Frame::Error(message) => notice(format!("error: pod {pod} port {port}: {message}")),
                    Frame::Nothing => {}
                    Frame::End => break,
                }
            }
            let _ = local_out.shutdown().await;
        };
        tokio::pin!(upload, download);
        tokio::select! {
            _ = &mut download => {}
            _ = &mut upload => download.await,
        }
    }
}
