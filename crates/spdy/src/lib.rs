//! SPDY/3.1 as Kubernetes speaks it for `pods/portforward` (moby/spdystream, which client-go and
//! the kubelet use): frames, and header blocks compressed with SPDY's preset dictionary, one zlib
//! stream per direction for the whole connection. spdystream does no flow control, so there is
//! none here either. Used by osm's port-forward client and by the kubelet stand-in's server.

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress};

pub const SYN_STREAM: u16 = 1;
pub const SYN_REPLY: u16 = 2;
pub const RST_STREAM: u16 = 3;
pub const SETTINGS: u16 = 4;
pub const PING: u16 = 6;
pub const GOAWAY: u16 = 7;
pub const HEADERS: u16 = 8;
pub const WINDOW_UPDATE: u16 = 9;
/// The sender sends nothing more on the stream (a data frame's or a SYN_STREAM's flag).
pub const FLAG_FIN: u8 = 0x01;
/// RST_STREAM's status for a stream its sender no longer wants.
pub const CANCEL: u32 = 5;
/// Every frame starts with eight bytes: a control frame's version and type, or a data frame's
/// stream, then flags and a 24-bit length.
pub const HEADER_LEN: usize = 8;

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

pub fn dictionary() -> Vec<u8> {
    let mut dict = Vec::with_capacity(1423);
    for word in DICTIONARY_WORDS {
        dict.extend_from_slice(&(word.len() as u32).to_be_bytes());
        dict.extend_from_slice(word.as_bytes());
    }
    dict.extend_from_slice(DICTIONARY_TAIL.as_bytes());
    dict
}

pub fn control_frame(kind: u16, flags: u8, payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(HEADER_LEN + payload.len());
    frame.extend_from_slice(&(0x8000u16 | 3).to_be_bytes());
    frame.extend_from_slice(&kind.to_be_bytes());
    frame.push(flags);
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes()[1..]);
    frame.extend_from_slice(payload);
    frame
}

pub fn data_frame(stream: u32, flags: u8, data: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(HEADER_LEN + data.len());
    frame.extend_from_slice(&(stream & 0x7fff_ffff).to_be_bytes());
    frame.push(flags);
    frame.extend_from_slice(&(data.len() as u32).to_be_bytes()[1..]);
    frame.extend_from_slice(data);
    frame
}

/// What the first eight bytes of a frame say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// A control frame of this type.
    Control {
        kind: u16,
        flags: u8,
        len: usize,
    },
    Data {
        stream: u32,
        flags: u8,
        len: usize,
    },
}

impl Frame {
    pub fn parse(header: &[u8; HEADER_LEN]) -> Frame {
        let flags = header[4];
        let len = u32::from_be_bytes([0, header[5], header[6], header[7]]) as usize;
        if header[0] & 0x80 != 0 {
            Frame::Control { kind: u16::from_be_bytes([header[2], header[3]]), flags, len }
        } else {
            let stream = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
            Frame::Data { stream, flags, len }
        }
    }
}

/// A stream id from the first four bytes of a control frame's payload.
pub fn stream_of(payload: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(payload.get(0..4)?.try_into().ok()?) & 0x7fff_ffff)
}

#[derive(Debug)]
pub struct HeaderError(pub String);

impl std::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for HeaderError {}

/// Header blocks, both directions of one connection: every block sent must be encoded, and every
/// block received decoded, in connection order, as each continues the zlib stream before it.
pub struct Headers {
    inflate: Decompress,
    deflate: Compress,
    dict: Vec<u8>,
}

impl Default for Headers {
    fn default() -> Self {
        Headers::new()
    }
}

impl Headers {
    pub fn new() -> Self {
        let dict = dictionary();
        let mut deflate = Compress::new(Compression::default(), true);
        deflate.set_dictionary(&dict).expect("a fresh compressor takes a dictionary");
        Headers { inflate: Decompress::new(true), deflate, dict }
    }

