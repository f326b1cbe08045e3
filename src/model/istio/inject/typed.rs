//! The shape Go gives an object that went through the typed Kubernetes structs: istioctl decodes
//! each injectable document into its `k8s.io/api` type and prints it back with `sigs.k8s.io/yaml`
//! (pkg/kube/inject/inject.go:666-684 `FromRawToObject`, :643-646 `yaml.Marshal(outObject)`).
//! What that round trip changes: `omitempty` drops empty lists and maps, `false`, `0` and `""` of
//! plain (non-pointer) fields and nulls; non-pointer structs always print (`resources: {}`,
//! `status: {}`, `strategy: {}`); quantities print as strings; keys come out sorted.

use serde_json::{Map, Value};

/// The kinds istioctl decodes (pkg/kube/inject/initializer.go:45-66, the `kinds` table).
/// Everything else is copied through untouched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    ReplicationController,
    Pod,
    Deployment,
    DaemonSet,
    ReplicaSet,
    Job,
    CronJob,
    StatefulSet,
    List,
    DeploymentConfig,
}

impl Kind {
    /// The scheme lookup (`injectScheme.New(gvk)`). Every kind is also registered as unversioned
    /// (pkg/kube/inject/initializer.go:72-77 `AddUnversionedTypes`), and apimachinery's
    /// `Scheme.New` falls back to the unversioned kinds by kind name alone: any apiVersion is
    /// decoded as the registered type (`apiVersion: v1` with `kind: DeploymentConfig`, an old
    /// `extensions/v1beta1` Deployment), and kept as written.
    pub fn of(_api_version: &str, kind: &str) -> Option<Kind> {
        Some(match kind {
            "ReplicationController" => Kind::ReplicationController,
            "Pod" => Kind::Pod,
            "Deployment" => Kind::Deployment,
            "DaemonSet" => Kind::DaemonSet,
            "ReplicaSet" => Kind::ReplicaSet,
            "Job" => Kind::Job,
            "CronJob" => Kind::CronJob,
            "StatefulSet" => Kind::StatefulSet,
            "List" => Kind::List,
            "DeploymentConfig" => Kind::DeploymentConfig,
            _ => return None,
        })
    }
}

/// Fields whose Go type is a pointer or that have no `omitempty`: their zero value (`false`, `0`,
/// `""`) survives the round trip (k8s.io/api core/v1, apps/v1, batch/v1 types.go).
const KEEPS_ZERO: &[&str] = &[
    // pointers
    "runAsUser",
    "runAsGroup",
    "runAsNonRoot",
    "privileged",
    "allowPrivilegeEscalation",
    "readOnlyRootFilesystem",
    "procMount",
    "fsGroup",
    "fsGroupChangePolicy",
    "replicas",
    "revisionHistoryLimit",
    "progressDeadlineSeconds",
    "terminationGracePeriodSeconds",
    "activeDeadlineSeconds",
    "automountServiceAccountToken",
    "enableServiceLinks",
    "shareProcessNamespace",
    "hostUsers",
    "setHostnameAsFQDN",
    "preemptionPolicy",
    "priority",
    "runtimeClassName",
    "restartPolicy",
    "optional",
    "defaultMode",
    "mode",
    "expirationSeconds",
    "backoffLimit",
    "backoffLimitPerIndex",
    "maxFailedIndexes",
    "completions",
    "parallelism",
    "ttlSecondsAfterFinished",
    "suspend",
    "startingDeadlineSeconds",
    "successfulJobsHistoryLimit",
    "failedJobsHistoryLimit",
    "partition",
    "maxUnavailable",
    "maxSurge",
    "sizeLimit",
    "service",
    "readOnly",
    // no omitempty
    "name",
    "containerPort",
    "port",
    "key",
    "mountPath",
    "fieldPath",
    "resource",
    "claimName",
    "medium",
    "topologyKey",
    "operator",
];

