//! Port-forwards that run until the user stops them: `port-forward` and `dashboard` announce
//! their ports and stop on Ctrl-C or SIGTERM the same way.

use std::sync::Arc;
use std::time::Duration;

use k8s_openapi::api::core::v1::Service;

use crate::cluster::Cluster;
use crate::cluster::envoy;
use crate::cluster::portforward::{Forwarder, Notice, Options, PortSpec, RemotePort, Target, TargetKind};
use crate::error::{Error, Result};
use crate::ops::Progress;

/// `osm port-forward`'s target and ports, checked before anything connects.
pub struct WorkloadPorts {
    target: Target,
    specs: Vec<PortSpec>,
}

impl WorkloadPorts {
    /// `TYPE/NAME` (or a pod's name) and `[LOCAL:]REMOTE` port specs; a bad one is refused (exit 4).
    pub fn parse(target: &str, ports: &[String]) -> Result<Self> {
        let target = Target::parse(target)?;
        let specs = ports.iter().map(|p| PortSpec::parse(p)).collect::<Result<Vec<_>>>()?;
        Ok(WorkloadPorts { target, specs })
    }
}

/// Forwards `ports` from `address` to a ready pod of the workload until Ctrl-C (exit 0), or exit 1
/// when no ready pod returns within `reconnect_timeout`; the namespace defaults to the context's.
pub async fn forward_workload(
    out: &dyn Progress,
    cluster: &Cluster,
    ports: WorkloadPorts,
    namespace: Option<String>,
    address: &str,
    reconnect_timeout: Duration,
) -> Result<()> {
    let namespace = namespace.unwrap_or_else(|| cluster.default_namespace().to_string());
    let opts = Options {
        namespace,
        address: address.to_string(),
        wait_ready: Duration::ZERO,
        reconnect_timeout,
        require_ready: true,
    };
    let forwarder = Forwarder::start(cluster, &ports.target, ports.specs, opts).await?;
    announce(out, &forwarder);
    forward_until_interrupted(out, cluster, forwarder).await
}

/// Whether the Service `name` exists in `namespace`.
pub async fn service_exists(cluster: &Cluster, namespace: &str, name: &str) -> Result<bool> {
    let what = format!("looking up service {name} in namespace {namespace}");
    let found: Option<Service> = cluster.get_in(namespace, name, &what).await?;
    Ok(found.is_some())
}

/// A forward to a Service's ready pod, its local port bound, not yet forwarding.
pub struct ServiceForward {
    /// The URL of the forwarded port, `http://HOST:PORT/`.
    pub url: String,
    /// The pod the forward reached first.
    pub pod: String,
    forwarder: Forwarder,
}

/// Waits up to `timeout` for a ready pod of Service `service` and binds `local` (a free port when
/// none is given or it is busy) on `address`.
#[allow(clippy::too_many_arguments)]
pub async fn bind_service(
    cluster: &Cluster,
    namespace: &str,
    service: &str,
    local: Option<u16>,
    remote: u16,
    address: &str,
    timeout: Duration,
) -> Result<ServiceForward> {
    // Without an explicit local port, a busy one falls back to a free one rather than failing.
    let spec = PortSpec { local, remote: RemotePort::Number(remote) };
    let target = Target { kind: TargetKind::Service, name: service.to_string() };
    let opts = Options {
        namespace: namespace.to_string(),
        address: address.to_string(),
        wait_ready: timeout,
        reconnect_timeout: timeout,
        require_ready: true,
    };
    let forwarder = Forwarder::start(cluster, &target, vec![spec], opts).await?;
    let local = forwarder.listening[0].local;
    let host = if local.ip().is_unspecified() { "127.0.0.1".to_string() } else { local.ip().to_string() };
    let host = if host.contains(':') { format!("[{host}]") } else { host };
    let url = format!("http://{host}:{}/", local.port());
    let pod = forwarder.first.pod.clone();
    Ok(ServiceForward { url, pod, forwarder })
}

impl ServiceForward {
    /// Announces the ports and forwards in the background, its notices as progress lines.
    pub fn serve(self, out: &dyn Progress, cluster: &Cluster) -> Serving {
        announce(out, &self.forwarder);
        let cluster = cluster.clone();
        let notices = out.boxed();
        let forwarder = self.forwarder;
        let task = tokio::spawn(async move {
            let notice: Notice = Arc::new(move |text: String| notices.info(&text));
            forwarder.run(cluster, notice).await
        });
        Serving { url: self.url, task }
    }
}

/// A forward running in the background.
pub struct Serving {
    pub url: String,
    task: tokio::task::JoinHandle<Result<()>>,
}

impl Serving {
    /// Waits up to `timeout` for an HTTP answer through the forward; stops the forward when none comes.
    pub async fn wait_answering(&self, timeout: Duration) -> Result<(), String> {
        let answered = envoy::wait_answering(&self.url, timeout).await;
        if answered.is_err() {
            self.task.abort();
        }
        answered
    }

    /// Runs until the forward ends (an error: no ready pod came back) or Ctrl-C/SIGTERM, which
    /// returns `Ok(true)`.
    pub async fn until_interrupted(self) -> Result<bool> {
        tokio::select! {
            result = self.task => {
                result.map_err(|e| Error::failed(format!("forwarding stopped: {e}")))??;
                Ok(false)
            }
            signal = interrupted() => {
                signal?;
                Ok(true)
            }
        }
    }
}

/// `Forwarding from 127.0.0.1:8080 -> POD:14001` per port, and a note for each busy port.
pub fn announce(out: &dyn Progress, forwarder: &Forwarder) {
    for listening in &forwarder.listening {
        if let Some(busy) = listening.busy_fallback_from {
            out.warn(&format!(
                "local port {busy} is busy; forwarding from port {} instead",
                listening.local.port()
            ));
        }
        out.data(&format!(
            "Forwarding from {} -> {}:{}",
            listening.local, forwarder.first.pod, listening.remote
        ));
    }
}

/// Forwards until Ctrl-C or SIGTERM (exit 0), or until the workload has no ready pod for longer
/// than the reconnect timeout (exit 1).
pub async fn forward_until_interrupted(
    out: &dyn Progress,
    cluster: &Cluster,
    forwarder: Forwarder,
) -> Result<()> {
    let stopped = out;
    let out = out.boxed();
    let notice: Notice = Arc::new(move |text: String| match text.strip_prefix("error: ") {
        Some(error) => out.warn(error),
        None => out.info(&text),
    });
    let describe = forwarder.describe().to_string();
    tokio::select! {
        result = forwarder.run(cluster.clone(), notice) => result,
        signal = interrupted() => {
            signal?;
            stopped.info(&format!("stopped forwarding to {describe}"));
            Ok(())
        }
    }
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM: the normal end of a forwarding command, which callers
/// turn into exit 0. Errs only when the signal cannot be listened for.
pub async fn interrupted() -> Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())
            .map_err(|e| Error::failed(format!("cannot listen for SIGTERM: {e}")))?;
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await.map_err(|e| Error::failed(format!("cannot listen for Ctrl-C: {e}")))
    }
}
