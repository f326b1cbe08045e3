//! The strategic merge patch istioctl lays the rendered template over the pod with
//! (pkg/kube/inject/webhook.go:1039-1083 `StrategicMergePatchYAML`, `applyOverlayYAML`), reduced
//! to what `corev1.Pod`'s patch metadata says (k8s.io/api core/v1 types.go `patchStrategy` and
//! `patchMergeKey` tags, applied by k8s.io/apimachinery strategicpatch `mergeMap`/`mergeSlice`).

use serde_json::{Map, Value};

/// The merge key of each list the pod's types merge rather than replace, by the field's path
/// suffix (parent field, list field). Lists not named here are replaced whole by the patch.
fn merge_key(parent: Option<&str>, field: &str) -> Option<&'static str> {
    Some(match (parent, field) {
        (Some("spec"), "containers" | "initContainers" | "ephemeralContainers") => "name",
        (Some("spec"), "volumes") => "name",
        (Some("spec"), "imagePullSecrets") => "name",
        (Some("spec"), "hostAliases") => "ip",
        (Some("spec"), "resourceClaims") => "name",
        (Some("container"), "env") => "name",
        (Some("container"), "ports") => "containerPort",
        (Some("container"), "volumeMounts") => "mountPath",
        (Some("container"), "volumeDevices") => "devicePath",
        (Some("container"), "resizePolicy") => "resourceName",
        (Some("metadata"), "ownerReferences") => "uid",
        _ => return None,
    })
}

/// Merges `patch` into `original` as `strategicpatch.StrategicMergeMapPatch` does for a Pod:
/// maps merge key by key, `null` deletes, merged lists match items by their merge key (matched
/// items merge in place, new ones are appended in patch order), other lists and scalars replace.
pub fn merge_pod(original: &Value, patch: &Value) -> Result<Value, String> {
    if let Some(key) = directive(patch) {
        return Err(format!(
            "the injection template uses the strategic merge directive {key:?}, which osm does not apply"
        ));
    }
    merge_value(original, patch, None)
}

/// The first `$`-prefixed key (`$patch`, `$retainKeys`, `$setElementOrder/...`) anywhere in the patch.
fn directive(value: &Value) -> Option<String> {
    match value {
        Value::Object(map) => {
            map.iter().find_map(|(k, v)| if k.starts_with('$') { Some(k.clone()) } else { directive(v) })
        }
        Value::Array(items) => items.iter().find_map(directive),
        _ => None,
    }
}

fn merge_value(original: &Value, patch: &Value, context: Option<&str>) -> Result<Value, String> {
    match (original, patch) {
        (Value::Object(original), Value::Object(patch)) => {
            Ok(Value::Object(merge_map(original, patch, context)?))
        }
        (_, patch) => Ok(strip_nulls(patch)),
    }
}

fn merge_map(
    original: &Map<String, Value>,
    patch: &Map<String, Value>,
    context: Option<&str>,
) -> Result<Map<String, Value>, String> {
    let mut out = original.clone();
    for (key, value) in patch {
        if value.is_null() {
            out.remove(key);
            continue;
        }
        let child_context = child_context(context, key);
        let merged = match (out.get(key), value) {
            (Some(Value::Array(current)), Value::Array(items)) => match merge_key(context, key) {
                Some(merge_key) => Value::Array(merge_list(current, items, merge_key, child_context)?),
                None => strip_nulls(value),
            },
            (Some(current), _) => merge_value(current, value, child_context)?,
            (None, _) => strip_nulls(value),
        };
        out.insert(key.clone(), merged);
    }
    Ok(out)
}

/// Which merge rules apply below `key`: the pod's own `metadata` and `spec`, and each container.
fn child_context(context: Option<&str>, key: &str) -> Option<&'static str> {
    match (context, key) {
        (None, "spec") => Some("spec"),
        (None, "metadata") => Some("metadata"),
        (Some("spec"), "containers" | "initContainers" | "ephemeralContainers") => Some("container"),
        _ => None,
    }
}

