//! The real helm v3 binary against the test cluster: it reaches the API server with the harness's
//! kubeconfig, and installs a chart made of the OSM v1.2.4 reference rendering.

mod common;

use std::time::Duration;

#[test]
fn helm_lists_releases_on_the_test_cluster() {
    let cluster = common::cluster();
    cluster.helm().args(["list", "-A"]).run().success();
}

#[test]
fn helm_installs_the_reference_chart() {
    let cluster = common::cluster();
    let chart = common::reference_chart();
    // The rendering names its namespace, osm-system, in every namespaced object.
    let ns = "osm-system";
    cluster
        .helm()
        .arg("install")
        .arg("osm")
        .arg(&chart.path)
        .args(["-n", ns, "--create-namespace"])
        .run()
        .success();

    let list = cluster.helm().args(["list", "-n", ns, "-o", "json"]).run().success();
    let releases = list.json();
    let release = releases
        .as_array()
        .and_then(|r| r.iter().find(|r| r["name"] == "osm"))
        .unwrap_or_else(|| panic!("no release osm in {releases}"));
    assert_eq!(release["status"], "deployed", "{release}");
    assert_eq!(release["chart"], "osm-1.2.4", "{release}");
    assert_eq!(release["app_version"], "v1.2.4", "{release}");

    // What the chart holds, created in the release namespace (hooks left out).
    for deployment in ["osm-bootstrap", "osm-controller", "osm-injector"] {
        cluster.kubectl().args(["-n", ns, "get", "deployment", deployment]).run().success();
    }
    cluster.kubectl().args(["-n", ns, "get", "configmap", "preset-mesh-config"]).run().success();
    cluster.kubectl().args(["-n", ns, "get", "secret", "sh.helm.release.v1.osm.v1"]).run().success();

    cluster.helm().args(["uninstall", "osm", "-n", ns]).run().success();
    cluster.wait_until("the osm-controller Deployment to go", Duration::from_secs(60), || {
        cluster.kubectl().args(["-n", ns, "get", "deployment", "osm-controller"]).run().code != 0
    });
    assert!(
        cluster.mesh_objects("osm").is_empty(),
        "helm uninstall left objects of the release: {:?}",
        cluster.mesh_objects("osm")
    );
}
