//! The mesh's MeshConfig, found through the mesh (so AKS meshes in `kube-system` need no flag),
//! read and changed with a resourceVersion guard.

use serde_json::Value;

use crate::cluster::{Cluster, Modified};
use crate::error::{Error, Result};
use crate::mesh::keys::MESH_CONFIG_NAME;
use crate::mesh::settings::resource;

use super::discovery::{Mesh, find_mesh};

/// The mesh and its MeshConfig as read now.
pub struct Located {
    pub mesh: Mesh,
    pub object: Value,
}

/// Finds the mesh named `mesh_name` and reads its MeshConfig; exit 4 when either is missing.
pub async fn locate(cluster: &Cluster, mesh_name: &str) -> Result<Located> {
    let mesh = find_mesh(cluster, mesh_name).await?;
    match cluster.get_json(&resource(), &mesh.namespace, MESH_CONFIG_NAME).await? {
        Some(object) => Ok(Located { mesh, object }),
        None => Err(missing(&mesh)),
    }
}

fn missing(mesh: &Mesh) -> Error {
    Error::invalid(format!(
        "mesh {} has no MeshConfig {MESH_CONFIG_NAME} in its namespace {}",
        mesh.name, mesh.namespace
    ))
    .with_hint(format!(
        "the control plane is incomplete: `kubectl get meshconfig -n {}` shows what is there; \
         reinstall with `osm install` (or `osm mesh upgrade`) to recreate it",
        mesh.namespace
    ))
}

/// Applies `intent` (computing a merge patch of `spec` from the current spec) to the mesh's
/// MeshConfig with the resourceVersion guard of [`Cluster::modify`].
pub async fn modify(
    cluster: &Cluster,
    mesh: &Mesh,
    mut intent: impl FnMut(&Value) -> Result<Option<Value>>,
) -> Result<Modified> {
    cluster
        .modify(&resource(), &mesh.namespace, MESH_CONFIG_NAME, |object| {
            Ok(intent(&object["spec"])?.map(|spec_patch| serde_json::json!({ "spec": spec_patch })))
        })
        .await
        .map_err(|e| if e.is_status(404) { missing(mesh) } else { e })
}
