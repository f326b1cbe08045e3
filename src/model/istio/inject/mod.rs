//! `istioctl kube-inject` (1.30.3): adding Istio's sidecar to the pods of a manifest, offline.
//!
//! The pipeline is istioctl's (pkg/kube/inject/inject.go `IntoResourceFile`, `IntoObject`,
//! `RunTemplate`; webhook.go `injectPod`, `postProcessPod`): documents are read one by one, kinds
//! that have no pod template pass through byte for byte, injectable ones are decoded, skipped
//! (host networking, injection disabled) or injected by running the injection templates, merging
//! their output into the pod, then rewriting probes, recording the status and reordering.
//!
//! The templates themselves are data (the `config` of the `istio-sidecar-injector` ConfigMap),
//! run by a [`TemplateRunner`]; nothing here performs I/O.

pub mod config;
pub mod documents;
pub mod engine;
pub mod merge;
pub mod probes;
pub mod typed;
pub mod validate;

use serde_json::{Map, Value, json};

pub use config::{InjectConfig, MeshConfig};
use typed::Kind;

/// What the injection template sees (pkg/kube/inject/inject.go:103-118 `SidecarTemplateData`),
/// as data: the runner maps it onto the names the template uses.
#[derive(Debug, Clone)]
pub struct TemplateInput {
    /// `{apiVersion, kind}` of the workload (`TypeMeta`).
    pub type_meta: Value,
    /// `{name, namespace}` of the workload (`DeploymentMeta`).
    pub deployment_name: String,
    pub deployment_namespace: String,
    /// The pod's metadata and spec, as JSON (`ObjectMeta`, `Spec`).
    pub object_meta: Value,
    pub spec: Value,
    /// The mesh's `defaultConfig`, after a `proxy.istio.io/config` annotation (`ProxyConfig`).
    pub proxy_config: Value,
    /// The mesh config with defaults applied (`MeshConfig`).
    pub mesh_config: Value,
    /// The values of the injector ConfigMap (`Values`).
    pub values: Value,
    /// `""` for the default revision (kubeinject.go:562-566).
    pub revision: String,
    pub native_sidecars: bool,
    pub proxy_image: String,
    pub proxy_uid: i64,
    pub proxy_gid: i64,
    pub inbound_traffic_policy_mode: String,
    pub compliance_policy: String,
}

/// Runs one named injection template. An error is a template the runner cannot execute: the
/// document is refused, never injected with something else.
pub trait TemplateRunner {
    fn has_template(&self, name: &str) -> bool;
    fn template_names(&self) -> Vec<String>;
    fn run(&self, name: &str, input: &TemplateInput) -> Result<String, String>;
}

/// Everything `IntoResourceFile` gets besides the manifest.
pub struct Injection<'a> {
    pub templates: &'a dyn TemplateRunner,
    pub mesh: &'a MeshConfig,
    pub values: &'a Value,
    /// The revision as given (`default` is rendered as `""`, kubeinject.go:562-566).
    pub revision: String,
    /// `ENABLE_NATIVE_SIDECARS` as istioctl reads it, or the nodes' support when a cluster
    /// is at hand (inject.go:821-828).
    pub native_sidecars: NativeSidecars,
}

/// How each pod's proxy mode is picked before its `sidecar.istio.io/nativeSidecar` annotation.
#[derive(Debug, Clone, PartialEq)]
pub enum NativeSidecars {
    /// Decided for every pod: `ENABLE_NATIVE_SIDECARS=true|false`, or no cluster to look at.
    Fixed(bool),
    /// Detected from the cluster's nodes, as `DetectNativeSidecar` does (webhook.go:1235-1286).
    Nodes(Vec<NodeKubelet>),
}

/// A node's name and its kubelet's minor version (`None` when go-version cannot read it).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeKubelet {
    pub name: String,
    pub minor: Option<u64>,
}

impl NativeSidecars {
    /// `DetectNativeSidecar` (webhook.go:1235-1286): native sidecars are stable from kubelet
    /// 1.33. A pod that names an existing node (`spec.nodeName`) follows that node alone; any
    /// other pod needs every node at 1.33 or newer, so that a mixed cluster stays classic (an
    /// empty node list is no obstacle).
    pub fn for_pod(&self, node_name: &str) -> bool {
        const MIN_MINOR: u64 = 33;
        let supports = |node: &NodeKubelet| node.minor.is_some_and(|minor| minor >= MIN_MINOR);
        match self {
            NativeSidecars::Fixed(on) => *on,
            NativeSidecars::Nodes(nodes) => {
                if !node_name.is_empty()
                    && let Some(node) = nodes.iter().find(|n| n.name == node_name)
                {
                    return supports(node);
                }
                nodes.iter().all(supports)
            }
        }
    }
}

/// What istioctl writes: the manifest on stdout and the skip warnings, each printed after a
/// blank line on stderr (kubeinject.go:595-600).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Injected {
    pub manifest: String,
    pub warnings: Vec<String>,
}

impl Injected {
    /// The exact stderr text istioctl prints for the warnings: a blank line, then each warning
    /// (which ends in a newline itself) followed by another newline.
    pub fn stderr_text(&self) -> String {
        if self.warnings.is_empty() {
            return String::new();
        }
        let mut out = String::from("\n");
        for warning in &self.warnings {
            out.push_str(warning);
            out.push('\n');
        }
        out
    }
}

/// `IntoResourceFile` (inject.go:624-664): each document in order, followed by `---`.
pub fn kube_inject(manifest: &str, injection: &Injection) -> Result<Injected, String> {
    let mut out = Injected::default();
    for (index, raw) in documents::split(manifest)?.into_iter().enumerate() {
        let position = index + 1;
        let value = parse_yaml(&raw).map_err(|e| format!("document {position}: {e}"))?;
        // Reading the kind into `metav1.TypeMeta` fails on anything but a mapping
        // (inject.go:666-670).
        if !matches!(value, Value::Object(_) | Value::Null) {
            return Err(format!(
                "document {position}: not a Kubernetes object (a YAML mapping with apiVersion and kind)"
            ));
        }
        let kind = Kind::of(str_at(&value, "apiVersion"), str_at(&value, "kind"));
        match kind {
            None => out.manifest.push_str(&raw),
            Some(kind) => {
                let injected = into_object(kind, &value, injection, &mut out.warnings).map_err(|e| {
                    format!("document {position} ({} {:?}): {e}", str_at(&value, "kind"), name_of(&value))
                })?;
                out.manifest.push_str(&to_yaml(&injected));
            }
        }
        out.manifest.push_str("---\n");
    }
    Ok(out)
}

fn name_of(value: &Value) -> &str {
    value["metadata"]["name"].as_str().unwrap_or_default()
}

