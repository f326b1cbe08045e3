//! `components.*.k8s` as istioctl 1.30.3 decodes it: `ParseAndValidateIstioOperator` runs
//! encoding/json with `DisallowUnknownFields` over the whole IstioOperator
//! (operator/pkg/apis/validation/validation.go:51-56), and the flag holds for every struct the
//! decoder reaches, so the corev1/appsv1/autoscaling/policy types of `KubernetesResources`
//! (operator/pkg/apis/types.go:147-188) refuse an unknown field at any depth. The fields come
//! from `k8s_schema.json`, written by tools/istio-k8s-schema from k8s.io/api v0.35.3 (the
//! version Istio 1.30.3's go.mod pins). encoding/json's rules modelled here (Go's
//! encoding/json/decode.go): a key matches a field exactly or, failing that, ignoring ASCII
//! case; null is accepted everywhere; numbers go into integer fields only when whole and in
//! range, never from a string; a type with its own `UnmarshalJSON` gets the raw value
//! (`resource.Quantity`, `intstr.IntOrString`, `metav1.Time`, `metav1.FieldsV1`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::input::Input;

const SCHEMA_JSON: &str = include_str!("k8s_schema.json");

struct Schema {
    roots: HashMap<String, String>,
    types: HashMap<String, Vec<(String, String)>>,
}

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let raw: Value = serde_json::from_str(SCHEMA_JSON).expect("k8s_schema.json is JSON");
        let roots = raw["roots"]
            .as_object()
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect())
            .unwrap_or_default();
        let types = raw["types"]
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(name, fields)| {
                        let fields = fields
                            .as_array()
                            .map(|list| {
                                list.iter()
                                    .map(|f| {
                                        (
                                            f["name"].as_str().unwrap_or_default().to_string(),
                                            f["type"].as_str().unwrap_or_default().to_string(),
                                        )
                                    })
                                    .collect()
                            })
                            .unwrap_or_default();
                        (name.clone(), fields)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Schema { roots, types }
    })
}

/// Whether `KubernetesResources.<field>` is one of the k8s.io/api typed fields.
pub fn is_typed_root(field: &str) -> bool {
    schema().roots.contains_key(field)
}

/// Checks `value` at `path` against the type of `KubernetesResources.<field>`.
pub fn check_root(field: &str, value: &Value, path: &str) -> Result<()> {
    let Some(ty) = schema().roots.get(field) else { return Ok(()) };
    check(ty, value, path)
}

fn got(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the bool {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a map".to_string(),
    }
}

fn wrong(path: &str, want: &str, value: &Value) -> Error {
    Error::invalid(format!(
        "{path}: expected {want}, got {}; fix the value in {} or the {} file (istioctl decodes it as Kubernetes' own type)",
        got(value),
        Input::Set,
        Input::IstioOperatorFile
    ))
}

