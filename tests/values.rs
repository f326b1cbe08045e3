//! Offline: values handling through the binary, and the rendered manifests against golden files
//! in `testdata/install/` (regenerate with `OSM_UPDATE_GOLDEN=1 cargo test --test values`).

mod common;

use common::{osm_offline, repo_root};

const SEED: &[&str] = &[
    "--set=OpenServiceMesh.enablePermissiveTrafficPolicy=false",
    "--set=OpenServiceMesh.deployPrometheus=true",
    "--set=OpenServiceMesh.deployGrafana=true",
    "--set=OpenServiceMesh.deployJaeger=true",
];

fn golden(name: &str, actual: &str) {
    let path = repo_root().join("testdata/install").join(name);
    if std::env::var_os("OSM_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with OSM_UPDATE_GOLDEN=1)", path.display()));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "rendered manifests differ from {} at line {} (OSM_UPDATE_GOLDEN=1 regenerates):\n expected: {:?}\n actual:   {:?}",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn dry_run_default_matches_golden_without_a_cluster() {
    let run = osm_offline().args(["install", "--dry-run"]).run().success();
    assert!(run.stderr.is_empty(), "dry-run must not talk about a cluster: {}", run.stderr);
    golden("default.yaml", &run.stdout);
}

#[test]
fn dry_run_seed_line_matches_golden() {
    let run = osm_offline().arg("install").args(SEED).arg("--dry-run").run().success();
    golden("seed.yaml", &run.stdout);
    for needle in [
        "name: osm-prometheus",
        "name: osm-grafana",
        "name: jaeger",
        "enablePermissiveTrafficPolicyMode: false",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle}");
    }
}

#[test]
fn dry_run_json_is_a_list() {
    let run =
        osm_offline().args(["install", "--dry-run", "-o", "json", "--mesh-name", "blue"]).run().success();
    let list = run.json();
    assert_eq!(list["kind"], "List");
    let items = list["items"].as_array().unwrap();
    let controller = items
        .iter()
        .find(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == "osm-controller")
        .expect("controller");
    assert_eq!(controller["metadata"]["labels"]["meshName"], "blue");
    assert_eq!(controller["metadata"]["labels"]["app.kubernetes.io/instance"], "blue");
    assert!(items.iter().any(|o| o["kind"] == "ClusterRole" && o["metadata"]["name"] == "blue"));
    assert!(items.iter().any(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == "osm-install-blue"));
}

#[test]
fn values_file_and_set_string() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("values.yaml");
    std::fs::write(&file, "osm:\n  deployJaeger: true\n  osmController:\n    replicaCount: 2\n").unwrap();
    let run = osm_offline()
        .args(["install", "--dry-run", "-o", "json", "-f"])
        .arg(&file)
        .args(["--set-string", "osm.image.tag=v1.2.3"])
        .run()
        .success();
    let items = run.json()["items"].as_array().unwrap().clone();
    let controller = items
        .iter()
        .find(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == "osm-controller")
        .unwrap();
    assert_eq!(controller["spec"]["replicas"], 2);
    assert_eq!(
        controller["spec"]["template"]["spec"]["containers"][0]["image"],
        "openservicemesh/osm-controller:v1.2.3"
    );
    assert!(items.iter().any(|o| o["kind"] == "Service" && o["metadata"]["name"] == "jaeger"));
}

#[test]
fn bad_key_and_bad_type_are_refused_offline() {
    osm_offline()
        .args(["install", "--dry-run", "--set", "osm.deployGrafna=true"])
        .run()
        .code(4)
        .stderr_has("unknown value key osm.deployGrafna")
        .stderr_has("did you mean osm.deployGrafana?");
    osm_offline()
        .args(["install", "--dry-run", "--set", "OpenServiceMesh.enableEgress=maybe"])
        .run()
        .code(4)
        .stderr_has("osm.enableEgress must be a boolean");
    osm_offline()
        .args(["install", "--osm-chart-path", "./charts/osm"])
        .run()
        .code(4)
        .stderr_has("--osm-chart-path")
        .stderr_has("--set");
    osm_offline()
        .args(["install", "--dry-run", "--mesh-name", "no good"])
        .run()
        .code(4)
        .stderr_has("mesh name");
}
