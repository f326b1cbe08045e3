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

/// The release record a `--dry-run -o json` prints, decoded as Helm decodes it: base64, then gunzip.
fn release_of(items: &[serde_json::Value]) -> (String, serde_json::Value) {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as BASE64;
    use std::io::Read;

    let record = items.iter().find(|o| o["kind"] == "Secret" && o["type"] == "helm.sh/release.v1").unwrap();
    let helm_string = BASE64.decode(record["data"]["release"].as_str().unwrap()).unwrap();
    let gzipped = BASE64.decode(helm_string).unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(gzipped.as_slice()).read_to_string(&mut json).unwrap();
    let release = serde_json::from_str(&json).unwrap();
    (json, release)
}

fn container_args(items: &[serde_json::Value], deployment: &str) -> Vec<String> {
    let d = items.iter().find(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == deployment).unwrap();
    d["spec"]["template"]["spec"]["containers"][0]["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect()
}

/// A credential given as a value is in no message and not in the release record: its values
/// leave it out and its manifest shows the mask where the chart put it. The objects themselves
/// are the chart's, token included, as `helm template` prints them (`chart_contract.rs` compares
/// them with real helm's rendering).
#[test]
fn credentials_stay_out_of_messages_and_the_release_record() {
    let token = "hvs.S3CRET-T0KEN";
    let run = osm_offline()
        .args(["install", "--dry-run", "-o", "json", "--set"])
        .arg(format!(
            "osm.certificateProvider.kind=vault,osm.vault.host=vault.example,osm.vault.token={token}"
        ))
        .run()
        .success()
        .stderr_has("osm.vault.secret.name");
    assert!(!run.stderr.contains(token), "{}", run.stderr);
    let list = run.json();
    let items = list["items"].as_array().unwrap();
    // osm-deployment.yaml:71 of the chart: `"--vault-token", "{{ ... .Values.osm.vault.token }}"`.
    let args = container_args(items, "osm-controller");
    let at = args.iter().position(|a| a == "--vault-token").expect("--vault-token");
    assert_eq!(args[at + 1], token, "{args:?}");

    let (json, release) = release_of(items);
    assert!(!json.contains(token), "the release record holds the token");
    assert!(release["manifest"].as_str().unwrap().contains("- \"<hidden: osm.vault.token>\"\n"));
    assert_eq!(release["config"]["osm"]["vault"]["host"], "vault.example");
    assert!(release["config"]["osm"]["vault"].get("token").is_none(), "{}", release["config"]);
}

/// Hiding a credential must not touch text that merely equals a value the user gave: with the
/// Secret's key named `token`, the chart's flag `--vault-token-secret-name` stays whole, in the
/// objects and in the record (osm-injector-deployment.yaml:67-69 of the chart writes the flags
/// literally), and the key's name is stored, since it is no credential.
#[test]
fn hiding_a_credential_leaves_flag_names_and_key_names_alone() {
    let run = osm_offline()
        .args(["install", "--dry-run", "-o", "json"])
        .args(["--set", "osm.certificateProvider.kind=vault", "--set", "osm.vault.host=vault.example"])
        .args(["--set", "osm.vault.token=s3cr3t", "--set", "osm.vault.secret.name=vault-token"])
        .args(["--set", "osm.vault.secret.key=token"])
        .run()
        .success();
    assert!(!run.stdout.contains("<hidden: osm.vault.secret.key>"), "a key name was masked");
    assert!(!run.stderr.contains("s3cr3t"), "{}", run.stderr);
    let list = run.json();
    let items = list["items"].as_array().unwrap();
    let args = container_args(items, "osm-injector");
    let flags = [
        "--vault-token",
        "s3cr3t",
        "--vault-token-secret-name",
        "vault-token",
        "--vault-token-secret-key",
        "token",
    ];
    let at = args.iter().position(|a| a == "--vault-token").unwrap_or_else(|| panic!("{args:?}"));
    assert_eq!(args[at..at + 6], flags, "{args:?}");

    let (json, release) = release_of(items);
    assert!(!json.contains("s3cr3t"), "the release record holds the token");
    let manifest = release["manifest"].as_str().unwrap();
    assert!(manifest.contains("- --vault-token-secret-name\n"), "{manifest}");
    assert!(manifest.contains("- --vault-token-secret-key\n"), "{manifest}");
    assert!(!manifest.contains("<hidden: osm.vault.secret"), "{manifest}");
    assert_eq!(release["config"]["osm"]["vault"]["secret"]["key"], "token", "{}", release["config"]);
}
