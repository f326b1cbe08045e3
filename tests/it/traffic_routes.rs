//! `osm traffic route|match|mirror|split|shift|get` on Istio VirtualServices against a real API
//! server holding Istio's own CRDs. The expected results are Istio's bookinfo samples
//! (testdata/istio/, copied unchanged from Istio's release), read back with kubectl.

use crate::common::fixture::istio_crds;
use crate::common::*;
use serde_json::{Value, json};

fn testdata(file: &str) -> String {
    std::fs::read_to_string(repo_root().join("testdata/istio").join(file)).unwrap()
}

/// The document of `kind` named `name` in one of Istio's multi-document samples.
fn sample(file: &str, kind: &str, name: &str) -> Value {
    let docs: Vec<Value> = serde_saphyr::from_multiple(&testdata(file)).unwrap();
    docs.into_iter()
        .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
        .unwrap_or_else(|| panic!("{file} has no {kind} {name}"))
}

/// The weight rule, and only it: a route with a single destination sends it all the traffic
/// whether it says `weight: 100` or nothing, so such a weight is dropped before comparing.
fn normalise(spec: &Value) -> Value {
    let mut spec = spec.clone();
    for rule in spec["http"].as_array_mut().into_iter().flatten() {
        if let Some([only]) = rule["route"].as_array_mut().map(|r| r.as_mut_slice())
            && only["weight"] == json!(100)
            && let Some(fields) = only.as_object_mut()
        {
            fields.remove("weight");
        }
    }
    spec
}

fn vs(c: &TestCluster, ns: &str, name: &str) -> Value {
    c.kubectl().args(["get", "virtualservice", name, "-n", ns, "-o", "json"]).run().success().json()
}

fn assert_spec_is_sample(c: &TestCluster, ns: &str, file: &str) {
    let actual = vs(c, ns, "reviews")["spec"].clone();
    let expected = sample(file, "VirtualService", "reviews")["spec"].clone();
    assert_eq!(normalise(&actual), normalise(&expected), "reviews differs from Istio's {file}");
}

/// bookinfo's DestinationRules and the all-v1 VirtualServices, in a fresh namespace.
fn bookinfo(c: &TestCluster, prefix: &str) -> String {
    istio_crds(c);
    let ns = c.namespace(prefix);
    for file in ["destination-rule-all.yaml", "virtual-service-all-v1.yaml"] {
        c.kubectl()
            .args(["apply", "-n", &ns, "-f"])
            .arg(repo_root().join("testdata/istio").join(file))
            .run()
            .success();
    }
    ns
}

fn osm_traffic(c: &TestCluster, ns: &str, args: &[&str]) -> Run {
    c.osm().arg("traffic").args(args).args(["-n", ns]).run()
}

