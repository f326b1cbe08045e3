//! The chart's values, resolved once: the OSM v1.2.4 chart's own `values.yaml`, overridden by
//! `-f` files, `--set`/`--set-string` (Helm syntax) and `--mesh-name`, then checked against the
//! chart's own `values.schema.json`. Templates read the result through [`Values`] and never see
//! raw user input.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};

use super::{schema, strvals};

/// The chart's defaults, byte for byte (openservicemesh/osm v1.2.4 `charts/osm/values.yaml`).
const VALUES_YAML: &str = include_str!("files/values.yaml");
/// The chart's value schema (`charts/osm/values.schema.json`).
const VALUES_SCHEMA: &str = include_str!("files/values.schema.json");

/// Keys whose values are credentials whatever their name says.
const SECRET_PATHS: &[&str] = &["osm.vault.token", "osm.fluentBit.primaryKey"];
/// Keys whose names sound like credentials but that name where one is kept: the Secret holding the
/// Vault token and its key in that Secret (`charts/osm/values.yaml:194-199` of OSM v1.2.4). Their
/// values are stored and shown like any other, and a record without them could not be upgraded.
const REFERENCE_PATHS: &[&str] = &["osm.vault.secret", "osm.vault.secret.name", "osm.vault.secret.key"];

/// Whether the value at `path` (dotted, list indexes allowed) is, or may be, a credential: it is
/// then never printed, logged or stored.
pub fn is_secret_path(path: &str) -> bool {
    let bare: String = path.split('[').next().unwrap_or(path).to_string();
    if SECRET_PATHS.contains(&bare.as_str()) {
        return true;
    }
    if REFERENCE_PATHS.contains(&bare.as_str()) {
        return false;
    }
    let last = bare.rsplit('.').next().unwrap_or(&bare).to_ascii_lowercase();
    ["token", "password", "key", "secret"].iter().any(|s| last.ends_with(s))
}

/// The base every resolution starts from, and what a release record stores as the chart's values
/// (`helm get values --all` merges the user's over them).
pub fn defaults() -> Value {
    serde_saphyr::from_str(VALUES_YAML).expect("the chart's values.yaml is valid YAML")
}

/// The only authority on which value keys exist and what type each takes: no hand-kept list.
pub fn schema() -> Value {
    serde_json::from_str(VALUES_SCHEMA).expect("the chart's values.schema.json is valid JSON")
}

/// Everything a user can pass to choose values, applied in Helm's order: files, then `--set`,
/// then `--set-string`; then the flags the Go CLI turns into values.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Each `-f` file as the caller read it: its path (for messages) and its text.
    pub files: Vec<(PathBuf, String)>,
    pub set: Vec<String>,
    pub set_string: Vec<String>,
    pub mesh_name: Option<String>,
    pub enforce_single_mesh: Option<bool>,
}

impl Overrides {
    /// True when the command line chose no value at all, so the chart's defaults apply unchanged.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
            && self.set.is_empty()
            && self.set_string.is_empty()
            && self.mesh_name.is_none()
            && self.enforce_single_mesh.is_none()
    }

    /// The user's overrides as one tree, not yet merged onto the defaults.
    pub fn to_tree(&self) -> Result<Value> {
        let mut tree = Value::Object(Map::new());
        for (path, text) in &self.files {
            merge_keeping_nulls(&mut tree, parse_values_file(path, text)?);
        }
        for (items, typed, flag) in
            [(&self.set, true, Input::Set), (&self.set_string, false, Input::SetString)]
        {
            for item in items {
                let user = strvals::parse(item, typed).map_err(|e| {
                    Error::invalid(format!("{flag}: {e}")).with_hint(Remedy::WriteSetAsHelmDoes)
                })?;
                let user = match user {
                    Value::Object(map) => Value::Object(rename_old_root(map)),
                    other => other,
                };
                merge_keeping_nulls(&mut tree, user);
            }
        }
        if let Some(name) = &self.mesh_name {
            merge_keeping_nulls(&mut tree, serde_json::json!({"osm": {"meshName": name}}));
        }
        if let Some(enforce) = self.enforce_single_mesh {
            merge_keeping_nulls(&mut tree, serde_json::json!({"osm": {"enforceSingleMesh": enforce}}));
        }
        Ok(tree)
    }
}

fn parse_values_file(path: &Path, text: &str) -> Result<Value> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Map::new()));
    }
    let tree: Value = serde_saphyr::from_str(text)
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

/// `OpenServiceMesh` is how OSM's older charts spelled the `osm` key; the Go CLI's walkthrough
/// lines still use it.
fn rename_old_root(mut map: Map<String, Value>) -> Map<String, Value> {
    if let Some(old) = map.remove("OpenServiceMesh") {
        let mut merged = Value::Object(Map::new());
        merge_keeping_nulls(&mut merged, old);
        if let Some(new) = map.remove("osm") {
            merge_keeping_nulls(&mut merged, new);
        }
        map.insert("osm".into(), merged);
    }
    map
}

