//! `osm uninstall mesh` and the older `osm uninstall --mesh-name=NAME` against the real local
//! control plane. Tests take turns: meshes and CRDs are cluster-wide.

use std::sync::{Mutex, MutexGuard};

use crate::common::{TestCluster, unique_name};

/// A control plane of this module's own: the tests install meshes that enforce a single mesh,
/// and `--delete-cluster-wide-resources` deletes OSM's CRDs, which every other test's mesh uses.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("uninstall")
}

static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

fn install(mesh: &str, namespace: &str, extra: &[&str]) {
    cluster()
        .osm()
        .args(["install", "--no-wait", "--mesh-name", mesh, "--osm-namespace", namespace])
        .args(extra)
        .run()
        .success();
}

/// `osm uninstall mesh -y`, then nothing labelled with the mesh is left.
fn uninstall_leaves_no_mesh_object(mesh: &str, namespace: &str) {
    cluster()
        .osm()
        .args(["uninstall", "mesh", "-y", "--mesh-name", mesh])
        .run()
        .success()
        .stdout_has(&format!("OSM [mesh name: {mesh}] in namespace [{namespace}] uninstalled"));
    assert!(cluster().mesh_objects(mesh).is_empty(), "{:?}", cluster().mesh_objects(mesh));
}

/// What osm-bootstrap and osm-injector create at run time, which uninstall must remove too.
fn runtime_objects(mesh: &str, namespace: &str) {
    let webhook = format!(
        "apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata:\n  name: osm-webhook-{mesh}\n  labels:\n    app.kubernetes.io/instance: {mesh}\n    app.kubernetes.io/name: openservicemesh.io\nwebhooks: []\n"
    );
    cluster().apply(&webhook).success();
    cluster()
        .kubectl()
        .args(["create", "secret", "generic", "osm-ca-bundle", "-n", namespace, "--from-literal=ca.crt=test"])
        .run()
        .success();
}

#[test]
fn uninstall_mesh_removes_everything_and_cleans_namespaces() {
    let _turn = turn();
    let (mesh, namespace) = (unique_name("un"), unique_name("un-system"));
    install(&mesh, &namespace, &["--set", "osm.deployPrometheus=true"]);
    runtime_objects(&mesh, &namespace);
    let app = cluster().namespace("un-app");
    cluster()
        .kubectl()
        .args(["label", "namespace", &app, &format!("openservicemesh.io/monitored-by={mesh}")])
        .run()
        .success();
    cluster()
        .kubectl()
        .args([
            "annotate",
            "namespace",
            &app,
            "openservicemesh.io/sidecar-injection=enabled",
            "openservicemesh.io/metrics=enabled",
        ])
        .run()
        .success();
    assert!(!cluster().mesh_objects(&mesh).is_empty());

    let dry = cluster()
        .osm()
        .args(["uninstall", "mesh", "--dry-run", "--mesh-name", &mesh])
        .run()
        .success()
        .stdout_has("Deployment")
        .stdout_has("MutatingWebhookConfiguration")
        .stdout_has(&app);
    assert!(dry.stdout.contains("4 Deployment"), "{}", dry.stdout);
    assert!(!cluster().mesh_objects(&mesh).is_empty(), "--dry-run removed something");

    uninstall_leaves_no_mesh_object(&mesh, &namespace);
    let left = cluster().kubectl_words(&[
        "get",
        "meshconfigs,secrets,configmaps,deployments",
        "-n",
        &namespace,
        "-o",
        "name",
    ]);
    assert!(
        left.iter().all(|o| o.starts_with("secret/default-token") || o == "configmap/kube-root-ca.crt"),
        "{left:?}"
    );
    let ns = cluster().kubectl().args(["get", "namespace", &app, "-o", "json"]).run().success().json();
    assert!(ns["metadata"]["labels"].get("openservicemesh.io/monitored-by").is_none(), "{ns}");
    let annotations = ns["metadata"]["annotations"].as_object().cloned().unwrap_or_default();
    assert!(annotations.keys().all(|k| !k.starts_with("openservicemesh.io/")), "{annotations:?}");
    // The control-plane namespace stays without --delete-namespace.
    cluster().kubectl().args(["get", "namespace", &namespace]).run().success();

    // Again: nothing left to do, and it says so.
    cluster()
        .osm()
        .args(["uninstall", "mesh", "-y", "--mesh-name", &mesh, "--osm-namespace", &namespace])
        .run()
        .success()
        .stdout_has("nothing to uninstall");
}

