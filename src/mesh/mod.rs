//! The domain: Open Service Mesh's label and annotation keys, its resources and values.

pub mod canary;
pub mod chart;
pub mod config_schema;
pub mod duration;
pub mod errcodes;
pub mod health;
pub mod istio;
pub mod keys;
pub mod membership;
pub mod meshconfig;
pub mod policy;
pub mod redact;
pub mod release;
pub mod routing;
pub mod settings;
pub mod smi;
pub mod split;
pub mod verify;

/// Applies an RFC 7386 JSON merge patch to `target` (a `null` removes a key), as the API
/// server does: to show what a dry run or an edit would leave.
pub fn merge_patch(target: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value;
    match (target.as_object_mut(), patch.as_object()) {
        (Some(target), Some(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    target.remove(key);
                } else {
                    merge_patch(target.entry(key.clone()).or_insert(Value::Null), value);
                }
            }
        }
        _ => *target = patch.clone(),
    }
}