#[test]
fn the_istio_request_routing_walkthrough_step_by_step() {
    let c = cluster();
    let ns = bookinfo(c, "walk");
    assert_spec_is_sample(c, &ns, "virtual-service-all-v1.yaml");

    osm_traffic(c, &ns, &["route", "reviews", "--to", "v3"]).success().stdout_has("v1 100% -> removed");
    assert_spec_is_sample(c, &ns, "virtual-service-reviews-v3.yaml");

    osm_traffic(c, &ns, &["route", "reviews", "--to", "v1"]).success();
    osm_traffic(c, &ns, &["match", "add", "reviews", "--header", "end-user=jason", "--to", "v2"]).success();
    assert_spec_is_sample(c, &ns, "virtual-service-reviews-test-v2.yaml");
    let table = osm_traffic(c, &ns, &["get", "reviews", "-o", "json"]).success().json();
    assert_eq!(table["api"], "istio");
    assert_eq!(table["rules"][0]["matches"], json!(["headers[end-user] exact jason"]));
    assert_eq!(table["rules"][0]["backends"], json!([{"backend": "v2", "percent": 100.0}]));
    assert_eq!(table["rules"][1]["matches"], json!([]));

    osm_traffic(c, &ns, &["match", "remove", "reviews", "--header", "end-user"]).success();
    osm_traffic(c, &ns, &["split", "set", "reviews", "v1=50", "v3=50"]).success();
    assert_spec_is_sample(c, &ns, "virtual-service-reviews-50-v3.yaml");

    osm_traffic(c, &ns, &["split", "set", "reviews", "v1=90", "v2=10"])
        .success()
        .stdout_has("v1 50% -> 90%, v2 (new) 10%, v3 50% -> removed");
    assert_spec_is_sample(c, &ns, "virtual-service-reviews-90-10.yaml");
    let human = osm_traffic(c, &ns, &["get", "reviews"]).success();
    for needle in ["VirtualService", "(default)", "v1", "90%", "v2", "10%"] {
        assert!(human.stdout.contains(needle), "{needle} missing:\n{}", human.stdout);
    }
    // The other services' VirtualServices were never touched.
    let ratings = vs(c, &ns, "ratings")["spec"].clone();
    assert_eq!(ratings, sample("virtual-service-all-v1.yaml", "VirtualService", "ratings")["spec"]);
}

#[test]
fn shift_moves_a_virtual_service_step_by_step() {
    let c = cluster();
    let ns = bookinfo(c, "shift");
    osm_traffic(c, &ns, &["shift", "reviews", "--to", "v2", "--step", "50", "--interval", "0s"])
        .success()
        .stdout_has("v2 100%");
    assert_eq!(
        vs(c, &ns, "reviews")["spec"]["http"],
        json!([{"route": [{"destination": {"host": "reviews", "subset": "v2"}}]}])
    );
    let plan =
        osm_traffic(c, &ns, &["shift", "reviews", "--to", "v3", "--step", "25", "--dry-run"]).success();
    assert!(plan.stdout.contains("step 1: v2 75%, v3 25%"), "{}", plan.stdout);
    assert!(plan.stdout.contains("step 4: v2 0%, v3 100%"), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("\n-      subset: v2\n+      subset: v3"),
        "the end state as a diff:\n{}",
        plan.stdout
    );
}

/// Applies a file of Istio's mirroring task (testdata/istio/mirroring/) as is in `ns`.
fn mirroring_task(c: &TestCluster, ns: &str, file: &str) {
    c.kubectl()
        .args(["apply", "-n", ns, "-f"])
        .arg(repo_root().join("testdata/istio/mirroring").join(file))
        .run()
        .success();
}

/// Istio's traffic mirroring task: all traffic to httpbin v1, then a copy of it to v2. What osm
/// writes is compared with the task's own VirtualService, as the API server holds both.
#[test]
fn the_istio_mirroring_walkthrough() {
    let c = cluster();
    istio_crds(c);
    let ns = c.namespace("mirror");
    let expected_ns = c.namespace("mirror-task");
    mirroring_task(c, &ns, "default-routing-policy.yaml");
    mirroring_task(c, &expected_ns, "mirroring-traffic-to-v2.yaml");
    let expected = vs(c, &expected_ns, "httpbin")["spec"].clone();
    let before = vs(c, &ns, "httpbin");
    osm_traffic(c, &ns, &["mirror", "set", "httpbin", "--to", "v2"]).success();
    assert_eq!(vs(c, &ns, "httpbin")["spec"], expected, "httpbin differs from Istio's mirroring task");
    let table = osm_traffic(c, &ns, &["get", "httpbin", "-o", "yaml"]).success();
    assert!(table.stdout.contains("mirrors:\n  - backend: v2\n    percent: 100"), "{}", table.stdout);
    osm_traffic(c, &ns, &["mirror", "set", "httpbin", "--to", "v2", "--percent", "100"])
        .success()
        .stdout_has("already");

    osm_traffic(c, &ns, &["mirror", "set", "httpbin", "--to", "v2", "--percent", "10"]).success();
    assert_eq!(vs(c, &ns, "httpbin")["spec"]["http"][0]["mirrorPercentage"]["value"].as_f64(), Some(10.0));
    osm_traffic(c, &ns, &["mirror", "clear", "httpbin"]).success();
    assert_eq!(vs(c, &ns, "httpbin")["spec"], before["spec"]);
}

