//! The forwarding loop of one listener: accepting local connections and giving each its own
//! tunnel to the pod currently forwarded to.

use std::sync::Arc;
use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

use super::session::Sessions;
use super::spare::Spares;
use super::tunnel::Tunnel;
use super::{Active, Notice};

/// How long a connection whose stream failed to open waits for the supervisor to switch pods
/// before it tries again: the watch reports a deleted pod well within that.
const SWITCH_GRACE: Duration = Duration::from_secs(1);

pub(super) struct Listener {
    pub(super) listener: TcpListener,
    pub(super) index: usize,
    pub(super) pods: Api<Pod>,
    pub(super) state: watch::Receiver<Option<Active>>,
    pub(super) sessions: Option<Arc<Sessions>>,
    pub(super) spares: Option<Spares>,
    pub(super) notice: Notice,
    /// How long a connection waits for a pod while none is usable.
    pub(super) wait_limit: Duration,
}

impl Listener {
    /// Each connection runs on its own task, so a slow one never holds up the next accept.
    pub(super) async fn accept(self) {
        // A failing accept (out of file descriptors, say) fails again at once: back off instead of
        // spinning, and start over fast once a connection comes through.
        let mut backoff = Duration::from_millis(10);
        loop {
            let tcp = match self.listener.accept().await {
                Ok((tcp, _)) => {
                    backoff = Duration::from_millis(10);
                    tcp
                }
                Err(e) => {
                    if backoff >= Duration::from_millis(640) {
                        (self.notice)(format!("cannot accept connections: {e}; retrying"));
                    }
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(1));
                    continue;
                }
            };
            let _ = tcp.set_nodelay(true);
            let connection = Connection {
                pods: self.pods.clone(),
                state: self.state.clone(),
                sessions: self.sessions.clone(),
                spares: self.spares.clone(),
                notice: self.notice.clone(),
                index: self.index,
                wait_limit: self.wait_limit,
            };
            tokio::spawn(connection.serve(tcp, tokio::time::Instant::now()));
        }
    }
}

struct Connection {
    pods: Api<Pod>,
    state: watch::Receiver<Option<Active>>,
    sessions: Option<Arc<Sessions>>,
    spares: Option<Spares>,
    notice: Notice,
    index: usize,
    wait_limit: Duration,
}

impl Connection {
    async fn serve(mut self, tcp: TcpStream, accepted: tokio::time::Instant) {
        // One retry: a failure usually means the pod just went away, and the supervisor swaps it.
        for attempt in 0..2 {
            let active =
                match tokio::time::timeout(self.wait_limit, self.state.wait_for(Option::is_some)).await {
                    Ok(Ok(active)) => active.clone().expect("waited for a pod"),
                    _ => return,
                };
            let port = active.ports[self.index];
            if let Some(sessions) = &self.sessions
                && let Some(pair) = sessions.connect(&active, port).await
            {
                tracing::debug!(
                    "port-forward: connection has its streams {:?} after accept",
                    accepted.elapsed()
                );
                return pair.serve(tcp, self.notice.clone(), accepted).await;
            }
            let spare = match &self.spares {
                Some(spares) if attempt == 0 => spares.take(&active, self.index).await,
                _ => None,
            };
            let from_spare = spare.is_some();
            let tunnel = match spare {
                Some(tunnel) => Ok(tunnel),
                None => Tunnel::open(&self.pods, &active.pod, port).await,
            };
            match tunnel {
                Ok(tunnel) => {
                    tracing::debug!(
                        "port-forward: connection has a tunnel {:?} after accept ({}, opened in {:?})",
                        accepted.elapsed(),
                        if from_spare { "spare" } else { "its own" },
                        tunnel.took
                    );
                    return tunnel.serve(tcp, self.notice.clone(), accepted).await;
                }
                Err(e) if attempt == 1 => {
                    (self.notice)(format!(
                        "error: cannot open a stream to pod {} port {port}: {e}",
                        active.pod
                    ));
                    return;
                }
                Err(_) => {
                    let _ = tokio::time::timeout(SWITCH_GRACE, self.state.changed()).await;
                }
            }
        }
    }
}
