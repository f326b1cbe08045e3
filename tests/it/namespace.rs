//! `osm namespace add|remove|list|ignore|unignore` against the real local control plane, read
//! back with real kubectl.

use std::time::Duration;

use crate::common::*;
use serde_json::Value;

const MONITORED_BY: &str = "openservicemesh.io/monitored-by";
const INJECTION: &str = "openservicemesh.io/sidecar-injection";
const METRICS: &str = "openservicemesh.io/metrics";
const IGNORE: &str = "openservicemesh.io/ignore";
const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";

/// Registers a mesh the way OSM's control plane does: an `osm-controller` Deployment labelled
/// with the mesh name, in `namespace`.
fn create_mesh(c: &TestCluster, mesh: &str, namespace: &str) {
    c.apply(&format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: osm-controller-{mesh}
  namespace: {namespace}
  labels: {{app: osm-controller, meshName: {mesh}, app.kubernetes.io/version: v1.2.0}}
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

/// A fresh mesh name and its control-plane namespace.
fn new_mesh(c: &TestCluster) -> (String, String) {
    let mesh = unique_name("mesh");
    let control_plane = c.namespace("cp");
    create_mesh(c, &mesh, &control_plane);
    (mesh, control_plane)
}

/// A Deployment whose pods are meshed (carry `osm-proxy-uuid`) or not.
fn deployment(c: &TestCluster, namespace: &str, name: &str, replicas: u32, meshed: bool) {
    let extra = if meshed { ", osm-proxy-uuid: 5c9a3e4b" } else { "" };
    c.apply(&format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata: {{name: {name}, namespace: {namespace}}}
spec:
  replicas: {replicas}
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata: {{labels: {{app: {name}{extra}}}}}
    spec: {{containers: [{{name: app, image: openservicemesh/bookstore:v1.2.0}}]}}
"#
    ))
    .success();
}

fn running_pods(c: &TestCluster, namespace: &str) -> usize {
    let run = c
        .kubectl()
        .args(["get", "pods", "-n", namespace, "--field-selector=status.phase=Running", "-o", "name"])
        .run()
        .success();
    run.stdout.lines().count()
}

fn get_namespace(c: &TestCluster, name: &str) -> Value {
    c.kubectl().args(["get", "namespace", name, "-o", "json"]).run().success().json()
}

fn label(ns: &Value, key: &str) -> Option<String> {
    ns["metadata"]["labels"][key].as_str().map(str::to_string)
}

fn annotation(ns: &Value, key: &str) -> Option<String> {
    ns["metadata"]["annotations"][key].as_str().map(str::to_string)
}

fn resource_version(ns: &Value) -> String {
    ns["metadata"]["resourceVersion"].as_str().unwrap().to_string()
}

/// Asserts the namespace carries none of the mesh keys.
fn assert_untouched(c: &TestCluster, name: &str) {
    let ns = get_namespace(c, name);
    assert_eq!(label(&ns, MONITORED_BY), None, "{name} must not be labelled: {ns}");
    assert_eq!(annotation(&ns, INJECTION), None, "{name} must not be annotated: {ns}");
}

#[test]
fn add_enrols_every_namespace_and_running_it_again_changes_nothing() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let names: Vec<String> = (0..3).map(|_| c.namespace("add")).collect();
    let mut args = vec!["namespace".to_string(), "add".into()];
    args.extend(names.iter().cloned());
    args.extend(["--mesh-name".to_string(), mesh.clone()]);
    let run = c.osm().args(&args).run().success();
    for name in &names {
        assert!(
            run.stdout.contains(&format!("Namespace [{name}] successfully added to mesh [{mesh}]")),
            "{}",
            run.stdout
        );
        let ns = get_namespace(c, name);
        assert_eq!(label(&ns, MONITORED_BY).as_deref(), Some(mesh.as_str()));
        assert_eq!(annotation(&ns, INJECTION).as_deref(), Some("enabled"));
    }
    let before: Vec<String> = names.iter().map(|n| resource_version(&get_namespace(c, n))).collect();
    let again = c.osm().args(&args).run().success();
    for (name, version) in names.iter().zip(before) {
        assert!(
            again.stdout.contains(&format!("Namespace [{name}] has already been added to mesh [{mesh}]")),
            "{}",
            again.stdout
        );
        assert_eq!(resource_version(&get_namespace(c, name)), version, "a second add must not write {name}");
    }
}

