//! One module per file of the chart's `templates/` folder, named after it. The hook templates
//! (`preinstall-hook.yaml`, `cleanup-hook.yaml`) have no module: osm does their work itself.

mod fluentbit_configmap;
mod grafana_configmap;
mod grafana_deployment;
mod grafana_rbac;
mod grafana_svc;
mod jaeger_deployment;
mod jaeger_rbac;
mod jaeger_service;
mod osm_bootstrap_deployment;
mod osm_bootstrap_service;
mod osm_controller_hpa;
mod osm_controller_pod_disruption_budget;
mod osm_deployment;
mod osm_injector_deployment;
mod osm_injector_hpa;
mod osm_injector_pod_disruption_budget;
mod osm_injector_service;
mod osm_rbac;
mod osm_service;
mod osm_validator_service;
mod preset_mesh_config;
mod preset_mesh_root_certificate;
mod prometheus_configmap;
mod prometheus_deployment;
mod prometheus_rbac;
mod prometheus_svc;
mod proxy_config;

use serde_json::{Map, Value, json};

use super::Scope;

type Template = fn(&Scope) -> Vec<Value>;

/// In the order `helm template` prints them: by kind (Helm's install order), then by file.
const TEMPLATES: [Template; 27] = [
    fluentbit_configmap::render,
    grafana_configmap::render,
    grafana_deployment::render,
    grafana_rbac::render,
    grafana_svc::render,
    jaeger_deployment::render,
    jaeger_rbac::render,
    jaeger_service::render,
    osm_bootstrap_deployment::render,
    osm_bootstrap_service::render,
    osm_controller_hpa::render,
    osm_controller_pod_disruption_budget::render,
    osm_deployment::render,
    osm_injector_deployment::render,
    osm_injector_hpa::render,
    osm_injector_pod_disruption_budget::render,
    osm_injector_service::render,
    osm_rbac::render,
    osm_service::render,
    osm_validator_service::render,
    preset_mesh_config::render,
    preset_mesh_root_certificate::render,
    prometheus_configmap::render,
    prometheus_deployment::render,
    prometheus_rbac::render,
    prometheus_svc::render,
    proxy_config::render,
];

/// Every template's objects in Helm's install order by kind; the sort is stable, so objects of one
/// kind keep the order of the template files, as `helm template` prints them.
pub(super) fn render_all(scope: &Scope) -> Vec<Value> {
    let mut objects: Vec<Value> = TEMPLATES.iter().flat_map(|t| t(scope)).collect();
    objects.sort_by_key(|o| install_order(o["kind"].as_str().unwrap_or("")));
    objects
}

/// Helm's `InstallOrder` (pkg/releaseutil/kind_sorter.go), for the kinds the chart renders.
fn install_order(kind: &str) -> usize {
    const ORDER: [&str; 14] = [
        "Namespace",
        "PodDisruptionBudget",
        "ServiceAccount",
        "Secret",
        "ConfigMap",
        "ClusterRole",
        "ClusterRoleBinding",
        "Role",
        "RoleBinding",
        "Service",
        "Deployment",
        "HorizontalPodAutoscaler",
        "Job",
        "MutatingWebhookConfiguration",
    ];
    ORDER.iter().position(|k| *k == kind).unwrap_or(ORDER.len())
}

/// A container's `resources` from `<path>.limits|requests.cpu|memory`, each quoted in the
/// chart (`cpu: "{{ ... }}"`), so always strings.
pub(super) fn resources(scope: &Scope, path: &str) -> Value {
    let q = |which: &str, what: &str| json!(scope.values.text(&format!("{path}.{which}.{what}")));
    json!({
        "limits": {"cpu": q("limits", "cpu"), "memory": q("limits", "memory")},
        "requests": {"cpu": q("requests", "cpu"), "memory": q("requests", "memory")},
    })
}

/// An HTTP probe on port 9091, as all three control-plane components declare them.
pub(super) fn probe(initial_delay: i64, path: &str) -> Value {
    json!({
        "initialDelaySeconds": initial_delay,
        "timeoutSeconds": 5,
        "httpGet": {"scheme": "HTTP", "path": path, "port": 9091},
    })
}

/// The init container that waits for osm-bootstrap before the controller or injector starts.
pub(super) fn wait_for_bootstrap(scope: &Scope, name: &str) -> Value {
    json!({
        "name": name,
        "image": scope.values.plain("osm.curlImage"),
        "command": [
            "curl",
            format!("http://osm-bootstrap.{}.svc.cluster.local:9091/healthz", scope.namespace()),
            "--connect-timeout", "2", "--retry", "50", "--retry-connrefused", "--retry-delay", "5",
        ],
    })
}

/// The arguments every component passes for its certificate provider; Vault's only with Vault.
/// `token_rule` is the controller's: it passes the token or the token's Secret, not both.
pub(super) fn certificate_args(scope: &Scope, controller: bool) -> Vec<String> {
    let v = scope.values;
    let mut args = vec![
        "--ca-bundle-secret-name".to_string(),
        v.text("osm.caBundleSecretName"),
        "--certificate-manager".into(),
        v.text("osm.certificateProvider.kind"),
        "--trust-domain".into(),
        v.text("osm.trustDomain"),
        format!("--enable-mesh-root-certificate={}", v.text("osm.featureFlags.enableMeshRootCertificate")),
    ];
    if v.text("osm.certificateProvider.kind") == "vault" {
        args.extend([
            "--vault-host".into(),
            v.text("osm.vault.host"),
            "--vault-port".into(),
            v.text("osm.vault.port"),
            "--vault-protocol".into(),
            v.text("osm.vault.protocol"),
        ]);
        let no_secret = !v.flag("osm.vault.secret.name") && !v.flag("osm.vault.secret.key");
        if !controller || no_secret {
            args.extend(["--vault-token".into(), v.text("osm.vault.token")]);
        }
        if !controller || !v.flag("osm.vault.token") {
            args.extend([
                "--vault-token-secret-name".into(),
                v.text("osm.vault.secret.name"),
                "--vault-token-secret-key".into(),
                v.text("osm.vault.secret.key"),
            ]);
        }
    }
    args.extend([
        "--cert-manager-issuer-name".into(),
        v.text("osm.certmanager.issuerName"),
        "--cert-manager-issuer-kind".into(),
        v.text("osm.certmanager.issuerKind"),
        "--cert-manager-issuer-group".into(),
        v.text("osm.certmanager.issuerGroup"),
        format!("--enable-reconciler={}", v.text("osm.enableReconciler")),
    ]);
    args
}

