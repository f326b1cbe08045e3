//! `templates/grafana-rbac.yaml`: an empty ClusterRole, bound, as the chart has it.

use serde_json::Value;

use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/grafana-rbac.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    super::jaeger_rbac::addon_rbac(scope, "osm.deployGrafana", "osm-grafana", "grafana")
}