/// Fields of Go type `string` among the pod-bearing types (k8s.io/api core/v1, apps/v1, batch/v1
/// types.go). A YAML scalar that is not a string there (`version: 1.0`, `value: 1`, `y`) is
/// printed as a string: sigs.k8s.io/yaml converts it to the target's type while decoding
/// (sigs.k8s.io/yaml yaml.go `convertToJSONableObject`: `strconv.FormatBool`, `FormatInt`,
/// `FormatFloat(f, 'g', -1, 32)`), so istioctl prints `"1"` where the input said `1.0`.
const STRING_FIELDS: &[&str] = &[
    "name",
    "image",
    "value",
    "path",
    "mountPath",
    "subPath",
    "key",
    "operator",
    "effect",
    "serviceAccountName",
    "serviceAccount",
    "hostname",
    "subdomain",
    "schedulerName",
    "priorityClassName",
    "restartPolicy",
    "dnsPolicy",
    "imagePullPolicy",
    "workingDir",
    "host",
    "scheme",
    "protocol",
    "topologyKey",
    "claimName",
    "medium",
    "nodeName",
    "schedule",
    "timeZone",
    "concurrencyPolicy",
    "fieldPath",
    "namespace",
];

/// Fields of Go type `[]string` (container `command` and `args`, selector requirements' `values`).
const STRING_LISTS: &[&str] = &["command", "args", "values"];

