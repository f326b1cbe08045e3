//! The OSM v1.2.4 Helm chart (`charts/osm` of openservicemesh/osm, tag v1.2.4, Apache-2.0),
//! rendered in Rust. Each module under `templates/` mirrors one file of the chart's
//! `templates/` folder, so that it can be read beside its upstream source; the chart's static
//! files (values, schema, Grafana dashboards, Prometheus configuration) and osm-bootstrap's CRDs
//! are embedded from `files/` unchanged.
//!
//! Rendering does no I/O: values are resolved once ([`values::resolve`]), the cluster's API
//! groups are given as [`Capabilities`], and the result is plain JSON objects for the cluster
//! layer to validate and apply.

pub mod crds;
pub mod credentials;
pub mod schema;
pub mod strvals;
mod templates;
pub mod values;

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

pub use values::{Overrides, Values};

/// The chart's `appVersion`, which is also the control plane's version.
pub const APP_VERSION: &str = "v1.2.4";
/// The chart's `version`.
pub const CHART_VERSION: &str = "1.2.4";

pub const PRESET_MESH_CONFIG: &str = "preset-mesh-config";
pub const PRESET_MESH_ROOT_CERTIFICATE: &str = "preset-mesh-root-certificate";
// The name osm-bootstrap gives the MeshConfig it creates (its `--osm-config-name` default).
use crate::model::input::Remedy;
use crate::model::osm::keys::MESH_CONFIG_NAME;
/// The name osm-bootstrap gives the MeshRootCertificate it creates from the preset.
pub const MESH_ROOT_CERTIFICATE_NAME: &str = "osm-mesh-root-certificate";

/// Helm's `.Release`: the Go CLI installs with release name = mesh name and release namespace
/// = the control-plane namespace.
#[derive(Debug, Clone)]
pub struct Release {
    pub name: String,
    pub namespace: String,
}

/// Helm's `.Capabilities.APIVersions`: the group/versions the target cluster serves.
#[derive(Debug, Clone, Default)]
pub struct Capabilities {
    pub api_versions: BTreeSet<String>,
}

impl Capabilities {
    /// What a dry run with no cluster assumes: a current Kubernetes (policy/v1 PDBs,
    /// autoscaling/v2 HPAs), plus whatever `--api-versions` adds.
    pub fn assumed(extra: &[String]) -> Capabilities {
        let mut api_versions: BTreeSet<String> =
            ["v1", "apps/v1", "policy/v1", "autoscaling/v2", "rbac.authorization.k8s.io/v1"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        api_versions.extend(extra.iter().cloned());
        Capabilities { api_versions }
    }

    /// Helm's `.Capabilities.APIVersions.Has`: an exact group/version match, so templates pick an API
    /// version the cluster serves instead of one it removed.
    pub fn has(&self, group_version: &str) -> bool {
        self.api_versions.contains(group_version)
    }

    fn openshift(&self) -> bool {
        self.has("security.openshift.io/v1")
    }

    /// The newest of `candidates` the cluster serves, else the first (the current one).
    pub fn newest<'a>(&self, candidates: &[&'a str]) -> &'a str {
        candidates.iter().find(|c| self.has(c)).copied().unwrap_or(candidates[0])
    }
}

/// A Deployment install waits for, and how progress names it.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct ComponentRef {
    pub title: String,
    pub deployment: String,
}

/// Everything an install puts into the cluster.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub namespace: String,
    pub mesh_name: String,
    /// osm-bootstrap's CustomResourceDefinitions, applied first.
    pub crds: Vec<Value>,
    /// The Namespace and the chart's objects.
    pub objects: Vec<Value>,
    /// The MeshConfig (and MeshRootCertificate) osm-bootstrap would create from the presets:
    /// created when absent, never overwritten, so users' edits survive.
    pub presets: Vec<Value>,
    pub components: Vec<ComponentRef>,
}

impl Rendered {
    /// Every object, in apply order, for `--dry-run`.
    pub fn all(&self) -> Vec<Value> {
        self.crds.iter().chain(self.objects.iter()).chain(self.presets.iter()).cloned().collect()
    }

