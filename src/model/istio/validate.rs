//! istioctl's refusal of an IstioOperator before anything renders
//! (operator/pkg/apis/validation/validation.go at 1.30.3): the spec decoded with unknown fields
//! disallowed (validation.go:50-56, the struct in operator/pkg/apis/types.go), then
//! `spec.values` decoded into the `Values` message of values_types.proto by golang/protobuf's
//! jsonpb (validation.go:151-155, operator/pkg/apis/value_types_json.go:81-84), whose rules
//! (jsonpb/decode.go at v1.5.4) are modelled here field by field. `components.*.k8s` goes on to
//! Kubernetes' own types (`k8s_schema`), `meshConfig` and `values.meshConfig` to Istio's mesh
//! config validation (`mesh_config`). Every refusal names the path.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::input::Input;

/// The proto, copied unchanged from Istio's operator/pkg/apis/values_types.proto at 1.30.3.
const VALUES_PROTO: &str = include_str!("values_types.proto");

#[derive(Debug, Clone)]
enum Kind {
    Bool,
    Int { bits: u32, signed: bool },
    Float,
    Str,
    Bytes,
    Enum(Vec<String>),
    Message(String),
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    json_name: String,
    kind: Kind,
    repeated: bool,
    /// `map<string, V>`: the value kind is `kind`.
    map: bool,
}

#[derive(Debug, Default)]
struct Schema {
    messages: HashMap<String, Vec<Field>>,
}

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| parse_proto(VALUES_PROTO))
}

/// protoc's default JSON name: lowerCamelCase of the field name.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads the messages, enums and fields of values_types.proto: the subset of proto3 it uses
/// (top-level and nested messages and enums, `repeated`, `map<string, T>`, field options).
/// A field as declared: name, type name, repeated, map, explicit JSON name.
type RawField = (String, String, bool, bool, Option<String>);

fn parse_proto(text: &str) -> Schema {
    let mut enums: HashMap<String, Vec<String>> = HashMap::new();
    let mut raw_messages: Vec<(String, Vec<RawField>)> = Vec::new();
    // A stack of open blocks: ("message"|"enum", name).
    let mut stack: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("message ") {
            let name = rest.trim_end_matches('{').trim().to_string();
            stack.push(("message".into(), name.clone()));
            raw_messages.push((name, Vec::new()));
            if line.ends_with('}') {
                stack.pop();
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("enum ") {
            let name = rest.trim_end_matches('{').trim().to_string();
            stack.push(("enum".into(), name.clone()));
            enums.insert(name, Vec::new());
            continue;
        }
        if line.starts_with("oneof ") {
            stack.push(("oneof".into(), String::new()));
            continue;
        }
        if line == "}" || line == "};" {
            stack.pop();
            continue;
        }
        let Some((block, block_name)) = stack.last().cloned() else { continue };
        let Some((declaration, _)) = line.split_once('=') else { continue };
        let options =
            line.split_once('[').map(|(_, o)| o.trim_end_matches(';').trim_end_matches(']').to_string());
        if block == "enum" {
            enums.entry(block_name).or_default().push(declaration.trim().to_string());
            continue;
        }
        let declaration = declaration.trim();
        let (repeated, declaration) = match declaration.strip_prefix("repeated ") {
            Some(rest) => (true, rest.trim()),
            None => (false, declaration),
        };
        let (map, type_name, name) = if let Some(rest) = declaration.strip_prefix("map<") {
            let (types, name) = rest.split_once('>').unwrap_or((rest, ""));
            let value_type = types.split(',').nth(1).unwrap_or("string").trim().to_string();
            (true, value_type, name.trim().to_string())
        } else {
            let mut words = declaration.split_whitespace();
            let type_name = words.next().unwrap_or("").to_string();
            (false, type_name, words.next().unwrap_or("").to_string())
        };
        let json_name = options.as_deref().and_then(|o| {
            let (_, rest) = o.split_once("json_name")?;
            let start = rest.find('"')? + 1;
            let end = rest[start..].find('"')? + start;
            Some(rest[start..end].to_string())
        });
        // Fields of a oneof belong to the enclosing message.
        let owner = stack.iter().rev().find(|(kind, _)| kind == "message").map(|(_, name)| name.clone());
        if let Some(owner) = owner
            && let Some((_, fields)) = raw_messages.iter_mut().rev().find(|(name, _)| *name == owner)
        {
            fields.push((name, type_name, repeated, map, json_name));
        }
    }
    let mut schema = Schema::default();
    for (message, fields) in raw_messages {
        let fields = fields
            .into_iter()
            .map(|(name, type_name, repeated, map, json_name)| {
                let kind = match type_name.as_str() {
                    "bool" => Kind::Bool,
                    "int32" | "sint32" | "sfixed32" => Kind::Int { bits: 32, signed: true },
                    "int64" | "sint64" | "sfixed64" => Kind::Int { bits: 64, signed: true },
                    "uint32" | "fixed32" => Kind::Int { bits: 32, signed: false },
                    "uint64" | "fixed64" => Kind::Int { bits: 64, signed: false },
                    "float" | "double" => Kind::Float,
                    "string" => Kind::Str,
                    "bytes" => Kind::Bytes,
                    other => {
                        let short = other.rsplit('.').next().unwrap_or(other);
                        match enums.get(short) {
                            Some(values) if !other.starts_with("google.protobuf.") => {
                                Kind::Enum(values.clone())
                            }
                            _ if other.starts_with("google.protobuf.") => Kind::Message(other.to_string()),
                            _ => Kind::Message(short.to_string()),
                        }
                    }
                };
                Field { json_name: json_name.unwrap_or_else(|| camel(&name)), name, kind, repeated, map }
            })
            .collect();
        schema.messages.insert(message, fields);
    }
    schema
}

/// The fix a type error names; a caller reading input from elsewhere swaps it for its own.
pub(super) fn type_fix() -> String {
    format!("; fix the value in {} or the {} file", Input::Set, Input::IstioOperatorFile)
}

pub(super) fn type_error(path: &str, want: &str, got: &Value) -> Error {
    let got = match got {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the bool {b}"),
        // A whole float (numbers pass through a JSON round trip as floats) prints as Go prints it.
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("the number {f:.0}"),
            _ => format!("the number {n}"),
        },
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a map".to_string(),
    };
    Error::invalid(format!("{path}: expected {want}, got {got}{}", type_fix()))
}

