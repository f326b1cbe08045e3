//! istioctl's untyped configuration tree (operator/pkg/values/map.go at 1.30.3): merging,
//! `a.b[0].c=v` paths and the typing of `--set` values. Numbers follow Go's `encoding/json`
//! into `any`: what YAML or JSON parsing produced is a float, what `--set` parsed with
//! `strconv.Atoi` is an integer, and a deep clone (a JSON round trip) makes every number a float.

use serde_json::{Map, Number, Value};

use crate::error::{Error, Result};
use crate::model::input::Input;

/// `values.MapFromYaml` (map.go:61-68): sigs.k8s.io/yaml decodes every number as a float64.
pub fn from_yaml(text: &str) -> std::result::Result<Value, String> {
    // sigs.k8s.io/yaml decodes the first document of a stream.
    let parsed: Value = if text.trim().is_empty() {
        Value::Object(Map::new())
    } else {
        let documents: Vec<Value> = serde_saphyr::from_str_multiple(text).map_err(|e| e.to_string())?;
        documents.into_iter().next().unwrap_or(Value::Null)
    };
    let parsed = if parsed.is_null() { Value::Object(Map::new()) } else { parsed };
    Ok(floats(parsed))
}

/// `DeepClone` (map.go:278-285) goes through JSON, so integers come back as floats.
pub fn floats(value: Value) -> Value {
    match value {
        Value::Number(n) if !n.is_f64() => {
            n.as_f64().and_then(Number::from_f64).map(Value::Number).unwrap_or(Value::Null)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(floats).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, floats(v))).collect()),
        other => other,
    }
}

/// Integral floats print as integers, as Go's JSON encoder writes a float64 of 2 as `2`.
pub fn integral(value: Value) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(0.0);
            if f.fract() == 0.0 && f.abs() < 1e18 {
                Value::Number(Number::from(f as i64))
            } else {
                Value::Number(n)
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(integral).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, integral(v))).collect()),
        other => other,
    }
}

/// `Map.MergeFrom` (map.go:132-152): maps merge key by key, anything else replaces.
pub fn merge_from(base: &mut Map<String, Value>, other: &Map<String, Value>) {
    for (key, value) in other {
        if let (Value::Object(incoming), Some(Value::Object(existing))) = (value, base.get_mut(key)) {
            merge_from(existing, incoming);
            continue;
        }
        base.insert(key.clone(), value.clone());
    }
}

/// `values.MakeMap` (map.go:72-78).
pub fn make_map(contents: Value, path: &[&str]) -> Map<String, Value> {
    let mut value = contents;
    for key in path.iter().rev() {
        let mut map = Map::new();
        map.insert((*key).to_string(), value);
        value = Value::Object(map);
    }
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// `GetPath` (map.go:213-261): `a.b`, `a.[0].b`, `a.[key:value].b`.
pub fn get_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = root;
    for segment in split_path(path) {
        if let Some(index) = extract_index(&segment) {
            let items = current.as_array()?;
            current = items.get(usize::try_from(index).ok()?)?;
        } else if let Some((key, wanted)) = extract_kv(&segment) {
            let items = current.as_array()?;
            current = items.iter().find(|item| item.get(key).and_then(Value::as_str) == Some(wanted))?;
        } else {
            current = current.as_object()?.get(&segment)?;
        }
    }
    Some(current)
}

/// `GetPathString`: anything but a string reads as empty, as Go's type assertion does.
pub fn get_string(root: &Value, path: &str) -> String {
    get_path(root, path).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// `GetPathBool`: anything but a bool reads as false.
pub fn get_bool(root: &Value, path: &str) -> bool {
    get_path(root, path).and_then(Value::as_bool).unwrap_or(false)
}

/// `GetPathMap` (map.go:264-275): plain `.`-separated keys, each a map.
pub fn get_map<'a>(root: &'a Value, path: &str) -> Option<&'a Map<String, Value>> {
    let mut current = root.as_object()?;
    for key in path.split('.') {
        current = current.get(key)?.as_object()?;
    }
    Some(current)
}

