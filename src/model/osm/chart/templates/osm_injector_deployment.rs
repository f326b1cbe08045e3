//! `templates/osm-injector-deployment.yaml`: the sidecar injector Deployment.

use serde_json::{Value, json};

use super::{Component, certificate_args, component_deployment, probe, resources, wait_for_bootstrap};
use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-injector-deployment.yaml`.
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
        "--mesh-name".into(),
        v.text("osm.meshName"),
        "--webhook-config-name".into(),
        format!("{}-{}", v.text("osm.webhookConfigNamePrefix"), v.text("osm.meshName")),
        "--webhook-timeout".into(),
        v.text("osm.injector.webhookTimeoutSeconds"),
    ];
    args.extend(certificate_args(scope, false));
    args.push(format!("--osm-container-pull-policy={}", v.text("osm.image.pullPolicy")));

    let injector = json!({
        "name": "osm-injector",
        "image": scope.image("osmInjector"),
        "imagePullPolicy": v.plain("osm.image.pullPolicy"),
        "ports": [
            {"name": "sidecar-inject", "containerPort": 9090},
            {"name": "metrics", "containerPort": 9091},
        ],
        "command": ["/osm-injector"],
        "args": args,
        "resources": resources(scope, "osm.injector.resource"),
        "readinessProbe": probe(5, "/healthz"),
        "livenessProbe": probe(5, "/healthz"),
        "env": [
            {"name": "INJECTOR_POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
            {"name": "OSM_DEFAULT_ENVOY_IMAGE", "value": v.text("osm.sidecarImage")},
            {"name": "OSM_DEFAULT_ENVOY_WINDOWS_IMAGE", "value": v.text("osm.sidecarWindowsImage")},
            {"name": "OSM_DEFAULT_INIT_CONTAINER_IMAGE", "value": scope.image("osmSidecarInit")},
            {"name": "OSM_DEFAULT_HEALTHCHECK_CONTAINER_IMAGE", "value": scope.image("osmHealthcheck")},
        ],
    });

    vec![component_deployment(
        scope,
        Component {
            app: "osm-injector",
            values: "osm.injector",
            autoscaled: true,
            labels: vec![],
            init_containers: Some(json!([wait_for_bootstrap(scope, "init-osm-injector")])),
            containers: vec![injector],
            volumes: None,
        },
    )]
}
