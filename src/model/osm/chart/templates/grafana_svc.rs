//! `templates/grafana-svc.yaml`.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/grafana-svc.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployGrafana") {
        return vec![];
    }
    let mut ports = vec![json!({"port": v.plain("osm.grafana.port"), "name": "grafana-dashboard"})];
    if v.flag("osm.grafana.enableRemoteRendering") {
        ports.push(json!({"port": 8081, "name": "grafana-renderer"}));
    }
    vec![json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta("osm-grafana", &scope.namespace(), scope.labels_with(&[("app", json!("osm-grafana"))])),
        "spec": {"ports": ports, "selector": {"app": "osm-grafana"}},
    })]
}