fn str_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// YAML to JSON as sigs.k8s.io/yaml does it. An empty or comment-only document is `null`.
pub fn parse_yaml(text: &str) -> Result<Value, String> {
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(Value::Null);
    }
    serde_saphyr::from_str::<Value>(text).map_err(|e| format!("invalid YAML: {e}"))
}

/// Sorted keys, as Go's YAML printer writes a JSON object.
pub fn to_yaml(value: &Value) -> String {
    serde_saphyr::to_string(&sort_deep(value)).unwrap_or_default()
}

fn sort_deep(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(typed::sorted(map.iter().map(|(k, v)| (k.clone(), sort_deep(v))).collect()))
        }
        Value::Array(items) => Value::Array(items.iter().map(sort_deep).collect()),
        other => other.clone(),
    }
}

/// Go's `strconv.ParseBool`.
pub fn go_bool(text: &str) -> Option<bool> {
    match text {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Namespaces never injected (pkg/kube/inject/initializer.go:38-42 `IgnoredNamespaces`).
const IGNORED_NAMESPACES: &[&str] = &["kube-system", "kube-public", "kube-node-lease", "local-path-storage"];

/// `IntoObject` (inject.go:686-874).
fn into_object(
    kind: Kind,
    object: &Value,
    injection: &Injection,
    warnings: &mut Vec<String>,
) -> Result<Value, String> {
    let mut out = typed::go_object(kind, object);
    if kind == Kind::List {
        // Lists: each item that is a registered kind is injected; others stay as they are
        // (inject.go:700-722).
        if let Some(items) = out.get_mut("items").and_then(Value::as_array_mut) {
            for item in items.iter_mut() {
                let Some(item_kind) = Kind::of(str_at(item, "apiVersion"), str_at(item, "kind")) else {
                    continue;
                };
                *item = into_object(item_kind, item, injection, warnings)?;
            }
        }
        return Ok(out);
    }

    let object_meta = out["metadata"].clone();
    // Where the pod template lives, and the workload identity used in names and the template
    // (inject.go:724-769).
    let (pod_path, type_meta, deploy_name, deploy_namespace): (&[&str], Value, String, String) = match kind {
        Kind::CronJob => (
            &["spec", "jobTemplate", "spec", "template"],
            type_meta_of(&out),
            str_at(&object_meta, "name").to_string(),
            str_at(&object_meta, "namespace").to_string(),
        ),
        Kind::Pod => {
            let (name, namespace, type_meta) = deploy_meta_from_pod(&out);
            (&[], type_meta, name, namespace)
        }
        _ => (
            &["spec", "template"],
            type_meta_of(&out),
            str_at(&object_meta, "name").to_string(),
            str_at(&object_meta, "namespace").to_string(),
        ),
    };
    // For a CronJob istioctl takes the metadata of the job template, not of the pod template
    // (inject.go:730-734); the pod spec is the pod template's.
    let metadata_path: Vec<&str> = match kind {
        Kind::CronJob => vec!["spec", "jobTemplate", "metadata"],
        _ => pod_path.iter().copied().chain(["metadata"]).collect(),
    };
    let spec_path: Vec<&str> = pod_path.iter().copied().chain(["spec"]).collect();
    let metadata = get_path(&out, &metadata_path).cloned().unwrap_or_else(|| json!({}));
    let pod_spec = get_path(&out, &spec_path).cloned().unwrap_or_else(|| json!({}));

    let mut name = str_at(&metadata, "name").to_string();
    if name.is_empty() {
        name = deploy_name.clone();
    }
    let mut namespace = str_at(&metadata, "namespace").to_string();
    if namespace.is_empty() {
        namespace = deploy_namespace.clone();
    }
    let full_name =
        if deploy_namespace.is_empty() { name.clone() } else { format!("{deploy_namespace}/{name}") };
    let kind_name = str_at(&type_meta, "kind").to_string();
    let skip = |why: &str| {
        if kind_name.is_empty() {
            format!("===> Skipping injection because {full_name:?} has {why}\n")
        } else {
            format!("===> Skipping injection because {kind_name} {full_name:?} has {why}\n")
        }
    };

    // Host networking (inject.go:787-797).
    if pod_spec["hostNetwork"] == json!(true) {
        warnings.push(skip("host networking enabled"));
        return Ok(out);
    }
    let pod = json!({"metadata": metadata, "spec": pod_spec});

    // The pod's `proxy.istio.io/config` annotation changes the mesh's proxy defaults
    // (inject.go:812-819).
    let mesh = match metadata["annotations"]["proxy.istio.io/config"].as_str() {
        Some(text) => injection.mesh.with_proxy_config(text)?,
        None => injection.mesh.clone(),
    };

    if !inject_required(&pod, &namespace) {
        warnings.push(skip("sidecar injection disabled"));
        return Ok(out);
    }

    let params = Params {
        pod: &pod,
        deploy_name: &deploy_name,
        deploy_namespace: &deploy_namespace,
        type_meta: &type_meta,
        mesh: &mesh,
        injection,
    };
    let patched = inject_pod(&params)?;
    let patched = typed::go_pod(&patched);
    set_path(&mut out, &metadata_path, patched["metadata"].clone());
    set_path(&mut out, &spec_path, patched["spec"].clone());
    Ok(typed::go_object(kind, &out))
}

fn type_meta_of(object: &Value) -> Value {
    json!({"apiVersion": str_at(object, "apiVersion"), "kind": str_at(object, "kind")})
}

/// `kube.GetDeployMetaFromPod` (pkg/kube/util.go:265-330): a pod's own name, or its controller's
/// when the name is generated.
fn deploy_meta_from_pod(pod: &Value) -> (String, String, Value) {
    let metadata = &pod["metadata"];
    let mut name = str_at(metadata, "name").to_string();
    let namespace = str_at(metadata, "namespace").to_string();
    let mut api_version = "v1".to_string();
    let mut kind = "Pod".to_string();
    if !str_at(metadata, "generateName").is_empty()
        && let Some(owner) = metadata["ownerReferences"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["controller"] == json!(true))
    {
        api_version = str_at(owner, "apiVersion").to_string();
        kind = str_at(owner, "kind").to_string();
        name = str_at(owner, "name").to_string();
        let labels = &metadata["labels"];
        let hash = str_at(labels, "pod-template-hash");
        let rollout_hash = str_at(labels, "rollouts-pod-template-hash");
        if kind == "ReplicaSet" && !hash.is_empty() && name.ends_with(hash) {
            name = name.trim_end_matches(hash).trim_end_matches('-').to_string();
            kind = "Deployment".into();
        } else if kind == "ReplicaSet" && !rollout_hash.is_empty() && name.ends_with(rollout_hash) {
            name = name.trim_end_matches(rollout_hash).trim_end_matches('-').to_string();
            kind = "Rollout".into();
            api_version = "v1alpha1".into();
        } else if kind == "ReplicationController" && !str_at(labels, "deploymentconfig").is_empty() {
            name = str_at(labels, "deploymentconfig").to_string();
            kind = "DeploymentConfig".into();
        } else if kind == "Job"
            && let Some(cron) = cron_job_name(&name)
        {
            name = cron;
            kind = "CronJob".into();
            api_version = "batch/v1".into();
        }
    }
    (name, namespace, json!({"apiVersion": api_version, "kind": kind}))
}

/// `cronJobNameRegexp` (pkg/kube/util.go): `(.+)-\d{8,10}$`.
fn cron_job_name(name: &str) -> Option<String> {
    let (head, digits) = name.rsplit_once('-')?;
    (!head.is_empty() && (8..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| head.to_string())
}

/// `injectRequired` with istioctl's policy `enabled` and no selectors (inject.go:199-317,
/// called at inject.go:809).
fn inject_required(pod: &Value, namespace: &str) -> bool {
    if pod["spec"]["hostNetwork"] == json!(true) {
        return false;
    }
    if IGNORED_NAMESPACES.contains(&namespace) {
        return false;
    }
    let metadata = &pod["metadata"];
    let mut selector = metadata["annotations"]["sidecar.istio.io/inject"].as_str().unwrap_or_default();
    if let Some(label) = metadata["labels"].get("sidecar.istio.io/inject") {
        selector = label.as_str().unwrap_or_default();
    }
    selector != "false"
}

struct Params<'a> {
    pod: &'a Value,
    deploy_name: &'a str,
    deploy_namespace: &'a str,
    type_meta: &'a Value,
    mesh: &'a MeshConfig,
    injection: &'a Injection<'a>,
}

fn get_path<'v>(value: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(value, |v, key| v.get(*key))
}

fn set_path(value: &mut Value, path: &[&str], new: Value) {
    let mut current = value;
    for key in path {
        if !current.is_object() {
            *current = json!({});
        }
        current =
            current.as_object_mut().expect("made an object above").entry(*key).or_insert_with(|| json!({}));
    }
    *current = new;
}

fn annotations(pod: &Value) -> Map<String, Value> {
    pod["metadata"]["annotations"].as_object().cloned().unwrap_or_default()
}

fn containers<'v>(pod: &'v Value, field: &str) -> Vec<&'v Value> {
    pod["spec"][field].as_array().map(|l| l.iter().collect()).unwrap_or_default()
}

