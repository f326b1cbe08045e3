//! kubectl's way through the API server: one WebSocket per pod carrying SPDY/3.1
//! (`SPDY/3.1+portforward.k8s.io`, client-go's tools/portforward/tunneling_dialer.go), whose bytes
//! the API server passes on to the kubelet's SPDY port-forwarding. A new local connection then
//! costs two SYN_STREAM frames on a connection already open, where a WebSocket of its own costs a
//! TLS connection, an upgrade and the API server's dial to the kubelet (tens of milliseconds, and
//! more when several open at once). API servers without the protocol (before Kubernetes 1.30's
//! PortForwardWebsockets) refuse the upgrade; the forwarder then opens a WebSocket per connection.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex as SyncMutex};
use std::time::Duration;

use futures::stream::{SplitSink, SplitStream};
use futures::{SinkExt, StreamExt};
use http::header::{
    CONNECTION, SEC_WEBSOCKET_ACCEPT, SEC_WEBSOCKET_KEY, SEC_WEBSOCKET_PROTOCOL, SEC_WEBSOCKET_VERSION,
    UPGRADE,
};
use http::{HeaderValue, StatusCode};
use hyper::upgrade::Upgraded;
use hyper_util::rt::TokioIo;
use k8s_openapi::api::core::v1::Pod;
use kube::Api;
use spdy::{FLAG_FIN, Frame, HEADER_LEN, Headers};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::protocol::Role;
use tokio_tungstenite::tungstenite::{Bytes, Message};

use super::tunnel::log_first_byte;
use super::{Active, Notice};

/// The WebSocket subprotocol of SPDY tunnelled to the kubelet's port-forwarding
/// (k8s.io/apimachinery/pkg/util/portforward/constants.go).
const PROTOCOL: &str = "SPDY/3.1+portforward.k8s.io";
/// client-go pings the tunnel this often so that proxies keep it open (tunneling_dialer.go).
const PING_EVERY: Duration = Duration::from_secs(10);
/// The most read from a local connection into one data frame.
const FRAME_LIMIT: usize = 64 * 1024;
/// What may wait for the WebSocket, and for each stream's reader, before their senders wait.
const QUEUE: usize = 256;
/// A coalesced WebSocket message stops growing here.
const MESSAGE_LIMIT: usize = 256 * 1024;

type Socket = WebSocketStream<TokioIo<Upgraded>>;

/// What the kubelet sent on one stream.
enum Event {
    Data(Bytes),
    /// The kubelet sends nothing more (the port closed its side).
    Fin,
}

/// One SPDY connection to one pod, shared by every local connection forwarded to it.
pub(super) struct Session {
    pub(super) pod: String,
    shared: Arc<Shared>,
    tasks: [JoinHandle<()>; 2],
}

struct Shared {
    /// Frames to the WebSocket, in the order they go out.
    frames: mpsc::Sender<Vec<u8>>,
    /// Header blocks continue one zlib stream, so a stream's SYN_STREAM frames are encoded and
    /// queued under this lock, in the order they are sent.
    opening: Mutex<Opening>,
    /// Where the reader hands each stream's frames.
    streams: SyncMutex<HashMap<u32, mpsc::Sender<Event>>>,
    /// The kubelet said GOAWAY, or the WebSocket ended: no new streams.
    closed: AtomicBool,
}

struct Opening {
    headers: Headers,
    next_stream: u32,
    next_request: u32,
}

impl Drop for Session {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl Session {
    /// Upgrades a `pods/portforward` request of `pod` to the tunnelled SPDY protocol.
    /// `None` when the upgrade is refused or fails: an API server without the tunnel (an older
    /// release) passes it to the kubelet, whose WebSocket port-forwarding answers 400; for any
    /// other failure (the pod gone, the network) the WebSocket the caller opens instead reports
    /// the cause.
    pub(super) async fn open(pods: &Api<Pod>, pod: &str, port: u16) -> Option<Arc<Session>> {
        let socket = upgrade(pods, pod, port).await?;
        let (write, read) = socket.split();
        let (frames, queued) = mpsc::channel(QUEUE);
        let shared = Arc::new(Shared {
            frames,
            opening: Mutex::new(Opening { headers: Headers::new(), next_stream: 1, next_request: 0 }),
            streams: SyncMutex::new(HashMap::new()),
            closed: AtomicBool::new(false),
        });
        let writer = tokio::spawn(write_frames(write, queued));
        let reader = tokio::spawn(read_frames(read, shared.clone()));
        Some(Arc::new(Session { pod: pod.to_string(), shared, tasks: [writer, reader] }))
    }