fn merge_list(
    current: &[Value],
    patch: &[Value],
    merge_key: &str,
    context: Option<&str>,
) -> Result<Vec<Value>, String> {
    let mut merged: Vec<Value> = current.to_vec();
    for item in patch {
        let key = item.get(merge_key);
        let position =
            key.and_then(|key| merged.iter().position(|existing| existing.get(merge_key) == Some(key)));
        match position {
            Some(index) => merged[index] = merge_value(&merged[index], item, context)?,
            None => merged.push(strip_nulls(item)),
        }
    }
    // strategicpatch `mergeSlice` then enforces an order (`normalizeElementOrder`,
    // `mergeSortedSlice`): the items the patch names, in patch order, interleaved with the
    // others in their original order; an item of the patch that the original lacks goes before
    // the original items still to place.
    let key_of = |item: &Value| item.get(merge_key).cloned();
    let in_patch =
        |item: &Value| key_of(item).is_some_and(|k| patch.iter().any(|p| p.get(merge_key) == Some(&k)));
    let original_index =
        |item: &Value| key_of(item).and_then(|k| current.iter().position(|c| c.get(merge_key) == Some(&k)));
    let mut patch_items: Vec<Value> = merged.iter().filter(|i| in_patch(i)).cloned().collect();
    patch_items.sort_by_key(|item| {
        key_of(item).and_then(|k| patch.iter().position(|p| p.get(merge_key) == Some(&k)))
    });
    let server_only: Vec<Value> = merged.iter().filter(|i| !in_patch(i)).cloned().collect();
    let (mut left, mut right) = (server_only.into_iter().peekable(), patch_items.into_iter().peekable());
    let mut out = Vec::with_capacity(merged.len());
    loop {
        let take_left = match (left.peek(), right.peek()) {
            (None, None) => break,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(l), Some(r)) => {
                matches!((original_index(l), original_index(r)), (Some(li), Some(ri)) if li < ri)
            }
        };
        let next = if take_left { left.next() } else { right.next() };
        out.extend(next);
    }
    Ok(out)
}

/// A patch value added whole keeps no nulls: the merge deletes them rather than writing them.
fn strip_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), strip_nulls(v))).collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_nulls).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // The order strategicpatch's mergeSortedSlice gives: patch items (in patch order) go before
    // the original items not named in the patch, unless the original puts those first.
    #[test]
    fn containers_merge_by_name_in_strategic_merge_order() {
        let pod = json!({"spec": {"containers": [{"name": "app", "image": "a", "env": [{"name": "X", "value": "1"}, {"name": "Z", "value": "0"}]}],
            "volumes": [{"name": "user"}]}});
        let patch = json!({"spec": {"containers": [
            {"name": "istio-proxy", "image": "p"},
            {"name": "app", "env": [{"name": "Y", "value": "2"}, {"name": "X", "value": "3"}]}],
            "volumes": [{"name": "istio-envoy"}]}});
        let merged = merge_pod(&pod, &patch).unwrap();
        assert_eq!(
            merged,
            json!({"spec": {"containers": [
                {"name": "istio-proxy", "image": "p"},
                {"name": "app", "image": "a", "env": [{"name": "Y", "value": "2"}, {"name": "X", "value": "3"}, {"name": "Z", "value": "0"}]}],
                "volumes": [{"name": "istio-envoy"}, {"name": "user"}]}})
        );
    }

    #[test]
    fn null_deletes_and_plain_lists_replace() {
        let pod = json!({"metadata": {"labels": {"a": "1"}}, "spec": {"tolerations": [{"key": "k"}], "containers": [{"name": "c", "args": ["x"]}]}});
        let patch = json!({"metadata": {"labels": {"a": null, "b": "2"}}, "spec": {"tolerations": [{"key": "j"}], "containers": [{"name": "c", "args": ["y"]}]}});
        let merged = merge_pod(&pod, &patch).unwrap();
        assert_eq!(
            merged,
            json!({"metadata": {"labels": {"b": "2"}}, "spec": {"tolerations": [{"key": "j"}], "containers": [{"name": "c", "args": ["y"]}]}})
        );
    }

    #[test]
    fn a_directive_is_refused_rather_than_ignored() {
        let err = merge_pod(&json!({}), &json!({"spec": {"$patch": "replace"}})).unwrap_err();
        assert!(err.contains("$patch"), "{err}");
    }
}
