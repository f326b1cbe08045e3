//! `templates/prometheus-configmap.yaml`: Prometheus' scrape configuration, embedded from the
//! chart unchanged (`files/prometheus.yml`).

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

const PROMETHEUS_YML: &str = include_str!("../files/prometheus.yml");

/// Mirrors OSM v1.2.4 `charts/osm/templates/prometheus-configmap.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    if !scope.values.flag("osm.deployPrometheus") {
        return vec![];
    }
    vec![json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": meta(
            "osm-prometheus-server-conf",
            &scope.namespace(),
            scope.labels_with(&[("name", json!("osm-prometheus-server-conf"))]),
        ),
        "data": {"prometheus.yml": PROMETHEUS_YML},
    })]
}
