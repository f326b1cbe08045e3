//! istioctl install's check for injector webhooks that would inject into the same pod twice
//! (operator/pkg/webhook/webhook.go:73-162 running the analyzer of
//! pkg/config/analysis/analyzers/webhook/webhook.go:71-128). No API calls here: the install
//! hands in the cluster's MutatingWebhookConfigurations.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{Component, RenderedComponent};

use super::keys::{REV_LABEL, TAG_LABEL};

/// The analyzer's findings that concern a webhook configuration the install renders, each as
/// istioctl prints it (`formatting.Print` in log format, istioctl/pkg/util/formatting/formatter.go:97-104,
/// message IST0139 of pkg/config/analysis/msg/messages.yaml:338-345), sorted and without
/// duplicates as `SortedDedupedCopy` leaves them. Empty when nothing overlaps.
///
/// `tag_needed` is `detectIfTagWebhookIsNeeded`: then the rendered injectors are left out, since
/// the default tag deactivates them, and so is the default revision's own (webhook.go:85-103).
pub fn conflicts(components: &[RenderedComponent], in_cluster: &[Value], tag_needed: bool) -> Vec<String> {
    let pilot: Vec<&Value> = components
        .iter()
        .filter(|c| c.component == Component::Pilot)
        .flat_map(|c| c.objects.iter())
        .collect();
    if pilot.is_empty() {
        return Vec::new();
    }
    let rendered: Vec<&Value> =
        pilot.into_iter().filter(|o| o["kind"] == "MutatingWebhookConfiguration").collect();
    let rendered_names: BTreeSet<&str> =
        rendered.iter().filter_map(|o| o["metadata"]["name"].as_str()).collect();

    // The in-cluster webhooks, then the rendered ones over any of the same name.
    let mut configs: BTreeMap<String, &Value> = BTreeMap::new();
    let sources = in_cluster.iter().chain(rendered.iter().copied().filter(|_| !tag_needed));
    for config in sources {
        configs.insert(config["metadata"]["name"].as_str().unwrap_or_default().to_string(), config);
    }

    // analyzers/webhook/webhook.go:73-91: every Istio webhook, indexed by configuration.
    let mut webhooks: Vec<(String, &Value)> = Vec::new();
    let mut revisions = BTreeSet::new();
    for (name, config) in &configs {
        if tag_needed && is_default_revisioned(config) {
            continue;
        }
        let revs = revisions_of(config);
        if revs.is_empty() && !is_istio_webhook(config) {
            continue;
        }
        for wh in config["webhooks"].as_array().into_iter().flatten() {
            let wh_name = wh["name"].as_str().unwrap_or_default();
            webhooks.push((format!("{name}/{wh_name}"), wh));
        }
        revisions.extend(revs);
    }

    // webhook.go:93-128: each permutation of namespace and object labels may reach one webhook at most.
    let namespace_labels = permutations("istio-injection", &["enabled", "disabled"], &revisions);
    let object_labels = permutations("sidecar.istio.io/inject", &["true", "false"], &revisions);
    let mut found = BTreeSet::new();
    for nl in &namespace_labels {
        for ol in &object_labels {
            let matches: BTreeSet<&str> = webhooks
                .iter()
                .filter(|(_, wh)| {
                    selector_matches(&wh["namespaceSelector"], nl)
                        && selector_matches(&wh["objectSelector"], ol)
                })
                .map(|(name, _)| name.as_str())
                .collect();
            if matches.len() < 2 {
                continue;
            }
            for m in &matches {
                let config = m.split_once('/').map_or(*m, |(c, _)| c);
                // webhook.go:137: only what concerns a webhook this install renders.
                if !rendered_names.contains(config) {
                    continue;
                }
                let others: Vec<&str> = matches.iter().copied().filter(|o| o != m).collect();
                found.insert(format!(
                    "Error [IST0139] (MutatingWebhookConfiguration {config}) Webhook overlaps with others: [{}]. This may cause injection to occur twice.",
                    others.join(" ")
                ));
            }
        }
    }
    found.into_iter().collect()
}

