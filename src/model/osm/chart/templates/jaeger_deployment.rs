//! `templates/jaeger-deployment.yaml`.

use serde_json::{Map, Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/jaeger-deployment.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.deployJaeger") {
        return vec![];
    }
    let mut spec = Map::new();
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    spec.insert("serviceAccountName".into(), json!("jaeger"));
    spec.insert(
        "containers".into(),
        json!([{
            "name": "jaeger",
            "image": v.plain("osm.tracing.image"),
            "args": [format!("--collector.zipkin.host-port={}", v.text("osm.tracing.port"))],
            "imagePullPolicy": "IfNotPresent",
            "ports": [{"containerPort": v.plain("osm.tracing.port")}],
            "resources": {
                "limits": {"cpu": "500m", "memory": "512M"},
                "requests": {"cpu": "100m", "memory": "256M"},
            },
        }]),
    );
    scope.scheduling(&mut spec, "osm.tracing");
    vec![json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": meta("jaeger", &scope.namespace(), scope.labels_with(&[("app", json!("jaeger"))])),
        "spec": {
            "replicas": 1,
            "selector": {"matchLabels": {"app": "jaeger"}},
            "template": {"metadata": {"labels": scope.pod_labels("jaeger", None)}, "spec": spec},
        },
    })]
}
