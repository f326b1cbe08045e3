//! `osm support bug-report|error-info` and `osm env`. The bug report runs against the real local
//! control plane with an installed mesh, a crash-looping controller, a meshed app pod whose
//! sidecar admin (a loopback HTTP server) serves a config dump, and a token planted in a
//! ConfigMap, an environment variable, a pod annotation and the config dump; the archive is
//! opened, its entries listed and read, and searched for the token.

use std::collections::BTreeMap;
use std::io::Read;
use std::time::Duration;

use crate::common::fixture::MeshedPod;
use crate::common::loopback::http_server;
use crate::common::{cluster, osm_offline};

/// A GitHub-style personal access token: what a user might paste into a ConfigMap.
const TOKEN: &str = "ghp_Q7x9Lm2Rt5Vw8Yz1Ab4Cd6Ef3Gh0Jk2Mn5Pq";
/// Lives in a Secret only: must never reach the archive, redacted or not.
const SECRET_VALUE: &str = "only-in-a-secret-4711";

fn read_zip(path: &std::path::Path) -> BTreeMap<String, String> {
    let file = std::fs::File::open(path).expect("open the archive");
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let mut entries = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let mut text = String::new();
        entry.read_to_string(&mut text).expect("entry is text");
        entries.insert(entry.name().expect("entry name").to_string(), text);
    }
    entries
}

