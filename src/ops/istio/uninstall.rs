//! `osm istio uninstall`: what `istioctl uninstall` 1.30.3 removes (operator/cmd/mesh/uninstall.go,
//! operator/pkg/uninstall/prune.go): a revision's control plane by its labels, or with `--purge`
//! every object of any Istio install, CRDs included. The namespace itself stays, as with istioctl.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::{Value, json};

use super::{CLUSTER_KINDS, NAMESPACED_KINDS, PURGE_ONLY_KINDS, removed_name, selector};
use crate::cluster::Cluster;
use crate::cluster::{ObjectRef, Propagation, Select};
use crate::error::{Error, Result};
use crate::model::input::Remedy;
use crate::model::istio::keys::{COMPONENT_LABEL, OWNING_NAME_LABEL, OWNING_NAMESPACE_LABEL, REV_LABEL};
use crate::ops::Progress;

/// What an uninstall removes: control planes by their owner labels, or (`Purge`) everything of
/// Istio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// `GetPrunedResources` without purge (operator/pkg/uninstall/prune.go:101-159): the objects
    /// of every component but Base (whose CRDs and shared objects other revisions use) carrying
    /// the labels of [`selector`]. istioctl fills them from `--revision` and from the
    /// IstioOperator that `-f` and `--set` make (operator/cmd/mesh/uninstall.go:143-159).
    ControlPlane {
        /// `--revision` only: a revision named in the file or by `--set revision=` does not
        /// narrow the selection (uninstall.go:157 passes the flag's value).
        revision: Option<String>,
        /// The IstioOperator's `metadata.name`, which install records as `owning-resource`.
        owner_name: String,
        /// Its `metadata.namespace` (the profiles' `istio-system` unless set).
        owner_namespace: String,
    },
    Purge,
}

/// The labels a control-plane uninstall selects by (prune.go:105-115), empty ones left out.
pub fn owner_selector(
    revision: Option<&str>,
    owner_name: &str,
    owner_namespace: &str,
) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    if let Some(rev) = revision.filter(|r| !r.is_empty()) {
        labels.insert(REV_LABEL.to_string(), rev.to_string());
    }
    if !owner_name.is_empty() {
        labels.insert(OWNING_NAME_LABEL.to_string(), owner_name.to_string());
    }
    if !owner_namespace.is_empty() {
        labels.insert(OWNING_NAMESPACE_LABEL.to_string(), owner_namespace.to_string());
    }
    labels
}

/// The label selector and kinds `GetPrunedResources` lists (prune.go:96-160): without purge, the
/// owner labels and a component other than Base; with it, everything carrying a component label.
fn selection(scope: &Scope) -> (String, Vec<super::PrunedKind>) {
    match scope {
        Scope::Purge => (
            COMPONENT_LABEL.to_string(),
            NAMESPACED_KINDS.iter().chain(CLUSTER_KINDS).chain(PURGE_ONLY_KINDS).copied().collect(),
        ),
        Scope::ControlPlane { revision, owner_name, owner_namespace } => {
            let labels = owner_selector(revision.as_deref(), owner_name, owner_namespace);
            let mut select = selector(&labels);
            if !select.is_empty() {
                select.push(',');
            }
            select.push_str(&format!(
                "{COMPONENT_LABEL} in (Cni,EgressGateways,IngressGateways,Pilot,Ztunnel),{COMPONENT_LABEL}"
            ));
            (select, NAMESPACED_KINDS.iter().chain(CLUSTER_KINDS).copied().collect())
        }
    }
}

