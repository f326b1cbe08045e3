//! Renders the control plane from values into Kubernetes objects: what the OSM v1.2 chart
//! installs, built from typed k8s-openapi structs (so a typo is a compile error, not a broken
//! manifest), then turned into JSON for server-side apply.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{Deployment, DeploymentSpec, DeploymentStrategy};
use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec,
    MetricTarget, ResourceMetricSource,
};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapVolumeSource, Container, ContainerPort, EmptyDirVolumeSource, EnvVar, EnvVarSource,
    HTTPGetAction, Namespace, ObjectFieldSelector, PodSpec, PodTemplateSpec, Probe, ResourceRequirements,
    Service, ServiceAccount, ServicePort, ServiceSpec, Toleration, Volume, VolumeMount,
};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, PolicyRule, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde::Serialize;
use serde_json::Value;

use super::keys::*;
use super::meshconfig::{
    CertificateSpec, ExternalAuthorization, FeatureFlags, MeshConfig, MeshConfigSpec, ObservabilitySpec,
    SidecarSpec, TracingSpec, TrafficSpec,
};
use super::values::{self, Component as ComponentValues, Resources, Values};

/// The API versions to render PodDisruptionBudgets and autoscalers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiVersions {
    pub pdb: String,
    pub hpa: String,
}

impl Default for ApiVersions {
    /// The newest versions, used when there is no cluster to ask (`--dry-run`).
    fn default() -> Self {
        ApiVersions { pdb: "policy/v1".into(), hpa: "autoscaling/v2".into() }
    }
}

/// A Deployment install waits for, and how progress names it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ComponentRef {
    pub title: String,
    pub deployment: String,
}

/// Everything an install puts into the cluster.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub namespace: String,
    pub mesh_name: String,
    /// CustomResourceDefinitions, applied first.
    pub crds: Vec<Value>,
    /// Everything else osm owns, applied after the CRDs.
    pub objects: Vec<Value>,
    /// Created when absent, never overwritten: users' edits survive.
    pub mesh_config: Value,
    pub components: Vec<ComponentRef>,
}

impl Rendered {
    /// Every object, in apply order, for `--dry-run`.
    pub fn all(&self) -> Vec<Value> {
        self.crds
            .iter()
            .chain(self.objects.iter())
            .chain(std::iter::once(&self.mesh_config))
            .cloned()
            .collect()
    }
}

pub const PRESET_MESH_CONFIG: &str = "preset-mesh-config";
pub const CONTROLLER_PORTS: [(&str, i32); 3] = [("ads", 15128), ("debug", 9092), ("health", 9091)];

/// The name of the ConfigMap recording an install.
pub fn record_name(mesh: &str) -> String {
    format!("osm-install-{mesh}")
}

fn json<T: Serialize>(obj: &T) -> Value {
    serde_json::to_value(obj).expect("typed Kubernetes objects serialize")
}

struct Ctx<'a> {
    v: &'a Values,
    ns: &'a str,
    mesh: &'a str,
}

impl Ctx<'_> {
    fn labels(&self, app: Option<&str>) -> BTreeMap<String, String> {
        let mut labels = BTreeMap::from([
            (APP_NAME_LABEL.to_string(), APP_NAME_VALUE.to_string()),
            (APP_INSTANCE_LABEL.to_string(), self.mesh.to_string()),
            (APP_VERSION_LABEL.to_string(), self.v.osm.image.tag.clone()),
        ]);
        if let Some(app) = app {
            labels.insert(APP_LABEL.into(), app.into());
        }
        labels
    }

    fn meta(&self, name: &str, namespaced: bool, app: Option<&str>) -> ObjectMeta {
        ObjectMeta {
            name: Some(name.into()),
            namespace: namespaced.then(|| self.ns.to_string()),
            labels: Some(self.labels(app)),
            ..Default::default()
        }
    }
}

