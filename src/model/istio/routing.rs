//! Istio VirtualService (networking.istio.io/v1) routing edits and DestinationRule subsets.
//!
//! The default route is the last `spec.http` rule without `match`; header rules go before it.
//! A backend is a subset of the DestinationRule for the route's host, or a host.

use serde_json::{Map, Value, json};

use crate::error::{Error, Result};
use crate::model::input::Remedy;
use crate::model::routing::{
    Backend, Destinations, Edit, HeaderKind, RuleView, Share, shares, split_default_rule,
};

/// Beside weighted destinations, Istio gives one without weight nothing (a lone one gets all).
const DESTINATIONS: Destinations =
    Destinations { key: "route", unweighted: UNWEIGHTED, is_default, entries, entry };

const UNWEIGHTED: u64 = 0;

/// A VirtualService bound to gateways routes ingress traffic, not the sidecars' mesh traffic
/// (unless `mesh` is among them): editing it would not change what the mesh does.
pub fn check_writable(object: &Value) -> Result<()> {
    let gateways: Vec<&str> = object["spec"]["gateways"]
        .as_array()
        .map(|g| g.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if !gateways.is_empty() && !gateways.contains(&"mesh") {
        let name = object["metadata"]["name"].as_str().unwrap_or("?");
        return Err(Error::invalid(format!(
            "VirtualService {name} is bound to gateways ({}), so it routes traffic entering through them, \
             not traffic between services in the mesh",
            gateways.join(", ")
        ))
        .with_hint(
            "edit the VirtualService without spec.gateways that routes this host for the mesh, or add \
             `mesh` to spec.gateways if this one should route mesh traffic too",
        ));
    }
    Ok(())
}

fn rules(spec: &Value) -> Vec<Value> {
    spec["http"].as_array().cloned().unwrap_or_default()
}

fn is_default(rule: &Value) -> bool {
    rule["match"].as_array().is_none_or(|m| m.is_empty())
}

/// The name a route entry goes by: its subset, or its host when it has none.
pub fn entry_name(entry: &Value) -> String {
    let destination = &entry["destination"];
    destination["subset"].as_str().or(destination["host"].as_str()).unwrap_or_default().to_string()
}

fn entries(rule: &Value) -> Vec<(String, Option<u64>)> {
    rule["route"]
        .as_array()
        .map(|r| r.iter().map(|e| (entry_name(e), e["weight"].as_u64())).collect())
        .unwrap_or_default()
}

/// The host the VirtualService's destinations point at: that of the default route's first
/// destination, else of any destination, else its first host.
pub fn route_host(spec: &Value) -> Option<String> {
    let rules = rules(spec);
    let from = |rule: &Value| rule["route"][0]["destination"]["host"].as_str().map(str::to_string);
    rules
        .iter()
        .rev()
        .filter(|r| is_default(r))
        .find_map(from)
        .or_else(|| rules.iter().find_map(from))
        .or_else(|| spec["hosts"][0].as_str().map(str::to_string))
}

/// The destination an existing entry of the VirtualService gives `name`, if any.
pub fn known_destination(spec: &Value, name: &str) -> Option<Value> {
    rules(spec).iter().find_map(|rule| {
        rule["route"].as_array()?.iter().find(|e| entry_name(e) == name).map(|e| e["destination"].clone())
    })
}

/// Whether a DestinationRule's `spec.host` names `host` (short name, `svc.ns` or FQDN) in `namespace`.
pub fn same_host(a: &str, b: &str, namespace: &str) -> bool {
    let full = |h: &str| match h.split('.').count() {
        1 => format!("{h}.{namespace}.svc.cluster.local"),
        2 => format!("{h}.svc.cluster.local"),
        _ => h.to_string(),
    };
    full(a) == full(b)
}

/// The DestinationRule among `rules` whose host is `host`.
pub fn destination_rule_for<'a>(rules: &'a [Value], host: &str, namespace: &str) -> Option<&'a Value> {
    rules.iter().find(|r| r["spec"]["host"].as_str().is_some_and(|h| same_host(h, host, namespace)))
}