    /// The MeshConfig osm-bootstrap would create. `preset-mesh-config.yaml` always renders, so unlike
    /// the MeshRootCertificate it is never missing.
    pub fn mesh_config(&self) -> &Value {
        self.presets.iter().find(|o| o["kind"] == "MeshConfig").expect("every rendering has a MeshConfig")
    }
}

/// What every template sees: `.Values`, `.Release` and `.Capabilities`.
pub(crate) struct Scope<'a> {
    pub values: &'a Values,
    pub release: &'a Release,
    pub caps: &'a Capabilities,
}

impl Scope<'_> {
    /// `include "osm.namespace"`.
    pub fn namespace(&self) -> String {
        if self.values.flag("osm.osmNamespace") {
            self.values.text("osm.osmNamespace")
        } else {
            self.release.namespace.clone()
        }
    }

    /// `include "osm.labels"`.
    pub fn labels(&self) -> Map<String, Value> {
        let mut labels = Map::new();
        labels.insert("app.kubernetes.io/name".into(), json!("openservicemesh.io"));
        labels.insert("app.kubernetes.io/instance".into(), self.values.plain("osm.meshName"));
        labels.insert("app.kubernetes.io/version".into(), json!(APP_VERSION));
        labels
    }

    /// `include "osm.labels"` followed by more labels.
    pub fn labels_with(&self, more: &[(&str, Value)]) -> Value {
        let mut labels = self.labels();
        for (k, v) in more {
            labels.insert((*k).into(), v.clone());
        }
        Value::Object(labels)
    }

    /// Pod labels: the chart's, then the component's `podLabels`.
    pub fn pod_labels(&self, app: &str, pod_labels_path: Option<&str>) -> Value {
        let mut labels = self.labels();
        labels.insert("app".into(), json!(app));
        if let Some(Value::Object(extra)) = pod_labels_path.and_then(|p| self.values.get(p)) {
            for (k, v) in extra {
                labels.insert(k.clone(), v.clone());
            }
        }
        Value::Object(labels)
    }

    /// `include "restricted.securityContext"`, left out where the cluster is OpenShift.
    pub fn restricted_security_context(&self) -> Option<Value> {
        (!self.caps.openshift()).then(
            || json!({"runAsUser": 1000, "runAsGroup": 3000, "fsGroup": 2000, "supplementalGroups": [5555]}),
        )
    }

    /// `include "<component>.image"`: by tag when `osm.image.tag` is set, else by digest.
    pub fn image(&self, component: &str) -> String {
        let registry = self.values.text("osm.image.registry");
        let name = self.values.text(&format!("osm.image.name.{component}"));
        if self.values.flag("osm.image.tag") {
            format!("{registry}/{name}:{}", self.values.text("osm.image.tag"))
        } else {
            format!("{registry}/{name}@{}", self.values.text(&format!("osm.image.digest.{component}")))
        }
    }

    /// `include "osm.tracingAddress"`.
    pub fn tracing_address(&self) -> String {
        if self.values.flag("osm.tracing.address") {
            self.values.text("osm.tracing.address")
        } else {
            format!("jaeger.{}.svc.cluster.local", self.namespace())
        }
    }

    /// `include "osm.validatorWebhookConfigName"`.
    pub fn validator_webhook_config_name(&self) -> String {
        if self.values.flag("osm.validatorWebhook.webhookConfigurationName") {
            self.values.text("osm.validatorWebhook.webhookConfigurationName")
        } else {
            format!("osm-validator-mesh-{}", self.values.text("osm.meshName"))
        }
    }

    /// The pod spec's scheduling fields from `<component>.affinity|nodeSelector|tolerations`,
    /// each only when set (the chart's `{{- if ... }}{{ toYaml ... }}`).
    pub fn scheduling(&self, spec: &mut Map<String, Value>, component: &str) {
        for field in ["affinity", "nodeSelector", "tolerations"] {
            let path = format!("{component}.{field}");
            if self.values.flag(&path) {
                spec.insert(field.into(), self.values.value(&path));
            }
        }
    }

    /// `imagePullSecrets` when `osm.imagePullSecrets` is set.
    pub fn image_pull_secrets(&self, spec: &mut Map<String, Value>) {
        if self.values.flag("osm.imagePullSecrets") {
            spec.insert("imagePullSecrets".into(), self.values.value("osm.imagePullSecrets"));
        }
    }
}