/// Renders the control plane for `values` into `namespace`.
pub fn render(values: &Values, namespace: &str, versions: &ApiVersions) -> Rendered {
    let c = Ctx { v: values, ns: namespace, mesh: &values.osm.mesh_name };
    let mut objects = Vec::new();
    let mut components = Vec::new();

    objects.push(json(&Namespace {
        metadata: ObjectMeta { name: Some(namespace.into()), ..Default::default() },
        ..Default::default()
    }));
    objects.extend(rbac(&c, c.mesh, None, control_plane_rules()));
    objects.push(json(&ConfigMap {
        metadata: c.meta(PRESET_MESH_CONFIG, true, None),
        data: Some(BTreeMap::from([(
            "preset-mesh-config.json".to_string(),
            serde_json::to_string_pretty(&mesh_config_spec(values, namespace)).expect("spec serializes"),
        )])),
        ..Default::default()
    }));

    let o = &values.osm;
    let controller = control_plane_deployment(
        &c,
        CONTROLLER_APP,
        &o.osm_controller,
        values.image(&o.image.name.osm_controller, &o.image.digest.osm_controller),
        controller_args(&c),
        &CONTROLLER_PORTS,
        9091,
    );
    objects.push(json(&controller));
    objects.push(json(&service(&c, CONTROLLER_APP, &CONTROLLER_PORTS)));
    components.push(ComponentRef { title: "OSM controller".into(), deployment: CONTROLLER_APP.into() });

    let injector_values = ComponentValues {
        replica_count: o.injector.replica_count,
        resource: o.injector.resource.clone(),
        pod_labels: o.injector.pod_labels.clone(),
        enable_pod_disruption_budget: o.injector.enable_pod_disruption_budget,
        auto_scale: o.injector.auto_scale.clone(),
    };
    let injector_ports = [("sidecar-inject", 9090), ("health", 9091)];
    objects.push(json(&control_plane_deployment(
        &c,
        INJECTOR_APP,
        &injector_values,
        values.image(&o.image.name.osm_injector, &o.image.digest.osm_injector),
        injector_args(&c),
        &injector_ports,
        9090,
    )));
    objects.push(json(&service(&c, INJECTOR_APP, &[("sidecar-inject", 9090)])));
    components.push(ComponentRef { title: "OSM injector".into(), deployment: INJECTOR_APP.into() });

    let bootstrap_values = ComponentValues {
        replica_count: o.osm_bootstrap.replica_count,
        resource: o.osm_bootstrap.resource.clone(),
        pod_labels: o.osm_bootstrap.pod_labels.clone(),
        enable_pod_disruption_budget: false,
        // The chart has no autoscaler for osm-bootstrap: it always runs its replicaCount.
        auto_scale: values::AutoScale { enable: false, ..o.injector.auto_scale.clone() },
    };
    let bootstrap_ports = [("crdconversion", 9443), ("health", 9091)];
    objects.push(json(&control_plane_deployment(
        &c,
        BOOTSTRAP_APP,
        &bootstrap_values,
        values.image(&o.image.name.osm_bootstrap, &o.image.digest.osm_bootstrap),
        bootstrap_args(&c),
        &bootstrap_ports,
        9091,
    )));
    objects.push(json(&service(&c, BOOTSTRAP_APP, &bootstrap_ports)));
    components.push(ComponentRef { title: "OSM bootstrap".into(), deployment: BOOTSTRAP_APP.into() });

    for (app, component) in [(CONTROLLER_APP, &o.osm_controller), (INJECTOR_APP, &injector_values)] {
        if component.enable_pod_disruption_budget {
            objects.push(pdb(&c, app, &versions.pdb));
        }
        if component.auto_scale.enable {
            objects.push(hpa(&c, app, component, &versions.hpa));
        }
    }

    if o.deploy_prometheus {
        objects.extend(prometheus(&c));
        components.push(ComponentRef { title: "Prometheus".into(), deployment: "osm-prometheus".into() });
    }
    if o.deploy_grafana {
        objects.extend(grafana(&c));
        components.push(ComponentRef { title: "Grafana".into(), deployment: "osm-grafana".into() });
    }
    if o.deploy_jaeger {
        objects.extend(jaeger(&c));
        components.push(ComponentRef { title: "Jaeger".into(), deployment: "jaeger".into() });
    }

    let crds = super::crds::all()
        .into_iter()
        .map(|mut crd| {
            crd.metadata.labels.get_or_insert_with(Default::default).extend(c.labels(None));
            json(&crd)
        })
        .collect();

    let mesh_config = MeshConfig {
        metadata: ObjectMeta {
            name: Some(MESH_CONFIG_NAME.into()),
            namespace: Some(namespace.into()),
            labels: Some(c.labels(None)),
            ..Default::default()
        },
        spec: mesh_config_spec(values, namespace),
    };
    Rendered {
        namespace: namespace.into(),
        mesh_name: c.mesh.into(),
        crds,
        objects,
        mesh_config: json(&mesh_config),
        components,
    }
}