    /// The name-value pairs of a received block, names lower-cased.
    pub fn decode(&mut self, block: &[u8]) -> Result<Vec<(String, String)>, HeaderError> {
        let bad = |e: &dyn std::fmt::Display| HeaderError(format!("bad header block: {e}"));
        let mut out = Vec::with_capacity(block.len() * 4 + 64);
        let mut input = block;
        loop {
            let before = self.inflate.total_in();
            out.reserve(4096);
            match self.inflate.decompress_vec(input, &mut out, FlushDecompress::Sync) {
                Ok(_) => {}
                Err(e) if e.needs_dictionary().is_some() => {
                    self.inflate.set_dictionary(&self.dict).map_err(|e| bad(&e))?;
                }
                Err(e) => return Err(bad(&e)),
            }
            input = &input[(self.inflate.total_in() - before) as usize..];
            if input.is_empty() && out.len() < out.capacity() {
                break;
            }
        }
        let mut fields = Vec::new();
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], HeaderError> {
            let slice = out.get(at..at + n).ok_or_else(|| HeaderError("truncated header block".into()))?;
            at += n;
            Ok(slice)
        };
        let number = |bytes: &[u8]| u32::from_be_bytes(bytes.try_into().expect("four bytes")) as usize;
        let count = number(take(4)?);
        for _ in 0..count {
            let len = number(take(4)?);
            let name = String::from_utf8_lossy(take(len)?).to_ascii_lowercase();
            let len = number(take(4)?);
            let value = String::from_utf8_lossy(take(len)?).into_owned();
            fields.push((name, value));
        }
        Ok(fields)
    }

    /// A block to send: `fields` as SPDY/3 lays them out (names lower case), compressed.
    pub fn encode(&mut self, fields: &[(&str, &str)]) -> Vec<u8> {
        let mut raw = Vec::with_capacity(4 + fields.len() * 32);
        raw.extend_from_slice(&(fields.len() as u32).to_be_bytes());
        for (name, value) in fields {
            raw.extend_from_slice(&(name.len() as u32).to_be_bytes());
            raw.extend_from_slice(name.to_ascii_lowercase().as_bytes());
            raw.extend_from_slice(&(value.len() as u32).to_be_bytes());
            raw.extend_from_slice(value.as_bytes());
        }
        let mut out = Vec::with_capacity(raw.len() + 64);
        let mut input = raw.as_slice();
        loop {
            let before = self.deflate.total_in();
            out.reserve(256);
            self.deflate
                .compress_vec(input, &mut out, FlushCompress::Sync)
                .expect("compressing into a growing buffer cannot fail");
            input = &input[(self.deflate.total_in() - before) as usize..];
            // A sync flush is complete once the output did not fill the room it had.
            if input.is_empty() && out.len() < out.capacity() {
                break;
            }
        }
        out
    }
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
    fn header_blocks_round_trip_through_one_stream_per_direction() {
        let mut ours = Headers::new();
        let mut theirs = Headers::new();
        assert!(theirs.decode(&ours.encode(&[])).unwrap().is_empty());
        for request in ["0", "1", "2"] {
            let block = ours.encode(&[("streamType", "data"), ("port", "8080"), ("requestID", request)]);
            let fields = theirs.decode(&block).unwrap();
            assert_eq!(
                fields,
                vec![
                    ("streamtype".to_string(), "data".to_string()),
                    ("port".to_string(), "8080".to_string()),
                    ("requestid".to_string(), request.to_string()),
                ]
            );
        }
    }

    #[test]
    fn frame_headers_read_back() {
        let data = data_frame(7, FLAG_FIN, b"abc");
        assert_eq!(Frame::parse(data[..8].try_into().unwrap()), Frame::Data { stream: 7, flags: 1, len: 3 });
        let ping = control_frame(PING, 0, &5u32.to_be_bytes());
        assert_eq!(
            Frame::parse(ping[..8].try_into().unwrap()),
            Frame::Control { kind: PING, flags: 0, len: 4 }
        );
        assert_eq!(stream_of(&ping[8..]), Some(5));
    }
}
