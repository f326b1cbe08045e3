//! The record of an install, kept as ConfigMap `osm-install-<mesh>` in the control-plane
//! namespace: the values the user chose (credentials removed), the version and the inventory of
//! applied objects, so that upgrade can prune and uninstall can remove exactly what was installed.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::ConfigMap;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use kube::api::Api;
use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::apply::ObjectRef;
use crate::error::{Error, Result};

use super::chart::{self, Rendered};
use super::keys::{APP_INSTANCE_LABEL, APP_NAME_LABEL, APP_NAME_VALUE};

pub const MANAGED_BY_LABEL: &str = "app.kubernetes.io/managed-by";

#[derive(Debug, Clone, PartialEq)]
pub struct InstallRecord {
    pub mesh_name: String,
    pub namespace: String,
    pub version: String,
    /// What the user set on top of the defaults (without credentials).
    pub values: Value,
    pub inventory: Vec<ObjectRef>,
}

impl InstallRecord {
    pub fn new(rendered: &Rendered, user_values: &Value) -> InstallRecord {
        let mut inventory: Vec<ObjectRef> = rendered.all().iter().map(ObjectRef::of).collect();
        inventory.sort();
        InstallRecord {
            mesh_name: rendered.mesh_name.clone(),
            namespace: rendered.namespace.clone(),
            version: chart::APP_VERSION.into(),
            values: chart::values::without_secrets(user_values),
            inventory,
        }
    }

    pub fn to_config_map(&self) -> Value {
        let cm = ConfigMap {
            metadata: ObjectMeta {
                name: Some(record_name(&self.mesh_name)),
                namespace: Some(self.namespace.clone()),
                labels: Some(BTreeMap::from([
                    (APP_NAME_LABEL.to_string(), APP_NAME_VALUE.to_string()),
                    (APP_INSTANCE_LABEL.to_string(), self.mesh_name.clone()),
                    (MANAGED_BY_LABEL.to_string(), "osm".to_string()),
                ])),
                ..Default::default()
            },
            data: Some(BTreeMap::from([
                ("version".to_string(), self.version.clone()),
                ("values".to_string(), serde_json::to_string_pretty(&self.values).expect("JSON")),
                ("inventory".to_string(), serde_json::to_string_pretty(&self.inventory).expect("JSON")),
            ])),
            ..Default::default()
        };
        serde_json::to_value(&cm).expect("ConfigMap serializes")
    }

    /// The record's own reference (it is not in its inventory).
    pub fn object_ref(mesh: &str, namespace: &str) -> ObjectRef {
        ObjectRef {
            api_version: "v1".into(),
            kind: "ConfigMap".into(),
            namespace: Some(namespace.into()),
            name: record_name(mesh),
        }
    }
}

/// The record's name for a mesh.
pub fn record_name(mesh: &str) -> String {
    format!("osm-install-{mesh}")
}

/// Reads the record of `mesh` in `namespace`, if there is one.
pub async fn read(cluster: &Cluster, mesh: &str, namespace: &str) -> Result<Option<InstallRecord>> {
    let api: Api<ConfigMap> = Api::namespaced(cluster.client.clone(), namespace);
    let name = record_name(mesh);
    let Some(cm) = api
        .get_opt(&name)
        .await
        .map_err(cluster.err(format!("reading the install record {namespace}/{name}")))?
    else {
        return Ok(None);
    };
    let data = cm.data.unwrap_or_default();
    let field = |key: &str| {
        data.get(key).cloned().ok_or_else(|| {
            Error::failed(format!("the install record {namespace}/{name} has no {key}"))
                .with_hint(format!("it was changed by hand; restore it or remove it with kubectl delete configmap -n {namespace} {name}"))
        })
    };
    let bad = |e: serde_json::Error| {
        Error::failed(format!("the install record {namespace}/{name} is damaged: {e}"))
    };
    Ok(Some(InstallRecord {
        mesh_name: mesh.into(),
        namespace: namespace.into(),
        version: field("version")?,
        values: serde_json::from_str(&field("values")?).map_err(bad)?,
        inventory: serde_json::from_str(&field("inventory")?).map_err(bad)?,
    }))
}
