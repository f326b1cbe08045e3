//! `osm istio uninstall`: what `istioctl uninstall` 1.30.3 removes (operator/cmd/mesh/uninstall.go,
//! operator/pkg/uninstall/prune.go): a revision's control plane by its labels, or with `--purge`
//! every object of any Istio install, CRDs included. The namespace itself stays, as with istioctl.

use std::time::Duration;

use serde_json::{Value, json};

use super::{CLUSTER_KINDS, COMPONENT_LABEL, NAMESPACED_KINDS, PURGE_ONLY_KINDS, REV_LABEL, removed_name};
use crate::cluster::Cluster;
use crate::cluster::apply::{self, ObjectRef};
use crate::error::{Error, Result};
use crate::ops::Progress;

/// What an uninstall removes: a revision's control plane, or (`Purge`) everything of Istio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Revision(String),
    Purge,
}

/// The label selector and kinds `GetPrunedResources` lists (prune.go:96-160): without purge, the
/// revision's objects of every component but Base (whose CRDs and shared objects other revisions
/// use); with it, everything carrying a component label.
fn selection(scope: &Scope) -> (String, Vec<super::PrunedKind>) {
    match scope {
        Scope::Purge => (
            COMPONENT_LABEL.to_string(),
            NAMESPACED_KINDS.iter().chain(CLUSTER_KINDS).chain(PURGE_ONLY_KINDS).copied().collect(),
        ),
        Scope::Revision(rev) => (
            format!(
                "{REV_LABEL}={rev},{COMPONENT_LABEL} in (Cni,EgressGateways,IngressGateways,Pilot,Ztunnel)"
            ),
            NAMESPACED_KINDS.iter().chain(CLUSTER_KINDS).copied().collect(),
        ),
    }
}

/// The objects the uninstall would remove, in the order istioctl deletes them (by kind, as
/// prune.go lists the kinds), each with its apiVersion and kind.
pub async fn plan(cluster: &Cluster, scope: &Scope) -> Result<Vec<Value>> {
    let (select, kinds) = selection(scope);
    let mut objects = Vec::new();
    for k in kinds {
        let found = match apply::list(cluster, k.api_version, k.kind, None, &select).await {
            Ok(found) => found,
            // A kind the cluster does not serve has no objects to remove.
            Err(e) if e.status == Some(404) => continue,
            Err(e) => return Err(e),
        };
        for mut obj in found {
            obj["apiVersion"] = json!(k.api_version);
            obj["kind"] = json!(k.kind);
            objects.push(obj);
        }
    }
    Ok(objects)
}

/// istioctl's names of the objects, one per line, for the plan shown before removing.
pub fn describe(objects: &[Value]) -> Vec<String> {
    objects.iter().map(removed_name).collect()
}

/// Deletes the objects (dependents first, as prune.go:187 does), printing `  Removed ...` for
/// each as istioctl does, then checks that every one is gone.
pub async fn uninstall(out: &dyn Progress, cluster: &Cluster, objects: &[Value]) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    let mut refs = Vec::new();
    for obj in objects {
        let r = ObjectRef::of(obj);
        if apply::delete_foreground(cluster, &r).await? {
            let name = removed_name(obj);
            out.data(&format!("  Removed {name}."));
            removed.push(name);
        }
        refs.push(r);
    }
    let left = apply::wait_gone(cluster, &refs, Duration::from_secs(120)).await?;
    if !left.is_empty() {
        return Err(Error::failed(format!(
            "Istio was uninstalled, but these are left:\n  {}",
            left.iter().map(ObjectRef::describe).collect::<Vec<_>>().join("\n  ")
        ))
        .with_hint(
            "run the command again; if they stay, look at their finalizers with kubectl get -o yaml",
        ));
    }
    Ok(removed)
}
