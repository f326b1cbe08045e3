//! Port-forwarding that follows a workload: resolves a target (pod, deployment, service, bare
//! name) to a Running and Ready pod, listens on local ports, and opens one `pods/portforward`
//! WebSocket stream through the API server per accepted connection. When the pod goes away it
//! picks the next ready pod of the same workload, so the local ports stay usable.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Pod, Service, ServicePort};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use kube::ResourceExt;
use kube::api::{Api, ListParams};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};

use super::Cluster;
use crate::error::{Error, Result};

/// How often the forwarded pod is checked, and how often a replacement is looked for.
const POLL: Duration = Duration::from_millis(500);

/// What the user asked to forward to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    Pod,
    Deployment,
    Service,
    /// A bare name: a Deployment of that name, else a Pod.
    Bare,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub name: String,
}

impl Target {
    pub fn parse(text: &str) -> Result<Target> {
        let (kind, name) = match text.split_once('/') {
            None => (TargetKind::Bare, text),
            Some((kind, name)) => {
                let kind = match kind.to_ascii_lowercase().as_str() {
                    "pod" | "pods" | "po" => TargetKind::Pod,
                    "deploy" | "deployment" | "deployments" => TargetKind::Deployment,
                    "svc" | "service" | "services" => TargetKind::Service,
                    other => {
                        return Err(Error::invalid(format!("cannot forward to a {other:?}: unknown kind"))
                            .with_hint(
                                "use pod/NAME, deploy/NAME, svc/NAME, or a bare deployment or pod name",
                            ));
                    }
                };
                (kind, name)
            }
        };
        if name.is_empty() || name.contains('/') {
            return Err(Error::invalid(format!("invalid target {text:?}"))
                .with_hint("use pod/NAME, deploy/NAME, svc/NAME, or a bare deployment or pod name"));
        }
        Ok(Target { kind, name: name.to_string() })
    }
}

/// A remote port by number, or by the name of a container (or service) port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemotePort {
    Number(u16),
    Name(String),
}

impl std::fmt::Display for RemotePort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemotePort::Number(n) => write!(f, "{n}"),
            RemotePort::Name(n) => f.write_str(n),
        }
    }
}

/// One `[LOCAL:]REMOTE` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    /// `None`: the remote number (falling back to a free port when busy); `Some(0)`: any free port.
    pub local: Option<u16>,
    pub remote: RemotePort,
}

impl PortSpec {
    pub fn parse(text: &str) -> Result<PortSpec> {
        let bad = |why: &str| {
            Error::invalid(format!("invalid port {text:?}: {why}"))
                .with_hint("use REMOTE, LOCAL:REMOTE or :REMOTE, e.g. 8080:14001 (REMOTE may be a port name)")
        };
        let (local, remote) = match text.split_once(':') {
            None => (None, text),
            Some(("", remote)) => (Some(0), remote),
            Some((local, remote)) => {
                let local: u16 =
                    local.parse().map_err(|_| bad("the local port is not a number from 0 to 65535"))?;
                (Some(local), remote)
            }
        };
        let remote = match remote.parse::<u16>() {
            Ok(0) => return Err(bad("the remote port cannot be 0")),
            Ok(n) => RemotePort::Number(n),
            Err(_) if is_port_name(remote) => RemotePort::Name(remote.to_string()),
            Err(_) => return Err(bad("the remote port is neither a number from 1 to 65535 nor a port name")),
        };
        if local.is_none() && matches!(remote, RemotePort::Name(_)) {
            // A name says nothing about which local port to use.
            return Ok(PortSpec { local: Some(0), remote });
        }
        Ok(PortSpec { local, remote })
    }
}

fn is_port_name(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 15
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && text.chars().any(|c| c.is_ascii_lowercase())
}

/// How pods of the target are found again after the forwarded one goes away.
#[derive(Debug, Clone)]
enum PodSource {
    Named(String),
    Selector(String),
}