fn find_container<'v>(list: &[&'v Value], name: &str) -> Option<&'v Value> {
    list.iter().copied().find(|c| c["name"] == name)
}

/// The containers and volumes an earlier injection recorded (`SidecarInjectionStatus`).
#[derive(Default)]
struct Status {
    init_containers: Vec<String>,
    containers: Vec<String>,
}

fn injection_status(pod: &Value) -> Option<Status> {
    let text = pod["metadata"]["annotations"]["sidecar.istio.io/status"].as_str()?;
    let parsed: Value = serde_json::from_str(text).ok()?;
    let names = |field: &str| -> Vec<String> {
        parsed[field].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
    };
    Some(Status { init_containers: names("initContainers"), containers: names("containers") })
}

/// `modifyContainers` (webhook.go:289-312).
#[derive(Clone, Copy)]
enum Move {
    First,
    Last,
    Remove,
}

fn modify_containers(list: &mut Vec<Value>, name: &str, how: Move) {
    let Some(index) = list.iter().position(|c| c["name"] == name) else { return };
    // Go keeps the last match and drops every other one with that name.
    let matched =
        list.iter().rev().find(|c| c["name"] == name).cloned().unwrap_or_else(|| list[index].clone());
    list.retain(|c| c["name"] != name);
    match how {
        Move::First => list.insert(0, matched),
        Move::Last => list.push(matched),
        Move::Remove => {}
    }
}

fn spec_list(pod: &mut Value, field: &str) -> Vec<Value> {
    pod["spec"][field].as_array().cloned().unwrap_or_default()
}

fn set_spec_list(pod: &mut Value, field: &str, list: Vec<Value>) {
    if list.is_empty() {
        if let Some(spec) = pod["spec"].as_object_mut() {
            spec.remove(field);
        }
        return;
    }
    pod["spec"][field] = Value::Array(list);
}

/// `stripPod` (inject.go:553-579): a pod injected before loses the containers its status lists,
/// the prometheus annotations istio set and the status itself.
fn strip_pod(pod: &Value, status_port: i64) -> Value {
    let Some(status) = injection_status(pod) else { return pod.clone() };
    let mut pod = pod.clone();
    for (field, names) in [("containers", &status.containers), ("initContainers", &status.init_containers)] {
        let mut list = spec_list(&mut pod, field);
        for name in names {
            modify_containers(&mut list, name, Move::Remove);
        }
        if pod["spec"].get(field).is_some() {
            pod["spec"][field] = Value::Array(list);
        }
    }
    if prometheus_port(&pod).as_deref() == Some(status_port.to_string().as_str()) {
        clear_prometheus_annotations(&mut pod);
    }
    if let Some(annotations) = pod["metadata"]["annotations"].as_object_mut() {
        annotations.remove("sidecar.istio.io/status");
    }
    pod
}

/// `reinsertOverrides` (webhook.go:693-724).
fn reinsert_overrides(mut pod: Value) -> Result<Value, String> {
    let Some(text) = pod["metadata"]["annotations"]["proxy.istio.io/overrides"].as_str().map(String::from)
    else {
        return Ok(pod);
    };
    let overrides: Value =
        serde_json::from_str(&text).map_err(|e| format!("annotation proxy.istio.io/overrides: {e}"))?;
    for field in ["containers", "initContainers"] {
        let mut list = spec_list(&mut pod, field);
        for container in overrides[field].as_array().into_iter().flatten() {
            if !list.iter().any(|c| c["name"] == container["name"]) {
                list.push(container.clone());
            }
        }
        if !list.is_empty() {
            pod["spec"][field] = Value::Array(list);
        }
    }
    Ok(pod)
}

