//! `templates/jaeger-service.yaml`.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/jaeger-service.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployJaeger") {
        return vec![];
    }
    vec![json!({
        "kind": "Service",
        "apiVersion": "v1",
        "metadata": meta("jaeger", &scope.namespace(), scope.labels_with(&[("app", json!("jaeger"))])),
        "spec": {
            "selector": {"app": "jaeger"},
            "ports": [{"protocol": "TCP", "port": v.plain("osm.tracing.port")}],
            "type": "ClusterIP",
        },
    })]
}
