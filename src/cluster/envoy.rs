//! HTTP requests to a pod's port through a port-forward: a sidecar's Envoy admin interface
//! (port 15000), the control plane's health endpoints.

use std::sync::Arc;
use std::time::Duration;

use super::Cluster;
use super::portforward::{Forwarder, Notice, Options, PortSpec, RemotePort, Target, TargetKind};
use crate::error::{Error, Result};
use crate::model::input::Remedy;

/// What a request to a pod asks: Envoy's admin interface reads with GET and changes (log levels,
/// draining) with POST; nothing here needs more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl From<Method> for reqwest::Method {
    fn from(method: Method) -> Self {
        match method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        }
    }
}

/// Envoy's admin interface in an OSM sidecar.
pub const ADMIN_PORT: u16 = 15000;

/// Sends one request to the admin interface of `pod`'s sidecar and returns the answer's body;
/// a non-2xx answer is an error. `local_port` 0 (or `None`) takes any free local port.
pub async fn admin(
    cluster: &Cluster,
    namespace: &str,
    pod: &str,
    method: Method,
    query: &str,
    local_port: Option<u16>,
    debug: &(dyn Fn(&str) + Sync),
) -> Result<Vec<u8>> {
    pod_http(cluster, namespace, pod, ADMIN_PORT, method, query, local_port, debug)
        .await
        .map_err(|e| if e.hint.is_none() { e.with_hint(Remedy::EnvoyAdminHelp) } else { e })
}

/// One HTTP request to container port `port` of `pod`, through a port-forward; the answer's
/// body, or an error for a non-2xx answer. `debug` hears which local address was forwarded.
#[allow(clippy::too_many_arguments)]
pub async fn pod_http(
    cluster: &Cluster,
    namespace: &str,
    pod: &str,
    port: u16,
    method: Method,
    query: &str,
    local_port: Option<u16>,
    debug: &(dyn Fn(&str) + Sync),
) -> Result<Vec<u8>> {
    let target = Target { kind: TargetKind::Pod, name: pod.to_string() };
    let spec = PortSpec { local: Some(local_port.unwrap_or(0)), remote: RemotePort::Number(port) };
    let opts = Options {
        namespace: namespace.to_string(),
        address: "127.0.0.1".into(),
        wait_ready: Duration::ZERO,
        reconnect_timeout: Duration::from_secs(5),
        require_ready: false,
    };
    let forwarder = Forwarder::start(cluster, &target, vec![spec], opts).await?;
    let local = forwarder.listening[0].local;
    debug(&format!("forwarding {local} to port {port} of pod {namespace}/{pod}"));
    let quiet: Notice = Arc::new(|_| {});
    let serving = tokio::spawn(forwarder.run(cluster.clone(), quiet));
    let url = format!("http://{local}/{}", query.trim_start_matches('/'));
    let result = async {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| Error::failed(format!("cannot build an HTTP client: {e}")))?;
        let response = client.request(method.into(), &url).send().await.map_err(|e| {
            let (namespace, name) = (namespace.to_string(), pod.to_string());
            let hint = if port == ADMIN_PORT {
                Remedy::CheckSidecarLog { namespace, pod: name }
            } else {
                Remedy::CheckPodLog { namespace, pod: name }
            };
            Error::failed(format!("port {port} of pod {pod} does not answer: {e}")).with_hint(hint)
        })?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| Error::failed(format!("reading the answer of port {port} of pod {pod}: {e}")))?;
        if !status.is_success() {
            return Err(Error::failed(format!(
                "port {port} of pod {pod} answered {status} to {query}: {}",
                String::from_utf8_lossy(&body).trim()
            )));
        }
        Ok(body.to_vec())
    }
    .await;
    serving.abort();
    result
}

/// Waits until something answers HTTP at `url` (a port-forward's local end), any status at all:
/// even a redirect or a 401 shows the UI behind the tunnel is up. The last connection error
/// once `timeout` has passed.
pub async fn wait_answering(url: &str, timeout: Duration) -> Result<(), String> {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| e.to_string())?;
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        match client.get(url).send().await {
            Ok(_) => return Ok(()),
            Err(e) if tokio::time::Instant::now() >= deadline => return Err(e.to_string()),
            Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
        }
    }
}
