//! `osm install` and `osm mesh upgrade|list` against the real local control plane. Meshes are
//! cluster-wide (single-mesh enforcement is on by default), so the tests take turns.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::common::{InstalledMesh, TestCluster, USER_CONTEXT, repo_root, unique_name};

/// A control plane of this module's own: the tests install meshes that enforce a single mesh
/// (refusing every other test's) and check what the whole cluster holds afterwards.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("install")
}

static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

const SEED: &[&str] = &[
    "--set=OpenServiceMesh.enablePermissiveTrafficPolicy=false",
    "--set=OpenServiceMesh.deployPrometheus=true",
    "--set=OpenServiceMesh.deployGrafana=true",
    "--set=OpenServiceMesh.deployJaeger=true",
];

fn names(prefix: &str) -> InstalledMesh {
    InstalledMesh::named_on(cluster(), prefix)
}

/// `spec.traffic.enableEgress` of the live MeshConfig, as kubectl reads it.
fn live_egress(namespace: &str) -> Vec<String> {
    cluster().kubectl_words(&[
        "get",
        "meshconfig",
        "osm-mesh-config",
        "-n",
        namespace,
        "-o",
        "jsonpath={.spec.traffic.enableEgress}",
    ])
}

#[test]
fn seed_line_installs_everything_and_reinstall_is_a_no_op() {
    let _turn = turn();
    let m = names("seed");
    let run = cluster()
        .osm()
        .arg("install")
        .args(SEED)
        .args(["--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();
    assert!(
        run.stdout.contains(&format!(
            "OSM installed successfully in namespace [{}] with mesh name [{}]",
            m.namespace, m.mesh
        )),
        "{}",
        run.stdout
    );
    for component in ["OSM controller", "OSM injector", "OSM bootstrap", "Prometheus", "Grafana", "Jaeger"] {
        assert!(run.stderr.contains(&format!("✔ {component} ready")), "{}", run.stderr);
    }

    let deployments = cluster()
        .kubectl()
        .args(["get", "deployments", "-n", &m.namespace, "-o", "json"])
        .run()
        .success()
        .json();
    let mut available = Vec::new();
    for d in deployments["items"].as_array().unwrap() {
        let conditions = d["status"]["conditions"].as_array().cloned().unwrap_or_default();
        assert!(
            conditions.iter().any(|c| c["type"] == "Available" && c["status"] == "True"),
            "{} is not Available",
            d["metadata"]["name"]
        );
        available.push(d["metadata"]["name"].as_str().unwrap().to_string());
    }
    available.sort();
    assert_eq!(
        available,
        ["jaeger", "osm-bootstrap", "osm-controller", "osm-grafana", "osm-injector", "osm-prometheus"]
    );

    let services = cluster().kubectl_words(&[
        "get",
        "services",
        "-n",
        &m.namespace,
        "-o",
        "jsonpath={range .items[*]}{.metadata.name}={.spec.ports[0].port} {end}",
    ]);
    for expected in ["osm-prometheus=7070", "osm-grafana=3000", "jaeger=9411", "osm-controller=15128"] {
        assert!(services.contains(&expected.to_string()), "{services:?} lacks {expected}");
    }
    let grafana_selector = cluster().kubectl_words(&[
        "get",
        "service",
        "osm-grafana",
        "-n",
        &m.namespace,
        "-o",
        "jsonpath={.spec.selector.app}",
    ]);
    assert_eq!(grafana_selector, ["osm-grafana"]);

    let config = cluster()
        .kubectl()
        .args(["get", "meshconfig", "osm-mesh-config", "-n", &m.namespace, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(config["spec"]["traffic"]["enablePermissiveTrafficPolicyMode"], false);
    // The live MeshConfig holds what the chart's own rendering of the same line presets
    // (osm.deployJaeger deploys Jaeger; tracing stays off until osm.tracing.enable).
    let reference =
        std::fs::read_to_string(repo_root().join("testdata/osm-chart-v1.2.4/rendered/walkthrough.yaml"))
            .unwrap();
    let preset_text = reference
        .split("\n---")
        .find(|doc| doc.contains("name: preset-mesh-config"))
        .and_then(|doc| doc.split("preset-mesh-config.json: |\n").nth(1))
        .expect("the walkthrough rendering has the preset");
    let preset_json: String =
        preset_text.lines().map(|l| l.strip_prefix("    ").unwrap_or(l)).collect::<Vec<_>>().join("\n");
    let preset: serde_json::Value = serde_json::from_str(&preset_json).unwrap();
    fn holds(expected: &serde_json::Value, actual: &serde_json::Value, path: &str) {
        match expected {
            serde_json::Value::Object(map) => {
                map.iter().for_each(|(k, v)| holds(v, &actual[k], &format!("{path}.{k}")))
            }
            _ => assert_eq!(expected, actual, "MeshConfig spec{path}"),
        }
    }
    holds(&preset, &config["spec"], "");
    let labels = &cluster().kubectl_words(&[
        "get",
        "deployment",
        "osm-controller",
        "-n",
        &m.namespace,
        "-o",
        "jsonpath={.metadata.labels.meshName},{.metadata.labels.enforceSingleMesh}",
    ]);
    assert_eq!(labels, &[format!("{},true", m.mesh)]);

    // A user's edit of the MeshConfig survives a re-install, which changes nothing.
    cluster()
        .kubectl()
        .args(["patch", "meshconfig", "osm-mesh-config", "-n", &m.namespace, "--type=merge"])
        .args(["-p", r#"{"spec":{"traffic":{"enableEgress":false}}}"#])
        .run()
        .success();
    let again = cluster()
        .osm()
        .args(["install", "-v"])
        .args(SEED)
        .args(["--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();
    assert!(again.stdout.contains("nothing changed"), "{}\n{}", again.stdout, again.stderr);
    assert_eq!(live_egress(&m.namespace), ["false"]);

    // Other values on an installed mesh belong to upgrade.
    cluster()
        .osm()
        .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .code(4)
        .stderr_has("osm mesh upgrade");

    let list = cluster().osm().args(["mesh", "list", "-o", "json"]).run().success().json();
    let row = list["meshes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == m.mesh.as_str())
        .expect("listed")
        .clone();
    assert_eq!(row["readyComponents"], 6);
    assert_eq!(row["components"], 6);
    cluster().osm().args(["version"]).run().success().stdout_has(&m.mesh);
}

#[test]
fn walkthrough_manifests_apply_after_install_and_malformed_ones_are_rejected() {
    let _turn = turn();
    let m = names("walk");
    cluster()
        .osm()
        .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();
    for ns in ["bookstore", "bookbuyer", "bookthief", "bookwarehouse", "httpbin", "tcp-demo"] {
        cluster().kubectl().args(["create", "namespace", ns]).run();
    }
    let scratch = cluster().namespace("walk-samples");
    let dir = repo_root().join("testdata/walkthrough");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Files without a namespace go into a scratch namespace (the docs use `-n`).
        let mut apply = cluster().kubectl().args(["apply", "--validate=false"]);
        if !text.contains("namespace:") {
            apply = apply.args(["-n", &scratch]);
        }
        let run = apply.arg("-f").arg(&file).run();
        // The docs' MeshConfig example predates v1.2: it omits certificate.certKeyBitSize,
        // which the v1alpha1 schema of OSM v1.2.4's own CRD requires, so the API server
        // refuses it exactly as it would on a cluster running OSM v1.2.4.
        if file.ends_with("meshconfig_mesh-config.yaml") {
            assert_ne!(run.code, 0, "OSM v1.2.4's CRD requires certKeyBitSize");
            assert!(run.stderr.contains("certKeyBitSize"), "{}", run.stderr);
        } else {
            run.success();
        }
    }
    let splits = cluster().kubectl_words(&["get", "trafficsplits", "-n", "bookstore", "-o", "name"]);
    assert_eq!(splits, ["trafficsplit.split.smi-spec.io/bookstore-split"]);
    cluster().kubectl_words(&[
        "get",
        "traffictargets,httproutegroups,tcproutes",
        "-n",
        "bookstore",
        "-o",
        "name",
    ]);

    let bad_weight = "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: bad\n  namespace: bookstore\nspec:\n  service: bookstore\n  backends:\n  - service: bookstore-v1\n    weight: fifty\n";
    let run = cluster().apply(bad_weight);
    assert_ne!(run.code, 0, "a non-integer weight was accepted");
    assert!(run.stderr.contains("weight"), "{}", run.stderr);
    let no_service = "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: bad\n  namespace: bookstore\nspec:\n  backends:\n  - service: bookstore-v1\n    weight: 1\n";
    let run = cluster().apply(no_service);
    assert_ne!(run.code, 0, "a TrafficSplit without service was accepted");
    assert!(run.stderr.contains("service"), "{}", run.stderr);
    let egress = "apiVersion: policy.openservicemesh.io/v1alpha1\nkind: Egress\nmetadata:\n  name: httpbin-80\n  namespace: bookstore\nspec:\n  sources:\n  - kind: ServiceAccount\n    name: curl\n    namespace: curl\n  hosts:\n  - httpbin.org\n  ports:\n  - number: 80\n    protocol: http\n";
    cluster().apply(egress).success();
}

#[test]
fn refused_installs_create_nothing() {
    let _turn = turn();
    let m = names("refuse");
    let ns_exists = |ns: &str| cluster().kubectl().args(["get", "namespace", ns]).run().code == 0;

    cluster()
        .osm()
        .args([
            "install",
            "--set",
            "osm.deployGrafna=true",
            "--mesh-name",
            &m.mesh,
            "--osm-namespace",
            &m.namespace,
        ])
        .run()
        .code(4)
        .stderr_has("did you mean osm.deployGrafana?");
    cluster()
        .osm()
        .args(["install", "--set", "osm.osmController.replicaCount=many", "--osm-namespace", &m.namespace])
        .run()
        .code(4)
        .stderr_has("osm.osmController.replicaCount must be an integer");
    let run = cluster()
        .osm()
        .args(["--context", USER_CONTEXT, "install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .code(4)
        .stderr_has("missing permissions")
        .stderr_has("create deployments.apps in namespace");
    assert!(
        run.stderr.contains("customresourcedefinitions.apiextensions.k8s.io (cluster-wide)"),
        "{}",
        run.stderr
    );
    assert!(!ns_exists(&m.namespace), "a refused install created its namespace");
    assert!(cluster().mesh_objects(&m.mesh).is_empty());

    // The chart's schema takes any string as a quantity; the API server does not. Its dry run
    // refuses the Deployment before anything of the mesh is written.
    let run = cluster()
        .osm()
        .args(["install", "--set", "osm.osmController.resource.limits.cpu=lots"])
        .args(["--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .code(4)
        .stderr_has("server-side dry run")
        .stderr_has(&format!("Deployment {}/osm-controller", m.namespace))
        .stderr_has(r#"containers[osm-controller].resources.limits.cpu = "lots""#)
        .stderr_has("nothing was changed");
    assert!(!run.stderr.contains("answered 500"), "{}", run.stderr);
    cluster().wait_until("the staged namespace to go", Duration::from_secs(60), || !ns_exists(&m.namespace));
    assert!(cluster().mesh_objects(&m.mesh).is_empty(), "{:?}", cluster().mesh_objects(&m.mesh));
    let records = cluster().kubectl_words(&[
        "get",
        "secrets",
        "-A",
        "-l",
        &format!("owner=helm,name={}", m.mesh),
        "-o",
        "name",
    ]);
    assert!(records.is_empty(), "{records:?}");

    // An existing mesh: the same name elsewhere, and any mesh when one enforces a single mesh.
    cluster()
        .osm()
        .args(["install", "--no-wait", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();
    let elsewhere = unique_name("refuse-elsewhere");
    cluster()
        .osm()
        .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &elsewhere])
        .run()
        .code(4)
        .stderr_has(&format!("mesh [{}] already exists in namespace [{}]", m.mesh, m.namespace));
    let other = unique_name("refuse-other");
    cluster()
        .osm()
        .args([
            "install",
            "--mesh-name",
            &other,
            "--osm-namespace",
            &elsewhere,
            "--enforce-single-mesh=false",
        ])
        .run()
        .code(4)
        .stderr_has("enforces a single mesh");
    cluster()
        .osm()
        .args([
            "install",
            "--mesh-name",
            &other,
            "--osm-namespace",
            &m.namespace,
            "--enforce-single-mesh=false",
        ])
        .run()
        .code(4)
        .stderr_has("already runs osm-controller");
    assert!(!ns_exists(&elsewhere));
    assert!(cluster().mesh_objects(&other).is_empty());
}

#[test]
fn unready_pods_time_out_with_reasons_and_atomic_cleans_up() {
    let _turn = turn();
    let m = names("crash");
    namespace_with_pods_that(&m.namespace, "kubelet-standin.osm.dev/behaviour=crashloop");
    let run = cluster()
        .osm()
        .args(["install", "--timeout", "8s", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .code(5)
        .stderr_has("timed out after 8s")
        .stderr_has("CrashLoopBackOff")
        .stderr_has("pod osm-controller-");
    assert!(run.stderr.contains("osm uninstall mesh"), "{}", run.stderr);
    // Nothing is on record as installed: the one release record says failed, and helm agrees.
    assert_eq!(m.record_states(), ["1=failed"]);
    let deployed = cluster().helm().args(["list", "-n", &m.namespace, "--deployed", "-q"]).run().success();
    assert!(deployed.stdout.trim().is_empty(), "helm lists a deployed release: {}", deployed.stdout);
    let failed =
        cluster().helm().args(["list", "-n", &m.namespace, "--failed", "-o", "json"]).run().success().json();
    assert_eq!(failed[0]["name"], m.mesh.as_str(), "{failed}");
    assert_eq!(failed[0]["status"], "failed", "{failed}");
    // Without --atomic what was applied stays (and uninstall removes it).
    assert!(!cluster().mesh_objects(&m.mesh).is_empty());
    cluster()
        .osm()
        .args(["uninstall", "mesh", "-y", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();

    // What this install did not create stays: a MeshConfig and an object labelled with the mesh.
    let preset = format!(
        "apiVersion: config.openservicemesh.io/v1alpha2\nkind: MeshConfig\nmetadata:\n  name: osm-mesh-config\n  namespace: {}\nspec:\n  traffic:\n    enableEgress: false\n",
        m.namespace
    );
    cluster().apply(&preset).success();
    cluster().kubectl().args(["create", "configmap", "keep-me", "-n", &m.namespace]).run().success();
    cluster()
        .kubectl()
        .args(["label", "configmap", "keep-me", "-n", &m.namespace])
        .arg(format!("app.kubernetes.io/instance={}", m.mesh))
        .run()
        .success();

    // While the install waits, the mesh's components create their webhooks and CA bundle.
    let (mesh, namespace) = (m.mesh.clone(), m.namespace.clone());
    let runtime = std::thread::spawn(move || {
        cluster().wait_until("osm-controller applied", Duration::from_secs(30), || {
            cluster().kubectl().args(["get", "deployment", "osm-controller", "-n", &namespace]).run().code
                == 0
        });
        for kind in ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"] {
            let webhook = format!(
                "apiVersion: admissionregistration.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: osm-{}-{mesh}\n  labels:\n    app.kubernetes.io/instance: {mesh}\n    app.kubernetes.io/name: openservicemesh.io\nwebhooks: []\n",
                kind.to_lowercase()
            );
            cluster().apply(&webhook).success();
        }
        cluster()
            .kubectl()
            .args(["create", "secret", "generic", "osm-ca-bundle", "-n", &namespace])
            .arg("--from-literal=ca.crt=test")
            .run()
            .success();
    });
    let atomic = cluster()
        .osm()
        .args([
            "install",
            "--atomic",
            "--timeout",
            "8s",
            "--mesh-name",
            &m.mesh,
            "--osm-namespace",
            &m.namespace,
        ])
        .run()
        .code(5)
        .stderr_has("--atomic: removing");
    runtime.join().unwrap();
    assert!(atomic.stderr.contains("CrashLoopBackOff"));
    assert_eq!(cluster().mesh_objects(&m.mesh), ["configmap/keep-me"]);
    let webhooks = cluster().kubectl_words(&[
        "get",
        "mutatingwebhookconfigurations,validatingwebhookconfigurations",
        "-l",
        &format!("app.kubernetes.io/instance={}", m.mesh),
        "-o",
        "name",
    ]);
    assert!(webhooks.is_empty(), "{webhooks:?}");
    let left = cluster().kubectl_words(&[
        "get",
        "meshconfigs,configmaps,deployments,secrets",
        "-n",
        &m.namespace,
        "-o",
        "name",
    ]);
    let mut left: Vec<String> = left.into_iter().filter(|o| !o.starts_with("secret/default-token")).collect();
    left.sort();
    assert_eq!(
        left,
        [
            "configmap/keep-me",
            "configmap/kube-root-ca.crt",
            "meshconfig.config.openservicemesh.io/osm-mesh-config"
        ]
    );
    assert_eq!(live_egress(&m.namespace), ["false"]);
    // The namespace existed before, so --atomic leaves it.
    cluster().kubectl().args(["get", "namespace", &m.namespace]).run().success();
}

/// Pods that take a while to become ready (the kubelet stand-in's `ready-after`, as a readiness
/// probe would) are waited for, and the install says how long.
#[test]
fn an_install_whose_pods_become_ready_after_a_delay_waits_for_them() {
    let _turn = turn();
    let m = names("slow");
    namespace_with_pods_that(&m.namespace, "kubelet-standin.osm.dev/ready-after=5s");
    let started = std::time::Instant::now();
    let run = cluster()
        .osm()
        .args(["install", "--timeout", "90s", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success()
        .stdout_has("OSM installed successfully");
    // The wait starts once everything is applied, when the pods have already been running a while.
    let waited: Vec<u64> = run
        .stderr
        .lines()
        .filter_map(|l| l.split_once(" ready after ")?.1.strip_suffix('s')?.parse().ok())
        .collect();
    assert!(run.stderr.contains("✔ OSM controller ready after "), "{}", run.stderr);
    assert!(waited.len() == 3 && waited.iter().all(|s| *s >= 1), "{waited:?}\n{}", run.stderr);
    assert!(started.elapsed() >= Duration::from_secs(5), "returned before any pod was ready");
    // The controller's pod was Running 5 s before it was Ready, as the API server recorded it.
    let times = cluster().kubectl_words(&[
        "get",
        "pods",
        "-n",
        &m.namespace,
        "-l",
        "app=osm-controller",
        "-o",
        "jsonpath={.items[0].status.startTime} {.items[0].status.conditions[?(@.type==\"Ready\")].lastTransitionTime}",
    ]);
    let seconds = |t: &str| -> i64 {
        let clock: Vec<i64> = t[11..19].split(':').map(|n| n.parse().unwrap()).collect();
        clock[0] * 3600 + clock[1] * 60 + clock[2]
    };
    assert_eq!(times.len(), 2, "{times:?}");
    assert!((seconds(&times[1]) - seconds(&times[0])).rem_euclid(86_400) >= 5, "{times:?}");
    assert_eq!(m.record_states(), ["1=deployed"]);
    let ready = cluster().kubectl_words(&[
        "get",
        "deployment",
        "osm-controller",
        "-n",
        &m.namespace,
        "-o",
        "jsonpath={.status.readyReplicas}",
    ]);
    assert_eq!(ready, ["1"]);
}

#[test]
fn install_does_not_take_over_a_mesh_it_did_not_install() {
    let _turn = turn();
    let m = names("takeover");
    let install = || {
        cluster()
            .osm()
            .args(["install", "--no-wait", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
            .run()
    };
    install().success();
    // The same install again is a re-install of osm's own mesh.
    install().success().stdout_has("OSM is already installed");
    // Without its release record, the mesh is someone else's.
    let records = format!("owner=helm,name={}", m.mesh);
    cluster()
        .kubectl()
        .args(["delete", "secret", "-l", &records, "-n", &m.namespace])
        .run()
        .success()
        .stdout_has("deleted");
    let deployments = |ns: &str| {
        cluster().kubectl_words(&[
            "get",
            "deployments",
            "-n",
            ns,
            "-o",
            "jsonpath={range .items[*]}{.metadata.name}={.metadata.resourceVersion} {end}",
        ])
    };
    // The Deployments' status settles first: a status update by the controllers would change
    // the resourceVersions this test compares to prove osm wrote nothing.
    for d in ["osm-bootstrap", "osm-controller", "osm-injector"] {
        cluster()
            .kubectl()
            .args(["rollout", "status", "--timeout=120s", "-n", &m.namespace, &format!("deployment/{d}")])
            .run()
            .success();
    }
    let before = deployments(&m.namespace);
    assert_eq!(before.len(), 3, "{before:?}");
    install()
        .code(4)
        .stderr_has(&format!("mesh [{}] already runs in namespace [{}]", m.mesh, m.namespace))
        .stderr_has("osm mesh upgrade")
        .stderr_has("osm uninstall mesh");
    assert_eq!(deployments(&m.namespace), before);
    let left = cluster().kubectl_words(&["get", "secret", "-l", &records, "-n", &m.namespace, "-o", "name"]);
    assert!(left.is_empty(), "a refused install wrote a release record: {left:?}");
}

#[test]
fn upgrade_keeps_values_and_prunes() {
    let _turn = turn();
    let m = names("upgrade");
    cluster()
        .osm()
        .args(["install", "--set", "osm.deployGrafana=true,osm.enablePermissiveTrafficPolicy=false"])
        .args(["--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();
    let run = cluster()
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", &m.mesh, "--set", "osm.deployPrometheus=true"])
        .run()
        .success()
        .stdout_has("osm.deployPrometheus: false -> true")
        .stdout_has("OSM upgraded successfully");
    assert!(!run.stdout.contains("deployGrafana"), "kept values show as changes: {}", run.stdout);
    let deployments = cluster().kubectl_words(&["get", "deployments", "-n", &m.namespace, "-o", "name"]);
    assert!(deployments.contains(&"deployment.apps/osm-grafana".to_string()), "{deployments:?}");
    assert!(deployments.contains(&"deployment.apps/osm-prometheus".to_string()), "{deployments:?}");
    let preset = cluster()
        .kubectl_words(&[
            "get",
            "configmap",
            "preset-mesh-config",
            "-n",
            &m.namespace,
            "-o",
            "jsonpath={.data.preset-mesh-config\\.json}",
        ])
        .join(" ");
    assert!(preset.contains(r#""enablePermissiveTrafficPolicyMode": false"#), "{preset}");

    cluster()
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", &m.mesh, "--set", "osm.deployGrafana=false"])
        .run()
        .success()
        .stdout_has("removes: ");
    let remaining = cluster().kubectl_words(&[
        "get",
        "deployments,services,configmaps,serviceaccounts",
        "-n",
        &m.namespace,
        "-o",
        "name",
    ]);
    assert!(remaining.iter().all(|o| !o.contains("grafana")), "{remaining:?}");
    assert!(remaining.contains(&"deployment.apps/osm-prometheus".to_string()));

    let run = cluster()
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", &m.mesh, "--reset-values", "--dry-run"])
        .run()
        .success()
        .stdout_has("osm.deployPrometheus: true -> false")
        .stdout_has("osm.enablePermissiveTrafficPolicy: false -> true")
        .stderr_has("osm mesh config set");
    // Only the values that seed the MeshConfig are named as not reaching the live one.
    let hint = run.stderr.lines().find(|l| l.contains("only seed the MeshConfig")).unwrap_or_default();
    assert!(hint.contains("osm.enablePermissiveTrafficPolicy"), "{}", run.stderr);
    assert!(!hint.contains("deployPrometheus"), "{}", run.stderr);
    cluster().wait_until("prometheus stays", Duration::from_secs(1), || {
        cluster()
            .kubectl_words(&["get", "deployments", "-n", &m.namespace, "-o", "name"])
            .contains(&"deployment.apps/osm-prometheus".to_string())
    });
}

#[test]
fn a_failed_upgrade_restores_the_previous_control_plane_and_records_the_failure() {
    let _turn = turn();
    let m = names("restore");
    cluster()
        .osm()
        .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .run()
        .success();
    assert_eq!(m.record_states(), ["1=deployed"]);
    let controller_args = || {
        cluster().kubectl_words(&[
            "get",
            "deployment",
            "osm-controller",
            "-n",
            &m.namespace,
            "-o",
            "jsonpath={.spec.template.spec.containers[0].args}",
        ])
    };
    let before = controller_args();
    assert!(before.join(" ").contains("info"), "{before:?}");

    // From now on the kubelet stand-in fails every new pod's image pull: the upgrade's new
    // controller never becomes ready.
    cluster()
        .kubectl()
        .args(["annotate", "namespace", &m.namespace, "kubelet-standin.osm.dev/behaviour=imagepull"])
        .run()
        .success();
    let run = cluster()
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", &m.mesh, "--set", "osm.controllerLogLevel=debug"])
        .args(["--timeout", "10s"])
        .run()
        .code(5)
        .stderr_has("timed out")
        .stderr_has("restoring the");
    assert!(!run.stdout.contains("upgraded successfully"), "{}", run.stdout);
    assert_eq!(controller_args(), before, "the previous controller was not restored");
    // The previous revision still describes what runs; the attempt is on record as failed.
    assert_eq!(m.record_states(), ["1=deployed", "2=failed"]);

    // Once pods can start again, the same upgrade goes through and supersedes revision 1.
    cluster()
        .kubectl()
        .args(["annotate", "namespace", &m.namespace, "kubelet-standin.osm.dev/behaviour-"])
        .run()
        .success();
    cluster()
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", &m.mesh, "--set", "osm.controllerLogLevel=debug"])
        .run()
        .success()
        .stdout_has("(revision 3)");
    assert_eq!(m.record_states(), ["1=superseded", "2=failed", "3=deployed"]);
    assert!(controller_args().join(" ").contains("debug"), "{:?}", controller_args());
}

#[test]
fn disruption_budgets_and_autoscalers_use_the_versions_the_server_serves() {
    let _turn = turn();
    let m = names("hpa");
    cluster()
        .osm()
        .args(["install", "--no-wait", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        .args([
            "--set",
            "osm.osmController.enablePodDisruptionBudget=true,osm.injector.autoScale.enable=true",
        ])
        .run()
        .success()
        .stdout_has("not waiting");
    // Kubernetes 1.20 serves policy/v1beta1 and autoscaling/v2beta2, not v1 and v2; from 1.25 and
    // 1.26 on it is the other way round.
    let (pdb_resource, hpa_resource) = match crate::common::kube_release().as_str() {
        "1.20" => ("poddisruptionbudgets.v1beta1.policy", "horizontalpodautoscalers.v2beta2.autoscaling"),
        _ => ("poddisruptionbudgets.v1.policy", "horizontalpodautoscalers.v2.autoscaling"),
    };
    let pdb = cluster()
        .kubectl()
        .args(["get", pdb_resource, "osm-controller-pdb", "-n", &m.namespace, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(pdb["spec"]["minAvailable"], 1);
    let hpa = cluster()
        .kubectl()
        .args(["get", hpa_resource, "osm-injector-hpa", "-n", &m.namespace, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(hpa["spec"]["maxReplicas"], 5);
    assert_eq!(hpa["spec"]["scaleTargetRef"]["name"], "osm-injector");
}

/// Creates `namespace` with a kubelet stand-in annotation that every pod in it follows.
fn namespace_with_pods_that(namespace: &str, annotation: &str) {
    cluster().kubectl().args(["create", "namespace", namespace]).run().success();
    cluster().kubectl().args(["annotate", "namespace", namespace, annotation]).run().success();
}
