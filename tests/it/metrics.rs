//! `osm metrics enable|disable` against the real local control plane, read back with kubectl.

use std::time::Duration;

use crate::common::*;
use serde_json::Value;

const METRICS: &str = "openservicemesh.io/metrics";
const SCRAPE: [(&str, &str); 3] = [
    ("prometheus.io/scrape", "true"),
    ("prometheus.io/port", "15010"),
    ("prometheus.io/path", "/stats/prometheus"),
];

fn create_mesh(c: &TestCluster, mesh: &str, namespace: &str) {
    c.apply(&format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: osm-controller-{mesh}
  namespace: {namespace}
  labels: {{app: osm-controller, meshName: {mesh}}}
spec:
  replicas: 0
  selector: {{matchLabels: {{app: osm-controller, meshName: {mesh}}}}}
  template:
    metadata: {{labels: {{app: osm-controller, meshName: {mesh}}}}}
    spec: {{containers: [{{name: osm-controller, image: openservicemesh/osm-controller:v1.2.0}}]}}
"#
    ))
    .success();
}

/// A namespace in `mesh` with `meshed` pods carrying a sidecar and one pod without.
fn meshed_namespace(c: &TestCluster, name: Option<&str>, mesh: &str, meshed: u32) -> String {
    let ns = match name {
        Some(name) => c.fixed_namespace(name),
        None => c.namespace("metrics"),
    };
    c.osm().args(["namespace", "add", &ns, "--mesh-name", mesh]).run().success();
    c.apply(&format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata: {{name: app, namespace: {ns}}}
spec:
  replicas: {meshed}
  selector: {{matchLabels: {{app: app}}}}
  template:
    metadata: {{labels: {{app: app, osm-proxy-uuid: 0f3c1a52}}}}
    spec: {{containers: [{{name: app, image: openservicemesh/bookstore:v1.2.0}}]}}
---
apiVersion: v1
kind: Pod
metadata: {{name: outside, namespace: {ns}, labels: {{app: outside}}}}
spec: {{containers: [{{name: app, image: busybox}}]}}
"#
    ))
    .success();
    let expected = meshed as usize + 1;
    c.wait_until("pods running", Duration::from_secs(60), || pods(c, &ns).len() == expected);
    ns
}

/// Running pods of the namespace.
fn pods(c: &TestCluster, ns: &str) -> Vec<Value> {
    let run = c
        .kubectl()
        .args(["get", "pods", "-n", ns, "--field-selector=status.phase=Running", "-o", "json"])
        .run()
        .success();
    run.json()["items"].as_array().unwrap().clone()
}

fn namespace_annotation(c: &TestCluster, ns: &str, key: &str) -> Option<String> {
    let json = c.kubectl().args(["get", "namespace", ns, "-o", "json"]).run().success().json();
    json["metadata"]["annotations"][key].as_str().map(str::to_string)
}

fn is_meshed(pod: &Value) -> bool {
    pod["metadata"]["labels"]["osm-proxy-uuid"].is_string()
}

fn scrape_annotations(pod: &Value) -> Vec<Option<String>> {
    SCRAPE.iter().map(|(key, _)| pod["metadata"]["annotations"][key].as_str().map(str::to_string)).collect()
}

fn uids(pods: &[Value]) -> Vec<String> {
    let mut uids: Vec<String> =
        pods.iter().map(|p| p["metadata"]["uid"].as_str().unwrap().to_string()).collect();
    uids.sort();
    uids
}

