//! Gateway API HTTPRoute (gateway.networking.k8s.io/v1) routing edits, for mesh routes whose
//! parentRef is a Service (Istio ambient, Linkerd) as for routes attached to a Gateway.
//!
//! The default route is the last rule that matches everything: no `matches`, or only the
//! `PathPrefix /` the API server fills in. A backend is a backendRef name.

use serde_json::{Value, json};

use super::{Backend, Destinations, Edit, HeaderKind, RuleView, Share, shares, split_default_rule};
use crate::error::{Error, Result};

/// A backendRef without weight has weight 1.
const DESTINATIONS: Destinations =
    Destinations { key: "backendRefs", unweighted: UNWEIGHTED, is_default, entries, entry };

const UNWEIGHTED: u64 = 1;

fn rules(spec: &Value) -> Vec<Value> {
    spec["rules"].as_array().cloned().unwrap_or_default()
}

fn matches_everything(m: &Value) -> bool {
    let Some(fields) = m.as_object() else { return false };
    fields.iter().all(|(k, v)| k == "path" && v["type"] == "PathPrefix" && v["value"] == "/")
}

fn is_default(rule: &Value) -> bool {
    rule["matches"].as_array().is_none_or(|m| m.iter().all(matches_everything))
}

fn entries(rule: &Value) -> Vec<(String, Option<u64>)> {
    rule["backendRefs"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|e| (e["name"].as_str().unwrap_or_default().to_string(), e["weight"].as_u64()))
                .collect()
        })
        .unwrap_or_default()
}

/// The port the route's backendRefs use (for a backend new to it), if any names one.
pub fn route_port(spec: &Value) -> Option<u64> {
    rules(spec).iter().find_map(|r| r["backendRefs"].as_array()?.iter().find_map(|e| e["port"].as_u64()))
}

/// The backendRef (without weight) the route already has for `name`, if any.
pub fn known_backend(spec: &Value, name: &str) -> Option<Value> {
    rules(spec).iter().find_map(|r| {
        r["backendRefs"].as_array()?.iter().find(|e| e["name"] == name).map(|e| {
            let mut target = e.clone();
            if let Some(fields) = target.as_object_mut() {
                fields.remove("weight");
                fields.remove("filters");
            }
            target
        })
    })
}

/// Resolves a BACKEND: a backendRef the route already has, or a Service of the namespace
/// (`service_port`: its first port), at the port the route's other backendRefs use.
pub fn resolve(spec: &Value, name: &str, service_port: Option<u64>, is_service: bool) -> Result<Backend> {
    if let Some(target) = known_backend(spec, name) {
        return Ok(Backend { name: name.into(), target });
    }
    if !is_service {
        let known: Vec<String> = default_weights(spec).into_iter().map(|(n, _)| n).collect();
        return Err(Error::invalid(format!(
            "{name} is neither a backendRef of this HTTPRoute nor a Service of its namespace{}",
            if known.is_empty() { String::new() } else { format!(" (backends: {})", known.join(", ")) }
        ))
        .with_hint("check the name, or create the Service first"));
    }
    let port = route_port(spec).or(service_port).ok_or_else(|| {
        Error::invalid(format!("Service {name} has no port, and a Service backendRef needs one"))
            .with_hint("add a port to the Service")
    })?;
    Ok(Backend { name: name.into(), target: json!({ "name": name, "port": port }) })
}

fn entry(existing: &[Value], backend: Option<&Backend>, name: &str, weight: Option<u32>) -> Result<Value> {
    let mut entry = match existing.iter().find(|e| e["name"] == name) {
        Some(e) => e.clone(),
        None => backend
            .ok_or_else(|| Error::invalid(format!("{name} is not a backendRef of this route")))?
            .target
            .clone(),
    };
    let fields = entry.as_object_mut().ok_or_else(|| Error::invalid("a backendRef is not an object"))?;
    match weight {
        Some(w) => fields.insert("weight".into(), json!(w)),
        None => fields.remove("weight"),
    };
    Ok(entry)
}

