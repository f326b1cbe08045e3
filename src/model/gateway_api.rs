//! Gateway API HTTPRoute (gateway.networking.k8s.io/v1) routing edits, for mesh routes whose
//! parentRef is a Service (Istio ambient, Linkerd) as for routes attached to a Gateway.
//!
//! The default route is the last rule that matches everything: no `matches`, or only the
//! `PathPrefix /` the API server fills in. A backend is a backendRef name.

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};
use crate::model::routing::{
    Backend, Destinations, Edit, HeaderKind, RuleView, Share, shares, split_default_rule,
};

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
                        "use {} {}={}.*",
                        Input::HeaderRegex,
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
                .with_hint(Remedy::RouteFirst)
            })?;
            let rule = &mut rules[index];
            let mut filters: Vec<Value> = rule["filters"].as_array().cloned().unwrap_or_default();
            // The backendRef as stored, with the group and kind the API server filled in, when
            // the mirror already goes there: a second run then changes nothing.
            let target = filters
                .iter()
                .filter(|f| is_mirror(f))
                .map(|f| &f["requestMirror"]["backendRef"])
                .find(|r| r["name"] == to.target["name"] && r["port"] == to.target["port"])
                .cloned()
                .unwrap_or_else(|| to.target.clone());
            let at = filters.iter().position(is_mirror).unwrap_or(filters.len());
            filters.retain(|f| !is_mirror(f));
            // Without `percent` every request is mirrored (apis/v1/httproute_types.go:1348-1358
            // of Gateway API v1.6.1), and `percent` is the extended feature
            // HTTPRouteRequestPercentageMirror (pkg/features/httproute.go:187 and 258-274), so 100% is
            // written as upstream's mirroring example writes it: without the field.
            let mut mirror = json!({ "backendRef": target });
            if *percent < 100 {
                mirror["percent"] = json!(percent);
            }
            filters
                .insert(at.min(filters.len()), json!({ "type": "RequestMirror", "requestMirror": mirror }));
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
    use super::*;
    use crate::model::routing::HeaderMatch;
    use crate::model::smi::split::SetRequest;

    /// The spec of one of the Gateway API's own examples (testdata/gateway-api/examples/, v1.6.1).
    fn example(file: &str) -> Value {
        let text = match file {
            "simple-split.yaml" => include_str!("../../testdata/gateway-api/examples/simple-split.yaml"),
            "traffic-split-1.yaml" => {
                include_str!("../../testdata/gateway-api/examples/traffic-split-1.yaml")
            }
            "traffic-split-2.yaml" => {
                include_str!("../../testdata/gateway-api/examples/traffic-split-2.yaml")
            }
            "traffic-split-3.yaml" => {
                include_str!("../../testdata/gateway-api/examples/traffic-split-3.yaml")
            }
            "httproute-mirroring.yaml" => {
                include_str!("../../testdata/gateway-api/examples/httproute-mirroring.yaml")
            }
            other => panic!("no example {other}"),
        };
        let route: Value = serde_saphyr::from_str(text).expect("an upstream example is valid YAML");
        route["spec"].clone()
    }

    /// An example with only its default rule (the one without `matches`), its filters taken off:
    /// the route before the header rule or the mirror was added.
    fn one_backend(file: &str) -> Value {
        let mut spec = example(file);
        let rules: Vec<Value> = rules(&spec)
            .into_iter()
            .filter(|r| r.get("matches").is_none())
            .map(|mut r| {
                r.as_object_mut().unwrap().remove("filters");
                r
            })
            .collect();
        assert_eq!(rules.len(), 1, "{file} has one default rule");
        assert_eq!(rules[0]["backendRefs"].as_array().map(Vec::len), Some(1), "{file}: one backend");
        spec["rules"] = Value::Array(rules);
        spec
    }

    /// Rules as the API server stores them, for comparing what osm writes with what upstream
    /// writes: a header match without `type` is `Exact` (the CRD's default,
    /// apis/v1/httproute_types.go:598-611 of v1.6.1, HTTPHeaderMatch.Type),
    /// and the rule order does not count when the rules' matches differ, since precedence goes
    /// to the most specific match whatever the order (HTTPRouteRule.Matches, same file:184-206).
    fn as_served(rules: &Value) -> Vec<Value> {
        let mut rules = rules.as_array().cloned().unwrap_or_default();
        for rule in rules.iter_mut() {
            for m in rule["matches"].as_array_mut().into_iter().flatten() {
                for h in m["headers"].as_array_mut().into_iter().flatten() {
                    if h.get("type").is_none() {
                        h["type"] = json!("Exact");
                    }
                }
            }
        }
        rules.sort_by_key(|r| r.to_string());
        rules
    }

    /// Each rule's backends with their share of its traffic: weights are proportions, a missing
    /// weight is 1, and a backend at 0 gets nothing, as the traffic-splitting guide of v1.6.1
    /// describes them (site/content/en/guides/user-guides/traffic-splitting.md:19-24).
    fn traffic(rules: &Value) -> Vec<Vec<(String, u64, f64)>> {
        rules
            .as_array()
            .unwrap()
            .iter()
            .map(|rule| {
                let refs = rule["backendRefs"].as_array().cloned().unwrap_or_default();
                let total: u64 = refs.iter().map(|r| r["weight"].as_u64().unwrap_or(1)).sum();
                refs.iter()
                    .filter(|r| r["weight"].as_u64().unwrap_or(1) > 0)
                    .map(|r| {
                        let share = r["weight"].as_u64().unwrap_or(1) as f64 * 100.0 / total as f64;
                        (r["name"].as_str().unwrap().to_string(), r["port"].as_u64().unwrap(), share)
                    })
                    .collect()
            })
            .collect()
    }

    fn svc(name: &str) -> Backend {
        Backend { name: name.into(), target: json!({"name": name, "port": 8080}) }
    }

    fn split(spec: &Value, pairs: &[(&str, u32)]) -> Result<Value> {
        let request = SetRequest {
            assignments: pairs.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
            equal: false,
            add: true,
        };
        apply(spec, &Edit::Split { request, backends: pairs.iter().map(|(n, _)| svc(n)).collect() })
    }

    fn canary_header() -> HeaderMatch {
        HeaderMatch { name: "traffic".into(), kind: HeaderKind::Exact, value: "test".into() }
    }

    #[test]
    fn the_traffic_splitting_guide_step_by_step() {
        let start = one_backend("traffic-split-1.yaml");
        // Step 1: a canary rule for the header `traffic: test`.
        let canary = apply(&start, &Edit::MatchAdd { header: canary_header(), to: svc("foo-v2") }).unwrap();
        assert_eq!(as_served(&canary), as_served(&example("traffic-split-1.yaml")["rules"]));
        // Step 2: the canary rule gone, 90/10 by weight.
        let canary_spec = json!({"hostnames": start["hostnames"], "rules": canary});
        let without = apply(&canary_spec, &Edit::MatchRemove { name: "traffic".into() }).unwrap();
        assert_eq!(without, start["rules"]);
        let weighted = split(&json!({"rules": without}), &[("foo-v1", 90), ("foo-v2", 10)]).unwrap();
        assert_eq!(weighted, example("traffic-split-2.yaml")["rules"]);
        assert_eq!(weighted, example("simple-split.yaml")["rules"]);
        // Step 3: everything to foo-v2; osm drops the backend at 0 where upstream keeps it at
        // weight 0, the same traffic.
        let done = split(&json!({"rules": weighted}), &[("foo-v1", 0), ("foo-v2", 100)]).unwrap();
        assert_eq!(traffic(&done), traffic(&example("traffic-split-3.yaml")["rules"]));
        assert_eq!(traffic(&done), vec![vec![("foo-v2".to_string(), 8080, 100.0)]]);
    }

    #[test]
    fn weights_keep_the_rest_of_the_rule_and_route_leaves_one_backend() {
        let mut start = one_backend("traffic-split-1.yaml");
        start["rules"][0]["timeouts"] = json!({"request": "10s"});
        let weighted = split(&start, &[("foo-v1", 90), ("foo-v2", 10)]).unwrap();
        let mut expected = example("traffic-split-2.yaml")["rules"].clone();
        expected[0]["timeouts"] = json!({"request": "10s"});
        assert_eq!(weighted, expected);
        let lone = apply(&json!({"rules": weighted}), &Edit::route(svc("foo-v2"))).unwrap();
        assert_eq!(lone[0]["backendRefs"], json!([{"name": "foo-v2", "port": 8080}]));
        assert_eq!(lone[0]["timeouts"]["request"], "10s");
    }

    #[test]
    fn header_rules_are_removed_as_read_back_and_prefixes_are_refused() {
        let start = one_backend("traffic-split-1.yaml");
        // As read back: the API server adds the PathPrefix / to every match.
        let mut read_back = example("traffic-split-1.yaml")["rules"].clone();
        read_back[1]["matches"][0]["path"] = json!({"type": "PathPrefix", "value": "/"});
        let removed =
            apply(&json!({"rules": read_back}), &Edit::MatchRemove { name: "Traffic".into() }).unwrap();
        assert_eq!(removed, start["rules"]);
        let prefix = HeaderMatch { name: "x".into(), kind: HeaderKind::Prefix, value: "a.b".into() };
        let err = apply(&start, &Edit::MatchAdd { header: prefix, to: svc("foo-v2") }).unwrap_err();
        assert!(err.hint.unwrap().contains("a\\.b.*"), "{}", err.message);
    }

    #[test]
    fn mirroring_all_requests_is_the_upstream_example() {
        let start = one_backend("httproute-mirroring.yaml");
        let rules = apply(&start, &Edit::MirrorSet { to: svc("foo-v2"), percent: 100 }).unwrap();
        assert_eq!(rules, example("httproute-mirroring.yaml")["rules"]);
        let (_, view) = table(&json!({"rules": rules}));
        assert_eq!(view[0].mirrors, vec![Share { backend: "foo-v2".into(), percent: 100.0 }]);
        let cleared = apply(&json!({"rules": rules}), &Edit::MirrorClear).unwrap();
        assert_eq!(cleared, start["rules"]);
        // As read back, with the backendRef's defaults filled in: the same mirror changes nothing.
        let mut read_back = rules.clone();
        read_back[0]["filters"][0]["requestMirror"]["backendRef"]["group"] = json!("");
        read_back[0]["filters"][0]["requestMirror"]["backendRef"]["kind"] = json!("Service");
        let again = apply(&json!({"rules": read_back}), &Edit::MirrorSet { to: svc("foo-v2"), percent: 100 });
        assert_eq!(again.unwrap(), read_back);
        // A share below 100 is the extended `percent` field.
        let part = apply(&start, &Edit::MirrorSet { to: svc("foo-v2"), percent: 10 }).unwrap();
        let mut expected = example("httproute-mirroring.yaml")["rules"].clone();
        expected[0]["filters"][0]["requestMirror"]["percent"] = json!(10);
        assert_eq!(part, expected);
    }

    #[test]
    fn unknown_backends_are_refused() {
        let spec = example("traffic-split-2.yaml");
        let err = resolve(&spec, "nope", None, false).unwrap_err();
        assert!(err.message.contains("backends: foo-v1, foo-v2"), "{err}");
        assert_eq!(
            resolve(&spec, "foo-v3", Some(9080), true).unwrap().target,
            json!({"name": "foo-v3", "port": 8080})
        );
    }

    #[test]
    fn table_of_the_weighted_examples() {
        let (hosts, rules) = table(&example("traffic-split-2.yaml"));
        assert!(hosts.is_empty());
        assert!(rules[0].matches.is_empty());
        assert_eq!(
            rules[0].backends,
            vec![
                Share { backend: "foo-v1".into(), percent: 90.0 },
                Share { backend: "foo-v2".into(), percent: 10.0 }
            ]
        );
        let (_, rules) = table(&example("traffic-split-3.yaml"));
        assert_eq!(
            rules[0].backends,
            vec![
                Share { backend: "foo-v1".into(), percent: 0.0 },
                Share { backend: "foo-v2".into(), percent: 100.0 }
            ]
        );
        let (hosts, rules) = table(&example("httproute-mirroring.yaml"));
        assert_eq!(hosts, vec!["Gateway/mirror-gateway"]);
        assert_eq!(rules[0].mirrors, vec![Share { backend: "foo-v2".into(), percent: 100.0 }]);
    }
}