/// The MeshConfig spec the values describe (the chart's `preset-mesh-config`).
pub fn mesh_config_spec(values: &Values, namespace: &str) -> MeshConfigSpec {
    let o = &values.osm;
    MeshConfigSpec {
        sidecar: Some(SidecarSpec {
            enable_privileged_init_container: Some(o.enable_privileged_init_container),
            log_level: Some(o.envoy_log_level.clone()),
            max_data_plane_connections: Some(o.max_data_plane_connections),
            envoy_image: Some(o.sidecar_image.clone()),
            envoy_windows_image: Some(o.sidecar_windows_image.clone()),
            init_container_image: Some(
                values.image(&o.image.name.osm_sidecar_init, &o.image.digest.osm_sidecar_init),
            ),
            config_resync_interval: Some(o.config_resync_interval.clone()),
            local_proxy_mode: Some(o.local_proxy_mode.clone()),
            tls_min_protocol_version: Some("TLSv1_2".into()),
            tls_max_protocol_version: Some("TLSv1_3".into()),
            ..Default::default()
        }),
        traffic: Some(TrafficSpec {
            enable_egress: Some(o.enable_egress),
            enable_permissive_traffic_policy_mode: Some(o.enable_permissive_traffic_policy),
            outbound_ip_range_exclusion_list: Some(o.outbound_ip_range_exclusion_list.clone()),
            outbound_ip_range_inclusion_list: Some(o.outbound_ip_range_inclusion_list.clone()),
            outbound_port_exclusion_list: Some(o.outbound_port_exclusion_list.clone()),
            inbound_port_exclusion_list: Some(o.inbound_port_exclusion_list.clone()),
            network_interface_exclusion_list: Some(o.network_interface_exclusion_list.clone()),
            inbound_external_authorization: Some(ExternalAuthorization {
                enable: Some(false),
                stat_prefix: Some("inboundExtAuthz".into()),
                timeout: Some("1s".into()),
                failure_mode_allow: Some(false),
                ..Default::default()
            }),
        }),
        observability: Some(ObservabilitySpec {
            osm_log_level: Some(o.controller_log_level.clone()),
            enable_debug_server: Some(o.enable_debug_server),
            tracing: Some(TracingSpec {
                enable: Some(o.tracing.enable),
                address: Some(values.tracing_address(namespace)),
                port: Some(o.tracing.port),
                endpoint: Some(o.tracing.endpoint.clone()),
            }),
        }),
        certificate: Some(CertificateSpec {
            service_cert_validity_duration: Some(
                o.certificate_provider.service_cert_validity_duration.clone(),
            ),
            cert_key_bit_size: Some(o.certificate_provider.cert_key_bit_size),
            ingress_gateway: None,
        }),
        feature_flags: Some(FeatureFlags {
            enable_wasm_stats: Some(o.feature_flags.enable_wasm_stats),
            enable_egress_policy: Some(o.feature_flags.enable_egress_policy),
            enable_multicluster_mode: Some(o.feature_flags.enable_multicluster_mode),
            enable_snapshot_cache_mode: Some(o.feature_flags.enable_snapshot_cache_mode),
            enable_async_proxy_service_mapping: Some(o.feature_flags.enable_async_proxy_service_mapping),
            enable_ingress_backend_policy: Some(o.feature_flags.enable_ingress_backend_policy),
            enable_envoy_active_health_checks: Some(o.feature_flags.enable_envoy_active_health_checks),
            enable_retry_policy: Some(o.feature_flags.enable_retry_policy),
        }),
    }
}

fn common_args(c: &Ctx) -> Vec<String> {
    vec![
        "--verbosity".into(),
        c.v.osm.controller_log_level.clone(),
        "--osm-namespace".into(),
        c.ns.into(),
        "--osm-version".into(),
        c.v.osm.image.tag.clone(),
        "--ca-bundle-secret-name".into(),
        c.v.osm.ca_bundle_secret_name.clone(),
        "--certificate-manager".into(),
        c.v.osm.certificate_provider.kind.clone(),
        format!("--enable-reconciler={}", c.v.osm.enable_reconciler),
    ]
}

fn controller_args(c: &Ctx) -> Vec<String> {
    let mut args = common_args(c);
    args.extend([
        "--mesh-name".into(),
        c.mesh.into(),
        "--osm-service-account".into(),
        c.mesh.into(),
        "--osm-config-name".into(),
        MESH_CONFIG_NAME.into(),
        "--validator-webhook-config".into(),
        validator_webhook_name(c),
        format!("--validate-traffic-target={}", c.v.smi.validate_traffic_target),
        "--cert-manager-issuer-name".into(),
        c.v.osm.certmanager.issuer_name.clone(),
        "--cert-manager-issuer-kind".into(),
        c.v.osm.certmanager.issuer_kind.clone(),
        "--cert-manager-issuer-group".into(),
        c.v.osm.certmanager.issuer_group.clone(),
    ]);
    args
}

fn injector_args(c: &Ctx) -> Vec<String> {
    let mut args = common_args(c);
    args.extend([
        "--mesh-name".into(),
        c.mesh.into(),
        "--webhook-config-name".into(),
        format!("{}-{}", c.v.osm.webhook_config_name_prefix, c.mesh),
        "--osm-config-name".into(),
        MESH_CONFIG_NAME.into(),
        "--webhook-timeout".into(),
        c.v.osm.injector.webhook_timeout_seconds.to_string(),
    ]);
    args
}

