//! `osm traffic shift` gated by Prometheus: a real Prometheus scraping an exporter whose
//! workloads each test controls, a real API server holding the TrafficSplit, weights and the
//! shift's record read back with kubectl.

use std::process::Command;
use std::time::Duration;

use crate::common::fixture::*;
use crate::common::loopback::{FORWARD_ANNOTATION_PREFIX, Running};
use crate::common::prometheus::{Traffic, prometheus};
use crate::common::*;
use serde_json::Value;

const V1: &str = "bookstore-v1";
const V2: &str = "bookstore-v2";
const INTERVAL: &str = "3s";

/// Deployments (one pod each, label app=NAME) behind the Services of the same names.
fn deployments(c: &TestCluster, namespace: &str, names: &[&str]) {
    for name in names {
        c.apply(&format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: {namespace}}}\n\
             spec:\n  replicas: 1\n  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n    \
             metadata: {{labels: {{app: {name}}}}}\n    spec:\n      containers: [{{name: app, image: \"{name}:test\"}}]\n"
        ))
        .success();
    }
    for name in names {
        c.wait_until(&format!("a pod of {name}"), Duration::from_secs(60), || {
            !c.kubectl_words(&["get", "pods", "-n", namespace, "-l", &format!("app={name}"), "-o", "name"])
                .is_empty()
        });
    }
}

/// A namespace with bookstore-v1 (100%) and bookstore-v2 (0%) behind TrafficSplit `s`, each
/// workload serving `stable` and `canary` traffic as Prometheus sees it.
fn setup(prefix: &str, stable: Traffic, canary: Traffic) -> String {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace(prefix);
    services(c, &ns, &[V1, V2]);
    deployments(c, &ns, &[V1, V2]);
    split(c, &ns, "s", "bookstore", &[(V1, 100), (V2, 0)]);
    let p = prometheus();
    p.set(&ns, V1, V1, stable);
    p.set(&ns, V2, V2, canary);
    p.wait_for_series(&ns, V1, Duration::from_secs(3));
    p.wait_for_series(&ns, V2, Duration::from_secs(3));
    ns
}

/// `osm traffic shift s -n NS --to bookstore-v2 --step STEP --interval 3s --prometheus URL ...`
fn shift_args(ns: &str, step: &str, extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "traffic",
        "shift",
        "s",
        "-n",
        ns,
        "--to",
        V2,
        "--step",
        step,
        "--interval",
        INTERVAL,
        "--prometheus",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(prometheus().url.clone());
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn events(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("not one JSON event per line ({e}): {l}\n{stdout}"))
        })
        .collect()
}

fn of_kind<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["event"] == kind).collect()
}

/// The checks that passed or failed. A check can also hold when a scrape came late and its
/// window had too few samples (the shift then checks again), which a loaded machine may cause.
fn decided(events: &[Value]) -> Vec<&Value> {
    of_kind(events, "check").into_iter().filter(|e| e["verdict"] != "hold").collect()
}

/// The shift's record on the TrafficSplit, as kubectl reads it.
fn record(c: &TestCluster, ns: &str) -> Value {
    let json = c.kubectl().args(["get", "trafficsplit", "s", "-n", ns, "-o", "json"]).run().success().json();
    match json["metadata"]["annotations"]["shift.osm.dev/state"].as_str() {
        Some(text) => serde_json::from_str(text).unwrap(),
        None => Value::Null,
    }
}

fn resource_version(c: &TestCluster, ns: &str) -> String {
    c.kubectl()
        .args(["get", "trafficsplit", "s", "-n", ns, "-o", "jsonpath={.metadata.resourceVersion}"])
        .run()
        .success()
        .stdout
}

fn spawn_osm(c: &TestCluster, args: &[String]) -> Running {
    let mut command = Command::new(osm_bin());
    command.env("KUBECONFIG", &c.kubeconfig).env_remove("OSM_NAMESPACE").args(args);
    Running::spawn(command)
}

