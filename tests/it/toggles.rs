//! `osm permissive`, `osm egress` and `osm tracing` against a real API server, read back with kubectl.

use crate::common::fixture::*;
use crate::common::*;

#[test]
fn permissive_disable_enable_and_status() {
    let c = cluster();
    let m = mesh(c, "perm");
    let status =
        c.osm().args(["permissive", "status", "--mesh-name", &m.name, "-o", "json"]).run().success().json();
    assert_eq!(status["enabled"], true);
    assert_eq!(status["namespace"], m.namespace.as_str());
    assert_eq!(status["field"], "spec.traffic.enablePermissiveTrafficPolicyMode");

    c.osm()
        .args(["permissive", "disable", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("permissive traffic policy mode: enabled -> disabled");
    assert_eq!(field(c, &m, "traffic.enablePermissiveTrafficPolicyMode"), "false");
    // Only that field changed.
    assert_eq!(field(c, &m, "traffic.enableEgress"), "false");
    assert_eq!(field(c, &m, "sidecar.logLevel"), "error");

    c.osm()
        .args(["permissive", "disable", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("already disabled");
    c.osm().args(["permissive", "status", "--mesh-name", &m.name]).run().success().stdout_has("is disabled");

    c.osm()
        .args(["permissive", "enable", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("disabled -> enabled");
    assert_eq!(field(c, &m, "traffic.enablePermissiveTrafficPolicyMode"), "true");
}

#[test]
fn egress_dry_run_changes_nothing_then_enable_and_disable() {
    let c = cluster();
    let m = mesh(c, "egress");
    let before = spec(c, &m);
    c.osm()
        .args(["egress", "enable", "--mesh-name", &m.name, "--dry-run"])
        .run()
        .success()
        .stdout_has(r#"{"spec":{"traffic":{"enableEgress":true}}}"#)
        .stdout_has("nothing was changed");
    assert_eq!(spec(c, &m), before);

    c.osm()
        .args(["egress", "enable", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("egress: disabled -> enabled");
    assert_eq!(field(c, &m, "traffic.enableEgress"), "true");
    let yaml = c.osm().args(["egress", "status", "--mesh-name", &m.name, "-o", "yaml"]).run().success();
    assert!(yaml.stdout.contains("enabled: true"), "{}", yaml.stdout);
    c.osm().args(["egress", "enable", "--mesh-name", &m.name]).run().success().stdout_has("already enabled");
    c.osm()
        .args(["egress", "disable", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("enabled -> disabled");
    assert_eq!(field(c, &m, "traffic.enableEgress"), "false");
    assert_eq!(field(c, &m, "traffic.enablePermissiveTrafficPolicyMode"), "true");
}

#[test]
fn tracing_defaults_to_the_mesh_jaeger_and_takes_flags() {
    let c = cluster();
    let m = mesh(c, "tracing");
    // No address set and no jaeger Service: nothing to point at.
    c.osm()
        .args(["tracing", "enable", "--mesh-name", &m.name])
        .run()
        .code(4)
        .stderr_has("no tracing collector address")
        .stderr_has("--address");
    assert_eq!(field(c, &m, "observability.tracing.enable"), "false");

    services(c, &m.namespace, &["jaeger"]);
    c.osm()
        .args(["tracing", "enable", "--mesh-name", &m.name])
        .run()
        .success()
        .stdout_has("disabled -> enabled");
    assert_eq!(field(c, &m, "observability.tracing.enable"), "true");
    assert_eq!(
        field(c, &m, "observability.tracing.address"),
        format!("jaeger.{}.svc.cluster.local", m.namespace)
    );
    assert_eq!(field(c, &m, "observability.tracing.port"), "9411");
    assert_eq!(field(c, &m, "observability.tracing.endpoint"), "/api/v2/spans");

    c.osm()
        .args(["tracing", "enable", "--mesh-name", &m.name, "--address", "zipkin.tools", "--port", "9412"])
        .run()
        .success()
        .stdout_has("zipkin.tools:9412/api/v2/spans");
    assert_eq!(field(c, &m, "observability.tracing.address"), "zipkin.tools");
    assert_eq!(field(c, &m, "observability.tracing.port"), "9412");

    c.osm().args(["tracing", "disable", "--mesh-name", &m.name]).run().success().stdout_has("-> disabled");
    assert_eq!(field(c, &m, "observability.tracing.enable"), "false");
    // The collector stays configured for the next enable.
    assert_eq!(field(c, &m, "observability.tracing.address"), "zipkin.tools");
    let status =
        c.osm().args(["tracing", "status", "--mesh-name", &m.name, "-o", "json"]).run().success().json();
    assert_eq!(status["enabled"], false);
    assert_eq!(status["tracing"]["port"], 9412);
}

#[test]
fn permissive_off_warns_when_monitored_namespaces_have_no_traffic_target() {
    let c = cluster();
    let m = mesh(c, "warn");
    let app = c.namespace("warn-app");
    c.kubectl()
        .args(["label", "namespace", &app, &format!("openservicemesh.io/monitored-by={}", m.name)])
        .run()
        .success();
    c.osm()
        .args(["permissive", "disable", "--mesh-name", &m.name, "--dry-run"])
        .run()
        .success()
        .stdout_has("enablePermissiveTrafficPolicyMode");
    c.osm()
        .args(["permissive", "disable", "--mesh-name", &m.name])
        .run()
        .success()
        .stderr_has("no TrafficTarget exists")
        .stderr_has(&app);

    c.osm().args(["permissive", "enable", "--mesh-name", &m.name]).run().success();
    c.apply(&format!(
        r#"apiVersion: access.smi-spec.io/v1alpha3
kind: TrafficTarget
metadata: {{name: allow, namespace: {app}}}
spec:
  destination: {{kind: ServiceAccount, name: bookstore, namespace: {app}}}
  sources: [{{kind: ServiceAccount, name: bookbuyer, namespace: {app}}}]
  rules: [{{kind: HTTPRouteGroup, name: routes}}]
"#
    ))
    .success();
    let run = c.osm().args(["permissive", "disable", "--mesh-name", &m.name]).run().success();
    assert!(!run.stderr.contains("TrafficTarget"), "unexpected warning:\n{}", run.stderr);
}

#[test]
fn a_missing_mesh_or_meshconfig_is_exit_4() {
    let c = cluster();
    install_crds(c);
    c.osm()
        .args(["permissive", "disable", "--mesh-name", "no-such-mesh"])
        .run()
        .code(4)
        .stderr_has("mesh [no-such-mesh] does not exist");
    let m = mesh_without_config(c, "nocfg");
    c.osm()
        .args(["egress", "status", "--mesh-name", &m.name])
        .run()
        .code(4)
        .stderr_has(&format!("has no MeshConfig osm-mesh-config in its namespace {}", m.namespace));
}

#[test]
fn a_mesh_in_kube_system_is_found_through_its_name() {
    // Cluster-wide and shared: kube-system holds one osm-controller and one MeshConfig.
    let _turn = crate::common::cluster_wide_turn();
    let c = cluster();
    let m = mesh_in(c, "aks-toggles", "kube-system");
    c.osm()
        .args(["permissive", "disable", "--mesh-name", "aks-toggles"])
        .run()
        .success()
        .stdout_has("enabled -> disabled");
    assert_eq!(field(c, &m, "traffic.enablePermissiveTrafficPolicyMode"), "false");
}
