//! One routing vocabulary over three APIs: SMI TrafficSplit, Istio VirtualService and Gateway API
//! HTTPRoute. Every edit here is a pure function from the object as read (JSON, so fields osm
//! does not model pass through untouched) to the merge patch that replaces its rule list whole;
//! `cluster::objects::modify` re-runs it on the fresh object when a concurrent writer got there first.
//!
//! The weight rule, for Istio and Gateway API objects: a route with one destination carries no
//! weight (both APIs send it all the traffic); with several, osm writes percentages that total
//! exactly 100 and drops destinations at 0. SMI TrafficSplits keep their zero-weight backends,
//! as upstream OSM's walkthroughs do.

use crate::model::gateway_api as gateway;
use crate::model::input::Input;
use crate::model::istio::routing as istio;
use crate::model::smi::routing as smi;

use kube::core::ApiResource;
use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::smi::split::{self, SetRequest, Weights};

/// The API a routing object belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Api {
    Smi,
    Istio,
    Gateway,
}

impl Api {
    pub const ALL: [Api; 3] = [Api::Smi, Api::Istio, Api::Gateway];

    /// The one kind osm reads and writes for this API, as requests and every message name it.
    pub fn kind(self) -> &'static str {
        match self {
            Api::Smi => "TrafficSplit",
            Api::Istio => "VirtualService",
            Api::Gateway => "HTTPRoute",
        }
    }

    /// The `--api` value naming this API.
    pub fn flag(self) -> &'static str {
        match self {
            Api::Smi => "smi",
            Api::Istio => "istio",
            Api::Gateway => "gateway",
        }
    }

    /// The one group/version osm reads and writes; reads go through `_if_served`, so a cluster that does
    /// not serve it looks as if it had no such objects.
    pub fn api_version(self) -> &'static str {
        match self {
            Api::Smi => "split.smi-spec.io/v1alpha2",
            Api::Istio => "networking.istio.io/v1",
            Api::Gateway => "gateway.networking.k8s.io/v1",
        }
    }

    /// Built by hand rather than discovered, so reading an API costs no discovery request; the cluster
    /// layer reads and patches it as JSON.
    pub fn resource(self) -> ApiResource {
        let (group, version, plural) = match self {
            Api::Smi => ("split.smi-spec.io", "v1alpha2", "trafficsplits"),
            Api::Istio => ("networking.istio.io", "v1", "virtualservices"),
            Api::Gateway => ("gateway.networking.k8s.io", "v1", "httproutes"),
        };
        ApiResource {
            group: group.into(),
            version: version.into(),
            api_version: self.api_version().into(),
            kind: self.kind().into(),
            plural: plural.into(),
        }
    }

    /// The key of the rule list under `spec`, replaced whole by every edit.
    pub fn rule_list(self) -> &'static str {
        match self {
            Api::Smi => "backends",
            Api::Istio => "http",
            Api::Gateway => "rules",
        }
    }
}

/// A backend resolved against the cluster: its name as the user wrote it and what a route entry
/// points at (an Istio `destination`, or a Gateway API backendRef without weight).
#[derive(Debug, Clone, PartialEq)]
pub struct Backend {
    pub name: String,
    pub target: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderKind {
    Exact,
    Prefix,
    Regex,
}

/// A header condition of `osm traffic match add`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMatch {
    pub name: String,
    pub kind: HeaderKind,
    pub value: String,
}

/// What a write verb asks for; applied to the object as read on every attempt.
#[derive(Debug, Clone)]
pub enum Edit {
    /// `split set`, `shift` (one step) and `route`: new percentages for the default route.
    /// `backends` resolves every name that may be new to the route.
    Split { request: SetRequest, backends: Vec<Backend> },
    /// A rule sending requests with this header to one backend, before the default route.
    MatchAdd { header: HeaderMatch, to: Backend },
    /// Drop the rules that match on this header alone.
    MatchRemove { name: String },
    /// Copy the default route's requests to a backend.
    MirrorSet { to: Backend, percent: u32 },
    /// Stop every mirror of the object.
    MirrorClear,
}

impl Edit {
    /// `osm traffic route --to B`: everything to one backend.
    pub fn route(to: Backend) -> Edit {
        Edit::Split {
            request: SetRequest { assignments: vec![(to.name.clone(), 100)], equal: false, add: true },
            backends: vec![to],
        }
    }
}

