//! Istio's lifecycle against a cluster: install, uninstall, versions and checks.

pub mod check;
pub mod inject;
pub mod install;
pub mod uninstall;
pub mod verify;
pub mod version;

use crate::model::istio::keys::{
    COMPONENT_LABEL, MANAGED_LABEL, OWNING_NAME_LABEL, OWNING_NAMESPACE_LABEL, REV_LABEL, VERSION_LABEL,
};
use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::istio::{Component, Manifest};

/// The Istio release osm installs (its charts, profiles and images).
pub const ISTIO_VERSION: &str = "1.30.3";

/// The field manager istioctl's server-side applies are recorded under
/// (operator/pkg/install/install.go:197).
pub const ISTIO_FIELD_MANAGER: &str = "istio-operator";

/// The field manager of istioctl's plain creates and updates (the namespace, the injector
/// webhook's deactivation): client-go names a write after the program's user agent.
pub const ISTIOCTL_FIELD_MANAGER: &str = "istioctl";

/// The labels istioctl adds to every object of a component (operator/pkg/install/install.go:318-337,
/// `getOwnerLabels`); `None` leaves out the component label, as the prune selector does.
pub fn owner_labels(manifest: &Manifest, component: Option<Component>) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    labels.insert(MANAGED_LABEL.to_string(), "Reconcile".to_string());
    labels.insert(VERSION_LABEL.to_string(), ISTIO_VERSION.to_string());
    let name = crate::model::istio::values::get_string(&manifest.operator, "metadata.name");
    if !name.is_empty() {
        labels.insert(OWNING_NAME_LABEL.to_string(), name);
    }
    labels.insert(OWNING_NAMESPACE_LABEL.to_string(), manifest.namespace.clone());
    labels.insert(REV_LABEL.to_string(), revision_or_default(&manifest.revision).to_string());
    if let Some(c) = component {
        labels.insert(COMPONENT_LABEL.to_string(), c.label().to_string());
    }
    labels
}

/// `default` for an empty revision, as istioctl's `GetPathStringOr("spec.values.revision", "default")`.
pub fn revision_or_default(revision: &str) -> &str {
    if revision.is_empty() { "default" } else { revision }
}

/// A label selector matching every label of `labels` (`k=v,...`), in key order as
/// `labels.Set.AsSelector` prints it.
pub fn selector(labels: &BTreeMap<String, String>) -> String {
    labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",")
}

/// Sets `labels` on the object's metadata, keeping its own.
pub fn set_labels(obj: &mut Value, labels: &BTreeMap<String, String>) {
    if !obj["metadata"].is_object() {
        obj["metadata"] = Value::Object(Default::default());
    }
    if !obj["metadata"]["labels"].is_object() {
        obj["metadata"]["labels"] = Value::Object(Default::default());
    }
    let map = obj["metadata"]["labels"].as_object_mut().expect("labels is an object");
    for (k, v) in labels {
        map.insert(k.clone(), Value::String(v.clone()));
    }
}

/// The user-facing name istioctl's progress lines give a component
/// (operator/pkg/component/component.go, `PrettyName`).
pub fn pretty_name(component: Component) -> &'static str {
    match component {
        Component::Base => "Istio core",
        Component::Pilot => "Istiod",
        Component::Cni => "CNI",
        Component::Ztunnel => "Ztunnel",
        Component::IngressGateways => "Ingress gateways",
        Component::EgressGateways => "Egress gateways",
    }
}

/// The component of an `operator.istio.io/component` label value.
pub fn component_of_label(label: &str) -> Option<Component> {
    [
        Component::Base,
        Component::Pilot,
        Component::Cni,
        Component::Ztunnel,
        Component::IngressGateways,
        Component::EgressGateways,
    ]
    .into_iter()
    .find(|c| c.label() == label)
}

/// One kind istioctl prunes and uninstalls (operator/pkg/uninstall/prune.go:41-80).
#[derive(Debug, Clone, Copy)]
pub struct PrunedKind {
    pub api_version: &'static str,
    pub kind: &'static str,
}

const fn kind(api_version: &'static str, kind: &'static str) -> PrunedKind {
    PrunedKind { api_version, kind }
}

/// `NamespacedResources()` (prune.go:62-79), in its order.
pub const NAMESPACED_KINDS: &[PrunedKind] = &[
    kind("apps/v1", "Deployment"),
    kind("apps/v1", "DaemonSet"),
    kind("v1", "Service"),
    kind("v1", "ConfigMap"),
    kind("v1", "Pod"),
    kind("v1", "Secret"),
    kind("v1", "ServiceAccount"),
    kind("rbac.authorization.k8s.io/v1", "RoleBinding"),
    kind("rbac.authorization.k8s.io/v1", "Role"),
    kind("policy/v1", "PodDisruptionBudget"),
    kind("autoscaling/v2", "HorizontalPodAutoscaler"),
    kind("networking.istio.io/v1alpha3", "EnvoyFilter"),
];

/// `ClusterResources` and `ClusterCPResources` (prune.go:41-55): the same four kinds.
pub const CLUSTER_KINDS: &[PrunedKind] = &[
    kind("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"),
    kind("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
    kind("rbac.authorization.k8s.io/v1", "ClusterRole"),
    kind("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
];

/// What `AllClusterResources` adds for `uninstall --purge` (prune.go:57-60).
pub const PURGE_ONLY_KINDS: &[PrunedKind] = &[
    kind("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
    kind("k8s.cni.cncf.io/v1", "NetworkAttachmentDefinition"),
];

/// How istioctl names a removed object: `<GroupVersionKind>/<name>.<namespace>` as Go prints a
/// `schema.GroupVersionKind` (`apps/v1, Kind=Deployment`; `/v1, Kind=Service` for the core group),
/// from operator/pkg/uninstall/prune.go:195.
pub fn removed_name(obj: &Value) -> String {
    let api_version = obj["apiVersion"].as_str().unwrap_or_default();
    let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
    format!(
        "{group}/{version}, Kind={}/{}.{}",
        obj["kind"].as_str().unwrap_or_default(),
        obj["metadata"]["name"].as_str().unwrap_or_default(),
        obj["metadata"]["namespace"].as_str().unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn removed_names_read_as_istioctl_prints_them() {
        // live/reinstall-default-over-demo.stdout of the Istio 1.30.3 reference.
        let deployment = json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "istio-egressgateway", "namespace": "istio-system"}});
        assert_eq!(removed_name(&deployment), "apps/v1, Kind=Deployment/istio-egressgateway.istio-system");
        let service = json!({"apiVersion": "v1", "kind": "Service",
            "metadata": {"name": "istio-egressgateway", "namespace": "istio-system"}});
        assert_eq!(removed_name(&service), "/v1, Kind=Service/istio-egressgateway.istio-system");
    }
}