#[test]
fn older_syntax_with_force_and_delete_namespace() {
    let _turn = turn();
    let (mesh, namespace) = (unique_name("old"), unique_name("old-system"));
    install(&mesh, &namespace, &[]);
    cluster()
        .osm()
        .args([
            "uninstall",
            &format!("--mesh-name={mesh}"),
            "-f",
            "--delete-namespace",
            "--ca-bundle-secret-name",
            "osm-ca-bundle",
            "-p",
            "15000",
        ])
        .run()
        .success();
    assert!(cluster().mesh_objects(&mesh).is_empty());
    let run =
        cluster().kubectl().args(["get", "namespace", &namespace, "-o", "jsonpath={.status.phase}"]).run();
    assert!(run.code != 0 || run.stdout.contains("Terminating"), "namespace still active: {}", run.stdout);
}

#[test]
fn without_a_terminal_or_yes_it_refuses() {
    let _turn = turn();
    let (mesh, namespace) = (unique_name("tty"), unique_name("tty-system"));
    install(&mesh, &namespace, &[]);
    cluster()
        .osm()
        .args(["uninstall", "mesh", "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has("no terminal")
        .stderr_has("-y");
    assert!(
        cluster()
            .kubectl_words(&["get", "deployments", "-n", &namespace, "-o", "name"])
            .contains(&"deployment.apps/osm-controller".to_string())
    );
    cluster().osm().args(["uninstall", "mesh", "-y", "--mesh-name", &mesh]).run().success();
}

#[test]
fn delete_cluster_wide_resources_removes_the_crds() {
    let _turn = turn();
    let (mesh, namespace) = (unique_name("crd"), unique_name("crd-system"));
    install(&mesh, &namespace, &[]);
    let app = cluster().namespace("crd-app");
    let split = format!(
        "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: s\n  namespace: {app}\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 1\n"
    );
    cluster().apply(&split).success();

    // Another mesh still needs the CRDs.
    let (other, other_ns) = (unique_name("crd-other"), unique_name("crd-other-system"));
    cluster().osm().args(["mesh", "list"]).run().success().stdout_has(&mesh);
    cluster().osm().args(["uninstall", "mesh", "-y", "--mesh-name", &mesh]).run().success();
    install(&other, &other_ns, &["--enforce-single-mesh=false"]);
    install(&mesh, &namespace, &["--enforce-single-mesh=false"]);
    cluster()
        .osm()
        .args(["uninstall", "mesh", "-y", "-a", "--mesh-name", &mesh])
        .run()
        .code(4)
        .stderr_has(&other)
        .stderr_has("--force");
    cluster().osm().args(["uninstall", "mesh", "-y", "--mesh-name", &other]).run().success();

    cluster()
        .osm()
        .args(["uninstall", "mesh", "--dry-run", "-a", "--mesh-name", &mesh])
        .run()
        .success()
        .stdout_has("1 TrafficSplit custom resources")
        .stdout_has("10 CustomResourceDefinition");
    cluster().osm().args(["uninstall", "mesh", "-y", "-a", "--mesh-name", &mesh]).run().success();
    let crds = cluster().kubectl_words(&["get", "crd", "-o", "name"]);
    assert!(crds.iter().all(|c| !c.contains("openservicemesh.io") && !c.contains("smi-spec.io")), "{crds:?}");
    assert!(cluster().mesh_objects(&mesh).is_empty());
}

#[test]
fn a_mesh_without_install_record_is_removed_by_its_labels() {
    let _turn = turn();
    let (mesh, namespace) = (unique_name("norec"), unique_name("norec-system"));
    install(
        &mesh,
        &namespace,
        &["--set", "osm.osmController.enablePodDisruptionBudget=true,osm.injector.autoScale.enable=true"],
    );
    runtime_objects(&mesh, &namespace);
    let labels = format!(
        "  labels:\n    app.kubernetes.io/instance: {mesh}\n    app.kubernetes.io/name: openservicemesh.io\n"
    );
    let extra = format!(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: osm-extra\n  namespace: {namespace}\n{labels}rules: []\n---\n\
         apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: osm-extra\n  namespace: {namespace}\n{labels}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: osm-extra\nsubjects:\n- kind: ServiceAccount\n  name: osm-extra\n  namespace: {namespace}\n---\n\
         apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: osm-extra\n  namespace: {namespace}\n{labels}spec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n"
    );
    cluster().apply(&extra).success();
    // As if another tool had installed the mesh: no release record.
    cluster()
        .kubectl()
        .args(["delete", "secret", "-l", &format!("owner=helm,name={mesh}"), "-n", &namespace])
        .run()
        .success()
        .stdout_has("deleted");
    let before = cluster().mesh_objects(&mesh);
    for kind in ["role.", "rolebinding.", "job."] {
        assert!(before.iter().any(|o| o.starts_with(kind)), "no {kind} in {before:?}");
    }
    // As in the chart, these carry no mesh label: found by their fixed names.
    let fixed = [
        "poddisruptionbudget.policy/osm-controller-pdb",
        "horizontalpodautoscaler.autoscaling/osm-injector-hpa",
    ];
    let unlabelled = || cluster().kubectl_words(&["get", "pdb,hpa", "-n", &namespace, "-o", "name"]);
    let found = unlabelled();
    for name in fixed {
        assert!(found.iter().any(|o| o == name), "no {name} in {found:?}");
    }

    uninstall_leaves_no_mesh_object(&mesh, &namespace);
    assert!(unlabelled().is_empty(), "{:?}", unlabelled());
    let left = cluster().kubectl_words(&["get", "meshconfigs,secrets", "-n", &namespace, "-o", "name"]);
    assert!(left.iter().all(|o| o.starts_with("secret/default-token")), "{left:?}");
    cluster().kubectl().args(["delete", "namespace", &namespace, "--wait=false"]).run();
}

/// A mistyped name must not take the installed mesh's MeshConfig or anything else of it: the
/// MeshConfig, the CA bundle and the autoscalers carry no mesh name, only the installed mesh's
/// namespace. The defaults throughout (mesh `osm` in `osm-system`), as a user types it.
#[test]
fn a_mesh_that_is_not_there_is_refused_and_the_installed_one_keeps_everything() {
    let _turn = turn();
    let (mesh, namespace) = ("osm", "osm-system");
    cluster()
        .osm()
        .args(["install", "--no-wait", "--set", "osm.osmController.autoScale.enable=true"])
        .run()
        .success();
    runtime_objects(mesh, namespace);
    let snapshot = || {
        let mut objects = cluster().mesh_objects(mesh);
        objects.extend(cluster().kubectl_words(&[
            "get",
            "meshconfigs,secrets,horizontalpodautoscalers",
            "-n",
            namespace,
            "-o",
            "name",
        ]));
        objects.sort();
        objects
    };
    let before = snapshot();
    for expected in [
        "meshconfig.config.openservicemesh.io/osm-mesh-config",
        "secret/osm-ca-bundle",
        "horizontalpodautoscaler.autoscaling/osm-controller-hpa",
        "deployment.apps/osm-controller",
    ] {
        assert!(before.iter().any(|o| o == expected), "no {expected} in {before:?}");
    }

    for extra in [&["--dry-run"][..], &["-y"][..], &["-y", "--delete-namespace"][..]] {
        let run = cluster()
            .osm()
            .args(["uninstall", "mesh", "--mesh-name", "nosuchmesh"])
            .args(extra)
            .run()
            .code(4)
            .stderr_has("mesh [nosuchmesh] does not exist")
            .stderr_has("meshes in this cluster: osm (namespace osm-system)");
        assert!(!run.stdout.contains("MeshConfig"), "{extra:?} planned osm's MeshConfig: {}", run.stdout);
        assert_eq!(
            snapshot(),
            before,
            "osm uninstall mesh {extra:?} --mesh-name nosuchmesh changed mesh osm"
        );
    }
    // The older syntax too.
    cluster()
        .osm()
        .args(["uninstall", "--mesh-name=nosuchmesh", "-f"])
        .run()
        .code(4)
        .stderr_has("osm-system");
    assert_eq!(snapshot(), before);
    cluster().kubectl().args(["get", "namespace", namespace]).run().success();

    uninstall_leaves_no_mesh_object(mesh, namespace);
    cluster().kubectl().args(["delete", "namespace", namespace, "--wait=false"]).run();
}