fn check(ty: &str, value: &Value, path: &str) -> Result<()> {
    if value.is_null() {
        return Ok(());
    }
    if let Some(elem) = ty.strip_prefix("[]") {
        let Some(items) = value.as_array() else { return Err(wrong(path, "a list", value)) };
        for (index, item) in items.iter().enumerate() {
            check(elem, item, &format!("{path}[{index}]"))?;
        }
        return Ok(());
    }
    if let Some(elem) = ty.strip_prefix("map[string]") {
        let Some(entries) = value.as_object() else { return Err(wrong(path, "a map", value)) };
        for (key, item) in entries {
            check(elem, item, &format!("{path}.{key}"))?;
        }
        return Ok(());
    }
    if let Some(name) = ty.strip_prefix("struct:") {
        return check_struct(name, value, path);
    }
    if let Some(name) = ty.strip_prefix("custom:") {
        return check_custom(name, value, path);
    }
    match ty {
        "string" => value.is_string().then_some(()).ok_or_else(|| wrong(path, "a string", value)),
        "bool" => value.is_boolean().then_some(()).ok_or_else(|| wrong(path, "true or false", value)),
        "float" => value.is_number().then_some(()).ok_or_else(|| wrong(path, "a number", value)),
        "any" => Ok(()),
        "bytes" => value.is_string().then_some(()).ok_or_else(|| wrong(path, "a base64 string", value)),
        int => {
            let (low, high): (f64, f64) = match int {
                "int8" => (i8::MIN as f64, i8::MAX as f64),
                "int16" => (i16::MIN as f64, i16::MAX as f64),
                "int32" => (i32::MIN as f64, i32::MAX as f64),
                "int64" => (i64::MIN as f64, i64::MAX as f64),
                "uint8" => (0.0, u8::MAX as f64),
                "uint16" => (0.0, u16::MAX as f64),
                "uint32" => (0.0, u32::MAX as f64),
                "uint64" => (0.0, u64::MAX as f64),
                other => return Err(Error::invalid(format!("{path}: no rule for the type {other}"))),
            };
            let want = format!("an integer ({int})");
            let Some(number) = value.as_f64().filter(|_| value.is_number()) else {
                return Err(wrong(path, &want, value));
            };
            if number.fract() != 0.0 || number < low || number > high {
                return Err(wrong(path, &want, value));
            }
            Ok(())
        }
    }
}

/// encoding/json's field lookup: the exact name, else a name equal ignoring ASCII case
/// (decode.go `object`: `fields.byExactName`, then `fields.byFoldedName`).
fn check_struct(name: &str, value: &Value, path: &str) -> Result<()> {
    let Some(object) = value.as_object() else { return Err(wrong(path, "a map", value)) };
    let fields = schema().types.get(name).map(Vec::as_slice).unwrap_or_default();
    for (key, item) in object {
        let here = format!("{path}.{key}");
        let field = fields
            .iter()
            .find(|(field, _)| field == key)
            .or_else(|| fields.iter().find(|(field, _)| field.eq_ignore_ascii_case(key)));
        let Some((_, ty)) = field else {
            let short = name.rsplit('/').next().unwrap_or(name);
            let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
            return Err(Error::invalid(format!(
                "{here}: unknown field {key:?} in {short}; its fields are {}",
                names.join(", ")
            )));
        };
        check(ty, item, &here)?;
    }
    Ok(())
}

