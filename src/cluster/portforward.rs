//! Port-forwarding that follows a workload: resolves a target (pod, deployment, service, bare
//! name) to a Running and Ready pod, listens on local ports, and carries each accepted connection
//! to it through the API server: as two streams of one SPDY session tunnelled over a WebSocket
//! where the server offers that (`session`, kubectl's way), otherwise over a `pods/portforward`
//! WebSocket of its own, opened ahead of time where it can be (`spare`). When the pod goes away
//! it picks the next ready pod of the same workload, so the local ports stay usable.

mod forward;
mod pods;
mod session;
mod spare;
mod supervisor;
mod target;
mod tunnel;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::Cluster;
use crate::error::{Error, Result};
use crate::model::input::Input;
use forward::Listener;
use pods::{Resolved, pick, resolve_target, service_port};
use session::Sessions;
use spare::Spares;
use supervisor::{POLL, Supervisor};

pub use pods::{is_ready, selector_string, why_not_ready};
pub use target::{PortSpec, RemotePort, Target, TargetKind};

/// The pod currently forwarded to and the container port behind each listener.
#[derive(Debug, Clone)]
pub struct Active {
    pub pod: String,
    pub ports: Vec<u16>,
}

/// A listening local port.
#[derive(Debug, Clone)]
pub struct Listening {
    pub local: SocketAddr,
    /// The container port it leads to on the first pod.
    pub remote: u16,
    /// The port that was asked for implicitly but was busy.
    pub busy_fallback_from: Option<u16>,
}

/// Something the user should know while forwarding (printed on stderr by the command).
pub type Notice = Arc<dyn Fn(String) + Send + Sync>;

pub struct Forwarder {
    pods: Api<Pod>,
    /// The pods again, through the client for tunnels (`Cluster::streaming_client`).
    tunnel_pods: Api<Pod>,
    namespace: String,
    resolved: Resolved,
    specs: Vec<PortSpec>,
    listeners: Vec<TcpListener>,
    pub listening: Vec<Listening>,
    pub first: Active,
    reconnect_timeout: Duration,
}

pub struct Options {
    pub namespace: String,
    pub address: String,
    /// How long to wait for a ready pod at the start; zero means it must be ready now.
    pub wait_ready: Duration,
    pub reconnect_timeout: Duration,
    /// Whether pods must be Ready (port-forward, dashboard) or Running is enough (a sidecar's
    /// admin interface answers before the app is ready).
    pub require_ready: bool,
}