#[test]
fn fields_osm_does_not_model_survive_every_verb() {
    let c = cluster();
    let ns = bookinfo(c, "keep");
    let extras = json!({
        "retries": {"attempts": 3, "perTryTimeout": "2s"},
        "timeout": "10s",
        "fault": {"delay": {"fixedDelay": "7s", "percentage": {"value": 100}}},
    });
    let mut spec = vs(c, &ns, "reviews")["spec"].clone();
    for (k, v) in extras.as_object().unwrap() {
        spec["http"][0][k] = v.clone();
    }
    spec["exportTo"] = json!(["."]);
    c.kubectl()
        .args(["patch", "virtualservice", "reviews", "-n", &ns, "--type", "merge", "-p"])
        .arg(json!({"spec": spec, "metadata": {"annotations": {"team": "reviews"}}}).to_string())
        .run()
        .success();
    let steps: [&[&str]; 6] = [
        &["route", "reviews", "--to", "v3"],
        &["split", "set", "reviews", "v3=70", "v2=30"],
        &["match", "add", "reviews", "--header-prefix", "x-canary=yes", "--to", "v1"],
        &["mirror", "set", "reviews", "--to", "v1", "--percent", "5"],
        &["mirror", "clear", "reviews"],
        &["match", "remove", "reviews", "--header", "x-canary"],
    ];
    for step in steps {
        osm_traffic(c, &ns, step).success();
        let object = vs(c, &ns, "reviews");
        let default = object["spec"]["http"].as_array().unwrap().last().unwrap().clone();
        for (k, v) in extras.as_object().unwrap() {
            assert_eq!(&default[k], v, "{k} lost after {step:?}");
        }
        assert_eq!(object["spec"]["exportTo"], json!(["."]), "after {step:?}");
        assert_eq!(object["metadata"]["annotations"]["team"], "reviews", "after {step:?}");
    }
    let route = &vs(c, &ns, "reviews")["spec"]["http"][0]["route"];
    assert_eq!(
        route,
        &json!([
            {"destination": {"host": "reviews", "subset": "v3"}, "weight": 70},
            {"destination": {"host": "reviews", "subset": "v2"}, "weight": 30}
        ])
    );
}

#[test]
fn dry_runs_print_a_diff_and_change_nothing() {
    let c = cluster();
    let ns = bookinfo(c, "dry");
    let before = vs(c, &ns, "reviews");
    let run = osm_traffic(c, &ns, &["split", "set", "reviews", "v1=80", "v2=20", "--dry-run"]).success();
    for needle in [
        "nothing was changed",
        "--- VirtualService",
        "+++ VirtualService",
        "\n+    weight: 80\n",
        "\n+      subset: v2\n",
    ] {
        assert!(run.stdout.contains(needle), "{needle} missing:\n{}", run.stdout);
    }
    let run = osm_traffic(
        c,
        &ns,
        &["match", "add", "reviews", "--header", "end-user=jason", "--to", "v2", "--dry-run"],
    )
    .success();
    let added: Vec<&str> =
        run.stdout.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert!(added.iter().any(|l| l.trim_end().ends_with("end-user:")), "{}", run.stdout);
    assert!(added.iter().any(|l| l.trim_end().ends_with("exact: jason")), "{}", run.stdout);
    let removed = run.stdout.lines().any(|l| l.starts_with('-') && !l.starts_with("---"));
    assert!(!removed, "adding a rule removes nothing:\n{}", run.stdout);
    let yaml = osm_traffic(c, &ns, &["mirror", "set", "reviews", "--to", "v2", "--dry-run", "-o", "json"])
        .success()
        .json();
    assert_eq!(yaml["spec"]["http"][0]["mirror"]["subset"], "v2");
    let after = vs(c, &ns, "reviews");
    assert_eq!(after["metadata"]["resourceVersion"], before["metadata"]["resourceVersion"]);

    // -o on a real write prints the object as stored.
    let written = osm_traffic(c, &ns, &["route", "reviews", "--to", "v2", "-o", "json"]).success().json();
    assert_eq!(written["spec"]["http"][0]["route"][0]["destination"]["subset"], "v2");
    assert_eq!(written["metadata"]["resourceVersion"], vs(c, &ns, "reviews")["metadata"]["resourceVersion"]);
    osm_traffic(c, &ns, &["route", "reviews", "--to", "v2"]).success().stdout_has("already");
}

