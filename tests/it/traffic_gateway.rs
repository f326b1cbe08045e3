//! `osm traffic` verbs on Gateway API HTTPRoutes (gateway.networking.k8s.io/v1, the CRD of
//! Gateway API v1.6.1 as released, in testdata/gateway-api/) against a real API server, read back
//! with kubectl.
//!
//! These tests need a control plane that can hold that CRD: Kubernetes 1.25 or newer (its schema
//! uses x-kubernetes-validations). On an older one they fail at once, saying so: they are never
//! skipped in silence.

use crate::common::fixture::gateway_crds;
use crate::common::*;
use serde_json::{Value, json};

/// reviews and its three versions as Services on port 9080, as in bookinfo.
fn services(c: &TestCluster, ns: &str) {
    for name in ["reviews", "reviews-v1", "reviews-v2", "reviews-v3"] {
        c.apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: {name}, namespace: {ns}}}\n\
             spec: {{selector: {{app: reviews}}, ports: [{{name: http, port: 9080}}]}}\n"
        ))
        .success();
    }
}

fn route(c: &TestCluster, ns: &str) -> Value {
    c.kubectl().args(["get", "httproute", "reviews-route", "-n", ns, "-o", "json"]).run().success().json()
}

fn osm_traffic(c: &TestCluster, ns: &str, args: &[&str]) -> Run {
    c.osm().arg("traffic").args(args).args(["-n", ns]).run()
}

