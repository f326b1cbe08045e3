//! osm against an API server that drops connections and sheds load: through a proxy that resets
//! connections and requests (before and after the server acted on them) and answers 503 and
//! 429, `osm install`, `osm namespace add` of 50 namespaces and `osm port-forward` still
//! succeed. The proxy counts what it broke, so each command is shown to have met faults, and
//! the result is read back with kubectl straight from the API server.

use std::process::Command;

use crate::common::fault_proxy::{FaultPlan, FaultProxy, Injected};
use crate::common::loopback::{FORWARD_ANNOTATION_PREFIX, Running, echo_server, round_trip};
use crate::common::{InstalledMesh, cluster, osm_bin};

const NAMESPACES: usize = 50;

fn report(command: &str, injected: &Injected) {
    eprintln!("[fault] {command}: {} faults injected: {injected:?}", injected.total());
}

#[test]
fn install_namespace_add_and_port_forward_ride_out_resets_503s_and_429s() {
    let c = cluster();
    // scripts/dev-cluster.sh keeps the certificates beside the kubeconfig, also for a cluster
    // reused through OSM_TEST_KUBECONFIG.
    let pki = c.kubeconfig.parent().expect("kubeconfig directory").join("pki");
    assert!(
        pki.join("apiserver.key").exists(),
        "the fault proxy serves with the API server's own key, and {} does not hold it: the cluster \
         was not started by scripts/dev-cluster.sh.\n\
         Unset OSM_TEST_KUBECONFIG (the tests then start their own), or point it at the kubeconfig \
         of `./scripts/dev-cluster.sh up`, which keeps its pki/ beside it.",
        pki.display()
    );
    let proxy = FaultProxy::start(&c.server(), &pki, FaultPlan::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let through_proxy = proxy.kubeconfig(&c.kubeconfig, &c.server(), dir.path());
    let osm = || c.osm().env("KUBECONFIG", &through_proxy);

    // Faults stay on from here: every osm command below goes through them.
    proxy.faults_on();

    // osm install, waiting for the control plane.
    let m = InstalledMesh::named("fault");
    let before = proxy.injected();
    // The shared cluster holds other tests' meshes (see InstalledMesh::install).
    osm()
        .args([
            "install",
            "--mesh-name",
            &m.mesh,
            "--osm-namespace",
            &m.namespace,
            "--enforce-single-mesh=false",
        ])
        .run()
        .success();
    let install = proxy.injected().since(&before);
    report("osm install", &install);
    assert!(install.total() > 0, "the install met no fault: {install:?}");
    let deployments = c.kubectl_words(&[
        "get",
        "deployments",
        "-n",
        &m.namespace,
        "-o",
        "jsonpath={range .items[*]}{.metadata.name}={.status.availableReplicas}/{.spec.replicas}{\"\\n\"}{end}",
    ]);
    assert!(deployments.iter().any(|d| d.starts_with("osm-controller=")), "{deployments:?}");
    for d in &deployments {
        let (name, counts) = d.split_once('=').expect("name=available/desired");
        let (available, desired) = counts.split_once('/').expect("available/desired");
        assert_eq!(available, desired, "{name} is not fully available after the install: {deployments:?}");
    }
    let mesh_config = c
        .kubectl()
        .args(["get", "meshconfig", "osm-mesh-config", "-n", &m.namespace, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(mesh_config["metadata"]["name"], "osm-mesh-config");
    assert_eq!(m.record_states(), ["1=deployed"], "the release record says the install completed");

    // osm namespace add of 50 namespaces at once.
    let names: Vec<String> = (0..NAMESPACES).map(|_| c.namespace("fault-add")).collect();
    let before = proxy.injected();
    let added = osm().args(["namespace", "add"]).args(&names).args(["--mesh-name", &m.mesh]).run().success();
    let add = proxy.injected().since(&before);
    report(&format!("osm namespace add ({NAMESPACES} namespaces)"), &add);
    assert!(add.total() > 0, "the namespace add met no fault: {add:?}");
    let labelled: Vec<String> = c.kubectl_words(&[
        "get",
        "namespaces",
        "-l",
        &format!("openservicemesh.io/monitored-by={}", m.mesh),
        "-o",
        "jsonpath={range .items[*]}{.metadata.name}:{.metadata.annotations.openservicemesh\\.io/sidecar-injection}{\"\\n\"}{end}",
    ]);
    for name in &names {
        assert!(
            labelled.contains(&format!("{name}:enabled")),
            "{name} is not in mesh {} with injection enabled:\n{labelled:?}\n{}",
            m.mesh,
            added.stdout
        );
    }

    // osm port-forward to a Deployment, with a few connections through it.
    let ns = &names[0];
    let backend = echo_server();
    c.apply(&format!(
        r#"
apiVersion: apps/v1
kind: Deployment
metadata: {{name: echo, namespace: {ns}}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: echo}}}}
  template:
    metadata:
      labels: {{app: echo}}
      annotations: {{"{FORWARD_ANNOTATION_PREFIX}8080": "127.0.0.1:{backend}"}}
    spec:
      containers: [{{name: app, image: echo, ports: [{{containerPort: 8080}}]}}]
"#
    ))
    .success();
    c.kubectl().args(["rollout", "status", "deployment/echo", "-n", ns, "--timeout=120s"]).run().success();
    let before = proxy.injected();
    let mut command = Command::new(osm_bin());
    command.env("KUBECONFIG", &through_proxy).env_remove("OSM_NAMESPACE");
    command.args(["port-forward", "deploy/echo", ":8080", "-n", ns]);
    let mut forward = Running::spawn(command);
    let (local, _) = forward.forwarded_ports(1).remove(0);
    for i in 0..8u32 {
        let payload: Vec<u8> = (0..50_000u32).map(|j| (j * 7 + i) as u8).collect();
        assert_eq!(round_trip(local, &payload), payload, "connection {i}:\n{}", forward.stderr_text());
    }
    let port_forward = proxy.injected().since(&before);
    report("osm port-forward", &port_forward);
    assert_eq!(forward.interrupt(), 0, "Ctrl-C ends the forward cleanly:\n{}", forward.stderr_text());
    assert!(port_forward.total() > 0, "the port-forward met no fault: {port_forward:?}");
    // The forward reached the pod through the API server: the pod exists and is the one asked for.
    assert_eq!(
        c.kubectl_words(&["get", "pods", "-n", ns, "-l", "app=echo", "-o", "name"]).len(),
        1,
        "one echo pod"
    );

    proxy.faults_off();
    let all = proxy.injected();
    report("in all", &all);
    // Every kind of fault was met somewhere.
    assert!(all.connection_resets > 0, "{all:?}");
    assert!(all.resets_before > 0, "{all:?}");
    assert!(all.resets_after > 0, "{all:?}");
    assert!(all.unavailable > 0, "{all:?}");
    assert!(all.too_many > 0, "{all:?}");
    eprintln!("[fault] {} requests reached the API server through the proxy", proxy.forwarded());
}
