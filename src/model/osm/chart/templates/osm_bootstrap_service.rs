//! `templates/osm-bootstrap-service.yaml`: CRD conversion and the health port the other
//! components' init containers wait on.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-bootstrap-service.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    vec![json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("osm-bootstrap", &scope.namespace(), scope.labels_with(&[("app", json!("osm-bootstrap"))])),
        "spec": {
            "ports": [{"name": "crdconversion", "port": 9443}, {"name": "health", "port": 9091}],
            "selector": {"app": "osm-bootstrap"},
        },
    })]
}