#[test]
fn a_healthy_canary_is_promoted_in_the_expected_steps() {
    let c = cluster();
    let ns = setup("canary-ok", Traffic::healthy(), Traffic::healthy());
    let before = resource_version(c, &ns);
    c.osm()
        .args(shift_args(&ns, "25", &["--min-success-rate", "99", "--dry-run"]))
        .run()
        .success()
        .stdout_has("4 steps, 3s apart")
        .stdout_has("success rate >= 99%")
        .stdout_has(&format!(
            "osm_request_total{{destination_namespace=\"{ns}\",destination_kind=\"Deployment\",destination_name=\"{V2}\""
        ));
    assert_eq!(resource_version(c, &ns), before, "a dry run writes nothing");
    let run = c
        .osm()
        .args(shift_args(
            &ns,
            "25",
            &["--min-success-rate", "99", "--max-latency-p99", "500ms", "-o", "json"],
        ))
        .run()
        .success();
    let events = events(&run.stdout);
    let steps: Vec<u64> = of_kind(&events, "step").iter().map(|e| e["weight"].as_u64().unwrap()).collect();
    assert_eq!(steps, vec![25, 50, 75, 100], "{}", run.stdout);
    let checks = decided(&events);
    assert_eq!(checks.len(), 3, "one check after each step below 100%:\n{}", run.stdout);
    for check in &checks {
        assert_eq!(check["verdict"], "pass", "{check}");
        let canary = &check["backends"][0];
        assert_eq!(canary["backend"], V2);
        assert_eq!(canary["workload"], V2, "the Service's pods belong to Deployment {V2}");
        assert!(canary["successRate"].as_f64().unwrap() >= 99.0, "{check}");
        assert!(canary["p99Ms"].as_f64().unwrap() <= 500.0, "{check}");
        assert!(canary["requests"].as_f64().unwrap() > 0.0, "{check}");
    }
    assert_eq!(of_kind(&events, "promoted").len(), 1, "{}", run.stdout);
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
    let state = record(c, &ns);
    assert_eq!(state["phase"], "promoted");
    assert_eq!(state["stepsDone"], 4);
}

#[test]
fn a_canary_with_5_percent_errors_against_a_99_percent_gate_is_rolled_back() {
    let c = cluster();
    let failing = Traffic { error_ratio: 0.05, ..Traffic::healthy() };
    let ns = setup("canary-bad", Traffic::healthy(), failing);
    let run = c.osm().args(shift_args(&ns, "25", &["--min-success-rate", "99"])).run().code(6);
    assert!(
        run.stderr.contains("below --min-success-rate 99%"),
        "the failing figure against its gate:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains(&format!("rolled back to {V1}")), "{}", run.stderr);
    // The figure printed is Prometheus's: about 95%, and in any case under the gate.
    let line =
        run.stderr.lines().rfind(|l| l.contains(&format!("{V2} ({V2}) 25%"))).expect("the canary's figures");
    let rate: f64 = line.split("success ").nth(1).unwrap().split('%').next().unwrap().parse().unwrap();
    assert!((90.0..99.0).contains(&rate), "{line}");
    assert!(run.stdout.contains(&format!("rolled back: {V1} 100%, {V2} 0%")), "{}", run.stdout);
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
    c.osm()
        .args(["traffic", "shift", "status", "s", "-n", &ns])
        .run()
        .success()
        .stdout_has("rolled back")
        .stdout_has("below --min-success-rate 99%")
        .stdout_has("failures: 1 of 1");
}

#[test]
fn the_failure_threshold_allows_failed_checks_before_the_rollback() {
    let c = cluster();
    let failing = Traffic { error_ratio: 0.05, ..Traffic::healthy() };
    let ns = setup("canary-thr", Traffic::healthy(), failing);
    let run = c
        .osm()
        .args(shift_args(&ns, "50", &["--min-success-rate", "99", "--failure-threshold", "2", "-o", "json"]))
        .run()
        .code(6);
    let events = events(&run.stdout);
    let verdicts: Vec<&str> = decided(&events).iter().map(|e| e["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, vec!["fail", "fail"], "{}", run.stdout);
    assert_eq!(of_kind(&events, "step").len(), 1, "the weight held at the first step between the checks");
    assert_eq!(of_kind(&events, "rolledBack").len(), 1);
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
}

#[test]
fn no_traffic_holds_the_weight_until_data_comes() {
    let c = cluster();
    let ns = setup("canary-hold", Traffic::healthy(), Traffic::none());
    let args = shift_args(&ns, "50", &["--min-success-rate", "99", "--on-no-data", "hold", "-o", "json"]);
    let mut running = spawn_osm(c, &args);
    for _ in 0..2 {
        let line = running.line_with("\"check\"", Duration::from_secs(60));
        assert!(line.contains("\"verdict\":\"hold\""), "{line}");
    }
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 50), (V2, 50)]), "held at the first step");
    assert_eq!(record(c, &ns)["failures"], 0, "holding is not failing");
    prometheus().set(&ns, V2, V2, Traffic::healthy());
    assert_eq!(running.wait_exit(Duration::from_secs(90)), 0, "{}", running.stderr_text());
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
}

