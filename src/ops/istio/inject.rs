//! `osm istio kube-inject`: gathering what istioctl's kube-inject reads (the manifest, the
//! injector's templates and values, the mesh config; from files or from the control plane's
//! ConfigMaps) and running the injection of `model::istio::inject`.
//! Model: istioctl/pkg/kubeinject/kubeinject.go at 1.30.3 (`setupKubeInjectParameters`,
//! :376-435, and the command's `RunE`, :513-602).

use k8s_openapi::api::core::v1::{ConfigMap, Node};
use serde_json::Value;

use crate::cluster::{Cluster, Select};
use crate::error::{Error, Result};
use crate::model::input::Input;
use crate::model::istio::generate;
use crate::model::istio::inject::{
    self, InjectConfig, Injected, Injection, MeshConfig, NativeSidecars, NodeKubelet,
};

/// The inputs given as files (their text, read by the command), and the ConfigMaps of the
/// revision that stand in for those not given.
#[derive(Debug, Clone)]
pub struct InjectRequest {
    /// The manifest's text, and where it came from (`-` is standard input) for messages.
    pub manifest: String,
    pub manifest_name: String,
    /// `--injectConfigFile`, `--meshConfigFile` and `--valuesFile`, each file's text.
    pub inject_config: Option<String>,
    pub mesh_config: Option<String>,
    pub values: Option<String>,
    pub revision: String,
    pub inject_config_map_name: String,
    pub mesh_config_map_name: String,
    pub istio_namespace: String,
    /// The `ENABLE_NATIVE_SIDECARS` environment variable, when set.
    pub native_sidecars_env: Option<String>,
    /// `--operatorFileName`: an IstioOperator file (its name and text) whose values and mesh
    /// config take over.
    pub operator_file: Option<(String, String)>,
    /// `--webhookConfig`: the MutatingWebhookConfiguration istioctl would inject through.
    pub webhook_config: String,
}

/// What an `--operatorFileName` file gives (kubeinject.go:437-456 `getIOPConfigs`): the merged
/// IstioOperator's `spec.values`, and its `spec.meshConfig` when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct OperatorConfig {
    pub values: Value,
    pub mesh: Option<Value>,
}

impl InjectRequest {
    /// Merges `--operatorFileName` over its profile as `render.MergeInputs` does.
    pub fn operator_config(&self) -> Result<Option<OperatorConfig>> {
        let Some(file) = &self.operator_file else { return Ok(None) };
        let inputs = generate::Inputs { files: vec![file.clone()], ..Default::default() };
        let merged = generate::merge_inputs(&inputs)
            .map_err(|e| e.with_hint(format!("pass an IstioOperator file to {}", Input::OperatorFileName)))?;
        let spec = &merged["spec"];
        Ok(Some(OperatorConfig {
            values: spec.get("values").cloned().unwrap_or(Value::Null),
            mesh: spec.get("meshConfig").filter(|m| m.is_object()).cloned(),
        }))
    }

    /// Whether any input has to come from the cluster: the templates without
    /// --injectConfigFile, the mesh config without --meshConfigFile or an operator file's
    /// meshConfig, the values without --valuesFile or (with --injectConfigFile) an operator file.
    pub fn needs_cluster(&self, operator: Option<&OperatorConfig>) -> bool {
        let mesh_given = self.mesh_config.is_some() || operator.is_some_and(|o| o.mesh.is_some());
        let values_given = self.values.is_some() || operator.is_some();
        self.inject_config.is_none() || !mesh_given || !values_given
    }
}