/// The configurations other than the rendered ones named in `lines`, for the message's fix.
pub fn others_named(lines: &[String], components: &[RenderedComponent]) -> Vec<String> {
    let rendered: BTreeSet<&str> = components
        .iter()
        .flat_map(|c| c.objects.iter())
        .filter(|o| o["kind"] == "MutatingWebhookConfiguration")
        .filter_map(|o| o["metadata"]["name"].as_str())
        .collect();
    let mut names = BTreeSet::new();
    for line in lines {
        let Some(list) = line.split_once("others: [").and_then(|(_, rest)| rest.split_once(']')) else {
            continue;
        };
        for entry in list.0.split(' ') {
            let config = entry.split_once('/').map_or(entry, |(c, _)| c);
            if !config.is_empty() && !rendered.contains(config) {
                names.insert(config.to_string());
            }
        }
    }
    names.into_iter().collect()
}

/// `getNamespaceLabels`/`getObjectLabels` and their copies with each revision's label
/// (webhook.go:55-69, 93-107).
fn permutations(key: &str, values: &[&str], revisions: &BTreeSet<String>) -> Vec<BTreeMap<String, String>> {
    let base = || {
        let mut sets = vec![BTreeMap::new()];
        for v in values {
            sets.push(BTreeMap::from([(key.to_string(), v.to_string())]));
        }
        sets
    };
    let mut all = base();
    for rev in revisions {
        for mut set in base() {
            set.insert(REV_LABEL.to_string(), rev.clone());
            all.push(set);
        }
    }
    all
}

/// `isDefaultRevisionedWebhook` (webhook.go:192-198).
fn is_default_revisioned(config: &Value) -> bool {
    let labels = &config["metadata"]["labels"];
    labels.get(TAG_LABEL).is_none() && labels[REV_LABEL] == "default"
}

/// `isIstioWebhook` (webhook.go:151-158).
fn is_istio_webhook(config: &Value) -> bool {
    config["webhooks"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|w| w["name"].as_str().is_some_and(|n| n.ends_with("istio.io")))
}

/// `extractRevisions` (webhook.go:160-190): the revision label and every revision a selector names.
fn revisions_of(config: &Value) -> BTreeSet<String> {
    let mut revs = BTreeSet::new();
    if let Some(r) = config["metadata"]["labels"][REV_LABEL].as_str() {
        revs.insert(r.to_string());
    }
    for wh in config["webhooks"].as_array().into_iter().flatten() {
        for field in ["namespaceSelector", "objectSelector"] {
            let selector = &wh[field];
            if let Some(r) = selector["matchLabels"][REV_LABEL].as_str() {
                revs.insert(r.to_string());
            }
            for e in selector["matchExpressions"].as_array().into_iter().flatten() {
                if e["key"] == REV_LABEL {
                    revs.extend(
                        e["values"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|v| v.as_str())
                            .map(String::from),
                    );
                }
            }
        }
    }
    revs
}