/// A target resolved to its pods and, for services, its ports.
#[derive(Debug, Clone)]
struct Resolved {
    /// `deployment/bookbuyer`, for messages.
    describe: String,
    source: PodSource,
    service_ports: Option<Vec<ServicePort>>,
    /// Whether a pod must be Ready, or Running is enough.
    require_ready: bool,
}

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
                Error::invalid(format!("--address {other:?} is not an IP address"))
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
        Ok(Forwarder {
            pods,
            namespace: opts.namespace,
            resolved,
            specs,
            listeners,
            listening,
            first,
            reconnect_timeout: opts.reconnect_timeout,
        })
    }

    /// What is being forwarded to, e.g. `deployment/bookbuyer`.
    pub fn describe(&self) -> &str {
        &self.resolved.describe
    }

    /// Serves connections until the pod goes away and no other comes back in time (an error,
    /// exit 1). Never returns otherwise: the caller ends it (Ctrl-C, or dropping the future).
    pub async fn run(self, cluster: Cluster, notice: Notice) -> Result<()> {
        let (state_tx, state_rx) = watch::channel(Some(self.first.clone()));
        let recheck = Arc::new(Notify::new());
        let mut accept_loops = tokio::task::JoinSet::new();
        for (index, listener) in self.listeners.into_iter().enumerate() {
            let pods = self.pods.clone();
            let state = state_rx.clone();
            let recheck = recheck.clone();
            let notice = notice.clone();
            let wait_limit = self.reconnect_timeout;
            accept_loops.spawn(async move {
                // A failing accept (out of file descriptors, say) fails again at once: back off
                // instead of spinning, and start over fast once a connection comes through.
                let mut backoff = Duration::from_millis(10);
                loop {
                    let tcp = match listener.accept().await {
                        Ok((tcp, _)) => {
                            backoff = Duration::from_millis(10);
                            tcp
                        }
                        Err(e) => {
                            if backoff >= Duration::from_millis(640) {
                                notice(format!("cannot accept connections: {e}; retrying"));
                            }
                            tokio::time::sleep(backoff).await;
                            backoff = (backoff * 2).min(Duration::from_secs(1));
                            continue;
                        }
                    };
                    let _ = tcp.set_nodelay(true);
                    let connection = Connection {
                        pods: pods.clone(),
                        state: state.clone(),
                        recheck: recheck.clone(),
                        notice: notice.clone(),
                        index,
                        wait_limit,
                    };
                    tokio::spawn(connection.serve(tcp));
                }
            });
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
        let result = supervisor.follow(state_tx, recheck).await;
        accept_loops.abort_all();
        result
    }
}

async fn bind_any(address: IpAddr) -> Result<TcpListener> {
    TcpListener::bind((address, 0))
        .await
        .map_err(|e| Error::failed(format!("cannot listen on any free port of {address}: {e}")))
}

struct Connection {
    pods: Api<Pod>,
    state: watch::Receiver<Option<Active>>,
    recheck: Arc<Notify>,
    notice: Notice,
    index: usize,
    wait_limit: Duration,
}

impl Connection {
    async fn serve(mut self, mut tcp: TcpStream) {
        // One retry: a failure usually means the pod just went away, and the supervisor swaps it.
        for attempt in 0..2 {
            let active =
                match tokio::time::timeout(self.wait_limit, self.state.wait_for(Option::is_some)).await {
                    Ok(Ok(active)) => active.clone().expect("waited for a pod"),
                    _ => return,
                };
            let port = active.ports[self.index];
            match self.pods.portforward(&active.pod, &[port]).await {
                Ok(mut forwarder) => {
                    // The upgrade took the client's pooled API server connection; the supervisor's
                    // next pod check dials a fresh one, so the next stream skips the TLS handshake.
                    self.recheck.notify_one();
                    let Some(mut stream) = forwarder.take_stream(port) else { return };
                    let errors = forwarder.take_error(port);
                    let notice = self.notice.clone();
                    let pod = active.pod.clone();
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
                        _ = tokio::io::copy_bidirectional(&mut tcp, &mut stream) => {}
                        _ = error_watch => {}
                    }
                    forwarder.abort();
                    return;
                }
                Err(e) => {
                    self.recheck.notify_one();
                    if attempt == 1 {
                        (self.notice)(format!(
                            "error: cannot open a stream to pod {} port {port}: {e}",
                            active.pod
                        ));
                        return;
                    }
                    // Give the supervisor a moment to notice a vanished pod before retrying.
                    let _ = tokio::time::timeout(POLL * 2, self.state.changed()).await;
                }
            }
        }
    }
}

struct Supervisor {
    cluster: Cluster,
    pods: Api<Pod>,
    namespace: String,
    resolved: Resolved,
    specs: Vec<PortSpec>,
    reconnect_timeout: Duration,
    notice: Notice,
}

