//! `templates/osm-injector-service.yaml`: the injector's mutating webhook endpoint.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-injector-service.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    vec![json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("osm-injector", &scope.namespace(), scope.labels_with(&[("app", json!("osm-injector"))])),
        "spec": {
            "ports": [{"name": "sidecar-inject", "port": 9090}],
            "selector": {"app": "osm-injector"},
        },
    })]
}