#[test]
fn refusals_exit_4_and_leave_the_object_unchanged() {
    let c = cluster();
    let ns = bookinfo(c, "refuse");
    crate::common::fixture::install_crds(c);
    c.apply(&format!(
        r#"apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {{name: mirrored, namespace: {ns}}}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {{host: reviews, subset: v1}}
    mirrors:
    - destination: {{host: reviews, subset: v2}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {{name: bookinfo, namespace: {ns}}}
spec:
  hosts: ["*"]
  gateways: [bookinfo-gateway]
  http:
  - route:
    - destination: {{host: productpage, port: {{number: 9080}}}}
---
apiVersion: split.smi-spec.io/v1alpha2
kind: TrafficSplit
metadata: {{name: bookstore-split, namespace: {ns}}}
spec:
  service: bookstore
  backends:
  - {{service: bookstore-v1, weight: 50}}
  - {{service: bookstore-v2, weight: 50}}
---
apiVersion: split.smi-spec.io/v1alpha2
kind: TrafficSplit
metadata: {{name: reviews, namespace: {ns}}}
spec:
  service: reviews
  backends:
  - {{service: reviews-v1, weight: 1}}
"#
    ))
    .success();
    let objects = |kind: &str, name: &str| {
        c.kubectl().args(["get", kind, name, "-n", &ns, "-o", "json"]).run().success().json()
    };
    let cases: Vec<(&str, &str, Vec<&str>, &str)> = vec![
        (
            "virtualservice",
            "reviews",
            vec!["route", "reviews", "--api", "istio", "--to", "v9"],
            "DestinationRule reviews defines v1, v2, v3",
        ),
        (
            "virtualservice",
            "reviews",
            vec!["split", "set", "reviews", "--api", "istio", "v1=50", "v9=50"],
            "not a subset",
        ),
        (
            "virtualservice",
            "reviews",
            vec!["split", "set", "reviews", "--api", "istio", "v1=150"],
            "cannot exceed 100",
        ),
        (
            "virtualservice",
            "reviews",
            vec!["split", "set", "reviews", "--api", "istio", "v1=30", "v2=60"],
            "total 90",
        ),
        ("virtualservice", "reviews", vec!["split", "set", "reviews", "--api", "istio", "v1=-5"], "negative"),
        (
            "virtualservice",
            "reviews",
            vec!["mirror", "set", "reviews", "--api", "istio", "--to", "v2", "--percent", "150"],
            "from 0 to 100",
        ),
        (
            "virtualservice",
            "reviews",
            vec!["mirror", "set", "reviews", "--api", "istio", "--to", "v2", "--percent", "-1"],
            "from 0 to 100",
        ),
        (
            "virtualservice",
            "reviews",
            vec!["match", "add", "reviews", "--api", "istio", "--header", "a=b", "--to", "v7"],
            "not a subset",
        ),
        ("virtualservice", "reviews", vec!["route", "reviews", "--to", "v2"], "ambiguous"),
        (
            "virtualservice",
            "mirrored",
            vec!["mirror", "set", "mirrored", "--to", "v3"],
            "`mirror` and `mirrors` together",
        ),
        (
            "virtualservice",
            "bookinfo",
            vec!["route", "bookinfo", "--to", "productpage"],
            "bound to gateways (bookinfo-gateway)",
        ),
        (
            "trafficsplit",
            "bookstore-split",
            vec!["match", "add", "bookstore-split", "--header", "end-user=jason", "--to", "bookstore-v2"],
            "cannot express header matches",
        ),
        (
            "trafficsplit",
            "bookstore-split",
            vec!["mirror", "set", "bookstore-split", "--to", "bookstore-v2"],
            "cannot express mirroring",
        ),
        (
            "trafficsplit",
            "bookstore-split",
            vec!["route", "bookstore-split", "--to", "bookstore-v3"],
            "not a backend",
        ),
    ];
    for (kind, name, args, message) in cases {
        let before = objects(kind, name);
        let run = osm_traffic(c, &ns, &args).code(4).stderr_has(message);
        if message.contains("cannot express") {
            assert!(
                run.stderr.contains("--api istio") && run.stderr.contains("--api gateway"),
                "{}",
                run.stderr
            );
        }
        if message.contains("defines") {
            assert!(run.stderr.contains("kubectl edit destinationrule reviews"), "{}", run.stderr);
        }
        let after = objects(kind, name);
        assert_eq!(after, before, "{args:?} changed {kind} {name}");
    }
    // Told which one, osm edits it.
    osm_traffic(c, &ns, &["route", "reviews", "--api", "istio", "--to", "v2"]).success();
    osm_traffic(c, &ns, &["get", "missing"])
        .code(4)
        .stderr_has("no TrafficSplit, VirtualService or HTTPRoute");
}

/// Two writers that both read the object at the same resourceVersion: the API server refuses
/// the second write (409), osm re-reads and re-applies it, and both header rules end up there.
#[test]
fn concurrent_edits_overlap_and_lose_nothing() {
    // The test and the osm binary it runs are built with the same profile.
    if !cfg!(debug_assertions) {
        panic!(
            "OSM_HOLD_BEFORE_WRITE_MS, which makes the two writes overlap, exists in debug builds only: \
             run this test without --release (cargo test --test it traffic_routes::)"
        );
    }
    let c = cluster();
    let ns = bookinfo(c, "race");
    let spawn = |header: &str, to: &str| {
        std::process::Command::new(osm_bin())
            .env("KUBECONFIG", &c.kubeconfig)
            .env("NO_COLOR", "1")
            .env("OSM_HOLD_BEFORE_WRITE_MS", "1500")
            .args(["traffic", "match", "add", "reviews", "-n", &ns, "--header", header, "--to", to, "-vv"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn("x-a=1", "v2");
    let second = spawn("x-b=1", "v3");
    let logs: Vec<String> = [first, second]
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(out.status.success(), "{stderr}");
            stderr
        })
        .collect();
    let reads: Vec<Vec<String>> = logs
        .iter()
        .map(|log| {
            log.lines()
                .filter_map(|l| l.split_once("read at resourceVersion ").map(|(_, v)| v.trim().to_string()))
                .collect()
        })
        .collect();
    assert_eq!(reads[0][0], reads[1][0], "the writers did not overlap: {reads:?}");
    let conflicted = logs.iter().filter(|l| l.contains("conflict at resourceVersion")).count();
    assert_eq!(conflicted, 1, "exactly one writer must have been refused and retried: {reads:?}");
    let http = vs(c, &ns, "reviews")["spec"]["http"].clone();
    let headers: Vec<String> = http
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["match"][0]["headers"].as_object().map(|h| h.keys().next().unwrap().clone()))
        .collect();
    let mut sorted = headers.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["x-a", "x-b"], "an edit was lost: {http}");
    assert_eq!(http.as_array().unwrap().len(), 3, "{http}");
    assert_eq!(http[2], json!({"route": [{"destination": {"host": "reviews", "subset": "v1"}}]}));
}