#[test]
fn no_traffic_with_on_no_data_fail_rolls_back() {
    let c = cluster();
    let ns = setup("canary-nodata", Traffic::healthy(), Traffic::none());
    c.osm()
        .args(shift_args(&ns, "50", &["--min-success-rate", "99", "--on-no-data", "fail"]))
        .run()
        .code(6)
        .stderr_has("no data")
        .stderr_has("served no request");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
    // Too few requests is no data too.
    let trickle = Traffic { rps: 1.0, ..Traffic::healthy() };
    prometheus().set(&ns, V2, V2, trickle);
    c.osm()
        .args(shift_args(
            &ns,
            "50",
            &["--min-success-rate", "99", "--min-requests", "1000", "--on-no-data", "fail"],
        ))
        .run()
        .code(6)
        .stderr_has("fewer than --min-requests 1000");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
}

#[test]
fn latency_and_baseline_gates_use_their_own_figures() {
    let c = cluster();
    let slow = Traffic { latency_ms: 300.0, ..Traffic::healthy() };
    let ns = setup("canary-slow", Traffic::healthy(), slow);
    c.osm()
        .args(shift_args(&ns, "50", &["--max-latency-p99", "100ms"]))
        .run()
        .code(6)
        .stderr_has("is above --max-latency-p99 100ms");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
    // Against a stable backend failing as often, 3% errors are within 1 point of it.
    let p = prometheus();
    p.set(&ns, V1, V1, Traffic { error_ratio: 0.03, ..Traffic::healthy() });
    p.set(&ns, V2, V2, Traffic { error_ratio: 0.03, ..Traffic::healthy() });
    std::thread::sleep(Duration::from_secs(4));
    c.osm().args(shift_args(&ns, "50", &["--compare-baseline", "--max-error-delta", "1"])).run().success();
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
}

#[test]
fn envoy_metrics_and_custom_queries_gate_the_shift() {
    let c = cluster();
    let ns = setup("canary-envoy", Traffic::healthy(), Traffic::healthy());
    // A mesh whose MeshConfig turns WASM stats off is read through Envoy's counters.
    let control = c.namespace("canary-envoy-osm");
    let config = MESH_CONFIG
        .replace("NAMESPACE", &control)
        .replace("  certificate:", "  featureFlags: {enableWASMStats: false}\n  certificate:");
    c.apply(&config).success();
    c.osm()
        .args(shift_args(&ns, "50", &["--min-success-rate", "99", "--osm-namespace", &control]))
        .run()
        .success()
        .stderr_has("reading Envoy's counters (--metrics envoy)");
    c.osm()
        .args(shift_args(&ns, "50", &["--max-latency-p99", "1s", "--osm-namespace", &control]))
        .run()
        .code(4)
        .stderr_has("--metrics envoy has none");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
    c.kubectl().args(["delete", "trafficsplit", "s", "-n", &ns]).run().success();
    split(c, &ns, "s", "bookstore", &[(V1, 100), (V2, 0)]);
    prometheus().set(&ns, V2, V2, Traffic { error_ratio: 0.5, ..Traffic::healthy() });
    std::thread::sleep(Duration::from_secs(4));
    let query = "sum(rate(istio_requests_total{destination_workload_namespace=\"{{ namespace }}\",\
                 destination_workload=\"{{workload}}\",response_code=\"200\"}[{{interval}}])) / \
                 sum(rate(istio_requests_total{destination_workload_namespace=\"{{namespace}}\",\
                 destination_workload=\"{{workload}}\"}[{{interval}}])) * 100";
    c.osm()
        .args(shift_args(&ns, "50", &["--min-success-rate", "90", "--query-success-rate", query]))
        .run()
        .code(6)
        .stderr_has("below --min-success-rate 90%");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
    c.osm()
        .args(shift_args(&ns, "50", &["--max-latency-p99", "1s", "--metrics", "envoy"]))
        .run()
        .code(4)
        .stderr_has("--query-latency");
    // Envoy's counters for the success rate, a latency query of one's own for the p99.
    prometheus().set(&ns, V2, V2, Traffic { latency_ms: 300.0, ..Traffic::healthy() });
    std::thread::sleep(Duration::from_secs(4));
    let latency = "histogram_quantile(0.99, sum(rate(osm_request_duration_ms_bucket{\
                   destination_namespace=\"{{namespace}}\",destination_name=\"{{workload}}\"}[{{interval}}])) by (le))";
    c.osm()
        .args(shift_args(
            &ns,
            "50",
            &[
                "--metrics",
                "envoy",
                "--min-success-rate",
                "99",
                "--max-latency-p99",
                "100ms",
                "--query-latency",
                latency,
            ],
        ))
        .run()
        .code(6)
        .stderr_has("is above --max-latency-p99 100ms");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
}

