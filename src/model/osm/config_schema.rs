//! MeshConfig fields by dotted path (`traffic.enableEgress`), checked against the stored
//! version's openAPIV3Schema of the CRD osm installs, so the valid paths and value types are
//! exactly what the API server accepts.

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::model::input::Remedy;

use super::chart::crds;

/// The schema of `spec` in the stored MeshConfig version of upstream's CRD.
pub fn spec_schema() -> Value {
    let crd = crds::named("meshconfigs.config.openservicemesh.io").expect("the MeshConfig CRD is embedded");
    let versions = crd["spec"]["versions"].as_array().expect("a CRD has versions");
    let stored =
        versions.iter().find(|v| v["storage"] == true).expect("the MeshConfig CRD has a stored version");
    stored["schema"]["openAPIV3Schema"]["properties"]["spec"].clone()
}

/// Splits `traffic.enableEgress` into its keys; a leading `spec.` is accepted and dropped.
pub fn split_path(path: &str) -> Result<Vec<String>> {
    let trimmed = path.trim().trim_start_matches('.');
    let trimmed = trimmed.strip_prefix("spec.").unwrap_or(trimmed);
    if trimmed.is_empty() || trimmed == "spec" {
        return Ok(Vec::new());
    }
    let keys: Vec<String> = trimmed.split('.').map(str::to_string).collect();
    if keys.iter().any(String::is_empty) {
        return Err(Error::invalid(format!("{path:?} is not a field path"))
            .with_hint("write it like traffic.enableEgress"));
    }
    Ok(keys)
}

/// The schema of a field that takes any value.
static ANY_VALUE: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| Value::Object(Map::new()));

/// The schema at `keys` below `spec`, or an error (exit 4) naming the closest valid path. Below a
/// map that allows any key (`additionalProperties`), every key resolves to that map's value schema.
pub fn resolve<'a>(spec: &'a Value, keys: &[String]) -> Result<&'a Value> {
    let mut node = spec;
    for (depth, key) in keys.iter().enumerate() {
        let next = match node.get("properties").and_then(|p| p.get(key)) {
            Some(child) => Some(child),
            // Maps such as sidecar.resources.limits accept any key: upstream's schema says so
            // with `additionalProperties: true`, which allows any value.
            None => match node.get("additionalProperties") {
                Some(Value::Bool(true)) => Some(&*ANY_VALUE),
                Some(schema @ Value::Object(_)) => Some(schema),
                _ => None,
            },
        };
        match next {
            Some(child) => node = child,
            None => return Err(unknown_path(spec, &keys[..=depth], &keys.join("."))),
        }
    }
    Ok(node)
}

fn unknown_path(spec: &Value, prefix: &[String], full: &str) -> Error {
    let wanted = prefix.join(".");
    let paths = all_paths(spec);
    let closest = paths
        .iter()
        .map(|p| (strsim::jaro_winkler(&p.to_lowercase(), &full.to_lowercase()), p))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p.clone());
    let err = Error::invalid(format!("MeshConfig has no field {wanted} (in {full})"));
    match closest {
        Some(p) => err.with_hint(format!("did you mean {p}? {}", Remedy::ShowMeshConfig)),
        None => err,
    }
}

