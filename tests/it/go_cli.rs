//! Every command line of the Go `osm` CLI (OSM v1.2.4 `cmd/cli`) is accepted: each Go command
//! exists here and takes each of its flags, and docs/migrating-from-go-cli.md lists each command
//! with its flags. Needs no cluster: `--help` parses the command line only.

use crate::common::{osm_offline, repo_root};

/// Each Go command with every flag it registered (`cmd/cli/*.go`, `f.XxxVar(..., "name", ...)`).
const GO_COMMANDS: &[(&str, &[&str])] = &[
    (
        "install",
        &["--osm-chart-path", "--mesh-name", "--enforce-single-mesh", "--timeout", "--set", "--atomic"],
    ),
    ("mesh list", &[]),
    ("mesh upgrade", &["--mesh-name", "--osm-chart-path", "--set"]),
    (
        "uninstall mesh",
        &[
            "--mesh-name",
            "--force",
            "-f",
            "--delete-cluster-wide-resources",
            "-a",
            "--delete-namespace",
            "--local-port",
            "-p",
            "--ca-bundle-secret-name",
        ],
    ),
    ("namespace add", &["--mesh-name", "--disable-sidecar-injection"]),
    ("namespace remove", &["--mesh-name"]),
    ("namespace list", &["--mesh-name"]),
    ("namespace ignore", &[]),
    ("metrics enable", &["--namespace"]),
    ("metrics disable", &["--namespace"]),
    ("dashboard", &["--local-port", "-p", "--remote-port", "-r", "--open-browser", "-b"]),
    ("proxy get", &["--namespace", "-n", "--file", "-f", "--local-port", "-p"]),
    ("version", &["--client-only", "--version-only"]),
    ("env", &[]),
    ("policy check-pods", &[]),
    ("policy check-conflicts", &["--namespaces", "-n"]),
    (
        "support bug-report",
        &["--all", "--app-namespaces", "--app-deployments", "--app-pods", "--ingress", "--out-file", "-o"],
    ),
    ("support error-info", &[]),
    (
        "verify connectivity",
        &[
            "--from-pod",
            "--to-pod",
            "--to-service",
            "--app-protocol",
            "--to-ext-port",
            "--to-ext-host",
            "--mesh-name",
        ],
    ),
    ("verify control-plane-health", &[]),
    (
        "verify ingress",
        &[
            "--from-service",
            "--to-pod",
            "--to-service",
            "--ingress-backend",
            "--to-port",
            "--app-protocol",
            "--mesh-name",
        ],
    ),
];

#[test]
fn every_go_command_and_flag_is_accepted() {
    use clap::CommandFactory;
    let root = osm::cli::Cli::command();
    for (command, flags) in GO_COMMANDS {
        // Hidden flags (accepted for the Go CLI's scripts) count, and so do the global flags of
        // the commands above (`osm uninstall --mesh-name ... mesh`).
        let mut cmd = &root;
        let mut args: Vec<&clap::Arg> = root.get_arguments().collect();
        for word in command.split(' ') {
            cmd = cmd
                .get_subcommands()
                .find(|c| c.get_name() == word || c.get_all_aliases().any(|a| a == word))
                .unwrap_or_else(|| panic!("`osm {command}` does not exist"));
            args.extend(cmd.get_arguments());
        }
        for flag in *flags {
            let takes = args.iter().any(|a| match flag.strip_prefix("--") {
                Some(long) => {
                    a.get_long() == Some(long) || a.get_all_aliases().is_some_and(|al| al.contains(&long))
                }
                None => a.get_short() == flag.chars().nth(1),
            });
            assert!(takes, "`osm {command}` does not take {flag}");
        }
        osm_offline().args(command.split(' ')).arg("--help").run().success();
    }
}

#[test]
fn the_migration_guide_lists_every_go_command() {
    let guide = std::fs::read_to_string(repo_root().join("docs/migrating-from-go-cli.md")).unwrap();
    assert!(!guide.contains("not provided"), "the guide still says a Go command is not provided");
    for (command, flags) in GO_COMMANDS {
        let row = guide
            .lines()
            .find(|l| l.starts_with(&format!("| `osm {command}")))
            .unwrap_or_else(|| panic!("docs/migrating-from-go-cli.md has no row for `osm {command}`"));
        for flag in flags.iter().filter(|f| f.len() > 2) {
            let listed = guide
                .lines()
                .filter(|l| l.starts_with(&format!("| `osm {command}")))
                .any(|l| l.contains(flag));
            assert!(listed, "the row of `osm {command}` does not list {flag}: {row}");
        }
    }
}

#[test]
fn chart_paths_are_refused_with_what_to_use_instead() {
    // The message is in tests/it/snapshots/it__snapshots__usage_errors.snap.
    osm_offline().args(["mesh", "upgrade", "--osm-chart-path", "./charts/osm"]).run().code(2);
}
