//! Loopback servers that the kubelet stand-in relays pod ports to (registered with the pod
//! annotation `kubelet-standin.osm.dev/forward-<containerPort>: 127.0.0.1:<port>`), and a
//! long-running `osm port-forward`/`osm dashboard` read line by line.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const FORWARD_ANNOTATION_PREFIX: &str = "kubelet-standin.osm.dev/forward-";

/// A TCP server on 127.0.0.1 that echoes every byte back; lives as long as the test binary.
pub fn echo_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind echo server");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut conn = conn;
                let mut buf = [0u8; 65536];
                loop {
                    match conn.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            if conn.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                    }
                }
            });
        }
    });
    port
}

/// A minimal HTTP/1.1 server: fixed bodies per path, every request line recorded.
pub struct HttpServer {
    pub port: u16,
    pub requests: Arc<Mutex<Vec<String>>>,
}

pub fn http_server(routes: &[(&str, &str, &[u8])]) -> HttpServer {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind http server");
    let port = listener.local_addr().unwrap().port();
    let routes: Arc<HashMap<String, (String, Vec<u8>)>> = Arc::new(
        routes
            .iter()
            .map(|(path, ctype, body)| (path.to_string(), (ctype.to_string(), body.to_vec())))
            .collect(),
    );
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = requests.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let routes = routes.clone();
            let seen = seen.clone();
            std::thread::spawn(move || serve_http(conn, &routes, &seen));
        }
    });
    HttpServer { port, requests }
}

fn serve_http(conn: TcpStream, routes: &HashMap<String, (String, Vec<u8>)>, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(conn.try_clone().expect("clone"));
    let mut conn = conn;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut content_length = 0usize;
        let mut close = false;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    content_length = value.trim().parse().unwrap_or(0);
                }
                if name.eq_ignore_ascii_case("connection") && value.trim().eq_ignore_ascii_case("close") {
                    close = true;
                }
            }
        }
        let mut body = vec![0; content_length];
        let _ = reader.read_exact(&mut body);
        seen.lock().unwrap().push(request_line.trim().to_string());
        let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let (status, ctype, body) = match routes.get(&path) {
            Some((ctype, body)) => ("200 OK", ctype.clone(), body.clone()),
            None => ("404 Not Found", "text/plain".to_string(), b"no such path\n".to_vec()),
        };
        let head =
            format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n", body.len());
        if conn.write_all(head.as_bytes()).and_then(|_| conn.write_all(&body)).is_err() || close {
            return;
        }
    }
}

/// Sends `payload` through a TCP connection to 127.0.0.1:`port` and reads as many bytes back.
pub fn round_trip(port: u16, payload: &[u8]) -> Vec<u8> {
    let mut conn = TcpStream::connect(("127.0.0.1", port)).expect("connect to the forwarded port");
    conn.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let writer = {
        let mut conn = conn.try_clone().unwrap();
        let payload = payload.to_vec();
        std::thread::spawn(move || conn.write_all(&payload))
    };
    let mut back = vec![0; payload.len()];
    conn.read_exact(&mut back).expect("read the echo through the forward");
    writer.join().unwrap().expect("write through the forward");
    back
}

/// A plain HTTP GET; returns (status line, body).
pub fn http_get(url: &str) -> (String, String) {
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = match rest.split_once('/') {
        Some((host, path)) => (host, format!("/{path}")),
        None => (rest, "/".to_string()),
    };
    let mut conn = TcpStream::connect(host).expect("connect");
    conn.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(conn, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut text = String::new();
    conn.read_to_string(&mut text).expect("read the answer");
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (head.lines().next().unwrap_or("").to_string(), body.to_string())
}

/// A long-running osm command, stdout read line by line, stderr collected; killed when dropped.
pub struct Running {
    child: Child,
    lines: mpsc::Receiver<String>,
    pub stdout: Arc<Mutex<Vec<String>>>,
    pub stderr: Arc<Mutex<String>>,
}

impl Running {
    pub fn spawn(mut command: Command) -> Running {
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).env("NO_COLOR", "1");
        let mut child = command.spawn().expect("spawn osm");
        let (tx, lines) = mpsc::channel();
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let out = child.stdout.take().unwrap();
        let seen = stdout.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                seen.lock().unwrap().push(line.clone());
                let _ = tx.send(line);
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = child.stderr.take().unwrap();
        let collected = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut text = collected.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        Running { child, lines, stdout, stderr }
    }

    /// The next stdout line, waiting up to `timeout`; panics with what was printed otherwise.
    pub fn next_line(&mut self, timeout: Duration) -> String {
        match self.lines.recv_timeout(timeout) {
            Ok(line) => line,
            Err(_) => panic!(
                "no stdout line within {timeout:?}; exit: {:?}\n--- stdout\n{}\n--- stderr\n{}",
                self.child.try_wait().ok().flatten(),
                self.stdout.lock().unwrap().join("\n"),
                self.stderr.lock().unwrap()
            ),
        }
    }

    /// Reads stdout lines until one contains `needle`, and returns it.
    pub fn line_with(&mut self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self.next_line(left.max(Duration::from_millis(1)));
            if line.contains(needle) {
                return line;
            }
        }
    }

    /// The local ports of the `Forwarding from ADDR:PORT -> POD:REMOTE` lines, in order.
    pub fn forwarded_ports(&mut self, count: usize) -> Vec<(u16, String)> {
        (0..count)
            .map(|_| {
                let line = self.line_with("Forwarding from", Duration::from_secs(30));
                let (from, to) =
                    line.trim_start_matches("Forwarding from ").split_once(" -> ").expect("arrow");
                let port = from.rsplit_once(':').unwrap().1.parse().expect("local port");
                (port, to.to_string())
            })
            .collect()
    }

    pub fn stderr_text(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until stderr contains `needle`.
    pub fn wait_stderr(&self, needle: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.stderr_text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("stderr lacks {needle:?} after {timeout:?}:\n{}", self.stderr_text());
    }

    /// Waits for the process to exit on its own; returns its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> i32 {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader threads drain what is left.
                std::thread::sleep(Duration::from_millis(200));
                return status.code().unwrap_or(-1);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("still running after {timeout:?}:\n{}", self.stderr_text());
    }

    /// Kills the process with SIGKILL, as an OOM killer or a cancelled CI job does.
    pub fn kill_hard(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Sends SIGINT (Ctrl-C) and returns the exit code.
    pub fn interrupt(&mut self) -> i32 {
        let status =
            Command::new("kill").args(["-INT", &self.child.id().to_string()]).status().expect("kill");
        assert!(status.success());
        self.wait_exit(Duration::from_secs(10))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
