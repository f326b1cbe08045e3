//! `templates/osm-deployment.yaml`: the osm-controller Deployment (and its fluent-bit sidecar).

use serde_json::{Map, Value, json};

use super::{Component, certificate_args, component_deployment, probe, resources, wait_for_bootstrap};
use crate::model::osm::chart::Scope;

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-deployment.yaml`.
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
        "--osm-service-account".into(),
        scope.release.name.clone(),
        "--mesh-name".into(),
        v.text("osm.meshName"),
        "--validator-webhook-config".into(),
        scope.validator_webhook_config_name(),
    ];
    args.extend(certificate_args(scope, true));
    args.push(format!("--validate-traffic-target={}", v.text("smi.validateTrafficTarget")));

    let controller = json!({
        "name": "osm-controller",
        "image": scope.image("osmController"),
        "imagePullPolicy": v.plain("osm.image.pullPolicy"),
        "ports": [
            {"name": "admin-port", "containerPort": 15000},
            {"name": "ads-port", "containerPort": 15128},
            {"name": "metrics", "containerPort": 9091},
        ],
        "command": ["/osm-controller"],
        "args": args,
        "resources": resources(scope, "osm.osmController.resource"),
        "readinessProbe": probe(1, "/health/ready"),
        "livenessProbe": probe(1, "/health/alive"),
        "env": [{"name": "CONTROLLER_POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
    });
    let mut containers = vec![controller];
    if v.flag("osm.enableFluentbit") {
        containers.push(fluentbit(scope));
    }

    let mut extra_labels = Vec::new();
    if v.flag("osm.enforceSingleMesh") {
        extra_labels.push(("enforceSingleMesh", json!("true")));
    }
    let volumes = v.flag("osm.enableFluentbit").then(|| {
        json!([
            {"name": "config", "configMap": {"name": "fluentbit-configmap"}},
            {"name": "var-log-containers", "hostPath": {"path": "/var/log/containers"}},
            {"name": "var-log-pods", "hostPath": {"path": "/var/log/pods"}},
            {"name": "var-lib-containers", "hostPath": {"path": "/var/lib/docker/containers"}},
        ])
    });
    vec![component_deployment(
        scope,
        Component {
            app: "osm-controller",
            values: "osm.osmController",
            autoscaled: true,
            labels: extra_labels,
            init_containers: Some(json!([wait_for_bootstrap(scope, "init-osm-controller")])),
            containers,
            volumes,
        },
    )]
}

/// The fluent-bit sidecar that ships the controller's logs.
fn fluentbit(scope: &Scope) -> Value {
    let v = scope.values;
    let mut env = Vec::new();
    if v.flag("osm.fluentBit.enableProxySupport") {
        for key in ["HTTP_PROXY", "HTTPS_PROXY"] {
            env.push(
                json!({"name": key, "valueFrom": {"secretKeyRef": {"name": "proxy-config", "key": key}}}),
            );
        }
    }
    env.push(json!({
        "name": "CONTROLLER_POD_NAME",
        "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}},
    }));
    let mut container = Map::new();
    container.insert("name".into(), v.plain("osm.fluentBit.name"));
    container.insert(
        "image".into(),
        json!(format!("{}/fluent-bit:{}", v.text("osm.fluentBit.registry"), v.text("osm.fluentBit.tag"))),
    );
    container.insert("imagePullPolicy".into(), v.plain("osm.fluentBit.pullPolicy"));
    container.insert("env".into(), Value::Array(env));
    if scope.restricted_security_context().is_some() {
        container
            .insert("securityContext".into(), json!({"runAsUser": 0, "capabilities": {"drop": ["ALL"]}}));
    }
    container.insert(
        "volumeMounts".into(),
        json!([
            {"name": "config", "mountPath": "/fluent-bit/etc", "readOnly": true},
            {"name": "var-log-containers", "mountPath": "/var/log/containers", "readOnly": true},
            {"name": "var-log-pods", "mountPath": "/var/log/pods", "readOnly": true},
            {"name": "var-lib-containers", "mountPath": "/var/lib/docker/containers", "readOnly": true},
        ]),
    );
    Value::Object(container)
}
