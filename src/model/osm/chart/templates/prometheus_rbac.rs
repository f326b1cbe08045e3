//! `templates/prometheus-rbac.yaml`.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/prometheus-rbac.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    if !scope.values.flag("osm.deployPrometheus") {
        return vec![];
    }
    let name = format!("{}-prometheus", scope.release.name);
    let ns = scope.namespace();
    let labels = Value::Object(scope.labels());
    vec![
        json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": name, "labels": labels},
            "rules": [
                {
                    "apiGroups": [""],
                    "resources": ["nodes", "nodes/proxy", "nodes/metrics", "services", "endpoints", "pods", "ingresses", "configmaps"],
                    "verbs": ["list", "get", "watch"],
                },
                {"apiGroups": ["extensions"], "resources": ["ingresses", "ingresses/status"], "verbs": ["list", "get", "watch"]},
                {"nonResourceURLs": ["/metrics"], "verbs": ["get"]},
            ],
        }),
        json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRoleBinding",
            "metadata": {"name": name, "labels": labels},
            "subjects": [{"kind": "ServiceAccount", "name": "osm-prometheus", "namespace": ns}],
            "roleRef": {"kind": "ClusterRole", "name": name, "apiGroup": "rbac.authorization.k8s.io"},
        }),
        json!({
            "apiVersion": "v1",
            "kind": "ServiceAccount",
            "metadata": meta("osm-prometheus", &ns, labels),
        }),
    ]
}
