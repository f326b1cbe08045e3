//! Warm spares: port-forward WebSockets opened ahead of the connections that will use them.
//!
//! Opening a `pods/portforward` stream costs tens of milliseconds (a new TLS connection to the API
//! server, the upgrade, the API server's dial to the kubelet) where kubectl, which multiplexes one
//! connection, costs one round trip. A kube stream carries one connection of one port, so each
//! listener keeps its own spares for the pod being forwarded to, and each one taken is replaced.

use std::collections::VecDeque;
use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;
use kube::Api;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::Active;
use super::tunnel::Tunnel;

/// An idle WebSocket may be closed by a proxy or load balancer in front of the API server without
/// the spare noticing; replacing spares this old keeps that from reaching a user's connection.
const MAX_AGE: Duration = Duration::from_secs(30);
/// Bursts of connections (a browser loading a page, a client opening one per request) raise the
/// number of spares kept, as opening takes longer than such a connection lasts; this bounds what a
/// forward holds open after a burst (WebSockets, and connections to the pod's server) until the
/// unused ones age out.
const MAX_SPARES: usize = 16;
/// After a spare fails to open, the next attempt waits this long, doubling up to `MAX_BACKOFF`:
/// a port nothing listens on must not turn into a stream of WebSockets.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

type Reply = oneshot::Sender<Option<Tunnel>>;

/// A handle on one listener's spares; cheap to clone into each connection.
#[derive(Clone)]
pub(super) struct Spares {
    requests: mpsc::Sender<Reply>,
}

impl Spares {
    /// The keeper must run for spares to exist (the caller spawns it beside the accept loop, so
    /// both end together and the spares are dropped with it).
    pub(super) fn new(
        pods: Api<Pod>,
        index: usize,
        state: watch::Receiver<Option<Active>>,
    ) -> (Spares, impl Future<Output = ()> + Send + 'static) {
        let (requests, incoming) = mpsc::channel(64);
        let keeper = Keeper {
            pods,
            index,
            state,
            ready: VecDeque::new(),
            opening: JoinSet::new(),
            waiting: VecDeque::new(),
            wanted: 1,
            retry_at: None,
            backoff: FIRST_BACKOFF,
        };
        (Spares { requests }, keeper.run(incoming))
    }

    /// A live tunnel to the current pod if one is at hand or about to be; `None` means the caller
    /// opens one itself, so its errors reach the user as they always did.
    pub(super) async fn take(&self, active: &Active, index: usize) -> Option<Tunnel> {
        let (reply, answer) = oneshot::channel();
        self.requests.send(reply).await.ok()?;
        let tunnel = answer.await.ok().flatten()?;
        // The keeper may not have seen a switch of pod yet.
        (tunnel.pod == active.pod && tunnel.port == active.ports[index]).then_some(tunnel)
    }
}

struct Keeper {
    pods: Api<Pod>,
    index: usize,
    state: watch::Receiver<Option<Active>>,
    /// Oldest first.
    ready: VecDeque<Tunnel>,
    opening: JoinSet<Option<Tunnel>>,
    /// Connections that found no spare ready while one was opening: the next one opened is theirs.
    waiting: VecDeque<Reply>,
    /// How many spares to keep, ready or opening.
    wanted: usize,
    retry_at: Option<Instant>,
    backoff: Duration,
}

impl Keeper {
    async fn run(mut self, mut requests: mpsc::Receiver<Reply>) {
        let mut target = self.target();
        loop {
            self.fill(target.as_ref());
            let expiry = self.ready.front().map(|t| t.opened + MAX_AGE);
            tokio::select! {
                request = requests.recv() => match request {
                    Some(reply) => self.hand_out(reply),
                    None => return,
                },
                Some(opened) = self.opening.join_next(), if !self.opening.is_empty() => {
                    self.opened(opened.ok().flatten(), target.as_ref());
                }
                changed = self.state.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    let next = self.target();
                    if next != target {
                        // Spares of the old pod lead nowhere useful; their openings neither.
                        self.ready.clear();
                        self.opening.abort_all();
                        self.waiting.clear();
                        target = next;
                    }
                }
                _ = sleep_until(expiry) => self.expire(),
                _ = sleep_until(self.retry_at), if self.opening.is_empty() => self.retry_at = None,
            }
        }
    }

    /// The pod and port spares are for, or `None` while no pod is being forwarded to.
    fn target(&self) -> Option<(String, u16)> {
        self.state.borrow().as_ref().map(|active| (active.pod.clone(), active.ports[self.index]))
    }

    fn fill(&mut self, target: Option<&(String, u16)>) {
        let Some((pod, port)) = target else { return };
        if self.retry_at.is_some() {
            return;
        }
        while self.ready.len() + self.opening.len() < self.wanted + self.waiting.len().min(MAX_SPARES) {
            let (pods, pod, port) = (self.pods.clone(), pod.clone(), *port);
            self.opening.spawn(async move { Tunnel::open(&pods, &pod, port).await.ok() });
        }
    }

    fn hand_out(&mut self, reply: Reply) {
        while let Some(mut tunnel) = self.ready.pop_front() {
            if tunnel.opened.elapsed() < MAX_AGE && tunnel.alive() {
                if let Err(Some(unused)) = reply.send(Some(tunnel)) {
                    self.ready.push_front(unused);
                }
                return;
            }
            // It died waiting: a shorter-lived spare than expected, not a reason to keep more.
            self.wanted = self.wanted.saturating_sub(1).max(1);
        }
        if self.opening.is_empty() {
            let _ = reply.send(None);
            return;
        }
        // Connections come faster than spares open: keep more of them, growing fast, as a burst
        // is short and a spare opened after it is over helps nobody.
        self.wanted = (self.wanted * 4).min(MAX_SPARES);
        self.waiting.push_back(reply);
    }

    fn opened(&mut self, tunnel: Option<Tunnel>, target: Option<&(String, u16)>) {
        let Some(mut tunnel) = tunnel else {
            self.retry_at = Some(Instant::now() + self.backoff);
            self.backoff = (self.backoff * 2).min(MAX_BACKOFF);
            // Those waiting open their own, and see why it fails.
            for reply in self.waiting.drain(..) {
                let _ = reply.send(None);
            }
            return;
        };
        self.backoff = FIRST_BACKOFF;
        if target.is_none_or(|(pod, port)| tunnel.pod != *pod || tunnel.port != *port) {
            return;
        }
        while let Some(reply) = self.waiting.pop_front() {
            match reply.send(Some(tunnel)) {
                Ok(()) => return,
                // That connection is gone already; the next in line gets it.
                Err(unused) => tunnel = unused.expect("sent a tunnel"),
            }
        }
        if tunnel.alive() {
            self.ready.push_back(tunnel);
        }
    }

    fn expire(&mut self) {
        let before = self.ready.len();
        self.ready.retain_mut(|t| t.opened.elapsed() < MAX_AGE && t.alive());
        if self.ready.len() < before {
            // Unused for that long: fewer spares will do; the loop opens fresh ones up to that.
            self.wanted = self.wanted.saturating_sub(before - self.ready.len()).max(1);
        }
    }
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}