impl Supervisor {
    async fn follow(&self, state: watch::Sender<Option<Active>>, recheck: Arc<Notify>) -> Result<()> {
        loop {
            let _ = tokio::time::timeout(POLL, recheck.notified()).await;
            let Some(current) = state.borrow().clone() else { continue };
            let gone = match self.pods.get_opt(&current.pod).await {
                Ok(None) => "was deleted".to_string(),
                Ok(Some(pod)) if pod.metadata.deletion_timestamp.is_some() => "is terminating".to_string(),
                Ok(Some(pod)) if !is_running(&pod) => format!("is {}", phase(&pod)),
                // An unready pod may recover, and an API hiccup says nothing about the pod.
                _ => continue,
            };
            state.send_replace(None);
            (self.notice)(format!(
                "pod {} {gone}; waiting up to {}s for another ready pod of {}",
                current.pod,
                self.reconnect_timeout.as_secs(),
                self.resolved.describe
            ));
            let deadline = tokio::time::Instant::now() + self.reconnect_timeout;
            let next = loop {
                match pick(&self.cluster, &self.pods, &self.namespace, &self.resolved, &self.specs).await {
                    // The same name may come back too: a pod recreated under its name (StatefulSet, bare pod).
                    Ok(next) => break next,
                    Err(e) if tokio::time::Instant::now() >= deadline => {
                        return Err(Error::failed(format!(
                            "no ready pod of {} came back within {}s: {}",
                            self.resolved.describe,
                            self.reconnect_timeout.as_secs(),
                            e.message
                        ))
                        .with_hint(
                            "the forwarded ports are closed; run the command again once the workload is back",
                        ));
                    }
                    Err(_) => tokio::time::sleep(POLL).await,
                }
            };
            let ports = next.ports.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ");
            (self.notice)(format!("forwarding to pod {} now (port {ports})", next.pod));
            state.send_replace(Some(next));
        }
    }
}

async fn resolve_target(cluster: &Cluster, namespace: &str, target: &Target) -> Result<Resolved> {
    let client = cluster.client.clone();
    let doing = |what: &str| format!("looking up {what} {} in namespace {namespace}", target.name);
    match target.kind {
        TargetKind::Pod => {
            let pods: Api<Pod> = Api::namespaced(client, namespace);
            if pods.get_opt(&target.name).await.map_err(cluster.err(doing("pod")))?.is_none() {
                return Err(Error::invalid(format!(
                    "pod {} not found in namespace {namespace}",
                    target.name
                ))
                .with_hint(format!("list the pods with: kubectl get pods -n {namespace}")));
            }
            Ok(Resolved {
                describe: format!("pod/{}", target.name),
                source: PodSource::Named(target.name.clone()),
                service_ports: None,
                require_ready: true,
            })
        }
        TargetKind::Deployment | TargetKind::Bare => {
            let deployments: Api<Deployment> = Api::namespaced(client.clone(), namespace);
            match deployments.get_opt(&target.name).await.map_err(cluster.err(doing("deployment")))? {
                Some(deployment) => {
                    let selector =
                        deployment.spec.as_ref().map(|s| selector_string(&s.selector)).unwrap_or_default();
                    Ok(Resolved {
                        describe: format!("deployment/{}", target.name),
                        source: PodSource::Selector(selector),
                        service_ports: None,
                        require_ready: true,
                    })
                }
                None if target.kind == TargetKind::Bare => {
                    let pods: Api<Pod> = Api::namespaced(client, namespace);
                    if pods.get_opt(&target.name).await.map_err(cluster.err(doing("pod")))?.is_none() {
                        return Err(Error::invalid(format!(
                            "no deployment or pod named {} in namespace {namespace}",
                            target.name
                        ))
                        .with_hint(format!(
                            "name it with its kind (svc/{} for a service), or list what exists: kubectl get deploy,pods -n {namespace}",
                            target.name
                        )));
                    }
                    Ok(Resolved {
                        describe: format!("pod/{}", target.name),
                        source: PodSource::Named(target.name.clone()),
                        service_ports: None,
                        require_ready: true,
                    })
                }
                None => Err(Error::invalid(format!(
                    "deployment {} not found in namespace {namespace}",
                    target.name
                ))
                .with_hint(format!("list the deployments with: kubectl get deployments -n {namespace}"))),
            }
        }
        TargetKind::Service => {
            let services: Api<Service> = Api::namespaced(client, namespace);
            let Some(service) =
                services.get_opt(&target.name).await.map_err(cluster.err(doing("service")))?
            else {
                return Err(Error::invalid(format!(
                    "service {} not found in namespace {namespace}",
                    target.name
                ))
                .with_hint(format!("list the services with: kubectl get services -n {namespace}")));
            };
            let spec = service.spec.unwrap_or_default();
            let selector = spec.selector.unwrap_or_default();
            if selector.is_empty() {
                return Err(Error::invalid(format!(
                    "service {} has no selector, so no pod to forward to",
                    target.name
                ))
                .with_hint("forward to one of the pods behind it instead: pod/NAME"));
            }
            let selector = selector.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",");
            Ok(Resolved {
                describe: format!("service/{}", target.name),
                source: PodSource::Selector(selector),
                service_ports: Some(spec.ports.unwrap_or_default()),
                require_ready: true,
            })
        }
    }
}

