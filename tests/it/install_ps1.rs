//! PowerShell cannot be installed on the development and CI machines (tests/it/powershell/mod.rs
//! lists what was tried), so `install.ps1` is checked with the tree-sitter PowerShell grammar:
//! any ERROR or MISSING node fails the test. install_sh.rs runs install.sh for real.

use crate::powershell::{command_names, pwsh_is_not_installed, syntax_errors};

#[test]
fn install_ps1_is_parsed_because_pwsh_cannot_be_installed() {
    pwsh_is_not_installed("install.ps1");
}

fn install_ps1() -> String {
    std::fs::read_to_string(xtask::repo_root().join("install.ps1")).unwrap()
}

#[test]
fn install_ps1_parses_without_syntax_errors() {
    let errors = syntax_errors(&install_ps1());
    assert!(errors.is_empty(), "install.ps1 has syntax errors:\n{}", errors.join("\n"));
}

#[test]
fn install_ps1_verifies_the_hash_before_expanding_and_calls_its_own_functions() {
    let source = install_ps1();
    let commands = command_names(&source);
    let position = |name: &str| {
        commands
            .iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("install.ps1 never calls {name}: {commands:?}"))
    };
    assert!(position("Get-FileHash") < position("Expand-Archive"), "the hash is checked before unpacking");
    assert!(position("Expand-Archive") < position("Copy-Item"));
    for own in ["Install-Osm", "Add-OsmToUserPath", "Show-OsmNextSteps"] {
        position(own);
        assert!(source.contains(&format!("function {own}")), "{own} is called but not defined");
    }
    assert!(
        source.contains("[Net.SecurityProtocolType]::Tls12"),
        "TLS 1.2 is enabled for Windows PowerShell 5.1"
    );
    assert!(
        source.contains("SetEnvironmentVariable('Path'") && source.contains("'User')"),
        "user PATH, not machine"
    );
    assert!(!source.contains("'Machine'"), "no admin rights needed");
}

#[test]
fn the_check_rejects_broken_copies() {
    let source = install_ps1();
    let broken = [
        (
            "an unclosed function body",
            source.replacen("function Show-OsmNextSteps {", "function Show-OsmNextSteps {{", 1),
        ),
        ("an unclosed parenthesis", source.replacen("-LiteralPath $zip).Hash", "-LiteralPath $zip.Hash", 1)),
        ("an unterminated string", format!("{source}Write-Host 'done\n")),
        ("a dangling operator", source.replacen("if ($actual -ne $expected) {", "if ($actual -ne ) {", 1)),
    ];
    for (what, copy) in broken {
        assert_ne!(copy, source, "the breakage for {what} must apply");
        assert!(!syntax_errors(&copy).is_empty(), "{what} went unnoticed");
    }
}
