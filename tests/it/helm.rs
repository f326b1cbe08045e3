//! The real helm, v3 and v4 alike, and osm on the same meshes: Helm reads, upgrades, rolls back
//! and uninstalls what osm installed, and osm lists, upgrades and removes meshes Helm (or the Go
//! CLI, which drives Helm's v3 library) installed. The reference chart is the OSM v1.2.4
//! rendering made into a chart.

use std::io::Write;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::common::{ADMIN_CONTEXT, Cmd, TestCluster};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;

/// A control plane of this module's own: Helm installs the reference rendering as mesh `osm` in
/// `osm-system` enforcing a single mesh (refusing every other test's), and `osm` commands here
/// find that mesh by its default name, which the walkthrough tests on the shared cluster use too.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("helm")
}
use serde_json::{Value, json};

/// The Helm majors, each built by scripts/provision-cluster.sh (`helm`, `helm4`).
#[derive(Clone, Copy, Debug)]
enum Helm {
    V3,
    V4,
}

impl Helm {
    /// This helm against the test cluster as the admin.
    fn on(self, cluster: &TestCluster) -> Cmd {
        let bin = match self {
            Helm::V3 => crate::common::helm_bin(),
            Helm::V4 => crate::common::helm4_bin(),
        };
        Cmd::new(bin).arg("--kubeconfig").arg(&cluster.kubeconfig).arg("--kube-context").arg(ADMIN_CONTEXT)
    }

    /// The major `helm version` reports, to be sure which one ran.
    fn check_version(self, cluster: &TestCluster) {
        let version = self.on(cluster).args(["version", "--template", "{{.Version}}"]).run().success();
        let major = match self {
            Helm::V3 => "v3.",
            Helm::V4 => "v4.",
        };
        assert!(version.stdout.starts_with(major), "{self:?} is {}", version.stdout);
    }
}

/// The reference rendering is mesh `osm` in `osm-system` and enforces a single mesh: the
/// tests take turns.
static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

/// What is left in a namespace besides what Kubernetes puts in every namespace.
fn leftovers(cluster: &TestCluster, ns: &str) -> Vec<String> {
    cluster
        .kubectl_words(&[
            "get",
            "deployments,services,serviceaccounts,configmaps,secrets,roles,rolebindings,meshconfigs",
            "-n",
            ns,
            "-o",
            "name",
        ])
        .into_iter()
        .filter(|o| {
            o != "configmap/kube-root-ca.crt"
                && o != "serviceaccount/default"
                && !o.starts_with("secret/default-token")
        })
        .collect()
}

/// Waits up to a minute for the mesh's objects to go, then names those left.
fn assert_removed(cluster: &TestCluster, mesh: &str, ns: &str, helm_said: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let gone = || leftovers(cluster, ns).is_empty() && cluster.mesh_objects(mesh).is_empty();
    while !gone() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(500));
    }
    assert!(
        gone(),
        "helm uninstall left, after a minute, {:?} in {ns} and {:?}; helm said:\n{helm_said}",
        leftovers(cluster, ns),
        cluster.mesh_objects(mesh)
    );
}

fn release_of<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .and_then(|r| r.iter().find(|r| r["name"] == name))
        .unwrap_or_else(|| panic!("no release {name} in {list}"))
}

#[test]
fn helm_v3_reads_what_osm_installs_and_helm_uninstall_removes_it() {
    helm_reads_what_osm_installs_and_helm_uninstall_removes_it(Helm::V3, "interop", "interop-system");
}

#[test]
fn helm_v4_reads_what_osm_installs_and_helm_uninstall_removes_it() {
    helm_reads_what_osm_installs_and_helm_uninstall_removes_it(Helm::V4, "interop4", "interop4-system");
}

