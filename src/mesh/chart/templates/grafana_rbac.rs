//! `templates/grafana-rbac.yaml`: an empty ClusterRole, bound, as the chart has it.

use serde_json::Value;

use crate::mesh::chart::Scope;

pub(super) fn render(scope: &Scope) -> Vec<Value> {
    super::jaeger_rbac::addon_rbac(scope, "osm.deployGrafana", "osm-grafana", "grafana")
}
