//! The install values: the OSM v1.2.4 chart's defaults (`values-defaults.yaml`), overridden by
//! `-f` files, `--set`/`--set-string` (Helm syntax) and `--mesh-name`, checked strictly against
//! the keys and types of the defaults, then read into the typed [`Values`].

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// The control-plane version these defaults install.
pub const OSM_VERSION: &str = "v1.2.4";

const DEFAULTS_YAML: &str = include_str!("values-defaults.yaml");

/// Values that are credentials: accepted, used, but never written into the install record.
pub const SECRET_KEYS: &[&str] = &["osm.vault.token", "osm.fluentBit.primaryKey"];

/// The defaults as a tree.
pub fn defaults() -> Value {
    serde_saphyr::from_str(DEFAULTS_YAML).expect("values-defaults.yaml is valid YAML")
}

/// Everything a user can pass to choose values, in the order Helm applies them.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub files: Vec<std::path::PathBuf>,
    pub set: Vec<String>,
    pub set_string: Vec<String>,
    pub mesh_name: Option<String>,
    pub enforce_single_mesh: Option<bool>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
            && self.set.is_empty()
            && self.set_string.is_empty()
            && self.mesh_name.is_none()
            && self.enforce_single_mesh.is_none()
    }

    /// The user's overrides as one tree (not yet merged onto the defaults), each checked.
    pub fn to_tree(&self) -> Result<Value> {
        let defaults = defaults();
        let mut tree = Value::Object(Map::new());
        for file in &self.files {
            let user = read_values_file(file)?;
            check(&defaults, &user, "")
                .map_err(|e| e.context(format!("in values file {}", file.display())))?;
            merge(&mut tree, user);
        }
        for (items, typed) in [(&self.set, true), (&self.set_string, false)] {
            for item in items {
                let flag = if typed { "--set" } else { "--set-string" };
                let user = parse_set(item, typed).map_err(|e| e.context(format!("{flag} {item}")))?;
                check(&defaults, &user, "").map_err(|e| e.context(format!("{flag} {item}")))?;
                merge(&mut tree, user);
            }
        }
        if let Some(name) = &self.mesh_name {
            merge(&mut tree, serde_json::json!({"osm": {"meshName": name}}));
        }
        if let Some(enforce) = self.enforce_single_mesh {
            merge(&mut tree, serde_json::json!({"osm": {"enforceSingleMesh": enforce}}));
        }
        Ok(tree)
    }
}

/// Defaults, then each override tree in order, read into typed values.
pub fn resolve(overrides: &[&Value]) -> Result<Values> {
    let mut tree = defaults();
    for user in overrides {
        merge(&mut tree, (*user).clone());
    }
    let values: Values =
        serde_json::from_value(tree).map_err(|e| Error::invalid(format!("the values are not valid: {e}")))?;
    values.validate()?;
    Ok(values)
}

/// The tree with credentials blanked, for storing.
pub fn without_secrets(tree: &Value) -> Value {
    let mut tree = tree.clone();
    for key in SECRET_KEYS {
        let mut node = &mut tree;
        let parts: Vec<&str> = key.split('.').collect();
        for (i, part) in parts.iter().enumerate() {
            let Some(obj) = node.as_object_mut() else { break };
            if i + 1 == parts.len() {
                obj.remove(*part);
                break;
            }
            match obj.get_mut(*part) {
                Some(next) => node = next,
                None => break,
            }
        }
    }
    tree
}

fn read_values_file(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::invalid(format!("cannot read values file {}: {e}", path.display()))
            .with_hint("pass an existing YAML file to -f/--values")
    })?;
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    let tree: Value = serde_saphyr::from_str(&text)
        .map_err(|e| Error::invalid(format!("values file {} is not valid YAML: {e}", path.display())))?;
    match tree {
        Value::Null => Ok(Value::Object(Map::new())),
        Value::Object(map) => Ok(Value::Object(rename_old_root(map))),
        _ => Err(Error::invalid(format!(
            "values file {} must hold a mapping such as `osm: {{deployGrafana: true}}`",
            path.display()
        ))),
    }
}