/// The label selector as a query string (matchLabels and matchExpressions).
pub fn selector_string(selector: &LabelSelector) -> String {
    let mut parts: Vec<String> =
        selector.match_labels.iter().flatten().map(|(k, v)| format!("{k}={v}")).collect();
    for expr in selector.match_expressions.iter().flatten() {
        let values = expr.values.clone().unwrap_or_default().join(",");
        parts.push(match expr.operator.as_str() {
            "In" => format!("{} in ({values})", expr.key),
            "NotIn" => format!("{} notin ({values})", expr.key),
            "Exists" => expr.key.clone(),
            _ => format!("!{}", expr.key),
        });
    }
    parts.join(",")
}

/// Picks a Running and Ready pod and maps every port spec to a container port on it.
async fn pick(
    cluster: &Cluster,
    pods: &Api<Pod>,
    namespace: &str,
    resolved: &Resolved,
    specs: &[PortSpec],
) -> Result<Active> {
    let candidates: Vec<Pod> = match &resolved.source {
        PodSource::Named(name) => pods
            .get_opt(name)
            .await
            .map_err(cluster.err(format!("reading pod {name}")))?
            .into_iter()
            .collect(),
        PodSource::Selector(selector) => {
            pods.list(&ListParams::default().labels(selector))
                .await
                .map_err(cluster.err(format!("listing the pods of {}", resolved.describe)))?
                .items
        }
    };
    if candidates.is_empty() {
        let which = match &resolved.source {
            PodSource::Named(name) => format!("pod {name} does not exist (any more)"),
            PodSource::Selector(selector) => {
                format!("no pods match {} (selector {selector}) in namespace {namespace}", resolved.describe)
            }
        };
        return Err(Error::invalid(which)
            .with_hint(format!("check that the workload is scaled up: kubectl get pods -n {namespace}")));
    }
    let usable = |p: &Pod| {
        if resolved.require_ready {
            is_ready(p)
        } else {
            is_running(p) && p.metadata.deletion_timestamp.is_none()
        }
    };
    let mut ready: Vec<&Pod> = candidates.iter().filter(|p| usable(p)).collect();
    // The newest ready pod: during a rollout, the one that stays.
    ready.sort_by_key(|p| std::cmp::Reverse(p.creation_timestamp().map(|t| t.0)));
    let Some(pod) = ready.first() else {
        let states: Vec<String> =
            candidates.iter().map(|p| format!("{} ({})", p.name_any(), why_not_ready(p))).collect();
        return Err(Error::invalid(format!(
            "no pod of {} is Running and Ready: {}",
            resolved.describe,
            states.join(", ")
        ))
        .with_hint(format!(
            "see why with: kubectl describe pod -n {namespace} {}",
            candidates[0].name_any()
        )));
    };
    let ports =
        specs.iter().map(|spec| container_port(pod, resolved, &spec.remote)).collect::<Result<Vec<_>>>()?;
    Ok(Active { pod: pod.name_any(), ports })
}

fn container_port(pod: &Pod, resolved: &Resolved, remote: &RemotePort) -> Result<u16> {
    let declared: Vec<(Option<String>, u16)> = pod
        .spec
        .iter()
        .flat_map(|s| &s.containers)
        .flat_map(|c| c.ports.iter().flatten())
        .filter_map(|p| Some((p.name.clone(), u16::try_from(p.container_port).ok()?)))
        .collect();
    let by_name = |name: &str, what: &str| {
        declared.iter().find(|(n, _)| n.as_deref() == Some(name)).map(|(_, p)| *p).ok_or_else(|| {
            let names: Vec<String> =
                declared.iter().filter_map(|(n, p)| n.as_ref().map(|n| format!("{n} ({p})"))).collect();
            Error::invalid(format!("pod {} has no container port named {name:?}{what}", pod.name_any()))
                .with_hint(if names.is_empty() {
                    "its containers declare no named ports; use the port number".to_string()
                } else {
                    format!("named ports of the pod: {}", names.join(", "))
                })
        })
    };
    let Some(service_ports) = &resolved.service_ports else {
        return match remote {
            RemotePort::Number(n) => Ok(*n),
            RemotePort::Name(name) => by_name(name, ""),
        };
    };
    let port = service_port(resolved, service_ports, remote)?;
    let number = |n: i32| {
        u16::try_from(n).map_err(|_| {
            Error::invalid(format!(
                "{} declares port {n}, which is not a TCP port (1-65535)",
                resolved.describe
            ))
        })
    };
    match &port.target_port {
        None => number(port.port),
        Some(IntOrString::Int(n)) => number(*n),
        Some(IntOrString::String(name)) => {
            by_name(name, &format!(" (target of {} port {})", resolved.describe, port.port))
        }
    }
}