/// The subset names a DestinationRule defines: the only subsets a route may name, and what the error
/// lists when a BACKEND is none of them.
pub fn subsets(rule: &Value) -> Vec<String> {
    rule["spec"]["subsets"]
        .as_array()
        .map(|s| s.iter().filter_map(|s| s["name"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Resolves a BACKEND: a subset of the DestinationRule for `host`, a destination the
/// VirtualService already has, or a Service of the namespace (as a host).
pub fn resolve(
    spec: &Value,
    name: &str,
    host: &str,
    destination_rule: Option<&Value>,
    services: &[String],
) -> Result<Backend> {
    if let Some(rule) = destination_rule
        && subsets(rule).iter().any(|s| s == name)
    {
        return Ok(Backend { name: name.into(), target: json!({ "host": host, "subset": name }) });
    }
    if let Some(target) = known_destination(spec, name) {
        return Ok(Backend { name: name.into(), target });
    }
    if name != host && services.iter().any(|s| s == name) {
        return Ok(Backend { name: name.into(), target: json!({ "host": name }) });
    }
    if name == host {
        return Ok(Backend { name: name.into(), target: json!({ "host": host }) });
    }
    Err(match destination_rule {
        Some(rule) => {
            let rule_name = rule["metadata"]["name"].as_str().unwrap_or("?");
            let defined = subsets(rule);
            Error::invalid(format!(
                "{name} is not a subset of host {host}: DestinationRule {rule_name} defines {}",
                if defined.is_empty() { "no subsets".to_string() } else { defined.join(", ") }
            ))
            .with_hint(Remedy::AddSubset { rule: rule_name.to_string(), subset: name.to_string() })
        }
        None => Error::invalid(format!(
            "{name} is neither a subset of host {host} (no DestinationRule defines subsets for it) nor a Service of this namespace"
        ))
        .with_hint(format!(
            "create a DestinationRule with host {host} and a subset named {name}, or name an existing Service"
        )),
    })
}

/// A route entry for `backend` at `weight` (none for a lone destination), keeping what an
/// existing entry of the same name carries (headers, port, ...).
fn entry(existing: &[Value], backend: Option<&Backend>, name: &str, weight: Option<u32>) -> Result<Value> {
    let mut entry = match existing.iter().find(|e| entry_name(e) == name) {
        Some(e) => e.clone(),
        None => {
            let backend = backend
                .ok_or_else(|| Error::invalid(format!("{name} is not a destination of this route")))?;
            let mut destination = backend.target.clone();
            // A new subset of the same host needs the same port the other destinations use.
            if let Some(port) = existing.iter().find_map(|e| e["destination"].get("port").cloned())
                && destination["host"] == existing[0]["destination"]["host"]
            {
                destination["port"] = port;
            }
            json!({ "destination": destination })
        }
    };
    let fields = entry.as_object_mut().ok_or_else(|| Error::invalid("a route entry is not an object"))?;
    match weight {
        Some(w) => fields.insert("weight".into(), json!(w)),
        None => fields.remove("weight"),
    };
    Ok(entry)
}

fn header_only_on(rule: &Value, name: &str) -> bool {
    let Some(matches) = rule["match"].as_array() else { return false };
    !matches.is_empty()
        && matches.iter().all(|m| {
            let Some(fields) = m.as_object() else { return false };
            let headers = m["headers"].as_object();
            fields.keys().all(|k| k == "headers" || k == "name")
                && headers.is_some_and(|h| h.len() == 1 && h.keys().all(|k| k.eq_ignore_ascii_case(name)))
        })
}

/// The new `spec.http` after `edit`.
pub fn apply(spec: &Value, edit: &Edit) -> Result<Value> {
    let mut rules = rules(spec);
    let default_index = |rules: &Vec<Value>| rules.iter().rposition(is_default);
    match edit {
        Edit::Split { request, backends } => {
            split_default_rule(&mut rules, &DESTINATIONS, request, backends)?
        }
        Edit::MatchAdd { header, to } => {
            let condition = json!({ header.name.clone(): { kind_key(header.kind): header.value } });
            let route = json!([{ "destination": to.target }]);
            if let Some(rule) = rules.iter_mut().find(|r| header_only_on(r, &header.name)) {
                rule["match"] = json!([{ "headers": condition }]);
                rule["route"] = route;
            } else {
                let rule = json!({ "match": [{ "headers": condition }], "route": route });
                let at = default_index(&rules).unwrap_or(rules.len());
                rules.insert(at, rule);
            }
        }
        Edit::MatchRemove { name } => rules.retain(|r| !header_only_on(r, name)),
        Edit::MirrorSet { to, percent } => {
            let index = default_index(&rules).ok_or_else(no_default_route)?;
            let rule =
                rules[index].as_object_mut().ok_or_else(|| Error::invalid("a rule is not an object"))?;
            if rule.contains_key("mirrors") {
                return Err(Error::invalid(
                    "the default route already mirrors with `mirrors`, and Istio refuses `mirror` and `mirrors` together",
                )
                .with_hint(Remedy::ClearMirrors));
            }
            rule.insert("mirror".into(), to.target.clone());
            // The API server hands 100.0 back as 100: the same share, kept as stored, so that a
            // second run changes nothing.
            let stored = rule.get("mirrorPercentage").and_then(|m| m["value"].as_f64());
            if stored != Some(f64::from(*percent)) {
                rule.insert("mirrorPercentage".into(), json!({ "value": f64::from(*percent) }));
            }
        }
        Edit::MirrorClear => {
            for rule in rules.iter_mut().filter_map(Value::as_object_mut) {
                for key in ["mirror", "mirrorPercentage", "mirrors", "mirrorPercent"] {
                    rule.remove(key);
                }
            }
        }
    }
    Ok(Value::Array(rules))
}

/// The spec of a new VirtualService for `host`, its default route split between `backends`.
pub fn new_spec(host: &str, backends: &[(Backend, Option<u32>)]) -> Value {
    let route: Vec<Value> = backends
        .iter()
        .map(|(b, w)| match w {
            Some(w) => json!({ "destination": b.target, "weight": w }),
            None => json!({ "destination": b.target }),
        })
        .collect();
    json!({ "hosts": [host], "http": [{ "route": route }] })
}

fn no_default_route() -> Error {
    Error::invalid("this VirtualService has no default route (an http rule without `match`) to mirror")
        .with_hint(Remedy::RouteFirst)
}

fn kind_key(kind: HeaderKind) -> &'static str {
    match kind {
        HeaderKind::Exact => "exact",
        HeaderKind::Prefix => "prefix",
        HeaderKind::Regex => "regex",
    }
}

/// Percentages of the default route (the last http rule without `match`): a destination without
/// weight gets nothing beside weighted ones, a lone one gets 100; empty without a default route.
pub fn default_weights(spec: &Value) -> Vec<(String, u32)> {
    rules(spec)
        .iter()
        .rev()
        .find(|r| is_default(r))
        .map(|r| shares(&entries(r), UNWEIGHTED).into_iter().map(|s| (s.backend, s.percent as u32)).collect())
        .unwrap_or_default()
}

/// A match condition in one line: `headers[end-user] exact jason`, `uri prefix /api`.
fn describe_match(condition: &Map<String, Value>) -> String {
    let mut parts = Vec::new();
    for (key, value) in condition {
        if key == "name" {
            continue;
        }
        match value {
            Value::Object(inner) if matches!(key.as_str(), "headers" | "queryParams" | "withoutHeaders") => {
                for (field, how) in inner {
                    parts.push(format!("{key}[{field}] {}", describe_string_match(how)));
                }
            }
            Value::Object(_) => parts.push(format!("{key} {}", describe_string_match(value))),
            other => parts
                .push(format!("{key}={}", other.as_str().map_or_else(|| other.to_string(), str::to_string))),
        }
    }
    parts.join(" and ")
}

fn describe_string_match(value: &Value) -> String {
    match value.as_object() {
        Some(m) if m.len() == 1 => {
            let (kind, v) = m.iter().next().expect("one entry");
            format!("{kind} {}", v.as_str().map_or_else(|| v.to_string(), str::to_string))
        }
        _ => value.to_string(),
    }
}

/// Hosts are the VirtualService's `hosts`; then each http rule in order, with its conditions, its
/// destinations' shares and its mirrors (`mirror` and `mirrors` alike; 100% when no percentage is set).
pub fn table(spec: &Value) -> (Vec<String>, Vec<RuleView>) {
    let hosts = spec["hosts"]
        .as_array()
        .map(|h| h.iter().filter_map(|h| h.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let views = rules(spec)
        .iter()
        .map(|rule| {
            let matches = rule["match"]
                .as_array()
                .map(|m| m.iter().filter_map(Value::as_object).map(describe_match).collect())
                .unwrap_or_default();
            let mut mirrors = Vec::new();
            if rule["mirror"].is_object() {
                let name =
                    rule["mirror"]["subset"].as_str().or(rule["mirror"]["host"].as_str()).unwrap_or("?");
                let percent = rule["mirrorPercentage"]["value"].as_f64().unwrap_or(100.0);
                mirrors.push(Share { backend: name.to_string(), percent });
            }
            for m in rule["mirrors"].as_array().into_iter().flatten() {
                let name =
                    m["destination"]["subset"].as_str().or(m["destination"]["host"].as_str()).unwrap_or("?");
                mirrors.push(Share {
                    backend: name.to_string(),
                    percent: m["percentage"]["value"].as_f64().unwrap_or(100.0),
                });
            }
            RuleView { matches, backends: shares(&entries(rule), UNWEIGHTED), mirrors }
        })
        .collect();
    (hosts, views)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::routing::HeaderMatch;
    use crate::model::smi::split::SetRequest;

    fn reviews(http: Value) -> Value {
        json!({"hosts": ["reviews"], "http": http})
    }

    fn subset(name: &str) -> Backend {
        Backend { name: name.into(), target: json!({"host": "reviews", "subset": name}) }
    }

    fn split(spec: &Value, pairs: &[(&str, u32)]) -> Result<Value> {
        let request = SetRequest {
            assignments: pairs.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
            equal: false,
            add: true,
        };
        apply(spec, &Edit::Split { request, backends: pairs.iter().map(|(n, _)| subset(n)).collect() })
    }

    #[test]
    fn route_to_one_subset_writes_a_lone_unweighted_destination() {
        let spec = reviews(
            json!([{"route": [{"destination": {"host": "reviews", "subset": "v1"}}], "retries": {"attempts": 3}}]),
        );
        let http = apply(&spec, &Edit::route(subset("v3"))).unwrap();
        assert_eq!(
            http,
            json!([{"route": [{"destination": {"host": "reviews", "subset": "v3"}}], "retries": {"attempts": 3}}])
        );
    }

    #[test]
    fn split_writes_weights_totalling_100_and_drops_zeros() {
        let spec = reviews(json!([{"route": [{"destination": {"host": "reviews", "subset": "v1"}}]}]));
        let http = split(&spec, &[("v1", 50), ("v3", 50)]).unwrap();
        assert_eq!(
            http,
            json!([{"route": [
                {"destination": {"host": "reviews", "subset": "v1"}, "weight": 50},
                {"destination": {"host": "reviews", "subset": "v3"}, "weight": 50}
            ]}])
        );
        let http = split(&reviews(http), &[("v1", 90), ("v2", 10)]).unwrap();
        let unweighted = json!([{"route": [
            {"destination": {"host": "reviews", "subset": "v1"}, "weight": 100},
            {"destination": {"host": "reviews", "subset": "v2"}}
        ]}]);
        assert_eq!(default_weights(&reviews(unweighted)), vec![("v1".into(), 100), ("v2".into(), 0)]);
        assert_eq!(
            http,
            json!([{"route": [
                {"destination": {"host": "reviews", "subset": "v1"}, "weight": 90},
                {"destination": {"host": "reviews", "subset": "v2"}, "weight": 10}
            ]}])
        );
        assert!(split(&reviews(http), &[("v1", 60), ("v2", 60)]).unwrap_err().message.contains("120"));
    }

    #[test]
    fn header_rules_go_before_the_default_route_in_order_and_are_removed_by_header() {
        let spec = reviews(json!([{"route": [{"destination": {"host": "reviews", "subset": "v1"}}]}]));
        let jason = HeaderMatch { name: "end-user".into(), kind: HeaderKind::Exact, value: "jason".into() };
        let http = apply(&spec, &Edit::MatchAdd { header: jason, to: subset("v2") }).unwrap();
        assert_eq!(
            http,
            json!([
                {"match": [{"headers": {"end-user": {"exact": "jason"}}}], "route": [{"destination": {"host": "reviews", "subset": "v2"}}]},
                {"route": [{"destination": {"host": "reviews", "subset": "v1"}}]}
            ])
        );
        let beta = HeaderMatch { name: "x-beta".into(), kind: HeaderKind::Prefix, value: "yes".into() };
        let http2 =
            apply(&reviews(http.clone()), &Edit::MatchAdd { header: beta, to: subset("v3") }).unwrap();
        assert_eq!(http2[0], http[0]);
        assert_eq!(http2[1]["match"][0]["headers"]["x-beta"]["prefix"], "yes");
        assert_eq!(http2[2], http[1]);
        let removed = apply(&reviews(http2), &Edit::MatchRemove { name: "End-User".into() }).unwrap();
        assert_eq!(removed.as_array().unwrap().len(), 2);
        assert!(removed[0]["match"][0]["headers"]["x-beta"].is_object());
    }

    /// The VirtualService spec of a step of Istio's mirroring task (testdata/istio/mirroring/).
    fn mirroring_task(text: &str) -> Value {
        let docs: Vec<Value> = serde_saphyr::from_multiple(text).expect("the task's YAML is valid");
        docs.into_iter().find(|d| d["kind"] == "VirtualService").expect("a VirtualService")["spec"].clone()
    }

    #[test]
    fn mirror_set_and_clear() {
        let spec =
            mirroring_task(include_str!("../../../testdata/istio/mirroring/default-routing-policy.yaml"));
        let mirrored =
            mirroring_task(include_str!("../../../testdata/istio/mirroring/mirroring-traffic-to-v2.yaml"));
        let v2 = Backend { name: "v2".into(), target: json!({"host": "httpbin", "subset": "v2"}) };
        let http = apply(&spec, &Edit::MirrorSet { to: v2.clone(), percent: 100 }).unwrap();
        assert_eq!(http, mirrored["http"]);
        let cleared = apply(&json!({"http": http}), &Edit::MirrorClear).unwrap();
        assert_eq!(cleared, spec["http"]);
        // As the API server reads it back, 100.0 is 100: the same mirror changes nothing.
        let mut read_back = http.clone();
        read_back[0]["mirrorPercentage"]["value"] = json!(100);
        let again = apply(&json!({"http": read_back}), &Edit::MirrorSet { to: v2.clone(), percent: 100 });
        assert_eq!(again.unwrap(), read_back);
        let both = json!({"http": [{"route": [], "mirrors": [{"destination": {"host": "httpbin"}}]}]});
        assert!(
            apply(&both, &Edit::MirrorSet { to: v2, percent: 5 }).unwrap_err().message.contains("mirrors")
        );
    }

    #[test]
    fn unknown_subsets_list_the_defined_ones() {
        let rule = json!({"metadata": {"name": "reviews"}, "spec": {"host": "reviews", "subsets": [{"name": "v1"}, {"name": "v2"}]}});
        let spec = reviews(json!([]));
        let err = resolve(&spec, "v9", "reviews", Some(&rule), &[]).unwrap_err();
        assert!(err.message.contains("defines v1, v2"), "{err}");
        assert!(err.hint.unwrap().contains("name: v9"));
        assert_eq!(resolve(&spec, "v2", "reviews", Some(&rule), &[]).unwrap(), subset("v2"));
        assert_eq!(
            resolve(&spec, "ratings", "reviews", None, &["ratings".into()]).unwrap().target,
            json!({"host": "ratings"})
        );
        assert!(same_host("reviews", "reviews.default.svc.cluster.local", "default"));
        assert!(!same_host("reviews", "reviews.other", "default"));
    }

    #[test]
    fn gateway_bound_services_are_refused() {
        let object =
            json!({"metadata": {"name": "bookinfo"}, "spec": {"gateways": ["bookinfo-gateway"], "http": []}});
        assert!(check_writable(&object).unwrap_err().message.contains("bound to gateways"));
        let both = json!({"metadata": {"name": "b"}, "spec": {"gateways": ["g", "mesh"]}});
        assert!(check_writable(&both).is_ok());
    }

    #[test]
    fn table_shows_matches_weights_and_mirrors() {
        let spec = reviews(json!([
            {"match": [{"headers": {"end-user": {"exact": "jason"}}}], "route": [{"destination": {"host": "reviews", "subset": "v2"}}]},
            {"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 3}, {"destination": {"host": "reviews", "subset": "v3"}, "weight": 1}],
             "mirror": {"host": "reviews", "subset": "v2"}, "mirrorPercentage": {"value": 12.5}}
        ]));
        let (hosts, rules) = table(&spec);
        assert_eq!(hosts, vec!["reviews"]);
        assert_eq!(rules[0].matches, vec!["headers[end-user] exact jason"]);
        assert_eq!(rules[0].backends, vec![Share { backend: "v2".into(), percent: 100.0 }]);
        assert_eq!(rules[1].backends[0].percent, 75.0);
        assert_eq!(rules[1].mirrors, vec![Share { backend: "v2".into(), percent: 12.5 }]);
    }
}
