//! The kubelet's SPDY port-forward protocol, as `kubectl port-forward` (client-go 1.20) speaks it
//! through the API server: SPDY/3.1 with `X-Stream-Protocol-Version: portforward.k8s.io`.
//!
//! Per forwarded connection the client opens two streams sharing a `requestid` header: first
//! `streamtype: error` (which it half-closes at once and reads to the end), then
//! `streamtype: data`; both carry `port`. Every stream gets a SYN_REPLY. Data frames on the data
//! stream go to the port; the port's bytes come back as data frames; when the port closes, both
//! streams are finished (FIN). A port that cannot be reached is reported as text on the error
//! stream. Header blocks are zlib streams with SPDY's preset dictionary, one per direction for the
//! whole connection (the `spdy` crate). client-go's SPDY implementation does no flow control, so
//! neither does this.

use std::collections::HashMap;
use std::net::SocketAddr;

use kube::Client;
use spdy::{FLAG_FIN, GOAWAY, Headers, PING, RST_STREAM, SYN_REPLY, SYN_STREAM, control_frame, data_frame};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::mpsc;

use crate::portforward::{BoxError, Target, destinations};

pub const PROTOCOL: &str = "portforward.k8s.io";

const READ_CHUNK: usize = 64 * 1024;

/// One forwarded connection: its two streams, once both exist.
#[derive(Default)]
struct Pair {
    port: u16,
    error: Option<u32>,
    data: Option<u32>,
}

pub async fn serve<S>(client: Client, stream: S, target: Target) -> Result<(), BoxError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut read, mut write) = tokio::io::split(stream);
    let (out_tx, mut out_rx) = mpsc::channel::<Vec<u8>>(64);
    let writer = tokio::spawn(async move {
        while let Some(frame) = out_rx.recv().await {
            if write.write_all(&frame).await.is_err() {
                break;
            }
        }
        let _ = write.shutdown().await;
    });

    let mut headers = Headers::new();
    let mut pairs: HashMap<String, Pair> = HashMap::new();
    let mut to_port: HashMap<u32, OwnedWriteHalf> = HashMap::new();
    let mut known: HashMap<u16, Result<SocketAddr, String>> = HashMap::new();
    let mut header = [0u8; 8];
    let mut readers = tokio::task::JoinSet::new();
    loop {
        if read.read_exact(&mut header).await.is_err() {
            break;
        }
        let flags = header[4];
        let len = u32::from_be_bytes([0, header[5], header[6], header[7]]) as usize;
        let mut payload = vec![0u8; len];
        if read.read_exact(&mut payload).await.is_err() {
            break;
        }
        if header[0] & 0x80 == 0 {
            let stream_id = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
            if let Some(port) = to_port.get_mut(&stream_id) {
                if !payload.is_empty() && port.write_all(&payload).await.is_err() {
                    to_port.remove(&stream_id);
                } else if flags & FLAG_FIN != 0 {
                    // The client sends no more: half-close towards the port, as a kubelet does.
                    if let Some(mut port) = to_port.remove(&stream_id) {
                        let _ = port.shutdown().await;
                    }
                }
            }
            continue;
        }
        match u16::from_be_bytes([header[2], header[3]]) {
            SYN_STREAM if payload.len() >= 10 => {
                let stream_id = u32::from_be_bytes(payload[0..4].try_into()?) & 0x7fff_ffff;
                let fields: HashMap<String, String> = headers.decode(&payload[10..])?.into_iter().collect();
                let mut reply = stream_id.to_be_bytes().to_vec();
                reply.extend(headers.encode(&[]));
                out_tx.send(control_frame(SYN_REPLY, 0, &reply)).await?;

                let request = fields.get("requestid").cloned().unwrap_or_default();
                let pair = pairs.entry(request.clone()).or_default();
                pair.port = fields.get("port").and_then(|p| p.parse().ok()).unwrap_or(0);
                match fields.get("streamtype").map(String::as_str) {
                    Some("error") => pair.error = Some(stream_id),
                    Some("data") => pair.data = Some(stream_id),
                    _ => {}
                }
                let (Some(error), Some(data)) = (pair.error, pair.data) else { continue };
                let port = pair.port;
                pairs.remove(&request);
                let destination = match known.entry(port) {
                    std::collections::hash_map::Entry::Occupied(entry) => entry.get().clone(),
                    std::collections::hash_map::Entry::Vacant(entry) => {
                        let one = Target {
                            namespace: target.namespace.clone(),
                            pod: target.pod.clone(),
                            ports: vec![port],
                        };
                        entry.insert(destinations(&client, &one).await.remove(0)).clone()
                    }
                };
                let connected = match destination {
                    Ok(addr) => TcpStream::connect(addr)
                        .await
                        .map_err(|e| format!("failed to connect to {addr}: {e}")),
                    Err(e) => Err(e),
                };
                match connected {
                    Ok(tcp) => {
                        let _ = tcp.set_nodelay(true);
                        let (mut from, into) = tcp.into_split();
                        to_port.insert(data, into);
                        let out_tx = out_tx.clone();
                        readers.spawn(async move {
                            let mut buf = vec![0u8; READ_CHUNK];
                            loop {
                                match from.read(&mut buf).await {
                                    Ok(0) | Err(_) => break,
                                    Ok(n) => {
                                        if out_tx.send(data_frame(data, 0, &buf[..n])).await.is_err() {
                                            return;
                                        }
                                    }
                                }
                            }
                            let _ = out_tx.send(data_frame(data, FLAG_FIN, &[])).await;
                            let _ = out_tx.send(data_frame(error, FLAG_FIN, &[])).await;
                        });
                    }
                    Err(e) => {
                        let message = format!(
                            "error forwarding port {port} to pod {}/{}: {e}",
                            target.namespace, target.pod
                        );
                        out_tx.send(data_frame(error, 0, message.as_bytes())).await?;
                        out_tx.send(data_frame(error, FLAG_FIN, &[])).await?;
                        out_tx.send(data_frame(data, FLAG_FIN, &[])).await?;
                    }
                }
            }
            RST_STREAM if payload.len() >= 4 => {
                let stream_id = u32::from_be_bytes(payload[0..4].try_into()?) & 0x7fff_ffff;
                to_port.remove(&stream_id);
            }
            PING => out_tx.send(control_frame(PING, flags, &payload)).await?,
            GOAWAY => break,
            // SETTINGS, WINDOW_UPDATE, HEADERS: nothing to do without flow control.
            _ => {}
        }
    }
    readers.abort_all();
    drop(out_tx);
    let _ = writer.await;
    Ok(())
}
