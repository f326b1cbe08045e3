//! HTTP requests to a pod's port through a port-forward: a sidecar's Envoy admin interface
//! (port 15000), the control plane's health endpoints.

use std::sync::Arc;
use std::time::Duration;

use super::Cluster;
use super::portforward::{Forwarder, Notice, Options, PortSpec, RemotePort, Target, TargetKind};
use crate::error::{Error, Result};

/// Envoy's admin interface in an OSM sidecar.
pub const ADMIN_PORT: u16 = 15000;

/// Sends one request to the admin interface of `pod`'s sidecar and returns the answer's body;
/// a non-2xx answer is an error. `local_port` 0 (or `None`) takes any free local port.
pub async fn admin(
    cluster: &Cluster,
    namespace: &str,
    pod: &str,
    method: reqwest::Method,
    query: &str,
    local_port: Option<u16>,
    debug: &(dyn Fn(&str) + Sync),
) -> Result<Vec<u8>> {
    pod_http(cluster, namespace, pod, ADMIN_PORT, method, query, local_port, debug).await.map_err(|e| {
        if e.hint.is_none() {
            e.with_hint("see the admin paths Envoy offers with: osm proxy get help POD")
        } else {
            e
        }
    })
}

/// One HTTP request to container port `port` of `pod`, through a port-forward; the answer's
/// body, or an error for a non-2xx answer. `debug` hears which local address was forwarded.
#[allow(clippy::too_many_arguments)]
pub async fn pod_http(
    cluster: &Cluster,
    namespace: &str,
    pod: &str,
    port: u16,
    method: reqwest::Method,
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
        let response = client.request(method, &url).send().await.map_err(|e| {
            let hint = if port == ADMIN_PORT {
                format!("check the sidecar: kubectl logs -n {namespace} {pod} -c envoy")
            } else {
                format!("check the pod: kubectl logs -n {namespace} {pod}")
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