#[test]
fn create_a_virtual_service_from_scratch() {
    let c = cluster();
    istio_crds(c);
    let ns = c.namespace("create");
    c.kubectl()
        .args(["apply", "-n", &ns, "-f"])
        .arg(repo_root().join("testdata/istio/destination-rule-all.yaml"))
        .run()
        .success();
    let create = ["traffic", "split", "create", "reviews", "--api", "istio", "--service", "reviews"];
    // The root host is a Service: a typo is refused before anything is created.
    c.osm()
        .args(["traffic", "split", "create", "reviews", "--api", "istio", "--service", "reveiws"])
        .args(["-n", &ns, "--backend", "v1=1"])
        .run()
        .code(4)
        .stderr_has("Service reveiws does not exist");
    c.kubectl().args(["get", "virtualservice", "reviews", "-n", &ns]).run().code(1);
    c.apply(&format!(
        "apiVersion: v1\nkind: Service\nmetadata: {{name: reviews, namespace: {ns}}}\n\
         spec: {{selector: {{app: reviews}}, ports: [{{name: http, port: 9080}}]}}\n"
    ))
    .success();
    c.osm()
        .args(create)
        .args(["-n", &ns, "--backend", "v1=1", "--backend", "v3=1"])
        .run()
        .success()
        .stdout_has("created");
    assert_spec_is_sample(c, &ns, "virtual-service-reviews-50-v3.yaml");
    c.osm()
        .args(create)
        .args(["-n", &ns, "--backend", "v1=1", "--backend", "v3=1"])
        .run()
        .success()
        .stdout_has("already exists");
    c.osm().args(create).args(["-n", &ns, "--backend", "v1=1"]).run().code(4).stderr_has("already exists");
    c.osm()
        .args(["traffic", "split", "create", "other", "--api", "istio", "--service", "reviews"])
        .args(["-n", &ns, "--backend", "v8=1"])
        .run()
        .code(4)
        .stderr_has("defines v1, v2, v3");
    c.kubectl().args(["get", "virtualservice", "other", "-n", &ns]).run().code(1);
}