fn service_port<'a>(
    resolved: &Resolved,
    service_ports: &'a [ServicePort],
    remote: &RemotePort,
) -> Result<&'a ServicePort> {
    let port = service_ports.iter().find(|p| match remote {
        RemotePort::Number(n) => p.port == i32::from(*n),
        RemotePort::Name(name) => p.name.as_deref() == Some(name),
    });
    port.ok_or_else(|| {
        let known: Vec<String> = service_ports
            .iter()
            .map(|p| match &p.name {
                Some(name) => format!("{} ({name})", p.port),
                None => p.port.to_string(),
            })
            .collect();
        Error::invalid(format!("{} has no port {remote}", resolved.describe))
            .with_hint(format!("its ports: {}", known.join(", ")))
    })
}

fn phase(pod: &Pod) -> String {
    pod.status.as_ref().and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into())
}

fn is_running(pod: &Pod) -> bool {
    phase(pod) == "Running"
}

pub fn is_ready(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_none()
        && is_running(pod)
        && pod
            .status
            .iter()
            .flat_map(|s| s.conditions.iter().flatten())
            .any(|c| c.type_ == "Ready" && c.status == "True")
}

/// A short reason, e.g. `Pending: Unschedulable`, `Running, not ready: CrashLoopBackOff`.
pub fn why_not_ready(pod: &Pod) -> String {
    if pod.metadata.deletion_timestamp.is_some() {
        return "Terminating".into();
    }
    let status = pod.status.clone().unwrap_or_default();
    let waiting: Vec<String> = status
        .container_statuses
        .iter()
        .flatten()
        .filter_map(|c| c.state.as_ref()?.waiting.as_ref()?.reason.clone())
        .collect();
    let scheduled =
        status.conditions.iter().flatten().find(|c| c.type_ == "PodScheduled" && c.status == "False");
    let phase = phase(pod);
    let mut text = if phase == "Running" { "Running, not ready".to_string() } else { phase };
    let mut reasons: BTreeMap<String, ()> = BTreeMap::new();
    if let Some(c) = scheduled {
        reasons.insert(c.reason.clone().unwrap_or_else(|| "not scheduled".into()), ());
    }
    for reason in waiting {
        reasons.insert(reason, ());
    }
    if !reasons.is_empty() {
        text.push_str(": ");
        text.push_str(&reasons.into_keys().collect::<Vec<_>>().join(", "));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            Target::parse("deploy/a").unwrap(),
            Target { kind: TargetKind::Deployment, name: "a".into() }
        );
        assert_eq!(Target::parse("deployment/a").unwrap().kind, TargetKind::Deployment);
        assert_eq!(Target::parse("svc/a").unwrap().kind, TargetKind::Service);
        assert_eq!(Target::parse("pod/a").unwrap().kind, TargetKind::Pod);
        assert_eq!(Target::parse("a").unwrap().kind, TargetKind::Bare);
        assert!(Target::parse("job/a").unwrap_err().message.contains("unknown kind"));
        assert!(Target::parse("pod/").is_err());
    }

    #[test]
    fn port_specs() {
        assert_eq!(
            PortSpec::parse("8080").unwrap(),
            PortSpec { local: None, remote: RemotePort::Number(8080) }
        );
        assert_eq!(
            PortSpec::parse("18080:80").unwrap(),
            PortSpec { local: Some(18080), remote: RemotePort::Number(80) }
        );
        assert_eq!(PortSpec::parse(":80").unwrap().local, Some(0));
        assert_eq!(PortSpec::parse("9000:http").unwrap().remote, RemotePort::Name("http".into()));
        assert_eq!(PortSpec::parse("http").unwrap().local, Some(0));
        assert!(PortSpec::parse("99999:80").is_err());
        assert!(PortSpec::parse("8080:0").is_err());
        assert!(PortSpec::parse("8080:Bad_Name").is_err());
    }
}
