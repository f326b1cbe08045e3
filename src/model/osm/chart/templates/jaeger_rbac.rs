//! `templates/jaeger-rbac.yaml`: an empty ClusterRole, bound, as the chart has it.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/jaeger-rbac.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    addon_rbac(scope, "osm.deployJaeger", "jaeger", "jaeger")
}

/// The ServiceAccount, rule-less ClusterRole and binding the Grafana and Jaeger templates share.
pub(super) fn addon_rbac(scope: &Scope, flag: &str, account: &str, suffix: &str) -> Vec<Value> {
    if !scope.values.flag(flag) {
        return vec![];
    }
    let ns = scope.namespace();
    let role = format!("{}-{suffix}", scope.release.name);
    let labels = scope.labels_with(&[("app", json!(account))]);
    vec![
        json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta(account, &ns, labels.clone())}),
        json!({
            "kind": "ClusterRole",
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "metadata": {"labels": labels, "name": role},
        }),
        json!({
            "kind": "ClusterRoleBinding",
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "metadata": {"name": role, "labels": labels},
            "subjects": [{"kind": "ServiceAccount", "name": account, "namespace": ns}],
            "roleRef": {"kind": "ClusterRole", "name": role, "apiGroup": "rbac.authorization.k8s.io"},
        }),
    ]
}