/// Reads every input, then injects; nothing is written here. `cluster` is required when
/// [`InjectRequest::needs_cluster`] says so.
pub async fn kube_inject(
    request: &InjectRequest,
    operator: Option<&OperatorConfig>,
    cluster: Option<&Cluster>,
) -> Result<Injected> {
    // The ConfigMap names of a revision other than the default carry its name
    // (kubeinject.go:243-245, 274-276, 313-315).
    let revision = if request.revision == "default" { "" } else { request.revision.as_str() };
    let revised = |name: &str, default: &str| {
        if name == default && !revision.is_empty() { format!("{name}-{revision}") } else { name.to_string() }
    };

    // An operator file's meshConfig comes first, then the file, then the ConfigMap
    // (kubeinject.go:381-395).
    let operator_mesh = operator.and_then(|o| o.mesh.as_ref());
    let mesh_text = match (operator_mesh, &request.mesh_config) {
        (Some(mesh), _) => mesh.to_string(),
        (None, Some(text)) => text.clone(),
        (None, None) => {
            let name = revised(&request.mesh_config_map_name, "istio");
            config_map_key(cluster, &request.istio_namespace, &name, "mesh", Input::MeshConfigFile).await?
        }
    };
    let mesh = MeshConfig::parse(&mesh_text).map_err(|e| {
        Error::invalid(format!("the mesh config is not valid: {e}"))
            .with_hint("pass the `mesh` key of the istio ConfigMap")
    })?;

    let injector_name = revised(&request.inject_config_map_name, "istio-sidecar-injector");
    let config_text = match &request.inject_config {
        Some(text) => text.clone(),
        // istioctl would first look for istiod behind the revision's injection webhook
        // (--webhookConfig names it in its messages, kubeinject.go:409-416); osm reads the
        // templates that istiod would run from its ConfigMap.
        None => config_map_key(
            cluster,
            &request.istio_namespace,
            &injector_name,
            "config",
            Input::InjectConfigFile,
        )
        .await
        .map_err(|e| {
            let hint = format!(
                "osm reads the injection templates from ConfigMap {}/{injector_name}, where the istiod \
                     behind MutatingWebhookConfiguration {:?} reads them; pass {}, {} and {} to inject \
                     without a control plane",
                request.istio_namespace,
                request.webhook_config,
                Input::InjectConfigFile,
                Input::MeshConfigFile,
                Input::InjectValuesFile
            );
            e.with_hint(hint)
        })?,
    };
    let config = InjectConfig::parse(&config_text)
        .map_err(|e| Error::invalid(format!("the injection config is not valid: {e}")))?;

    // An operator file's values replace --valuesFile, but only with --injectConfigFile:
    // without it istioctl injects with the control plane's own configuration
    // (kubeinject.go:397-433).
    let operator_values = operator.filter(|_| request.inject_config.is_some()).map(|o| &o.values);
    let values_text = match (operator_values, &request.values) {
        (Some(values), _) => values.to_string(),
        (None, Some(text)) => text.clone(),
        (None, None) => {
            config_map_key(
                cluster,
                &request.istio_namespace,
                &injector_name,
                "values",
                Input::InjectValuesFile,
            )
            .await?
        }
    };
    let values: Value = inject::config::parse_values(&values_text)
        .map_err(|e| Error::invalid(format!("the injection values are not valid: {e}")))?;

    // With --injectConfigFile istioctl injects with no cluster client; without it, the
    // control plane's injector would, and it detects native sidecar support on the nodes
    // (kubeinject.go:397-418).
    let detecting = if request.inject_config.is_none() { cluster } else { None };
    let native_sidecars = native_sidecars(request.native_sidecars_env.as_deref(), detecting).await?;

    let templates = inject::engine::GoTemplates::parse(&config)
        .map_err(|e| Error::invalid(format!("the injection templates cannot be used: {e}")))?;
    let injection = Injection {
        templates: &templates,
        mesh: &mesh,
        values: &values,
        revision: request.revision.clone(),
        native_sidecars,
    };
    inject::kube_inject(&request.manifest, &injection).map_err(|e| {
        Error::invalid(format!("cannot inject {}: {e}", describe_input(&request.manifest_name)))
            .with_hint("fix the manifest or the injection config; nothing was written")
    })
}

/// `ENABLE_NATIVE_SIDECARS` as istiod's features read it (pilot/pkg/features/pilot.go:330-346:
/// `true`, `false`, `auto` when unset, anything else is `false`). Without a cluster, `auto` is
/// off (pkg/kube/inject/inject.go:822-828); with one, each pod is decided by the kubelet versions
/// of the nodes (pkg/kube/inject/webhook.go:1235-1286 `DetectNativeSidecar`: the pod's own node
/// when it names one, every node otherwise), see [`NativeSidecars::for_pod`].
async fn native_sidecars(setting: Option<&str>, cluster: Option<&Cluster>) -> Result<NativeSidecars> {
    match setting.unwrap_or("auto") {
        "true" => Ok(NativeSidecars::Fixed(true)),
        "auto" => match cluster {
            None => Ok(NativeSidecars::Fixed(false)),
            Some(cluster) => {
                let nodes: Vec<Node> = cluster.list(Select::ALL, "listing Nodes").await?;
                Ok(NativeSidecars::Nodes(node_kubelets(&nodes)))
            }
        },
        _ => Ok(NativeSidecars::Fixed(false)),
    }
}