#[test]
fn go_cli_command_lines_work_verbatim() {
    // Cluster-wide and shared: mesh `osm` in kube-public and the walkthrough's namespace names.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    create_mesh(c, "osm", "kube-public");
    for name in ["ingress-nginx", "bookbuyer", "bookstore"] {
        c.fixed_namespace(name);
    }
    let added = c
        .osm()
        .args(["namespace", "add", "ingress-nginx", "--mesh-name", "osm", "--disable-sidecar-injection"])
        .run()
        .success();
    // Scripts compare the Go CLI's whole line: nothing may be appended to it on stdout.
    assert_eq!(added.stdout.trim_end(), "Namespace [ingress-nginx] successfully added to mesh [osm]");
    assert!(
        added.stderr.contains("Sidecar injection is disabled in namespace [ingress-nginx]"),
        "{}",
        added.stderr
    );
    let ingress = get_namespace(c, "ingress-nginx");
    assert_eq!(label(&ingress, MONITORED_BY).as_deref(), Some("osm"));
    assert_eq!(annotation(&ingress, INJECTION).as_deref(), Some("disabled"));

    c.osm().args(["namespace", "add", "bookstore", "bookbuyer"]).run().success();
    let list = c.osm().args(["ns", "list", "--mesh-name=osm"]).run().success();
    let header = list.stdout.lines().next().unwrap();
    for column in ["NAMESPACE", "MESH", "SIDECAR-INJECTION", "METRICS", "MESHED PODS"] {
        assert!(header.contains(column), "{header}");
    }
    let row = |name: &str| {
        list.stdout
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name}:\n{}", list.stdout))
    };
    assert!(row("ingress-nginx").split_whitespace().eq([
        "ingress-nginx",
        "osm",
        "disabled",
        "disabled",
        "0/0"
    ]));
    assert!(row("bookstore").split_whitespace().eq(["bookstore", "osm", "enabled", "disabled", "0/0"]));

    c.osm()
        .args(["namespace", "remove", "bookbuyer", "--mesh-name=osm"])
        .run()
        .success()
        .stdout_has("Namespace [bookbuyer] successfully removed from mesh [osm]");
    assert_untouched(c, "bookbuyer");
    assert_eq!(label(&get_namespace(c, "bookstore"), MONITORED_BY).as_deref(), Some("osm"));
}

#[test]
fn a_malformed_name_is_refused_and_no_namespace_changes() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let good = c.namespace("good");
    c.osm()
        .args(["namespace", "add", &good, "Book_Store", "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has("[Book_Store]")
        .stderr_has("nothing was changed")
        .stderr_has("DNS-1123");
    assert_untouched(c, &good);
}

#[test]
fn a_missing_namespace_is_refused_and_no_namespace_changes() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let good = c.namespace("good");
    let missing = unique_name("missing");
    c.osm()
        .args(["ns", "add", &good, &missing, "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [{missing}] does not exist"))
        .stderr_has(&format!("kubectl create namespace {missing}"));
    assert_untouched(c, &good);
}

#[test]
fn a_mesh_that_does_not_exist_is_refused_naming_the_meshes_that_do() {
    let c = cluster();
    let (mesh, control_plane) = new_mesh(c);
    let good = c.namespace("good");
    let absent = unique_name("nomesh");
    c.osm()
        .args(["namespace", "add", &good, "--mesh-name", &absent])
        .run()
        .code(4)
        .stderr_has(&format!("mesh [{absent}] does not exist"))
        .stderr_has(&format!("{mesh} (namespace {control_plane})"));
    assert_untouched(c, &good);
}