#[test]
fn bug_report_collects_the_mesh_and_hides_credentials() {
    let m = crate::common::InstalledMesh::named("bug");
    cluster()
        .osm()
        .args(["install", "--mesh-name", &m.mesh, "--osm-namespace", &m.namespace])
        // The shared cluster holds other tests' meshes (see InstalledMesh::install).
        .arg("--enforce-single-mesh=false")
        .run()
        .success();
    cluster()
        .kubectl()
        .args([
            "create",
            "secret",
            "generic",
            "db",
            "-n",
            &m.namespace,
            &format!("--from-literal=password={SECRET_VALUE}"),
        ])
        .run()
        .success();
    // The controller crash-loops; its previous instance logged the token.
    let patch = serde_json::json!({"spec": {"template": {"metadata": {"annotations": {
        "kubelet-standin.osm.dev/behaviour": "crashloop",
        "kubelet-standin.osm.dev/previous-log": format!("starting\nconnecting with {TOKEN}\npanic: lost the MeshConfig"),
    }}}}});
    cluster()
        .kubectl()
        .args([
            "patch",
            "deployment",
            "osm-controller",
            "-n",
            &m.namespace,
            "--type",
            "merge",
            "-p",
            &patch.to_string(),
        ])
        .run()
        .success();

    let app = cluster().namespace("bug-app");
    cluster().osm().args(["namespace", "add", &app, "--mesh-name", &m.mesh]).run().success();
    cluster()
        .kubectl()
        .args([
            "create",
            "configmap",
            "settings",
            "-n",
            &app,
            &format!("--from-literal=upstream=https://api.example.com key {TOKEN}"),
        ])
        .run()
        .success();
    let dump = format!(
        r#"{{"configs": [{{"@type": "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump", "bootstrap": {{"node": {{"id": "bookbuyer"}}, "admin_token": "{TOKEN}"}}}}]}}"#
    );
    let admin = http_server(&[("/config_dump", "application/json", dump.as_bytes())]);
    MeshedPod::new(&app, "bookbuyer")
        .admin(admin.port)
        .annotation("example.com/upstream-token", TOKEN)
        .app_container(serde_json::json!({
            "image": "openservicemesh/bookbuyer:v1.2.0",
            "env": [
                {"name": "API_TOKEN", "value": TOKEN},
                {"name": "UPSTREAM", "value": format!("https://user:{TOKEN}@api.example.com")},
            ],
        }))
        .apply(cluster());
    // A meshed pod that never starts: its config dump cannot be collected.
    MeshedPod::new(&app, "stuck")
        .annotation("kubelet-standin.osm.dev/behaviour", "pending")
        .app_container(serde_json::json!({"image": "stuck:v1"}))
        .apply(cluster());
    cluster().wait_until("bookbuyer Running and a crash-looping controller", Duration::from_secs(60), || {
        let phase = cluster().kubectl_words(&[
            "get",
            "pod",
            "bookbuyer",
            "-n",
            &app,
            "-o",
            "jsonpath={.status.phase}",
        ]);
        let reasons = cluster().kubectl_words(&[
            "get",
            "pods",
            "-n",
            &m.namespace,
            "-l",
            "app=osm-controller",
            "-o",
            "jsonpath={.items[*].status.containerStatuses[0].state.waiting.reason}",
        ]);
        phase == ["Running"] && reasons.iter().any(|r| r == "CrashLoopBackOff")
    });

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.zip");
    let run = cluster()
        .osm()
        .args(["support", "bug-report", "--osm-namespace", &m.namespace, "-o"])
        .arg(&out)
        .run()
        .success();
    assert!(run.stdout.contains(&format!("Bug report written to {}", out.display())), "{}", run.stdout);
    let entries = read_zip(&out);
    let names: Vec<&String> = entries.keys().collect();
    let crashing = cluster().kubectl_words(&[
        "get", "pods", "-n", &m.namespace, "-l", "app=osm-controller",
        "-o", "jsonpath={range .items[?(@.status.containerStatuses[0].state.waiting.reason==\"CrashLoopBackOff\")]}{.metadata.name}{end}",
    ]);
    let crashing = &crashing[0];
    for expected in [
        "README.txt".to_string(),
        "version.txt".to_string(),
        "check.txt".to_string(),
        "crds.txt".to_string(),
        "control-plane/deployments.yaml".to_string(),
        "control-plane/events.yaml".to_string(),
        "control-plane/pods.yaml".to_string(),
        "control-plane/meshconfig.yaml".to_string(),
        format!("control-plane/logs/{crashing}/osm-controller.previous.log"),
        format!("namespaces/{app}/pods.yaml"),
        format!("namespaces/{app}/configmaps.yaml"),
        format!("namespaces/{app}/envoy/bookbuyer.config_dump.json"),
        "not-collected.txt".to_string(),
    ] {
        assert!(entries.contains_key(&expected), "{expected} missing from {names:?}");
    }
    // Contents: what was asked for, in osm's and kubectl's words.
    assert!(entries["version.txt"].contains("CLI Version:"), "{}", entries["version.txt"]);
    assert!(
        entries["check.txt"]
            .contains(&format!("[fail] control-plane Deployments in {} are available", m.namespace))
    );
    assert!(entries["check.txt"].contains("CrashLoopBackOff"));
    assert!(entries["crds.txt"].contains("meshconfigs.config.openservicemesh.io"));
    assert!(entries["control-plane/meshconfig.yaml"].contains("kind: MeshConfig"));
    let previous = &entries[&format!("control-plane/logs/{crashing}/osm-controller.previous.log")];
    assert!(previous.contains("panic: lost the MeshConfig"), "{previous}");
    assert!(
        entries[&format!("namespaces/{app}/envoy/bookbuyer.config_dump.json")]
            .contains("BootstrapConfigDump")
    );
    assert!(
        entries["not-collected.txt"].contains(&format!("the Envoy config dump of {app}/stuck")),
        "{}",
        entries["not-collected.txt"]
    );

    // No credential anywhere, and no Secret at all.
    for (name, text) in &entries {
        assert!(!text.contains(TOKEN), "{name} carries the token:\n{text}");
        assert!(!text.contains(SECRET_VALUE), "{name} carries the Secret's value");
        assert!(!text.contains("kind: Secret"), "{name} carries a Secret");
    }
    assert!(entries[&format!("namespaces/{app}/pods.yaml")].contains("<redacted>"));
    assert!(previous.contains("connecting with <redacted>"), "{previous}");

    // The Go CLI's flags, a namespaced pod, and a refused format.
    let out2 = dir.path().join("pod.zip");
    cluster()
        .osm()
        .args([
            "support",
            "bug-report",
            "--osm-namespace",
            &m.namespace,
            "--app-pods",
            &format!("{app}/bookbuyer"),
            "-o",
        ])
        .arg(&out2)
        .run()
        .success();
    let entries = read_zip(&out2);
    assert!(entries.contains_key(&format!("namespaces/{app}/pods-bookbuyer.yaml")), "{:?}", entries.keys());
    assert!(
        !entries.contains_key(&format!("namespaces/{app}/configmaps.yaml")),
        "only the pod was asked for"
    );
    cluster()
        .kubectl()
        .args(["create", "deployment", "web", "-n", &app, "--image=example/web:v1"])
        .run()
        .success();
    cluster().wait_until("a Running pod of deployment web", Duration::from_secs(60), || {
        cluster().kubectl_words(&[
            "get",
            "pods",
            "-n",
            &app,
            "-l",
            "app=web",
            "-o",
            "jsonpath={.items[*].status.phase}",
        ]) == ["Running"]
    });
    let out3 = dir.path().join("deployment.zip");
    cluster()
        .osm()
        .args(["support", "bug-report", "--osm-namespace", &m.namespace])
        .args(["--app-deployments", &format!("{app}/web,{app}/ghost"), "-o"])
        .arg(&out3)
        .run()
        .success();
    let entries = read_zip(&out3);
    let deployment = &entries[&format!("namespaces/{app}/deployment-web.yaml")];
    assert!(deployment.contains("kind: Deployment") && deployment.contains("name: web"), "{deployment}");
    let web_pods = cluster().kubectl_words(&["get", "pods", "-n", &app, "-l", "app=web", "-o", "name"]);
    let selected = &entries[&format!("namespaces/{app}/pods-selected.yaml")];
    assert!(!web_pods.is_empty());
    for pod in &web_pods {
        let name = pod.trim_start_matches("pod/");
        assert!(selected.contains(&format!("name: {name}")), "{name} missing from:\n{selected}");
    }
    assert!(!selected.contains("name: bookbuyer"), "only the Deployment's pods:\n{selected}");
    assert!(
        entries["not-collected.txt"].contains(&format!("Deployment {app}/ghost does not exist")),
        "{}",
        entries["not-collected.txt"]
    );
    cluster()
        .osm()
        .args(["support", "bug-report", "-o", "report.tar.gz"])
        .run()
        .code(2)
        .stderr_has("name the file with a .zip extension");
    cluster()
        .osm()
        .args(["support", "bug-report", "-o"])
        .arg(&out)
        .run()
        .code(4)
        .stderr_has("exists already");
}

