//! The kubelet's SPDY port-forward protocol, as `kubectl port-forward` (client-go 1.20) speaks it
//! through the API server: SPDY/3.1 with `X-Stream-Protocol-Version: portforward.k8s.io`.
//!
//! Per forwarded connection the client opens two streams sharing a `requestid` header: first
//! `streamtype: error` (which it half-closes at once and reads to the end), then
//! `streamtype: data`; both carry `port`. Every stream gets a SYN_REPLY. Data frames on the data
//! stream go to the port; the port's bytes come back as data frames; when the port closes, both
//! streams are finished (FIN). A port that cannot be reached is reported as text on the error
//! stream. Header blocks are zlib streams with SPDY's preset dictionary, one per direction for the
//! whole connection. client-go's SPDY implementation does no flow control, so neither does this.

use std::collections::HashMap;
use std::net::SocketAddr;

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress};
use kube::Client;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::mpsc;

use crate::portforward::{BoxError, Target, destinations};

pub const PROTOCOL: &str = "portforward.k8s.io";

const SYN_STREAM: u16 = 1;
const SYN_REPLY: u16 = 2;
const RST_STREAM: u16 = 3;
const PING: u16 = 6;
const GOAWAY: u16 = 7;
const FLAG_FIN: u8 = 0x01;
const READ_CHUNK: usize = 64 * 1024;

/// SPDY/3 header compression dictionary (draft 3, section 2.6.10.1): length-prefixed words...
const DICTIONARY_WORDS: &[&str] = &[
    "options",
    "head",
    "post",
    "put",
    "delete",
    "trace",
    "accept",
    "accept-charset",
    "accept-encoding",
    "accept-language",
    "accept-ranges",
    "age",
    "allow",
    "authorization",
    "cache-control",
    "connection",
    "content-base",
    "content-encoding",
    "content-language",
    "content-length",
    "content-location",
    "content-md5",
    "content-range",
    "content-type",
    "date",
    "etag",
    "expect",
    "expires",
    "from",
    "host",
    "if-match",
    "if-modified-since",
    "if-none-match",
    "if-range",
    "if-unmodified-since",
    "last-modified",
    "location",
    "max-forwards",
    "pragma",
    "proxy-authenticate",
    "proxy-authorization",
    "range",
    "referer",
    "retry-after",
    "server",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "user-agent",
    "vary",
    "via",
    "warning",
    "www-authenticate",
    "method",
    "get",
    "status",
    "200 OK",
    "version",
    "HTTP/1.1",
    "url",
    "public",
    "set-cookie",
    "keep-alive",
    "origin",
];
/// ...followed by raw text.
const DICTIONARY_TAIL: &str = concat!(
    "10010120120220520630030230330430530630740240540640740840941041141241341441541641",
    "7502504505203 Non-Authoritative Information204 No Content301 Moved Permanently40",
    "0 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server Error",
    "501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept O",
    "ct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,imag",
    "e/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/",
    "javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1",
    ",utf-,*,enq=0.",
);

fn dictionary() -> Vec<u8> {
    let mut dict = Vec::with_capacity(1423);
    for word in DICTIONARY_WORDS {
        dict.extend_from_slice(&(word.len() as u32).to_be_bytes());
        dict.extend_from_slice(word.as_bytes());
    }
    dict.extend_from_slice(DICTIONARY_TAIL.as_bytes());
    dict
}

fn control_frame(kind: u16, flags: u8, payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(8 + payload.len());
    frame.extend_from_slice(&(0x8000u16 | 3).to_be_bytes());
    frame.extend_from_slice(&kind.to_be_bytes());
    frame.push(flags);
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes()[1..]);
    frame.extend_from_slice(payload);
    frame
}

fn data_frame(stream: u32, flags: u8, data: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(8 + data.len());
    frame.extend_from_slice(&(stream & 0x7fff_ffff).to_be_bytes());
    frame.push(flags);
    frame.extend_from_slice(&(data.len() as u32).to_be_bytes()[1..]);
    frame.extend_from_slice(data);
    frame
}

/// Header blocks, both directions of one connection.
struct Headers {
    inflate: Decompress,
    deflate: Compress,
    dict: Vec<u8>,
}

impl Headers {
    fn new() -> Self {
        let dict = dictionary();
        let mut deflate = Compress::new(Compression::default(), true);
        deflate.set_dictionary(&dict).expect("a fresh compressor takes a dictionary");
        Headers { inflate: Decompress::new(true), deflate, dict }
    }

    fn decode(&mut self, block: &[u8]) -> Result<HashMap<String, String>, BoxError> {
        let mut out = Vec::with_capacity(block.len() * 4 + 64);
        let mut input = block;
        loop {
            let before = self.inflate.total_in();
            out.reserve(4096);
            match self.inflate.decompress_vec(input, &mut out, FlushDecompress::Sync) {
                Ok(_) => {}
                Err(e) if e.needs_dictionary().is_some() => {
                    self.inflate.set_dictionary(&self.dict)?;
                }
                Err(e) => return Err(e.into()),
            }
            input = &input[(self.inflate.total_in() - before) as usize..];
            if input.is_empty() && out.len() < out.capacity() {
                break;
            }
        }
        let mut headers = HashMap::new();
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], BoxError> {
            let slice = out.get(at..at + n).ok_or("truncated header block")?;
            at += n;
            Ok(slice)
        };
        let count = u32::from_be_bytes(take(4)?.try_into()?);
        for _ in 0..count {
            let len = u32::from_be_bytes(take(4)?.try_into()?) as usize;
            let name = String::from_utf8_lossy(take(len)?).to_ascii_lowercase();
            let len = u32::from_be_bytes(take(4)?.try_into()?) as usize;
            let value = String::from_utf8_lossy(take(len)?).into_owned();
            headers.insert(name, value);
        }
        Ok(headers)
    }

    /// An empty header block (a SYN_REPLY needs no headers).
    fn encode_empty(&mut self) -> Result<Vec<u8>, BoxError> {
        let mut out = Vec::with_capacity(64);
        self.deflate.compress_vec(&0u32.to_be_bytes(), &mut out, FlushCompress::Sync)?;
        Ok(out)
    }
}

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
                let fields = headers.decode(&payload[10..])?;
                let mut reply = stream_id.to_be_bytes().to_vec();
                reply.extend(headers.encode_empty()?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_is_spdy3s() {
        let dict = dictionary();
        assert_eq!(dict.len(), 1423);
        assert!(dict.starts_with(b"\0\0\0\x07options\0\0\0\x04head"));
        assert!(dict.ends_with(b"enq=0."));
    }

    #[test]
    fn header_blocks_round_trip_through_the_dictionary() {
        let mut ours = Headers::new();
        let mut theirs = Headers::new();
        let block = ours.encode_empty().unwrap();
        assert!(theirs.decode(&block).unwrap().is_empty());
    }
}
