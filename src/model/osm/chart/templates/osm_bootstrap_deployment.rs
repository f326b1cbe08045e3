//! `templates/osm-bootstrap-deployment.yaml`: osm-bootstrap, which installs the CRDs' conversion
//! webhooks and creates the MeshConfig from the preset.

use serde_json::{Value, json};

use super::{Component, certificate_args, component_deployment, probe, resources};
use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-bootstrap-deployment.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    let ns = scope.namespace();
    let mut args = vec![
        "--verbosity".to_string(),
        v.text("osm.controllerLogLevel"),
        "--osm-namespace".into(),
        ns.clone(),
        "--osm-version".into(),
        crate::model::osm::chart::APP_VERSION.into(),
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

    vec![component_deployment(
        scope,
        Component {
            app: "osm-bootstrap",
            values: "osm.osmBootstrap",
            autoscaled: false,
            labels: vec![],
            init_containers: None,
            containers: vec![bootstrap],
            volumes: None,
        },
    )]
}
