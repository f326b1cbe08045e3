//! The checked-in completion scripts load in their shells and complete osm's commands. The
//! commands to expect are read from the clap definition, so the tests keep up as commands are added.

use std::path::PathBuf;
use std::process::{Command, Output};

use clap::CommandFactory;

fn script(name: &str) -> PathBuf {
    xtask::repo_root().join("completions").join(name)
}

fn shell(program: &str) -> Command {
    let found =
        std::env::split_paths(&std::env::var_os("PATH").unwrap()).any(|dir| dir.join(program).is_file());
    assert!(found, "{program} is not installed: run ./scripts/install-test-deps.sh");
    let mut cmd = Command::new(program);
    // A throw-away HOME: the shells must not read or write the user's configuration.
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("completions-home");
    std::fs::create_dir_all(&home).unwrap();
    cmd.env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"));
    cmd
}

fn ok(out: Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what} failed ({}): {stderr}", out.status);
    assert!(stderr.trim().is_empty(), "{what} printed errors: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What bash's completion offers for the command line `words` (the last word is being completed).
fn bash_complete(words: &[&str]) -> Vec<String> {
    let program = r#"source "$0" || exit 1
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
_osm osm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}""#;
    let out = shell("bash").arg("-c").arg(program).arg(script("osm.bash")).args(words).output().unwrap();
    ok(out, "bash completion").lines().map(str::to_string).collect()
}

/// What fish's completion offers for the command line `line`.
fn fish_complete(line: &str) -> Vec<String> {
    let out = shell("fish")
        .args(["--no-config", "-c", "source $argv[1]; and complete -C $argv[2]"])
        .arg(script("osm.fish"))
        .arg(line)
        .output()
        .unwrap();
    ok(out, "fish completion").lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

/// Each command group and its subcommands, as clap defines them now.
fn command_tree() -> Vec<(String, Vec<String>)> {
    let root = osm::cli::Cli::command();
    root.get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| {
            (
                c.get_name().to_string(),
                c.get_subcommands().filter(|s| !s.is_hide_set()).map(|s| s.get_name().to_string()).collect(),
            )
        })
        .collect()
}

/// The first letters of `name`, enough to be a real prefix to complete.
fn prefix(name: &str) -> &str {
    &name[..name.len().min(4)]
}

#[test]
fn bash_script_loads_and_completes_every_command_and_subcommand() {
    let out = shell("bash")
        .arg("-c")
        .arg("source \"$0\" && complete -p osm")
        .arg(script("osm.bash"))
        .output()
        .unwrap();
    assert!(ok(out, "sourcing osm.bash").contains("_osm"), "the completion is registered for osm");

    for (command, subcommands) in command_tree() {
        let offered = bash_complete(&["osm", prefix(&command)]);
        assert!(
            offered.contains(&command),
            "bash: `osm {}` does not offer {command}: {offered:?}",
            prefix(&command)
        );
        for sub in subcommands {
            let offered = bash_complete(&["osm", &command, prefix(&sub)]);
            assert!(
                offered.contains(&sub),
                "bash: `osm {command} {}` does not offer {sub}: {offered:?}",
                prefix(&sub)
            );
        }
    }
}

#[test]
fn fish_script_loads_and_completes_every_command_and_subcommand() {
    for (command, subcommands) in command_tree() {
        let offered = fish_complete(&format!("osm {}", prefix(&command)));
        assert!(
            offered.contains(&command),
            "fish: `osm {}` does not offer {command}: {offered:?}",
            prefix(&command)
        );
        for sub in subcommands {
            let offered = fish_complete(&format!("osm {command} {}", prefix(&sub)));
            assert!(
                offered.contains(&sub),
                "fish: `osm {command} {}` does not offer {sub}: {offered:?}",
                prefix(&sub)
            );
        }
    }
}

#[test]
fn the_commands_users_type_most_complete() {
    assert_eq!(bash_complete(&["osm", "comp"]), ["completion"]);
    assert!(fish_complete("osm comp").contains(&"completion".to_string()));
    // `osm namespace a` must offer `add`: a missing or renamed namespace command fails here
    // rather than skipping the check.
    let offered = bash_complete(&["osm", "namespace", "a"]);
    assert!(offered.contains(&"add".to_string()), "bash: `osm namespace a` does not offer add: {offered:?}");
    let offered = fish_complete("osm namespace a");
    assert!(offered.contains(&"add".to_string()), "fish: `osm namespace a` does not offer add: {offered:?}");
}

#[test]
fn zsh_script_loads_and_defines_the_completion_function() {
    let program =
        "autoload -Uz compinit && compinit -u -d \"$HOME/.zcompdump\" && source \"$1\" && whence -w _osm";
    let out = shell("zsh").args(["-f", "-c", program, "zsh"]).arg(script("_osm")).output().unwrap();
    assert_eq!(ok(out, "loading _osm in zsh").trim(), "_osm: function");
}

#[test]
fn powershell_script_is_parsed_because_pwsh_cannot_be_installed() {
    crate::powershell::pwsh_is_not_installed("completions/osm.ps1");
}

/// Parsed, not loaded: PowerShell cannot be installed here (tests/it/powershell/mod.rs says why).
#[test]
fn powershell_script_parses() {
    let source = std::fs::read_to_string(script("osm.ps1")).unwrap();
    assert!(source.contains("Register-ArgumentCompleter -Native -CommandName 'osm'"));
    // The grammar does not know PowerShell 4's `.Where{ ... }` (a method called with a bare script
    // block), which clap_complete emits once; parse its equivalent `.Where({ ... })` instead.
    let filter = "$completions.Where{ $_.CompletionText -like \"$wordToComplete*\" }";
    assert!(source.contains(filter), "the clap_complete output changed: review this rewrite");
    let source =
        source.replace(filter, "$completions.Where({ $_.CompletionText -like \"$wordToComplete*\" })");
    let errors = crate::powershell::syntax_errors(&source);
    assert!(errors.is_empty(), "completions/osm.ps1 has syntax errors:\n{}", errors.join("\n"));
}