/// The objects the uninstall would remove, in the order istioctl deletes them (by kind, as
/// prune.go lists the kinds), each with its apiVersion and kind.
/// With `--revision R`, R must be installed (operator/cmd/mesh/uninstall.go:127-135): istioctl
/// fails with "could not find target revision" (exit 1), before it removes or prompts anything.
pub async fn plan(cluster: &Cluster, scope: &Scope) -> Result<Vec<Value>> {
    if let Scope::ControlPlane { revision: Some(rev), .. } = scope {
        check_revision(cluster, rev).await?;
    }
    let (select, kinds) = selection(scope);
    let mut objects = Vec::new();
    for k in kinds {
        let found = match cluster.objects().list(k.api_version, k.kind, None, Select::labels(&select)).await {
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

/// `ListRevisionDescriptions` (istioctl/pkg/tag/revision.go:84-114): a revision is installed when
/// a MutatingWebhookConfiguration carries its `istio.io/rev` label; one without the label counts
/// for `default`, as istioctl counts it.
pub async fn check_revision(cluster: &Cluster, revision: &str) -> Result<()> {
    let webhooks = cluster
        .objects()
        .list("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", None, Select::labels(""))
        .await?;
    let (found, installed) = installed_revisions(&webhooks);
    if found.contains(revision) {
        return Ok(());
    }
    let installed = if installed.is_empty() {
        "no Istio revision is installed".to_string()
    } else {
        format!("installed: {}", installed.into_iter().collect::<Vec<_>>().join(", "))
    };
    Err(Error::invalid(format!(
        "could not find target revision {revision}: no MutatingWebhookConfiguration carries {REV_LABEL}={revision} ({installed})"
    ))
    .with_hint(format!("{}; nothing was removed", Remedy::NameInstalledIstioRevision)))
}

/// The revisions istioctl counts (`default` for a webhook without the label), and those an
/// `istio.io/rev` label names, for the message.
fn installed_revisions(webhooks: &[Value]) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut counted = BTreeSet::new();
    let mut labelled = BTreeSet::new();
    for wh in webhooks {
        match wh["metadata"]["labels"][REV_LABEL].as_str().filter(|r| !r.is_empty()) {
            Some(rev) => {
                counted.insert(rev.to_string());
                labelled.insert(rev.to_string());
            }
            None => {
                counted.insert("default".to_string());
            }
        }
    }
    (counted, labelled)
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
        if cluster.objects().delete(&r, Propagation::Foreground).await? {
            let name = removed_name(obj);
            out.data(&format!("  Removed {name}."));
            removed.push(name);
        }
        refs.push(r);
    }
    let left = cluster.objects().wait_gone(&refs, Duration::from_secs(120)).await?;
    if !left.is_empty() {
        return Err(Error::failed(format!(
            "Istio was uninstalled, but these are left:\n  {}",
            left.iter().map(ObjectRef::describe).collect::<Vec<_>>().join("\n  ")
        ))
        .with_hint(Remedy::LookAtFinalizers));
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_plane_is_selected_by_istioctls_labels() {
        let scope = Scope::ControlPlane {
            revision: Some("canary".into()),
            owner_name: String::new(),
            owner_namespace: "istio-system".into(),
        };
        assert_eq!(
            selection(&scope).0,
            "install.operator.istio.io/owning-resource-namespace=istio-system,istio.io/rev=canary,\
             operator.istio.io/component in (Cni,EgressGateways,IngressGateways,Pilot,Ztunnel),operator.istio.io/component"
        );
        let by_file = Scope::ControlPlane {
            revision: None,
            owner_name: "example".into(),
            owner_namespace: "istio-x".into(),
        };
        assert!(selection(&by_file).0.starts_with(
            "install.operator.istio.io/owning-resource=example,install.operator.istio.io/owning-resource-namespace=istio-x,"
        ));
        assert_eq!(selection(&Scope::Purge).0, "operator.istio.io/component");
    }

    #[test]
    fn revisions_are_counted_from_the_injector_webhooks_labels() {
        let webhooks = vec![
            json!({"metadata": {"name": "istio-sidecar-injector-canary", "labels": {"istio.io/rev": "canary"}}}),
            json!({"metadata": {"name": "istio-revision-tag-default", "labels": {"istio.io/rev": "canary", "istio.io/tag": "default"}}}),
            json!({"metadata": {"name": "cert-manager-webhook"}}),
        ];
        let (counted, labelled) = installed_revisions(&webhooks);
        assert_eq!(counted.into_iter().collect::<Vec<_>>(), ["canary", "default"]);
        assert_eq!(labelled.into_iter().collect::<Vec<_>>(), ["canary"]);
    }
}
