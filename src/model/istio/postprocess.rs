//! What istioctl does to a component's objects after Helm (operator/pkg/render/postprocess.go at
//! 1.30.3): the `k8s` settings of a component as strategic merge patches on its workload,
//! Service, HorizontalPodAutoscaler and PodDisruptionBudget, then the `k8s.overlays`.

use serde_json::{Map, Value, json};

use super::generate::{ComponentDef, ComponentSpec};
use super::values::{self, get_string};
use crate::error::{Error, Result};

/// Which object a `k8s` field patches and where (postprocess.go:63-101).
enum Target {
    Workload,
    Kind(&'static str),
}

/// `patches` (postprocess.go:63-101): field, target, and the patch with `%s` for the value.
fn patch_table(container: &str) -> Vec<(&'static str, Target, String)> {
    vec![
        ("affinity", Target::Workload, r#"{"spec":{"template":{"spec":{"affinity":%s}}}}"#.into()),
        (
            "env",
            Target::Workload,
            format!(
                r#"{{"spec":{{"template":{{"spec":{{"containers":[{{"name":{container:?}, "env": %s}}]}}}}}}}}"#
            ),
        ),
        ("hpaSpec", Target::Kind("HorizontalPodAutoscaler"), r#"{"spec":%s}"#.into()),
        (
            "imagePullPolicy",
            Target::Workload,
            format!(
                r#"{{"spec":{{"template":{{"spec":{{"containers":[{{"name":{container:?}, "imagePullPolicy": %s}}]}}}}}}}}"#
            ),
        ),
        ("nodeSelector", Target::Workload, r#"{"spec":{"template":{"spec":{"nodeSelector":%s}}}}"#.into()),
        ("podDisruptionBudget", Target::Kind("PodDisruptionBudget"), r#"{"spec":%s}"#.into()),
        (
            "podAnnotations",
            Target::Workload,
            r#"{"spec":{"template":{"metadata":{"annotations":%s}}}}"#.into(),
        ),
        (
            "priorityClassName",
            Target::Workload,
            r#"{"spec":{"template":{"spec":{"priorityClassName":%s}}}}"#.into(),
        ),
        (
            "readinessProbe",
            Target::Workload,
            format!(
                r#"{{"spec":{{"template":{{"spec":{{"containers":[{{"name":{container:?}, "readinessProbe": %s}}]}}}}}}}}"#
            ),
        ),
        ("replicaCount", Target::Workload, r#"{"spec":{"replicas":%s}}"#.into()),
        (
            "resources",
            Target::Workload,
            format!(
                r#"{{"spec":{{"template":{{"spec":{{"containers":[{{"name":{container:?}, "resources": %s}}]}}}}}}}}"#
            ),
        ),
        ("strategy", Target::Workload, r#"{"spec":{"strategy":%s}}"#.into()),
        ("tolerations", Target::Workload, r#"{"spec":{"template":{"spec":{"tolerations":%s}}}}"#.into()),
        ("serviceAnnotations", Target::Kind("Service"), r#"{"metadata":{"annotations":%s}}"#.into()),
        ("service", Target::Kind("Service"), r#"{"spec":%s}"#.into()),
        (
            "securityContext",
            Target::Workload,
            r#"{"spec":{"template":{"spec":{"securityContext":%s}}}}"#.into(),
        ),
    ]
}

/// `postProcess` (postprocess.go:40-186).
pub fn apply(
    def: &ComponentDef,
    spec: &ComponentSpec,
    mut objects: Vec<Value>,
    component_values: &Value,
) -> Result<Vec<Value>> {
    let Some(k8s) = spec.k8s.clone() else { return Ok(objects) };
    let mut k8s = k8s;
    let mut name = def.resource_name.to_string();
    if !spec.name.is_empty() {
        name = spec.name.clone();
    }
    if def.component == super::Component::Pilot {
        let revision = get_string(component_values, "spec.values.revision");
        if !revision.is_empty() && revision != "default" {
            name = format!("{name}-{revision}");
        }
    }
    // postprocess.go:105-110: a gateway's service ports are Helm values already, so the patch
    // carries an empty list (which a strategic merge leaves alone).
    if def.is_gateway()
        && let Some(k8s_map) = k8s.as_object_mut()
    {
        let service = k8s_map.entry("service").or_insert_with(|| Value::Object(Map::new()));
        if let Some(service) = service.as_object_mut() {
            service.insert("ports".into(), Value::Array(Vec::new()));
        }
    }
    for (field, target, template) in patch_table(def.container_name) {
        let Some(value) = k8s.get(field) else { continue };
        let inner = serde_json::to_string(value).map_err(|e| Error::failed(e.to_string()))?;
        let patch: Value = serde_json::from_str(&template.replace("%s", &inner))
            .map_err(|e| Error::failed(format!("post processing: patch for k8s.{field}: {e}")))?;
        let kind = match target {
            Target::Workload => def.resource_type,
            Target::Kind(kind) => kind,
        };
        for object in objects.iter_mut() {
            let object_kind = object.get("kind").and_then(Value::as_str).unwrap_or_default();
            let object_name = object.pointer("/metadata/name").and_then(Value::as_str).unwrap_or_default();
            if object_kind == kind && object_name == name {
                strategic_merge(object, &patch, &[])?;
                if field == "podDisruptionBudget" {
                    pdb_min_or_max(object);
                }
            }
        }
    }
    // postprocess.go:166-183: overlays, each on the objects of its kind and name.
    let overlays = k8s.get("overlays").and_then(Value::as_array).cloned().unwrap_or_default();
    for overlay in overlays {
        let kind = overlay.get("kind").and_then(Value::as_str).unwrap_or_default();
        let overlay_name = overlay.get("name").and_then(Value::as_str).unwrap_or_default();
        let patches = overlay.get("patches").and_then(Value::as_array).cloned().unwrap_or_default();
        for object in objects.iter_mut() {
            let object_kind = object.get("kind").and_then(Value::as_str).unwrap_or_default();
            let object_name = object.pointer("/metadata/name").and_then(Value::as_str).unwrap_or_default();
            if object_kind != kind || object_name != overlay_name {
                continue;
            }
            for patch in &patches {
                let path = patch.get("path").and_then(Value::as_str).unwrap_or_default();
                let value = patch.get("value").cloned().unwrap_or(Value::Null);
                overlay_path(object, path, value).map_err(|e| {
                    Error::invalid(format!(
                        "components.{}.k8s.overlays ({kind}/{overlay_name}) path {path:?}: {e}",
                        def.spec_name
                    ))
                })?;
            }
        }
    }
    Ok(objects)
}

/// `postProcessPodDisruptionBudget` (postprocess.go:191-204): with both set, minAvailable
/// becomes null.
fn pdb_min_or_max(object: &mut Value) {
    if let Some(spec) = object.get_mut("spec").and_then(Value::as_object_mut)
        && spec.contains_key("maxUnavailable")
        && spec.contains_key("minAvailable")
    {
        spec.insert("minAvailable".into(), Value::Null);
    }
}

/// The merge key of a list, from the Kubernetes types' `patchMergeKey` tags, by the field names
/// leading to it. Lists without one are replaced by the patch.
fn merge_key(path: &[String]) -> Option<&'static str> {
    let last = path.last()?.as_str();
    let parent = path.len().checked_sub(2).map(|i| path[i].as_str()).unwrap_or("");
    match last {
        "containers" | "initContainers" | "ephemeralContainers" => Some("name"),
        "env" if matches!(parent, "containers" | "initContainers" | "ephemeralContainers") => Some("name"),
        "volumeMounts" => Some("mountPath"),
        "volumeDevices" => Some("devicePath"),
        "volumes" | "imagePullSecrets" | "resourceClaims" => Some("name"),
        "hostAliases" => Some("ip"),
        "topologySpreadConstraints" => Some("topologyKey"),
        // A container's ports merge on containerPort, a Service's on port.
        "ports" if matches!(parent, "containers" | "initContainers" | "ephemeralContainers") => {
            Some("containerPort")
        }
        "ports" if parent == "spec" => Some("port"),
        "ownerReferences" => Some("uid"),
        _ => None,
    }
}

/// A strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go), for the
/// fields istioctl patches: maps merge, null deletes, `$patch: replace|delete` in maps, lists
/// with a merge key merge by it (patch.go:1495-1544, with the order `normalizeElementOrder`
/// gives), other lists are replaced.
pub fn strategic_merge(original: &mut Value, patch: &Value, path: &[String]) -> Result<()> {
    let (Some(target), Some(patch_map)) = (original.as_object_mut(), patch.as_object()) else {
        *original = patch.clone();
        return Ok(());
    };
    match patch_map.get("$patch").and_then(Value::as_str) {
        Some("replace") => {
            let mut replaced = patch_map.clone();
            replaced.remove("$patch");
            *original = Value::Object(replaced);
            return Ok(());
        }
        Some("delete") => {
            *original = Value::Object(Map::new());
            return Ok(());
        }
        _ => {}
    }
    for (key, value) in patch_map {
        if key.starts_with('$') {
            continue;
        }
        if value.is_null() {
            target.remove(key);
            continue;
        }
        let mut here = path.to_vec();
        here.push(key.clone());
        match (target.get_mut(key), value) {
            (Some(existing @ Value::Object(_)), Value::Object(_)) => strategic_merge(existing, value, &here)?,
            (Some(Value::Array(existing)), Value::Array(incoming)) => {
                if let Some(merge_key) = merge_key(&here) {
                    let merged = merge_list(existing, incoming, merge_key, &here)?;
                    *existing = merged;
                } else {
                    *existing = incoming.clone();
                }
            }
            _ => {
                target.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(())
}

fn merge_list(original: &[Value], patch: &[Value], key: &str, path: &[String]) -> Result<Vec<Value>> {
    if original.is_empty() && patch.is_empty() {
        return Ok(Vec::new());
    }
    let mut original = original.to_vec();
    let mut items = Vec::new();
    let mut replace = false;
    for item in patch {
        match item.get("$patch").and_then(Value::as_str) {
            Some("delete") => {
                let wanted = item.get(key).cloned().unwrap_or(Value::Null);
                original.retain(|o| o.get(key) != Some(&wanted));
            }
            Some("replace") => replace = true,
            _ => items.push(item.clone()),
        }
    }
    if replace {
        return Ok(items);
    }
    let mut merged = original.clone();
    for item in &items {
        let Some(wanted) = item.get(key) else {
            return Err(Error::invalid(format!(
                "{}: a list element has no merge key {key:?}",
                path.join(".")
            )));
        };
        match merged.iter_mut().find(|o| o.get(key) == Some(wanted)) {
            Some(existing) => strategic_merge(existing, item, path)?,
            None => merged.push(item.clone()),
        }
    }
    // normalizeElementOrder (patch.go:404-415) and mergeSortedSlice (patch.go:426-468).
    let in_patch = |o: &Value| items.iter().any(|p| p.get(key) == o.get(key));
    let mut patch_items: Vec<Value> = merged.iter().filter(|o| in_patch(o)).cloned().collect();
    patch_items.sort_by_key(|o| items.iter().position(|p| p.get(key) == o.get(key)));
    let server_only: Vec<Value> = merged.iter().filter(|o| !in_patch(o)).cloned().collect();
    let server_index = |o: &Value| original.iter().position(|s| s.get(key) == o.get(key));
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(patch_items.len() + server_only.len());
    while i < server_only.len() || j < patch_items.len() {
        if i >= server_only.len() {
            out.push(patch_items[j].clone());
            j += 1;
        } else if j >= patch_items.len() {
            out.push(server_only[i].clone());
            i += 1;
        } else {
            match (server_index(&server_only[i]), server_index(&patch_items[j])) {
                (Some(l), Some(r)) if l < r => {
                    out.push(server_only[i].clone());
                    i += 1;
                }
                _ => {
                    out.push(patch_items[j].clone());
                    j += 1;
                }
            }
        }
    }
    Ok(out)
}

/// One overlay patch (`applyPatches`, postprocess.go:208-236, with operator/pkg/tpath): walks
/// `a.b.[key:value].[0].c`, creating maps on the way; a null value deletes the node, another
/// value replaces it (or, where the node is a list, is appended to it).
fn overlay_path(root: &mut Value, path: &str, value: Value) -> std::result::Result<(), String> {
    let segments = values::split_path(path);
    if segments.is_empty() {
        return Err("an empty path".into());
    }
    let value = values::floats(value);
    let mut current = root;
    for (position, segment) in segments.iter().enumerate() {
        let last = position == segments.len() - 1;
        let inner = segment.strip_prefix('[').and_then(|s| s.strip_suffix(']'));
        if current.is_null() {
            *current = if inner.is_some() { json!([]) } else { json!({}) };
        }
        match current {
            Value::Array(items) => {
                let Some(selector) = inner else {
                    return Err(format!("element {segment} is not a list selector"));
                };
                let index = if let Ok(index) = selector.parse::<usize>() {
                    if index >= items.len() {
                        items.push(json!({}));
                        items.len() - 1
                    } else {
                        index
                    }
                } else if let Some((key, wanted)) = selector.split_once(':').filter(|(k, _)| !k.is_empty()) {
                    items
                        .iter()
                        .position(|item| item.get(key).is_some_and(|v| values::go_format(v) == wanted))
                        .ok_or_else(|| format!("element {segment} not found"))?
                } else {
                    let wanted = selector.trim_start_matches(':');
                    let pattern =
                        regex::Regex::new(wanted).map_err(|e| format!("bad pattern {wanted:?}: {e}"))?;
                    items
                        .iter()
                        .position(|item| pattern.is_match(&values::go_format(item)))
                        .ok_or_else(|| format!("element {segment} not found"))?
                };
                if last {
                    if value.is_null() {
                        items.remove(index);
                    } else {
                        items[index] = value;
                    }
                    return Ok(());
                }
                current = &mut items[index];
            }
            Value::Object(map) => {
                if last {
                    if value.is_null() {
                        map.remove(segment);
                    } else if let Some(Value::Array(existing)) = map.get_mut(segment) {
                        existing.push(value);
                    } else {
                        map.insert(segment.clone(), value);
                    }
                    return Ok(());
                }
                let next_is_list = segments.get(position + 1).is_some_and(|s| s.starts_with('['));
                current = map
                    .entry(segment.clone())
                    .or_insert_with(|| if next_is_list { json!([]) } else { json!({}) });
            }
            other => return Err(format!("{segment}: {other} is not a map or list")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_merge_by_name_and_new_elements_join_in_patch_order() {
        let mut deployment = json!({"spec": {"template": {"spec": {"containers": [
            {"name": "a", "env": [{"name": "X", "value": "1"}]},
            {"name": "b"}
        ]}}}});
        let patch = json!({"spec": {"replicas": 2, "template": {"spec": {"containers": [
            {"name": "a", "env": [{"name": "Y", "value": "2"}, {"name": "X", "value": "3"}]}
        ]}}}});
        strategic_merge(&mut deployment, &patch, &[]).unwrap();
        assert_eq!(
            deployment,
            json!({"spec": {"replicas": 2, "template": {"spec": {"containers": [
                {"name": "a", "env": [{"name": "Y", "value": "2"}, {"name": "X", "value": "3"}]},
                {"name": "b"}
            ]}}}})
        );
    }

    #[test]
    fn lists_without_a_merge_key_are_replaced_and_null_deletes() {
        let mut object = json!({"spec": {"tolerations": [{"key": "a"}], "keep": 1, "drop": 2}});
        strategic_merge(&mut object, &json!({"spec": {"tolerations": [{"key": "b"}], "drop": null}}), &[])
            .unwrap();
        assert_eq!(object, json!({"spec": {"tolerations": [{"key": "b"}], "keep": 1}}));
    }

    #[test]
    fn overlays_select_list_elements_by_key() {
        let mut object = json!({"spec": {"containers": [{"name": "a", "image": "x"}]}});
        overlay_path(&mut object, "spec.containers.[name:a].image", json!("y")).unwrap();
        overlay_path(&mut object, "spec.containers.[name:a].args", json!(["--z"])).unwrap();
        assert_eq!(object, json!({"spec": {"containers": [{"name": "a", "image": "y", "args": ["--z"]}]}}));
    }
}