/// Each node's name and kubelet minor version (`status.nodeInfo.kubeletVersion`).
fn node_kubelets(nodes: &[Node]) -> Vec<NodeKubelet> {
    nodes
        .iter()
        .map(|node| NodeKubelet {
            name: node.metadata.name.clone().unwrap_or_default(),
            minor: node
                .status
                .as_ref()
                .and_then(|s| s.node_info.as_ref())
                .and_then(|i| kubelet_minor(&i.kubelet_version)),
        })
        .collect()
}

/// The minor version of a kubelet version such as `v1.33.2` (go-version's second segment).
fn kubelet_minor(version: &str) -> Option<u64> {
    let version = version.trim().trim_start_matches('v');
    let mut parts = version.split(['.', '-', '+']);
    parts.next()?.parse::<u64>().ok()?;
    parts.next()?.parse().ok()
}

fn describe_input(filename: &str) -> String {
    if filename == "-" { "standard input".to_string() } else { filename.to_string() }
}

async fn config_map_key(
    cluster: Option<&Cluster>,
    namespace: &str,
    name: &str,
    key: &str,
    flag: Input,
) -> Result<String> {
    let cluster = cluster.ok_or_else(|| {
        Error::invalid(format!(
            "{flag} is not set and there is no cluster to read ConfigMap {namespace}/{name} from"
        ))
    })?;
    let map: Option<ConfigMap> =
        cluster.get_in(namespace, name, &format!("reading ConfigMap {namespace}/{name}")).await?;
    let map = map.ok_or_else(|| {
        Error::invalid(format!("ConfigMap {namespace}/{name} does not exist")).with_hint(format!(
            "pass {flag}, or {} for the control plane that has it",
            Input::IstioControlPlane
        ))
    })?;
    map.data.and_then(|mut data| data.remove(key)).ok_or_else(|| {
        Error::invalid(format!("ConfigMap {namespace}/{name} has no key {key:?}"))
            .with_hint(format!("pass {flag}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubelet_versions_give_their_minor() {
        assert_eq!(kubelet_minor("v1.33.2"), Some(33));
        assert_eq!(kubelet_minor("v1.20.2-debian"), Some(20));
        assert_eq!(kubelet_minor("garbage"), None);
    }

    /// The nodes of Istio's TestInjectionOlderVersion (inject_test.go:770-797), read from Node
    /// objects: a pod on node-1 is native, any other pod is classic.
    #[test]
    fn node_objects_give_their_kubelet_versions() {
        let node = |name: &str, version: &str| -> Node {
            serde_json::from_value(serde_json::json!({
                "metadata": {"name": name},
                "status": {"nodeInfo": {"kubeletVersion": version, "architecture": "", "bootID": "",
                    "containerRuntimeVersion": "", "kernelVersion": "", "kubeProxyVersion": "",
                    "machineID": "", "operatingSystem": "", "osImage": "", "systemUUID": ""}}
            }))
            .unwrap()
        };
        let nodes = node_kubelets(&[node("node-1", "v1.33.0"), node("node-2", "v1.28.0"), Node::default()]);
        assert_eq!(nodes[0], NodeKubelet { name: "node-1".into(), minor: Some(33) });
        assert_eq!(nodes[1], NodeKubelet { name: "node-2".into(), minor: Some(28) });
        assert_eq!(nodes[2], NodeKubelet { name: String::new(), minor: None });
        let detected = NativeSidecars::Nodes(nodes[..2].to_vec());
        assert!(detected.for_pod("node-1"));
        assert!(!detected.for_pod(""));
    }

    #[tokio::test]
    async fn without_a_cluster_only_true_turns_native_sidecars_on() {
        assert_eq!(native_sidecars(Some("true"), None).await.unwrap(), NativeSidecars::Fixed(true));
        assert_eq!(native_sidecars(None, None).await.unwrap(), NativeSidecars::Fixed(false));
        assert_eq!(native_sidecars(Some("auto"), None).await.unwrap(), NativeSidecars::Fixed(false));
        assert_eq!(native_sidecars(Some("yes"), None).await.unwrap(), NativeSidecars::Fixed(false));
    }
}