/// `SetPaths` (map.go:155-168): each `path=value`, typed unless the path is always a string.
pub fn set_paths(root: &mut Value, flags: &[String]) -> Result<()> {
    for flag in flags {
        let (path, raw) = path_and_value(flag);
        let value = if is_always_string(&path) { Value::String(raw) } else { parse_value(&raw)? };
        set_path(root, &path, value)?;
    }
    Ok(())
}

/// `SetSpecPaths` (map.go:181-188): the same, under `spec`.
pub fn set_spec_paths(root: &mut Value, flags: &[String]) -> Result<()> {
    let prefixed: Vec<String> = flags.iter().map(|flag| format!("spec.{flag}")).collect();
    set_paths(root, &prefixed)
}

/// `SetPath` (map.go:171-178).
pub fn set_path(root: &mut Value, path: &str, value: Value) -> Result<()> {
    let segments = split_path(path);
    if segments.is_empty() {
        return Err(Error::invalid(format!(
            "{} {path:?}: the path is empty; write it as a.b.c=value",
            Input::Set
        )));
    }
    let Value::Object(map) = root else {
        return Err(Error::invalid(format!("{} {path}: the configuration is not a map", Input::Set)));
    };
    set_recurse(map, &segments, value, path)
}

/// `setPathRecurse` (map.go:308-369). Where Go would panic on a type assertion (indexing into a
/// value that is not a list or map) this is an error naming the path instead.
fn set_recurse(base: &mut Map<String, Value>, segments: &[String], value: Value, full: &str) -> Result<()> {
    let not_a = |what: &str| {
        Error::invalid(format!(
            "{} {full}: {:?} is not a {what} here; check the path",
            Input::Set,
            segments[0]
        ))
    };
    let segment = &segments[0];
    let next_is_list = segments.len() >= 2 && segments[1].starts_with('[');
    if next_is_list {
        let last = segments.len() == 2;
        let list = base.entry(segment.clone()).or_insert_with(|| Value::Array(Vec::new()));
        let Value::Array(items) = list else { return Err(not_a("list")) };
        let index = if let Some((key, wanted)) = extract_kv(&segments[1]) {
            match items.iter().position(|item| item.get(key).and_then(Value::as_str) == Some(wanted)) {
                Some(position) => position as i64,
                None => {
                    return Err(Error::invalid(format!(
                        "{} {full}: element {} not found",
                        Input::Set,
                        segments[1]
                    )));
                }
            }
        } else if let Some(index) = extract_index(&segments[1]) {
            index
        } else {
            return Err(Error::invalid(format!("{} {full}: unknown segment {}", Input::Set, segments[1])));
        };
        if index < 0 || index as usize >= items.len() {
            // map.go:336-347: an index past the end appends.
            if last {
                items.push(value);
            } else {
                let mut fresh = Map::new();
                set_recurse(&mut fresh, &segments[2..], value, full)?;
                items.push(Value::Object(fresh));
            }
        } else {
            if last {
                return Err(Error::invalid(format!(
                    "{} {full}: replacing list element {} needs a field after it (a[0].field=value)",
                    Input::Set,
                    segments[1]
                )));
            }
            let Value::Object(element) = &mut items[index as usize] else { return Err(not_a("map")) };
            set_recurse(element, &segments[2..], value, full)?;
        }
        return Ok(());
    }
    if segments.len() == 1 {
        base.insert(segment.clone(), value);
        return Ok(());
    }
    match base.entry(segment.clone()).or_insert_with(|| Value::Object(Map::new())) {
        Value::Object(next) => set_recurse(next, &segments[1..], value, full),
        // MustCastAsMap (map.go:101-110) hands back a fresh map for nil: the value goes nowhere.
        Value::Null => set_recurse(&mut Map::new(), &segments[1..], value, full),
        _ => Err(not_a("map")),
    }
}