#[test]
fn a_control_plane_namespace_is_refused_and_no_namespace_changes() {
    let c = cluster();
    let (mesh, control_plane) = new_mesh(c);
    let good = c.namespace("good");
    let before = resource_version(&get_namespace(c, &control_plane));
    c.osm()
        .args(["namespace", "add", &good, &control_plane, "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [{control_plane}] holds the control plane of mesh [{mesh}]"));
    assert_untouched(c, &good);
    assert_eq!(resource_version(&get_namespace(c, &control_plane)), before);
}

#[test]
fn mesh_in_kube_system_like_the_aks_add_on_is_found_and_kube_system_is_refused() {
    // Cluster-wide and shared: kube-system holds one osm-controller.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    let mesh = unique_name("aks");
    // A reused cluster (OSM_TEST_KUBECONFIG) may still hold an earlier run's kube-system mesh.
    c.kubectl()
        .args(["delete", "deployment", "-n", "kube-system", "-l", "app=osm-controller"])
        .run()
        .success();
    create_mesh(c, &mesh, "kube-system");
    let app = c.namespace("aks-app");
    c.osm()
        .args(["namespace", "add", &app, "--mesh-name", &mesh])
        .run()
        .success()
        .stdout_has(&format!("Namespace [{app}] successfully added to mesh [{mesh}]"));
    assert_eq!(label(&get_namespace(c, &app), MONITORED_BY), Some(mesh.clone()));
    c.osm()
        .args(["namespace", "add", "kube-system", "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [kube-system] holds the control plane of mesh [{mesh}]"));
    assert_eq!(label(&get_namespace(c, "kube-system"), MONITORED_BY), None);
}

#[test]
fn ignore_blocks_add_until_unignore() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let ns = c.namespace("ign");
    let good = c.namespace("good");
    c.osm()
        .args(["namespace", "ignore", &ns])
        .run()
        .success()
        .stdout_has(&format!("Successfully configured namespace [{ns}] to be ignored"));
    assert_eq!(label(&get_namespace(c, &ns), IGNORE).as_deref(), Some("true"));
    let version = resource_version(&get_namespace(c, &ns));
    c.osm().args(["namespace", "ignore", &ns]).run().success().stdout_has("already ignored");
    assert_eq!(resource_version(&get_namespace(c, &ns)), version);

    c.osm()
        .args(["namespace", "add", &good, &ns, "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [{ns}] is ignored"))
        .stderr_has(&format!("osm namespace unignore {ns}"));
    assert_untouched(c, &ns);
    assert_untouched(c, &good);

    c.osm()
        .args(["namespace", "unignore", &ns])
        .run()
        .success()
        .stdout_has(&format!("Namespace [{ns}] is no longer ignored"));
    assert_eq!(label(&get_namespace(c, &ns), IGNORE), None);
    c.osm().args(["namespace", "unignore", &ns]).run().success().stdout_has("is not ignored");
    c.osm().args(["namespace", "add", &good, &ns, "--mesh-name", &mesh]).run().success();
    assert_eq!(label(&get_namespace(c, &ns), MONITORED_BY), Some(mesh));
}

#[test]
fn add_moves_a_namespace_from_another_mesh_and_warns() {
    let c = cluster();
    let (first, _) = new_mesh(c);
    let (second, _) = new_mesh(c);
    let ns = c.namespace("move");
    c.osm().args(["namespace", "add", &ns, "--mesh-name", &first]).run().success();
    c.osm()
        .args(["namespace", "add", &ns, "--mesh-name", &second])
        .run()
        .success()
        .stderr_has(&format!("namespace [{ns}] is in mesh [{first}]: moving it to mesh [{second}]"))
        .stdout_has(&format!("successfully added to mesh [{second}]"));
    assert_eq!(label(&get_namespace(c, &ns), MONITORED_BY), Some(second));
}