/// Refuses edits that would not do what the user means, before any write.
pub fn check_writable(api: Api, object: &Value) -> Result<()> {
    match api {
        Api::Istio => istio::check_writable(object),
        _ => Ok(()),
    }
}

/// The merge patch that applies `edit` to `object`, or `None` when it already is as asked.
pub fn apply(api: Api, object: &Value, edit: &Edit) -> Result<Option<Value>> {
    check_writable(api, object)?;
    let spec = &object["spec"];
    let key = api.rule_list();
    let before = spec[key].clone();
    let after = match api {
        Api::Smi => smi::apply(object, edit)?,
        Api::Istio => istio::apply(spec, edit)?,
        Api::Gateway => gateway::apply(spec, edit)?,
    };
    Ok((after != before).then(|| serde_json::json!({ "spec": { key: after } })))
}

/// The object with a merge patch applied, as the API server would store it (for dry runs).
pub fn merged(object: &Value, patch: &Value) -> Value {
    let mut out = object.clone();
    super::merge_patch(&mut out, patch);
    out
}

/// Current percentages of the default route (a lone destination has 100).
pub fn default_weights(api: Api, object: &Value) -> Result<Weights> {
    match api {
        Api::Smi => Ok(split::percentages(&smi::weights_of(object)?)),
        Api::Istio => Ok(istio::default_weights(&object["spec"])),
        Api::Gateway => Ok(gateway::default_weights(&object["spec"])),
    }
}

