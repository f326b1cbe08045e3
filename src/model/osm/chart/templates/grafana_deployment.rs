//! `templates/grafana-deployment.yaml`, with the image renderer when remote rendering is on.

use serde_json::{Map, Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/grafana-deployment.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployGrafana") {
        return vec![];
    }
    let mut grafana = json!({
        "name": "grafana",
        "image": v.plain("osm.grafana.image"),
        "imagePullPolicy": "IfNotPresent",
        "resources": {"limits": {"cpu": "500m", "memory": "128M"}, "requests": {"cpu": "100m", "memory": "64M"}},
        "volumeMounts": [
            {"name": "osm-grafana-config", "mountPath": "/etc/grafana/grafana.ini", "subPath": "grafana.ini"},
            {"name": "osm-grafana-storage", "mountPath": "/var/lib/grafana"},
            {"name": "osm-grafana-datasources", "mountPath": "/etc/grafana/provisioning/datasources", "readOnly": true},
            {"name": "osm-grafana-dashboards", "mountPath": "/etc/grafana/provisioning/dashboards", "readOnly": true},
            {
                "name": "osm-grafana-dashboard-definition-controlplane",
                "mountPath": "/etc/grafana/provisioning/dashboards/controlplane",
                "readOnly": true,
            },
            {
                "name": "osm-grafana-dashboard-definition-dataplane",
                "mountPath": "/etc/grafana/provisioning/dashboards/dataplane",
                "readOnly": true,
            },
        ],
        "ports": [{"containerPort": v.plain("osm.grafana.port")}],
    });
    let mut containers = Vec::new();
    if v.flag("osm.grafana.enableRemoteRendering") {
        grafana["env"] = json!([
            {"name": "GF_RENDERING_SERVER_URL", "value": "http://osm-grafana:8081/render"},
            {"name": "GF_RENDERING_CALLBACK_URL", "value": "http://osm-grafana:3000/"},
            {"name": "GF_LOG_FILTERS", "value": "rendering:debug"},
        ]);
        containers.push(grafana);
        containers.push(json!({
            "name": "renderer",
            "image": v.plain("osm.grafana.rendererImage"),
            "imagePullPolicy": "IfNotPresent",
            "resources": {"limits": {"cpu": 1, "memory": "256M"}, "requests": {"cpu": "100m", "memory": "64M"}},
            "ports": [{"containerPort": 8081}],
            "env": [
                {"name": "ENABLE_METRICS", "value": "true"},
                {"name": "RENDERING_MODE", "value": "clustered"},
                {"name": "RENDERING_CLUSTERING_MODE", "value": "context"},
                {"name": "RENDERING_CLUSTERING_MAX_CONCURRENCY", "value": "5"},
            ],
        }));
    } else {
        containers.push(grafana);
    }
    let mut spec = Map::new();
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    spec.insert("serviceAccountName".into(), json!("osm-grafana"));
    spec.insert("containers".into(), Value::Array(containers));
    let config_volume = |name: &str| json!({"name": name, "configMap": {"name": name}});
    spec.insert(
        "volumes".into(),
        json!([
            config_volume("osm-grafana-config"),
            config_volume("osm-grafana-datasources"),
            config_volume("osm-grafana-dashboards"),
            config_volume("osm-grafana-dashboard-definition-controlplane"),
            config_volume("osm-grafana-dashboard-definition-dataplane"),
            {"name": "osm-grafana-storage", "emptyDir": {}},
        ]),
    );
    scope.scheduling(&mut spec, "osm.grafana");
    vec![json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": meta("osm-grafana", &scope.namespace(), scope.labels_with(&[("app", json!("osm-grafana"))])),
        "spec": {
            "replicas": 1,
            "selector": {"matchLabels": {"app": "osm-grafana"}},
            "strategy": {"type": "RollingUpdate"},
            "template": {"metadata": {"labels": scope.pod_labels("osm-grafana", None)}, "spec": spec},
        },
    })]
}