    pub(super) fn is_open(&self) -> bool {
        !self.shared.closed.load(Ordering::Acquire) && !self.tasks.iter().any(JoinHandle::is_finished)
    }

    /// The two streams of one forwarded connection to `port`, as kubectl opens them: an error
    /// stream it half-closes at once, and a data stream, sharing a request id.
    pub(super) async fn connect(self: &Arc<Self>, port: u16) -> Option<Pair> {
        let (data_tx, data_rx) = mpsc::channel(QUEUE);
        let (error_tx, error_rx) = mpsc::channel(16);
        let mut opening = self.shared.opening.lock().await;
        if !self.is_open() {
            return None;
        }
        let (error, data) = (opening.next_stream, opening.next_stream + 2);
        opening.next_stream += 4;
        let request = opening.next_request.to_string();
        opening.next_request += 1;
        {
            let mut streams = self.shared.streams.lock().expect("stream table");
            streams.insert(error, error_tx);
            streams.insert(data, data_tx);
        }
        let port_text = port.to_string();
        for (stream, kind) in [(error, "error"), (data, "data")] {
            let block = opening.headers.encode(&[
                ("streamtype", kind),
                ("port", &port_text),
                ("requestid", &request),
            ]);
            let mut payload = Vec::with_capacity(10 + block.len());
            payload.extend_from_slice(&stream.to_be_bytes());
            // No associated stream, priority 0, slot 0.
            payload.extend_from_slice(&[0; 6]);
            payload.extend_from_slice(&block);
            self.shared.frames.send(spdy::control_frame(spdy::SYN_STREAM, 0, &payload)).await.ok()?;
        }
        drop(opening);
        self.shared.frames.send(spdy::data_frame(error, FLAG_FIN, &[])).await.ok()?;
        Some(Pair { session: self.clone(), port, error, data, error_rx, data_rx, finished: false })
    }
}

/// One forwarded connection's streams.
pub(super) struct Pair {
    session: Arc<Session>,
    port: u16,
    error: u32,
    data: u32,
    error_rx: mpsc::Receiver<Event>,
    data_rx: mpsc::Receiver<Event>,
    /// Both sides ended as the protocol ends them; otherwise the data stream is reset when the
    /// pair is dropped, so the kubelet closes its connection to the port.
    finished: bool,
}

impl Drop for Pair {
    fn drop(&mut self) {
        let mut streams = self.session.shared.streams.lock().expect("stream table");
        streams.remove(&self.error);
        streams.remove(&self.data);
        if !self.finished {
            let mut payload = self.data.to_be_bytes().to_vec();
            payload.extend_from_slice(&spdy::CANCEL.to_be_bytes());
            let _ = self.session.shared.frames.try_send(spdy::control_frame(spdy::RST_STREAM, 0, &payload));
        }
    }
}

impl Pair {
    /// Copies both ways: the local side's end is a FIN on the data stream (the kubelet half-closes
    /// towards the port), and what the pod still sends is delivered until it ends too. A message
    /// on the error stream (the kubelet could not reach the port) is shown.
    pub(super) async fn serve(mut self, mut tcp: TcpStream, notice: Notice, accepted: Instant) {
        let (pod, port, data) = (self.session.pod.clone(), self.port, self.data);
        let frames = self.session.shared.frames.clone();
        let (mut local_in, mut local_out) = tcp.split();
        let upload = async {
            let mut buf = vec![0u8; FRAME_LIMIT];
            loop {
                match local_in.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if frames.send(spdy::data_frame(data, 0, &buf[..n])).await.is_err() {
                            return;
                        }
                    }
                }
            }
            let _ = frames.send(spdy::data_frame(data, FLAG_FIN, &[])).await;
        };
        let (data_rx, error_rx) = (&mut self.data_rx, &mut self.error_rx);
        let download = async {
            let mut first = true;
            let mut errors_open = true;
            let ended = loop {
                tokio::select! {
                    event = data_rx.recv() => match event {
                        Some(Event::Data(bytes)) => {
                            if std::mem::take(&mut first) {
                                log_first_byte(&pod, port, accepted);
                            }
                            if local_out.write_all(&bytes).await.is_err() {
                                break false;
                            }
                        }
                        Some(Event::Fin) => break true,
                        None => break false,
                    },
                    event = error_rx.recv(), if errors_open => match event {
                        Some(Event::Data(text)) => {
                            notice(format!("error: pod {pod} port {port}: {}", String::from_utf8_lossy(&text)));
                        }
                        Some(Event::Fin) | None => errors_open = false,
                    },
                }
            };
            let _ = local_out.shutdown().await;
            ended
        };
        tokio::pin!(upload, download);
        let ended = tokio::select! {
            ended = &mut download => ended,
            _ = &mut upload => download.await,
        };
        self.finished = ended;
    }
}

