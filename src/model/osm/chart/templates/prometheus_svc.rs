//! `templates/prometheus-svc.yaml`.

use serde_json::{Value, json};

use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/prometheus-svc.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployPrometheus") {
        return vec![];
    }
    vec![json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {
            "name": "osm-prometheus",
            "namespace": scope.namespace(),
            "labels": Value::Object(scope.labels()),
            "annotations": {"prometheus.io/port": v.text("osm.prometheus.port"), "prometheus.io/scrape": "true"},
        },
        "spec": {
            "ports": [{
                "port": v.plain("osm.prometheus.port"),
                "protocol": "TCP",
                "targetPort": v.plain("osm.prometheus.port"),
            }],
            "selector": {"app": "osm-prometheus"},
        },
    })]
}
