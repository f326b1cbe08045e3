//! The MeshConfig and ProxyConfig messages as golang/protobuf's jsonpb (v1.5.4, which Istio's
//! `protomarshal.ApplyJSON` runs, pkg/util/protomarshal/protomarshal.go:175-185) decodes them:
//! unknown fields pass (`ApplyJSON` retries with `AllowUnknownFields`), a known field of the
//! wrong type is refused. The protos are istio.io/api's files at the version Istio 1.30.3's
//! go.mod pins (v1.30.3-0.20260710004328-2e43f07b30b6), copied unchanged into `mesh_proto/`.
//! Type names resolve with protobuf's scoping, innermost scope first.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::validate::{check_int, go_duration_ok, type_error};
use crate::error::{Error, Result};

const FILES: &[&str] = &[
    include_str!("mesh_proto/mesh_v1alpha1_config.proto"),
    include_str!("mesh_proto/mesh_v1alpha1_proxy.proto"),
    include_str!("mesh_proto/networking_v1alpha3_destination_rule.proto"),
    include_str!("mesh_proto/networking_v1alpha3_virtual_service.proto"),
    include_str!("mesh_proto/networking_v1alpha3_workload_group.proto"),
    include_str!("mesh_proto/networking_v1alpha3_workload_entry.proto"),
    include_str!("mesh_proto/networking_v1beta1_proxy_config.proto"),
    include_str!("mesh_proto/type_v1beta1_selector.proto"),
];

#[derive(Debug, Clone)]
struct Field {
    name: String,
    json_name: String,
    /// As written, resolved against `scope` when checked.
    type_name: String,
    scope: String,
    repeated: bool,
    map: bool,
}

#[derive(Default)]
struct Schema {
    messages: HashMap<String, Vec<Field>>,
    enums: HashMap<String, Vec<String>>,
}

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let mut schema = Schema::default();
        for text in FILES {
            parse(text, &mut schema);
        }
        schema
    })
}

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

fn parse(text: &str, schema: &mut Schema) {
    let mut package = String::new();
    // Open blocks: (kind, qualified name); a oneof keeps its message's name.
    let mut stack: Vec<(&str, String)> = Vec::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("package ") {
            package = rest.trim_end_matches(';').trim().to_string();
            continue;
        }
        let scope = stack.last().map(|(_, n)| n.clone()).unwrap_or_else(|| package.clone());
        for (keyword, kind) in [("message ", "message"), ("enum ", "enum")] {
            if let Some(rest) = line.strip_prefix(keyword) {
                let name = rest.split(['{', ' ']).next().unwrap_or("").to_string();
                let qualified = format!("{scope}.{name}");
                if kind == "message" {
                    schema.messages.entry(qualified.clone()).or_default();
                } else {
                    schema.enums.entry(qualified.clone()).or_default();
                }
                if !line.ends_with('}') {
                    stack.push((kind, qualified));
                }
            }
        }
        if line.starts_with("message ") || line.starts_with("enum ") {
            continue;
        }
        if line.starts_with("oneof ") {
            stack.push(("oneof", scope));
            continue;
        }
        if line.starts_with('}') {
            stack.pop();
            continue;
        }
        let Some((kind, owner)) = stack.last().cloned() else { continue };
        let Some((declaration, _)) = line.split_once('=') else { continue };
        let declaration = declaration.trim();
        if declaration.starts_with("option")
            || declaration.starts_with('(')
            || declaration.starts_with("reserved")
        {
            continue;
        }
        if kind == "enum" {
            schema.enums.entry(owner).or_default().push(declaration.to_string());
            continue;
        }
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
        if name.is_empty() {
            continue;
        }
        let json_name = line.split_once("json_name").and_then(|(_, rest)| {
            let start = rest.find('"')? + 1;
            let end = rest[start..].find('"')? + start;
            Some(rest[start..end].to_string())
        });
        let message = if kind == "oneof" { owner.clone() } else { owner };
        let field = Field {
            json_name: json_name.unwrap_or_else(|| camel(&name)),
            name,
            type_name,
            scope: message.clone(),
            repeated,
            map,
        };
        schema.messages.entry(message).or_default().push(field);
    }
}

