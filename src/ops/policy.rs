//! The reads behind `osm policy check-pods` and `check-conflicts`: meshed pods, the MeshConfig's
//! traffic mode and the policy objects of a namespace.

use k8s_openapi::api::core::v1::Pod;
use kube::core::ApiResource;
use serde_json::Value;

use crate::cluster::{Cluster, Select};
use crate::error::{Error, Result};
use crate::model::input::Remedy;
use crate::model::osm::keys::{MESH_CONFIG_NAME, PROXY_UUID_LABEL};

/// The pod, which must exist and carry a sidecar (`isMeshedPod`: the osm-proxy-uuid label).
pub async fn meshed_pod(cluster: &Cluster, ns: &str, name: &str) -> Result<Value> {
    let pod =
        cluster.get_in::<Pod>(ns, name, &format!("reading pod {ns}/{name}")).await?.ok_or_else(|| {
            Error::invalid(format!("Could not find pod {name} in namespace {ns}"))
                .with_hint(Remedy::ListResource { resource: "pods".into(), namespace: ns.to_string() })
        })?;
    let pod = serde_json::to_value(pod)?;
    if pod["metadata"]["labels"][PROXY_UUID_LABEL].is_null() {
        return Err(Error::invalid(format!("Pod {name} in namespace {ns} is not a part of a mesh"))
            .with_hint(Remedy::EnrolNamespaceForSidecar { namespace: ns.to_string() }));
    }
    Ok(pod)
}

/// Whether the mesh whose control plane runs in `osm_ns` is in permissive traffic mode; refuses
/// (exit 4) when its MeshConfig does not exist there.
pub async fn permissive(cluster: &Cluster, osm_ns: &str) -> Result<bool> {
    let config =
        cluster.objects().get_if_served(&super::mesh_config::mesh_config_in(osm_ns)).await?.ok_or_else(
            || {
                Error::invalid(format!(
                    "Error fetching MeshConfig {MESH_CONFIG_NAME}: it does not exist in namespace {osm_ns}"
                ))
                .with_hint(Remedy::PassOsmNamespace)
            },
        )?;
    Ok(config["spec"]["traffic"]["enablePermissiveTrafficPolicyMode"].as_bool().unwrap_or(false))
}

/// The objects of `resource`'s kind in `namespace`; none when the API server does not serve it.
pub async fn list(cluster: &Cluster, resource: &ApiResource, namespace: &str) -> Result<Vec<Value>> {
    cluster
        .objects()
        .list_if_served(&resource.api_version, &resource.kind, Some(namespace), Select::ALL)
        .await
}