/// `selectorMatches` (webhook.go:200-210): an absent selector matches everything; one that
/// `LabelSelectorAsSelector` refuses matches nothing.
fn selector_matches(selector: &Value, labels: &BTreeMap<String, String>) -> bool {
    if selector.is_null() {
        return true;
    }
    for (k, v) in selector["matchLabels"].as_object().into_iter().flatten() {
        if labels.get(k).map(String::as_str) != v.as_str() {
            return false;
        }
    }
    for e in selector["matchExpressions"].as_array().into_iter().flatten() {
        let key = e["key"].as_str().unwrap_or_default();
        let values: Vec<&str> =
            e["values"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        let value = labels.get(key).map(String::as_str);
        let ok = match e["operator"].as_str().unwrap_or_default() {
            "In" => value.is_some_and(|v| values.contains(&v)),
            "NotIn" => value.is_none_or(|v| !values.contains(&v)),
            "Exists" => value.is_some(),
            "DoesNotExist" => value.is_none(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The revision injector's two webhooks as the istio-discovery chart renders them for `rev`.
    fn injector(name: &str, rev: &str, labels: Value) -> Value {
        json!({
            "kind": "MutatingWebhookConfiguration",
            "metadata": {"name": name, "labels": labels},
            "webhooks": [
                {"name": "rev.namespace.sidecar-injector.istio.io",
                 "namespaceSelector": {"matchExpressions": [
                     {"key": "istio.io/rev", "operator": "In", "values": [rev]},
                     {"key": "istio-injection", "operator": "DoesNotExist"}]},
                 "objectSelector": {"matchExpressions": [
                     {"key": "sidecar.istio.io/inject", "operator": "NotIn", "values": ["false"]}]}},
                {"name": "rev.object.sidecar-injector.istio.io",
                 "namespaceSelector": {"matchExpressions": [
                     {"key": "istio.io/rev", "operator": "DoesNotExist"},
                     {"key": "istio-injection", "operator": "DoesNotExist"}]},
                 "objectSelector": {"matchExpressions": [
                     {"key": "sidecar.istio.io/inject", "operator": "NotIn", "values": ["false"]},
                     {"key": "istio.io/rev", "operator": "In", "values": [rev]}]}}
            ]
        })
    }

    fn pilot(objects: Vec<Value>) -> Vec<RenderedComponent> {
        vec![RenderedComponent { component: Component::Pilot, objects }]
    }

    #[test]
    fn a_tag_named_like_the_revision_overlaps_with_its_injector() {
        let canary = injector("istio-sidecar-injector-canary", "canary", json!({"istio.io/rev": "canary"}));
        let tag = injector(
            "istio-revision-tag-canary",
            "canary",
            json!({"istio.io/rev": "default", "istio.io/tag": "canary"}),
        );
        let lines = conflicts(&pilot(vec![canary.clone()]), std::slice::from_ref(&tag), false);
        assert_eq!(
            lines,
            vec![
                "Error [IST0139] (MutatingWebhookConfiguration istio-sidecar-injector-canary) Webhook overlaps with others: \
                 [istio-revision-tag-canary/rev.namespace.sidecar-injector.istio.io]. This may cause injection to occur twice.",
                "Error [IST0139] (MutatingWebhookConfiguration istio-sidecar-injector-canary) Webhook overlaps with others: \
                 [istio-revision-tag-canary/rev.object.sidecar-injector.istio.io]. This may cause injection to occur twice."
            ]
        );
        assert_eq!(others_named(&lines, &pilot(vec![canary.clone()])), vec!["istio-revision-tag-canary"]);
        // When the default tag will be made, the rendered injectors are not looked at.
        assert!(conflicts(&pilot(vec![canary.clone()]), &[tag], true).is_empty());
        // Another revision beside it: no overlap.
        let stable = injector("istio-sidecar-injector-stable", "stable", json!({"istio.io/rev": "stable"}));
        assert!(conflicts(&pilot(vec![canary]), &[stable], false).is_empty());
    }

    #[test]
    fn a_webhook_that_is_not_istios_is_left_alone() {
        let canary = injector("istio-sidecar-injector-canary", "canary", json!({"istio.io/rev": "canary"}));
        let other = json!({"kind": "MutatingWebhookConfiguration", "metadata": {"name": "other"},
            "webhooks": [{"name": "mutate.example.com"}]});
        assert!(conflicts(&pilot(vec![canary]), &[other], false).is_empty());
        assert!(conflicts(&[], &[], false).is_empty());
    }

    #[test]
    fn selectors_match_as_label_selectors_do() {
        let labels = BTreeMap::from([("a".to_string(), "1".to_string())]);
        assert!(selector_matches(&Value::Null, &labels));
        assert!(selector_matches(&json!({"matchLabels": {"a": "1"}}), &labels));
        assert!(!selector_matches(&json!({"matchLabels": {"a": "2"}}), &labels));
        assert!(selector_matches(
            &json!({"matchExpressions": [{"key": "b", "operator": "NotIn", "values": ["x"]}]}),
            &labels
        ));
        assert!(!selector_matches(
            &json!({"matchExpressions": [{"key": "a", "operator": "DoesNotExist"}]}),
            &labels
        ));
        assert!(!selector_matches(&json!({"matchExpressions": [{"key": "a", "operator": "Gt"}]}), &labels));
    }
}