fn header_only_on(rule: &Value, name: &str) -> bool {
    let Some(matches) = rule["matches"].as_array() else { return false };
    !matches.is_empty()
        && matches.iter().all(|m| {
            let Some(fields) = m.as_object() else { return false };
            let headers = m["headers"].as_array();
            fields.iter().all(|(k, v)| {
                k == "headers" || (k == "path" && v["type"] == "PathPrefix" && v["value"] == "/")
            }) && headers.is_some_and(|h| {
                !h.is_empty()
                    && h.iter().all(|c| c["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case(name)))
            })
        })
}

fn is_mirror(filter: &Value) -> bool {
    filter["type"] == "RequestMirror"
}

/// The new `spec.rules` after `edit`.
pub fn apply(spec: &Value, edit: &Edit) -> Result<Value> {
    let mut rules = rules(spec);
    let default_index = |rules: &Vec<Value>| rules.iter().rposition(is_default);
    match edit {
        Edit::Split { request, backends } => {
            split_default_rule(&mut rules, &DESTINATIONS, request, backends)?
        }
        Edit::MatchAdd { header, to } => {
            let kind = match header.kind {
                HeaderKind::Exact => "Exact",
                HeaderKind::Regex => "RegularExpression",
                HeaderKind::Prefix => {
                    return Err(Error::invalid(
                        "a Gateway API HTTPRoute matches headers Exact or by RegularExpression; it has no prefix match",
                    )
                    .with_hint(format!(
                        "use --header-regex {}={}.*",
                        header.name,
                        regex_escape(&header.value)
                    )));
                }
            };
            let matches =
                json!([{ "headers": [{ "type": kind, "name": header.name, "value": header.value }] }]);
            let refs = json!([to.target]);
            if let Some(rule) = rules.iter_mut().find(|r| header_only_on(r, &header.name)) {
                rule["matches"] = matches;
                rule["backendRefs"] = refs;
            } else {
                let at = default_index(&rules).unwrap_or(rules.len());
                rules.insert(at, json!({ "matches": matches, "backendRefs": refs }));
            }
        }
        Edit::MatchRemove { name } => rules.retain(|r| !header_only_on(r, name)),
        Edit::MirrorSet { to, percent } => {
            let index = default_index(&rules).ok_or_else(|| {
                Error::invalid(
                    "this HTTPRoute has no default rule (one that matches every request) to mirror",
                )
                .with_hint("give it one first: osm traffic route NAME -n NS --to BACKEND")
            })?;
            let rule = &mut rules[index];
            let mut filters: Vec<Value> = rule["filters"].as_array().cloned().unwrap_or_default();
            filters.retain(|f| !is_mirror(f));
            filters.push(json!({
                "type": "RequestMirror",
                "requestMirror": { "backendRef": to.target, "percent": percent },
            }));
            rule["filters"] = Value::Array(filters);
        }
        Edit::MirrorClear => {
            for rule in rules.iter_mut() {
                let Some(filters) = rule["filters"].as_array() else { continue };
                let kept: Vec<Value> = filters.iter().filter(|f| !is_mirror(f)).cloned().collect();
                if kept.is_empty() {
                    if let Some(fields) = rule.as_object_mut() {
                        fields.remove("filters");
                    }
                } else {
                    rule["filters"] = Value::Array(kept);
                }
            }
        }
    }
    Ok(Value::Array(rules))
}

/// The spec of a new mesh HTTPRoute: attached to the root Service (as Istio ambient and Linkerd
/// route mesh traffic), its one rule split between `backends`.
pub fn new_spec(root: &str, port: u16, backends: &[(Backend, Option<u32>)]) -> Value {
    let refs: Vec<Value> = backends
        .iter()
        .map(|(b, w)| {
            let mut r = b.target.clone();
            if let Some(w) = w {
                r["weight"] = json!(w);
            }
            r
        })
        .collect();
    json!({
        "parentRefs": [{ "group": "", "kind": "Service", "name": root, "port": port }],
        "rules": [{ "backendRefs": refs }],
    })
}

fn regex_escape(text: &str) -> String {
    text.chars().flat_map(|c| if "\\.+*?()|[]{}^$".contains(c) { vec!['\\', c] } else { vec![c] }).collect()
}

/// Percentages of the default route (the last rule matching everything), a backendRef without
/// weight counting as 1 as the Gateway API defines it; empty when there is no default rule.
pub fn default_weights(spec: &Value) -> Vec<(String, u32)> {
    rules(spec)
        .iter()
        .rev()
        .find(|r| is_default(r))
        .map(|r| shares(&entries(r), UNWEIGHTED).into_iter().map(|s| (s.backend, s.percent as u32)).collect())
        .unwrap_or_default()
}

fn describe_match(m: &Value) -> String {
    let mut parts = Vec::new();
    if let Some(path) = m.get("path")
        && !matches_everything(&json!({ "path": path }))
    {
        parts.push(format!(
            "path {} {}",
            path["type"].as_str().unwrap_or("PathPrefix"),
            path["value"].as_str().unwrap_or("/")
        ));
    }
    for (key, label) in [("headers", "headers"), ("queryParams", "queryParams")] {
        for c in m[key].as_array().into_iter().flatten() {
            parts.push(format!(
                "{label}[{}] {} {}",
                c["name"].as_str().unwrap_or("?"),
                c["type"].as_str().unwrap_or("Exact"),
                c["value"].as_str().unwrap_or("")
            ));
        }
    }
    if let Some(method) = m["method"].as_str() {
        parts.push(format!("method {method}"));
    }
    if parts.is_empty() { "path PathPrefix /".to_string() } else { parts.join(" and ") }
}

/// Hosts are the parentRefs (`Kind/name[:port]`); then each rule with its conditions (none for a
/// default rule), its backends' shares and its mirrors.
pub fn table(spec: &Value) -> (Vec<String>, Vec<RuleView>) {
    let hosts = spec["parentRefs"]
        .as_array()
        .map(|p| {
            p.iter()
                .map(|r| {
                    let kind = r["kind"].as_str().unwrap_or("Gateway");
                    let name = r["name"].as_str().unwrap_or("?");
                    match r["port"].as_u64() {
                        Some(port) => format!("{kind}/{name}:{port}"),
                        None => format!("{kind}/{name}"),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let views = rules(spec)
        .iter()
        .map(|rule| {
            let matches = if is_default(rule) {
                Vec::new()
            } else {
                rule["matches"].as_array().map(|m| m.iter().map(describe_match).collect()).unwrap_or_default()
            };
            let mirrors = rule["filters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|f| is_mirror(f))
                .map(|f| {
                    let mirror = &f["requestMirror"];
                    let percent = mirror["percent"].as_f64().or_else(|| {
                        let fraction = &mirror["fraction"];
                        Some(
                            fraction["numerator"].as_f64()? * 100.0
                                / fraction["denominator"].as_f64().unwrap_or(100.0),
                        )
                    });
                    Share {
                        backend: mirror["backendRef"]["name"].as_str().unwrap_or("?").to_string(),
                        percent: percent.unwrap_or(100.0),
                    }
                })
                .collect();
            RuleView { matches, backends: shares(&entries(rule), UNWEIGHTED), mirrors }
        })
        .collect();
    (hosts, views)
}

#[cfg(test)]
mod tests {
    use super::super::HeaderMatch;
    use super::*;
    use crate::mesh::split::SetRequest;

    /// The shape of the Gateway API's own traffic-splitting example once the API server has
    /// filled in its defaults (group, kind, the PathPrefix / match).
    fn route(backend_refs: Value) -> Value {
        json!({
            "parentRefs": [{"group": "", "kind": "Service", "name": "reviews", "port": 9080}],
            "rules": [{
                "matches": [{"path": {"type": "PathPrefix", "value": "/"}}],
                "backendRefs": backend_refs,
                "timeouts": {"request": "10s"},
            }],
        })
    }

    fn svc(name: &str) -> Backend {
        Backend { name: name.into(), target: json!({"name": name, "port": 9080}) }
    }

    fn split(spec: &Value, pairs: &[(&str, u32)]) -> Result<Value> {
        let request = SetRequest {
            assignments: pairs.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
            equal: false,
            add: true,
        };
        apply(spec, &Edit::Split { request, backends: pairs.iter().map(|(n, _)| svc(n)).collect() })
    }

    #[test]
    fn weights_on_backend_refs_keep_the_rest_of_the_rule() {
        let spec =
            route(json!([{"group": "", "kind": "Service", "name": "reviews-v1", "port": 9080, "weight": 1}]));
        let rules = split(&spec, &[("reviews-v1", 90), ("reviews-v2", 10)]).unwrap();
        assert_eq!(
            rules,
            json!([{
                "matches": [{"path": {"type": "PathPrefix", "value": "/"}}],
                "backendRefs": [
                    {"group": "", "kind": "Service", "name": "reviews-v1", "port": 9080, "weight": 90},
                    {"name": "reviews-v2", "port": 9080, "weight": 10}
                ],
                "timeouts": {"request": "10s"},
            }])
        );
        let spec = json!({"rules": rules});
        let lone = apply(&spec, &Edit::route(svc("reviews-v2"))).unwrap();
        assert_eq!(lone[0]["backendRefs"], json!([{"name": "reviews-v2", "port": 9080}]));
        assert_eq!(lone[0]["timeouts"]["request"], "10s");
    }

    #[test]
    fn header_match_rules_are_exact_or_regex_and_go_first() {
        let spec = route(json!([{"name": "reviews-v1", "port": 9080}]));
        let jason = HeaderMatch { name: "end-user".into(), kind: HeaderKind::Exact, value: "jason".into() };
        let rules = apply(&spec, &Edit::MatchAdd { header: jason, to: svc("reviews-v2") }).unwrap();
        assert_eq!(
            rules[0],
            json!({"matches": [{"headers": [{"type": "Exact", "name": "end-user", "value": "jason"}]}],
                   "backendRefs": [{"name": "reviews-v2", "port": 9080}]})
        );
        assert_eq!(rules[1], spec["rules"][0]);
        // As read back: the API server adds the PathPrefix / to every match.
        let mut read_back = rules.clone();
        read_back[0]["matches"][0]["path"] = json!({"type": "PathPrefix", "value": "/"});
        let removed =
            apply(&json!({"rules": read_back}), &Edit::MatchRemove { name: "end-user".into() }).unwrap();
        assert_eq!(removed, spec["rules"]);
        let prefix = HeaderMatch { name: "x".into(), kind: HeaderKind::Prefix, value: "a.b".into() };
        let err = apply(&spec, &Edit::MatchAdd { header: prefix, to: svc("reviews-v2") }).unwrap_err();
        assert!(err.hint.unwrap().contains("a\\.b.*"), "{}", err.message);
    }

    #[test]
    fn mirror_is_a_request_mirror_filter_with_percent() {
        let spec = route(json!([{"name": "reviews-v1", "port": 9080}]));
        let rules = apply(&spec, &Edit::MirrorSet { to: svc("reviews-v2"), percent: 100 }).unwrap();
        assert_eq!(
            rules[0]["filters"],
            json!([{"type": "RequestMirror", "requestMirror": {"backendRef": {"name": "reviews-v2", "port": 9080}, "percent": 100}}])
        );
        let (_, view) = table(&json!({"rules": rules}));
        assert_eq!(view[0].mirrors, vec![Share { backend: "reviews-v2".into(), percent: 100.0 }]);
        let cleared = apply(&json!({"rules": rules}), &Edit::MirrorClear).unwrap();
        assert_eq!(cleared, spec["rules"]);
    }

    #[test]
    fn unknown_backends_are_refused() {
        let spec = route(json!([{"name": "reviews-v1", "port": 9080}]));
        let err = resolve(&spec, "nope", None, false).unwrap_err();
        assert!(err.message.contains("backends: reviews-v1"), "{err}");
        assert_eq!(
            resolve(&spec, "reviews-v3", Some(8080), true).unwrap().target,
            json!({"name": "reviews-v3", "port": 9080})
        );
    }

    #[test]
    fn table_of_a_weighted_route() {
        let spec = route(json!([{"name": "a", "weight": 3}, {"name": "b"}]));
        let (hosts, rules) = table(&spec);
        assert_eq!(hosts, vec!["Service/reviews:9080"]);
        assert!(rules[0].matches.is_empty());
        assert_eq!(
            rules[0].backends,
            vec![Share { backend: "a".into(), percent: 75.0 }, Share { backend: "b".into(), percent: 25.0 }]
        );
    }
}