enum Resolved<'a> {
    Scalar(&'a str),
    Message(String),
    Enum(&'a [String]),
    /// A type from a file not copied here: accepted as it is.
    Unknown,
}

/// Protobuf's name lookup: `T` inside `a.b.C` is tried as `a.b.C.T`, `a.b.T`, `a.T`, `T`.
fn resolve<'a>(field: &'a Field) -> Resolved<'a> {
    let name = field.type_name.as_str();
    if matches!(
        name,
        "bool"
            | "string"
            | "bytes"
            | "int32"
            | "sint32"
            | "sfixed32"
            | "int64"
            | "sint64"
            | "sfixed64"
            | "uint32"
            | "fixed32"
            | "uint64"
            | "fixed64"
            | "float"
            | "double"
    ) {
        return Resolved::Scalar(name);
    }
    if let Some(full) = name.strip_prefix('.') {
        return lookup(full);
    }
    if name.starts_with("google.protobuf.") {
        return Resolved::Message(name.to_string());
    }
    let mut scope = field.scope.as_str();
    loop {
        let candidate = if scope.is_empty() { name.to_string() } else { format!("{scope}.{name}") };
        match lookup(&candidate) {
            Resolved::Unknown => {}
            found => return found,
        }
        if scope.is_empty() {
            return Resolved::Unknown;
        }
        scope = scope.rsplit_once('.').map(|(s, _)| s).unwrap_or("");
    }
}

fn lookup(full: &str) -> Resolved<'static> {
    let schema = schema();
    if schema.messages.contains_key(full) {
        Resolved::Message(full.to_string())
    } else if let Some(values) = schema.enums.get(full) {
        Resolved::Enum(values)
    } else {
        Resolved::Unknown
    }
}

/// Checks `value` as the JSON of the message `message` (a qualified name).
pub fn check_message(value: &Value, message: &str, path: &str) -> Result<()> {
    match message {
        "google.protobuf.Value" | "google.protobuf.Any" => return Ok(()),
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
        "google.protobuf.BoolValue" => return check_scalar("bool", value, path),
        "google.protobuf.StringValue" | "google.protobuf.BytesValue" => {
            return check_scalar("string", value, path);
        }
        "google.protobuf.Int32Value" => return check_scalar("int32", value, path),
        "google.protobuf.UInt32Value" => return check_scalar("uint32", value, path),
        "google.protobuf.Int64Value" => return check_scalar("int64", value, path),
        "google.protobuf.UInt64Value" => return check_scalar("uint64", value, path),
        "google.protobuf.DoubleValue" | "google.protobuf.FloatValue" => {
            return check_scalar("double", value, path);
        }
        // jsonpb reads a Duration with Go's time.ParseDuration (jsonpb/decode.go:221-236).
        "google.protobuf.Duration" => {
            return match value {
                Value::Null => Ok(()),
                Value::String(s) if go_duration_ok(s) => Ok(()),
                Value::String(s) => Err(Error::invalid(format!(
                    "{path}: bad Duration {s:?}; write it like 10s, 500ms or 1h30m"
                ))),
                other => Err(type_error(path, "a duration string such as 10s", other)),
            };
        }
        "google.protobuf.Timestamp" | "google.protobuf.Empty" | "google.protobuf.FieldMask" => return Ok(()),
        _ => {}
    }
    if value.is_null() {
        return Ok(());
    }
    let Some(object) = value.as_object() else { return Err(type_error(path, "a map", value)) };
    let Some(fields) = schema().messages.get(message) else { return Ok(()) };
    for (key, item) in object {
        // Unknown fields are dropped (protomarshal.go:178-183).
        let Some(field) = fields.iter().find(|f| f.json_name == *key || f.name == *key) else { continue };
        if item.is_null() {
            continue;
        }
        let here = format!("{path}.{key}");
        if field.map {
            let Some(entries) = item.as_object() else { return Err(type_error(&here, "a map", item)) };
            for (entry_key, entry) in entries {
                check_single(field, entry, &format!("{here}.{entry_key}"))?;
            }
        } else if field.repeated {
            let Some(items) = item.as_array() else { return Err(type_error(&here, "a list", item)) };
            for (index, entry) in items.iter().enumerate() {
                check_single(field, entry, &format!("{here}[{index}]"))?;
            }
        } else {
            check_single(field, item, &here)?;
        }
    }
    Ok(())
}