/// `injectPod` (webhook.go:463-507) with `RunTemplate` (inject.go:430-519): the merged pod after
/// post-processing. istioctl turns it into a JSON patch and applies that to the same pod, which
/// yields the merged pod again (inject.go:858-873).
fn inject_pod(params: &Params) -> Result<Value, String> {
    let injection = params.injection;
    let values = injection.values;
    let pod = params.pod;
    let metadata = &pod["metadata"];
    // RunTemplate starts by checking the annotations (inject.go:434-437).
    validate::validate_annotations(&annotations(pod))
        .map_err(|e| format!("injection failed due to invalid annotations: {e}"))?;

    // extractClusterAndNetwork (inject.go:409-426).
    let cluster = values["global"]["multiCluster"]["clusterName"].as_str().unwrap_or_default().to_string();
    let mut network = values["global"]["network"].as_str().unwrap_or_default().to_string();
    if let Some(n) = metadata["labels"]["topology.istio.io/network"].as_str() {
        network = n.to_string();
    }
    let mut proxy_envs: Vec<(String, String)> = Vec::new();
    if !cluster.is_empty() {
        proxy_envs.push(("ISTIO_META_CLUSTER_ID".into(), cluster));
    }
    if !network.is_empty() {
        proxy_envs.push(("ISTIO_META_NETWORK".into(), network));
    }

    let status_port = params.mesh.status_port();
    let stripped = reinsert_overrides(strip_pod(pod, status_port))?;
    let revision = if injection.revision == "default" { String::new() } else { injection.revision.clone() };
    let native_sidecars =
        injection.native_sidecars.for_pod(pod["spec"]["nodeName"].as_str().unwrap_or_default());
    let input = TemplateInput {
        type_meta: params.type_meta.clone(),
        deployment_name: params.deploy_name.to_string(),
        deployment_namespace: params.deploy_namespace.to_string(),
        object_meta: stripped["metadata"].clone(),
        spec: stripped["spec"].clone(),
        proxy_config: params.mesh.proxy_config(),
        mesh_config: params.mesh.value.clone(),
        values: values.clone(),
        revision: revision.clone(),
        native_sidecars,
        proxy_image: proxy_image(values, params.mesh.proxy_config().get("image"), &annotations(&stripped)),
        proxy_uid: 1337,
        proxy_gid: 1337,
        inbound_traffic_policy_mode: params.mesh.inbound_traffic_policy_mode(),
        compliance_policy: String::new(),
    };

    // selectTemplates (inject.go:529-551): the pod's `inject.istio.io/templates` or `sidecar`.
    let names: Vec<String> = match metadata["annotations"]["inject.istio.io/templates"].as_str() {
        Some(list) => list.split(',').map(|n| n.trim().to_string()).collect(),
        None => vec!["sidecar".to_string()],
    };
    let mut merged = pod.clone();
    let mut template_pod = json!({});
    for name in &names {
        if !injection.templates.has_template(name) {
            return Err(format!(
                "requested template {name:?} not found; have {}",
                injection.templates.template_names().join(", ")
            ));
        }
        let rendered = injection
            .templates
            .run(name, &input)
            .map_err(|e| format!("failed to run injection template: {e}"))?;
        let overlay = parse_yaml(&rendered).map_err(|e| {
            format!(
                "failed parsing generated injected YAML (check Istio sidecar injector configuration): {e}"
            )
        })?;
        let overlay = if overlay.is_null() { json!({}) } else { overlay };
        template_pod = merge::merge_pod(&template_pod, &overlay)
            .map_err(|e| format!("failed applying injection overlay: {e}"))?;
        // The proxy the user declared among `containers` moves to `initContainers` when the
        // template puts it there (inject.go:492-512).
        let native = match metadata["annotations"]["sidecar.istio.io/nativeSidecar"].as_str() {
            Some("true") => true,
            Some("false") => false,
            _ => native_sidecars,
        };
        if native
            && find_container(&containers(&template_pod, "initContainers"), probes::PROXY_CONTAINER).is_some()
            && find_container(&containers(&merged, "containers"), probes::PROXY_CONTAINER).is_some()
        {
            let mut list = spec_list(&mut merged, "containers");
            let mut init = spec_list(&mut merged, "initContainers");
            if let Some(index) = list.iter().position(|c| c["name"] == probes::PROXY_CONTAINER) {
                init.push(list.remove(index));
            }
            merged["spec"]["containers"] = Value::Array(list);
            merged["spec"]["initContainers"] = Value::Array(init);
        }
        merged = merge::merge_pod(&merged, &overlay).map_err(|e| {
            format!(
                "failed parsing generated injected YAML (check Istio sidecar injector configuration): {e}"
            )
        })?;
    }

    merged = reapply_overwritten_containers(merged, pod, &template_pod)?;
    adjust_init_container_user(&mut merged, pod, params.mesh);
    post_process(&mut merged, &template_pod, params, &proxy_envs, &revision)?;
    Ok(merged)
}

/// `reapplyOverwrittenContainers` (webhook.go:509-592): a container the user declared with the
/// name of a template container (such as `istio-proxy`) is merged back over the template's.
fn reapply_overwritten_containers(
    mut merged: Value,
    original: &Value,
    template_pod: &Value,
) -> Result<Value, String> {
    let existing: Value = match original["metadata"]["annotations"]["proxy.istio.io/overrides"].as_str() {
        Some(text) => {
            serde_json::from_str(text).map_err(|e| format!("annotation proxy.istio.io/overrides: {e}"))?
        }
        None => json!({}),
    };
    let previous = injection_status(original);
    let already_injected = previous.is_some();
    let previous = previous.unwrap_or_default();
    let mut overrides = Map::new();
    for (field, previous_names) in
        [("containers", &previous.containers), ("initContainers", &previous.init_containers)]
    {
        for container in containers(template_pod, field) {
            let name = container["name"].as_str().unwrap_or_default();
            if previous_names.iter().any(|n| n == name) {
                continue;
            }
            let existing_list: Vec<&Value> =
                existing[field].as_array().map(|l| l.iter().collect()).unwrap_or_default();
            let found = find_container(&existing_list, name).or_else(|| {
                if field == "containers" {
                    find_container(&containers(original, "containers"), name)
                } else {
                    find_container(&containers(original, "containers"), name)
                        .or_else(|| find_container(&containers(original, "initContainers"), name))
                }
            });
            let Some(found) = found else { continue };
            let mut overlay = found.clone();
            if overlay["image"] == "auto" {
                overlay.as_object_mut().expect("a container is an object").remove("image");
            }
            overrides
                .entry(field)
                .or_insert_with(|| json!([]))
                .as_array_mut()
                .expect("a list")
                .push(overlay.clone());
            let patch = if field == "containers" {
                json!({"spec": {"containers": [overlay]}})
            } else {
                json!({"spec": {"initContainers": [overlay]}})
            };
            merged = merge::merge_pod(&merged, &patch)
                .map_err(|e| format!("failed to apply sidecar container: {e}"))?;
        }
    }
    if !already_injected && !overrides.is_empty() {
        // `json.Marshal(ParsedContainers)` (webhook.go:137-140, :574-577): containers before
        // initContainers, each container's fields in `corev1.Container`'s order.
        let mut ordered = Map::new();
        for field in ["containers", "initContainers"] {
            if let Some(list) = overrides.remove(field) {
                ordered.insert(field.to_string(), list);
            }
        }
        let text = probes::go_json_in_order(&Value::Object(ordered), CONTAINER_FIELD_ORDER);
        merged["metadata"]["annotations"]["proxy.istio.io/overrides"] = Value::String(text);
    }
    Ok(merged)
}