#[test]
fn a_prometheus_that_is_down_is_a_clear_error_and_nothing_changes() {
    let c = cluster();
    let ns = setup("canary-down", Traffic::healthy(), Traffic::healthy());
    let before = resource_version(c, &ns);
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{closed}");
    c.osm()
        .args([
            "traffic",
            "shift",
            "s",
            "-n",
            &ns,
            "--to",
            V2,
            "--interval",
            "1s",
            "--min-success-rate",
            "99",
        ])
        .args(["--prometheus", &url])
        .run()
        .code(3)
        .stderr_has(&format!("cannot reach Prometheus at {url}"));
    assert_eq!(resource_version(c, &ns), before, "nothing was written");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
}

#[test]
fn bad_promql_is_refused_before_the_first_weight_change() {
    let c = cluster();
    let ns = setup("canary-promql", Traffic::healthy(), Traffic::healthy());
    let before = resource_version(c, &ns);
    let unbalanced = "sum(rate(osm_request_total{destination_name=\"{{workload}}\"}[{{interval}}])";
    c.osm()
        .args(shift_args(&ns, "25", &["--min-success-rate", "99", "--query-success-rate", unbalanced]))
        .run()
        .code(4)
        .stderr_has("Prometheus refused --query-success-rate (bad_data)");
    c.osm()
        .args(shift_args(
            &ns,
            "25",
            &["--min-success-rate", "99", "--query-success-rate", "up{job=\"{{job}}\"}"],
        ))
        .run()
        .code(4)
        .stderr_has("unknown placeholder {{job}}");
    assert_eq!(resource_version(c, &ns), before, "nothing was written");
    assert_eq!(record(c, &ns), Value::Null);
}

#[test]
fn bad_input_exits_4_before_touching_anything() {
    let shift = |extra: &[&str]| {
        let mut args = vec!["traffic", "shift", "s", "-n", "ns", "--to", V2];
        args.extend_from_slice(extra);
        osm_offline().args(args).run()
    };
    // The messages are in tests/it/snapshots/it__snapshots__bad_canary_gates.snap.
    shift(&["--min-success-rate", "101"]).code(4);
    shift(&["--min-success-rate", "-1"]).code(4);
    shift(&["--max-error-delta", "200", "--compare-baseline"]).code(4);
    shift(&["--step", "0"]).code(4);
    shift(&["--failure-threshold", "0", "--min-success-rate", "99"]).code(4);
    shift(&["--max-latency-p99", "0s"]).code(4);
    let run = shift(&["--min-success-rate", "99", "--prometheus", "ftp://admin:s3cret@prom:21"]).code(4);
    assert!(!run.stderr.contains("s3cret"), "credentials printed:\n{}", run.stderr);
    shift(&["--min-success-rate", "99", "--prometheus", "prom:9090"]).code(4);
    shift(&["--min-requests", "10"]).code(4);
}