/// Checks `spec.values` against the `Values` message.
pub fn check_values(values: &Value) -> Result<()> {
    check_message(values, "Values", "values")
}

fn check_message(value: &Value, message: &str, path: &str) -> Result<()> {
    match message {
        // IntOrString's own decoder (value_types_json.go:32-51): a JSON string, or an int32.
        "IntOrString" => {
            if value.is_string() || value.is_null() {
                return Ok(());
            }
            return check_int(value, path, 32, true, false);
        }
        "google.protobuf.Value" => return Ok(()),
        "google.protobuf.Struct" => {
            return if value.is_object() || value.is_null() {
                Ok(())
            } else {
                Err(type_error(path, "a map", value))
            };
        }
        "google.protobuf.ListValue" => {
            return if value.is_array() || value.is_null() {
                Ok(())
            } else {
                Err(type_error(path, "a list", value))
            };
        }
        "google.protobuf.BoolValue" => return check_scalar(&Kind::Bool, value, path),
        "google.protobuf.StringValue" => return check_scalar(&Kind::Str, value, path),
        "google.protobuf.Int32Value" => {
            return check_scalar(&Kind::Int { bits: 32, signed: true }, value, path);
        }
        "google.protobuf.UInt32Value" => {
            return check_scalar(&Kind::Int { bits: 32, signed: false }, value, path);
        }
        "google.protobuf.Int64Value" => {
            return check_scalar(&Kind::Int { bits: 64, signed: true }, value, path);
        }
        "google.protobuf.UInt64Value" => {
            return check_scalar(&Kind::Int { bits: 64, signed: false }, value, path);
        }
        "google.protobuf.DoubleValue" | "google.protobuf.FloatValue" => {
            return check_scalar(&Kind::Float, value, path);
        }
        "google.protobuf.Duration" => {
            return match value {
                Value::Null => Ok(()),
                Value::String(s) if go_duration_ok(s) => Ok(()),
                Value::String(s) => {
                    Err(Error::invalid(format!("{path}: bad Duration {s:?}; write it like 30s, 5m or 1h30m")))
                }
                other => Err(type_error(path, "a duration string such as 30s", other)),
            };
        }
        "google.protobuf.Any" => return Ok(()),
        _ => {}
    }
    if value.is_null() {
        return Ok(());
    }
    let Some(object) = value.as_object() else {
        return Err(type_error(path, "a map", value));
    };
    let Some(fields) = schema().messages.get(message) else {
        return Ok(());
    };
    for (key, item) in object {
        let Some(field) = fields.iter().find(|f| f.name == *key || f.json_name == *key) else {
            return Err(Error::invalid(format!(
                "{path}.{key}: unknown field {key:?} in istio.operator.v1alpha1.{message}; check the spelling against Istio's values_types.proto"
            )));
        };
        let here = format!("{path}.{key}");
        // decode.go:365-367: a null field is skipped, except a google.protobuf.Value or a type
        // with its own decoder.
        if item.is_null() {
            continue;
        }
        if field.map {
            let Some(entries) = item.as_object() else { return Err(type_error(&here, "a map", item)) };
            for (entry_key, entry) in entries {
                check_single(&field.kind, entry, &format!("{here}.{entry_key}"))?;
            }
        } else if field.repeated {
            let Some(items) = item.as_array() else { return Err(type_error(&here, "a list", item)) };
            for (index, entry) in items.iter().enumerate() {
                check_single(&field.kind, entry, &format!("{here}[{index}]"))?;
            }
        } else {
            check_single(&field.kind, item, &here)?;
        }
    }
    Ok(())
}

