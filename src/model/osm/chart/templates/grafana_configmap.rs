//! `templates/grafana-configmap.yaml`: Grafana's settings, its Prometheus data source and the
//! chart's dashboards (`files/dashboards/`, unchanged), with `${DS_PROMETHEUS}` and
//! `${CONTROL_PLANE_NAMESPACE}` replaced as the chart replaces them.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

const GRAFANA_INI: &str = include_str!("../files/grafana.ini");
const DATASOURCES: &str = include_str!("../files/grafana-datasources.yaml");
const DASHBOARD_PROVIDERS: &str = include_str!("../files/grafana-dashboards.yaml");

const POD_TO_SERVICE: &str = include_str!("../files/dashboards/osm-pod-to-service.json");
const WORKLOAD_TO_SERVICE: &str = include_str!("../files/dashboards/osm-workload-to-service.json");
const SERVICE_TO_SERVICE: &str = include_str!("../files/dashboards/osm-service-to-service.json");
const DATA_PLANE_PERFORMANCE: &str = include_str!("../files/dashboards/osm-data-plane-performance.json");
const WORKLOAD_TO_WORKLOAD: &str = include_str!("../files/dashboards/osm-workload-to-workload.json");
const CONTROL_PLANE: &str = include_str!("../files/dashboards/osm-control-plane.json");
const MESH_ENVOY_DETAILS: &str = include_str!("../files/dashboards/osm-mesh-envoy-details.json");

/// What `{{ .Files.Get f | replace ... | indent 4 }}` under a `key: |` line leaves once YAML has
/// read it: the text, ending in exactly one newline.
fn block(text: &str) -> String {
    format!("{}\n", text.trim_end_matches(['\n', ' ']))
}

fn dashboard(text: &str) -> String {
    block(&text.replace("${DS_PROMETHEUS}", "Prometheus"))
}

/// Mirrors OSM v1.2.4 `charts/osm/templates/grafana-configmap.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployGrafana") {
        return vec![];
    }
    let ns = scope.namespace();
    let labels = scope.labels_with(&[("app", json!("osm-grafana"))]);
    let config_map = |name: &str, data: Value| json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta(name, &ns, labels.clone()), "data": data});
    let datasources = DATASOURCES
        .replace(r#"{{ include "osm.namespace" . }}"#, &ns)
        .replace("{{.Values.osm.prometheus.port}}", &v.text("osm.prometheus.port"));
    vec![
        config_map("osm-grafana-config", json!({"grafana.ini": GRAFANA_INI})),
        config_map("osm-grafana-datasources", json!({"prometheus.yaml": datasources})),
        config_map(
            "osm-grafana-dashboard-definition-dataplane",
            json!({
                "osm-pod.json": dashboard(POD_TO_SERVICE),
                "osm-workload.json": dashboard(WORKLOAD_TO_SERVICE),
                "osm-service-to-service.json": dashboard(SERVICE_TO_SERVICE),
                "osm-data-plane-container.json": dashboard(DATA_PLANE_PERFORMANCE),
                "osm-workload-to-workload.json": dashboard(WORKLOAD_TO_WORKLOAD),
            }),
        ),
        config_map(
            "osm-grafana-dashboard-definition-controlplane",
            json!({
                "osm-control-plane.json": dashboard(CONTROL_PLANE),
                "osm-mesh-envoy-details.json": dashboard(&MESH_ENVOY_DETAILS.replace("${CONTROL_PLANE_NAMESPACE}", &ns)),
            }),
        ),
        config_map("osm-grafana-dashboards", json!({"dashboards.yaml": DASHBOARD_PROVIDERS})),
    ]
}