#[test]
fn a_killed_shift_leaves_its_record_and_resume_continues() {
    let c = cluster();
    let ns = setup("canary-kill", Traffic::healthy(), Traffic::healthy());
    let args = shift_args(&ns, "25", &["--min-success-rate", "99", "-o", "json"]);
    let mut running = spawn_osm(c, &args);
    running.line_with("\"step\"", Duration::from_secs(60));
    running.kill_hard();
    let state = record(c, &ns);
    assert_eq!(state["phase"], "progressing", "{state}");
    let done = state["stepsDone"].as_u64().unwrap();
    assert!(done >= 1, "{state}");
    let status = c.osm().args(["traffic", "shift", "status", "s", "-n", &ns]).run().success();
    assert!(status.stdout.contains(&format!("step:     {done}/4")), "{}", status.stdout);
    assert!(status.stdout.contains("progressing"), "{}", status.stdout);
    let json =
        c.osm().args(["traffic", "shift", "status", "s", "-n", &ns, "-o", "json"]).run().success().json();
    assert_eq!(json["stepsDone"], done);
    assert_eq!(json["to"], V2);
    let run = c.osm().args(["traffic", "shift", "resume", "s", "-n", &ns, "-o", "json"]).run().success();
    let events = events(&run.stdout);
    assert_eq!(of_kind(&events, "resumed").len(), 1);
    assert!(decided(&events).iter().all(|e| e["verdict"] == "pass"), "{}", run.stdout);
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
    assert_eq!(record(c, &ns)["stepsDone"], 4, "the steps of both runs count once each");
    c.osm()
        .args(["traffic", "shift", "resume", "s", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("is over: promoted");
}

#[test]
fn max_weight_waits_for_promote_and_abort_restores_the_stable_backend() {
    let c = cluster();
    let ns = setup("canary-wait", Traffic::healthy(), Traffic::healthy());
    c.osm()
        .args(shift_args(&ns, "25", &["--min-success-rate", "99", "--max-weight", "50"]))
        .run()
        .success()
        .stdout_has(&format!("{V1} 50%, {V2} 50%"))
        .stderr_has("osm traffic shift promote s");
    c.osm()
        .args(["traffic", "shift", "status", "s", "-n", &ns])
        .run()
        .success()
        .stdout_has("waiting for promotion");
    c.osm().args(["traffic", "shift", "resume", "s", "-n", &ns]).run().code(4).stderr_has("waiting at 50%");
    c.osm()
        .args(["traffic", "shift", "abort", "s", "-n", &ns])
        .run()
        .success()
        .stdout_has(&format!("{V1} has all the traffic"));
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
    c.osm().args(["traffic", "shift", "status", "s", "-n", &ns]).run().success().stdout_has("aborted");
    c.osm().args(["traffic", "shift", "abort", "s", "-n", &ns]).run().code(4).stderr_has("is over: aborted");

    c.osm().args(shift_args(&ns, "50", &["--min-success-rate", "99", "--max-weight", "50"])).run().success();
    c.osm().args(["traffic", "shift", "promote", "s", "-n", &ns]).run().success().stdout_has("promoted");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
    assert_eq!(record(c, &ns)["phase"], "promoted");
}

#[test]
fn ctrl_c_pauses_and_says_how_to_resume_or_abort() {
    let c = cluster();
    let ns = setup("canary-int", Traffic::healthy(), Traffic::healthy());
    let mut args = shift_args(&ns, "25", &["--min-success-rate", "99", "-o", "json"]);
    let at = args.iter().position(|a| a == INTERVAL).unwrap();
    args[at] = "60s".into();
    let mut running = spawn_osm(c, &args);
    running.line_with("\"step\"", Duration::from_secs(60));
    assert_eq!(running.interrupt(), 1, "{}", running.stderr_text());
    let stderr = running.stderr_text();
    assert!(stderr.contains("osm traffic shift resume s -n"), "{stderr}");
    assert!(stderr.contains("osm traffic shift abort s -n"), "{stderr}");
    assert_eq!(record(c, &ns)["phase"], "paused");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 75), (V2, 25)]));

    let mut args =
        shift_args(&ns, "25", &["--min-success-rate", "99", "--rollback-on-interrupt", "-o", "json"]);
    let at = args.iter().position(|a| a == INTERVAL).unwrap();
    args[at] = "60s".into();
    let mut running = spawn_osm(c, &args);
    running.line_with("\"step\"", Duration::from_secs(60));
    assert_eq!(running.interrupt(), 6, "{}", running.stderr_text());
    assert!(running.stderr_text().contains("replacing the shift recorded"), "{}", running.stderr_text());
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 100), (V2, 0)]));
    assert_eq!(record(c, &ns)["phase"], "rolledBack");
}

