//! The domain, no I/O: each mesh API in its own module (`osm`, `smi`, `istio`, `gateway_api`),
//! the routing vocabulary over the three routing APIs (`routing`), canary gates (`canary`), the
//! checks' judgements shared by OSM and Istio (`health`), namespace membership in either mesh
//! (`membership`), and the duration notation every layer words its timeouts in (`duration`).

pub mod canary;
pub mod duration;
pub mod gateway_api;
pub mod health;
pub mod input;
pub mod istio;
pub mod membership;
pub mod osm;
pub mod routing;
pub mod smi;

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
