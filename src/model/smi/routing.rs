//! SMI TrafficSplit (split.smi-spec.io/v1alpha2): one weighted list of backend Services. It
//! cannot match on headers or mirror: those edits are refused, naming the APIs that can.

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};
use crate::model::routing::{Edit, RuleView, Share};
use crate::model::smi::split::{self, Weights};

/// The backends' names and weights as stored.
pub fn weights_of(object: &Value) -> Result<Weights> {
    let name = object["metadata"]["name"].as_str().unwrap_or("?");
    let backends = object["spec"]["backends"].as_array().cloned().unwrap_or_default();
    backends
        .iter()
        .map(|b| {
            let service = b["service"].as_str().unwrap_or_default().to_string();
            let weight =
                b["weight"].as_i64().filter(|w| *w >= 0 && *w <= i64::from(u32::MAX)).ok_or_else(|| {
                    Error::invalid(format!(
                        "TrafficSplit {name}: backend {service} has no valid weight ({})",
                        b["weight"]
                    ))
                    .with_hint(Remedy::FixSplitBackends)
                })?;
            Ok((service, weight as u32))
        })
        .collect()
}

/// The `spec.backends` array with new weights, keeping each entry's other fields.
pub fn backends_with(object: &Value, weights: &[(String, u32)]) -> Value {
    let existing = object["spec"]["backends"].as_array().cloned().unwrap_or_default();
    Value::Array(
        weights
            .iter()
            .map(|(service, weight)| {
                let mut entry = existing
                    .iter()
                    .find(|b| b["service"] == service.as_str())
                    .cloned()
                    .unwrap_or_else(|| json!({ "service": service }));
                entry["weight"] = json!(weight);
                entry
            })
            .collect(),
    )
}

/// Why a TrafficSplit cannot take `what`, and which API can.
pub fn cannot(what: &str) -> Error {
    Error::invalid(format!(
        "an SMI TrafficSplit cannot express {what}: split.smi-spec.io/v1alpha2, the version upstream OSM \
         serves, has only weighted backends"
    ))
    .with_hint(format!(
        "{what} needs an Istio VirtualService ({}) or a Gateway API HTTPRoute ({})",
        Input::IstioApi,
        Input::GatewayApi
    ))
}

/// The new `spec.backends` after `edit`.
pub fn apply(object: &Value, edit: &Edit) -> Result<Value> {
    match edit {
        Edit::Split { request, .. } => {
            let weights = weights_of(object)?;
            let next = split::plan_set(&weights, request)?;
            if next == weights {
                return Ok(object["spec"]["backends"].clone());
            }
            Ok(backends_with(object, &next))
        }
        Edit::MatchAdd { .. } | Edit::MatchRemove { .. } => Err(cannot("header matches")),
        Edit::MirrorSet { .. } | Edit::MirrorClear => Err(cannot("mirroring")),
    }
}

/// A TrafficSplit is one default rule: the root Service as host and every backend's share,
/// zero-weight backends included; SMI v1alpha2 has no matches or mirrors.
pub fn table(object: &Value) -> Result<(Vec<String>, Vec<RuleView>)> {
    let weights = weights_of(object)?;
    let backends = split::percentages(&weights)
        .into_iter()
        .map(|(backend, p)| Share { backend, percent: f64::from(p) })
        .collect();
    let root = object["spec"]["service"].as_str().unwrap_or_default().to_string();
    Ok((vec![root], vec![RuleView { matches: Vec::new(), backends, mirrors: Vec::new() }]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::routing::{Backend, HeaderKind, HeaderMatch};

    #[test]
    fn backends_keep_unknown_fields() {
        let object = json!({"spec": {"backends": [
            {"service": "v1", "weight": 50, "note": "keep"},
            {"service": "v2", "weight": 50}
        ]}});
        let weights = vec![("v1".to_string(), 0), ("v2".to_string(), 100), ("v3".to_string(), 0)];
        assert_eq!(
            backends_with(&object, &weights),
            json!([{"service": "v1", "weight": 0, "note": "keep"}, {"service": "v2", "weight": 100}, {"service": "v3", "weight": 0}])
        );
    }

    #[test]
    fn matches_and_mirrors_are_refused_naming_the_apis_that_can() {
        let object = json!({"metadata": {"name": "s"}, "spec": {"service": "b", "backends": [{"service": "b1", "weight": 1}]}});
        let to = Backend { name: "b1".into(), target: json!({}) };
        let header = HeaderMatch { name: "end-user".into(), kind: HeaderKind::Exact, value: "jason".into() };
        for edit in [
            Edit::MatchAdd { header, to: to.clone() },
            Edit::MirrorSet { to, percent: 10 },
            Edit::MirrorClear,
        ] {
            let err = apply(&object, &edit).unwrap_err();
            assert_eq!(err.exit_code(), 4);
            assert!(err.message.contains("v1alpha2"), "{err}");
            assert!(err.hint.unwrap().contains("--api istio"));
        }
    }
}
