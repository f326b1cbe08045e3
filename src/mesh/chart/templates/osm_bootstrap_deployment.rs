//! `templates/osm-bootstrap-deployment.yaml`: osm-bootstrap, which installs the CRDs' conversion
//! webhooks and creates the MeshConfig from the preset.

use serde_json::{Map, Value, json};

use super::{certificate_args, probe, resources};
use crate::mesh::chart::Scope;

pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    let ns = scope.namespace();
    let mut args = vec![
        "--verbosity".to_string(),
        v.text("osm.controllerLogLevel"),
        "--osm-namespace".into(),
        ns.clone(),
        "--osm-version".into(),
        crate::mesh::chart::APP_VERSION.into(),
    ];
    args.extend(certificate_args(scope, false));

    let bootstrap = json!({
        "name": "osm-bootstrap",
        "image": scope.image("osmBootstrap"),
        "imagePullPolicy": v.plain("osm.image.pullPolicy"),
        "ports": [
            {"name": "crdconversion", "containerPort": 9443},
            {"name": "metrics", "containerPort": 9091},
        ],
        "command": ["/osm-bootstrap"],
        "args": args,
        "resources": resources(scope, "osm.osmBootstrap.resource"),
        "readinessProbe": probe(5, "/healthz"),
        "livenessProbe": probe(5, "/healthz"),
        "env": [{"name": "BOOTSTRAP_POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
    });

    let mut spec = Map::new();
    if v.flag("osm.osmBootstrap.affinity") {
        spec.insert("affinity".into(), v.value("osm.osmBootstrap.affinity"));
    }
    spec.insert("priorityClassName".into(), json!("system-node-critical"));
    spec.insert("serviceAccountName".into(), json!(scope.release.name));
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    spec.insert("containers".into(), json!([bootstrap]));
    scope.image_pull_secrets(&mut spec);
    for field in ["nodeSelector", "tolerations"] {
        let path = format!("osm.osmBootstrap.{field}");
        if v.flag(&path) {
            spec.insert(field.into(), v.value(&path));
        }
    }
    vec![json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {
            "name": "osm-bootstrap",
            "namespace": ns,
            "labels": scope.labels_with(&[("app", json!("osm-bootstrap")), ("meshName", v.plain("osm.meshName"))]),
        },
        "spec": {
            "replicas": v.plain("osm.osmBootstrap.replicaCount"),
            "selector": {"matchLabels": {"app": "osm-bootstrap"}},
            "template": {
                "metadata": {
                    "labels": scope.pod_labels("osm-bootstrap", Some("osm.osmBootstrap.podLabels")),
                    "annotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "9091"},
                },
                "spec": spec,
            },
        },
    })]
}
