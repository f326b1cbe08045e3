//! What users read, compared with reviewed copies under tests/it/snapshots/: the help of osm and of
//! each command, the messages for bad input (given with no cluster, so that they are checked
//! before any cluster is contacted), and the tables read from the test cluster.

use crate::common::snapshot::{self, offline_transcripts, transcript};
use crate::common::*;
use clap::CommandFactory;

#[test]
fn help_of_osm_and_of_every_command() {
    // Read from the clap definition, so a new command fails here until its help has been
    // reviewed and its snapshot committed.
    let root = osm::cli::Cli::command();
    let mut commands = vec![("osm".to_string(), vec!["--help"])];
    for command in root.get_subcommands().filter(|c| !c.is_hide_set()) {
        commands.push((command.get_name().to_string(), vec![command.get_name(), "--help"]));
    }
    for (name, args) in commands {
        let run = osm_offline().args(&args).run();
        let text = transcript(&args, &run);
        snapshot::settings()
            .bind(|| insta::assert_snapshot!(format!("help_{}", name.replace('-', "_")), text));
    }
}

#[test]
fn help_of_istio_lifecycle_commands() {
    for command in ["install", "uninstall", "version", "verify-install"] {
        let args = ["istio", command, "--help"];
        let run = osm_offline().args(args).run();
        let text = transcript(&args, &run);
        snapshot::settings()
            .bind(|| insta::assert_snapshot!(format!("help_istio_{}", command.replace('-', "_")), text));
    }
}

#[test]
fn client_version() {
    let text = offline_transcripts(&[&["version", "--client"]]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn usage_errors() {
    let text = offline_transcripts(&[
        &["no-such-command"],
        &["version", "-o", "xml"],
        &["completion", "tcsh"],
        &["--request-timeout", "5x", "version"],
        &["install", "--dry-run", "--timeout", "100000h"],
        &["install", "--dry-run", "--timeout", "5m30"],
        &["traffic", "shift", "s", "-n", "ns", "--to", "v2", "--interval", "1y"],
        &["namespace", "add"],
        &["ns", "list", "one", "--mesh-name", "two"],
        &["ns", "list", "-o", "xml"],
        &["mesh", "upgrade", "--osm-chart-path", "./charts/osm"],
    ]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn bad_values_and_mesh_names() {
    let text = offline_transcripts(&[
        &["install", "--dry-run", "--set", "osm.deployGrafna=true"],
        &["install", "--dry-run", "--set", "OpenServiceMesh.enableEgress=maybe"],
        &["install", "--dry-run", "--set", "osm.osmController.replicaCount=many"],
        &["install", "--dry-run", "--set", "noequals"],
        &["install", "--osm-chart-path", "./charts/osm"],
        &["install", "--dry-run", "--mesh-name", "no good"],
        &["install", "--dry-run", "--mesh-name=-osm"],
        &["install", "--dry-run", "--mesh-name", &"m".repeat(64)],
    ]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn bad_ports() {
    let text = offline_transcripts(&[
        &["port-forward", "deploy/echo", "99999"],
        &["port-forward", "deploy/echo", "abc:80"],
        &["port-forward", "deploy/echo", "0"],
        &["port-forward", "deploy/echo", "8080:"],
    ]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn bad_namespace_names() {
    let text = offline_transcripts(&[
        &["namespace", "add", "ok", "UPPER"],
        &["namespace", "remove", "bad-"],
        &["namespace", "ignore", "a.b"],
    ]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn bad_canary_gates() {
    let shift = |extra: &'static [&'static str]| -> Vec<&'static str> {
        let mut args = vec!["traffic", "shift", "s", "-n", "ns", "--to", "bookstore-v2"];
        args.extend_from_slice(extra);
        args
    };
    let cases = [
        shift(&["--min-success-rate", "101"]),
        shift(&["--min-success-rate", "-1"]),
        shift(&["--max-error-delta", "200", "--compare-baseline"]),
        shift(&["--step", "0"]),
        shift(&["--failure-threshold", "0", "--min-success-rate", "99"]),
        shift(&["--max-latency-p99", "0s"]),
        shift(&["--min-success-rate", "99", "--prometheus", "ftp://admin:s3cret@prom:21"]),
        shift(&["--min-success-rate", "99", "--prometheus", "prom:9090"]),
        shift(&["--min-requests", "10"]),
    ];
    let cases: Vec<&[&str]> = cases.iter().map(Vec::as_slice).collect();
    let text = offline_transcripts(&cases);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn error_info() {
    let text = offline_transcripts(&[
        &["support", "error-info", "E1000"],
        &["support", "error-info", "E9999"],
        &["support", "error-info", "oops"],
    ]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn no_cluster_configured() {
    let text = offline_transcripts(&[&["version"], &["namespace", "list"]]);
    snapshot::settings().bind(|| insta::assert_snapshot!(text));
}

/// On a control plane of its own, so that `mesh list` sees this mesh alone.
#[test]
fn mesh_and_namespace_tables() {
    let c = private_cluster("snapshots");
    let m = InstalledMesh::install_on(c, "snap");
    let apps = c.namespace("snap-apps");
    let quiet = c.namespace("snap-quiet");
    let mut runs = Vec::new();
    let mut step = |args: Vec<&str>| {
        let run = c.osm().args(&args).run();
        runs.push(transcript(&args, &run));
    };
    step(vec!["namespace", "add", &apps, &quiet, "--mesh-name", &m.mesh]);
    c.kubectl().args(["annotate", "namespace", &apps, "openservicemesh.io/metrics=enabled"]).run().success();
    c.kubectl().args(["label", "namespace", &quiet, "openservicemesh.io/ignore=true"]).run().success();
    step(vec!["namespace", "list", "--mesh-name", &m.mesh]);
    step(vec!["namespace", "list", "--mesh-name", "no-such-mesh"]);
    step(vec!["mesh", "list"]);
    let text = runs.join("\n");
    snapshot::cluster_settings().bind(|| insta::assert_snapshot!(text));
}

#[test]
fn help_of_istio_kube_inject() {
    let args = ["istio", "kube-inject", "--help"];
    let run = osm_offline().args(args).run();
    let text = transcript(&args, &run);
    snapshot::settings().bind(|| insta::assert_snapshot!("help_istio_kube_inject", text));
}
