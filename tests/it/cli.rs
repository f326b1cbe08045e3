//! Offline behaviour of the command line: parsing, usage errors, completions, client version.

use crate::common::*;

#[test]
fn completion_scripts_generate_for_all_five_shells() {
    let expectations = [
        ("bash", "complete -F _osm"),
        ("zsh", "#compdef osm"),
        ("fish", "complete -c osm"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[osm]"),
    ];
    for (shell, marker) in expectations {
        let run = osm_offline().args(["completion", shell]).run().success();
        assert!(run.stdout.contains(marker), "{shell} completion lacks {marker:?}");
        assert!(run.stdout.contains("version"), "{shell} completion lacks the version command");
    }
    osm_offline().args(["completion", "tcsh"]).run().code(2);
}

#[test]
fn client_version_needs_no_cluster_and_prints_json() {
    let run = osm_offline().args(["version", "--client", "-o", "json"]).run().success();
    let json = run.json();
    assert_eq!(json["client"]["version"], format!("v{}", env!("CARGO_PKG_VERSION")));
    assert!(json["client"]["gitCommit"].as_str().is_some_and(|c| !c.is_empty()));
    assert!(json["client"]["buildDate"].as_str().is_some_and(|d| d.len() == 10));
    assert!(json.get("server").is_none());
    assert!(run.stderr.is_empty(), "nothing on stderr: {}", run.stderr);
}

/// The messages are in tests/it/snapshots/it__snapshots__usage_errors.snap.
#[test]
fn usage_errors_exit_2() {
    osm_offline().args(["no-such-command"]).run().code(2);
    osm_offline().args(["version", "-o", "xml"]).run().code(2);
    osm_offline().args(["--request-timeout", "5x", "version"]).run().code(2);
}

#[test]
fn go_cli_version_flags_still_work() {
    let run = osm_offline().args(["version", "--client-only", "--version-only"]).run().success();
    assert!(run.stdout.contains(&format!("v{}", env!("CARGO_PKG_VERSION"))), "{}", run.stdout);
    assert!(!run.stdout.contains("Kubernetes Server"), "--client-only does not contact the cluster");
}

/// Runs osm on a pseudo-terminal (`script`, util-linux) and returns what the terminal showed.
fn on_a_terminal(args: &str, no_color_env: bool) -> String {
    let command = format!("{} --kubeconfig /nonexistent/kubeconfig {args}", osm_bin().display());
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &command, "/dev/null"]).stdin(std::process::Stdio::null()).env_remove("NO_COLOR");
    if no_color_env {
        script.env("NO_COLOR", "1");
    }
    let out = script.output().expect("script (util-linux) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn errors_are_coloured_on_a_terminal_unless_no_color_says_otherwise() {
    let coloured = on_a_terminal("version", false);
    assert!(coloured.contains("\x1b[1;31merror:"), "a terminal gets a red error:\n{coloured:?}");
    for (args, env) in [("--no-color version", false), ("version", true)] {
        let plain = on_a_terminal(args, env);
        assert!(plain.contains("error:"), "{plain:?}");
        assert!(!plain.contains('\x1b'), "`{args}` with NO_COLOR={env} must print no escape:\n{plain:?}");
    }
}