/// `OpenServiceMesh` is how OSM's older charts spelled the `osm` key.
fn rename_old_root(mut map: Map<String, Value>) -> Map<String, Value> {
    if let Some(old) = map.remove("OpenServiceMesh") {
        let mut merged = Value::Object(Map::new());
        merge(&mut merged, old);
        if let Some(new) = map.remove("osm") {
            merge(&mut merged, new);
        }
        map.insert("osm".into(), merged);
    }
    map
}

/// Deep merge: maps merge key by key, everything else replaces; null removes the key.
pub fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(slot) if value.is_object() && slot.is_object() => merge(slot, value),
                    _ if value.is_null() => {
                        base.remove(&key);
                    }
                    _ => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// Maps whose keys are free (labels, resource quantities); any string key is accepted.
fn is_free_map(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or(path);
    matches!(last, "podLabels" | "limits" | "requests")
}

/// Every key of the defaults, dotted, for suggestions.
fn all_keys(tree: &Value, prefix: &str, out: &mut Vec<String>) {
    if let Value::Object(map) = tree {
        for (key, value) in map {
            let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
            out.push(path.clone());
            if !is_free_map(&path) {
                all_keys(value, &path, out);
            }
        }
    }
}

fn closest_key(wrong: &str) -> Option<String> {
    let mut keys = Vec::new();
    all_keys(&defaults(), "", &mut keys);
    keys.into_iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(&k.to_lowercase(), &wrong.to_lowercase()), k))
        .filter(|(score, _)| *score > 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Checks the user's tree against the defaults: known keys only, matching types. Numbers and
/// booleans given where the default is a string are accepted (Helm does the same with
/// `--set cpu=2`), and turned into strings by [`coerce`].
fn check(defaults: &Value, user: &Value, prefix: &str) -> Result<()> {
    let (Value::Object(known), Value::Object(given)) = (defaults, user) else {
        return Ok(());
    };
    for (key, value) in given {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let Some(default) = known.get(key) else {
            let mut err = Error::invalid(format!("unknown value key {path}"));
            err = match closest_key(&path) {
                Some(k) => err.with_hint(format!("did you mean {k}?")),
                None => err.with_hint("see the OSM v1.2 chart's values for the keys osm accepts"),
            };
            return Err(err);
        };
        if value.is_null() {
            continue;
        }
        let fits = match (default, value) {
            (Value::Bool(_), Value::Bool(_)) => true,
            (Value::Number(_), Value::Number(n)) => n.is_i64() || n.is_u64(),
            (Value::String(_), Value::String(_) | Value::Number(_) | Value::Bool(_)) => true,
            (Value::Array(_), Value::Array(_)) => true,
            (Value::Object(_), Value::Object(_)) => true,
            _ => false,
        };
        if !fits {
            return Err(Error::invalid(format!(
                "{path} must be {}, not {} ({})",
                type_name(default),
                type_name(value),
                value
            ))
            .with_hint(match default {
                Value::Bool(_) => format!("use {path}=true or {path}=false"),
                Value::Number(_) => format!("use a whole number, e.g. {path}={default}"),
                _ => format!("the default is {path}={default}"),
            }));
        }
        if let Value::Object(_) = default {
            if is_free_map(&path) {
                check_free_map(&path, value)?;
            } else {
                check(default, value, &path)?;
            }
        }
    }
    Ok(())
}

fn check_free_map(path: &str, value: &Value) -> Result<()> {
    if let Value::Object(map) = value {
        for (key, v) in map {
            if matches!(v, Value::Array(_) | Value::Object(_)) {
                return Err(Error::invalid(format!("{path}.{key} must be a string, not {}", type_name(v))));
            }
        }
    }
    Ok(())
}

/// Turns scalars given where the defaults hold strings into strings.
fn coerce(defaults: &Value, user: &mut Value, prefix: &str) {
    let (Value::Object(known), Value::Object(given)) = (defaults, user) else { return };
    for (key, value) in given.iter_mut() {
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match (known.get(key), &value) {
            (Some(Value::String(_)), Value::Number(_) | Value::Bool(_)) => {
                *value = Value::String(value.to_string())
            }
            (Some(Value::Object(_)), Value::Object(_)) if is_free_map(&path) => {
                if let Value::Object(map) = value {
                    for v in map.values_mut() {
                        if matches!(v, Value::Number(_) | Value::Bool(_)) {
                            *v = Value::String(v.to_string());
                        }
                    }
                }
            }
            (Some(d @ Value::Object(_)), Value::Object(_)) => coerce(d, value, &path),
            _ => {}
        }
    }
}

/// Parses one `--set` argument (`a.b=1,c={x,y}`) into a tree. `typed` is false for
/// `--set-string`, where every value stays a string.
pub fn parse_set(text: &str, typed: bool) -> Result<Value> {
    let mut tree = Value::Object(Map::new());
    for pair in split_unescaped(text, ',', true) {
        if pair.is_empty() {
            continue;
        }
        let Some(eq) = find_unescaped(&pair, '=') else {
            return Err(Error::invalid(format!("{pair:?} is not key=value"))
                .with_hint("write --set osm.deployGrafana=true"));
        };
        let (key, raw) = (&pair[..eq], &pair[eq + 1..]);
        let mut parts: Vec<String> =
            split_unescaped(key, '.', false).into_iter().map(|p| unescape(&p)).collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Err(Error::invalid(format!("key {key:?} has an empty part")));
        }
        if let Some(p) = parts.iter().find(|p| p.contains('[')) {
            return Err(Error::invalid(format!("list indexes ({p}) are not supported"))
                .with_hint("set the whole list instead: key={a,b}"));
        }
        if parts[0] == "OpenServiceMesh" {
            parts[0] = "osm".into();
        }
        let value = parse_value(raw, typed);
        let mut leaf = value;
        for part in parts.iter().rev() {
            let mut map = Map::new();
            map.insert(part.clone(), leaf);
            leaf = Value::Object(map);
        }
        merge(&mut tree, leaf);
    }
    coerce(&defaults(), &mut tree, "");
    Ok(tree)
}