/// `metadata` with a name, the control-plane namespace and labels.
pub(crate) fn meta(name: &str, namespace: &str, labels: Value) -> Value {
    json!({"name": name, "namespace": namespace, "labels": labels})
}

/// Renders the chart for `values`, as `helm template` does with the given release and API
/// versions, without the hook Jobs (osm does their work itself: see docs/install.md).
pub fn render(values: &Values, release: &Release, caps: &Capabilities) -> crate::error::Result<Rendered> {
    required(values)?;
    let scope = Scope { values, release, caps };
    let namespace = scope.namespace();
    let mut objects = vec![json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {"name": namespace},
    })];
    objects.extend(templates::render_all(&scope));
    let presets = presets(&objects, &namespace);
    let mut components = vec![
        ComponentRef { title: "OSM bootstrap".into(), deployment: "osm-bootstrap".into() },
        ComponentRef { title: "OSM controller".into(), deployment: "osm-controller".into() },
        ComponentRef { title: "OSM injector".into(), deployment: "osm-injector".into() },
    ];
    for (flag, title, deployment) in [
        ("osm.deployPrometheus", "Prometheus", "osm-prometheus"),
        ("osm.deployGrafana", "Grafana", "osm-grafana"),
        ("osm.deployJaeger", "Jaeger", "jaeger"),
    ] {
        if values.flag(flag) {
            components.push(ComponentRef { title: title.into(), deployment: deployment.into() });
        }
    }
    Ok(Rendered {
        namespace,
        mesh_name: values.text("osm.meshName"),
        crds: crds::all(),
        objects,
        presets,
        components,
    })
}

/// The chart's `required` calls (all in `osm-deployment.yaml`, for Vault), with its messages.
fn required(values: &Values) -> crate::error::Result<()> {
    if values.text("osm.certificateProvider.kind") != "vault" {
        return Ok(());
    }
    let missing = |message: &str| {
        Err(crate::error::Error::invalid(message.to_string()).with_hint(Remedy::StoreVaultTokenInSecret))
    };
    if !values.flag("osm.vault.host") {
        return missing("osm.vault.host is required when osm.certificateProvider.kind==vault");
    }
    let no_secret = !values.flag("osm.vault.secret.name") && !values.flag("osm.vault.secret.key");
    if no_secret && !values.flag("osm.vault.token") {
        return missing(
            "osm.vault.token is required when osm.certificateProvider.kind==vault and osm.vault.secret.name and osm.vault.secret.key are empty",
        );
    }
    if !values.flag("osm.vault.token") {
        if !values.flag("osm.vault.secret.name") {
            return missing(
                "osm.vault.secret.name is required when osm.certificateProvider.kind==vault and osm.vault.token is empty",
            );
        }
        if !values.flag("osm.vault.secret.key") {
            return missing(
                "osm.vault.secret.key is required when osm.certificateProvider.kind==vault and osm.vault.token is empty",
            );
        }
    }
    Ok(())
}

/// The objects osm-bootstrap creates at start from the preset ConfigMaps: the MeshConfig, and
/// the MeshRootCertificate when the preset exists.
fn presets(objects: &[Value], namespace: &str) -> Vec<Value> {
    let preset = |name: &str| -> Option<Value> {
        let cm = objects.iter().find(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == name)?;
        let text = cm["data"][format!("{name}.json")].as_str()?;
        Some(serde_json::from_str(text).expect("the chart's preset renders as JSON"))
    };
    let mut out = Vec::new();
    if let Some(spec) = preset(PRESET_MESH_CONFIG) {
        out.push(json!({
            "apiVersion": "config.openservicemesh.io/v1alpha2",
            "kind": "MeshConfig",
            "metadata": {"name": MESH_CONFIG_NAME, "namespace": namespace},
            "spec": spec,
        }));
    }
    if let Some(spec) = preset(PRESET_MESH_ROOT_CERTIFICATE) {
        out.push(json!({
            "apiVersion": "config.openservicemesh.io/v1alpha2",
            "kind": "MeshRootCertificate",
            "metadata": {"name": MESH_ROOT_CERTIFICATE_NAME, "namespace": namespace},
            "spec": spec,
        }));
    }
    out
}
