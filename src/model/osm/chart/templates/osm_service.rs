//! `templates/osm-service.yaml`: the controller's ADS, debug and health ports.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-service.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    vec![json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("osm-controller", &scope.namespace(), scope.labels_with(&[("app", json!("osm-controller"))])),
        "spec": {
            "ports": [
                {"name": "ads-port", "port": 15128, "targetPort": 15128},
                {"name": "debug-port", "port": 9092, "targetPort": 9092},
                {"name": "healthz", "port": 9091, "targetPort": 9091},
            ],
            "selector": {"app": "osm-controller"},
        },
    })]
}