#[test]
fn without_prometheus_the_mesh_prometheus_is_reached_through_a_port_forward() {
    let c = cluster();
    let ns = setup("canary-pf", Traffic::healthy(), Traffic::healthy());
    let control = c.namespace("canary-pf-osm");
    // The chart's osm-prometheus Service (port 7070) and its pod, led to the test Prometheus.
    c.apply(&format!(
        r#"
apiVersion: v1
kind: Service
metadata: {{name: osm-prometheus, namespace: {control}}}
spec:
  selector: {{app: osm-prometheus}}
  ports: [{{port: 7070, targetPort: 7070}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {{name: osm-prometheus, namespace: {control}}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: osm-prometheus}}}}
  template:
    metadata:
      labels: {{app: osm-prometheus}}
      annotations: {{"{FORWARD_ANNOTATION_PREFIX}7070": "127.0.0.1:{port}"}}
    spec:
      containers: [{{name: prometheus, image: "prom/prometheus:test", ports: [{{containerPort: 7070}}]}}]
"#,
        port = prometheus().port
    ))
    .success();
    c.wait_until("osm-prometheus ready", Duration::from_secs(60), || {
        c.kubectl()
            .args([
                "get",
                "deploy",
                "osm-prometheus",
                "-n",
                &control,
                "-o",
                "jsonpath={.status.readyReplicas}",
            ])
            .run()
            .stdout
            == "1"
    });
    c.osm()
        .args(["traffic", "shift", "s", "-n", &ns, "--to", V2, "--step", "50", "--interval", INTERVAL])
        .args(["--min-success-rate", "99", "--osm-namespace", &control])
        .run()
        .success()
        .stderr_has("port-forward to pod osm-prometheus-");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
}

/// bookinfo's reviews: Service `reviews` (app=reviews), Services reviews-v1/v2 (one version
/// each), Deployments reviews-v1/v2 (labels app=reviews, version=vN), and their traffic.
fn reviews(c: &TestCluster, ns: &str, v1: Traffic, v2: Traffic) {
    for (name, selector) in [
        ("reviews", "{app: reviews}"),
        ("reviews-v1", "{app: reviews, version: v1}"),
        ("reviews-v2", "{app: reviews, version: v2}"),
    ] {
        c.apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: {name}, namespace: {ns}}}\n\
             spec: {{selector: {selector}, ports: [{{name: http, port: 9080}}]}}\n"
        ))
        .success();
    }
    for version in ["v1", "v2"] {
        c.apply(&format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: reviews-{version}, namespace: {ns}}}\n\
             spec:\n  replicas: 1\n  selector: {{matchLabels: {{app: reviews, version: {version}}}}}\n  template:\n    \
             metadata: {{labels: {{app: reviews, version: {version}}}}}\n    spec:\n      \
             containers: [{{name: reviews, image: \"reviews-{version}:test\"}}]\n"
        ))
        .success();
        c.wait_until(&format!("a pod of reviews-{version}"), Duration::from_secs(60), || {
            !c.kubectl_words(&["get", "pods", "-n", ns, "-l", &format!("version={version}"), "-o", "name"])
                .is_empty()
        });
    }
    let p = prometheus();
    p.set(ns, "reviews-v1", "reviews", v1);
    p.set(ns, "reviews-v2", "reviews", v2);
    p.wait_for_series(ns, "reviews-v1", Duration::from_secs(3));
    p.wait_for_series(ns, "reviews-v2", Duration::from_secs(3));
}

fn gated(name: &str, ns: &str, to: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "traffic",
        "shift",
        name,
        "-n",
        ns,
        "--to",
        to,
        "--step",
        "50",
        "--interval",
        INTERVAL,
        "--min-success-rate",
        "99",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(["--prometheus".to_string(), prometheus().url.clone(), "-o".into(), "json".into()]);
    args
}

