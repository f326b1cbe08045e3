//! Offline: values handling through the binary. What the values render to is checked against
//! the upstream chart's own rendering in `chart_contract.rs`.

mod common;

use common::osm_offline;

const SEED: &[&str] = &[
    "--set=OpenServiceMesh.enablePermissiveTrafficPolicy=false",
    "--set=OpenServiceMesh.deployPrometheus=true",
    "--set=OpenServiceMesh.deployGrafana=true",
    "--set=OpenServiceMesh.deployJaeger=true",
];

#[test]
fn the_go_cli_walkthrough_line_means_the_osm_keys() {
    let seed = osm_offline().arg("install").args(SEED).arg("--dry-run").run().success();
    let modern: Vec<String> = SEED.iter().map(|a| a.replace("OpenServiceMesh.", "osm.")).collect();
    let osm = osm_offline().arg("install").args(&modern).arg("--dry-run").run().success();
    assert_eq!(seed.stdout, osm.stdout);
    assert!(seed.stdout.contains("name: osm-grafana") && seed.stdout.contains("name: jaeger"));
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
    assert!(run.stderr.contains("release record sh.helm.release.v1.blue.v1"), "{}", run.stderr);
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