fn check_single(kind: &Kind, value: &Value, path: &str) -> Result<()> {
    match kind {
        Kind::Message(name) => check_message(value, name, path),
        other => check_scalar(other, value, path),
    }
}

/// `unmarshalSingularValue` (jsonpb/decode.go:464-505).
fn check_scalar(kind: &Kind, value: &Value, path: &str) -> Result<()> {
    if value.is_null() {
        return Ok(());
    }
    match kind {
        Kind::Bool => {
            value.is_boolean().then_some(()).ok_or_else(|| type_error(path, "true or false", value))
        }
        Kind::Str | Kind::Bytes => {
            value.is_string().then_some(()).ok_or_else(|| type_error(path, "a string", value))
        }
        Kind::Int { bits, signed } => check_int(value, path, *bits, *signed, true),
        Kind::Float => match value {
            Value::Number(_) => Ok(()),
            Value::String(s)
                if s.trim().parse::<f64>().is_ok()
                    || matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") =>
            {
                Ok(())
            }
            other => Err(type_error(path, "a number", other)),
        },
        Kind::Enum(names) => match value {
            Value::String(s) if names.iter().any(|n| n == s) => Ok(()),
            Value::String(s) => {
                Err(Error::invalid(format!("{path}: unknown value {s:?}; one of {}", names.join(", "))))
            }
            Value::Number(n) if n.as_i64().is_some() || n.as_f64().is_some_and(|f| f.fract() == 0.0) => {
                Ok(())
            }
            other => Err(type_error(path, "one of its names", other)),
        },
        Kind::Message(name) => check_message(value, name, path),
    }
}

/// Integers decode with the quotes stripped (decode.go:524-530 `trimQuote`), so `"5"` is 5 and
/// `"abc"` is refused; a fraction, a sign on an unsigned field or an overflow is refused too.
pub(super) fn check_int(
    value: &Value,
    path: &str,
    bits: u32,
    signed: bool,
    strip_quotes: bool,
) -> Result<()> {
    let want = match (signed, bits) {
        (true, 32) => "an integer (int32)",
        (true, _) => "an integer (int64)",
        (false, 32) => "a non-negative integer (uint32)",
        (false, _) => "a non-negative integer (uint64)",
    };
    let number: Option<f64> = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) if strip_quotes => {
            let trimmed = s.as_str();
            let json_number = !trimmed.is_empty()
                && trimmed
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e' | b'E' | b'+'))
                && trimmed.parse::<f64>().is_ok()
                && !trimmed.starts_with('+');
            if json_number { trimmed.parse().ok() } else { None }
        }
        _ => None,
    };
    let Some(number) = number else { return Err(type_error(path, want, value)) };
    let (low, high) = match (signed, bits) {
        (true, 32) => (i32::MIN as f64, i32::MAX as f64),
        (true, _) => (i64::MIN as f64, i64::MAX as f64),
        (false, 32) => (0.0, u32::MAX as f64),
        (false, _) => (0.0, u64::MAX as f64),
    };
    if number.fract() != 0.0 || number < low || number > high {
        return Err(type_error(path, want, value));
    }
    Ok(())
}

