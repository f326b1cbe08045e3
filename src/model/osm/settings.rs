//! Field edits on the MeshConfig as JSON merge patches that touch nothing else (the reading and
//! writing is in `ops::mesh_config`).

use serde_json::{Map, Value};

/// The value at `keys` below `node`; `None` when missing or null: in a MeshConfig as read, both
/// mean the field is unset (a merge patch's null removes it).
pub fn get_path<'a>(node: &'a Value, keys: &[impl AsRef<str>]) -> Option<&'a Value> {
    keys.iter().try_fold(node, |n, k| n.get(k.as_ref())).filter(|v| !v.is_null())
}

/// Adds `value` at `keys` to a merge patch being built.
pub fn put_path(patch: &mut Value, keys: &[impl AsRef<str>], value: Value) {
    let mut node = patch;
    for key in &keys[..keys.len() - 1] {
        if !node.get(key.as_ref()).is_some_and(Value::is_object) {
            node[key.as_ref()] = Value::Object(Map::new());
        }
        node = &mut node[key.as_ref()];
    }
    node[keys[keys.len() - 1].as_ref()] = value;
}

/// A merge patch that sets only the fields of `patch` that differ from `current`.
pub fn changes(current: &Value, patch: &Value) -> Option<Value> {
    match (current, patch) {
        (Value::Object(have), Value::Object(want)) => {
            let mut out = Map::new();
            for (key, value) in want {
                let now = have.get(key).unwrap_or(&Value::Null);
                if let Some(diff) = changes(now, value) {
                    out.insert(key.clone(), diff);
                }
            }
            (!out.is_empty()).then_some(Value::Object(out))
        }
        _ if current == patch => None,
        _ => Some(patch.clone()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn changes_keeps_only_what_differs() {
        let current = json!({"traffic": {"enableEgress": true, "enablePermissiveTrafficPolicyMode": true}});
        assert_eq!(changes(&current, &json!({"traffic": {"enableEgress": true}})), None);
        assert_eq!(
            changes(
                &current,
                &json!({"traffic": {"enableEgress": false, "enablePermissiveTrafficPolicyMode": true}})
            ),
            Some(json!({"traffic": {"enableEgress": false}}))
        );
        assert_eq!(
            changes(&json!({}), &json!({"observability": {"tracing": {"enable": true}}})),
            Some(json!({"observability": {"tracing": {"enable": true}}}))
        );
    }

    #[test]
    fn paths_read_and_build() {
        let mut patch = json!({});
        put_path(&mut patch, &["traffic", "enableEgress"], json!(true));
        put_path(&mut patch, &["traffic", "enablePermissiveTrafficPolicyMode"], json!(false));
        assert_eq!(
            patch,
            json!({"traffic": {"enableEgress": true, "enablePermissiveTrafficPolicyMode": false}})
        );
        assert_eq!(get_path(&patch, &["traffic", "enableEgress"]), Some(&json!(true)));
        assert_eq!(get_path(&patch, &["traffic", "nope"]), None);
    }
}