/// Every field path below `spec`, parents before children.
pub fn all_paths(spec: &Value) -> Vec<String> {
    fn walk(node: &Value, prefix: &str, out: &mut Vec<String>) {
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            for (key, child) in props {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                out.push(path.clone());
                walk(child, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(spec, "", &mut out);
    out
}

/// The type a schema node expects, in words for messages.
pub fn describe_type(schema: &Value) -> String {
    describe(schema, false)
}

fn describe(schema: &Value, plural: bool) -> String {
    let noun = |one: &str, many: &str| if plural { many.to_string() } else { one.to_string() };
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let names: Vec<String> =
            values.iter().map(|v| v.as_str().map_or(v.to_string(), str::to_string)).collect();
        return format!("{} {}", noun("one of", "each one of"), names.join(", "));
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("array") => format!("{} {}", noun("a list of", "lists of"), describe(&schema["items"], true)),
        Some("object") if schema.get("properties").is_none() => noun("a map of string to string", "maps"),
        Some("object") => noun("an object", "objects"),
        Some("boolean") => noun("a boolean (true or false)", "booleans"),
        Some("integer") => {
            let kind = noun("an integer", "integers");
            let min = schema.get("minimum").and_then(Value::as_f64);
            let max = schema.get("maximum").and_then(Value::as_f64);
            match (min, max) {
                (Some(min), Some(max)) => format!("{kind} from {min} to {max}"),
                (Some(min), None) => format!("{kind} from {min} up"),
                _ => kind,
            }
        }
        Some("string") => noun("a string", "strings"),
        Some(other) => format!("{} {other}", noun("a value of type", "values of type")),
        None => noun("a value", "values"),
    }
}

/// Turns the text after `=` into a JSON value of the type `schema` expects, or says which type
/// was expected. Strings are taken literally (`logLevel=debug`); everything else is read as YAML
/// (`true`, `15`, `[6379,5432]`, `{cpu: "1"}`).
pub fn parse_value(path: &str, schema: &Value, text: &str) -> Result<Value> {
    let is_string = schema.get("type").and_then(Value::as_str) == Some("string");
    let value = if is_string {
        Value::String(unquote(text).to_string())
    } else {
        let yaml: Value = serde_saphyr::from_str(text).map_err(|_| wrong_type(path, schema, text))?;
        yaml
    };
    check(path, schema, &value, text)?;
    Ok(value)
}

fn unquote(text: &str) -> &str {
    let t = text.trim();
    for q in ['"', '\''] {
        if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
            return &t[1..t.len() - 1];
        }
    }
    text
}

fn wrong_type(path: &str, schema: &Value, text: &str) -> Error {
    Error::invalid(format!("{path}={text}: expected {}", describe_type(schema))).with_hint(
        example_for(schema)
            .map_or_else(|| Remedy::ShowMeshConfig.to_string(), |e| format!("for example {path}={e}")),
    )
}

fn example_for(schema: &Value) -> Option<String> {
    if let Some(first) = schema.get("enum").and_then(Value::as_array).and_then(|v| v.first()) {
        return first.as_str().map(str::to_string);
    }
    Some(
        match schema.get("type").and_then(Value::as_str)? {
            "boolean" => "true",
            "integer" => "10",
            "array" => match schema["items"].get("type").and_then(Value::as_str) {
                Some("integer") => "[6379,5432]",
                _ => "[a,b]",
            },
            "object" => "{key: value}",
            _ => return None,
        }
        .to_string(),
    )
}

fn check(path: &str, schema: &Value, value: &Value, text: &str) -> Result<()> {
    if value.is_null() && schema.get("nullable").and_then(Value::as_bool) == Some(true) {
        return Ok(());
    }
    let ok = match schema.get("type").and_then(Value::as_str) {
        Some("boolean") => value.is_boolean(),
        Some("integer") => value.as_i64().is_some_and(|n| {
            schema.get("minimum").and_then(Value::as_f64).is_none_or(|min| n as f64 >= min)
                && schema.get("maximum").and_then(Value::as_f64).is_none_or(|max| n as f64 <= max)
        }),
        Some("number") => value.is_number(),
        Some("string") => value.is_string(),
        Some("array") => match value.as_array() {
            Some(items) => {
                for item in items {
                    check(path, &schema["items"], item, &item.to_string())
                        .map_err(|_| wrong_type(path, schema, text))?;
                }
                true
            }
            None => false,
        },
        Some("object") => match value.as_object() {
            Some(fields) => check_object(path, schema, fields, text)?,
            None => false,
        },
        _ => true,
    };
    if !ok {
        return Err(wrong_type(path, schema, text));
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        return Err(wrong_type(path, schema, text));
    }
    Ok(())
}

fn check_object(path: &str, schema: &Value, fields: &Map<String, Value>, text: &str) -> Result<bool> {
    for (key, field) in fields {
        let child_path = format!("{path}.{key}");
        let child = match schema.get("properties").and_then(|p| p.get(key)) {
            Some(child) => child,
            None => match schema.get("additionalProperties").filter(|a| a.is_object()) {
                Some(child) => child,
                None => {
                    return Err(Error::invalid(format!(
                        "{path}={text}: MeshConfig has no field {child_path}"
                    ))
                    .with_hint(format!("fields of {path}: {}", all_paths(schema).join(", "))));
                }
            },
        };
        let field = match (child.get("type").and_then(Value::as_str), field) {
            // In a YAML map `port: 9411` and `"9411"` are both plausible; strings stay strict.
            (Some("string"), Value::Number(_) | Value::Bool(_)) => Value::String(field.to_string()),
            _ => field.clone(),
        };
        check(&child_path, child, &field, &field.to_string())?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(path: &str) -> Vec<String> {
        split_path(path).unwrap()
    }

    #[test]
    fn known_paths_resolve_and_unknown_ones_suggest_the_closest() {
        let spec = spec_schema();
        assert_eq!(resolve(&spec, &keys("traffic.enableEgress")).unwrap()["type"], "boolean");
        assert_eq!(resolve(&spec, &keys("spec.sidecar.logLevel")).unwrap()["type"], "string");
        assert!(resolve(&spec, &keys("sidecar.resources.limits.cpu")).is_ok());
        let err = resolve(&spec, &keys("traffic.enableEgres")).unwrap_err();
        assert!(err.message.contains("no field traffic.enableEgres"), "{err}");
        assert!(err.hint.unwrap().contains("traffic.enableEgress"));
        let err = resolve(&spec, &keys("trafic.enablePermissiveTrafficPolicyMode")).unwrap_err();
        assert!(err.hint.unwrap().contains("traffic.enablePermissiveTrafficPolicyMode"));
    }

    #[test]
    fn values_are_checked_against_the_schema() {
        let spec = spec_schema();
        let parse = |path: &str, text: &str| {
            let schema = resolve(&spec, &keys(path)).unwrap();
            parse_value(path, schema, text)
        };
        assert_eq!(parse("traffic.enableEgress", "true").unwrap(), Value::Bool(true));
        assert!(parse("traffic.enableEgress", "yes please").unwrap_err().message.contains("boolean"));
        assert_eq!(parse("sidecar.logLevel", "debug").unwrap(), Value::String("debug".into()));
        assert!(parse("sidecar.logLevel", "loud").unwrap_err().message.contains("one of"));
        assert_eq!(
            parse("traffic.outboundPortExclusionList", "[6379,5432]").unwrap(),
            serde_json::json!([6379, 5432])
        );
        let err = parse("traffic.outboundPortExclusionList", "[6379,x]").unwrap_err();
        assert!(err.message.contains("list of"), "{err}");
        assert!(parse("traffic.outboundPortExclusionList", "[70000]").is_err());
        assert!(parse("sidecar.maxDataPlaneConnections", "ten").unwrap_err().message.contains("integer"));
        assert_eq!(
            parse("observability.tracing", "{enable: true, port: 9411}").unwrap(),
            serde_json::json!({"enable": true, "port": 9411})
        );
        assert!(
            parse("observability.tracing", "{enable: true, prot: 9411}")
                .unwrap_err()
                .message
                .contains("prot")
        );
    }
}