/// Go's `time.ParseDuration`: a sequence of decimal numbers with units.
pub(super) fn go_duration_ok(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    if body == "0" {
        return true;
    }
    if body.is_empty() {
        return false;
    }
    let mut rest = body;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        if digits == 0 {
            return false;
        }
        rest = &rest[digits..];
        let unit = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"].iter().find(|u| rest.starts_with(**u));
        match unit {
            Some(unit) => rest = &rest[unit.len()..],
            None => return false,
        }
    }
    true
}

/// The fields of `IstioOperatorSpec` (operator/pkg/apis/types.go:65-105).
const SPEC_FIELDS: &[&str] = &[
    "profile",
    "installPackagePath",
    "hub",
    "tag",
    "namespace",
    "revision",
    "compatibilityVersion",
    "meshConfig",
    "components",
    "values",
    "unvalidatedValues",
];

/// `IstioComponentSpec` (types.go:107-116): single components and gateway lists.
const SINGLE_COMPONENTS: &[&str] = &["base", "pilot", "cni", "ztunnel", "istiodRemote"];
const GATEWAY_COMPONENTS: &[&str] = &["ingressGateways", "egressGateways"];

/// `KubernetesResources` (types.go:147-188).
const K8S_FIELDS: &[(&str, &str)] = &[
    ("affinity", "map"),
    ("env", "list"),
    ("hpaSpec", "map"),
    ("imagePullPolicy", "string"),
    ("nodeSelector", "string map"),
    ("podDisruptionBudget", "map"),
    ("podAnnotations", "string map"),
    ("priorityClassName", "string"),
    ("readinessProbe", "map"),
    ("replicaCount", "uint32"),
    ("resources", "map"),
    ("service", "map"),
    ("strategy", "map"),
    ("tolerations", "list"),
    ("serviceAnnotations", "string map"),
    ("securityContext", "map"),
    ("volumes", "list"),
    ("volumeMounts", "list"),
    ("overlays", "list"),
];

/// encoding/json into a Go string: only a JSON string (or null) fits.
fn check_go_string(value: &Value, path: &str) -> Result<()> {
    if value.is_string() || value.is_null() { Ok(()) } else { Err(type_error(path, "a string", value)) }
}

fn check_k8s(value: &Value, path: &str) -> Result<()> {
    if value.is_null() {
        return Ok(());
    }
    let Some(object) = value.as_object() else { return Err(type_error(path, "a map", value)) };
    for (key, item) in object {
        let here = format!("{path}.{key}");
        let Some((_, kind)) = K8S_FIELDS.iter().find(|(name, _)| name == key) else {
            return Err(Error::invalid(format!(
                "{here}: unknown field {key:?} in KubernetesResources; one of {}",
                K8S_FIELDS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            )));
        };
        if item.is_null() {
            continue;
        }
        match *kind {
            "map" if !item.is_object() => return Err(type_error(&here, "a map", item)),
            "list" if !item.is_array() => return Err(type_error(&here, "a list", item)),
            "string" => check_go_string(item, &here)?,
            "string map" => {
                let Some(entries) = item.as_object() else { return Err(type_error(&here, "a map", item)) };
                for (entry_key, entry) in entries {
                    check_go_string(entry, &format!("{here}.{entry_key}"))?;
                }
            }
            // encoding/json into uint32 (types.go:167): a JSON number that fits, no quotes.
            "uint32" => {
                if !item.is_number() {
                    return Err(type_error(&here, "a non-negative integer (uint32)", item));
                }
                check_int(item, &here, 32, false, false)?;
            }
            "list" if *key == "overlays" => check_overlays(item, &here)?,
            _ => {}
        }
        // The k8s.io/api types, field by field (types.go:149-185).
        if super::k8s_schema::is_typed_root(key) {
            super::k8s_schema::check_root(key, item, &here)?;
        }
    }
    Ok(())
}