fn bootstrap_args(c: &Ctx) -> Vec<String> {
    let mut args = common_args(c);
    args.extend([
        "--osm-mesh-config-name".into(),
        MESH_CONFIG_NAME.into(),
        "--crd-conversion-webhook-port".into(),
        "9443".into(),
    ]);
    args
}

fn validator_webhook_name(c: &Ctx) -> String {
    let configured = &c.v.osm.validator_webhook.webhook_configuration_name;
    if configured.is_empty() { format!("osm-validator-mesh-{}", c.mesh) } else { configured.clone() }
}

fn quantities(map: &BTreeMap<String, String>) -> BTreeMap<String, Quantity> {
    map.iter().map(|(k, v)| (k.clone(), Quantity(v.clone()))).collect()
}

fn resources(r: &Resources) -> ResourceRequirements {
    ResourceRequirements {
        limits: Some(quantities(&r.limits)),
        requests: Some(quantities(&r.requests)),
        ..Default::default()
    }
}

fn selector(app: &str) -> LabelSelector {
    LabelSelector {
        match_labels: Some(BTreeMap::from([(APP_LABEL.into(), app.into())])),
        ..Default::default()
    }
}

fn container_ports(ports: &[(&str, i32)]) -> Vec<ContainerPort> {
    ports
        .iter()
        .map(|(name, port)| ContainerPort {
            name: Some((*name).into()),
            container_port: *port,
            // Server-side apply on older servers needs the list key spelled out.
            protocol: Some("TCP".into()),
            ..Default::default()
        })
        .collect()
}