/// `adjustInitContainerUser` (webhook.go:591-663, called at :586): when the user's own
/// `istio-proxy` container sets `securityContext.runAsUser`/`runAsGroup`, the traffic setup
/// follows it: `istio-validation` (with CNI) runs as that user and group, the `-u` argument of
/// `istio-init`/`istio-validation` names that user (never 0), and in TPROXY mode the proxy keeps
/// running as root.
fn adjust_init_container_user(pod: &mut Value, original: &Value, mesh: &MeshConfig) {
    let sidecar_of = |pod: &Value| -> Option<Value> {
        find_container(&containers(pod, "containers"), probes::PROXY_CONTAINER)
            .or_else(|| find_container(&containers(pod, "initContainers"), probes::PROXY_CONTAINER))
            .cloned()
    };
    let Some(user_container) = sidecar_of(original) else { return };
    let context = &user_container["securityContext"];
    let run_as_user = context.get("runAsUser").filter(|v| !v.is_null()).cloned();
    let run_as_group = context.get("runAsGroup").filter(|v| !v.is_null()).cloned();
    if run_as_user.is_none() && run_as_group.is_none() {
        return;
    }
    let Some(init_name) = ["istio-init", "istio-validation"]
        .into_iter()
        .find(|name| find_container(&containers(pod, "initContainers"), name).is_some())
    else {
        return;
    };
    let tproxy = mesh.proxy_config()["interceptionMode"] == "TPROXY"
        || pod["metadata"]["annotations"]["sidecar.istio.io/interceptionMode"] == "TPROXY";

    if tproxy && run_as_user.is_some() {
        for field in ["containers", "initContainers"] {
            let Some(list) = pod["spec"].get_mut(field).and_then(Value::as_array_mut) else { continue };
            if let Some(sidecar) = list.iter_mut().find(|c| c["name"] == probes::PROXY_CONTAINER) {
                sidecar["securityContext"]["runAsUser"] = json!(0);
                break;
            }
        }
    }

    let Some(init) = pod["spec"]["initContainers"]
        .as_array_mut()
        .and_then(|list| list.iter_mut().find(|c| c["name"] == init_name))
    else {
        return;
    };
    if !tproxy && init_name == "istio-validation" {
        if !init["securityContext"].is_object() {
            init["securityContext"] = json!({});
        }
        if let Some(user) = &run_as_user {
            init["securityContext"]["runAsUser"] = user.clone();
        }
        if let Some(group) = &run_as_group {
            init["securityContext"]["runAsGroup"] = group.clone();
        }
    }
    let uid = match run_as_user.as_ref().and_then(Value::as_i64) {
        Some(uid) if uid != 0 => uid,
        _ => return,
    };
    if let Some(args) = init["args"].as_array_mut()
        && let Some(index) = args.iter().position(|a| a == "-u")
        && index + 1 < args.len()
    {
        args[index + 1] = json!(uid.to_string());
    }
}

/// The JSON fields of `corev1.Container` and the structs inside it, each struct's in its
/// declaration order (k8s.io/api core/v1 types.go), merged into one consistent list.
const CONTAINER_FIELD_ORDER: &[&str] = &[
    "containers",
    "initContainers",
    // Container
    "name",
    "image",
    "command",
    "args",
    "workingDir",
    "ports",
    "envFrom",
    "env",
    "resources",
    "resizePolicy",
    "restartPolicy",
    "restartPolicyRules",
    "volumeMounts",
    "volumeDevices",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "lifecycle",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "imagePullPolicy",
    "securityContext",
    "stdin",
    "stdinOnce",
    "tty",
    // ContainerPort
    "hostPort",
    "containerPort",
    "protocol",
    "hostIP",
    // EnvFromSource, EnvVar, EnvVarSource and the selectors
    "prefix",
    "configMapRef",
    "secretRef",
    "value",
    "valueFrom",
    "fieldRef",
    "resourceFieldRef",
    "configMapKeyRef",
    "secretKeyRef",
    "fileKeyRef",
    "apiVersion",
    "fieldPath",
    "containerName",
    "resource",
    "divisor",
    "key",
    "optional",
    // ResourceRequirements
    "limits",
    "requests",
    "claims",
    // VolumeMount, VolumeDevice
    "readOnly",
    "recursiveReadOnly",
    "mountPath",
    "subPath",
    "mountPropagation",
    "subPathExpr",
    "devicePath",
    // Probe, LifecycleHandler and their actions
    "exec",
    "httpGet",
    "tcpSocket",
    "grpc",
    "sleep",
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
    "terminationGracePeriodSeconds",
    "path",
    "port",
    "host",
    "scheme",
    "httpHeaders",
    "service",
    "seconds",
    // Lifecycle
    "postStart",
    "preStop",
    "stopSignal",
    // SecurityContext, Capabilities
    "capabilities",
    "privileged",
    "seLinuxOptions",
    "windowsOptions",
    "runAsUser",
    "runAsGroup",
    "runAsNonRoot",
    "readOnlyRootFilesystem",
    "allowPrivilegeEscalation",
    "procMount",
    "seccompProfile",
    "appArmorProfile",
    "add",
    "drop",
];

/// `postProcessPod` (webhook.go:740-765).
fn post_process(
    pod: &mut Value,
    template_pod: &Value,
    params: &Params,
    proxy_envs: &[(String, String)],
    revision: &str,
) -> Result<(), String> {
    if !pod["metadata"]["annotations"].is_object() {
        pod["metadata"]["annotations"] = json!({});
    }
    if !pod["metadata"]["labels"].is_object() {
        pod["metadata"]["labels"] = json!({});
    }
    overwrite_cluster_info(pod, proxy_envs);
    apply_prometheus_merge(pod, params.mesh);
    let values_rewrite =
        params.injection.values["sidecarInjectorWebhook"]["rewriteAppHTTPProbe"].as_bool().unwrap_or(false);
    if probes::should_rewrite(&annotations(pod), values_rewrite) {
        let previously_injected = pod["metadata"]["annotations"].get("sidecar.istio.io/status").is_some();
        probes::apply_rewrite(pod, params.mesh.status_port(), previously_injected);
    }
    // applyMetadata (webhook.go:767-779).
    if let Some((_, network)) = proxy_envs.iter().find(|(k, _)| k == "ISTIO_META_NETWORK") {
        pod["metadata"]["labels"]["topology.istio.io/network"] = json!(network);
    }
    pod["metadata"]["annotations"]["sidecar.istio.io/status"] =
        json!(injection_status_text(template_pod, revision));
    reorder(pod, params)?;
    Ok(())
}