/// The backendRefs of a rule as (name, weight), with the API server's default weight of 1.
fn weights(rule: &Value) -> Vec<(String, u64)> {
    rule["backendRefs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap().to_string(), r["weight"].as_u64().unwrap_or(1)))
        .collect()
}

fn pairs(p: &[(&str, u64)]) -> Vec<(String, u64)> {
    p.iter().map(|(n, w)| (n.to_string(), *w)).collect()
}

#[test]
fn weights_header_matches_and_mirrors_on_an_http_route() {
    let c = cluster();
    gateway_crds(c);
    let ns = c.namespace("gw");
    services(c, &ns);
    osm_traffic(
        c,
        &ns,
        &[
            "split",
            "create",
            "reviews-route",
            "--api",
            "gateway",
            "--service",
            "reviews",
            "--backend",
            "reviews-v1=1",
        ],
    )
    .success()
    .stdout_has("created");
    let created = route(c, &ns);
    assert_eq!(created["spec"]["parentRefs"][0]["kind"], "Service");
    assert_eq!(created["spec"]["parentRefs"][0]["name"], "reviews");
    assert_eq!(created["spec"]["parentRefs"][0]["port"], 9080);
    assert_eq!(weights(&created["spec"]["rules"][0]), pairs(&[("reviews-v1", 1)]));
    assert_eq!(created["spec"]["rules"][0]["backendRefs"][0]["port"], 9080);
    // Something osm does not model, to see it survive.
    let mut rules = created["spec"]["rules"].clone();
    rules[0]["timeouts"] = json!({"request": "10s"});
    c.kubectl()
        .args(["patch", "httproute", "reviews-route", "-n", &ns, "--type", "merge", "-p"])
        .arg(json!({"spec": {"rules": rules}}).to_string())
        .run()
        .success();

    osm_traffic(c, &ns, &["split", "set", "reviews-route", "reviews-v1=90", "reviews-v2=10"]).success();
    let default = route(c, &ns)["spec"]["rules"][0].clone();
    assert_eq!(weights(&default), pairs(&[("reviews-v1", 90), ("reviews-v2", 10)]));
    assert_eq!(default["timeouts"]["request"], "10s");

    osm_traffic(
        c,
        &ns,
        &["match", "add", "reviews-route", "--header", "end-user=jason", "--to", "reviews-v2"],
    )
    .success();
    let rules = route(c, &ns)["spec"]["rules"].clone();
    assert_eq!(
        rules[0]["matches"][0]["headers"],
        json!([{"type": "Exact", "name": "end-user", "value": "jason"}])
    );
    assert_eq!(weights(&rules[0]), pairs(&[("reviews-v2", 1)]));
    assert_eq!(weights(&rules[1]), pairs(&[("reviews-v1", 90), ("reviews-v2", 10)]));

    osm_traffic(c, &ns, &["mirror", "set", "reviews-route", "--to", "reviews-v3", "--percent", "50"])
        .success();
    let rules = route(c, &ns)["spec"]["rules"].clone();
    let filter = &rules[1]["filters"][0];
    assert_eq!(filter["type"], "RequestMirror");
    assert_eq!(filter["requestMirror"]["backendRef"]["name"], "reviews-v3");
    assert_eq!(filter["requestMirror"]["backendRef"]["port"], 9080);
    assert_eq!(filter["requestMirror"]["percent"], 50);

    let table = osm_traffic(c, &ns, &["get", "reviews-route", "-o", "json"]).success().json();
    assert_eq!(table["api"], "gateway");
    assert_eq!(table["rules"][0]["matches"], json!(["headers[end-user] Exact jason"]));
    assert_eq!(table["rules"][1]["backends"][0], json!({"backend": "reviews-v1", "percent": 90.0}));
    assert_eq!(table["rules"][1]["mirrors"], json!([{"backend": "reviews-v3", "percent": 50.0}]));

    osm_traffic(
        c,
        &ns,
        &["shift", "reviews-route", "--to", "reviews-v2", "--step", "45", "--interval", "0s"],
    )
    .success();
    let rules = route(c, &ns)["spec"]["rules"].clone();
    assert_eq!(weights(&rules[1]), pairs(&[("reviews-v2", 1)]), "{rules}");

    osm_traffic(c, &ns, &["mirror", "clear", "reviews-route"]).success();
    osm_traffic(c, &ns, &["match", "remove", "reviews-route", "--header", "end-user"]).success();
    let rules = route(c, &ns)["spec"]["rules"].clone();
    assert_eq!(rules.as_array().unwrap().len(), 1, "{rules}");
    assert!(rules[0].get("filters").is_none_or(|f| f.as_array().unwrap().is_empty()), "{rules}");
    assert_eq!(rules[0]["timeouts"]["request"], "10s");
}

#[test]
fn refusals_on_an_http_route_exit_4_and_leave_it_unchanged() {
    let c = cluster();
    gateway_crds(c);
    let ns = c.namespace("gw-refuse");
    services(c, &ns);
    osm_traffic(
        c,
        &ns,
        &[
            "split",
            "create",
            "reviews-route",
            "--api",
            "gateway",
            "--service",
            "reviews",
            "--backend",
            "reviews-v1=50",
            "--backend",
            "reviews-v2=50",
        ],
    )
    .success();
    let cases: [(&[&str], &str); 6] = [
        (
            &["match", "add", "reviews-route", "--header-prefix", "x-beta=on", "--to", "reviews-v2"],
            "no prefix match",
        ),
        (
            &["route", "reviews-route", "--to", "ratings"],
            "neither a backendRef of this HTTPRoute nor a Service",
        ),
        (&["split", "set", "reviews-route", "reviews-v1=70", "reviews-v2=70"], "total 140"),
        (&["split", "set", "reviews-route", "reviews-v1=101"], "cannot exceed 100"),
        (&["mirror", "set", "reviews-route", "--to", "reviews-v3", "--percent", "120"], "from 0 to 100"),
        (&["mirror", "set", "reviews-route", "--to", "nowhere"], "neither a backendRef"),
    ];
    osm_traffic(
        c,
        &ns,
        &["split", "create", "other", "--api", "gateway", "--service", "reviews", "--backend", "nosuch=1"],
    )
    .code(4)
    .stderr_has("Service nosuch does not exist")
    .stderr_has(&format!("Services in namespace {ns}: reviews, reviews-v1, reviews-v2, reviews-v3"))
    .stderr_has("--allow-missing-services");
    c.kubectl().args(["get", "httproute", "other", "-n", &ns]).run().code(1);
    // The parent Service too, even with the port given.
    osm_traffic(
        c,
        &ns,
        &[
            "split",
            "create",
            "other",
            "--api",
            "gateway",
            "--service",
            "reveiws",
            "--port",
            "9080",
            "--backend",
            "reviews-v1=1",
        ],
    )
    .code(4)
    .stderr_has("Service reveiws does not exist");
    c.kubectl().args(["get", "httproute", "other", "-n", &ns]).run().code(1);
    for (args, message) in cases {
        let before = route(c, &ns);
        osm_traffic(c, &ns, args).code(4).stderr_has(message);
        assert_eq!(route(c, &ns), before, "{args:?} changed the HTTPRoute");
    }
}

/// One of the Gateway API's own examples (testdata/gateway-api/examples/, v1.6.1), or a file of
/// Istio's mirroring task (testdata/istio/mirroring/): every document of it.
fn upstream(path: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(repo_root().join("testdata").join(path)).unwrap();
    serde_saphyr::from_multiple(&text).unwrap()
}

fn upstream_route(path: &str) -> Value {
    upstream(path)
        .into_iter()
        .find(|d| d["kind"] == "HTTPRoute")
        .unwrap_or_else(|| panic!("{path}: no HTTPRoute"))
}

/// Applies `doc` in `ns` (as `name` when given) and returns the spec the API server holds.
fn served(c: &TestCluster, ns: &str, mut doc: Value, name: Option<&str>) -> Value {
    if let Some(name) = name {
        doc["metadata"]["name"] = json!(name);
    }
    doc["metadata"]["namespace"] = json!(ns);
    c.apply(&doc.to_string()).success();
    let name = doc["metadata"]["name"].as_str().unwrap().to_string();
    c.kubectl().args(["get", "httproute", &name, "-n", ns, "-o", "json"]).run().success().json()["spec"]
        .clone()
}

/// The example with only its default rule (the one without `matches`), filters taken off: the
/// route before its header rule or its mirror was added.
fn with_one_backend(mut route: Value) -> Value {
    let rules: Vec<Value> = route["spec"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("matches").is_none())
        .map(|r| {
            let mut r = r.clone();
            r.as_object_mut().unwrap().remove("filters");
            r
        })
        .collect();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0]["backendRefs"].as_array().unwrap().len(), 1);
    route["spec"]["rules"] = Value::Array(rules);
    route
}