#[test]
fn an_istio_subset_is_measured_by_istio_metrics_of_its_workload() {
    let c = cluster();
    istio_crds(c);
    let ns = c.namespace("canary-istio");
    for file in ["destination-rule-all.yaml", "virtual-service-all-v1.yaml"] {
        c.kubectl()
            .args(["apply", "-n", &ns, "-f"])
            .arg(repo_root().join("testdata/istio").join(file))
            .run()
            .success();
    }
    reviews(c, &ns, Traffic::healthy(), Traffic::healthy());
    let run = c.osm().args(gated("reviews", &ns, "v2")).run().success();
    let events = events(&run.stdout);
    let checks = decided(&events);
    assert_eq!(checks.len(), 1, "{}", run.stdout);
    assert_eq!(checks[0]["backends"][0]["workload"], "reviews-v2", "subset v2 = the pods with version=v2");
    assert_eq!(checks[0]["backends"][1]["workload"], "reviews-v1");
    let vs = c
        .kubectl()
        .args(["get", "virtualservice", "reviews", "-n", &ns, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(
        vs["spec"]["http"][0]["route"],
        serde_json::json!([{"destination": {"host": "reviews", "subset": "v2"}}])
    );

    // Back to v1, and a v2 failing one request in twenty is rolled back.
    c.osm().args(["traffic", "route", "reviews", "-n", &ns, "--to", "v1"]).run().success();
    prometheus().set(&ns, "reviews-v2", "reviews", Traffic { error_ratio: 0.05, ..Traffic::healthy() });
    std::thread::sleep(Duration::from_secs(4));
    c.osm().args(gated("reviews", &ns, "v2")).run().code(6);
    let vs = c
        .kubectl()
        .args(["get", "virtualservice", "reviews", "-n", &ns, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(
        vs["spec"]["http"][0]["route"],
        serde_json::json!([{"destination": {"host": "reviews", "subset": "v1"}}])
    );
}

#[test]
fn an_http_route_backend_is_measured_through_its_service() {
    let c = cluster();
    gateway_crds(c);
    let ns = c.namespace("canary-gw");
    reviews(c, &ns, Traffic::healthy(), Traffic { error_ratio: 0.05, ..Traffic::healthy() });
    c.apply(&format!(
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {{name: reviews-route, namespace: {ns}}}\n\
         spec:\n  parentRefs: [{{group: \"\", kind: Service, name: reviews, port: 9080}}]\n  \
         rules: [{{backendRefs: [{{name: reviews-v1, port: 9080}}]}}]\n"
    ))
    .success();
    let run = c.osm().args(gated("reviews-route", &ns, "reviews-v2")).run().code(6);
    let events = events(&run.stdout);
    assert_eq!(of_kind(&events, "check")[0]["backends"][0]["workload"], "reviews-v2", "{}", run.stdout);
    let route = c
        .kubectl()
        .args(["get", "httproute", "reviews-route", "-n", &ns, "-o", "json"])
        .run()
        .success()
        .json();
    let refs: Vec<&str> = route["spec"]["rules"][0]["backendRefs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(refs, vec!["reviews-v1"], "rolled back to the stable Service alone");
}

#[test]
fn on_a_terminal_the_checks_print_above_a_progress_bar() {
    let c = cluster();
    let ns = setup("canary-tty", Traffic::healthy(), Traffic::healthy());
    // `script` (util-linux) runs the command on a pseudo-terminal.
    let command = format!(
        "{} traffic shift s -n {ns} --to {V2} --step 50 --interval {INTERVAL} --min-success-rate 99 --prometheus {}",
        osm_bin().display(),
        prometheus().url
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("KUBECONFIG", &c.kubeconfig)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("[==============================] 2/2"),
        "no progress bar on the terminal:\n{text}"
    );
    assert!(text.contains(&format!("check at step 1 ({V2} 50%):")), "{text}");
    assert!(text.contains("success 100.00%"), "{text}");
    assert!(!text.contains("\x1b[31m") && !text.contains("\x1b[32m"), "NO_COLOR is respected:\n{text}");
    assert_eq!(weights(c, &ns, "s"), pairs(&[(V1, 0), (V2, 100)]));
}
