//! `osm check` against the real local control plane: the pre-install checks on a fresh cluster,
//! for a user without RBAC and beside an installed mesh; the post-install checks on a healthy
//! mesh, on a crash-looping and an image-pull-failing control-plane pod (made so by the kubelet
//! stand-in), and `--wait` until a pod recovers. Meshes are cluster-wide, so the tests take turns.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::common::{TestCluster, USER_CONTEXT, osm_bin};

/// A control plane of this module's own: the pre-install checks are about the whole cluster
/// (no other mesh, no osm-system) and would see every other test's meshes on a shared one.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("check")
}

static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

/// The test's mesh, and the webhooks the test created for it, removed when the test ends.
struct Installed(crate::common::InstalledMesh);

impl std::ops::Deref for Installed {
    type Target = crate::common::InstalledMesh;
    fn deref(&self) -> &crate::common::InstalledMesh {
        &self.0
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        for kind in ["mutatingwebhookconfiguration", "validatingwebhookconfiguration"] {
            cluster()
                .kubectl()
                .args(["delete", kind, "-l", &format!("osm-check-test={}", self.mesh), "--ignore-not-found"])
                .run();
        }
    }
}

fn install() -> Installed {
    Installed(crate::common::InstalledMesh::install_on(cluster(), "chk"))
}

/// The webhook configurations OSM's injector and controller create when they start (no
/// container runs on the test node, so the test does their part), pointing at the chart's
/// Services, with a CA bundle, matching no object.
fn create_webhooks(m: &Installed) {
    let hook = |kind: &str, name: &str, service: &str| {
        format!(
            "apiVersion: admissionregistration.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: {name}\n  labels:\n    osm-check-test: {mesh}\n\
             webhooks:\n- name: {service}.openservicemesh.io\n  clientConfig:\n    service:\n      namespace: {ns}\n      name: {service}\n      path: /x\n\
             \x20   caBundle: Zm9vYmFy\n  admissionReviewVersions: [v1]\n  sideEffects: None\n  failurePolicy: Ignore\n\
             \x20 objectSelector:\n    matchLabels:\n      osm-check-test-never: \"true\"\n  rules:\n  - apiGroups: [\"\"]\n    apiVersions: [v1]\n    operations: [CREATE]\n    resources: [pods]\n",
            mesh = m.mesh,
            ns = m.namespace,
        )
    };
    cluster()
        .apply(&hook("MutatingWebhookConfiguration", &format!("osm-webhook-{}", m.mesh), "osm-injector"))
        .success();
    cluster()
        .apply(&hook(
            "ValidatingWebhookConfiguration",
            &format!("osm-validator-mesh-{}", m.mesh),
            "osm-validator",
        ))
        .success();
}

/// Sets (or with `None` removes) annotations on a Deployment's pod template: a new rollout.
fn template_annotations(ns: &str, deployment: &str, annotations: &[(&str, Option<&str>)]) {
    let map: serde_json::Map<String, serde_json::Value> = annotations
        .iter()
        .map(|(k, v)| (k.to_string(), v.map(|v| serde_json::json!(v)).unwrap_or(serde_json::Value::Null)))
        .collect();
    let patch = serde_json::json!({"spec": {"template": {"metadata": {"annotations": map}}}});
    cluster()
        .kubectl()
        .args(["patch", "deployment", deployment, "-n", ns, "--type", "merge", "-p", &patch.to_string()])
        .run()
        .success();
}

const BEHAVIOUR: &str = "kubelet-standin.osm.dev/behaviour";
const PREVIOUS_LOG: &str = "kubelet-standin.osm.dev/previous-log";