/// `route` and `get` work on SMI TrafficSplits too, keeping their zero-weight backends.
#[test]
fn route_and_get_on_a_traffic_split() {
    let c = cluster();
    crate::common::fixture::install_crds(c);
    let ns = c.namespace("smi");
    c.apply(&format!(
        "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {{name: bookstore-split, namespace: {ns}}}\n\
         spec:\n  service: bookstore.{ns}\n  backends:\n  - {{service: bookstore-v1, weight: 50}}\n  - {{service: bookstore-v2, weight: 50}}\n"
    ))
    .success();
    osm_traffic(c, &ns, &["route", "bookstore-split", "--to", "bookstore-v2"])
        .success()
        .stdout_has("bookstore-v1 50% -> 0%, bookstore-v2 50% -> 100%");
    let split = c
        .kubectl()
        .args(["get", "trafficsplit", "bookstore-split", "-n", &ns, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(
        split["spec"]["backends"],
        json!([{"service": "bookstore-v1", "weight": 0}, {"service": "bookstore-v2", "weight": 100}])
    );
    let table = osm_traffic(c, &ns, &["get", "bookstore-split", "-o", "json"]).success().json();
    assert_eq!(table["api"], "smi");
    assert_eq!(table["kind"], "TrafficSplit");
    assert_eq!(table["hosts"], json!([format!("bookstore.{ns}")]));
    assert_eq!(
        table["rules"],
        json!([{"matches": [], "backends": [
            {"backend": "bookstore-v1", "percent": 0.0}, {"backend": "bookstore-v2", "percent": 100.0}
        ], "mirrors": []}])
    );
}
