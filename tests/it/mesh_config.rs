//! `osm mesh config get|set` against a real API server, fields read back with kubectl.

use crate::common::fixture::*;
use crate::common::*;

#[test]
fn get_prints_the_settings_or_one_field() {
    let c = cluster();
    let m = mesh(c, "cfg-get");
    let all = c.osm().args(["mesh", "config", "get", "--mesh-name", &m.name]).run().success();
    assert!(all.stdout.contains("enablePermissiveTrafficPolicyMode: true"), "{}", all.stdout);
    c.osm()
        .args(["mesh", "config", "get", "traffic.enableEgress", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("false");
    let json = c
        .osm()
        .args(["mesh", "config", "get", "traffic", "--mesh-name", &m.name, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(json, serde_json::json!({"enableEgress": false, "enablePermissiveTrafficPolicyMode": true}));
    c.osm()
        .args(["mesh", "config", "get", "sidecar.envoyImage", "--mesh-name", &m.name])
        .run()
        .success()
        .stderr_has("not set");
    c.osm()
        .args(["mesh", "config", "get", "traffic.enableEgres", "--mesh-name", &m.name])
        .run()
        .code(4)
        .stderr_has("did you mean traffic.enableEgress");
}

#[test]
fn set_applies_several_fields_as_one_patch() {
    let c = cluster();
    let m = mesh(c, "cfg-set");
    let set = [
        "traffic.enableEgress=true",
        "sidecar.logLevel=debug",
        "traffic.outboundPortExclusionList=[6379,5432]",
    ];
    c.osm()
        .args(["mesh", "config", "set", "--mesh-name", &m.name])
        .args(set)
        .run()
        .success()
        .stdout_has("traffic.enableEgress: false -> true")
        .stdout_has("sidecar.logLevel: error -> debug");
    assert_eq!(field(c, &m, "traffic.enableEgress"), "true");
    assert_eq!(field(c, &m, "sidecar.logLevel"), "debug");
    assert_eq!(field(c, &m, "traffic.outboundPortExclusionList"), "[6379,5432]");
    // Untouched fields stay.
    assert_eq!(field(c, &m, "traffic.enablePermissiveTrafficPolicyMode"), "true");
    assert_eq!(field(c, &m, "certificate.serviceCertValidityDuration"), "24h");
    c.osm()
        .args(["mesh", "config", "set", "--mesh-name", &m.name])
        .args(set)
        .run()
        .success()
        .stdout_has("nothing to change");
}

#[test]
fn bad_assignments_change_nothing() {
    let c = cluster();
    let m = mesh(c, "cfg-bad");
    let before = spec(c, &m);
    let cases: [(&[&str], &str); 5] = [
        (&["traffic.enableEgres=true"], "did you mean traffic.enableEgress"),
        (&["traffic.enableEgress=yes please"], "expected a boolean"),
        (&["sidecar.logLevel=loud"], "one of trace"),
        (&["traffic.outboundPortExclusionList=[6379,redis]"], "list of integers"),
        // One bad assignment stops the good one too.
        (&["traffic.enableEgress=true", "sidecar.maxDataPlaneConnections=many"], "expected an integer"),
    ];
    for (args, message) in cases {
        c.osm()
            .args(["mesh", "config", "set", "--mesh-name", &m.name])
            .args(args)
            .run()
            .code(4)
            .stderr_has(message);
        assert_eq!(spec(c, &m), before, "{args:?} changed the MeshConfig");
    }
    c.osm()
        .args(["mesh", "config", "set", "--mesh-name", &m.name, "traffic.enableEgress=true", "--dry-run"])
        .run()
        .success()
        .stdout_has(r#"{"spec":{"traffic":{"enableEgress":true}}}"#);
    assert_eq!(spec(c, &m), before);
    c.osm()
        .args(["mesh", "config", "set", "--mesh-name", "no-such-mesh", "traffic.enableEgress=true"])
        .run()
        .code(4)
        .stderr_has("does not exist");
}

#[test]
fn a_meshconfig_in_kube_system_is_found_through_its_mesh() {
    // Cluster-wide and shared: kube-system holds one osm-controller and one MeshConfig.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    let m = mesh_in(c, "aks", "kube-system");
    c.osm()
        .args(["mesh", "config", "set", "--mesh-name", "aks", "traffic.enableEgress=true"])
        .run()
        .success()
        .stdout_has("false -> true");
    assert_eq!(field(c, &m, "traffic.enableEgress"), "true");
    c.osm()
        .args(["mesh", "config", "get", "traffic.enableEgress", "--mesh-name", "aks"])
        .run()
        .success()
        .stdout_has("true");
}