/// Merges user trees among themselves: a null stays, so that it can still remove the default
/// when the result is laid over the defaults.
fn merge_keeping_nulls(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    Some(slot) if value.is_object() && slot.is_object() => merge_keeping_nulls(slot, value),
                    _ => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

/// Helm's coalescing of user values over defaults: maps merge key by key, lists and scalars
/// replace, and null removes the key.
pub fn coalesce(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (key, value) in over {
                match base.get_mut(&key) {
                    _ if value.is_null() => {
                        base.remove(&key);
                    }
                    Some(slot) if value.is_object() && slot.is_object() => coalesce(slot, value),
                    _ => {
                        let mut value = value;
                        strip_nulls(&mut value);
                        base.insert(key, value);
                    }
                }
            }
        }
        (base, over) => *base = over,
    }
}

fn strip_nulls(value: &mut Value) {
    if let Value::Object(map) = value {
        map.retain(|_, v| !v.is_null());
        map.values_mut().for_each(strip_nulls);
    }
}

/// The resolved values, checked against the schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    tree: Value,
}

/// Defaults, then each user tree in order, checked against the chart's schema. Every problem
/// is reported at once, each naming its key; credentials are never shown.
pub fn resolve(user_trees: &[&Value]) -> Result<Values> {
    let mut tree = defaults();
    for user in user_trees {
        coalesce(&mut tree, (*user).clone());
    }
    let problems = schema::validate(&schema(), &tree);
    if !problems.is_empty() {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| {
                let near = if p.suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean {}?)", p.suggestions.join(" or "))
                };
                if p.unknown_key {
                    format!("unknown value key {}: it {}{near}", p.path, p.message)
                } else {
                    format!("{} {}{near}", p.path, p.message)
                }
            })
            .collect();
        let hint = if problems.iter().any(|p| p.unknown_key) {
            "osm accepts the keys and types of the OSM v1.2.4 chart's values.schema.json (docs/install.md lists them); nothing was changed"
        } else {
            "fix the value and run the command again; nothing was changed"
        };
        return Err(
            Error::invalid(format!("the values are not valid:\n  {}", lines.join("\n  "))).with_hint(hint)
        );
    }
    let values = Values { tree };
    // The Go CLI checks the mesh name before rendering: it becomes a label value everywhere.
    let name = values.text("osm.meshName");
    if let Some(problem) = label_value_problem(&name) {
        return Err(Error::invalid(format!("mesh name {name:?} is not valid: {problem}")).with_hint(
            "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        ));
    }
    if values.flag("contour.enabled") {
        return Err(Error::invalid(
            "contour.enabled=true asks for Contour, a third-party chart bundled with OSM's; osm does not install it",
        )
        .with_hint("install Contour on its own (its Helm chart or manifests) and leave contour.enabled unset; nothing was changed"));
    }
    Ok(values)
}

/// Why `value` cannot be a Kubernetes label value, if it cannot.
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

impl Values {
    /// The value at a dotted path, if present.
    pub fn get(&self, path: &str) -> Option<&Value> {
        path.split('.').try_fold(&self.tree, |node, key| node.get(key))
    }

    /// The value at `path`, or null.
    pub fn value(&self, path: &str) -> Value {
        self.get(path).cloned().unwrap_or(Value::Null)
    }

    /// The value as Go's templates print it with `{{ .Values.x }}`.
    pub fn text(&self, path: &str) -> String {
        go_print(self.get(path))
    }

    /// The value's truth as a Go template `if` sees it: false, 0, "", empty lists and maps and
    /// missing keys are false.
    pub fn flag(&self, path: &str) -> bool {
        truthy(self.get(path))
    }

    /// The value printed and then read back as a YAML scalar, as happens to an unquoted
    /// `key: {{ .Values.x }}` in a template (`3` becomes a number, `true` a boolean).
    pub fn plain(&self, path: &str) -> Value {
        yaml_scalar(&self.text(path))
    }

    /// The whole resolved tree, defaults included, for comparing two resolutions key by key (as
    /// `mesh upgrade` does to list what changes).
    pub fn tree(&self) -> &Value {
        &self.tree
    }
}

/// Go template truth, as `{{ if }}` tests it: false, 0, "", empty lists and maps, null and missing
/// are false. Values are judged by it wherever the chart tests them, never by JSON truth.
pub fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
    }
}

/// Go's `%v` of a Helm value. Whole numbers print as integers (Helm reads `values.yaml` numbers
/// as float64 and would print 1e+06 for a million; none of the chart's numbers are that large).
pub fn go_print(value: Option<&Value>) -> String {
    let value = value.filter(|v| !v.is_null());
    match value {
        None => "<no value>".into(),
        Some(Value::Null) => unreachable!("filtered above"),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        Some(Value::Array(items)) => {
            format!("[{}]", items.iter().map(|i| go_print(Some(i))).collect::<Vec<_>>().join(" "))
        }
        Some(Value::Object(map)) => format!(
            "map[{}]",
            map.iter().map(|(k, v)| format!("{k}:{}", go_print(Some(v)))).collect::<Vec<_>>().join(" ")
        ),
    }
}

