//! PowerShell syntax checks with the tree-sitter PowerShell grammar, because PowerShell itself
//! cannot be installed on the development and CI machines (Debian 12 with Debian's, PyPI's,
//! npm's, crates.io's, Maven Central's and the Go module proxy's packages, and no other download):
//! - Debian 12 packages neither PowerShell nor .NET (`apt-cache policy powershell`: no candidate);
//!   its Mono 6.8 cannot run PowerShell 7, which needs .NET 8 or later.
//! - The `PowerShell` .NET global tool comes from NuGet, which these machines do not reach, and
//!   needs a .NET SDK, which Debian 12 does not package either.
//! - npm's `pwsh` package downloads the release tarball in its postinstall step, from the
//!   PowerShell project's release downloads, which these machines do not reach: the install fails.
//! - Of PyPI's packages named after PowerShell, none ships a pwsh binary: they call an installed
//!   one (`pwshpy`, for one, holds Python only).
//!
//! So install.ps1 and completions/osm.ps1 are parsed, not run. `pwsh_is_not_installed` fails
//! once a `pwsh` is on PATH, so that the tests are then made to run the scripts instead.
#![allow(dead_code)]

/// What the tests that parse instead of running say when `pwsh` turns up.
pub fn pwsh_is_not_installed(what: &str) {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join("pwsh"))
        .find(|p| p.is_file());
    if let Some(pwsh) = found {
        panic!(
            "{} is installed, yet {what} is only parsed: PowerShell could not be installed on these \
             machines (no Debian package, NuGet unreachable, npm's pwsh downloads from outside the \
             registries, no binary on PyPI; see tests/it/powershell/mod.rs). Now that it is, run {what} \
             in pwsh here instead of only parsing it.",
            pwsh.display()
        );
    }
}

use tree_sitter::{Node, Parser, Tree};

pub fn parse(source: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_powershell::LANGUAGE.into())
        .expect("grammar and tree-sitter versions match");
    parser.parse(source, None).expect("parsing completes")
}

/// Every ERROR or MISSING node in `source`, as `line:column: what`.
pub fn syntax_errors(source: &str) -> Vec<String> {
    let tree = parse(source);
    let mut found = Vec::new();
    visit(tree.root_node(), &mut |node| {
        if node.is_error() || node.is_missing() {
            let at = node.start_position();
            let text = &source[node.start_byte()..node.end_byte().min(node.start_byte() + 60)];
            let what = if node.is_missing() {
                format!("missing {}", node.kind())
            } else {
                format!("cannot parse {text:?}")
            };
            found.push(format!("{}:{}: {what}", at.row + 1, at.column + 1));
        }
    });
    found
}

pub fn visit<'t>(node: Node<'t>, f: &mut impl FnMut(Node<'t>)) {
    f(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        visit(child, f);
    }
}

/// The names of the commands a script calls (cmdlets, functions, programs), in order.
pub fn command_names(source: &str) -> Vec<String> {
    let tree = parse(source);
    let mut names = Vec::new();
    visit(tree.root_node(), &mut |node| {
        if node.kind() == "command_name" {
            names.push(source[node.byte_range()].to_string());
        }
    });
    names
}