/// The effective routing table: rules in the order they are tried.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RoutingTable {
    pub name: String,
    pub namespace: String,
    pub api: Api,
    pub kind: String,
    /// What clients address: the root Service, the VirtualService's hosts, the HTTPRoute's parents.
    pub hosts: Vec<String>,
    pub rules: Vec<RuleView>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RuleView {
    /// The conditions, any of which selects the rule; empty for the default route.
    pub matches: Vec<String>,
    pub backends: Vec<Share>,
    pub mirrors: Vec<Share>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Share {
    pub backend: String,
    pub percent: f64,
}

/// The object as `traffic show` prints it, whatever its API: hosts, then rules in the order they
/// are tried. Errs only when an SMI TrafficSplit's backends cannot be read.
pub fn table(api: Api, object: &Value) -> Result<RoutingTable> {
    let (hosts, rules) = match api {
        Api::Smi => smi::table(object)?,
        Api::Istio => istio::table(&object["spec"]),
        Api::Gateway => gateway::table(&object["spec"]),
    };
    Ok(RoutingTable {
        name: object["metadata"]["name"].as_str().unwrap_or_default().to_string(),
        namespace: object["metadata"]["namespace"].as_str().unwrap_or_default().to_string(),
        api,
        kind: api.kind().to_string(),
        hosts,
        rules,
    })
}

/// Shares of a route's entries from their weights (`None`: no weight written, counted as
/// `unweighted`). A lone entry takes everything, whatever its weight says.
pub(crate) fn shares(entries: &[(String, Option<u64>)], unweighted: u64) -> Vec<Share> {
    if let [(only, _)] = entries {
        return vec![Share { backend: only.clone(), percent: 100.0 }];
    }
    let weights: Vec<(String, u32)> = entries
        .iter()
        .map(|(n, w)| (n.clone(), w.unwrap_or(unweighted).min(u64::from(u32::MAX)) as u32))
        .collect();
    split::percentages(&weights)
        .into_iter()
        .map(|(backend, p)| Share { backend, percent: f64::from(p) })
        .collect()
}

/// A rule's destinations as (name, weight as read).
type Entries = Vec<(String, Option<u64>)>;
/// Builds one destination from the existing ones (to keep their fields), the backend asked
/// for, its name and its weight (none for a lone destination).
type EntryBuilder = fn(&[Value], Option<&Backend>, &str, Option<u32>) -> Result<Value>;

/// How one API spells a rule's destinations, so that the weighted split of the default rule is
/// written once for Istio's `route` and Gateway API's `backendRefs`.
pub(crate) struct Destinations {
    /// The rule's list of destinations.
    pub key: &'static str,
    /// The weight an entry without one counts as.
    pub unweighted: u64,
    pub is_default: fn(&Value) -> bool,
    pub entries: fn(&Value) -> Entries,
    pub entry: EntryBuilder,
}

/// Sets the weights of the last default rule (adding one when there is none): a lone
/// destination carries no weight, several carry percentages totalling 100.
pub(crate) fn split_default_rule(
    rules: &mut Vec<Value>,
    d: &Destinations,
    request: &SetRequest,
    backends: &[Backend],
) -> Result<()> {
    let index = match rules.iter().rposition(d.is_default) {
        Some(i) => i,
        None => {
            rules.push(serde_json::json!({ d.key: [] }));
            rules.len() - 1
        }
    };
    let rule = &mut rules[index];
    let planned = plan_route(&(d.entries)(rule), d.unweighted, request)?;
    let existing = rule[d.key].as_array().cloned().unwrap_or_default();
    let lone = planned.len() == 1;
    let list = planned
        .iter()
        .map(|(name, w)| {
            (d.entry)(&existing, backends.iter().find(|b| &b.name == name), name, (!lone).then_some(*w))
        })
        .collect::<Result<Vec<_>>>()?;
    rule[d.key] = Value::Array(list);
    Ok(())
}

/// New weights for a route from `request`, under the weight rule: percentages totalling 100,
/// entries at 0 dropped. `current` are the route's entries as (name, weight as read).
pub(crate) fn plan_route(
    current: &[(String, Option<u64>)],
    unweighted: u64,
    request: &SetRequest,
) -> Result<Weights> {
    let percents: Weights =
        shares(current, unweighted).into_iter().map(|s| (s.backend, s.percent as u32)).collect();
    let mut planned = split::plan_set(&percents, request)?;
    planned.retain(|(_, w)| *w > 0);
    Ok(planned)
}

/// Percentages for a new route's entries under the weight rule: totalling 100, zeros dropped,
/// `None` for a lone entry.
pub fn new_weights(weights: &[(String, u32)]) -> Vec<(String, Option<u32>)> {
    let mut planned = split::percentages(weights);
    planned.retain(|(_, w)| *w > 0);
    let lone = planned.len() == 1;
    planned.into_iter().map(|(n, w)| (n, (!lone).then_some(w))).collect()
}

/// The percentage argument of `mirror set`: 0 to 100.
pub fn check_percent(what: &str, percent: i64) -> Result<u32> {
    if !(0..=100).contains(&percent) {
        return Err(Error::invalid(format!("{what} {percent}: a percentage is from 0 to 100"))
            .with_hint(format!("e.g. {} 10 mirrors one request in ten", Input::Percent)));
    }
    Ok(percent as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_replaces_lists_and_removes_nulls() {
        let object = json!({"metadata": {"name": "a", "labels": {"x": "1"}}, "spec": {"http": [1, 2], "hosts": ["h"]}});
        let patch = json!({"metadata": {"labels": {"x": null}}, "spec": {"http": [3]}});
        assert_eq!(
            merged(&object, &patch),
            json!({"metadata": {"name": "a", "labels": {}}, "spec": {"http": [3], "hosts": ["h"]}})
        );
    }

    #[test]
    fn percent_range() {
        assert_eq!(check_percent("--percent", 100).unwrap(), 100);
        assert_eq!(check_percent("--percent", 0).unwrap(), 0);
        assert_eq!(check_percent("--percent", 101).unwrap_err().exit_code(), 4);
        assert!(check_percent("--percent", -1).is_err());
    }

    #[test]
    fn planning_drops_zero_and_keeps_totals_at_100() {
        let current = vec![("v1".to_string(), Some(50)), ("v3".to_string(), Some(50))];
        let request =
            SetRequest { assignments: vec![("v1".into(), 90), ("v2".into(), 10)], equal: false, add: true };
        assert_eq!(plan_route(&current, 1, &request).unwrap(), vec![("v1".into(), 90), ("v2".into(), 10)]);
        let lone = vec![("v1".to_string(), None)];
        let request = SetRequest { assignments: vec![("v3".into(), 100)], equal: false, add: true };
        assert_eq!(plan_route(&lone, 100, &request).unwrap(), vec![("v3".into(), 100)]);
    }
}