/// The raw JSON text Go hands an `UnmarshalJSON`: what `json.Marshal` writes for the value.
fn go_json_text(value: &Value) -> String {
    match value {
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{f:.0}"),
            (_, _, Some(f)) => {
                let text = format!("{f:e}");
                // Go writes 1e-07 and 1e+21 where Rust writes 1e-7 and 1e21.
                match text.split_once('e') {
                    Some((m, e)) => {
                        let (sign, digits) = e.strip_prefix('-').map(|d| ("-", d)).unwrap_or(("+", e));
                        if f.abs() >= 1e-6 && f.abs() < 1e21 {
                            f.to_string()
                        } else {
                            format!("{m}e{sign}{digits:0>2}")
                        }
                    }
                    None => text,
                }
            }
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

fn check_custom(name: &str, value: &Value, path: &str) -> Result<()> {
    match name.rsplit('.').next().unwrap_or(name) {
        // resource.Quantity.UnmarshalJSON (apimachinery pkg/api/resource/quantity.go:733-752):
        // the quotes stripped, then ParseQuantity, so 1, 0.5 and "100m" are quantities and
        // true or a map are not.
        "Quantity" => {
            let text = match value {
                Value::String(s) => s.trim().to_string(),
                other => go_json_text(other),
            };
            if crate::model::istio::inject::validate::quantity_ok(&text) {
                Ok(())
            } else {
                Err(Error::invalid(format!(
                    "{path}: {} is not a quantity (quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'); write it like 500m, 1 or 128Mi",
                    got(value)
                )))
            }
        }
        // intstr.IntOrString.UnmarshalJSON (util/intstr/intstr.go:88-95): a JSON string, or
        // anything else decoded as an int32.
        "IntOrString" => match value {
            Value::String(_) => Ok(()),
            Value::Number(_) => check("int32", value, path),
            other => Err(wrong(path, "a port number or a name", other)),
        },
        // metav1.Time.UnmarshalJSON (apis/meta/v1/time.go:100-119): an RFC 3339 string.
        "Time" => match value {
            Value::String(s) if rfc3339(s) => Ok(()),
            other => Err(wrong(path, "an RFC 3339 time such as 2026-01-02T15:04:05Z", other)),
        },
        // metav1.FieldsV1 keeps whatever it is given.
        "FieldsV1" => Ok(()),
        other => Err(Error::invalid(format!("{path}: no rule for the type {other}"))),
    }
}

/// `time.Parse(time.RFC3339, s)`: `2006-01-02T15:04:05Z07:00` with optional fractional seconds.
fn rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits =
        |range: std::ops::Range<usize>| b.get(range).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || b[10] != b'T'
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    let zone_ok = rest == "Z"
        || (rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':'
            && rest[1..3].bytes().all(|c| c.is_ascii_digit())
            && rest[4..6].bytes().all(|c| c.is_ascii_digit()));
    let field = |s: &str| s.parse::<u32>().unwrap_or(99);
    zone_ok
        && (1..=12).contains(&field(&text[5..7]))
        && (1..=31).contains(&field(&text[8..10]))
        && field(&text[11..13]) < 24
        && field(&text[14..16]) < 60
        && field(&text[17..19]) < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_the_table_names_is_in_it_and_every_custom_type_has_a_rule() {
        let schema = schema();
        assert_eq!(schema.roots.len(), 12);
        let mut names: Vec<&str> = schema.roots.values().map(String::as_str).collect();
        names.extend(schema.types.values().flat_map(|f| f.iter().map(|(_, t)| t.as_str())));
        for ty in names {
            let base = ty.trim_start_matches("[]").trim_start_matches("map[string]").trim_start_matches("[]");
            if let Some(name) = base.strip_prefix("struct:") {
                assert!(schema.types.contains_key(name), "{name}");
            } else if let Some(name) = base.strip_prefix("custom:") {
                let short = name.rsplit('.').next().unwrap();
                assert!(["Quantity", "IntOrString", "Time", "FieldsV1"].contains(&short), "{name}");
            } else {
                assert!(!base.starts_with("text:"), "{base}");
            }
        }
    }
}

#[cfg(test)]
mod decoder_tests {
    use super::*;
    use serde_json::json;

    // apimachinery's Quantity/IntOrString/Time decoders and encoding/json's field matching.
    #[test]
    fn custom_decoders_and_folded_names() {
        check_root("resources", &json!({"requests": {"cpu": 1e-7, "memory": 1000.0}}), "r").unwrap();
        assert!(check_root("resources", &json!({"requests": {"cpu": [1]}}), "r").is_err());
        check_root("strategy", &json!({"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}}), "s")
            .unwrap();
        assert!(
            check_root("strategy", &json!({"rollingUpdate": {"maxSurge": 3_000_000_000u64}}), "s").is_err()
        );
        check_root("affinity", &json!({"NODEAFFINITY": {}}), "a").unwrap();
        assert_eq!(go_json_text(&json!(1e-7)), "1e-07");
        assert_eq!(go_json_text(&json!(1000.0)), "1000");
        assert!(rfc3339("2026-01-02T15:04:05.5+01:00") && !rfc3339("2026-13-02T15:04:05Z"));
        let err = check_root("env", &json!([{"name": "A", "valueFrom": {"fieldRef": {"path": "x"}}}]), "env")
            .unwrap_err();
        assert!(err.to_string().starts_with("env[0].valueFrom.fieldRef.path: unknown field"), "{err}");
    }
}
