//! `templates/osm-validator-service.yaml`: the controller's validating webhook endpoint, without
//! which the fail-closed webhook rejects every Egress, IngressBackend and TrafficTarget write.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-validator-service.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    vec![json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("osm-validator", &scope.namespace(), scope.labels_with(&[("app", json!("osm-controller"))])),
        "spec": {
            "ports": [{"name": "validator", "port": 9093, "targetPort": 9093}],
            "selector": {"app": "osm-controller"},
        },
    })]
}