/// A YAML scalar decoded into a Go `string` field, as sigs.k8s.io/yaml prints it.
fn go_string(value: &Value) -> Value {
    match value {
        Value::Bool(b) => Value::String(b.to_string()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Value::String(n.to_string()),
        Value::Number(n) => Value::String(go_float32_g(n.as_f64().unwrap_or_default())),
        other => other.clone(),
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 32)`: the shortest digits of the float32, in `%e` form
/// when the exponent is below -4 or at least 6 (strconv/ftoa.go, `eprec = 6` when shortest).
fn go_float32_g(f: f64) -> String {
    let x = f as f32;
    if x == 0.0 {
        return "0".into();
    }
    // Rust's `{:e}` gives the shortest round-tripping digits, as Go's shortest mode does.
    let text = format!("{x:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if !(-4..6).contains(&exponent) {
        let rest = if digits.len() > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{}{rest}e{exp_sign}{:02}", &digits[..1], exponent.abs());
    }
    let point = exponent + 1;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if (point as usize) >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    };
    format!("{sign}{body}")
}

/// Map-typed fields (`map[string]string`, `ResourceList`): empty ones are dropped like lists.
const MAP_FIELDS: &[&str] = &[
    "labels",
    "annotations",
    "nodeSelector",
    "matchLabels",
    "data",
    "binaryData",
    "limits",
    "requests",
    "capacity",
    "volumeAttributes",
    "overhead",
];

/// The `map[string]string` fields among [`MAP_FIELDS`].
const STRING_MAPS: &[&str] =
    &["labels", "annotations", "nodeSelector", "matchLabels", "data", "volumeAttributes"];

/// A top-level object of an injectable kind as Go prints it.
pub fn go_object(kind: Kind, object: &Value) -> Value {
    if kind == Kind::List {
        // A List's items are raw JSON (`runtime.RawExtension`): each stays as written unless it
        // is injected (pkg/kube/inject/inject.go:700-722).
        let mut list = object.clone();
        let items = list.as_object_mut().and_then(|m| m.remove("items"));
        let mut value = prune(&list, None);
        if let Some(map) = value.as_object_mut() {
            map.entry("metadata").or_insert_with(empty);
            // `items` has no omitempty.
            map.insert("items".into(), items.unwrap_or(Value::Null));
        }
        return value;
    }
    let mut value = prune(object, None);
    let Some(map) = value.as_object_mut() else { return value };
    map.entry("metadata").or_insert_with(empty);
    let mut status = map.get("status").and_then(Value::as_object).cloned().unwrap_or_default();
    // Status counters without omitempty print even at zero (apps/v1 types.go `StatefulSetStatus`,
    // `DaemonSetStatus`, `ReplicaSetStatus`; core/v1 `ReplicationControllerStatus`).
    let counters: &[&str] = match kind {
        Kind::StatefulSet => &["replicas", "availableReplicas"],
        Kind::DaemonSet => {
            &["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"]
        }
        Kind::ReplicaSet | Kind::ReplicationController => &["replicas"],
        Kind::DeploymentConfig => &[
            "latestVersion",
            "observedGeneration",
            "replicas",
            "updatedReplicas",
            "availableReplicas",
            "unavailableReplicas",
        ],
        _ => &[],
    };
    for counter in counters {
        status.entry(*counter).or_insert(Value::from(0));
    }
    map.insert("status".into(), Value::Object(sorted(status)));
    let spec = map.entry("spec").or_insert_with(empty);
    let Some(spec) = spec.as_object_mut() else { return value };
    match kind {
        Kind::Pod => pod_spec(spec),
        Kind::Deployment => {
            spec.entry("strategy").or_insert_with(empty);
            pod_template(spec);
        }
        Kind::StatefulSet => {
            spec.entry("updateStrategy").or_insert_with(empty);
            if let Some(Value::Array(claims)) = spec.get_mut("volumeClaimTemplates") {
                for claim in claims.iter_mut().filter_map(Value::as_object_mut) {
                    claim.entry("metadata").or_insert_with(empty);
                    claim.entry("status").or_insert_with(empty);
                    if let Some(claim_spec) = claim.entry("spec").or_insert_with(empty).as_object_mut() {
                        claim_spec.entry("resources").or_insert_with(empty);
                    }
                }
            }
            pod_template(spec);
        }
        Kind::DaemonSet => {
            spec.entry("updateStrategy").or_insert_with(empty);
            pod_template(spec);
        }
        Kind::DeploymentConfig => {
            // The openshift types (github.com/openshift/api apps/v1 types.go): `triggers` and
            // `test` have no omitempty, and the strategy's `resources` is a plain struct.
            let strategy = spec.entry("strategy").or_insert_with(empty);
            if let Some(strategy) = strategy.as_object_mut() {
                strategy.entry("resources").or_insert_with(empty);
            }
            spec.entry("triggers").or_insert(Value::Null);
            // `replicas int32 json:"replicas"`: no omitempty either.
            spec.entry("replicas").or_insert(Value::from(0));
            spec.entry("test").or_insert(Value::Bool(false));
            pod_template(spec);
        }
        Kind::CronJob => {
            let job = spec.entry("jobTemplate").or_insert_with(empty);
            if let Some(job) = job.as_object_mut() {
                job.entry("metadata").or_insert_with(empty);
                if let Some(job_spec) = job.entry("spec").or_insert_with(empty).as_object_mut() {
                    pod_template(job_spec);
                }
            }
        }
        Kind::ReplicationController | Kind::ReplicaSet | Kind::Job => pod_template(spec),
        Kind::List => {}
    }
    value
}

/// A bare `PodSpec` or `Pod` as Go prints it: used for the pod istioctl builds and patches.
pub fn go_pod(pod: &Value) -> Value {
    go_object(Kind::Pod, pod)
}

fn pod_template(spec: &mut Map<String, Value>) {
    let template = spec.entry("template").or_insert_with(empty);
    if let Some(template) = template.as_object_mut() {
        template.entry("metadata").or_insert_with(empty);
        if let Some(pod) = template.entry("spec").or_insert_with(empty).as_object_mut() {
            pod_spec(pod);
        }
    }
}

fn pod_spec(spec: &mut Map<String, Value>) {
    // `containers` has no omitempty: it prints even when absent (as null) or empty.
    spec.entry("containers").or_insert(Value::Null);
    for field in ["containers", "initContainers", "ephemeralContainers"] {
        if let Some(Value::Array(containers)) = spec.get_mut(field) {
            for container in containers.iter_mut().filter_map(Value::as_object_mut) {
                container.entry("resources").or_insert_with(empty);
                container.entry("name").or_insert_with(|| Value::String(String::new()));
            }
        }
    }
}

fn empty() -> Value {
    Value::Object(Map::new())
}

/// Drops what `omitempty` drops and turns quantities into strings, recursively; `field` is the
/// key the value sits under.
fn prune(value: &Value, field: Option<&str>) -> Value {
    match value {
        // A `map[string]string` keeps every entry, empty values included: `omitempty` applies to
        // the map as a whole, never to its values (an annotation set to "" stays).
        Value::Object(map) if STRING_MAPS.contains(&field.unwrap_or_default()) => {
            Value::Object(sorted(map.iter().map(|(k, v)| (k.clone(), go_string(v))).collect()))
        }
        Value::Array(items) if STRING_LISTS.contains(&field.unwrap_or_default()) => {
            Value::Array(items.iter().map(go_string).collect())
        }
        Value::Bool(_) | Value::Number(_) if STRING_FIELDS.contains(&field.unwrap_or_default()) => {
            go_string(value)
        }
        Value::Object(map) => {
            let quantities = matches!(field, Some("limits" | "requests" | "capacity" | "overhead"));
            let mut out = Map::new();
            for (key, item) in map {
                if (quantities || matches!(key.as_str(), "divisor" | "sizeLimit"))
                    && let Some(text) = quantity(item)
                {
                    out.insert(key.clone(), Value::String(text));
                    continue;
                }
                let item = prune(item, Some(key));
                if dropped(key, &item) {
                    continue;
                }
                out.insert(key.clone(), item);
            }
            Value::Object(sorted(out))
        }
        Value::Array(items) => Value::Array(items.iter().map(|item| prune(item, None)).collect()),
        other => other.clone(),
    }
}

fn dropped(key: &str, value: &Value) -> bool {
    match value {
        Value::Null => key != "containers",
        Value::Array(items) => items.is_empty() && key != "containers",
        Value::Object(map) => map.is_empty() && MAP_FIELDS.contains(&key),
        Value::Bool(false) => !KEEPS_ZERO.contains(&key),
        Value::Number(n) => n.as_f64() == Some(0.0) && !KEEPS_ZERO.contains(&key),
        Value::String(s) => s.is_empty() && !KEEPS_ZERO.contains(&key),
        _ => false,
    }
}

/// A `resource.Quantity` as Go prints it (k8s.io/apimachinery pkg/api/resource quantity.go
/// `CanonicalizeBytes`): numbers become strings, decimal amounts take the largest suffix that keeps
/// the mantissa whole (`2000m` -> `2`, `1000` -> `1k`), binary ones the largest power of 1024
/// (`1024Mi` -> `1Gi`). Text that is not a plain quantity is left as written.
fn quantity(value: &Value) -> Option<String> {
    let text = match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => return None,
    };
    Some(canonical_quantity(&text).unwrap_or(text))
}

pub fn canonical_quantity(text: &str) -> Option<String> {
    let split =
        text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let (negative, digits) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number.strip_prefix('+').unwrap_or(number)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.len() > 9 {
        return None;
    }
    // The amount in units of 10^-9.
    let whole_value: i128 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction_value: i128 =
        if fraction.is_empty() { 0 } else { format!("{fraction:0<9}").parse().ok()? };
    let nanos = whole_value.checked_mul(1_000_000_000)?.checked_add(fraction_value)?;
    let binary = |power: u32| -> Option<String> {
        let amount = nanos.checked_mul(1024i128.pow(power))?;
        if amount % 1_000_000_000 != 0 {
            return None;
        }
        let bytes = amount / 1_000_000_000;
        let sign = if negative && bytes != 0 { "-" } else { "" };
        if bytes < 1024 && bytes != 0 && power > 0 {
            return Some(format!("{sign}{bytes}"));
        }
        for (p, name) in [(6u32, "Ei"), (5, "Pi"), (4, "Ti"), (3, "Gi"), (2, "Mi"), (1, "Ki")] {
            let unit = 1024i128.pow(p);
            if bytes != 0 && bytes % unit == 0 {
                return Some(format!("{sign}{}{name}", bytes / unit));
            }
        }
        Some(format!("{sign}{bytes}"))
    };
    let decimal_exponent = match suffix {
        "Ki" => return binary(1),
        "Mi" => return binary(2),
        "Gi" => return binary(3),
        "Ti" => return binary(4),
        "Pi" => return binary(5),
        "Ei" => return binary(6),
        "n" => -9,
        "u" => -6,
        "m" => -3,
        "" => 0,
        "k" => 3,
        "M" => 6,
        "G" => 9,
        "T" => 12,
        "P" => 15,
        "E" => 18,
        _ => return None,
    };
    // Amount in nano-units, scaled by the suffix.
    let scaled = if decimal_exponent >= -9 {
        nanos.checked_mul(10i128.checked_pow((decimal_exponent + 9) as u32)?)? / 1_000_000_000
    } else {
        return None;
    };
    if scaled == 0 {
        return Some("0".into());
    }
    let sign = if negative { "-" } else { "" };
    for (exponent, name) in [
        (27, "E"),
        (24, "P"),
        (21, "T"),
        (18, "G"),
        (15, "M"),
        (12, "k"),
        (9, ""),
        (6, "m"),
        (3, "u"),
        (0, "n"),
    ] {
        let unit = 10i128.pow(exponent);
        if scaled % unit == 0 {
            return Some(format!("{sign}{}{name}", scaled / unit));
        }
    }
    None
}

/// Go prints struct fields in declaration order and maps sorted; the result is compared as
/// data, so sorted keys throughout are enough and make the output stable.
pub fn sorted(map: Map<String, Value>) -> Map<String, Value> {
    let mut entries: Vec<(String, Value)> = map.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings are what Go's `strconv.FormatFloat(f, 'g', -1, 32)` prints (the
    /// `version: 1.0` case is istioctl's own output for a label written that way).
    #[test]
    fn floats_print_as_go_prints_a_float32() {
        for (f, go) in [
            (1.0, "1"),
            (2.75, "2.75"),
            (123456.0, "123456"),
            (1e6, "1e+06"),
            (1234567.0, "1.234567e+06"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-2.5, "-2.5"),
            (0.1, "0.1"),
        ] {
            assert_eq!(go_float32_g(f), go, "{f}");
        }
    }

    #[test]
    fn scalars_in_string_fields_become_strings() {
        let pod = serde_json::json!({"metadata": {"labels": {"version": 1.0, "tier": 1}, "annotations": {"team": true}},
            "spec": {"containers": [{"name": false, "image": "x", "args": [1, true], "env": [{"name": "N", "value": 1}]}]}});
        let out = go_pod(&pod);
        assert_eq!(out["metadata"]["labels"]["version"], "1");
        assert_eq!(out["metadata"]["labels"]["tier"], "1");
        assert_eq!(out["metadata"]["annotations"]["team"], "true");
        assert_eq!(out["spec"]["containers"][0]["name"], "false");
        assert_eq!(out["spec"]["containers"][0]["args"], serde_json::json!(["1", "true"]));
        assert_eq!(out["spec"]["containers"][0]["env"][0]["value"], "1");
    }
    use serde_json::json;

    #[test]
    fn a_deployment_gains_what_go_always_prints() {
        let input = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a", "labels": {}},
            "spec": {"template": {"spec": {"hostNetwork": false, "containers": [{"name": "c", "image": "i", "env": [],
            "resources": {"limits": {"cpu": 1, "memory": "1Gi"}}}]}}}});
        let out = go_object(Kind::Deployment, &input);
        assert_eq!(
            out,
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"}, "status": {},
                "spec": {"strategy": {}, "template": {"metadata": {}, "spec": {"containers": [{"name": "c", "image": "i",
                "resources": {"limits": {"cpu": "1", "memory": "1Gi"}}}]}}}})
        );
    }

    #[test]
    fn pointer_fields_keep_their_zero_values() {
        let input = json!({"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "c",
            "securityContext": {"runAsUser": 0, "privileged": false},
            "readinessProbe": {"initialDelaySeconds": 0, "periodSeconds": 1}}]}});
        let out = go_object(Kind::Pod, &input);
        assert_eq!(
            out["spec"]["containers"][0],
            json!({"name": "c", "resources": {}, "securityContext": {"runAsUser": 0, "privileged": false},
                "readinessProbe": {"periodSeconds": 1}})
        );
        assert_eq!(out["status"], json!({}));
    }

    // Canonical forms as k8s.io/apimachinery's resource.Quantity prints them.
    #[test]
    fn quantities_print_in_their_canonical_form() {
        for (given, printed) in [
            ("2000m", "2"),
            ("100m", "100m"),
            ("1000", "1k"),
            ("1024Mi", "1Gi"),
            ("40Mi", "40Mi"),
            ("0.5", "500m"),
            ("1", "1"),
            ("1.5Gi", "1536Mi"),
        ] {
            assert_eq!(canonical_quantity(given).as_deref(), Some(printed), "{given}");
        }
    }

    #[test]
    fn list_items_stay_as_written() {
        let list = json!({"apiVersion": "v1", "kind": "List", "items": [{"kind": "Service", "spec": {"clusterIP": ""}}]});
        let out = go_object(Kind::List, &list);
        assert_eq!(
            out,
            json!({"apiVersion": "v1", "kind": "List", "metadata": {}, "items": [{"kind": "Service", "spec": {"clusterIP": ""}}]})
        );
    }

    #[test]
    fn registered_kinds_are_injectable_under_any_version() {
        assert_eq!(Kind::of("apps/v1", "Deployment"), Some(Kind::Deployment));
        // Istio's own case deploymentconfig-with-canonical-service-label.yaml is `v1`.
        assert_eq!(Kind::of("extensions/v1beta1", "Deployment"), Some(Kind::Deployment));
        assert_eq!(Kind::of("v1", "DeploymentConfig"), Some(Kind::DeploymentConfig));
        assert_eq!(Kind::of("example.com/v1", "Widget"), None);
        assert_eq!(Kind::of("v1", "Service"), None);
        assert_eq!(Kind::of("", ""), None);
    }
}
