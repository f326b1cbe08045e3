//! `templates/osm-injector-hpa.yaml`. The chart hard-codes autoscaling/v2beta2, which
//! Kubernetes 1.26 removed; osm uses the newest version the cluster serves (same fields).

use serde_json::Value;

use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-injector-hpa.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    super::hpa(scope, "osm.injector", "osm-injector")
}