#[test]
fn pre_checks_pass_on_a_fresh_cluster_and_fail_for_an_unprivileged_user() {
    let _turn = turn();
    let run = cluster().osm().args(["check", "--pre"]).run().success();
    for line in [
        "[ok] can query the Kubernetes API",
        "[ok] can create what osm install creates (RBAC)",
        "[ok] no other service mesh is installed",
        "[ok] namespace osm-system is absent or active",
        "[ok] OSM's CRDs are absent or compatible",
    ] {
        assert!(run.stdout.contains(line), "missing {line:?}:\n{}", run.stdout);
    }
    assert!(run.stdout.contains("Status check results are [ok]"), "{}", run.stdout);
    assert!(!run.stdout.contains('✔'), "NO_COLOR output must be ASCII:\n{}", run.stdout);
    let json = cluster().osm().args(["check", "--pre", "-o", "json"]).run().success().json();
    assert_eq!(json["success"], true);
    assert_eq!(json["categories"][0]["categoryName"], "kubernetes-api");

    // osm-dev-user is authenticated but holds no RBAC role.
    let run = cluster().osm().args(["--context", USER_CONTEXT, "check", "--pre"]).run().code(1);
    assert!(run.stdout.contains("[fail] can create what osm install creates (RBAC)"), "{}", run.stdout);
    assert!(run.stdout.contains("user \"osm-dev-user\" lacks"), "{}", run.stdout);
    assert!(
        run.stdout.contains("create customresourcedefinitions.apiextensions.k8s.io (cluster-wide)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("docs/checks.md#pre-rbac for hints"), "{}", run.stdout);
    assert!(run.stderr.contains("can create what osm install creates (RBAC)"), "{}", run.stderr);
    assert!(run.stdout.ends_with("Status check results are [fail]\n"), "{}", run.stdout);
}

#[test]
fn checks_around_an_installed_mesh() {
    let _turn = turn();
    let m = install();

    // Before another install: the mesh is named.
    let run = cluster().osm().args(["check", "--pre"]).run().code(1);
    assert!(run.stdout.contains("[fail] no other service mesh is installed"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!("OSM mesh {} runs in namespace {}", m.mesh, m.namespace)),
        "{}",
        run.stdout
    );

    // Before the components have created their webhooks, the post checks say so.
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().code(1);
    assert!(run.stdout.contains(&format!("osm-webhook-{} does not exist", m.mesh)), "{}", run.stdout);
    create_webhooks(&m);
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().success();
    for line in [
        format!("[ok] mesh {} (", m.mesh),
        format!("[ok] control-plane Deployments in {} are available", m.namespace),
        format!("[ok] sidecar-injection webhook osm-webhook-{} exists", m.mesh),
        format!("[ok] validating webhook osm-validator-mesh-{} exists", m.mesh),
        "[ok] the CRDs' stored versions are served".to_string(),
        format!("[ok] MeshConfig {}/osm-mesh-config is valid", m.namespace),
    ] {
        assert!(run.stdout.contains(&line), "missing {line:?}:\n{}", run.stdout);
    }

    // A pod started before its namespace joined the mesh is a warning with the restart hint; a
    // TrafficSplit whose backend Service is missing fails.
    let app = cluster().namespace("chk-app");
    cluster()
        .apply(&format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: early, namespace: {app}}}\nspec: {{containers: [{{name: app, image: app}}]}}\n---\n\
             apiVersion: v1\nkind: Service\nmetadata: {{name: web, namespace: {app}}}\nspec: {{ports: [{{port: 80}}]}}\n---\n\
             apiVersion: v1\nkind: Service\nmetadata: {{name: web-v1, namespace: {app}}}\nspec: {{ports: [{{port: 80}}]}}\n"
        ))
        .success();
    cluster().osm().args(["namespace", "add", &app, "--mesh-name", &m.mesh]).run().success();
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().success();
    assert!(run.stdout.contains("[warn] pods in the 1 monitored namespaces have sidecars"), "{}", run.stdout);
    assert!(run.stdout.contains(&format!("    {app}/early (created ")), "{}", run.stdout);
    assert!(run.stdout.contains("osm namespace add NS --restart"), "{}", run.stdout);
    assert!(run.stdout.contains("Status check results are [warn]"), "{}", run.stdout);
    cluster()
        .apply(&format!(
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {{name: web-split, namespace: {app}}}\n\
             spec: {{service: web.{app}.svc.cluster.local, backends: [{{service: web-v1, weight: 50}}, {{service: web-v2, weight: 50}}]}}\n"
        ))
        .success();
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().code(1);
    assert!(
        run.stdout
            .contains(&format!("TrafficSplit {app}/web-split: backend Service {app}/web-v2 does not exist")),
        "{}",
        run.stdout
    );
    cluster().kubectl().args(["delete", "namespace", &app, "--wait=false"]).run().success();
    cluster().osm().args(["check", "--osm-namespace", &m.namespace, "--wait", "2m"]).run().success();

    // A pod the scheduler cannot place: its message is shown.
    template_annotations(&m.namespace, "osm-bootstrap", &[(BEHAVIOUR, Some("pending"))]);
    cluster().wait_until("a Pending osm-bootstrap pod", Duration::from_secs(60), || {
        cluster()
            .kubectl_words(&[
                "get",
                "pods",
                "-n",
                &m.namespace,
                "-l",
                "app=osm-bootstrap",
                "-o",
                "jsonpath={.items[*].status.conditions[*].reason}",
            ])
            .iter()
            .any(|r| r == "Unschedulable")
    });
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().code(1);
    assert!(
        run.stdout.contains("Pending: Unschedulable (0/1 nodes are available: 1 Insufficient cpu.)"),
        "{}",
        run.stdout
    );
    template_annotations(&m.namespace, "osm-bootstrap", &[(BEHAVIOUR, None)]);
    cluster().osm().args(["check", "--osm-namespace", &m.namespace, "--wait", "2m"]).run().success();

    // A crash-looping controller: the check names the pod, the reason and its last log line.
    template_annotations(
        &m.namespace,
        "osm-controller",
        &[
            (BEHAVIOUR, Some("crashloop")),
            (PREVIOUS_LOG, Some("starting\npanic: cannot read MeshConfig osm-mesh-config")),
        ],
    );
    let crashing = pod_with(&m.namespace, "osm-controller", "CrashLoopBackOff");
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().code(1);
    assert!(
        run.stdout.contains(&format!("[fail] control-plane Deployments in {} are available", m.namespace)),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "osm-controller: pod {crashing}: CrashLoopBackOff (container osm-controller, 5 restarts)"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("last log line: panic: cannot read MeshConfig osm-mesh-config"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("kubectl logs -n {} {crashing} --previous", m.namespace)),
        "{}",
        run.stdout
    );
    let json =
        cluster().osm().args(["check", "--osm-namespace", &m.namespace, "-o", "json"]).run().code(1).json();
    assert_eq!(json["success"], false);
    let failed: Vec<&serde_json::Value> = json["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["checks"].as_array().unwrap())
        .filter(|c| c["result"] == "error")
        .collect();
    assert_eq!(failed.len(), 1, "{json}");
    assert!(
        failed[0]["error"].as_str().unwrap().contains(&format!("pod {crashing}: CrashLoopBackOff")),
        "{json}"
    );
    assert!(
        failed[0]["hint"].as_str().unwrap().ends_with("docs/checks.md#control-plane-available"),
        "{json}"
    );

    // --wait: still failing when it starts, passing once the controller recovers.
    let mut child = Command::new(osm_bin())
        .env("KUBECONFIG", &cluster().kubeconfig)
        .env("NO_COLOR", "1")
        .args(["check", "--osm-namespace", &m.namespace, "--wait", "3m"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn osm check --wait");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).expect("read stderr") > 0,
            "osm check --wait ended early:\n{seen}"
        );
        seen.push_str(&line);
        if line.contains("waiting for:") && line.contains("control-plane Deployments") {
            break;
        }
    }
    template_annotations(&m.namespace, "osm-controller", &[(BEHAVIOUR, None), (PREVIOUS_LOG, None)]);
    let output = child.wait_with_output().expect("wait for osm check --wait");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "stdout:\n{stdout}\nstderr:\n{seen}");
    assert!(
        stdout.contains(&format!("[ok] control-plane Deployments in {} are available", m.namespace)),
        "{stdout}"
    );

    // An image that cannot be pulled.
    template_annotations(&m.namespace, "osm-injector", &[(BEHAVIOUR, Some("imagepull"))]);
    let pulling = pod_with(&m.namespace, "osm-injector", "ImagePullBackOff");
    let run = cluster().osm().args(["check", "--osm-namespace", &m.namespace]).run().code(1);
    assert!(
        run.stdout
            .contains(&format!("osm-injector: pod {pulling}: ImagePullBackOff (container osm-injector)")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Back-off pulling image"), "{}", run.stdout);
    template_annotations(&m.namespace, "osm-injector", &[(BEHAVIOUR, None)]);
    let run =
        cluster().osm().args(["check", "--osm-namespace", &m.namespace, "--wait", "2m"]).run().success();
    assert!(run.stdout.contains("Status check results are [ok]"), "{}", run.stdout);
}

/// The name of the pod of Deployment `app` whose container waits with `reason`, once there is one.
fn pod_with(ns: &str, app: &str, reason: &str) -> String {
    let mut found = String::new();
    cluster().wait_until(&format!("a pod of {app} in {reason}"), Duration::from_secs(60), || {
        let words = cluster().kubectl_words(&[
            "get",
            "pods",
            "-n",
            ns,
            "-l",
            &format!("app={app}"),
            "-o",
            "jsonpath={range .items[*]}{.metadata.name}={.status.containerStatuses[0].state.waiting.reason}{\"\\n\"}{end}",
        ]);
        match words.iter().find_map(|w| w.strip_suffix(&format!("={reason}"))) {
            Some(name) => {
                found = name.to_string();
                true
            }
            None => false,
        }
    });
    found
}

/// `osm check --mesh istio --pre` runs istioctl 1.30.3's precheck checks (istioctl/pkg/precheck):
/// the server's version against Istio's minimum, the create permissions of the precheck's list, and
/// a control plane of the same revision in another namespace; under the name istioctl, `istioctl x
/// precheck` runs the same with istioctl's exit code.
#[test]
fn istio_pre_checks_follow_istioctl_precheck() {
    let _turn = turn();
    let run = cluster().osm().args(["check", "--mesh", "istio", "--pre"]).run().success();
    for line in [
        "[ok] can query the Kubernetes API",
        "[ok] Kubernetes is 1.32 or newer (Istio 1.30's minimum)",
        "[ok] can create what an Istio install creates (RBAC)",
        "[ok] no Istio control plane of revision default is in the way",
        "[ok] Gateway API CRDs, if present, serve the versions Istio needs",
    ] {
        assert!(run.stdout.contains(line), "missing {line:?}:\n{}", run.stdout);
    }

    let run =
        cluster().osm().args(["--context", USER_CONTEXT, "check", "--mesh", "istio", "--pre"]).run().code(1);
    assert!(run.stdout.contains("[fail] can create what an Istio install creates (RBAC)"), "{}", run.stdout);
    for missing in [
        "create customresourcedefinitions.apiextensions.k8s.io (cluster-wide)",
        "create mutatingwebhookconfigurations.admissionregistration.k8s.io (cluster-wide)",
        "create deployments.apps in namespace istio-system",
        "create configmaps in namespace istio-system",
    ] {
        assert!(run.stdout.contains(missing), "missing {missing:?}:\n{}", run.stdout);
    }

    // An istiod of the default revision in another namespace: installing default into
    // istio-system would take over its webhooks.
    let ns = cluster().namespace("istio-elsewhere");
    let _gone_before_the_next_turn = DeletedNamespace(ns.clone());
    cluster().apply(&format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: {ns}\n  labels: {{app: istiod, istio.io/rev: default}}\n\
         spec:\n  selector: {{matchLabels: {{app: istiod}}}}\n  template:\n    metadata: {{labels: {{app: istiod}}}}\n\
         \x20   spec: {{containers: [{{name: discovery, image: docker.io/istio/pilot:1.29.1}}]}}\n"
    ));
    let run = cluster().osm().args(["check", "--mesh", "istio", "--pre"]).run().code(1);
    assert!(
        run.stdout.contains(&format!("revision default already runs in namespace {ns} (Istio 1.29.1)")),
        "{}",
        run.stdout
    );
    // Installing the same revision into that namespace is an in-place change: a warning only.
    cluster().osm().args(["check", "--mesh", "istio", "--pre", "--istio-namespace", &ns]).run().success();

    let dir = tempfile::tempdir().unwrap();
    let istioctl = dir.path().join("istioctl");
    std::os::unix::fs::symlink(osm_bin(), &istioctl).unwrap();
    let kubeconfig = cluster().kubeconfig.clone();
    let out =
        Command::new(&istioctl).args(["x", "precheck", "--kubeconfig"]).arg(&kubeconfig).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "istioctl's failure code: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("already runs in namespace"));
}

/// Deletes a namespace when dropped and waits until it is gone: the pre-install checks of the
/// next test must not see what this one deployed.
struct DeletedNamespace(String);

impl Drop for DeletedNamespace {
    fn drop(&mut self) {
        cluster().kubectl().args(["delete", "namespace", &self.0, "--wait=true", "--timeout=120s"]).run();
    }
}

/// With no Istio of that revision installed, `osm check --mesh istio` fails on the control plane, the injector
/// webhook and the CRDs, each named.
#[test]
fn istio_checks_fail_without_an_istio_install() {
    let run = cluster()
        .osm()
        .args(["check", "--mesh", "istio", "--istio-namespace", "istio-nowhere", "--revision", "nosuchrev"])
        .run()
        .code(1);
    for line in [
        "istiod-nosuchrev: the Deployment does not exist",
        "MutatingWebhookConfiguration istio-sidecar-injector-nosuchrev is missing",
    ] {
        assert!(run.stdout.contains(line), "missing {line:?}:\n{}", run.stdout);
    }
}
