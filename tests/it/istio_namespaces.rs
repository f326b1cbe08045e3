//! Istio beside OSM: `osm namespace add|remove|list --mesh istio` write and read Istio's own
//! injection labels, and `osm mesh list` finds istiod (by `app=istiod`, revision `istio.io/rev`),
//! Linkerd and osm-edge control planes. Labels are read back with kubectl.

use crate::common::*;
use serde_json::Value;

fn labels(c: &TestCluster, ns: &str) -> Value {
    c.kubectl().args(["get", "namespace", ns, "-o", "json"]).run().success().json()["metadata"]["labels"]
        .clone()
}

#[test]
fn namespaces_join_and_leave_istio_by_its_labels() {
    let c = cluster();
    let plain = c.namespace("istio-plain");
    let canary = c.namespace("istio-canary");
    c.osm()
        .args(["namespace", "add", &plain, "--mesh", "istio"])
        .run()
        .success()
        .stdout_has(&format!("Namespace [{plain}] sidecar injection by Istio enabled"));
    assert_eq!(labels(c, &plain)["istio-injection"], "enabled");
    c.osm().args(["namespace", "add", &plain, "--mesh", "istio"]).run().success().stdout_has("(already)");

    // A revision replaces istio-injection, which would otherwise win over istio.io/rev.
    c.kubectl().args(["label", "namespace", &canary, "istio-injection=enabled"]).run().success();
    c.osm().args(["namespace", "add", &canary, "--mesh", "istio", "--revision", "canary"]).run().success();
    let l = labels(c, &canary);
    assert_eq!(l["istio.io/rev"], "canary");
    assert!(l.get("istio-injection").is_none(), "{l}");

    let list = c.osm().args(["namespace", "list", "istio", "-o", "json"]).run().success().json();
    let row = |ns: &str| list.as_array().unwrap().iter().find(|r| r["namespace"] == ns).cloned();
    assert_eq!(row(&plain).expect("listed")["sidecarInjection"], "enabled");
    assert_eq!(row(&canary).expect("listed")["sidecarInjection"], "enabled (revision canary)");
    assert!(list.as_array().unwrap().iter().all(|r| r["mesh"] == "istio"), "{list}");
    let all = c.osm().args(["namespace", "list"]).run().success();
    assert!(all.stdout.contains(&plain) && all.stdout.contains("istio"), "{}", all.stdout);

    c.osm().args(["namespace", "remove", &plain, &canary, "--mesh", "istio"]).run().success();
    for ns in [&plain, &canary] {
        let l = labels(c, ns);
        assert!(l.get("istio-injection").is_none() && l.get("istio.io/rev").is_none(), "{ns}: {l}");
    }
    c.osm()
        .args(["namespace", "add", &plain, "--revision", "canary"])
        .run()
        .code(2)
        .stderr_has("--mesh istio");
    c.osm().args(["namespace", "add", &plain, "--mesh", "istio", "--revision", "-bad-"]).run().code(2);
}

#[test]
fn mesh_list_finds_istiod_revisions_and_linkerd() {
    let c = cluster();
    let istio = c.namespace("istio-system");
    let linkerd = c.namespace("linkerd");
    let deployment = |ns: &str, name: &str, labels: &str, image: &str| {
        c.apply(&format!(
            r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
  labels: {labels}
spec:
  replicas: 0
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata: {{labels: {{app: {name}}}}}
    spec: {{containers: [{{name: main, image: "{image}"}}]}}
"#
        ))
        .success();
    };
    deployment(&istio, "istiod", "{app: istiod}", "docker.io/istio/pilot:1.24.0");
    deployment(
        &istio,
        "istiod-canary",
        "{app: istiod, istio.io/rev: canary}",
        "docker.io/istio/pilot:1.25.1",
    );
    deployment(
        &linkerd,
        "linkerd-destination",
        "{linkerd.io/control-plane-component: destination, app.kubernetes.io/version: edge-25.1.1}",
        "cr.l5d.io/linkerd/controller:edge-25.1.1",
    );
    // osm-edge, OSM's fork: OSM's labels on its own images.
    let edge_ns = c.namespace("edge-system");
    let edge = unique_name("edge");
    deployment(
        &edge_ns,
        "osm-controller",
        &format!("{{app: osm-controller, meshName: {edge}, app.kubernetes.io/instance: {edge}}}"),
        "flomesh/osm-edge-controller:v1.3.0",
    );
    let list = c.osm().args(["mesh", "list", "-o", "json"]).run().success().json();
    let find = |kind: &str, name: &str, ns: &str| {
        list["meshes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["kind"] == kind && r["name"] == name && r["namespace"] == ns)
            .cloned()
            .unwrap_or_else(|| panic!("no {kind} {name} in {ns}: {list}"))
    };
    assert_eq!(find("istio", "default", &istio)["version"], "1.24.0");
    assert_eq!(find("istio", "canary", &istio)["version"], "1.25.1");
    assert_eq!(find("linkerd", "linkerd", &linkerd)["version"], "edge-25.1.1");
    assert_eq!(find("osm-edge", &edge, &edge_ns)["version"], "v1.3.0");
    let table = c.osm().args(["mesh", "list"]).run().success();
    assert!(table.stdout.contains("istio") && table.stdout.contains("linkerd"), "{}", table.stdout);
}