/// The spec with its rules in a fixed order: when rules' matches differ, precedence goes to the
/// most specific match whatever the order (HTTPRouteRule.Matches, apis/v1/httproute_types.go:184-206
/// of Gateway API v1.6.1), so osm's header rule first and upstream's last route alike.
fn rules_unordered(spec: &Value) -> Value {
    let mut spec = spec.clone();
    if let Some(rules) = spec["rules"].as_array_mut() {
        rules.sort_by_key(|r| r.to_string());
    }
    spec
}

/// Each rule's backends with their share of its traffic, those at 0 left out: weights are
/// proportions (site/content/en/guides/user-guides/traffic-splitting.md:19-24 of v1.6.1).
fn shares_of(spec: &Value) -> Vec<Vec<(String, f64)>> {
    spec["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| {
            let total: u64 = weights(rule).iter().map(|(_, w)| w).sum();
            weights(rule)
                .into_iter()
                .filter(|(_, w)| *w > 0)
                .map(|(n, w)| (n, w as f64 * 100.0 / total as f64))
                .collect()
        })
        .collect()
}

fn foo_services(c: &TestCluster, ns: &str) {
    for name in ["foo-v1", "foo-v2"] {
        c.apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: {name}, namespace: {ns}}}\n\
             spec: {{selector: {{app: foo}}, ports: [{{name: http, port: 8080}}]}}\n"
        ))
        .success();
    }
}