/// `overwriteClusterInfo` / `updateClusterEnvs` (inject.go:917-949).
fn overwrite_cluster_info(pod: &mut Value, proxy_envs: &[(String, String)]) {
    if proxy_envs.is_empty() {
        return;
    }
    for field in ["containers", "initContainers"] {
        let Some(list) = pod["spec"].get_mut(field).and_then(Value::as_array_mut) else { continue };
        let Some(proxy) = list.iter_mut().find(|c| c["name"] == probes::PROXY_CONTAINER) else { continue };
        let mut env: Vec<Value> = proxy["env"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| !proxy_envs.iter().any(|(k, _)| e["name"] == k.as_str()))
            .cloned()
            .collect();
        let mut sorted: Vec<&(String, String)> = proxy_envs.iter().collect();
        sorted.sort();
        for (k, v) in sorted {
            env.push(json!({"name": k, "value": v}));
        }
        proxy["env"] = Value::Array(env);
        return;
    }
}

/// Prometheus's annotation name normalisation (`strutil.SanitizeLabelName`): every character
/// outside `[a-zA-Z0-9_]` becomes `_`.
fn sanitize_label_name(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect()
}

fn prometheus_port(pod: &Value) -> Option<String> {
    pod["metadata"]["annotations"].as_object()?.iter().find_map(|(k, v)| {
        (sanitize_label_name(k) == "prometheus_io_port").then(|| v.as_str().unwrap_or_default().to_string())
    })
}

fn clear_prometheus_annotations(pod: &mut Value) {
    if let Some(annotations) = pod["metadata"]["annotations"].as_object_mut() {
        annotations.retain(|k, _| {
            !matches!(
                sanitize_label_name(k).as_str(),
                "prometheus_io_path" | "prometheus_io_port" | "prometheus_io_scrape"
            )
        });
    }
}

/// `applyPrometheusMerge` (webhook.go:887-923).
fn apply_prometheus_merge(pod: &mut Value, mesh: &MeshConfig) {
    let annotations = annotations(pod);
    // getPrometheusScrape: the first annotation that normalises to prometheus_io_scrape and
    // parses as a bool (Go map order; any one of them in practice).
    let scrape = annotations
        .iter()
        .filter(|(k, _)| sanitize_label_name(k) == "prometheus_io_scrape")
        .find_map(|(_, v)| v.as_str().and_then(go_bool))
        .unwrap_or(true);
    let merge_enabled = annotations
        .get("prometheus.istio.io/merge-metrics")
        .and_then(Value::as_str)
        .and_then(go_bool)
        .unwrap_or_else(|| mesh.enable_prometheus_merge());
    if !(scrape && merge_enabled) {
        return;
    }
    let target = mesh.status_port().to_string();
    if prometheus_port(pod).as_deref() == Some(target.as_str()) {
        return;
    }
    let mut config = Map::new();
    for (k, v) in &annotations {
        let field = match sanitize_label_name(k).as_str() {
            "prometheus_io_scrape" => "scrape",
            "prometheus_io_port" => "port",
            "prometheus_io_path" => "path",
            _ => continue,
        };
        config.insert(field.into(), v.clone());
    }
    if !config.is_empty() {
        // status.PrometheusScrapeConfiguration: scrape, path, port.
        let field = |k: &str| config.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let text = format!(
            "{{\"scrape\":{},\"path\":{},\"port\":{}}}",
            Value::String(field("scrape")),
            Value::String(field("path")),
            Value::String(field("port"))
        );
        for list_field in ["containers", "initContainers"] {
            let Some(list) = pod["spec"].get_mut(list_field).and_then(Value::as_array_mut) else { continue };
            if let Some(proxy) = list.iter_mut().find(|c| c["name"] == probes::PROXY_CONTAINER) {
                let env =
                    proxy.as_object_mut().expect("a container").entry("env").or_insert_with(|| json!([]));
                if let Some(env) = env.as_array_mut() {
                    env.push(json!({"name": "ISTIO_PROMETHEUS_ANNOTATIONS", "value": text}));
                }
                break;
            }
        }
    }
    clear_prometheus_annotations(pod);
    let annotations = pod["metadata"]["annotations"].as_object_mut().expect("set in post_process");
    annotations.insert("prometheus.io/port".into(), json!(target));
    annotations.insert("prometheus.io/path".into(), json!("/stats/prometheus"));
    annotations.insert("prometheus.io/scrape".into(), json!("true"));
}

/// `getInjectionStatus` (webhook.go:416-444): what the templates added, as Go marshals
/// `SidecarInjectionStatus` (empty lists are `null`).
fn injection_status_text(template_pod: &Value, revision: &str) -> String {
    let names = |list: &Value| -> Value {
        let names: Vec<Value> = list.as_array().into_iter().flatten().map(|c| c["name"].clone()).collect();
        if names.is_empty() { Value::Null } else { Value::Array(names) }
    };
    let spec = &template_pod["spec"];
    let revision = if revision.is_empty() { "default" } else { revision };
    format!(
        "{{\"initContainers\":{},\"containers\":{},\"volumes\":{},\"imagePullSecrets\":{},\"revision\":{}}}",
        names(&spec["initContainers"]),
        names(&spec["containers"]),
        names(&spec["volumes"]),
        names(&spec["imagePullSecrets"]),
        Value::String(revision.to_string())
    )
}

/// `reorderPod` (webhook.go:781-824).
fn reorder(pod: &mut Value, params: &Params) -> Result<(), String> {
    // The original pod's proxy config annotation decides, as in istioctl.
    let hold = params.mesh.hold_application_until_proxy_starts()
        || params.injection.values["global"]["proxy"]["holdApplicationUntilProxyStarts"]
            .as_bool()
            .unwrap_or(false);
    let mut list = spec_list(pod, "containers");
    modify_containers(&mut list, probes::PROXY_CONTAINER, if hold { Move::First } else { Move::Last });
    pod["spec"]["containers"] = Value::Array(list);
    let mut init = spec_list(pod, "initContainers");
    if init.iter().any(|c| c["name"] == probes::PROXY_CONTAINER) {
        modify_containers(&mut init, "enable-core-dump", Move::First);
        modify_containers(&mut init, probes::PROXY_CONTAINER, Move::First);
        modify_containers(&mut init, "istio-validation", Move::First);
        modify_containers(&mut init, "istio-init", Move::First);
    } else {
        modify_containers(&mut init, "istio-validation", Move::First);
        modify_containers(&mut init, "istio-init", Move::Last);
        modify_containers(&mut init, "enable-core-dump", Move::Last);
    }
    set_spec_list(pod, "initContainers", init);
    Ok(())
}