/// What differs between the three control-plane Deployments; the rest of their pod spec is the
/// same in the chart's three templates.
pub(super) struct Component<'a> {
    /// `app` label and Deployment name.
    pub app: &'a str,
    /// Where its values live, e.g. `osm.osmController`.
    pub values: &'a str,
    /// Whether `replicas` gives way to an autoscaler when `<values>.autoScale.enable` is on.
    pub autoscaled: bool,
    pub labels: Vec<(&'a str, Value)>,
    pub init_containers: Option<Value>,
    pub containers: Vec<Value>,
    pub volumes: Option<Value>,
}

/// A control-plane Deployment as `osm-deployment.yaml`, `osm-injector-deployment.yaml` and
/// `osm-bootstrap-deployment.yaml` each write it.
pub(super) fn component_deployment(scope: &Scope, c: Component) -> Value {
    let v = scope.values;
    let mut spec = Map::new();
    if v.flag(&format!("{}.affinity", c.values)) {
        spec.insert("affinity".into(), v.value(&format!("{}.affinity", c.values)));
    }
    spec.insert("priorityClassName".into(), json!("system-node-critical"));
    spec.insert("serviceAccountName".into(), json!(scope.release.name));
    if let Some(sc) = scope.restricted_security_context() {
        spec.insert("securityContext".into(), sc);
    }
    if let Some(init) = c.init_containers {
        spec.insert("initContainers".into(), init);
    }
    spec.insert("containers".into(), Value::Array(c.containers));
    if let Some(volumes) = c.volumes {
        spec.insert("volumes".into(), volumes);
    }
    scope.image_pull_secrets(&mut spec);
    for field in ["nodeSelector", "tolerations"] {
        let path = format!("{}.{field}", c.values);
        if v.flag(&path) {
            spec.insert(field.into(), v.value(&path));
        }
    }
    let mut deployment_spec = Map::new();
    if !(c.autoscaled && v.flag(&format!("{}.autoScale.enable", c.values))) {
        deployment_spec.insert("replicas".into(), v.plain(&format!("{}.replicaCount", c.values)));
    }
    deployment_spec.insert("selector".into(), json!({"matchLabels": {"app": c.app}}));
    deployment_spec.insert(
        "template".into(),
        json!({
            "metadata": {
                "labels": scope.pod_labels(c.app, Some(&format!("{}.podLabels", c.values))),
                "annotations": {"prometheus.io/scrape": "true", "prometheus.io/port": "9091"},
            },
            "spec": spec,
        }),
    );
    let mut labels = vec![("app", json!(c.app)), ("meshName", v.plain("osm.meshName"))];
    labels.extend(c.labels);
    json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": c.app, "namespace": scope.namespace(), "labels": scope.labels_with(&labels)},
        "spec": deployment_spec,
    })
}

/// An HPA of `deployment` from `<component>.autoScale`, at the API version the cluster serves.
pub(super) fn hpa(scope: &Scope, component: &str, deployment: &str) -> Vec<Value> {
    let v = scope.values;
    if !v.flag(&format!("{component}.autoScale.enable")) {
        return vec![];
    }
    let target = |what: &str| {
        json!({
            "type": "Resource",
            "resource": {
                "name": what,
                "target": {
                    "type": "Utilization",
                    "averageUtilization": v.plain(&format!("{component}.autoScale.{what}.targetAverageUtilization")),
                },
            },
        })
    };
    vec![json!({
        "apiVersion": scope.caps.newest(&["autoscaling/v2", "autoscaling/v2beta2"]),
        "kind": "HorizontalPodAutoscaler",
        // No labels, as in the chart: uninstall finds the autoscaler by its fixed name.
        "metadata": {"name": format!("{deployment}-hpa"), "namespace": scope.namespace()},
        "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": deployment},
            "minReplicas": v.plain(&format!("{component}.autoScale.minReplicas")),
            "maxReplicas": v.plain(&format!("{component}.autoScale.maxReplicas")),
            "metrics": [target("cpu"), target("memory")],
        },
    })]
}

/// A PDB keeping one pod of `app`, at the API version the cluster serves.
pub(super) fn pdb(scope: &Scope, component: &str, app: &str) -> Vec<Value> {
    if !scope.values.flag(&format!("{component}.enablePodDisruptionBudget")) {
        return vec![];
    }
    vec![json!({
        "apiVersion": scope.caps.newest(&["policy/v1", "policy/v1beta1"]),
        "kind": "PodDisruptionBudget",
        // Labelled `app` only, as in the chart: uninstall finds it by its fixed name.
        "metadata": {"name": format!("{app}-pdb"), "namespace": scope.namespace(), "labels": {"app": app}},
        "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": app}}},
    })]
}

/// Sprig's `mustToJson`: Go's encoding/json, which escapes `<`, `>` and `&` in strings.
pub(super) fn go_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("values serialize")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