/// The Gateway API's traffic-splitting guide step by step, and its mirroring example: osm's
/// verbs on the route with one backend give the route of the next step, as the API server holds
/// both.
#[test]
fn the_gateway_api_traffic_splitting_and_mirroring_examples() {
    let c = cluster();
    gateway_crds(c);
    let ns = c.namespace("gw-guide");
    let upstream_ns = c.namespace("gw-upstream");
    foo_services(c, &ns);
    let split_1 = upstream_route("gateway-api/examples/traffic-split-1.yaml");
    let get = |name: &str| {
        c.kubectl().args(["get", "httproute", name, "-n", &ns, "-o", "json"]).run().success().json()["spec"]
            .clone()
    };
    served(c, &ns, with_one_backend(split_1.clone()), None);

    osm_traffic(c, &ns, &["match", "add", "foo-route", "--header", "traffic=test", "--to", "foo-v2"])
        .success();
    let expected = served(c, &upstream_ns, split_1, Some("split-1"));
    assert_eq!(rules_unordered(&get("foo-route")), rules_unordered(&expected), "traffic-split-1.yaml");

    osm_traffic(c, &ns, &["match", "remove", "foo-route", "--header", "traffic"]).success();
    osm_traffic(c, &ns, &["split", "set", "foo-route", "foo-v1=90", "foo-v2=10"]).success();
    let split_2 = upstream_route("gateway-api/examples/traffic-split-2.yaml");
    let expected = served(c, &upstream_ns, split_2, Some("split-2"));
    assert_eq!(get("foo-route"), expected, "traffic-split-2.yaml");
    let simple = upstream_route("gateway-api/examples/simple-split.yaml");
    assert_eq!(
        get("foo-route")["rules"],
        served(c, &upstream_ns, simple, None)["rules"],
        "simple-split.yaml"
    );

    // Completing the rollout: upstream keeps foo-v1 at weight 0, osm drops it; the same traffic.
    osm_traffic(c, &ns, &["split", "set", "foo-route", "foo-v1=0", "foo-v2=100"]).success();
    let split_3 = upstream_route("gateway-api/examples/traffic-split-3.yaml");
    let expected = served(c, &upstream_ns, split_3, Some("split-3"));
    assert_eq!(shares_of(&get("foo-route")), shares_of(&expected), "traffic-split-3.yaml");
    assert_eq!(shares_of(&expected), vec![vec![("foo-v2".to_string(), 100.0)]]);

    let mirroring = upstream_route("gateway-api/examples/httproute-mirroring.yaml");
    served(c, &ns, with_one_backend(mirroring.clone()), None);
    osm_traffic(c, &ns, &["mirror", "set", "http-filter-mirror", "--to", "foo-v2"]).success();
    let expected = served(c, &upstream_ns, mirroring, None);
    assert_eq!(get("http-filter-mirror"), expected, "httproute-mirroring.yaml");
    osm_traffic(c, &ns, &["mirror", "set", "http-filter-mirror", "--to", "foo-v2"])
        .success()
        .stdout_has("already");
}

/// The Gateway API tab of Istio's mirroring task: a mesh route whose parent is a Service.
#[test]
fn the_gateway_api_tab_of_the_istio_mirroring_task() {
    let c = cluster();
    gateway_crds(c);
    let ns = c.namespace("gw-mirror");
    let upstream_ns = c.namespace("gw-mirror-task");
    for doc in upstream("istio/mirroring/httpbin-service.yaml")
        .into_iter()
        .chain(upstream("istio/mirroring/gateway-api-default-routing-policy.yaml"))
    {
        let mut doc = doc;
        doc["metadata"]["namespace"] = json!(ns);
        c.apply(&doc.to_string()).success();
    }
    osm_traffic(c, &ns, &["mirror", "set", "httpbin", "--to", "httpbin-v2"]).success();
    let expected = served(
        c,
        &upstream_ns,
        upstream_route("istio/mirroring/gateway-api-mirroring-traffic-to-v2.yaml"),
        None,
    );
    let actual =
        c.kubectl().args(["get", "httproute", "httpbin", "-n", &ns, "-o", "json"]).run().success().json();
    assert_eq!(actual["spec"], expected, "httpbin differs from the task's HTTPRoute");
}
