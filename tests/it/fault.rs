//! osm against an API server that drops connections and sheds load: through a proxy that resets
//! connections and requests (before and after the server acted on them) and answers 503 and
//! 429, `osm install`, `osm namespace add` of 50 namespaces and `osm port-forward` still
//! succeed. The proxy counts what it broke, so each command is shown to have met faults, and
//! the result is read back with kubectl straight from the API server.

use std::process::Command;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::common::fault_proxy::{FaultPlan, FaultProxy, Injected, LATENCIES};
use crate::common::loopback::{FORWARD_ANNOTATION_PREFIX, Running, echo_server, round_trip};
use crate::common::{InstalledMesh, cluster, osm_bin};

const NAMESPACES: usize = 50;

/// Each test installs a mesh that enforces a single mesh: they take turns.
static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

fn report(command: &str, injected: &Injected) {
    eprintln!("[fault] {command}: {} faults injected: {injected:?}", injected.total());
}

#[test]
fn install_namespace_add_and_port_forward_ride_out_resets_503s_and_429s() {
    let _turn = turn();
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

/// An API server under load answers late: through the proxy's latency mode every request waits
/// 1 to 5 s. osm keeps waiting, as kubectl does (client-go sets no overall timeout; only the
/// connection has 30 s to open), and `osm install`, `osm namespace add` and `osm uninstall mesh`
/// complete; what they did is read back with kubectl straight from the API server. With a
/// `--request-timeout` shorter than the delay, the run ends with that reason, exit 5.
#[test]
fn install_namespace_add_and_uninstall_wait_out_a_slow_api_server() {
    let _turn = turn();
    let c = cluster();
    let pki = c.kubeconfig.parent().expect("kubeconfig directory").join("pki");
    assert!(
        pki.join("apiserver.key").exists(),
        "{} is missing: the latency test needs a scripts/dev-cluster.sh cluster (its serving key)",
        pki.display()
    );
    let proxy = FaultProxy::start_slow(&c.server(), &pki);
    let dir = tempfile::tempdir().expect("temp dir");
    let through_proxy = proxy.kubeconfig(&c.kubeconfig, &c.server(), dir.path());
    let osm = || c.osm().env("KUBECONFIG", &through_proxy);
    proxy.faults_on();
    let timed = |command: &str, run: &dyn Fn() -> crate::common::Run| {
        let (before, started) = (proxy.delayed(), Instant::now());
        let result = run();
        let (n, total) = proxy.delayed();
        eprintln!(
            "[slow] {command}: {} requests delayed by {:?} in all, {:?} wall time",
            n - before.0,
            total - before.1,
            started.elapsed()
        );
        assert!(n > before.0, "{command} sent no request through the slow proxy");
        result
    };

    let m = InstalledMesh::named("slow");
    timed("osm install", &|| {
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
            .success()
    });
    assert_eq!(m.record_states(), ["1=deployed"], "the release record says the install completed");
    let available = c.kubectl_words(&[
        "get",
        "deployment",
        "osm-controller",
        "-n",
        &m.namespace,
        "-o",
        "jsonpath={.status.availableReplicas}",
    ]);
    assert_eq!(available, ["1"], "osm-controller is available after the install");

    let names: Vec<String> = (0..10).map(|_| c.namespace("slow-add")).collect();
    timed("osm namespace add (10 namespaces)", &|| {
        osm().args(["namespace", "add"]).args(&names).args(["--mesh-name", &m.mesh]).run().success()
    });
    let labelled = c.kubectl_words(&[
        "get",
        "namespaces",
        "-l",
        &format!("openservicemesh.io/monitored-by={}", m.mesh),
        "-o",
        "name",
    ]);
    for name in &names {
        assert!(labelled.contains(&format!("namespace/{name}")), "{name} not in the mesh: {labelled:?}");
    }

    timed("osm uninstall mesh -y", &|| {
        osm()
            .args(["uninstall", "mesh", "-y", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
            .run()
            .success()
            .stdout_has("uninstalled")
    });
    assert!(c.mesh_objects(&m.mesh).is_empty(), "{:?}", c.mesh_objects(&m.mesh));
    let still = c.kubectl_words(&[
        "get",
        "namespaces",
        "-l",
        &format!("openservicemesh.io/monitored-by={}", m.mesh),
        "-o",
        "name",
    ]);
    assert!(still.is_empty(), "{still:?}");

    // A request timeout below the least delay: the reason is the timeout, not a stopped cluster.
    assert!(LATENCIES[0] >= Duration::from_secs(1));
    let run = osm().args(["--request-timeout", "500ms", "namespace", "list"]).run().code(5);
    assert!(run.stderr.contains("did not answer within the request timeout"), "{}", run.stderr);
    assert!(!run.stderr.contains("check that the cluster is running"), "{}", run.stderr);
    proxy.faults_off();
}