#[test]
fn remove_clears_every_mesh_key_and_refuses_a_namespace_of_another_mesh() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let (other, _) = new_mesh(c);
    let ns = c.namespace("rm");
    let foreign = c.namespace("foreign");
    c.osm().args(["namespace", "add", &ns, "--mesh-name", &mesh]).run().success();
    c.osm().args(["namespace", "add", &foreign, "--mesh-name", &other]).run().success();
    c.kubectl().args(["annotate", "namespace", &ns, &format!("{METRICS}=enabled")]).run().success();

    // A namespace of another mesh in the list: refused, and neither namespace changes.
    let before = resource_version(&get_namespace(c, &ns));
    c.osm()
        .args(["namespace", "remove", &ns, &foreign, "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has(&format!("namespace [{foreign}] is in mesh [{other}], not in mesh [{mesh}]"))
        .stderr_has(&format!("--mesh-name {other}"));
    assert_eq!(resource_version(&get_namespace(c, &ns)), before);
    assert_eq!(label(&get_namespace(c, &foreign), MONITORED_BY), Some(other.clone()));

    c.osm()
        .args(["namespace", "remove", &ns, "--mesh-name", &mesh])
        .run()
        .success()
        .stdout_has(&format!("Namespace [{ns}] successfully removed from mesh [{mesh}]"));
    let after = get_namespace(c, &ns);
    for key in [INJECTION, METRICS] {
        assert_eq!(annotation(&after, key), None, "{key} left behind: {after}");
    }
    for key in [MONITORED_BY, IGNORE] {
        assert_eq!(label(&after, key), None, "{key} left behind: {after}");
    }
    let version = resource_version(&after);
    c.osm()
        .args(["namespace", "remove", &ns, "--mesh-name", &mesh])
        .run()
        .success()
        .stdout_has(&format!("Namespace [{ns}] already does not belong to any mesh"));
    assert_eq!(resource_version(&get_namespace(c, &ns)), version);
}

#[test]
fn list_shows_injection_metrics_and_meshed_pods_per_namespace() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let (other, _) = new_mesh(c);
    let apps = c.namespace("apps");
    let quiet = c.namespace("quiet");
    let elsewhere = c.namespace("elsewhere");
    c.osm().args(["namespace", "add", &apps, &quiet, "--mesh-name", &mesh]).run().success();
    c.osm().args(["namespace", "add", &elsewhere, "--mesh-name", &other]).run().success();
    c.kubectl().args(["annotate", "namespace", &apps, &format!("{METRICS}=enabled")]).run().success();
    c.kubectl().args(["label", "namespace", &quiet, &format!("{IGNORE}=true")]).run().success();
    deployment(c, &apps, "meshed", 2, true);
    deployment(c, &apps, "plain", 1, false);
    c.wait_until("3 running pods", Duration::from_secs(60), || running_pods(c, &apps) == 3);

    let table = c.osm().args(["namespace", "list", &mesh]).run().success();
    let row = |name: &str| -> Vec<String> {
        table
            .stdout
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}:\n{}", table.stdout))
            .split("   ")
            .map(|cell| cell.trim().to_string())
            .filter(|cell| !cell.is_empty())
            .collect()
    };
    assert_eq!(row(&apps), [apps.as_str(), &mesh, "enabled", "enabled", "2/3"]);
    assert_eq!(row(&quiet), [quiet.as_str(), &mesh, "disabled (ignored)", "disabled", "0/0"]);
    assert!(!table.stdout.contains(&elsewhere), "another mesh's namespace listed:\n{}", table.stdout);

    let json = c.osm().args(["ns", "ls", "-o", "json"]).run().success().json();
    let rows = json.as_array().unwrap();
    let find = |name: &str| rows.iter().find(|r| r["namespace"] == name).cloned();
    let apps_row = find(&apps).expect("every mesh's namespaces are listed");
    assert_eq!(apps_row["meshedPods"], 2);
    assert_eq!(apps_row["totalPods"], 3);
    assert_eq!(find(&elsewhere).expect("other mesh listed")["mesh"], other.as_str());

    let yaml = c.osm().args(["namespace", "list", "--mesh-name", &other, "-o", "yaml"]).run().success();
    assert!(yaml.stdout.contains(&format!("namespace: {elsewhere}")), "{}", yaml.stdout);

    let empty_mesh = unique_name("empty");
    create_mesh(c, &empty_mesh, &c.namespace("cp"));
    c.osm()
        .args(["namespace", "list", "--mesh-name", &empty_mesh])
        .run()
        .success()
        .stdout_has(&format!("No namespaces in mesh [{empty_mesh}]"));
}

