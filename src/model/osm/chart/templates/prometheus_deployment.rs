//! `templates/prometheus-deployment.yaml`.

use serde_json::{Map, Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/prometheus-deployment.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployPrometheus") {
        return vec![];
    }
    let port = v.text("osm.prometheus.port");
    let mut spec = Map::new();
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    spec.insert(
        "containers".into(),
        json!([{
            "name": "prometheus",
            "ports": [{"containerPort": v.plain("osm.prometheus.port")}],
            "args": [
                "--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus/",
                format!("--storage.tsdb.retention.time={}", v.text("osm.prometheus.retention.time")),
                format!("--web.listen-address=:{port}"),
            ],
            "image": v.plain("osm.prometheus.image"),
            "imagePullPolicy": "IfNotPresent",
            "resources": super::resources(scope, "osm.prometheus.resources"),
            "volumeMounts": [
                {"mountPath": "/etc/prometheus/", "name": "prometheus-config-volume"},
                {"mountPath": "/prometheus/", "name": "prometheus-storage-volume"},
            ],
        }]),
    );
    spec.insert("serviceAccountName".into(), json!("osm-prometheus"));
    spec.insert(
        "volumes".into(),
        json!([
            {"name": "prometheus-config-volume", "configMap": {"defaultMode": 420, "name": "osm-prometheus-server-conf"}},
            {"name": "prometheus-storage-volume", "emptyDir": {}},
        ]),
    );
    scope.scheduling(&mut spec, "osm.prometheus");
    vec![json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": meta("osm-prometheus", &scope.namespace(), Value::Object(scope.labels())),
        "spec": {
            "replicas": 1,
            "strategy": {"type": "Recreate"},
            "selector": {"matchLabels": {"app": "osm-prometheus"}},
            "template": {
                "metadata": {"labels": scope.pod_labels("osm-prometheus", None)},
                "spec": spec,
            },
        },
    })]
}