fn parse_value(raw: &str, typed: bool) -> Value {
    if raw.starts_with('{') && raw.ends_with('}') && raw.len() >= 2 {
        let inner = &raw[1..raw.len() - 1];
        if inner.is_empty() {
            return Value::Array(vec![]);
        }
        return Value::Array(
            split_unescaped(inner, ',', false).iter().map(|s| parse_scalar(s, typed)).collect(),
        );
    }
    parse_scalar(raw, typed)
}

fn parse_scalar(raw: &str, typed: bool) -> Value {
    let text = unescape(raw);
    if !typed {
        return Value::String(text);
    }
    match text.as_str() {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        _ => match text.parse::<i64>() {
            // Helm keeps numbers with leading zeros as strings.
            Ok(n) if !(text.len() > 1 && text.starts_with('0')) => Value::from(n),
            _ => Value::String(text),
        },
    }
}

/// Splits on `sep` outside `{...}` (when `braces`), honouring backslash escapes.
fn split_unescaped(text: &str, sep: char, braces: bool) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                parts.last_mut().expect("non-empty").push(c);
                if let Some(next) = chars.next() {
                    parts.last_mut().expect("non-empty").push(next);
                }
            }
            '{' if braces => {
                depth += 1;
                parts.last_mut().expect("non-empty").push(c);
            }
            '}' if braces => {
                depth = depth.saturating_sub(1);
                parts.last_mut().expect("non-empty").push(c);
            }
            c if c == sep && depth == 0 => parts.push(String::new()),
            c => parts.last_mut().expect("non-empty").push(c),
        }
    }
    parts
}