#[test]
fn add_without_restart_counts_running_pods_that_lack_a_sidecar() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let ns = c.namespace("hint");
    deployment(c, &ns, "legacy", 2, false);
    c.wait_until("2 running pods", Duration::from_secs(60), || running_pods(c, &ns) == 2);
    c.osm()
        .args(["namespace", "add", &ns, "--mesh-name", &mesh])
        .run()
        .success()
        .stderr_has(&format!("2 running pods without a sidecar in namespace [{ns}]"))
        .stderr_has("--restart");
}

#[test]
fn restart_stamps_the_pod_template_of_every_workload_like_kubectl_rollout_restart() {
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let ns = c.namespace("restart");
    deployment(c, &ns, "web", 1, false);
    c.apply(&format!(
        r#"apiVersion: apps/v1
kind: StatefulSet
metadata: {{name: db, namespace: {ns}}}
spec:
  serviceName: db
  replicas: 0
  selector: {{matchLabels: {{app: db}}}}
  template:
    metadata: {{labels: {{app: db}}}}
    spec: {{containers: [{{name: db, image: postgres}}]}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {{name: agent, namespace: {ns}}}
spec:
  selector: {{matchLabels: {{app: agent}}}}
  template:
    metadata: {{labels: {{app: agent}}}}
    spec: {{containers: [{{name: agent, image: fluentd}}]}}
"#
    ))
    .success();
    c.wait_until("the web pod runs", Duration::from_secs(60), || running_pods(c, &ns) >= 1);
    let template_stamp = |kind: &str, name: &str| {
        let path = "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}";
        c.kubectl().args(["get", kind, name, "-n", &ns, "-o", path]).run().success().stdout.trim().to_string()
    };
    assert_eq!(template_stamp("deployment", "web"), "");

    let run = c.osm().args(["namespace", "add", &ns, "--mesh-name", &mesh, "--restart"]).run().success();
    for workload in ["deployment/web", "statefulset/db", "daemonset/agent"] {
        assert!(run.stdout.contains(workload), "{workload} not reported:\n{}", run.stdout);
    }
    assert!(!run.stderr.contains("without a sidecar"), "no hint with --restart:\n{}", run.stderr);
    for (kind, name) in [("deployment", "web"), ("statefulset", "db"), ("daemonset", "agent")] {
        let stamp = template_stamp(kind, name);
        assert!(stamp.len() == 20 && stamp.ends_with('Z'), "{kind}/{name} {RESTARTED_AT} = {stamp:?}");
    }
    // The Deployment controller rolls out a second ReplicaSet for the changed template.
    c.wait_until("a new ReplicaSet", Duration::from_secs(30), || {
        let sets = c
            .kubectl()
            .args(["get", "replicasets", "-n", &ns, "-l", "app=web", "-o", "name"])
            .run()
            .success();
        sets.stdout.lines().count() == 2
    });

    let removed = c
        .osm()
        .args(["namespace", "remove", &ns, "--mesh-name", &mesh, "--restart", "-o", "json"])
        .run()
        .success();
    let report = removed.json();
    assert_eq!(report[0]["changed"], true);
    let restarted: Vec<&str> =
        report[0]["restarted"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(restarted, ["deployment/web", "statefulset/db", "daemonset/agent"]);

    // Idempotent: the namespace is out and no running pod has a sidecar, so a second run
    // restarts nothing and leaves the pod templates as they are.
    let stamp = template_stamp("deployment", "web");
    let again = c.osm().args(["namespace", "remove", &ns, "--mesh-name", &mesh, "--restart"]).run().success();
    assert!(again.stderr.contains("nothing to restart"), "{}", again.stderr);
    assert!(!again.stdout.contains("deployment/web"), "{}", again.stdout);
    assert_eq!(template_stamp("deployment", "web"), stamp);
}

#[test]
fn one_namespace_failing_does_not_stop_the_others_and_exits_1_naming_it() {
    // Cluster-wide and shared: a cluster-wide grant to the test user, which other tests expect unprivileged.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    let (mesh, _) = new_mesh(c);
    let allowed: Vec<String> = (0..2).map(|_| c.namespace("allowed")).collect();
    let denied = c.namespace("denied");
    // The unprivileged user may read namespaces and find meshes everywhere, but patch only the
    // namespaces it holds a RoleBinding in.
    let reader = unique_name("osm-ns-reader");
    c.apply(&format!(
        r#"apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {{name: {reader}}}
rules:
- {{apiGroups: [""], resources: [namespaces, pods], verbs: [get, list]}}
- {{apiGroups: [apps], resources: [deployments], verbs: [list]}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {{name: {reader}}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {reader}}}
subjects: [{{kind: User, name: {USER_NAME}, apiGroup: rbac.authorization.k8s.io}}]
"#
    ))
    .success();
    // Cluster-wide grants outlive the test's namespaces: take them back even when the test fails,
    // so the user stays unprivileged for the other tests of a reused cluster.
    let _revoke = Revoke(format!("clusterrolebinding/{reader}"), format!("clusterrole/{reader}"));
    for ns in &allowed {
        c.apply(&format!(
            r#"apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {{name: namespace-editor, namespace: {ns}}}
rules: [{{apiGroups: [""], resources: [namespaces], verbs: [get, patch]}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {{name: namespace-editor, namespace: {ns}}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: Role, name: namespace-editor}}
subjects: [{{kind: User, name: {USER_NAME}, apiGroup: rbac.authorization.k8s.io}}]
"#
        ))
        .success();
    }
    let run = c
        .osm()
        .args([
            "--context",
            USER_CONTEXT,
            "namespace",
            "add",
            &allowed[0],
            &denied,
            &allowed[1],
            "--mesh-name",
            &mesh,
        ])
        .run()
        .code(1)
        .stderr_has(&format!("error: patching namespace [{denied}]: permission denied"))
        .stderr_has("permission denied")
        .stderr_has("cannot patch resource \"namespaces\"")
        .stderr_has(&format!("failed for 1 of 3 namespaces: [{denied}]"));
    for ns in &allowed {
        assert!(
            run.stdout.contains(&format!("Namespace [{ns}] successfully added to mesh [{mesh}]")),
            "{}",
            run.stdout
        );
        assert_eq!(label(&get_namespace(c, ns), MONITORED_BY), Some(mesh.clone()));
    }
    assert_untouched(c, &denied);

    // Again, for a program: the allowed ones are already done, the denied one carries its error.
    let again = c
        .osm()
        .args([
            "--context",
            USER_CONTEXT,
            "ns",
            "add",
            &allowed[0],
            &denied,
            &allowed[1],
            "--mesh-name",
            &mesh,
        ])
        .args(["-o", "json"])
        .run()
        .code(1);
    let report = again.json();
    let entries = report.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["namespace"], allowed[0].as_str());
    assert_eq!(entries[0]["changed"], false);
    assert_eq!(entries[1]["namespace"], denied.as_str());
    assert!(entries[1]["error"].as_str().unwrap().contains("permission denied"), "{report}");
    assert_eq!(entries[2]["changed"], false);
}

#[test]
fn names_are_checked_before_the_cluster_is_contacted_and_usage_errors_exit_2() {
    // No cluster configured: a malformed name is still reported as such (exit 4, not 3).
    // The messages: tests/it/snapshots/it__snapshots__bad_namespace_names.snap and __usage_errors.snap.
    osm_offline().args(["namespace", "add", "ok", "UPPER"]).run().code(4);
    osm_offline().args(["namespace", "remove", "bad-"]).run().code(4);
    osm_offline().args(["namespace", "ignore", "a.b"]).run().code(4);
    osm_offline().args(["namespace", "add"]).run().code(2);
    osm_offline().args(["ns", "list", "one", "--mesh-name", "two"]).run().code(2);
    osm_offline().args(["ns", "list", "-o", "xml"]).run().code(2);
}

/// Deletes two cluster-wide objects when dropped (also while a failed test unwinds).
struct Revoke(String, String);

impl Drop for Revoke {
    fn drop(&mut self) {
        cluster().kubectl().args(["delete", "--ignore-not-found", &self.0, &self.1]).run();
    }
}