fn namespace_env() -> EnvVar {
    EnvVar {
        name: "POD_NAMESPACE".into(),
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                field_path: "metadata.namespace".into(),
                ..Default::default()
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn tolerations(c: &Ctx) -> Option<Vec<Toleration>> {
    if c.v.osm.control_plane_tolerations.is_empty() {
        return None;
    }
    serde_json::from_value(Value::Array(c.v.osm.control_plane_tolerations.clone())).ok()
}

fn image_pull_secrets(c: &Ctx) -> Option<Vec<k8s_openapi::api::core::v1::LocalObjectReference>> {
    if c.v.osm.image_pull_secrets.is_empty() {
        return None;
    }
    serde_json::from_value(Value::Array(c.v.osm.image_pull_secrets.clone())).ok()
}

fn control_plane_deployment(
    c: &Ctx,
    app: &str,
    values: &ComponentValues,
    image: String,
    args: Vec<String>,
    ports: &[(&str, i32)],
    health_port: i32,
) -> Deployment {
    let mut metadata = c.meta(app, true, Some(app));
    let labels = metadata.labels.get_or_insert_with(Default::default);
    labels.insert(MESH_NAME_LABEL.into(), c.mesh.into());
    if app == CONTROLLER_APP {
        labels.insert(ENFORCE_SINGLE_MESH_LABEL.into(), c.v.osm.enforce_single_mesh.to_string());
    }
    let mut pod_labels = c.labels(Some(app));
    pod_labels.insert(MESH_NAME_LABEL.into(), c.mesh.into());
    pod_labels.extend(values.pod_labels.clone());
    let probe = |path: &str| Probe {
        http_get: Some(HTTPGetAction {
            path: Some(path.into()),
            port: IntOrString::Int(health_port),
            scheme: Some(if app == INJECTOR_APP { "HTTPS".into() } else { "HTTP".into() }),
            ..Default::default()
        }),
        initial_delay_seconds: Some(1),
        timeout_seconds: Some(5),
        ..Default::default()
    };
    let health_path = if app == INJECTOR_APP { "/healthz" } else { "/health" };
    Deployment {
        metadata,
        spec: Some(DeploymentSpec {
            replicas: (!values.auto_scale.enable).then_some(values.replica_count),
            selector: selector(app),
            strategy: Some(DeploymentStrategy { type_: Some("RollingUpdate".into()), ..Default::default() }),
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    annotations: Some(BTreeMap::from([
                        (PROMETHEUS_SCRAPE_ANNOTATION.into(), "true".into()),
                        (PROMETHEUS_PORT_ANNOTATION.into(), "9091".into()),
                    ])),
                    ..Default::default()
                }),
                spec: Some(PodSpec {
                    service_account_name: Some(c.mesh.into()),
                    priority_class_name: Some("system-node-critical".into()),
                    tolerations: tolerations(c),
                    image_pull_secrets: image_pull_secrets(c),
                    containers: vec![Container {
                        name: app.into(),
                        image: Some(image),
                        image_pull_policy: Some(c.v.osm.image.pull_policy.clone()),
                        command: Some(vec![format!("/{app}")]),
                        args: Some(args),
                        ports: Some(container_ports(ports)),
                        resources: Some(resources(&values.resource)),
                        env: Some(vec![namespace_env()]),
                        readiness_probe: Some(probe(&format!("{health_path}/ready"))),
                        liveness_probe: Some(probe(&format!("{health_path}/alive"))),
                        ..Default::default()
                    }],
                    ..Default::default()
                }),
            },
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn service(c: &Ctx, app: &str, ports: &[(&str, i32)]) -> Service {
    Service {
        metadata: c.meta(app, true, Some(app)),
        spec: Some(ServiceSpec {
            selector: Some(BTreeMap::from([(APP_LABEL.into(), app.into())])),
            ports: Some(
                ports
                    .iter()
                    .map(|(name, port)| ServicePort {
                        name: Some((*name).into()),
                        port: *port,
                        target_port: Some(IntOrString::Int(*port)),
                        protocol: Some("TCP".into()),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn pdb(c: &Ctx, app: &str, api_version: &str) -> Value {
    let mut obj = json(&PodDisruptionBudget {
        metadata: c.meta(&format!("{app}-pdb"), true, Some(app)),
        spec: Some(PodDisruptionBudgetSpec {
            min_available: Some(IntOrString::Int(1)),
            selector: Some(selector(app)),
            ..Default::default()
        }),
        ..Default::default()
    });
    // policy/v1beta1 has the same shape for these fields.
    obj["apiVersion"] = Value::String(api_version.into());
    obj
}

fn hpa(c: &Ctx, app: &str, values: &ComponentValues, api_version: &str) -> Value {
    let metric = |name: &str, percent: i32| MetricSpec {
        type_: "Resource".into(),
        resource: Some(ResourceMetricSource {
            name: name.into(),
            target: MetricTarget {
                type_: "Utilization".into(),
                average_utilization: Some(percent),
                ..Default::default()
            },
        }),
        ..Default::default()
    };
    let mut obj = json(&HorizontalPodAutoscaler {
        metadata: c.meta(&format!("{app}-hpa"), true, Some(app)),
        spec: Some(HorizontalPodAutoscalerSpec {
            scale_target_ref: CrossVersionObjectReference {
                api_version: Some("apps/v1".into()),
                kind: "Deployment".into(),
                name: app.into(),
            },
            min_replicas: Some(values.auto_scale.min_replicas),
            max_replicas: values.auto_scale.max_replicas,
            metrics: Some(vec![
                metric("cpu", values.auto_scale.cpu.target_average_utilization),
                metric("memory", values.auto_scale.memory.target_average_utilization),
            ]),
            ..Default::default()
        }),
        ..Default::default()
    });
    // autoscaling/v2beta2 has the same shape for these fields.
    obj["apiVersion"] = Value::String(api_version.into());
    obj
}

fn rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> PolicyRule {
    PolicyRule {
        api_groups: Some(groups.iter().map(|s| s.to_string()).collect()),
        resources: Some(resources.iter().map(|s| s.to_string()).collect()),
        verbs: verbs.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

const READ: &[&str] = &["get", "list", "watch"];
const WRITE: &[&str] = &["get", "list", "watch", "create", "update", "patch", "delete"];

fn control_plane_rules() -> Vec<PolicyRule> {
    vec![
        rule(&["apps"], &["daemonsets", "deployments", "replicasets", "statefulsets"], READ),
        rule(&["batch"], &["jobs"], READ),
        rule(
            &[""],
            &["endpoints", "namespaces", "pods", "services", "serviceaccounts", "nodes", "configmaps"],
            READ,
        ),
        rule(&[""], &["secrets"], WRITE),
        rule(&[""], &["events"], &["create", "patch", "watch"]),
        rule(&["discovery.k8s.io"], &["endpointslices"], READ),
        rule(&["networking.k8s.io"], &["ingresses"], READ),
        rule(&["authentication.k8s.io"], &["tokenreviews"], &["create"]),
        rule(
            &["admissionregistration.k8s.io"],
            &["mutatingwebhookconfigurations", "validatingwebhookconfigurations"],
            WRITE,
        ),
        rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            &["get", "list", "watch", "update", "patch"],
        ),
        rule(
            &["config.openservicemesh.io"],
            &["meshconfigs", "meshrootcertificates", "meshrootcertificates/status"],
            &["get", "list", "watch", "create", "update", "patch"],
        ),
        rule(&["split.smi-spec.io"], &["trafficsplits"], READ),
        rule(&["access.smi-spec.io"], &["traffictargets"], READ),
        rule(&["specs.smi-spec.io"], &["httproutegroups", "tcproutes"], READ),
        rule(
            &["policy.openservicemesh.io"],
            &["egresses", "ingressbackends", "retries", "upstreamtrafficsettings"],
            READ,
        ),
        rule(
            &["policy.openservicemesh.io"],
            &["ingressbackends/status", "upstreamtrafficsettings/status"],
            &["update", "patch"],
        ),
    ]
}

/// A ServiceAccount in the control-plane namespace and a ClusterRole and binding for it. The
/// cluster-wide names carry the mesh name so that two meshes never share them.
fn rbac(c: &Ctx, account: &str, app: Option<&str>, rules: Vec<PolicyRule>) -> Vec<Value> {
    let cluster_name = if account == c.mesh { c.mesh.to_string() } else { format!("{}-{account}", c.mesh) };
    vec![
        json(&ServiceAccount { metadata: c.meta(account, true, app), ..Default::default() }),
        json(&ClusterRole {
            metadata: c.meta(&cluster_name, false, app),
            rules: Some(rules),
            ..Default::default()
        }),
        json(&ClusterRoleBinding {
            metadata: c.meta(&cluster_name, false, app),
            role_ref: RoleRef {
                api_group: "rbac.authorization.k8s.io".into(),
                kind: "ClusterRole".into(),
                name: cluster_name.clone(),
            },
            subjects: Some(vec![Subject {
                kind: "ServiceAccount".into(),
                name: account.into(),
                namespace: Some(c.ns.into()),
                ..Default::default()
            }]),
        }),
    ]
}

struct AddOn<'a> {
    app: &'a str,
    image: String,
    args: Vec<String>,
    ports: Vec<(&'a str, i32)>,
    resources: Option<ResourceRequirements>,
    mounts: Vec<(&'a str, &'a str, Option<&'a str>)>,
    env: Vec<EnvVar>,
}

fn addon_deployment(c: &Ctx, a: AddOn) -> Deployment {
    let volumes = a
        .mounts
        .iter()
        .map(|(name, _, config_map)| Volume {
            name: (*name).into(),
            config_map: config_map.map(|cm| ConfigMapVolumeSource { name: cm.into(), ..Default::default() }),
            empty_dir: config_map.is_none().then(EmptyDirVolumeSource::default),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    let mounts = a
        .mounts
        .iter()
        .map(|(name, path, _)| VolumeMount {
            name: (*name).into(),
            mount_path: (*path).into(),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    Deployment {
        metadata: c.meta(a.app, true, Some(a.app)),
        spec: Some(DeploymentSpec {
            replicas: Some(1),
            selector: selector(a.app),
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta { labels: Some(c.labels(Some(a.app))), ..Default::default() }),
                spec: Some(PodSpec {
                    service_account_name: Some(a.app.into()),
                    tolerations: tolerations(c),
                    containers: vec![Container {
                        name: a.app.into(),
                        image: Some(a.image),
                        image_pull_policy: Some("IfNotPresent".into()),
                        args: (!a.args.is_empty()).then_some(a.args),
                        ports: Some(container_ports(&a.ports)),
                        resources: a.resources,
                        volume_mounts: (!mounts.is_empty()).then_some(mounts),
                        env: (!a.env.is_empty()).then_some(a.env),
                        ..Default::default()
                    }],
                    volumes: (!volumes.is_empty()).then_some(volumes),
                    ..Default::default()
                }),
            },
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn config_map(c: &Ctx, name: &str, app: &str, data: &[(&str, String)]) -> Value {
    json(&ConfigMap {
        metadata: c.meta(name, true, Some(app)),
        data: Some(data.iter().map(|(k, v)| ((*k).to_string(), v.clone())).collect()),
        ..Default::default()
    })
}

fn prometheus(c: &Ctx) -> Vec<Value> {
    let app = "osm-prometheus";
    let p = &c.v.osm.prometheus;
    let mut objects = rbac(
        c,
        app,
        Some(app),
        vec![
            rule(
                &[""],
                &[
                    "nodes",
                    "nodes/proxy",
                    "nodes/metrics",
                    "services",
                    "endpoints",
                    "pods",
                    "ingresses",
                    "configmaps",
                ],
                READ,
            ),
            rule(&["extensions", "networking.k8s.io"], &["ingresses", "ingresses/status"], READ),
            PolicyRule {
                non_resource_urls: Some(vec!["/metrics".into()]),
                verbs: vec!["get".into()],
                ..Default::default()
            },
        ],
    );
    objects.push(config_map(
        c,
        "osm-prometheus-server-conf",
        app,
        &[("prometheus.yml", prometheus_config(c)), ("alert.rules", String::new())],
    ));
    objects.push(json(&addon_deployment(
        c,
        AddOn {
            app,
            image: p.image.clone(),
            args: vec![
                "--config.file=/etc/prometheus/prometheus.yml".into(),
                "--storage.tsdb.path=/prometheus/".into(),
                format!("--storage.tsdb.retention.time={}", p.retention.time),
                format!("--web.listen-address=:{}", p.port),
            ],
            ports: vec![("http", p.port)],
            resources: Some(resources(&p.resources)),
            mounts: vec![
                ("prometheus-config-volume", "/etc/prometheus/", Some("osm-prometheus-server-conf")),
                ("prometheus-storage-volume", "/prometheus/", None),
            ],
            env: vec![],
        },
    )));
    objects.push(json(&service(c, app, &[("http", p.port)])));
    objects
}

fn prometheus_config(c: &Ctx) -> String {
    format!(
        r#"global:
  scrape_interval: 10s
  scrape_timeout: 10s
  evaluation_interval: 1m
scrape_configs:
  - job_name: kubernetes-apiservers
    kubernetes_sd_configs:
      - role: endpoints
    scheme: https
    tls_config:
      ca_file: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    bearer_token_file: /var/run/secrets/kubernetes.io/serviceaccount/token
    relabel_configs:
      - source_labels: [__meta_kubernetes_namespace, __meta_kubernetes_service_name, __meta_kubernetes_endpoint_port_name]
        action: keep
        regex: default;kubernetes;https
  - job_name: kubernetes-pods
    kubernetes_sd_configs:
      - role: pod
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        action: keep
        regex: true
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_path]
        action: replace
        target_label: __metrics_path__
        regex: (.+)
      - source_labels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
        action: replace
        regex: ([^:]+)(?::\d+)?;(\d+)
        replacement: $1:$2
        target_label: __address__
      - source_labels: [__meta_kubernetes_namespace]
        action: replace
        target_label: source_namespace
      - source_labels: [__meta_kubernetes_pod_name]
        action: replace
        target_label: source_pod_name
      - source_labels: [__meta_kubernetes_pod_label_app]
        action: replace
        target_label: source_service
  - job_name: osm-control-plane
    kubernetes_sd_configs:
      - role: pod
        namespaces:
          names: [{ns}]
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_label_meshName]
        action: keep
        regex: {mesh}
"#,
        ns = c.ns,
        mesh = c.mesh
    )
}

fn grafana(c: &Ctx) -> Vec<Value> {
    let app = "osm-grafana";
    let g = &c.v.osm.grafana;
    let mut objects =
        vec![json(&ServiceAccount { metadata: c.meta(app, true, Some(app)), ..Default::default() })];
    objects.push(config_map(
        c,
        "osm-grafana-config",
        app,
        &[(
            "grafana.ini",
            format!(
                "[analytics]\ncheck_for_updates = false\n[auth.anonymous]\nenabled = true\norg_role = Viewer\n[server]\nhttp_port = {}\n",
                g.port
            ),
        )],
    ));
    objects.push(config_map(
        c,
        "osm-grafana-datasources",
        app,
        &[(
            "prometheus.yaml",
            format!(
                "apiVersion: 1\ndatasources:\n  - name: Prometheus\n    type: prometheus\n    access: proxy\n    orgId: 1\n    url: http://osm-prometheus.{}.svc:{}\n    isDefault: true\n",
                c.ns, c.v.osm.prometheus.port
            ),
        )],
    ));
    objects.push(config_map(
        c,
        "osm-grafana-dashboard-definition",
        app,
        &[(
            "dashboards.yaml",
            "apiVersion: 1\nproviders:\n  - name: OSM\n    orgId: 1\n    folder: OSM\n    type: file\n    options:\n      path: /var/lib/grafana/dashboards\n"
                .to_string(),
        )],
    ));
    objects.push(json(&addon_deployment(
        c,
        AddOn {
            app,
            image: g.image.clone(),
            args: vec![],
            ports: vec![("http", g.port)],
            resources: None,
            mounts: vec![
                ("osm-grafana-config", "/etc/grafana/grafana.ini", Some("osm-grafana-config")),
                (
                    "osm-grafana-datasources",
                    "/etc/grafana/provisioning/datasources",
                    Some("osm-grafana-datasources"),
                ),
                (
                    "osm-grafana-dashboard-definition",
                    "/etc/grafana/provisioning/dashboards",
                    Some("osm-grafana-dashboard-definition"),
                ),
                ("osm-grafana-storage", "/var/lib/grafana", None),
            ],
            env: vec![EnvVar {
                name: "GF_PATHS_CONFIG".into(),
                value: Some("/etc/grafana/grafana.ini/grafana.ini".into()),
                ..Default::default()
            }],
        },
    )));
    objects.push(json(&service(c, app, &[("http", g.port)])));
    objects
}

fn jaeger(c: &Ctx) -> Vec<Value> {
    let app = "jaeger";
    let t = &c.v.osm.tracing;
    let mut objects =
        vec![json(&ServiceAccount { metadata: c.meta(app, true, Some(app)), ..Default::default() })];
    objects.push(json(&addon_deployment(
        c,
        AddOn {
            app,
            image: t.image.clone(),
            args: vec![format!("--collector.zipkin.host-port={}", t.port)],
            ports: vec![("zipkin", i32::from(t.port)), ("ui", 16686)],
            resources: None,
            mounts: vec![],
            env: vec![],
        },
    )));
    objects.push(json(&service(c, app, &[("zipkin", i32::from(t.port)), ("ui", 16686)])));
    objects
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mesh::values;

    fn find<'a>(objects: &'a [Value], kind: &str, name: &str) -> &'a Value {
        objects
            .iter()
            .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
            .unwrap_or_else(|| panic!("no {kind} {name}"))
    }

    #[test]
    fn default_install_has_the_three_components() {
        let v = values::resolve(&[]).unwrap();
        let r = render(&v, "osm-system", &ApiVersions::default());
        let d = find(&r.objects, "Deployment", "osm-controller");
        assert_eq!(d["metadata"]["labels"]["meshName"], "osm");
        assert_eq!(d["metadata"]["labels"]["enforceSingleMesh"], "true");
        assert_eq!(d["metadata"]["labels"]["app.kubernetes.io/version"], "v1.2.4");
        assert_eq!(
            d["spec"]["template"]["spec"]["containers"][0]["image"],
            "openservicemesh/osm-controller:v1.2.4"
        );
        find(&r.objects, "Service", "osm-injector");
        find(&r.objects, "Deployment", "osm-bootstrap");
        find(&r.objects, "ClusterRoleBinding", "osm");
        find(&r.objects, "ConfigMap", PRESET_MESH_CONFIG);
        assert_eq!(r.components.len(), 3);
        assert_eq!(r.crds.len(), 10);
        assert_eq!(r.mesh_config["spec"]["traffic"]["enablePermissiveTrafficPolicyMode"], true);
        assert!(r.objects.iter().all(|o| o["kind"] != "PodDisruptionBudget"));
    }

    #[test]
    fn add_ons_and_api_versions_follow_the_values() {
        let set = values::parse_set(
            "osm.deployPrometheus=true,osm.deployGrafana=true,osm.deployJaeger=true,osm.osmController.enablePodDisruptionBudget=true,osm.injector.autoScale.enable=true",
            true,
        )
        .unwrap();
        let v = values::resolve(&[&set]).unwrap();
        let versions = ApiVersions { pdb: "policy/v1beta1".into(), hpa: "autoscaling/v2beta2".into() };
        let r = render(&v, "mesh-ns", &versions);
        assert_eq!(find(&r.objects, "Service", "osm-prometheus")["spec"]["ports"][0]["port"], 7070);
        let grafana = find(&r.objects, "Service", "osm-grafana");
        assert_eq!(grafana["spec"]["ports"][0]["port"], 3000);
        assert_eq!(grafana["spec"]["selector"]["app"], "osm-grafana");
        assert_eq!(find(&r.objects, "Service", "jaeger")["spec"]["ports"][0]["port"], 9411);
        assert_eq!(
            find(&r.objects, "PodDisruptionBudget", "osm-controller-pdb")["apiVersion"],
            "policy/v1beta1"
        );
        let hpa = find(&r.objects, "HorizontalPodAutoscaler", "osm-injector-hpa");
        assert_eq!(hpa["apiVersion"], "autoscaling/v2beta2");
        assert!(find(&r.objects, "Deployment", "osm-injector")["spec"].get("replicas").is_none());
        assert_eq!(r.components.len(), 6);
        assert_eq!(
            r.mesh_config["spec"]["observability"]["tracing"]["address"],
            "jaeger.mesh-ns.svc.cluster.local"
        );
    }

    #[test]
    fn bootstrap_keeps_its_replicas_when_the_injector_autoscales() {
        let set =
            values::parse_set("osm.injector.autoScale.enable=true,osm.osmBootstrap.replicaCount=2", true)
                .unwrap();
        let v = values::resolve(&[&set]).unwrap();
        let r = render(&v, "osm-system", &ApiVersions::default());
        let bootstrap = find(&r.objects, "Deployment", "osm-bootstrap");
        assert_eq!(bootstrap["spec"]["replicas"], i64::from(v.osm.osm_bootstrap.replica_count));
        assert_eq!(bootstrap["spec"]["replicas"], 2);
        assert!(find(&r.objects, "Deployment", "osm-injector")["spec"].get("replicas").is_none());
        assert!(
            r.objects
                .iter()
                .filter(|o| o["kind"] == "HorizontalPodAutoscaler")
                .all(|o| o["metadata"]["name"] != "osm-bootstrap-hpa"),
        );
    }
}