#[test]
fn go_cli_enable_annotates_the_namespace_and_its_meshed_pods_without_restarting_them() {
    // Cluster-wide and shared: mesh `osm` in kube-public and namespace `bookstore`.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    create_mesh(c, "osm", "kube-public");
    let ns = meshed_namespace(c, Some("bookstore"), "osm", 2);
    let before = uids(&pods(c, &ns));

    let enabled = c.osm().args(["metrics", "enable", "--namespace", "bookstore"]).run().success();
    // The Go CLI's whole line on stdout; the pod count goes to stderr.
    assert_eq!(enabled.stdout.trim_end(), "Metrics successfully enabled in namespace [bookstore]");
    assert!(
        enabled.stderr.contains("2 meshed pods in namespace [bookstore] annotated for scraping"),
        "{}",
        enabled.stderr
    );
    assert_eq!(namespace_annotation(c, &ns, METRICS).as_deref(), Some("enabled"));
    let after = pods(c, &ns);
    assert_eq!(uids(&after), before, "pods must not be restarted");
    let wanted: Vec<Option<String>> = SCRAPE.iter().map(|(_, v)| Some(v.to_string())).collect();
    for pod in &after {
        let expected = if is_meshed(pod) { wanted.clone() } else { vec![None, None, None] };
        assert_eq!(scrape_annotations(pod), expected, "{}", pod["metadata"]["name"]);
    }

    // Idempotent: a second run writes nothing.
    let versions = |pods: &[Value]| -> Vec<String> {
        pods.iter().map(|p| p["metadata"]["resourceVersion"].as_str().unwrap().to_string()).collect()
    };
    let snapshot = versions(&after);
    c.osm()
        .args(["metrics", "enable", "--namespace", "bookstore"])
        .run()
        .success()
        .stdout_has("Metrics already enabled in namespace [bookstore]");
    assert_eq!(versions(&pods(c, &ns)), snapshot);

    c.osm()
        .args(["metrics", "disable", "--namespace", "bookstore"])
        .run()
        .success()
        .stdout_has("Metrics successfully disabled in namespace [bookstore]");
    assert_eq!(namespace_annotation(c, &ns, METRICS), None);
    for pod in pods(c, &ns) {
        assert_eq!(scrape_annotations(&pod), vec![None, None, None]);
    }
    c.osm()
        .args(["metrics", "disable", "--namespace", "bookstore"])
        .run()
        .success()
        .stdout_has("Metrics already disabled in namespace [bookstore]");
}

#[test]
fn namespaces_can_be_given_comma_separated_repeated_or_positional() {
    let c = cluster();
    let mesh = unique_name("mesh");
    create_mesh(c, &mesh, &c.namespace("cp"));
    let names: Vec<String> = (0..4).map(|_| meshed_namespace(c, None, &mesh, 1)).collect();
    let comma = format!("{},{}", names[0], names[1]);
    c.osm()
        .args(["metrics", "enable", "--namespace", &comma, "--namespace", &names[2], &names[3]])
        .run()
        .success();
    for ns in &names {
        assert_eq!(namespace_annotation(c, ns, METRICS).as_deref(), Some("enabled"), "{ns}");
    }
    c.osm().args(["metrics", "disable", "-n", &comma]).run().success();
    assert_eq!(namespace_annotation(c, &names[0], METRICS), None);
    assert_eq!(namespace_annotation(c, &names[1], METRICS), None);
    assert_eq!(namespace_annotation(c, &names[2], METRICS).as_deref(), Some("enabled"));
}

#[test]
fn a_namespace_outside_any_mesh_is_refused_and_nothing_changes() {
    let c = cluster();
    let mesh = unique_name("mesh");
    create_mesh(c, &mesh, &c.namespace("cp"));
    let inside = meshed_namespace(c, None, &mesh, 1);
    let outside = c.namespace("outside");
    c.osm()
        .args(["metrics", "enable", "--namespace", &format!("{inside},{outside}")])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [{outside}] is not in a mesh"))
        .stderr_has(&format!("osm namespace add {outside}"));
    assert_eq!(namespace_annotation(c, &inside, METRICS), None);
    for pod in pods(c, &inside) {
        assert_eq!(scrape_annotations(&pod), vec![None, None, None]);
    }
}

#[test]
fn bad_missing_or_no_names_are_refused() {
    let c = cluster();
    let mesh = unique_name("mesh");
    create_mesh(c, &mesh, &c.namespace("cp"));
    let inside = meshed_namespace(c, None, &mesh, 1);
    c.osm()
        .args(["metrics", "enable", "--namespace", &format!("{inside},Not_Valid")])
        .run()
        .code(4)
        .stderr_has("[Not_Valid]");
    let missing = unique_name("missing");
    c.osm()
        .args(["metrics", "enable", &inside, &missing])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [{missing}] does not exist"));
    assert_eq!(namespace_annotation(c, &inside, METRICS), None);
    c.osm().args(["metrics", "enable"]).run().code(2).stderr_has("--namespace");
}
