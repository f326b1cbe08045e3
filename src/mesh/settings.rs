//! The mesh's MeshConfig, found through the mesh (so AKS meshes in `kube-system` need no flag),
//! and field edits on it as JSON merge patches that touch nothing else.

use kube::core::ApiResource;
use serde_json::{Map, Value};

use crate::cluster::{Cluster, Modified};
use crate::error::{Error, Result};

use super::keys::MESH_CONFIG_NAME;
use super::meshconfig::MeshConfig;
use crate::ops::discovery::{Mesh, find_mesh};

pub fn resource() -> ApiResource {
    ApiResource::erase::<MeshConfig>(&())
}

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

/// The value at `keys` below `node`, if set.
pub fn get_path<'a>(node: &'a Value, keys: &[impl AsRef<str>]) -> Option<&'a Value> {
    keys.iter().try_fold(node, |n, k| n.get(k.as_ref())).filter(|v| !v.is_null())
}

/// Adds `value` at `keys` to a merge patch being built.
pub fn put_path(patch: &mut Value, keys: &[impl AsRef<str>], value: Value) {
    let mut node = patch;
    for key in &keys[..keys.len() - 1] {
        if !node.get(key.as_ref()).is_some_and(Value::is_object) {
            node[key.as_ref()] = Value::Object(Map::new());
        }
        node = &mut node[key.as_ref()];
    }
    node[keys[keys.len() - 1].as_ref()] = value;
}

/// A merge patch that sets only the fields of `patch` that differ from `current`.
pub fn changes(current: &Value, patch: &Value) -> Option<Value> {
    match (current, patch) {
        (Value::Object(have), Value::Object(want)) => {
            let mut out = Map::new();
            for (key, value) in want {
                let now = have.get(key).unwrap_or(&Value::Null);
                if let Some(diff) = changes(now, value) {
                    out.insert(key.clone(), diff);
                }
            }
            (!out.is_empty()).then_some(Value::Object(out))
        }
        _ if current == patch => None,
        _ => Some(patch.clone()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn changes_keeps_only_what_differs() {
        let current = json!({"traffic": {"enableEgress": true, "enablePermissiveTrafficPolicyMode": true}});
        assert_eq!(changes(&current, &json!({"traffic": {"enableEgress": true}})), None);
        assert_eq!(
            changes(
                &current,
                &json!({"traffic": {"enableEgress": false, "enablePermissiveTrafficPolicyMode": true}})
            ),
            Some(json!({"traffic": {"enableEgress": false}}))
        );
        assert_eq!(
            changes(&json!({}), &json!({"observability": {"tracing": {"enable": true}}})),
            Some(json!({"observability": {"tracing": {"enable": true}}}))
        );
    }

    #[test]
    fn paths_read_and_build() {
        let mut patch = json!({});
        put_path(&mut patch, &["traffic", "enableEgress"], json!(true));
        put_path(&mut patch, &["traffic", "enablePermissiveTrafficPolicyMode"], json!(false));
        assert_eq!(
            patch,
            json!({"traffic": {"enableEgress": true, "enablePermissiveTrafficPolicyMode": false}})
        );
        assert_eq!(get_path(&patch, &["traffic", "enableEgress"]), Some(&json!(true)));
        assert_eq!(get_path(&patch, &["traffic", "nope"]), None);
    }
}