fn helm_reads_what_osm_installs_and_helm_uninstall_removes_it(helm: Helm, mesh: &str, ns: &str) {
    let _turn = turn();
    let cluster = cluster();
    helm.check_version(cluster);
    cluster
        .osm()
        .args(["install", "--mesh-name", mesh, "--osm-namespace", ns])
        .args(["--set", "osm.deployGrafana=true,osm.enablePermissiveTrafficPolicy=false"])
        .run()
        .success();

    let list = helm.on(cluster).args(["list", "-n", ns, "-o", "json"]).run().success().json();
    let release = release_of(&list, mesh);
    assert_eq!(release["status"], "deployed", "{release}");
    assert_eq!(release["chart"], "osm-1.2.4", "{release}");
    assert_eq!(release["app_version"], "v1.2.4", "{release}");
    assert_eq!(release["revision"], "1", "{release}");

    let values =
        helm.on(cluster).args(["get", "values", mesh, "-n", ns, "-o", "json"]).run().success().json();
    assert_eq!(values["osm"]["deployGrafana"], true, "{values}");
    assert_eq!(values["osm"]["enablePermissiveTrafficPolicy"], false, "{values}");
    assert_eq!(values["osm"]["meshName"], mesh, "{values}");
    // `--all` merges the chart's own defaults under them.
    let all = helm
        .on(cluster)
        .args(["get", "values", mesh, "-n", ns, "--all", "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(all["osm"]["deployPrometheus"], false, "{all}");
    assert_eq!(all["osm"]["deployGrafana"], true, "{all}");

    let manifest = helm.on(cluster).args(["get", "manifest", mesh, "-n", ns]).run().success();
    for object in ["name: osm-controller", "name: osm-grafana", "kind: MeshConfig"] {
        assert!(manifest.stdout.contains(object), "helm get manifest lacks {object}");
    }

    // helm uninstall removes everything osm installed (the namespace and the CRDs stay, as
    // Helm leaves them for any chart), and the release records.
    let uninstall = helm.on(cluster).args(["uninstall", mesh, "-n", ns]).run().success();
    assert_removed(cluster, mesh, ns, &uninstall.stderr);
    assert!(helm.on(cluster).args(["list", "-n", ns, "-q"]).run().success().stdout.trim().is_empty());
    cluster.kubectl().args(["delete", "namespace", ns, "--wait=false"]).run();
}

#[test]
fn osm_lists_upgrades_and_removes_a_release_helm_v3_installed() {
    osm_lists_upgrades_and_removes_a_release_helm_installed(Helm::V3);
}

#[test]
fn osm_lists_upgrades_and_removes_a_release_helm_v4_installed() {
    osm_lists_upgrades_and_removes_a_release_helm_installed(Helm::V4);
}

fn osm_lists_upgrades_and_removes_a_release_helm_installed(helm: Helm) {
    let _turn = turn();
    let cluster = cluster();
    helm.check_version(cluster);
    let chart = crate::common::reference_chart();
    let ns = "osm-system";
    // The values the Go CLI gives Helm for `osm install` (cmd/cli/install.go of OSM v1.2.4):
    // the mesh name and single-mesh flag, on top of --set.
    helm.on(cluster)
        .arg("install")
        .arg("osm")
        .arg(&chart.path)
        .args(["-n", ns, "--create-namespace"])
        .args(["--set", "osm.meshName=osm", "--set", "osm.enforceSingleMesh=true"])
        .run()
        .success();
    let list = helm.on(cluster).args(["list", "-n", ns, "-o", "json"]).run().success().json();
    assert_eq!(release_of(&list, "osm")["chart"], "osm-1.2.4");

    let meshes = cluster.osm().args(["mesh", "list", "-o", "json"]).run().success().json();
    let row = meshes["meshes"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["name"] == "osm" && m["namespace"] == ns))
        .unwrap_or_else(|| panic!("osm mesh list does not show Helm's release: {meshes}"))
        .clone();
    assert_eq!(row["release"], json!({"revision": 1, "status": "deployed"}), "{row}");
    assert_eq!(row["version"], "v1.2.4", "{row}");

    let run = cluster
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", "osm", "--set", "osm.deployPrometheus=true"])
        .run()
        .success()
        .stdout_has("osm.deployPrometheus: false -> true")
        .stdout_has("(revision 2)");
    assert!(!run.stdout.contains("meshName"), "kept values show as changes: {}", run.stdout);
    cluster.kubectl().args(["get", "deployment", "osm-prometheus", "-n", ns]).run().success();

    // Helm sees the upgrade as its own: revision 2 deployed, 1 superseded, the values kept.
    let history = helm.on(cluster).args(["history", "osm", "-n", ns, "-o", "json"]).run().success().json();
    let states: Vec<(u64, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["revision"].as_u64().unwrap(), r["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(states, [(1, "superseded".to_string()), (2, "deployed".to_string())]);
    let values =
        helm.on(cluster).args(["get", "values", "osm", "-n", ns, "-o", "json"]).run().success().json();
    assert_eq!(
        values,
        json!({"osm": {"meshName": "osm", "enforceSingleMesh": true, "deployPrometheus": true}})
    );

    cluster.osm().args(["uninstall", "mesh", "-f"]).run().success();
    assert_eq!(leftovers(cluster, ns), Vec::<String>::new());
    assert!(cluster.mesh_objects("osm").is_empty(), "{:?}", cluster.mesh_objects("osm"));
    assert!(helm.on(cluster).args(["list", "-n", ns, "-q"]).run().success().stdout.trim().is_empty());
    cluster.kubectl().args(["delete", "namespace", ns, "--wait=false"]).run();
    cluster.wait_until("namespace osm-system to go", Duration::from_secs(60), || {
        cluster.kubectl().args(["get", "namespace", ns]).run().code != 0
    });
}

#[test]
fn helm_v3_upgrades_rolls_back_and_uninstalls_an_osm_install() {
    helm_upgrades_rolls_back_and_uninstalls_an_osm_install(Helm::V3);
}

#[test]
fn helm_v4_upgrades_rolls_back_and_uninstalls_an_osm_install() {
    helm_upgrades_rolls_back_and_uninstalls_an_osm_install(Helm::V4);
}

/// osm installs mesh `osm` with Grafana; Helm upgrades it to the reference chart (the OSM
/// v1.2.4 defaults, without Grafana), rolls it back to osm's revision, and uninstalls it. osm
/// reads each revision Helm wrote.
fn helm_upgrades_rolls_back_and_uninstalls_an_osm_install(helm: Helm) {
    let _turn = turn();
    let cluster = cluster();
    helm.check_version(cluster);
    let chart = crate::common::reference_chart();
    let ns = "osm-system";
    let grafana = || cluster.kubectl().args(["get", "deployment", "osm-grafana", "-n", ns]).run().code == 0;
    let osm_release = || {
        let meshes = cluster.osm().args(["mesh", "list", "-o", "json"]).run().success().json();
        meshes["meshes"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["name"] == "osm" && m["namespace"] == ns))
            .unwrap_or_else(|| panic!("osm mesh list lacks mesh osm: {meshes}"))["release"]
            .clone()
    };
    cluster.osm().args(["install", "--set", "osm.deployGrafana=true"]).run().success();
    assert!(grafana());

    helm.on(cluster)
        .args(["upgrade", "osm"])
        .arg(&chart.path)
        .args(["-n", ns, "--wait", "--timeout", "120s"])
        .run()
        .success();
    cluster.wait_until("helm upgrade to remove Grafana", Duration::from_secs(60), || !grafana());
    assert_eq!(osm_release(), json!({"revision": 2, "status": "deployed"}));
    let list = helm.on(cluster).args(["list", "-n", ns, "-o", "json"]).run().success().json();
    assert_eq!(release_of(&list, "osm")["revision"], "2", "{list}");

    helm.on(cluster).args(["rollback", "osm", "1", "-n", ns, "--wait", "--timeout", "120s"]).run().success();
    cluster.wait_until("helm rollback to bring Grafana back", Duration::from_secs(60), grafana);
    assert_eq!(osm_release(), json!({"revision": 3, "status": "deployed"}));
    let history = helm.on(cluster).args(["history", "osm", "-n", ns, "-o", "json"]).run().success().json();
    let states: Vec<(u64, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["revision"].as_u64().unwrap(), r["status"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        states,
        [(1, "superseded".to_string()), (2, "superseded".to_string()), (3, "deployed".to_string())]
    );
    let values =
        helm.on(cluster).args(["get", "values", "osm", "-n", ns, "-o", "json"]).run().success().json();
    assert_eq!(values["osm"]["deployGrafana"], true, "{values}");

    let uninstall = helm.on(cluster).args(["uninstall", "osm", "-n", ns, "--wait"]).run().success();
    assert_removed(cluster, "osm", ns, &uninstall.stderr);
    cluster.kubectl().args(["delete", "namespace", ns, "--wait=false"]).run();
    cluster.wait_until("namespace osm-system to go", Duration::from_secs(60), || {
        cluster.kubectl().args(["get", "namespace", ns]).run().code != 0
    });
}

/// A release record built here byte by byte as Helm's secrets driver stores it
/// (helm/helm v3.21.4 pkg/storage/driver/secrets.go and util.go): JSON, gzipped, base64, in
/// data key `release` of Secret `sh.helm.release.v1.<name>.v<N>` of type helm.sh/release.v1.
fn go_cli_record(ns: &str, config: &Value, manifest: &str) -> Value {
    let release = json!({
        "name": "osm",
        "namespace": ns,
        "version": 1,
        "info": {
            "first_deployed": "2024-05-02T10:00:00.000000000Z",
            "last_deployed": "2024-05-02T10:00:00.000000000Z",
            "deleted": "",
            "description": "Install complete",
            "status": "deployed",
        },
        "chart": {
            "metadata": {"name": "osm", "version": "1.2.4", "appVersion": "v1.2.4", "apiVersion": "v2"},
            "lock": null, "templates": [], "values": {}, "schema": null, "files": [],
        },
        "config": config,
        "manifest": manifest,
    });
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(release.to_string().as_bytes()).unwrap();
    let helm_string = BASE64.encode(gz.finish().unwrap());
    json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {
            "name": "sh.helm.release.v1.osm.v1",
            "namespace": ns,
            "labels": {"name": "osm", "owner": "helm", "status": "deployed", "version": "1"},
        },
        "type": "helm.sh/release.v1",
        // The API takes Secret data base64-encoded: Helm's string, encoded once more.
        "data": {"release": BASE64.encode(helm_string)},
    })
}

#[test]
fn a_go_cli_release_record_is_upgraded_with_its_values_and_removed() {
    let _turn = turn();
    let cluster = cluster();
    let ns = "osm-system";
    // What the Go CLI's `osm install --set osm.enablePermissiveTrafficPolicy=true` leaves: the
    // chart's objects and the record. The objects are the reference rendering without hooks.
    let rendered =
        std::fs::read_to_string(crate::common::repo_root().join("testdata/helm-chart/default.yaml")).unwrap();
    let manifest: String = rendered
        .split("\n---\n")
        .map(|d| d.trim_start_matches("---\n"))
        .filter(|d| !d.trim().is_empty() && !d.contains("helm.sh/hook:"))
        .map(|d| format!("---\n{d}\n"))
        .collect();
    cluster.kubectl().args(["create", "namespace", ns]).run().success();
    cluster.apply(&manifest).success();
    let config =
        json!({"osm": {"meshName": "osm", "enforceSingleMesh": true, "enablePermissiveTrafficPolicy": true}});
    cluster.apply(&go_cli_record(ns, &config, &manifest).to_string()).success();

    let meshes = cluster.osm().args(["mesh", "list", "-o", "json"]).run().success().json();
    assert!(
        meshes["meshes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "osm" && m["release"]["revision"] == 1),
        "{meshes}"
    );
    // No new values: the upgrade renders the record's own, so permissive mode reaches the preset.
    cluster
        .osm()
        .args(["mesh", "upgrade", "--mesh-name", "osm"])
        .run()
        .success()
        .stdout_has("values: unchanged");
    let preset = cluster
        .kubectl_words(&[
            "get",
            "configmap",
            "preset-mesh-config",
            "-n",
            ns,
            "-o",
            "jsonpath={.data.preset-mesh-config\\.json}",
        ])
        .join(" ");
    assert!(preset.contains(r#""enablePermissiveTrafficPolicyMode": true"#), "{preset}");
    let values = cluster.helm().args(["get", "values", "osm", "-n", ns, "-o", "json"]).run().success().json();
    assert_eq!(values, config);

    cluster.osm().args(["uninstall", "mesh", "-f"]).run().success();
    assert_eq!(leftovers(cluster, ns), Vec::<String>::new());
    assert!(cluster.mesh_objects("osm").is_empty(), "{:?}", cluster.mesh_objects("osm"));
    cluster.kubectl().args(["delete", "namespace", ns, "--wait=false"]).run();
    cluster.wait_until("namespace osm-system to go", Duration::from_secs(60), || {
        cluster.kubectl().args(["get", "namespace", ns]).run().code != 0
    });
}

/// `helm list --all-namespaces`, as a user runs it: osm's release is listed in its namespace,
/// deployed, as chart osm-1.2.4; once osm uninstalls the mesh, helm lists it no more.
#[test]
fn helm_v3_and_v4_list_releases_on_the_test_cluster() {
    let _turn = turn();
    let cluster = cluster();
    let releases = |helm: Helm| -> Vec<Value> {
        let list = helm.on(cluster).args(["list", "-A", "-o", "json"]).run().success().json();
        list.as_array().unwrap_or_else(|| panic!("{helm:?} list -o json is not a list: {list}")).clone()
    };
    let m = crate::common::InstalledMesh::install_on(cluster, "listed");
    for helm in [Helm::V3, Helm::V4] {
        helm.check_version(cluster);
        let listed = releases(helm);
        let ours: Vec<&Value> = listed.iter().filter(|r| r["name"] == m.mesh.as_str()).collect();
        assert_eq!(ours.len(), 1, "{helm:?} list -A shows release {} once: {listed:?}", m.mesh);
        assert_eq!(ours[0]["namespace"], m.namespace.as_str(), "{listed:?}");
        assert_eq!(ours[0]["status"], "deployed", "{listed:?}");
        assert_eq!(ours[0]["chart"], "osm-1.2.4", "{listed:?}");
        assert_eq!(ours[0]["app_version"], "v1.2.4", "{listed:?}");
        assert_eq!(ours[0]["revision"], "1", "{listed:?}");
    }
    let name = m.mesh.clone();
    drop(m);
    for helm in [Helm::V3, Helm::V4] {
        let left = releases(helm);
        assert!(left.iter().all(|r| r["name"] != name.as_str()), "{helm:?} still lists {name}: {left:?}");
    }
}