fn check_single(field: &Field, value: &Value, path: &str) -> Result<()> {
    match resolve(field) {
        Resolved::Scalar(kind) => check_scalar(kind, value, path),
        Resolved::Message(name) => check_message(value, &name, path),
        Resolved::Enum(names) => match value {
            Value::Null => Ok(()),
            Value::String(s) if names.iter().any(|n| n == s) => Ok(()),
            Value::String(s) => {
                Err(Error::invalid(format!("{path}: unknown value {s:?}; use one of {}", names.join(", "))))
            }
            Value::Number(n) if n.as_i64().is_some() => Ok(()),
            other => Err(type_error(path, "one of its names", other)),
        },
        Resolved::Unknown => Ok(()),
    }
}

/// `unmarshalSingularValue` (jsonpb/decode.go:464-505).
fn check_scalar(kind: &str, value: &Value, path: &str) -> Result<()> {
    if value.is_null() {
        return Ok(());
    }
    match kind {
        "bool" => value.is_boolean().then_some(()).ok_or_else(|| type_error(path, "true or false", value)),
        "string" | "bytes" => {
            value.is_string().then_some(()).ok_or_else(|| type_error(path, "a string", value))
        }
        "int32" | "sint32" | "sfixed32" => check_int(value, path, 32, true, true),
        "int64" | "sint64" | "sfixed64" => check_int(value, path, 64, true, true),
        "uint32" | "fixed32" => check_int(value, path, 32, false, true),
        "uint64" | "fixed64" => check_int(value, path, 64, false, true),
        _ => match value {
            Value::Number(_) => Ok(()),
            Value::String(s)
                if s.trim().parse::<f64>().is_ok()
                    || matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") =>
            {
                Ok(())
            }
            other => Err(type_error(path, "a number", other)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_protos_resolve_nested_and_imported_types() {
        let schema = schema();
        assert!(schema.messages.contains_key("istio.mesh.v1alpha1.MeshConfig.OutboundTrafficPolicy"));
        assert!(
            schema.enums["istio.mesh.v1alpha1.MeshConfig.OutboundTrafficPolicy.Mode"]
                .contains(&"ALLOW_ANY".into())
        );
        assert!(schema.messages.contains_key("istio.networking.v1alpha3.ClientTLSSettings"));
        let mesh = "istio.mesh.v1alpha1.MeshConfig";
        check_message(&json!({"outboundTrafficPolicy": {"mode": "REGISTRY_ONLY"}}), mesh, "meshConfig")
            .unwrap();
        let err = check_message(&json!({"outboundTrafficPolicy": {"mode": "SOMETIMES"}}), mesh, "meshConfig")
            .unwrap_err();
        assert!(err.to_string().contains("meshConfig.outboundTrafficPolicy.mode"), "{err}");
        let err = check_message(
            &json!({"defaultConfig": {"tracing": {"tlsSettings": {"mode": "NOPE"}}}}),
            mesh,
            "meshConfig",
        )
        .unwrap_err();
        assert!(err.to_string().contains("meshConfig.defaultConfig.tracing.tlsSettings.mode"), "{err}");
    }
}

#[cfg(test)]
mod resolution_tests {
    use super::*;

    /// Every field type of the copied protos resolves: a typo'd or missing file would make a
    /// field accept anything without notice.
    #[test]
    fn every_field_type_resolves() {
        let mut unresolved = Vec::new();
        for (message, fields) in &schema().messages {
            for field in fields {
                if let Resolved::Unknown = resolve(field) {
                    unresolved.push(format!("{message}.{}: {}", field.name, field.type_name));
                }
            }
        }
        unresolved.sort();
        assert!(unresolved.is_empty(), "{unresolved:#?}");
    }
}
