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
/// Spares are opened at most this many at a time. Each opening is a TLS handshake with the API
/// server, its authorization and pod lookup, and its dial to the kubelet; sixteen at once (a burst
/// raising `wanted`) took the two cores long enough that connections already handed a spare waited
/// 25-75 ms for their first byte instead of 2.
const MAX_OPENING: usize = 4;
/// Replacing a spare waits until no connection has taken one for this long, unless a connection
/// is waiting: opened at once, the replacement competes for the CPU with the connection just handed
/// a spare, whose first exchange is what its user waits on; a burst is served from what is ready
/// and the reserve is rebuilt in the gap after it.
const SETTLE: Duration = Duration::from_millis(20);
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
            last_take: None,
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
    /// When a connection last took a spare, while the replacements wait for `SETTLE`.
    last_take: Option<Instant>,
    retry_at: Option<Instant>,
    backoff: Duration,
}

impl Keeper {
    async fn run(mut self, mut requests: mpsc::Receiver<Reply>) {
        let mut target = self.target();
        loop {
            self.fill(target.as_ref());
            let expiry = self.ready.front().map(|t| t.opened + MAX_AGE);
            let settled = self.last_take.map(|t| t + SETTLE);
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
                _ = sleep_until(settled) => self.last_take = None,
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
        if self.last_take.is_some() && self.waiting.is_empty() {
            return;
        }
        while self.ready.len() + self.opening.len() < self.wanted + self.waiting.len().min(MAX_SPARES)
            && self.opening.len() < MAX_OPENING
        {
            let (pods, pod, port) = (self.pods.clone(), pod.clone(), *port);
            self.opening.spawn(async move { Tunnel::open(&pods, &pod, port).await.ok() });
        }
    }

    fn hand_out(&mut self, reply: Reply) {
        self.last_take = Some(Instant::now());
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
        // While openings fail (backing off) or no pod is forwarded to, nothing would come: the
        // connection opens its own and sees why.
        if self.retry_at.is_some() || self.state.borrow().is_none() {
            let _ = reply.send(None);
            return;
        }
        // Connections come faster than spares open: keep more of them, growing fast, as a burst
        // is short and a spare opened after it is over helps nobody.
        self.wanted = (self.wanted * 4).min(MAX_SPARES);
        self.waiting.push_back(reply);
        tracing::debug!(
            "port-forward: no spare ready ({} opening, {} waiting); keeping {}",
            self.opening.len(),
            self.waiting.len(),
            self.wanted
        );
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
        tracing::debug!(
            "port-forward: spare opened in {:?} ({} ready, {} opening, {} waiting)",
            tunnel.took,
            self.ready.len(),
            self.opening.len(),
            self.waiting.len()
        );
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
