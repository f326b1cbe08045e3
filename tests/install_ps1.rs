//! PowerShell does not run on the development and CI machines, so `install.ps1` is checked with
//! the tree-sitter PowerShell grammar: any ERROR or MISSING node fails the test.

use tree_sitter::{Node, Parser, Tree};

fn install_ps1() -> String {
    std::fs::read_to_string(xtask::repo_root().join("install.ps1")).unwrap()
}

fn parse(source: &str) -> Tree {
    let mut parser = Parser::new();
    parser.set_language(&tree_sitter_powershell::LANGUAGE.into()).expect("grammar and tree-sitter versions match");
    parser.parse(source, None).expect("parsing completes")
}

/// Every ERROR or MISSING node, as `line:column: what`.
fn syntax_errors(source: &str) -> Vec<String> {
    let tree = parse(source);
    let mut found = Vec::new();
    visit(tree.root_node(), &mut |node| {
        if node.is_error() || node.is_missing() {
            let at = node.start_position();
            let text = &source[node.start_byte()..node.end_byte().min(node.start_byte() + 60)];
            let what = if node.is_missing() { format!("missing {}", node.kind()) } else { format!("cannot parse {text:?}") };
            found.push(format!("install.ps1:{}:{}: {what}", at.row + 1, at.column + 1));
        }
    });
    found
}

fn visit<'t>(node: Node<'t>, f: &mut impl FnMut(Node<'t>)) {
    f(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        visit(child, f);
    }
}

/// The names of the commands the script calls (cmdlets, functions, programs).
fn command_names(source: &str) -> Vec<String> {
    let tree = parse(source);
    let mut names = Vec::new();
    visit(tree.root_node(), &mut |node| {
        if node.kind() == "command_name" {
            names.push(source[node.start_byte()..node.end_byte()].to_string());
        }
    });
    names
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
        commands.iter().position(|c| c == name).unwrap_or_else(|| panic!("install.ps1 never calls {name}: {commands:?}"))
    };
    assert!(position("Get-FileHash") < position("Expand-Archive"), "the hash is checked before unpacking");
    assert!(position("Expand-Archive") < position("Copy-Item"));
    for own in ["Install-Osm", "Add-OsmToUserPath", "Show-OsmNextSteps"] {
        position(own);
        assert!(source.contains(&format!("function {own}")), "{own} is called but not defined");
    }
    assert!(source.contains("[Net.SecurityProtocolType]::Tls12"), "TLS 1.2 is enabled for Windows PowerShell 5.1");
    assert!(source.contains("SetEnvironmentVariable('Path'") && source.contains("'User')"), "user PATH, not machine");
    assert!(!source.contains("'Machine'"), "no admin rights needed");
}

#[test]
fn the_check_rejects_broken_copies() {
    let source = install_ps1();
    let broken = [
        ("an unclosed function body", source.replacen("function Show-OsmNextSteps {", "function Show-OsmNextSteps {{", 1)),
        ("an unclosed parenthesis", source.replacen("-LiteralPath $zip).Hash", "-LiteralPath $zip.Hash", 1)),
        ("an unterminated string", format!("{source}Write-Host 'done\n")),
        ("a dangling operator", source.replacen("if ($actual -ne $expected) {", "if ($actual -ne ) {", 1)),
    ];
    for (what, copy) in broken {
        assert_ne!(copy, source, "the breakage for {what} must apply");
        assert!(!syntax_errors(&copy).is_empty(), "{what} went unnoticed");
    }
}