/// The upgrade, with the subprotocol kube's own `connect` would replace by its channel protocols.
async fn upgrade(pods: &Api<Pod>, pod: &str, port: u16) -> Option<Socket> {
    let request = kube::core::Request::new(pods.resource_url()).portforward(pod, &[port]).ok()?;
    let (mut parts, body) = request.into_parts();
    let key = tokio_tungstenite::tungstenite::handshake::client::generate_key();
    let headers = &mut parts.headers;
    headers.insert(CONNECTION, HeaderValue::from_static("Upgrade"));
    headers.insert(UPGRADE, HeaderValue::from_static("websocket"));
    headers.insert(SEC_WEBSOCKET_VERSION, HeaderValue::from_static("13"));
    headers.insert(SEC_WEBSOCKET_KEY, HeaderValue::from_str(&key).ok()?);
    headers.insert(SEC_WEBSOCKET_PROTOCOL, HeaderValue::from_static(PROTOCOL));
    let client = pods.clone().into_client();
    let response =
        client.send(http::Request::from_parts(parts, kube::client::Body::from(body))).await.ok()?;
    if response.status() != StatusCode::SWITCHING_PROTOCOLS {
        return None;
    }
    let agreed =
        response.headers().get(SEC_WEBSOCKET_PROTOCOL).is_some_and(|p| p.as_bytes() == PROTOCOL.as_bytes());
    let accepted = response.headers().get(SEC_WEBSOCKET_ACCEPT).is_some_and(|a| {
        a.as_bytes()
            == tokio_tungstenite::tungstenite::handshake::derive_accept_key(key.as_bytes()).as_bytes()
    });
    if !agreed || !accepted {
        return None;
    }
    let upgraded = hyper::upgrade::on(response).await.ok()?;
    Some(WebSocketStream::from_raw_socket(TokioIo::new(upgraded), Role::Client, None).await)
}