impl Forwarder {
    /// Resolves the target and a ready pod, then binds every local port: all checks happen
    /// before anything listens, so a bad argument leaves nothing behind.
    pub async fn start(
        cluster: &Cluster,
        target: &Target,
        specs: Vec<PortSpec>,
        opts: Options,
    ) -> Result<Forwarder> {
        let address: IpAddr = match opts.address.as_str() {
            "localhost" => IpAddr::from([127, 0, 0, 1]),
            other => other.parse().map_err(|_| {
                Error::invalid(format!("{} {other:?} is not an IP address", Input::Address))
                    .with_hint("use e.g. 127.0.0.1 (the default), ::1 or 0.0.0.0")
            })?,
        };
        let mut resolved = resolve_target(cluster, &opts.namespace, target).await?;
        resolved.require_ready = opts.require_ready;
        // Service ports are known before any pod is: a wrong one is reported first.
        if let Some(service_ports) = &resolved.service_ports {
            for spec in &specs {
                service_port(&resolved, service_ports, &spec.remote)?;
            }
        }
        let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &opts.namespace);
        let deadline = tokio::time::Instant::now() + opts.wait_ready;
        let first = loop {
            match pick(cluster, &pods, &opts.namespace, &resolved, &specs).await {
                Ok(active) => break active,
                Err(e) if tokio::time::Instant::now() >= deadline => {
                    return Err(if opts.wait_ready.is_zero() {
                        e
                    } else {
                        Error::timeout(format!("after waiting {:?}: {}", opts.wait_ready, e.message))
                            .with_hint(e.hint.unwrap_or_default())
                    });
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        };
        let mut listeners = Vec::new();
        let mut listening = Vec::new();
        for (spec, remote) in specs.iter().zip(&first.ports) {
            // As in kubectl, an omitted local port is the number the user typed: for a
            // service that is the service port, not the pod port it maps to.
            let wanted = match (spec.local, &spec.remote) {
                (Some(local), _) => local,
                (None, RemotePort::Number(typed)) => *typed,
                (None, RemotePort::Name(_)) => *remote,
            };
            let (listener, busy_fallback_from) = match TcpListener::bind((address, wanted)).await {
                Ok(l) => (l, None),
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && spec.local.is_none() => {
                    (bind_any(address).await?, Some(wanted))
                }
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                    return Err(Error::invalid(format!(
                        "local port {wanted} is already in use on {address}"
                    ))
                    .with_hint(format!(
                        "pick another local port ({}:{}), or leave it out (:{}) to get any free port",
                        wanted.saturating_add(10000).max(1024),
                        spec.remote,
                        spec.remote
                    )));
                }
                Err(e) => {
                    return Err(Error::invalid(format!("cannot listen on {address}:{wanted}: {e}"))
                        .with_hint("ports below 1024 need privileges; pick a higher local port"));
                }
            };
            listening.push(Listening { local: listener.local_addr()?, remote: *remote, busy_fallback_from });
            listeners.push(listener);
        }
        let tunnel_pods = match cluster.streaming_client() {
            Some(client) => Api::namespaced(client, &opts.namespace),
            None => pods.clone(),
        };
        Ok(Forwarder {
            pods,
            tunnel_pods,
            namespace: opts.namespace,
            resolved,
            specs,
            listeners,
            listening,
            first,
            reconnect_timeout: opts.reconnect_timeout,
        })
    }

    /// Messages name the workload (e.g. `deployment/bookbuyer`) rather than the pod, because the
    /// pod may change while forwarding.
    pub fn describe(&self) -> &str {
        &self.resolved.describe
    }

    /// Serves connections until the pod goes away and no other comes back in time (an error,
    /// exit 1). Never returns otherwise: the caller ends it (Ctrl-C, or dropping the future), which
    /// also closes every spare stream, as they live in the tasks dropped with it.
    pub async fn run(self, cluster: Cluster, notice: Notice) -> Result<()> {
        let (state_tx, state_rx) = watch::channel(Some(self.first.clone()));
        let mut tasks = tokio::task::JoinSet::new();
        // One SPDY session per pod where the API server tunnels it, as kubectl does; otherwise a
        // WebSocket per connection, opened ahead as spares.
        let sessions = Sessions::start(&self.tunnel_pods, &self.first).await;
        tracing::debug!(
            "port-forward: {}",
            if sessions.is_some() {
                "SPDY tunnelled over one WebSocket"
            } else {
                "one WebSocket per connection (the API server does not tunnel SPDY)"
            }
        );
        for (index, listener) in self.listeners.into_iter().enumerate() {
            let spares = if sessions.is_none() {
                let (spares, keeper) = Spares::new(self.pods.clone(), index, state_rx.clone());
                tasks.spawn(keeper);
                Some(spares)
            } else {
                None
            };
            let listener = Listener {
                listener,
                index,
                pods: self.pods.clone(),
                state: state_rx.clone(),
                sessions: sessions.clone(),
                spares,
                notice: notice.clone(),
                wait_limit: self.reconnect_timeout,
            };
            tasks.spawn(listener.accept());
        }
        let supervisor = Supervisor {
            cluster,
            pods: self.pods,
            namespace: self.namespace,
            resolved: self.resolved,
            specs: self.specs,
            reconnect_timeout: self.reconnect_timeout,
            notice,
        };
        let result = supervisor.follow(self.first, state_tx).await;
        tasks.abort_all();
        result
    }
}

async fn bind_any(address: IpAddr) -> Result<TcpListener> {
    TcpListener::bind((address, 0))
        .await
        .map_err(|e| Error::failed(format!("cannot listen on any free port of {address}: {e}")))
}