#[test]
fn error_info_lists_osm_error_codes() {
    // One code's table and the refusals are in tests/it/snapshots/it__snapshots__error_info.snap.
    osm_offline().args(["support", "error-info", "E1000"]).run().success();
    let all = osm_offline().args(["support", "error-info", "-o", "json"]).run().success().json();
    let codes: Vec<&str> = all.as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap()).collect();
    assert_eq!(codes.len(), 96);
    assert!(codes.contains(&"E6100") && codes.contains(&"E7005"), "{codes:?}");
    osm_offline().args(["support", "error-info", "E9999"]).run().code(4);
    osm_offline().args(["support", "error-info", "oops"]).run().code(4);
}

#[test]
fn env_names_each_setting_and_its_source() {
    let run = osm_offline().args(["env"]).run().success();
    assert!(run.stdout.starts_with("---\ninstall:\n  kind: self-hosted\n"), "{}", run.stdout);
    assert!(run.stdout.contains("  namespace: \"osm-system\"\n"), "{}", run.stdout);
    assert!(run.stdout.contains("osm-namespace: \"osm-system\" # default (osm-system)"), "{}", run.stdout);
    let run = osm_offline().env("OSM_NAMESPACE", "kube-system").args(["env"]).run().success();
    assert!(
        run.stdout.contains("osm-namespace: \"kube-system\" # OSM_NAMESPACE environment variable"),
        "{}",
        run.stdout
    );
    let json = osm_offline()
        .env("OSM_NAMESPACE", "kube-system")
        .args(["env", "--osm-namespace", "mesh-a", "--kubeconfig", "/tmp/kc", "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(json["install"]["namespace"], "mesh-a");
    let sources: BTreeMap<String, String> = json["settings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap().to_string(), s["source"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(sources["osm-namespace"], "--osm-namespace flag");
    assert_eq!(sources["kubeconfig"], "--kubeconfig flag");
    assert_eq!(sources["no-color"], "NO_COLOR environment variable");
}
