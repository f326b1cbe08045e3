//! `templates/osm-injector-deployment.yaml`: the sidecar injector Deployment.

use serde_json::{Map, Value, json};

use super::{certificate_args, probe, resources, wait_for_bootstrap};
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

    let mut spec = Map::new();
    if v.flag("osm.injector.affinity") {
        spec.insert("affinity".into(), v.value("osm.injector.affinity"));
    }
    spec.insert("priorityClassName".into(), json!("system-node-critical"));
    spec.insert("serviceAccountName".into(), json!(scope.release.name));
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    spec.insert("initContainers".into(), json!([wait_for_bootstrap(scope, "init-osm-injector")]));
    spec.insert("containers".into(), json!([injector]));
    scope.image_pull_secrets(&mut spec);
    for field in ["nodeSelector", "tolerations"] {
        let path = format!("osm.injector.{field}");
        if v.flag(&path) {
            spec.insert(field.into(), v.value(&path));
        }
    }

    let mut deployment_spec = Map::new();
    if !v.flag("osm.injector.autoScale.enable") {
        deployment_spec.insert("replicas".into(), v.plain("osm.injector.replicaCount"));
    }
    deployment_spec.insert("selector".into(), json!({"matchLabels": {"app": "osm-injector"}}));
    deployment_spec.insert(
        "template".into(),
        json!({
            "metadata": {
                "labels": scope.pod_labels("osm-injector", Some("osm.injector.podLabels")),
                "annotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "9091"},
            },
            "spec": spec,
        }),
    );
    vec![json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {
            "name": "osm-injector",
            "namespace": ns,
            "labels": scope.labels_with(&[("app", json!("osm-injector")), ("meshName", v.plain("osm.meshName"))]),
        },
        "spec": deployment_spec,
    })]
}
