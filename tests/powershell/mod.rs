//! PowerShell syntax checks with the tree-sitter PowerShell grammar (PowerShell itself does not
//! run on the development and CI machines).
#![allow(dead_code)]

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
