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