/// `alwaysString` (map.go:417-424).
const ALWAYS_STRING: &[&str] = &[
    "spec.values.compatibilityVersion",
    "spec.tag",
    "spec.values.global.tag",
    "spec.meshConfig.defaultConfig.proxyMetadata.",
    "spec.values.meshConfig.defaultConfig.proxyMetadata.",
    "spec.compatibilityVersion",
];

fn is_always_string(path: &str) -> bool {
    ALWAYS_STRING.iter().any(|prefix| path.starts_with(prefix))
}

/// `getPV` (map.go:512-519): exactly one `=` splits path from value; otherwise the whole flag
/// is the path and the value is empty.
pub fn path_and_value(flag: &str) -> (String, String) {
    let parts: Vec<&str> = flag.split('=').collect();
    if parts.len() != 2 {
        return (flag.to_string(), String::new());
    }
    (parts[0].trim().to_string(), parts[1].trim().to_string())
}

/// `parseValue` (map.go:436-448): an integer (`strconv.Atoi`), else a float
/// (`strconv.ParseFloat`), else a bool (`strconv.ParseBool`), else the string with `\,` as `,`.
pub fn parse_value(raw: &str) -> Result<Value> {
    if let Some(int) = go_atoi(raw) {
        return Ok(Value::Number(int.into()));
    }
    if let Some(float) = go_parse_float(raw) {
        return Number::from_f64(float).map(Value::Number).ok_or_else(|| {
            Error::invalid(format!(
                "{} value {raw:?} is not a finite number; quote a string with a non-numeric value",
                Input::Set
            ))
        });
    }
    match raw {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => return Ok(Value::Bool(true)),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => return Ok(Value::Bool(false)),
        _ => {}
    }
    Ok(Value::String(raw.replace("\\,", ",")))
}

fn go_atoi(raw: &str) -> Option<i64> {
    let digits = raw.strip_prefix(['+', '-']).unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.strip_prefix('+').unwrap_or(raw).parse().ok()
}

/// Go's `strconv.ParseFloat(s, 64)` for decimal input; it also takes `inf`/`nan` spellings.
fn go_parse_float(raw: &str) -> Option<f64> {
    let body = raw.strip_prefix(['+', '-']).unwrap_or(raw);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return Some(f64::NAN);
    }
    if body.is_empty()
        || !body.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    raw.parse().ok()
}

/// `splitPath` (map.go:450-470): Go's `filepath.Clean`, then `.` separates keys unless escaped
/// as `\.`, and `key[expr]` is two segments.
pub fn split_path(path: &str) -> Vec<String> {
    let cleaned = go_clean(path);
    let cleaned = cleaned.strip_prefix('.').unwrap_or(&cleaned);
    let cleaned = cleaned.strip_suffix('.').unwrap_or(cleaned);
    let mut segments = Vec::new();
    for part in split_escaped(cleaned, '.') {
        if part.is_empty() {
            continue;
        }
        let part = part.replace("\\.", ".");
        match part.find('[') {
            Some(bracket) if bracket > 0 => {
                segments.push(part[..bracket].to_string());
                segments.push(part[bracket..].to_string());
            }
            _ => segments.push(part),
        }
    }
    segments
}

/// `splitEscaped` (map.go:473-489).
fn split_escaped(s: &str, sep: char) -> Vec<String> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c == sep && (i == 0 || prev != Some('\\')) {
            out.push(s[start..i].to_string());
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    out.push(s[start..].to_string());
    out
}

/// Go's `path/filepath.Clean` on a Unix path, which `splitPath` runs first.
fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|last| *last != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// `extractIndex` (map.go:491-501).
fn extract_index(segment: &str) -> Option<i64> {
    let inner = segment.strip_prefix('[')?.strip_suffix(']')?;
    go_atoi(inner)
}

/// `extractKV` (map.go:503-509).
fn extract_kv(segment: &str) -> Option<(&str, &str)> {
    let inner = segment.strip_prefix('[')?.strip_suffix(']')?;
    inner.split_once(':')
}

