//! One `pods/portforward` WebSocket to one port of one pod, and the copying of a local
//! connection's bytes through it.

use std::future::Future;
use std::pin::Pin;

use futures::FutureExt;
use k8s_openapi::api::core::v1::Pod;
use kube::Api;
use kube::api::Portforwarder;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::net::TcpStream;
use tokio::time::Instant;

use super::Notice;

/// The most a spare holds of what the pod sent before anyone asked; the rest waits in the stream.
const EARLY_LIMIT: usize = 64 * 1024;

type ErrorMessage = Pin<Box<dyn Future<Output = Option<String>> + Send>>;

pub(super) struct Tunnel {
    pub(super) pod: String,
    pub(super) port: u16,
    pub(super) opened: Instant,
    forwarder: Portforwarder,
    stream: DuplexStream,
    errors: Option<ErrorMessage>,
    /// What the pod sent before the tunnel was handed to a connection: servers that speak first
    /// (SSH, SMTP, MySQL) greet as soon as the kubelet connects, which is when the WebSocket opens.
    early: Vec<u8>,
}

impl Drop for Tunnel {
    fn drop(&mut self) {
        // Without this the message loop would outlive an unused tunnel, holding its WebSocket.
        self.forwarder.abort();
    }
}

impl Tunnel {
    /// Opening is the slow part of a new connection (a TLS connection to the API server, the
    /// upgrade, the API server's connection to the kubelet), which is why spares open ahead.
    pub(super) async fn open(pods: &Api<Pod>, pod: &str, port: u16) -> Result<Tunnel, kube::Error> {
        let mut forwarder = pods.portforward(pod, &[port]).await?;
        let stream = forwarder.take_stream(port).expect("a stream for the one port asked for");
        let errors = forwarder.take_error(port).map(|e| Box::pin(e) as ErrorMessage);
        Ok(Tunnel {
            pod: pod.to_string(),
            port,
            opened: Instant::now(),
            forwarder,
            stream,
            errors,
            early: Vec::new(),
        })
    }

    /// A spare can die unseen while it waits: the pod's server closes idle connections, the port
    /// refuses, the API server drops the WebSocket. Handing such a one to a connection would cost
    /// the user their connection, so this looks without waiting, and keeps what the pod sent.
    pub(super) fn alive(&mut self) -> bool {
        if let Some(errors) = &mut self.errors
            && errors.now_or_never().is_some()
        {
            // An error message, or the message loop ended: the port is unusable either way.
            return false;
        }
        let mut buf = [0u8; 8192];
        while self.early.len() < EARLY_LIMIT {
            match self.stream.read(&mut buf).now_or_never() {
                None => return true,
                Some(Ok(0)) | Some(Err(_)) => return false,
                Some(Ok(n)) => self.early.extend_from_slice(&buf[..n]),
            }
        }
        true
    }

    /// Copies both ways until either side ends; a message on the port's error channel (the
    /// kubelet could not reach the port, or lost it) is shown, as the user would otherwise only see
    /// a closed connection.
    pub(super) async fn serve(mut self, mut tcp: TcpStream, notice: Notice) {
        if !self.early.is_empty() && tcp.write_all(&std::mem::take(&mut self.early)).await.is_err() {
            return;
        }
        let errors = self.errors.take();
        let (pod, port) = (self.pod.clone(), self.port);
        let error_watch = async move {
            if let Some(errors) = errors
                && let Some(message) = errors.await
            {
                notice(format!("error: pod {pod} port {port}: {message}"));
            }
            // Keep the copy running: the stream ends on its own after an error.
            std::future::pending::<()>().await
        };
        tokio::select! {
            _ = tokio::io::copy_bidirectional(&mut tcp, &mut self.stream) => {}
            _ = error_watch => {}
        }
    }
}