/// `[]KubernetesOverlay` (types.go:190-215): `apiVersion`, `kind`, `name` and `patches`, each
/// patch a `path` string and a `value` of any type.
fn check_overlays(value: &Value, path: &str) -> Result<()> {
    let Some(overlays) = value.as_array() else { return Err(type_error(path, "a list", value)) };
    for (index, overlay) in overlays.iter().enumerate() {
        let here = format!("{path}[{index}]");
        if overlay.is_null() {
            continue;
        }
        let Some(fields) = overlay.as_object() else { return Err(type_error(&here, "a map", overlay)) };
        for (key, item) in fields {
            let field = format!("{here}.{key}");
            match key.as_str() {
                "apiVersion" | "kind" | "name" => check_go_string(item, &field)?,
                "patches" => {
                    if item.is_null() {
                        continue;
                    }
                    let Some(patches) = item.as_array() else {
                        return Err(type_error(&field, "a list", item));
                    };
                    for (n, patch) in patches.iter().enumerate() {
                        let at = format!("{field}[{n}]");
                        if patch.is_null() {
                            continue;
                        }
                        let Some(patch) = patch.as_object() else {
                            return Err(type_error(&at, "a map", patch));
                        };
                        for (pkey, pvalue) in patch {
                            match pkey.as_str() {
                                "path" => check_go_string(pvalue, &format!("{at}.path"))?,
                                "value" => {}
                                _ => {
                                    return Err(Error::invalid(format!(
                                        "{at}.{pkey}: unknown field {pkey:?} in an overlay patch; its fields are path and value"
                                    )));
                                }
                            }
                        }
                    }
                }
                _ => {
                    return Err(Error::invalid(format!(
                        "{field}: unknown field {key:?} in an overlay; its fields are apiVersion, kind, name and patches"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// `BaseComponentSpec` (types.go:118-122) has only `enabled` and `k8s`; `ComponentSpec`
/// (:123-137) adds `namespace`, `hub` and `tag`; `GatewayComponentSpec` (:138-144) `name` and
/// `label`.
fn check_component(value: &Value, path: &str, gateway: bool) -> Result<()> {
    check_component_of(value, path, gateway, false)
}

fn check_component_of(value: &Value, path: &str, gateway: bool, base: bool) -> Result<()> {
    if value.is_null() {
        return Ok(());
    }
    let Some(object) = value.as_object() else { return Err(type_error(path, "a map", value)) };
    for (key, item) in object {
        let here = format!("{path}.{key}");
        match key.as_str() {
            "enabled" => {
                if !(item.is_boolean() || item.is_null()) {
                    return Err(type_error(&here, "true or false", item));
                }
            }
            "namespace" | "hub" if !base => check_go_string(item, &here)?,
            "tag" if !base => {}
            "k8s" => check_k8s(item, &here)?,
            "name" if gateway => check_go_string(item, &here)?,
            "label" if gateway => {
                if item.is_null() {
                    continue;
                }
                let Some(entries) = item.as_object() else { return Err(type_error(&here, "a map", item)) };
                for (entry_key, entry) in entries {
                    check_go_string(entry, &format!("{here}.{entry_key}"))?;
                }
            }
            _ => {
                let fields = if base {
                    "enabled, k8s"
                } else if gateway {
                    "enabled, namespace, hub, tag, k8s, name, label"
                } else {
                    "enabled, namespace, hub, tag, k8s"
                };
                return Err(Error::invalid(format!(
                    "{here}: unknown field {key:?} in a component; one of {fields}"
                )));
            }
        }
    }
    Ok(())
}

/// `ParseAndValidateIstioOperator`'s decoding steps (validation.go:50-81), in its order.
pub fn check_istio_operator(iop: &Value) -> Result<()> {
    let Some(root) = iop.as_object() else { return Err(type_error("IstioOperator", "a map", iop)) };
    for (key, _) in root {
        if !matches!(key.as_str(), "apiVersion" | "kind" | "metadata" | "spec" | "status") {
            return Err(Error::invalid(format!(
                "{key}: unknown field {key:?} in IstioOperator; its fields are apiVersion, kind, metadata and spec"
            )));
        }
    }
    let Some(spec) = root.get("spec") else { return Ok(()) };
    if spec.is_null() {
        return Ok(());
    }
    let Some(spec) = spec.as_object() else { return Err(type_error("spec", "a map", spec)) };
    for (key, item) in spec {
        if !SPEC_FIELDS.contains(&key.as_str()) {
            return Err(Error::invalid(format!(
                "{key}: unknown field {key:?} in IstioOperatorSpec; one of {}",
                SPEC_FIELDS.join(", ")
            )));
        }
        if matches!(
            key.as_str(),
            "profile" | "installPackagePath" | "hub" | "namespace" | "revision" | "compatibilityVersion"
        ) {
            check_go_string(item, key)?;
        }
    }
    if let Some(components) = spec.get("components").filter(|c| !c.is_null()) {
        let Some(components) = components.as_object() else {
            return Err(type_error("components", "a map", components));
        };
        for (key, item) in components {
            let here = format!("components.{key}");
            if key == "base" {
                check_component_of(item, &here, false, true)?;
            } else if SINGLE_COMPONENTS.contains(&key.as_str()) {
                check_component(item, &here, false)?;
            } else if GATEWAY_COMPONENTS.contains(&key.as_str()) {
                if item.is_null() {
                    continue;
                }
                let Some(items) = item.as_array() else { return Err(type_error(&here, "a list", item)) };
                for (index, gateway) in items.iter().enumerate() {
                    check_component(gateway, &format!("{here}[{index}]"), true)?;
                }
            } else {
                return Err(Error::invalid(format!(
                    "{here}: unknown component {key:?}; one of {}, {}",
                    SINGLE_COMPONENTS.join(", "),
                    GATEWAY_COMPONENTS.join(", ")
                )));
            }
        }
    }
    // validation.go:71-73. Checked before the values, which hold a copy of it after the merge,
    // so that a refusal names the field where the user wrote it.
    if let Some(mesh) = spec.get("meshConfig") {
        super::mesh_config::check(mesh, "meshConfig")?;
    }
    if let Some(values) = spec.get("values") {
        check_values(values)?;
        // validation.go:157-166: the values' own meshConfig, as a Struct, validated the same way.
        if let Some(mesh) = values.get("meshConfig") {
            super::mesh_config::check(mesh, "values.meshConfig")?;
        }
    }
    validate_revision(spec.get("revision"))?;
    Ok(())
}

/// `validateRevision` (validation.go:412-421): a DNS-1123 label.
fn validate_revision(revision: Option<&Value>) -> Result<()> {
    let Some(revision) = revision.and_then(Value::as_str).filter(|r| !r.is_empty()) else { return Ok(()) };
    let bytes = revision.as_bytes();
    let ok = bytes.len() <= 63
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
        && bytes.first().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.last().is_some_and(|b| b.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "revision: invalid revision specified: {revision}; use lowercase letters, digits and '-' (at most 63)"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_proto_reads_as_messages_with_their_json_names() {
        let gateways = &schema().messages["GatewaysConfig"];
        assert!(gateways.iter().any(|f| f.json_name == "istio-egressgateway"));
        let pilot = &schema().messages["PilotConfig"];
        assert!(pilot.iter().any(|f| f.name == "replicaCount"));
        assert!(schema().messages.len() > 40);
    }

    /// The cases of testdata/istio-1.30.3-validation/iop: istioctl 1.30.3's decision on each
    /// (from Istio's own decoding and validation code, see that directory's README).
    #[test]
    fn istioctl_refuses_the_same_iop_files_naming_the_path() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-1.30.3-validation/iop");
        let expected = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
        let mut checked = 0;
        for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let columns: Vec<&str> = line.split('\t').collect();
            let (name, verdict, path) = (columns[0], columns[1], columns[2]);
            let text = std::fs::read_to_string(dir.join(format!("{name}.yaml"))).unwrap();
            let iop: Value = serde_saphyr::from_str(&text).unwrap();
            let result = check_istio_operator(&iop);
            match verdict {
                "accepted" => {
                    assert!(result.is_ok(), "{name}: istioctl accepts it, osm refused: {:?}", result.err())
                }
                _ => {
                    let err = result
                        .expect_err(&format!("{name}: istioctl refuses it ({}), osm accepted", columns[3]));
                    let err = err.to_string();
                    assert!(
                        err.starts_with(path) || err.contains(&format!(" {path}")),
                        "{name}: the message does not name {path}: {err}"
                    );
                }
            }
            checked += 1;
        }
        assert!(checked >= 40, "only {checked} cases");
    }

    /// testdata/istio-1.30.3-validation/mutations.tsv: each field of the accepted cases changed
    /// one at a time, with istioctl 1.30.3's decision. A refusal names the changed field, or
    /// (for a check over several fields, such as locality weights) the field that holds it.
    #[test]
    fn every_single_field_change_is_decided_as_istioctl_decides() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-1.30.3-validation");
        let table = std::fs::read_to_string(dir.join("mutations.tsv")).unwrap();
        let mut bases: HashMap<String, Value> = HashMap::new();
        let mut checked = 0;
        for line in table.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let columns: Vec<&str> = line.split('\t').collect();
            let (base, path, change, verdict) = (columns[0], columns[1], columns[2], columns[3]);
            let doc = bases.entry(base.to_string()).or_insert_with(|| {
                let text = std::fs::read_to_string(dir.join(format!("iop/{base}.yaml"))).unwrap();
                serde_saphyr::from_str(&text).unwrap()
            });
            let mut doc = doc.clone();
            let segments: Vec<&str> = path.split('.').collect();
            let mut target = &mut doc;
            for segment in &segments[..segments.len() - 1] {
                target = match segment.parse::<usize>() {
                    Ok(index) => &mut target[index],
                    Err(_) => &mut target[*segment],
                };
            }
            let last = segments[segments.len() - 1];
            let slot = match last.parse::<usize>() {
                Ok(index) => &mut target[index],
                Err(_) => &mut target[last],
            };
            match change {
                "unknown" => {
                    slot.as_object_mut().unwrap().insert("zzUnknownField".into(), json!(1));
                }
                "string" => *slot = json!("x"),
                "fraction" => *slot = json!(1.5),
                "bool" => *slot = json!(true),
                "list" => *slot = json!([1]),
                "integer" => *slot = json!(7),
                other => panic!("change {other}"),
            }
            let result = check_istio_operator(&doc);
            let what = format!("{base} {path} {change}");
            if verdict == "accepted" {
                assert!(result.is_ok(), "{what}: istioctl accepts it, osm refused: {:?}", result.err());
            } else {
                let err =
                    result.expect_err(&format!("{what}: istioctl refuses it ({}), osm accepted", columns[4]));
                let err = err.to_string();
                // The changed path as osm writes it: `spec.` dropped, list indices in brackets.
                let mut named = Vec::new();
                let mut written = String::new();
                for segment in segments.iter().skip(1) {
                    if segment.parse::<usize>().is_ok() {
                        written.push_str(&format!("[{segment}]"));
                    } else {
                        if !written.is_empty() {
                            written.push('.');
                        }
                        written.push_str(segment);
                    }
                    named.push(written.clone());
                }
                if change == "unknown" {
                    named.push(format!("{written}.zzUnknownField"));
                }
                let deepest =
                    named.iter().rposition(|p| err.contains(p.as_str())).map(|i| i + 1).unwrap_or(0);
                assert!(deepest >= named.len().min(4), "{what}: the message does not name the field: {err}");
            }
            checked += 1;
        }
        assert!(checked >= 600, "only {checked} changes");
    }

    #[test]
    fn unknown_fields_and_wrong_types_are_refused_with_their_path() {
        let err = check_values(&json!({"pilot": {"nosuchkey": 1}})).unwrap_err();
        assert!(err.to_string().contains("values.pilot.nosuchkey"), "{err}");
        let err = check_values(&json!({"pilot": {"replicaCount": "abc"}})).unwrap_err();
        assert!(err.to_string().contains("values.pilot.replicaCount"), "{err}");
        check_values(&json!({"pilot": {"replicaCount": "3"}})).unwrap();
        let err = check_values(&json!({"global": {"proxy": {"privileged": "yes"}}})).unwrap_err();
        assert!(err.to_string().contains("values.global.proxy.privileged"), "{err}");
        check_values(
            &json!({"gateways": {"istio-ingressgateway": {"name": "x"}}, "ztunnel": {"anything": 1}}),
        )
        .unwrap();
    }
}
