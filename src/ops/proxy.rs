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
use crate::model::input::Remedy;

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
            .with_hint(Remedy::ListResource { resource: "pods".into(), namespace: namespace.clone() })
    })?;
    if !pod.metadata.labels.as_ref().is_some_and(|l| l.contains_key(PROXY_UUID_LABEL)) {
        return Err(Error::invalid(format!(
            "pod {pod_name} in namespace {namespace} has no Envoy sidecar (no {PROXY_UUID_LABEL} label)"
        ))
        .with_hint(Remedy::EnrolNamespaceForSidecar { namespace }));
    }
    let phase = pod.status.as_ref().and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into());
    if phase != "Running" {
        return Err(Error::invalid(format!(
            "pod {pod_name} in namespace {namespace} is {phase}, not Running"
        ))
        .with_hint(Remedy::DescribePodWhy { namespace, pod: pod_name.to_string() }));
    }

    envoy::admin(cluster, &namespace, pod_name, method, query, local_port, &|m| out.debug(m)).await
}