fn find_unescaped(text: &str, needle: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == needle {
            return Some(i);
        }
    }
    None
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---- the typed model ----

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Values {
    pub osm: Osm,
    pub contour: Contour,
    pub smi: Smi,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Osm {
    pub image: Image,
    pub image_pull_secrets: Vec<Value>,
    pub sidecar_image: String,
    pub sidecar_windows_image: String,
    pub curl_image: String,
    pub osm_controller: Component,
    pub prometheus: Prometheus,
    pub certificate_provider: CertificateProvider,
    pub vault: Vault,
    pub certmanager: CertManager,
    pub ca_bundle_secret_name: String,
    pub grafana: Grafana,
    pub enable_debug_server: bool,
    pub enable_permissive_traffic_policy: bool,
    pub enable_egress: bool,
    pub enable_reconciler: bool,
    pub deploy_prometheus: bool,
    pub deploy_grafana: bool,
    pub enable_fluentbit: bool,
    pub fluent_bit: FluentBit,
    pub mesh_name: String,
    pub envoy_log_level: String,
    pub local_proxy_mode: String,
    pub max_data_plane_connections: i64,
    pub config_resync_interval: String,
    pub controller_log_level: String,
    pub enforce_single_mesh: bool,
    pub webhook_config_name_prefix: String,
    pub osm_namespace: String,
    pub deploy_jaeger: bool,
    pub tracing: Tracing,
    #[serde(rename = "outboundIPRangeExclusionList")]
    pub outbound_ip_range_exclusion_list: Vec<String>,
    #[serde(rename = "outboundIPRangeInclusionList")]
    pub outbound_ip_range_inclusion_list: Vec<String>,
    pub outbound_port_exclusion_list: Vec<u16>,
    pub inbound_port_exclusion_list: Vec<u16>,
    pub network_interface_exclusion_list: Vec<String>,
    pub injector: Injector,
    pub enable_privileged_init_container: bool,
    pub feature_flags: FeatureFlags,
    pub multicluster: Multicluster,
    pub control_plane_tolerations: Vec<Value>,
    pub osm_bootstrap: Bootstrap,
    pub validator_webhook: ValidatorWebhook,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Image {
    pub registry: String,
    pub pull_policy: String,
    pub tag: String,
    pub name: ImageNames,
    pub digest: ImageNames,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImageNames {
    pub osm_controller: String,
    pub osm_injector: String,
    pub osm_sidecar_init: String,
    pub osm_bootstrap: String,
    #[serde(rename = "osmCRDs")]
    pub osm_crds: String,
    pub osm_preinstall: String,
    pub osm_healthcheck: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    pub limits: BTreeMap<String, String>,
    pub requests: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Component {
    pub replica_count: i32,
    pub resource: Resources,
    pub pod_labels: BTreeMap<String, String>,
    pub enable_pod_disruption_budget: bool,
    pub auto_scale: AutoScale,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Injector {
    pub replica_count: i32,
    pub resource: Resources,
    pub pod_labels: BTreeMap<String, String>,
    pub enable_pod_disruption_budget: bool,
    pub auto_scale: AutoScale,
    pub webhook_timeout_seconds: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bootstrap {
    pub replica_count: i32,
    pub resource: Resources,
    pub pod_labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutoScale {
    pub enable: bool,
    pub min_replicas: i32,
    pub max_replicas: i32,
    pub cpu: Utilization,
    pub memory: Utilization,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Utilization {
    pub target_average_utilization: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Prometheus {
    pub resources: Resources,
    pub port: i32,
    pub retention: Retention,
    pub image: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    pub time: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertificateProvider {
    pub kind: String,
    pub service_cert_validity_duration: String,
    pub cert_key_bit_size: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Vault {
    pub host: String,
    pub protocol: String,
    pub token: String,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CertManager {
    pub issuer_name: String,
    pub issuer_kind: String,
    pub issuer_group: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grafana {
    pub port: i32,
    pub enable_remote_rendering: bool,
    pub image: String,
    pub renderer_image: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FluentBit {
    pub name: String,
    pub registry: String,
    pub tag: String,
    pub pull_policy: String,
    pub output_plugin: String,
    pub workspace_id: String,
    pub primary_key: String,
    pub enable_proxy_support: bool,
    pub http_proxy: String,
    pub https_proxy: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Tracing {
    pub enable: bool,
    pub address: String,
    pub port: u16,
    pub endpoint: String,
    pub image: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeatureFlags {
    #[serde(rename = "enableWASMStats")]
    pub enable_wasm_stats: bool,
    pub enable_egress_policy: bool,
    pub enable_multicluster_mode: bool,
    pub enable_async_proxy_service_mapping: bool,
    pub enable_ingress_backend_policy: bool,
    pub enable_envoy_active_health_checks: bool,
    pub enable_snapshot_cache_mode: bool,
    pub enable_retry_policy: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Multicluster {
    pub gateway_log_level: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValidatorWebhook {
    pub webhook_configuration_name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contour {
    pub enabled: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Smi {
    pub validate_traffic_target: bool,
}

impl Values {
    /// Checks what the types cannot say.
    pub fn validate(&self) -> Result<()> {
        let name = &self.osm.mesh_name;
        if let Some(problem) = label_value_problem(name) {
            return Err(Error::invalid(format!("mesh name {name:?} is not valid: {problem}")).with_hint(
                "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
            ));
        }
        if self.contour.enabled {
            return Err(Error::invalid("contour.enabled=true: osm does not deploy Contour").with_hint(
                "install an ingress controller separately and allow it in with an IngressBackend",
            ));
        }
        // Refused rather than silently ignored: osm does not render these parts of the chart.
        for (set, key, instead) in [
            (
                self.osm.enable_fluentbit,
                "osm.enableFluentbit",
                "collect the controller's logs with the cluster's log agent",
            ),
            (
                self.osm.grafana.enable_remote_rendering,
                "osm.grafana.enableRemoteRendering",
                "run grafana-image-renderer separately",
            ),
        ] {
            if set {
                return Err(Error::invalid(format!("{key}=true is not supported by osm"))
                    .with_hint(format!("leave {key} false and {instead}")));
            }
        }
        if self.osm.certificate_provider.kind != "tresor" {
            return Err(Error::invalid(format!(
                "osm.certificateProvider.kind={}: osm installs the built-in tresor provider only",
                self.osm.certificate_provider.kind
            ))
            .with_hint("leave osm.certificateProvider.kind at tresor"));
        }
        let levels = ["trace", "debug", "info", "warning", "warn", "error", "critical", "off"];
        if !levels.contains(&self.osm.envoy_log_level.as_str()) {
            return Err(Error::invalid(format!(
                "osm.envoyLogLevel={} is not a log level",
                self.osm.envoy_log_level
            ))
            .with_hint(format!("use one of {}", levels.join(", "))));
        }
        if !["Localhost", "PodIP"].contains(&self.osm.local_proxy_mode.as_str()) {
            return Err(Error::invalid(format!(
                "osm.localProxyMode={} is not valid",
                self.osm.local_proxy_mode
            ))
            .with_hint("use Localhost or PodIP"));
        }
        for (what, count) in [
            ("osm.osmController.replicaCount", self.osm.osm_controller.replica_count),
            ("osm.injector.replicaCount", self.osm.injector.replica_count),
            ("osm.osmBootstrap.replicaCount", self.osm.osm_bootstrap.replica_count),
        ] {
            if count < 0 {
                return Err(Error::invalid(format!("{what}={count} must not be negative")));
            }
        }
        Ok(())
    }

    /// The full image reference of a control-plane component (digest wins over tag, as in the chart).
    pub fn image(&self, name: &str, digest: &str) -> String {
        let image = &self.osm.image;
        if digest.is_empty() {
            format!("{}/{}:{}", image.registry, name, image.tag)
        } else {
            format!("{}/{}@{}", image.registry, name, digest)
        }
    }

    /// The tracing collector address, defaulting to the Jaeger this install deploys.
    pub fn tracing_address(&self, namespace: &str) -> String {
        if self.osm.tracing.address.is_empty() {
            format!("jaeger.{namespace}.svc.cluster.local")
        } else {
            self.osm.tracing.address.clone()
        }
    }
}

/// Why `value` is not a valid Kubernetes label value, if it is not.
pub fn label_value_problem(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("it is empty".into());
    }
    if value.len() > 63 {
        return Some(format!("it is {} characters long (at most 63)", value.len()));
    }
    if let Some(c) = value.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
        return Some(format!("it contains {c:?}"));
    }
    let ends_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !ends_ok(value.chars().next()) || !ends_ok(value.chars().last()) {
        return Some("it must start and end with a letter or digit".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_set(items: &[&str]) -> Result<Values> {
        let overrides =
            Overrides { set: items.iter().map(|s| s.to_string()).collect(), ..Default::default() };
        resolve(&[&overrides.to_tree()?])
    }

    #[test]
    fn defaults_are_the_chart_defaults() {
        let v = resolve(&[]).unwrap();
        assert_eq!(v.osm.mesh_name, "osm");
        assert!(v.osm.enable_permissive_traffic_policy);
        assert!(v.osm.enable_egress);
        assert!(!v.osm.deploy_prometheus && !v.osm.deploy_grafana && !v.osm.deploy_jaeger);
        assert_eq!(v.osm.image.registry, "openservicemesh");
        assert_eq!(v.osm.image.tag, OSM_VERSION);
        assert!(v.osm.enforce_single_mesh);
        assert_eq!(v.osm.osm_controller.replica_count, 1);
        assert_eq!(v.osm.tracing.port, 9411);
        assert!(v.osm.feature_flags.enable_egress_policy);
    }

    #[test]
    fn seed_line_with_old_spelling() {
        let v = with_set(&[
            "OpenServiceMesh.enablePermissiveTrafficPolicy=false",
            "OpenServiceMesh.deployPrometheus=true",
            "OpenServiceMesh.deployGrafana=true",
            "OpenServiceMesh.deployJaeger=true",
        ])
        .unwrap();
        assert!(!v.osm.enable_permissive_traffic_policy);
        assert!(v.osm.deploy_prometheus && v.osm.deploy_grafana && v.osm.deploy_jaeger);
    }

    #[test]
    fn set_parses_nested_keys_lists_and_types() {
        let tree = parse_set("osm.osmController.replicaCount=3,osm.outboundPortExclusionList={80,443}", true)
            .unwrap();
        assert_eq!(tree["osm"]["osmController"]["replicaCount"], 3);
        assert_eq!(tree["osm"]["outboundPortExclusionList"], serde_json::json!([80, 443]));
        let tree = parse_set("osm.outboundIPRangeExclusionList={10.0.0.0/8,192.168.0.0/16}", true).unwrap();
        assert_eq!(tree["osm"]["outboundIPRangeExclusionList"][1], "192.168.0.0/16");
        let v = with_set(&["osm.osmController.podLabels.team=a\\,b", "osm.tracing.enable=true"]).unwrap();
        assert_eq!(v.osm.osm_controller.pod_labels["team"], "a,b");
        assert!(v.osm.tracing.enable);
    }

    #[test]
    fn numbers_where_strings_are_expected_become_strings() {
        let v = with_set(&["osm.osmController.resource.limits.cpu=2", "osm.image.tag=1"]).unwrap();
        assert_eq!(v.osm.osm_controller.resource.limits["cpu"], "2");
        assert_eq!(v.osm.image.tag, "1");
    }

    #[test]
    fn set_string_keeps_strings() {
        let tree = parse_set("osm.image.tag=true", false).unwrap();
        assert_eq!(tree["osm"]["image"]["tag"], "true");
        let overrides = Overrides { set_string: vec!["osm.deployGrafana=true".into()], ..Default::default() };
        let err = overrides.to_tree().unwrap_err();
        assert!(err.message.contains("osm.deployGrafana must be a boolean"), "{}", err.message);
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let err = with_set(&["osm.deployGrafna=true"]).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.message.contains("unknown value key osm.deployGrafna"), "{}", err.message);
        assert_eq!(err.hint.as_deref(), Some("did you mean osm.deployGrafana?"));
        let err = with_set(&["OpenServiceMesh.osmController.replicaCont=2"]).unwrap_err();
        assert_eq!(err.hint.as_deref(), Some("did you mean osm.osmController.replicaCount?"));
    }

    #[test]
    fn wrong_type_names_the_key() {
        let err = with_set(&["osm.deployGrafana=yes"]).unwrap_err();
        assert!(err.message.contains("osm.deployGrafana must be a boolean, not a string"), "{}", err.message);
        let err = with_set(&["osm.osmController.replicaCount=two"]).unwrap_err();
        assert!(err.message.contains("osm.osmController.replicaCount must be an integer"), "{}", err.message);
        let err = with_set(&["osm.tracing=on"]).unwrap_err();
        assert!(err.message.contains("osm.tracing must be a mapping"), "{}", err.message);
    }

    #[test]
    fn values_files_merge_in_order_and_set_wins() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        let b = dir.path().join("b.yaml");
        std::fs::write(&a, "OpenServiceMesh:\n  deployGrafana: true\n  meshName: first\n").unwrap();
        std::fs::write(&b, "osm:\n  meshName: second\n  tracing:\n    enable: true\n").unwrap();
        let overrides = Overrides {
            files: vec![a.clone(), b],
            set: vec!["osm.tracing.port=9412".into()],
            ..Default::default()
        };
        let v = resolve(&[&overrides.to_tree().unwrap()]).unwrap();
        assert!(v.osm.deploy_grafana);
        assert_eq!(v.osm.mesh_name, "second");
        assert!(v.osm.tracing.enable);
        assert_eq!(v.osm.tracing.port, 9412);
        assert_eq!(v.osm.tracing.endpoint, "/api/v2/spans");

        std::fs::write(&a, "osm:\n  deployGrafana: 3\n").unwrap();
        let err = Overrides { files: vec![a.clone()], ..Default::default() }.to_tree().unwrap_err();
        assert!(err.message.contains("osm.deployGrafana must be a boolean"), "{}", err.message);
        assert!(err.message.contains("a.yaml"), "{}", err.message);
    }

    #[test]
    fn mesh_name_flag_overrides_and_is_checked() {
        let overrides = Overrides {
            set: vec!["osm.meshName=from-set".into()],
            mesh_name: Some("flag".into()),
            ..Default::default()
        };
        assert_eq!(resolve(&[&overrides.to_tree().unwrap()]).unwrap().osm.mesh_name, "flag");
        let err = with_set(&["osm.meshName=Bad Name!"]).unwrap_err();
        assert!(err.message.contains("mesh name"), "{}", err.message);
    }

    #[test]
    fn secrets_are_dropped_from_stored_values() {
        let tree = parse_set("osm.vault.token=s3cret,osm.vault.host=vault", true).unwrap();
        let stored = without_secrets(&tree);
        assert!(stored["osm"]["vault"].get("token").is_none());
        assert_eq!(stored["osm"]["vault"]["host"], "vault");
    }

    #[test]
    fn unsupported_parts_of_the_chart_are_refused() {
        let err = with_set(&["osm.enableFluentbit=true"]).unwrap_err();
        assert!(err.message.contains("osm.enableFluentbit=true is not supported"), "{}", err.message);
        let err = with_set(&["osm.certificateProvider.kind=vault"]).unwrap_err();
        assert!(err.message.contains("tresor"), "{}", err.message);
        assert!(with_set(&["contour.enabled=true"]).is_err());
    }

    #[test]
    fn malformed_set_is_refused() {
        assert!(parse_set("osm.deployGrafana", true).unwrap_err().message.contains("not key=value"));
        assert!(parse_set("osm..x=1", true).is_err());
        assert!(parse_set("osm.imagePullSecrets[0].name=x", true).is_err());
    }
}
