//! Checks values against the chart's own `values.schema.json`, as Helm does before rendering:
//! the schema, not a hand-kept list, decides which keys exist and what type each has. Only the
//! JSON Schema keywords that file uses are implemented: type, properties, additionalProperties,
//! required, items, enum, pattern, minimum, maximum and local `$ref`s.

use serde_json::Value;

use super::values::is_secret_path;
use crate::model::input::Input;

/// One reason the values do not fit the schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The dotted path of the offending key, e.g. `osm.image.tag` or `osm.imagePullSecrets[0]`.
    pub path: String,
    pub message: String,
    /// For an unknown key: the nearest keys the schema allows at that place.
    pub suggestions: Vec<String>,
    pub unknown_key: bool,
}

/// Every problem at once, sorted by path, so one run names everything to fix; a message never
/// shows the value at a credential path.
pub fn validate(schema: &Value, values: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    check(schema, schema, values, "", &mut problems);
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    problems
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference.trim_start_matches('#');
            root.pointer(pointer).map(|target| resolve(root, target)).unwrap_or(node)
        }
        None => node,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_matches(wanted: &str, value: &Value) -> bool {
    let actual = type_name(value);
    actual == wanted || (wanted == "number" && actual == "integer")
}

/// How a value is shown in a problem: never for credentials.
fn shown(path: &str, value: &Value) -> String {
    if is_secret_path(path) {
        return "(value hidden)".into();
    }
    match value {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

fn check(root: &Value, node: &Value, value: &Value, path: &str, problems: &mut Vec<Problem>) {
    let node = resolve(root, node);
    let problem = |message: String| Problem {
        path: path.to_string(),
        message,
        suggestions: vec![],
        unknown_key: false,
    };

    if let Some(types) = node.get("type") {
        let wanted: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !wanted.is_empty() && !wanted.iter().any(|t| type_matches(t, value)) {
            let hint = if wanted.contains(&"string") && matches!(value, Value::Number(_) | Value::Bool(_)) {
                format!(" (use {} for a value that only looks like a number or boolean)", Input::SetString)
            } else {
                String::new()
            };
            problems.push(problem(format!(
                "must be {}, not {} {}{hint}",
                wanted.iter().map(|t| article(t)).collect::<Vec<_>>().join(" or "),
                type_name(value),
                shown(path, value)
            )));
            return;
        }
    }
    if let Some(options) = node.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        let list: Vec<String> = options.iter().map(|o| o.to_string()).collect();
        problems.push(problem(format!("must be one of {}, not {}", list.join(", "), shown(path, value))));
    }
    if let (Some(pattern), Some(text)) = (node.get("pattern").and_then(Value::as_str), value.as_str())
        && let Ok(re) = regex::Regex::new(pattern)
        && !re.is_match(text)
    {
        problems.push(problem(format!("{} does not match the pattern {pattern}", shown(path, value))));
    }
    if let Some(n) = value.as_f64() {
        if let Some(min) = node.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            problems.push(problem(format!("must be at least {min}, not {}", shown(path, value))));
        }
        if let Some(max) = node.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            problems.push(problem(format!("must be at most {max}, not {}", shown(path, value))));
        }
    }
    match value {
        Value::Object(map) => {
            let properties = node.get("properties").and_then(Value::as_object);
            if let Some(required) = node.get("required").and_then(Value::as_array) {
                for key in required.iter().filter_map(Value::as_str) {
                    if !map.contains_key(key) {
                        problems.push(Problem {
                            path: join(path, key),
                            message: "is required (it was removed, e.g. by setting it to null)".into(),
                            suggestions: vec![],
                            unknown_key: false,
                        });
                    }
                }
            }
            let closed = node.get("additionalProperties") == Some(&Value::Bool(false));
            for (key, child) in map {
                let child_path = join(path, key);
                match properties.and_then(|p| p.get(key)) {
                    Some(child_schema) => check(root, child_schema, child, &child_path, problems),
                    None if closed => {
                        let allowed: Vec<&String> =
                            properties.map(|p| p.keys().collect()).unwrap_or_default();
                        let mut near: Vec<(f64, &String)> = allowed
                            .iter()
                            .map(|k| (strsim::jaro_winkler(&k.to_lowercase(), &key.to_lowercase()), *k))
                            .collect();
                        near.sort_by(|a, b| b.0.total_cmp(&a.0));
                        let suggestions = near
                            .iter()
                            .filter(|(score, _)| *score > 0.75)
                            .take(1)
                            .map(|(_, k)| join(path, k))
                            .collect();
                        problems.push(Problem {
                            path: child_path,
                            message: "is not a value of the OSM v1.2.4 chart".into(),
                            suggestions,
                            unknown_key: true,
                        });
                    }
                    None => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = node.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check(root, item_schema, item, &format!("{path}[{i}]"), problems);
                }
            }
        }
        _ => {}
    }
}

fn article(t: &str) -> String {
    match t {
        "integer" | "array" | "object" => format!("an {t}"),
        other => format!("a {other}"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn schema() -> Value {
        json!({
            "definitions": {"port": {"type": "integer", "minimum": 1, "maximum": 65535}},
            "type": "object",
            "additionalProperties": false,
            "required": ["a"],
            "properties": {
                "a": {"type": "object", "additionalProperties": false, "properties": {
                    "port": {"$ref": "#/definitions/port"},
                    "level": {"type": "string", "pattern": "^(info|debug)$"},
                    "free": {"type": "object"},
                    "list": {"type": "array", "items": {"type": "integer"}},
                    "vaultToken": {"type": "string"}
                }}
            }
        })
    }

    #[test]
    fn accepts_what_fits() {
        let v = json!({"a": {"port": 80, "level": "info", "free": {"x": {"y": 1}}, "list": [1, 2]}});
        assert_eq!(validate(&schema(), &v), vec![]);
    }

    #[test]
    fn names_each_problem() {
        let v = json!({"a": {"port": 70000, "levl": "info", "list": [1, "x"], "level": "loud"}});
        let problems = validate(&schema(), &v);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["a.level", "a.levl", "a.list[1]", "a.port"]);
        assert_eq!(problems[1].suggestions, ["a.level"]);
        assert!(problems[1].unknown_key);
        assert!(
            validate(&schema(), &json!({})).iter().any(|p| p.path == "a" && p.message.contains("required"))
        );
    }

    #[test]
    fn never_shows_a_credential() {
        let problems = validate(&schema(), &json!({"a": {"vaultToken": 12345}}));
        assert_eq!(problems.len(), 1);
        assert!(!problems[0].message.contains("12345"), "{}", problems[0].message);
    }
}
