//! `templates/osm-injector-pod-disruption-budget.yaml`. The chart hard-codes policy/v1beta1,
//! which Kubernetes 1.25 removed; osm uses the newest version the cluster serves (same fields).

use serde_json::Value;

use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-injector-pod-disruption-budget.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    super::pdb(scope, "osm.injector", "osm-injector")
}
