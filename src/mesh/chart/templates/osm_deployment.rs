//! `templates/osm-deployment.yaml`: the osm-controller Deployment (and its fluent-bit sidecar).

use serde_json::{Map, Value, json};

use super::{certificate_args, probe, resources, wait_for_bootstrap};
use crate::mesh::chart::Scope;

pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    let ns = scope.namespace();
    let mut labels = vec![("app", json!("osm-controller")), ("meshName", v.plain("osm.meshName"))];
    if v.flag("osm.enforceSingleMesh") {
        labels.push(("enforceSingleMesh", json!("true")));
    }
    let mut args = vec![
        "--verbosity".to_string(),
        v.text("osm.controllerLogLevel"),
        "--osm-namespace".into(),
        ns.clone(),
        "--osm-version".into(),
        crate::mesh::chart::APP_VERSION.into(),
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

    let mut spec = Map::new();
    if v.flag("osm.osmController.affinity") {
        spec.insert("affinity".into(), v.value("osm.osmController.affinity"));
    }
    spec.insert("priorityClassName".into(), json!("system-node-critical"));
    spec.insert("serviceAccountName".into(), json!(scope.release.name));
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    spec.insert("initContainers".into(), json!([wait_for_bootstrap(scope, "init-osm-controller")]));
    spec.insert("containers".into(), Value::Array(containers));
    if v.flag("osm.enableFluentbit") {
        spec.insert(
            "volumes".into(),
            json!([
                {"name": "config", "configMap": {"name": "fluentbit-configmap"}},
                {"name": "var-log-containers", "hostPath": {"path": "/var/log/containers"}},
                {"name": "var-log-pods", "hostPath": {"path": "/var/log/pods"}},
                {"name": "var-lib-containers", "hostPath": {"path": "/var/lib/docker/containers"}},
            ]),
        );
    }
    scope.image_pull_secrets(&mut spec);
    for field in ["nodeSelector", "tolerations"] {
        let path = format!("osm.osmController.{field}");
        if v.flag(&path) {
            spec.insert(field.into(), v.value(&path));
        }
    }

    let mut deployment_spec = Map::new();
    if !v.flag("osm.osmController.autoScale.enable") {
        deployment_spec.insert("replicas".into(), v.plain("osm.osmController.replicaCount"));
    }
    deployment_spec.insert("selector".into(), json!({"matchLabels": {"app": "osm-controller"}}));
    deployment_spec.insert(
        "template".into(),
        json!({
            "metadata": {
                "labels": scope.pod_labels("osm-controller", Some("osm.osmController.podLabels")),
                "annotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "9091"},
            },
            "spec": spec,
        }),
    );
    vec![json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "osm-controller", "namespace": ns, "labels": scope.labels_with(&labels)},
        "spec": deployment_spec,
    })]
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
