//! The mesh's MeshConfig, found through the mesh (so AKS meshes in `kube-system` need no flag),
//! read and changed with a resourceVersion guard.

use k8s_openapi::api::core::v1::{Namespace, Service};
use kube::{Resource, ResourceExt};
use serde_json::Value;

use crate::cluster::{Cluster, Modified, ObjectRef, Select};
use crate::error::{Error, Result};
use crate::model::osm::keys::{MESH_CONFIG_NAME, MONITORED_BY_LABEL};
use crate::model::osm::meshconfig::MeshConfig;
use crate::model::smi::TrafficTarget;

use super::Progress;

use super::discovery::{Mesh, find_mesh};
use crate::model::input::Remedy;

/// The mesh and its MeshConfig as read now.
pub struct Located {
    pub mesh: Mesh,
    pub object: Value,
}

/// Finds the mesh named `mesh_name` and reads its MeshConfig; exit 4 when either is missing.
pub async fn locate(cluster: &Cluster, mesh_name: &str) -> Result<Located> {
    let mesh = find_mesh(cluster, mesh_name).await?;
    match cluster.objects().get(&mesh_config(&mesh)).await? {
        Some(object) => Ok(Located { mesh, object }),
        None => Err(missing(&mesh)),
    }
}

/// The MeshConfig of the mesh whose control plane is in `namespace`, read and merge-patched as
/// JSON so that fields this osm does not model survive every edit.
pub fn mesh_config_in(namespace: &str) -> ObjectRef {
    ObjectRef::to::<MeshConfig>(Some(namespace), MESH_CONFIG_NAME)
}

fn mesh_config(mesh: &Mesh) -> ObjectRef {
    mesh_config_in(&mesh.namespace)
}

fn missing(mesh: &Mesh) -> Error {
    Error::invalid(format!(
        "mesh {} has no MeshConfig {MESH_CONFIG_NAME} in its namespace {}",
        mesh.name, mesh.namespace
    ))
    .with_hint(Remedy::RecreateIncompleteMesh { namespace: mesh.namespace.clone() })
}

/// Applies `intent` (computing a merge patch of `spec` from the current spec) to the mesh's
/// MeshConfig with the resourceVersion guard of [`crate::cluster::Objects::modify`].
pub async fn modify(
    cluster: &Cluster,
    mesh: &Mesh,
    mut intent: impl FnMut(&Value) -> Result<Option<Value>>,
) -> Result<Modified> {
    cluster
        .objects()
        .modify(&mesh_config(mesh), |object| {
            Ok(intent(&object["spec"])?.map(|spec_patch| serde_json::json!({ "spec": spec_patch })))
        })
        .await
        .map_err(|e| if e.is_status(404) { missing(mesh) } else { e })
}

/// The in-cluster address of the mesh's Jaeger, when `osm.deployJaeger` put one in its namespace.
pub async fn jaeger_address(cluster: &Cluster, mesh: &Mesh) -> Result<Option<String>> {
    let found: Option<Service> =
        cluster.get_in(&mesh.namespace, "jaeger", "looking for the mesh's jaeger Service").await?;
    Ok(found.map(|_| format!("jaeger.{}.svc.cluster.local", mesh.namespace)))
}

/// The namespaces mesh `mesh_name` monitors, when there are some and none has a TrafficTarget (a
/// kind not served counts as none); `None` otherwise, and when they cannot be read (a warning
/// not worth failing over).
pub async fn monitored_without_traffic_targets(
    out: &dyn Progress,
    cluster: &Cluster,
    mesh_name: &str,
) -> Option<Vec<String>> {
    let selector = format!("{MONITORED_BY_LABEL}={mesh_name}");
    let listed = cluster.list::<Namespace>(Select::labels(&selector), "listing the monitored namespaces");
    let Ok(list) = listed.await else { return None };
    let monitored: Vec<String> = list.iter().map(|n| n.name_any()).collect();
    if monitored.is_empty() {
        return None;
    }
    let (api_version, kind) = (TrafficTarget::api_version(&()), TrafficTarget::kind(&()));
    for ns in &monitored {
        match cluster.objects().list_if_served(&api_version, &kind, Some(ns), Select::ALL).await {
            Ok(list) if !list.is_empty() => return None,
            Ok(_) => {}
            Err(e) => {
                out.debug(&format!("cannot list TrafficTargets in {ns}: {e}"));
                return None;
            }
        }
    }
    Some(monitored)
}
