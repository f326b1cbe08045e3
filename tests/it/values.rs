//! Offline: values handling through the binary. What the values render to is checked against
//! the upstream chart's own rendering in `chart_contract.rs`.

use crate::common::osm_offline;

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
    let record = items
        .iter()
        .find(|o| o["kind"] == "Secret" && o["metadata"]["name"] == "sh.helm.release.v1.blue.v1")
        .expect("the release record, as Helm names it");
    assert_eq!(record["type"], "helm.sh/release.v1");
    assert_eq!(record["metadata"]["labels"]["owner"], "helm");
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

/// The messages are in tests/it/snapshots/it__snapshots__bad_values_and_mesh_names.snap.
#[test]
fn bad_key_and_bad_type_are_refused_offline() {
    osm_offline().args(["install", "--dry-run", "--set", "osm.deployGrafna=true"]).run().code(4);
    osm_offline().args(["install", "--dry-run", "--set", "OpenServiceMesh.enableEgress=maybe"]).run().code(4);
    osm_offline().args(["install", "--osm-chart-path", "./charts/osm"]).run().code(4);
    osm_offline().args(["install", "--dry-run", "--mesh-name", "no good"]).run().code(4);
}

/// A credential given as a value is in no output, and not in the release record either: its
/// values leave it out and its manifest shows the mask (the record is decoded here as Helm
/// decodes it: base64, then gunzip).
#[test]
fn credentials_stay_out_of_the_dry_run_and_the_release_record() {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as BASE64;
    use std::io::Read;

    let token = "hvs.S3CRET-T0KEN";
    let run = osm_offline()
        .args(["install", "--dry-run", "-o", "json", "--set"])
        .arg(format!(
            "osm.certificateProvider.kind=vault,osm.vault.host=vault.example,osm.vault.token={token}"
        ))
        .run()
        .success()
        .stderr_has("osm.vault.secret.name");
    assert!(!run.stdout.contains(token) && !run.stderr.contains(token));
    let list = run.json();
    let items = list["items"].as_array().unwrap();
    let controller = items
        .iter()
        .find(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == "osm-controller")
        .unwrap();
    assert!(controller.to_string().contains("<hidden: osm.vault.token>"), "{controller}");

    let record = items.iter().find(|o| o["kind"] == "Secret" && o["type"] == "helm.sh/release.v1").unwrap();
    let helm_string = BASE64.decode(record["data"]["release"].as_str().unwrap()).unwrap();
    let gzipped = BASE64.decode(helm_string).unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(gzipped.as_slice()).read_to_string(&mut json).unwrap();
    assert!(!json.contains(token), "the release record holds the token");
    let release: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(release["manifest"].as_str().unwrap().contains("<hidden: osm.vault.token>"));
    assert_eq!(release["config"]["osm"]["vault"]["host"], "vault.example");
    assert!(release["config"]["osm"]["vault"].get("token").is_none(), "{}", release["config"]);
}