/// `ProxyImage` / `imageURL` (inject.go:319-407). `image` is the proxy config's `image`
/// (`ProxyImage`): when present its `imageType` replaces the values' variant, empty or not.
fn proxy_image(values: &Value, image: Option<&Value>, annotations: &Map<String, Value>) -> String {
    let global = &values["global"];
    let tag = match &global["tag"] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut image_type = global["variant"].as_str().unwrap_or_default().to_string();
    if let Some(image) = image.filter(|i| i.is_object()) {
        image_type = image["imageType"].as_str().unwrap_or_default().to_string();
    }
    let mut image_name = "proxyv2".to_string();
    if let Some(name) = global["proxy"]["image"].as_str().filter(|s| !s.is_empty()) {
        image_name = name.to_string();
    }
    if let Some(it) = annotations.get("sidecar.istio.io/proxyImageType").and_then(Value::as_str) {
        image_type = it.to_string();
    }
    let hub = global["hub"].as_str().unwrap_or_default();
    let mut tag = tag;
    if !image_type.is_empty() {
        for known in ["distroless", "debug"] {
            if let Some(stripped) = tag.strip_suffix(&format!("-{known}")) {
                tag = stripped.to_string();
                break;
            }
        }
        if image_type != "default" {
            tag = format!("{tag}-{image_type}");
        }
    }
    format!("{hub}/{image_name}:{tag}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_lists_what_the_templates_added() {
        let template_pod = json!({"spec": {"initContainers": [{"name": "istio-init"}], "containers": [{"name": "istio-proxy"}], "volumes": [{"name": "v"}]}});
        assert_eq!(
            injection_status_text(&template_pod, ""),
            r#"{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["v"],"imagePullSecrets":null,"revision":"default"}"#
        );
    }

    #[test]
    fn native_sidecars_go_after_istio_init_and_classic_proxies_last() {
        let mesh = MeshConfig::parse("").unwrap();
        let runner = NoTemplates;
        let values = json!({});
        let injection = Injection {
            templates: &runner,
            mesh: &mesh,
            values: &values,
            revision: "default".into(),
            native_sidecars: NativeSidecars::Fixed(true),
        };
        let pod = json!({});
        let params = Params {
            pod: &pod,
            deploy_name: "",
            deploy_namespace: "",
            type_meta: &pod,
            mesh: &mesh,
            injection: &injection,
        };
        let mut native = json!({"spec": {"containers": [{"name": "a"}], "initContainers": [{"name": "x"}, {"name": "istio-proxy"}, {"name": "istio-init"}]}});
        reorder(&mut native, &params).unwrap();
        assert_eq!(
            native["spec"]["initContainers"],
            json!([{"name": "istio-init"}, {"name": "istio-proxy"}, {"name": "x"}])
        );
        let mut classic = json!({"spec": {"containers": [{"name": "istio-proxy"}, {"name": "a"}], "initContainers": [{"name": "istio-init"}, {"name": "x"}]}});
        reorder(&mut classic, &params).unwrap();
        assert_eq!(classic["spec"]["containers"], json!([{"name": "a"}, {"name": "istio-proxy"}]));
        assert_eq!(classic["spec"]["initContainers"], json!([{"name": "x"}, {"name": "istio-init"}]));
    }

    #[test]
    fn proxy_image_follows_hub_tag_and_variant() {
        let values = json!({"global": {"hub": "docker.io/istio", "tag": "1.30.3", "variant": "", "proxy": {"image": "proxyv2"}}});
        assert_eq!(proxy_image(&values, None, &Map::new()), "docker.io/istio/proxyv2:1.30.3");
        let mut annotations = Map::new();
        annotations.insert("sidecar.istio.io/proxyImageType".into(), json!("distroless"));
        assert_eq!(proxy_image(&values, None, &annotations), "docker.io/istio/proxyv2:1.30.3-distroless");
    }

    /// Istio's `TestProxyImage` cases (pkg/kube/inject/inject_test.go:1449-1565 at 1.30.3):
    /// values' hub and tag, the proxy config's image type, the annotation's image type.
    #[test]
    fn proxy_image_as_in_istios_tests() {
        // hub, tag, the proxy config's image type, the annotation's, the image.
        type Case<'a> = (&'a str, Value, Option<&'a str>, Option<&'a str>, &'a str);
        let cases: &[Case] = &[
            ("registry.istio.io/release", json!(11), None, None, "registry.istio.io/release/proxyv2:11"),
            (
                "registry.istio.io/release",
                json!(1.12),
                Some("distroless"),
                None,
                "registry.istio.io/release/proxyv2:1.12-distroless",
            ),
            (
                "gcr.io/gke-release/asm",
                json!("1.11.2-asm.17"),
                None,
                Some("distroless"),
                "gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17-distroless",
            ),
            (
                "gcr.io/gke-release/asm",
                json!("1.11.2-asm.17"),
                Some("distroless"),
                Some("debug"),
                "gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17-debug",
            ),
            (
                "gcr.io/gke-release/asm",
                json!("1.11.2-asm.17"),
                Some("debug"),
                Some("default"),
                "gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17",
            ),
            (
                "gcr.io/gke-release/asm",
                json!("1.11.2-asm.17-distroless"),
                Some("default"),
                None,
                "gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17",
            ),
            (
                "gcr.io/gke-release/asm",
                json!("1.11.2-asm.17-distroless"),
                None,
                Some("default"),
                "gcr.io/gke-release/asm/proxyv2:1.11.2-asm.17",
            ),
            (
                "registry.istio.io/release",
                json!("1.12-debug"),
                Some("distroless"),
                None,
                "registry.istio.io/release/proxyv2:1.12-distroless",
            ),
            (
                "registry.istio.io/release",
                json!("1.12-distroless"),
                None,
                Some("distroless"),
                "registry.istio.io/release/proxyv2:1.12-distroless",
            ),
            (
                "private-repo/istio",
                json!("1.12-this-is-unusual-tag"),
                None,
                None,
                "private-repo/istio/proxyv2:1.12-this-is-unusual-tag",
            ),
            (
                "private-repo/istio",
                json!("1.12-this-is-unusual-tag-distroless"),
                Some("default"),
                None,
                "private-repo/istio/proxyv2:1.12-this-is-unusual-tag",
            ),
            (
                "private-repo/istio",
                json!("1.12-this-is-unusual-tag"),
                None,
                Some("distroless"),
                "private-repo/istio/proxyv2:1.12-this-is-unusual-tag-distroless",
            ),
        ];
        for (hub, tag, image_type, annotation, want) in cases {
            let values = json!({"global": {"hub": hub, "tag": tag}});
            let image = image_type.map(|t| json!({"imageType": t}));
            let mut annotations = Map::new();
            if let Some(a) = annotation {
                annotations.insert("sidecar.istio.io/proxyImageType".into(), json!(a));
            }
            assert_eq!(
                proxy_image(&values, image.as_ref(), &annotations),
                *want,
                "{hub} {tag} {image_type:?} {annotation:?}"
            );
        }
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_refused() {
        let mesh = MeshConfig::parse("").unwrap();
        let values = json!({});
        let injection = Injection {
            templates: &NoTemplates,
            mesh: &mesh,
            values: &values,
            revision: "default".into(),
            native_sidecars: NativeSidecars::Fixed(false),
        };
        let err = kube_inject("kind: Service\n---\n- a\n", &injection).unwrap_err();
        assert!(err.contains("document 2"), "{err}");
        let out = kube_inject("# only a comment\n---\nkind: Service\n", &injection).unwrap();
        assert_eq!(out.manifest, "# only a comment\n---\nkind: Service\n---\n");
    }

    // webhook.go:1235-1286 at 1.30.3, with the node versions of TestInjection and
    // TestInjectionOlderVersion (inject_test.go: nodes at 1.33/1.34, and 1.33/1.28).
    #[test]
    fn native_sidecars_follow_the_pods_node_or_every_node() {
        let node = |name: &str, minor: Option<u64>| NodeKubelet { name: name.into(), minor };
        let recent = NativeSidecars::Nodes(vec![node("node-1", Some(33)), node("node-2", Some(34))]);
        assert!(recent.for_pod(""));
        let mixed = NativeSidecars::Nodes(vec![node("node-1", Some(33)), node("node-2", Some(28))]);
        assert!(!mixed.for_pod(""), "one old node keeps pods without a node classic");
        assert!(mixed.for_pod("node-1"), "a pod on a recent node is native");
        assert!(!mixed.for_pod("node-2"));
        assert!(!mixed.for_pod("gone"), "an unknown node falls back to every node");
        let unreadable = NativeSidecars::Nodes(vec![node("node-1", None)]);
        assert!(!unreadable.for_pod("node-1"));
        assert!(NativeSidecars::Nodes(vec![]).for_pod(""));
        assert!(!NativeSidecars::Fixed(false).for_pod("node-1"));
    }

    /// A pod bound to a node is injected natively or classically by that node's kubelet.
    #[test]
    fn a_pods_node_decides_its_proxy_mode() {
        struct ProxyTemplate;
        impl TemplateRunner for ProxyTemplate {
            fn has_template(&self, name: &str) -> bool {
                name == "sidecar"
            }
            fn template_names(&self) -> Vec<String> {
                vec!["sidecar".into()]
            }
            fn run(&self, _: &str, input: &TemplateInput) -> Result<String, String> {
                let field = if input.native_sidecars { "initContainers" } else { "containers" };
                Ok(format!("spec:\n  {field}:\n  - name: istio-proxy\n    image: proxy\n"))
            }
        }
        let mesh = MeshConfig::parse("").unwrap();
        let values = json!({});
        let node = |name: &str, minor: u64| NodeKubelet { name: name.into(), minor: Some(minor) };
        let injection = Injection {
            templates: &ProxyTemplate,
            mesh: &mesh,
            values: &values,
            revision: "default".into(),
            native_sidecars: NativeSidecars::Nodes(vec![node("new", 34), node("old", 28)]),
        };
        let pod = |node: &str| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  nodeName: {node}\n  containers:\n  - name: app\n    image: app\n"
            )
        };
        let on_new =
            parse_yaml(&kube_inject(&pod("new"), &injection).unwrap().manifest.replace("---\n", "")).unwrap();
        assert_eq!(on_new["spec"]["initContainers"][0]["name"], "istio-proxy", "{on_new}");
        let on_old =
            parse_yaml(&kube_inject(&pod("old"), &injection).unwrap().manifest.replace("---\n", "")).unwrap();
        assert!(on_old["spec"]["initContainers"].is_null(), "{on_old}");
        assert_eq!(on_old["spec"]["containers"][1]["name"], "istio-proxy", "{on_old}");
    }

    /// Istio's `TestInjection` and `TestInjectionOlderVersion` (pkg/kube/inject/inject_test.go:
    /// 69-117 and 770-868 at 1.30.3) inject through a fake cluster whose two nodes run 1.33 and
    /// 1.34, or 1.33 and 1.28: with the node list only (no `ENABLE_NATIVE_SIDECARS`), the first
    /// gives Istio's native goldens, the second its `-old-version` ones
    /// (testdata/istio-upstream-inject/inject, Istio's own outputs).
    #[test]
    fn node_versions_pick_native_sidecars_as_in_istios_tests() {
        use crate::model::istio::generate;
        let inputs = generate::Inputs {
            set: [
                "profile=empty",
                "components.pilot.enabled=true",
                "hub=registry.istio.io/testing",
                "tag=latest",
            ]
            .map(String::from)
            .to_vec(),
            ..Default::default()
        };
        let manifest = generate::generate(&inputs).unwrap();
        let config_map = |name: &str| -> Value {
            manifest
                .components
                .iter()
                .flat_map(|c| c.objects.iter())
                .find(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == name)
                .unwrap_or_else(|| panic!("no ConfigMap {name}"))["data"]
                .clone()
        };
        let injector = config_map("istio-sidecar-injector");
        let templates =
            engine::GoTemplates::parse(&InjectConfig::parse(injector["config"].as_str().unwrap()).unwrap())
                .unwrap();
        let values = config::parse_values(injector["values"].as_str().unwrap()).unwrap();
        let mesh = MeshConfig::parse(config_map("istio")["mesh"].as_str().unwrap()).unwrap();
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-upstream-inject/inject");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        let docs = |text: &str| -> Vec<Value> {
            documents::split(text)
                .unwrap()
                .iter()
                .map(|d| parse_yaml(d).unwrap())
                .filter(|v| !v.is_null())
                .collect()
        };
        let node = |name: &str, minor: u64| NodeKubelet { name: name.into(), minor: Some(minor) };
        let recent = NativeSidecars::Nodes(vec![node("node-1", 33), node("node-2", 34)]);
        let mixed = NativeSidecars::Nodes(vec![node("node-1", 33), node("node-2", 28)]);
        for input in
            ["hello", "pod", "statefulset", "daemonset", "job", "replicaset", "cronjob", "native-sidecar"]
        {
            for (nodes, golden) in [
                (&recent, format!("{input}.yaml.injected")),
                (&mixed, format!("{input}-old-version.yaml.injected")),
            ] {
                let injection = Injection {
                    templates: &templates,
                    mesh: &mesh,
                    values: &values,
                    revision: "default".into(),
                    native_sidecars: nodes.clone(),
                };
                let got = kube_inject(&read(&format!("{input}.yaml")), &injection).unwrap();
                assert_eq!(docs(&got.manifest), docs(&read(&golden)), "{golden}");
            }
        }
    }

    #[test]
    fn cron_job_names_lose_their_timestamp() {
        assert_eq!(cron_job_name("backup-27845120"), Some("backup".into()));
        assert_eq!(cron_job_name("backup-1234"), None);
    }

    struct NoTemplates;
    impl TemplateRunner for NoTemplates {
        fn has_template(&self, _: &str) -> bool {
            false
        }
        fn template_names(&self) -> Vec<String> {
            vec![]
        }
        fn run(&self, _: &str, _: &TemplateInput) -> Result<String, String> {
            Err("no templates".into())
        }
    }
}