/// Go's `fmt.Sprintf("%v", v)` for a decoded JSON value, which `translateIstioOperatorToHelm`
/// uses to turn `spec.hub` and friends back into `--set` text.
pub fn go_format(value: &Value) -> String {
    match value {
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match (n.as_i64(), n.is_f64()) {
            (Some(i), false) => i.to_string(),
            _ => go_float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => s.clone(),
        Value::Array(items) => format!("[{}]", items.iter().map(go_format).collect::<Vec<_>>().join(" ")),
        Value::Object(map) => {
            let inner: Vec<String> = map.iter().map(|(k, v)| format!("{k}:{}", go_format(v))).collect();
            format!("map[{}]", inner.join(" "))
        }
    }
}

/// `%v` of a float64: the shortest representation, exponent form from 1e21 (Go's `%g` with
/// the shortest precision).
fn go_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e21).contains(&abs) {
        let text = format!("{f:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exponent.abs());
    }
    let text = format!("{f}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_values_are_typed_as_istioctl_types_them() {
        assert_eq!(parse_value("2").unwrap(), json!(2));
        assert_eq!(parse_value("1.5").unwrap(), json!(1.5));
        assert_eq!(parse_value("true").unwrap(), json!(true));
        assert_eq!(parse_value("T").unwrap(), json!(true));
        assert_eq!(parse_value("/dev/stdout").unwrap(), json!("/dev/stdout"));
        assert_eq!(parse_value("a\\,b").unwrap(), json!("a,b"));
        let mut root = json!({});
        set_spec_paths(&mut root, &["tag=1.30".into(), "values.global.tag=2".into(), "hub=7".into()])
            .unwrap();
        assert_eq!(root, json!({"spec": {"tag": "1.30", "values": {"global": {"tag": "2"}}, "hub": 7}}));
    }

    #[test]
    fn paths_split_on_unescaped_dots_and_brackets() {
        assert_eq!(split_path("a.b\\.c[0].d"), vec!["a", "b.c", "[0]", "d"]);
        assert_eq!(split_path("components.ingressGateways[0].k8s.replicaCount").len(), 5);
        assert_eq!(path_and_value("a.b=c=d"), ("a.b=c=d".to_string(), String::new()));
    }

    #[test]
    fn list_paths_append_past_the_end_and_update_in_place() {
        let mut root =
            json!({"spec": {"components": {"ingressGateways": [{"name": "istio-ingressgateway"}]}}});
        set_spec_paths(&mut root, &["components.ingressGateways[0].k8s.replicaCount=2".into()]).unwrap();
        set_spec_paths(&mut root, &["components.ingressGateways[5].name=extra".into()]).unwrap();
        set_spec_paths(&mut root, &["components.ingressGateways[name:extra].enabled=true".into()]).unwrap();
        assert_eq!(
            root,
            json!({"spec": {"components": {"ingressGateways": [
                {"name": "istio-ingressgateway", "k8s": {"replicaCount": 2}},
                {"name": "extra", "enabled": true}
            ]}}})
        );
    }

    #[test]
    fn merge_is_key_wise_for_maps_only() {
        let mut base = json!({"a": {"b": 1, "c": [1]}, "d": 1}).as_object().unwrap().clone();
        let top = json!({"a": {"c": [2], "e": 3}, "d": {"x": 1}}).as_object().unwrap().clone();
        merge_from(&mut base, &top);
        assert_eq!(Value::Object(base), json!({"a": {"b": 1, "c": [2], "e": 3}, "d": {"x": 1}}));
    }

    #[test]
    fn go_formats_floats_like_percent_v() {
        assert_eq!(go_format(&json!(1.0)), "1");
        assert_eq!(go_format(&json!(1.3)), "1.3");
        assert_eq!(go_format(&json!(1e21)), "1e+21");
        assert_eq!(go_format(&json!(7)), "7");
    }
}