/// A plain YAML scalar as Kubernetes' YAML reader takes it.
pub fn yaml_scalar(text: &str) -> Value {
    match text {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        _ => {}
    }
    if let Ok(i) = text.parse::<i64>() {
        return Value::from(i);
    }
    if text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && let Ok(f) = text.parse::<f64>()
    {
        return serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::String(text.into()));
    }
    Value::String(text.into())
}

/// The user's tree with every credential removed, for storing in the release record.
pub fn without_secrets(tree: &Value) -> Value {
    fn strip(node: &mut Value, path: &str) {
        match node {
            Value::Object(map) => {
                map.retain(|key, _| {
                    let child = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    !is_secret_path(&child)
                });
                for (key, child) in map.iter_mut() {
                    let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    strip(child, &child_path);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| strip(i, path)),
            _ => {}
        }
    }
    let mut tree = tree.clone();
    strip(&mut tree, "");
    tree
}

/// The dotted paths of every credential the user gave, for warnings that name keys only.
pub fn secret_paths(tree: &Value) -> Vec<String> {
    fn walk(node: &Value, path: &str, out: &mut Vec<String>) {
        if let Value::Object(map) = node {
            for (key, child) in map {
                let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                if child.is_object() {
                    walk(child, &child_path, out);
                } else if is_secret_path(&child_path) && truthy(Some(child)) {
                    out.push(child_path);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(tree, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn set(items: &[&str]) -> Result<Values> {
        let overrides =
            Overrides { set: items.iter().map(|s| s.to_string()).collect(), ..Default::default() };
        resolve(&[&overrides.to_tree()?])
    }

    #[test]
    fn defaults_fit_their_own_schema() {
        let v = resolve(&[]).unwrap();
        assert_eq!(v.text("osm.meshName"), "osm");
        assert_eq!(v.text("osm.osmController.replicaCount"), "1");
    }

    #[test]
    fn schema_keys_are_accepted_and_others_refused() {
        for ok in [
            "osm.trustDomain=example.org",
            "osm.vault.port=8201",
            "osm.vault.secret.name=vault-token",
            "osm.featureFlags.enableMeshRootCertificate=true",
            "osm.imagePullSecrets[0].name=regcred",
            "osm.injector.nodeSelector.disk=ssd",
            "osm.osmController.tolerations[0].key=dedicated",
            "osm.outboundPortExclusionList={6379,5432}",
        ] {
            set(&[ok]).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        // The v1.2.4 schema has no osmController.nodeSelector (the template reads it, Helm
        // refuses it): the schema decides.
        assert!(set(&["osm.osmController.nodeSelector.disk=ssd"]).is_err());
        let err = set(&["osm.deployGrafna=true"]).unwrap_err().to_string();
        assert!(err.contains("osm.deployGrafna") && err.contains("osm.deployGrafana"), "{err}");
        let err = set(&["osm.osmController.replicaCount=many"]).unwrap_err().to_string();
        assert!(err.contains("osm.osmController.replicaCount") && err.contains("integer"), "{err}");
        assert!(set(&["contour.enabled=true"]).unwrap_err().to_string().contains("Contour"));
    }

    #[test]
    fn legacy_root_key_still_works() {
        let v = set(&["OpenServiceMesh.deployGrafana=true"]).unwrap();
        assert!(v.flag("osm.deployGrafana"));
    }

    #[test]
    fn credentials_never_appear_in_errors_or_records() {
        let err = set(&["osm.vault.token=S3CRET,osm.typo=1"]).unwrap_err().to_string();
        assert!(!err.contains("S3CRET"), "{err}");
        let err = set(&["osm.vault.token=12345"]).unwrap_err().to_string();
        assert!(!err.contains("12345"), "{err}");
        let user = json!({"osm": {"vault": {"token": "S3CRET", "host": "v", "secret": {"name": "n", "key": "k"}}, "fluentBit": {"primaryKey": "P"}}});
        let stored = without_secrets(&user);
        assert_eq!(
            stored,
            json!({"osm": {"vault": {"host": "v", "secret": {"name": "n", "key": "k"}}, "fluentBit": {}}})
        );
        assert_eq!(secret_paths(&user), ["osm.fluentBit.primaryKey", "osm.vault.token"]);
    }

    #[test]
    fn null_removes_a_default() {
        let v = set(&["osm.osmController.podLabels.a=b"]).unwrap();
        assert_eq!(v.value("osm.osmController.podLabels"), json!({"a": "b"}));
        let err = set(&["osm.meshName=null"]).unwrap_err().to_string();
        assert!(err.contains("osm.meshName") && err.contains("required"), "{err}");
    }

    #[test]
    fn go_printing() {
        assert_eq!(go_print(Some(&json!(1.0))), "1");
        assert_eq!(go_print(Some(&json!(0.5))), "0.5");
        assert_eq!(go_print(Some(&json!(true))), "true");
        assert_eq!(go_print(None), "<no value>");
        assert_eq!(yaml_scalar("3"), json!(3));
        assert_eq!(yaml_scalar("v1.2.4"), json!("v1.2.4"));
    }
}
