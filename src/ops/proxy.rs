//! `osm proxy get|set`: a request to a sidecar's Envoy admin interface, once the pod is known to
//! be meshed and running.

use k8s_openapi::api::core::v1::Pod;

use crate::cluster::Cluster;
use crate::cluster::envoy;
/// GET reads the admin interface, POST changes it.
pub use crate::cluster::envoy::Method;
use crate::error::{Error, Result};
use crate::model::osm::keys::PROXY_UUID_LABEL;

use super::Progress;

/// Refuses (exit 4) a pod that is missing, has no Envoy sidecar or is not Running before touching
/// its admin port; returns the answer's body.
#[allow(clippy::too_many_arguments)]
pub async fn admin_request(
    out: &dyn Progress,
    cluster: &Cluster,
    namespace: Option<String>,
    pod_name: &str,
    method: Method,
    query: &str,
    local_port: Option<u16>,
) -> Result<Vec<u8>> {
    let namespace = namespace.unwrap_or_else(|| cluster.default_namespace().to_string());
    let what = format!("reading pod {pod_name} in namespace {namespace}");
    let pod = cluster.get_in::<Pod>(&namespace, pod_name, &what).await?.ok_or_else(|| {
        Error::invalid(format!("pod {pod_name} not found in namespace {namespace}"))
            .with_hint(format!("list the pods with: kubectl get pods -n {namespace}"))
    })?;
    if !pod.metadata.labels.as_ref().is_some_and(|l| l.contains_key(PROXY_UUID_LABEL)) {
        return Err(Error::invalid(format!(
            "pod {pod_name} in namespace {namespace} has no Envoy sidecar (no {PROXY_UUID_LABEL} label)"
        ))
        .with_hint(format!(
            "enrol the namespace with `osm namespace add {namespace}`, then restart the pod so a sidecar is injected"
        )));
    }
    let phase = pod.status.as_ref().and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into());
    if phase != "Running" {
        return Err(Error::invalid(format!(
            "pod {pod_name} in namespace {namespace} is {phase}, not Running"
        ))
        .with_hint(format!("see why with: kubectl describe pod -n {namespace} {pod_name}")));
    }

    envoy::admin(cluster, &namespace, pod_name, method, query, local_port, &|m| out.debug(m)).await
}