/// Sends the queued frames, several to a WebSocket message when they queue up (the tunnel is a
/// byte stream, cut anywhere), and pings as client-go does.
async fn write_frames(mut socket: SplitSink<Socket, Message>, mut queued: mpsc::Receiver<Vec<u8>>) {
    let mut ping = tokio::time::interval_at(Instant::now() + PING_EVERY, PING_EVERY);
    loop {
        tokio::select! {
            frame = queued.recv() => {
                let Some(mut message) = frame else { break };
                while message.len() < MESSAGE_LIMIT {
                    match queued.try_recv() {
                        Ok(more) => message.extend_from_slice(&more),
                        Err(_) => break,
                    }
                }
                if socket.send(Message::Binary(Bytes::from(message))).await.is_err() {
                    break;
                }
            }
            _ = ping.tick() => {
                if socket.send(Message::Ping(Bytes::new())).await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = socket.send(Message::Close(None)).await;
}

/// Reads the kubelet's frames and hands each stream its own; answers pings. A data frame's bytes
/// go to their stream as they arrive, as slices of the WebSocket message (frames span messages:
/// the API server cuts the byte stream where its reads end). When the WebSocket ends, every
/// stream's channel closes, which ends its connection.
async fn read_frames(mut socket: SplitStream<Socket>, shared: Arc<Shared>) {
    let mut headers = Headers::new();
    // The frame whose head (and, for a control frame, payload) has not all arrived.
    let mut partial: Vec<u8> = Vec::new();
    // The data frame under way: the stream it goes to, how much of it is still to come, its flags.
    let mut data: Option<(Option<mpsc::Sender<Event>>, usize, u8)> = None;
    'messages: while let Some(Ok(message)) = socket.next().await {
        let bytes = match message {
            Message::Binary(bytes) => bytes,
            Message::Close(_) => break,
            _ => continue,
        };
        let mut at = 0;
        while at < bytes.len() {
            if let Some((to, remaining, flags)) = data.as_mut() {
                let n = (*remaining).min(bytes.len() - at);
                if let Some(to) = to {
                    let _ = to.send(Event::Data(bytes.slice(at..at + n))).await;
                }
                at += n;
                *remaining -= n;
                if *remaining == 0 {
                    if *flags & FLAG_FIN != 0
                        && let Some(to) = to
                    {
                        let _ = to.send(Event::Fin).await;
                    }
                    data = None;
                }
                continue;
            }
            let wanted = HEADER_LEN.saturating_sub(partial.len()).min(bytes.len() - at);
            partial.extend_from_slice(&bytes[at..at + wanted]);
            at += wanted;
            if partial.len() < HEADER_LEN {
                continue;
            }
            match Frame::parse(partial[..HEADER_LEN].try_into().expect("eight bytes")) {
                Frame::Data { stream, flags, len } => {
                    partial.clear();
                    let to = shared.streams.lock().expect("stream table").get(&stream).cloned();
                    if len > 0 {
                        data = Some((to, len, flags));
                    } else if flags & FLAG_FIN != 0
                        && let Some(to) = to
                    {
                        let _ = to.send(Event::Fin).await;
                    }
                }
                Frame::Control { kind, flags, len } => {
                    // Control frames are small: each is read whole before it is looked at.
                    let wanted = (HEADER_LEN + len - partial.len()).min(bytes.len() - at);
                    partial.extend_from_slice(&bytes[at..at + wanted]);
                    at += wanted;
                    if partial.len() < HEADER_LEN + len {
                        continue;
                    }
                    let payload = partial.split_off(HEADER_LEN);
                    partial.clear();
                    if !control(kind, flags, &payload, &mut headers, &shared).await {
                        break 'messages;
                    }
                }
            }
        }
    }
    shared.closed.store(true, Ordering::Release);
    shared.streams.lock().expect("stream table").clear();
}

/// Acts on one control frame from the kubelet; `false` when the session cannot go on.
async fn control(kind: u16, flags: u8, payload: &[u8], headers: &mut Headers, shared: &Shared) -> bool {
    match kind {
        // Every header block received continues the zlib stream, whether it is needed or not.
        spdy::SYN_REPLY | spdy::HEADERS => payload.len() >= 4 && headers.decode(&payload[4..]).is_ok(),
        spdy::SYN_STREAM => payload.len() >= 10 && headers.decode(&payload[10..]).is_ok(),
        spdy::RST_STREAM => {
            // Dropping the stream's sender ends that connection.
            let gone = spdy::stream_of(payload)
                .and_then(|stream| shared.streams.lock().expect("stream table").remove(&stream));
            drop(gone);
            true
        }
        spdy::PING => {
            let _ = shared.frames.send(spdy::control_frame(spdy::PING, flags, payload)).await;
            true
        }
        spdy::GOAWAY => {
            shared.closed.store(true, Ordering::Release);
            true
        }
        // SETTINGS, WINDOW_UPDATE: spdystream does no flow control.
        _ => true,
    }
}

/// The session of the pod being forwarded to, opened on first use and again after the pod
/// changes or the session ends; shared by every listener of a forward.
pub(super) struct Sessions {
    pods: Api<Pod>,
    current: Mutex<Option<Arc<Session>>>,
}

impl Sessions {
    /// A first session to `first`'s pod: `None` when the API server does not tunnel SPDY (or the
    /// upgrade failed), and the forward opens a WebSocket per connection instead.
    pub(super) async fn start(pods: &Api<Pod>, first: &Active) -> Option<Arc<Sessions>> {
        let port = *first.ports.first()?;
        let session = Session::open(pods, &first.pod, port).await?;
        Some(Arc::new(Sessions { pods: pods.clone(), current: Mutex::new(Some(session)) }))
    }

    /// The streams of one new connection to `active`'s pod, or `None` when no session can be had
    /// (the caller opens a WebSocket of its own, which reports why).
    pub(super) async fn connect(&self, active: &Active, port: u16) -> Option<Pair> {
        let session = {
            let mut current = self.current.lock().await;
            match current.as_ref() {
                Some(session) if session.pod == active.pod && session.is_open() => session.clone(),
                _ => {
                    let session = Session::open(&self.pods, &active.pod, port).await?;
                    *current = Some(session.clone());
                    session
                }
            }
        };
        session.connect(port).await
    }
}
