//! The layers of `src/` point downward (docs/architecture.md): this test reads every source file,
//! collects the `crate::LAYER` paths it uses (comments and doc comments left out), and fails on an
//! import a layer may not make. Imports that break the rule today are listed in `KNOWN` with the
//! reason they remain; each must still exist, so the list only shrinks as they are mended.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which top-level modules each layer may use (besides itself).
const ALLOWED: &[(&str, &[&str])] = &[
    ("main", &["cli", "commands", "output", "error", "ops", "model", "cluster"]),
    ("lib", &["cli", "commands", "output", "error", "ops", "model", "cluster"]),
    ("commands", &["cli", "output", "ops", "model", "error"]),
    // `output::OutputFormat` is the value `-o/--output` parses into.
    ("cli", &["model", "output", "error"]),
    ("output", &["model", "error"]),
    ("ops", &["model", "cluster", "error"]),
    ("cluster", &["model", "error"]),
    ("model", &["error"]),
    ("error", &[]),
];

/// Imports against the rule that remain, as (file, layer it uses), each with why.
/// None remain. An import that has to break the rule for a while goes here, with the reason.
const KNOWN: &[(&str, &str)] = &[];

fn layer_of(path: &Path, src: &Path) -> String {
    let rel = path.strip_prefix(src).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a file names as `crate::X`, outside comments.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `crate::{a::X, b}`: each item's first segment.
                let inner = group.split('}').next().unwrap_or_default();
                for item in inner.split(',') {
                    let name: String =
                        item.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
                rest = after;
                continue;
            }
            let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.insert(name);
            }
            rest = after;
        }
    }
    found
}

#[test]
fn layers_import_only_the_layers_below_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let layers: BTreeSet<&str> = ALLOWED.iter().map(|(l, _)| *l).collect();
    let mut violations = BTreeSet::new();
    for file in &files {
        let layer = layer_of(file, &src);
        let allowed = ALLOWED
            .iter()
            .find(|(l, _)| *l == layer)
            .unwrap_or_else(|| panic!("{} is in no known layer: add it to ALLOWED", file.display()))
            .1;
        let text = std::fs::read_to_string(file).unwrap();
        for used in crate_paths(&text) {
            if used == layer || !layers.contains(used.as_str()) {
                continue;
            }
            if !allowed.contains(&used.as_str()) {
                let rel = file.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                violations.insert((rel, used));
            }
        }
    }
    let known: BTreeSet<(String, String)> =
        KNOWN.iter().map(|(f, l)| (f.to_string(), l.to_string())).collect();
    let new: Vec<_> = violations.difference(&known).collect();
    assert!(
        new.is_empty(),
        "these files import a layer above them or beside them (docs/architecture.md says where the code goes): {new:?}"
    );
    let mended: Vec<_> = known.difference(&violations).collect();
    assert!(
        mended.is_empty(),
        "these imports are gone: take them out of KNOWN in tests/it/layers.rs: {mended:?}"
    );
}

#[test]
fn the_scan_sees_imports_and_skips_comments() {
    let text = "use crate::cluster::Cluster;\n// crate::cli in a comment\n/// [`crate::ops::x`]\nlet x = crate::output::Output::new();\nuse crate::{model::osm::keys, error};";
    let found = crate_paths(text);
    let expected = ["cluster", "error", "model", "output"].map(String::from);
    assert_eq!(found, BTreeSet::from(expected));
}

/// Files whose string literals are other programs' command lines, not osm's: the container
/// arguments OSM's own chart gives its controller, injector and add-ons.
const FOREIGN_COMMAND_LINES: &[&str] =
    &["src/model/osm/chart/templates/", "src/model/osm/chart/credentials.rs"];

/// Single literals that are another program's flag: the arguments of OSM's injector and controller
/// that `osm check` reads the webhooks' names from.
const FOREIGN_FLAGS: &[&str] = &["--webhook-config-name", "--validator-webhook-config"];

/// The string literals of `text` outside comments and before its test module, each whole (a
/// literal continued over several lines is one), as written (escapes kept).
fn string_literals(text: &str) -> Vec<String> {
    let code: Vec<char> = text.split("#[cfg(test)]").next().unwrap_or("").chars().collect();
    let at = |i: usize| code.get(i).copied().unwrap_or('\0');
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        match (at(i), at(i + 1)) {
            ('/', '/') => {
                while i < code.len() && at(i) != '\n' {
                    i += 1;
                }
            }
            ('/', '*') => {
                i += 2;
                while i < code.len() && !(at(i) == '*' && at(i + 1) == '/') {
                    i += 1;
                }
                i += 2;
            }
            // A char literal ('"', '\'', 'x'); a lifetime ('a) has no closing quote.
            ('\'', '\\') => {
                i += 2;
                while i < code.len() && at(i) != '\'' {
                    i += 1;
                }
                i += 1;
            }
            ('\'', _) if at(i + 2) == '\'' => i += 3,
            // A raw string: r"..." or r#"..."#.
            ('r', '"' | '#') if i == 0 || !(at(i - 1).is_alphanumeric() || at(i - 1) == '_') => {
                let hashes = code[i + 1..].iter().take_while(|c| **c == '#').count();
                if at(i + 1 + hashes) != '"' {
                    i += 1;
                    continue;
                }
                let start = i + 2 + hashes;
                let mut end = start;
                while end < code.len() && !(at(end) == '"' && (1..=hashes).all(|k| at(end + k) == '#')) {
                    end += 1;
                }
                found.push(code[start..end.min(code.len())].iter().collect());
                i = end + 1 + hashes;
            }
            ('"', _) => {
                let start = i + 1;
                let mut end = start;
                while end < code.len() && at(end) != '"' {
                    end += if at(end) == '\\' { 2 } else { 1 };
                }
                found.push(code[start..end.min(code.len())].iter().collect());
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// A flag (`--mesh-name`) or a command line (`osm mesh upgrade`, `kubectl describe`) in `literal`.
fn spells_the_command_line(literal: &str) -> bool {
    let flag = literal.match_indices("--").any(|(i, _)| {
        literal[i + 2..].chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && (i == 0 || !literal.as_bytes()[i - 1].is_ascii_alphanumeric())
    });
    // osm's and istioctl's commands by name (prose such as "osm does not" or "istioctl decodes" is
    // no command line); any kubectl verb.
    const OSM_COMMANDS: &[&str] = &[
        "check",
        "completion",
        "dashboard",
        "env",
        "install",
        "istio",
        "mesh",
        "metrics",
        "namespace",
        "policy",
        "port-forward",
        "proxy",
        "support",
        "traffic",
        "uninstall",
        "verify",
        "version",
    ];
    const ISTIOCTL_COMMANDS: &[&str] = &[
        "analyze",
        "dashboard",
        "install",
        "kube-inject",
        "manifest",
        "precheck",
        "proxy-config",
        "proxy-status",
        "tag",
        "uninstall",
        "upgrade",
        "verify-install",
        "version",
        "x",
    ];
    let command = ["osm ", "kubectl ", "istioctl "].iter().any(|program| {
        literal.match_indices(program).any(|(i, _)| {
            let next = &literal[i + program.len()..];
            let word: String = next.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-').collect();
            (i == 0 || !literal.as_bytes()[i - 1].is_ascii_alphanumeric())
                && !word.is_empty()
                && match *program {
                    "osm " => OSM_COMMANDS.contains(&word.as_str()),
                    "istioctl " => ISTIOCTL_COMMANDS.contains(&word.as_str()),
                    _ => true,
                }
        })
    });
    flag || command
}

/// Below the commands, messages name settings and remedies by meaning (`model::input`); their
/// spelling on the command line lives in `cli/spelling.rs`, so the model, ops and the cluster
/// layer hold no flag and no command line of their own.
#[test]
fn below_the_commands_nothing_spells_a_flag_or_a_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for layer in ["src/model", "src/ops", "src/cluster"] {
        rust_files(&root.join(layer), &mut files);
    }
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let rel = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if FOREIGN_COMMAND_LINES.iter().any(|prefix| rel.starts_with(prefix)) {
            continue;
        }
        for literal in string_literals(&std::fs::read_to_string(&file).unwrap()) {
            if spells_the_command_line(&literal) && !FOREIGN_FLAGS.contains(&literal.as_str()) {
                found.push(format!("{rel}: {literal:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "name these by meaning in model::input and spell them in cli/spelling.rs: {found:#?}"
    );
}

#[test]
fn the_spelling_scan_finds_flags_and_commands() {
    assert!(spells_the_command_line("pass --mesh-name {m}"));
    assert!(spells_the_command_line("`osm mesh upgrade`"));
    assert!(spells_the_command_line("check with kubectl describe pod"));
    assert!(!spells_the_command_line("which osm does not apply"));
    assert!(!spells_the_command_line("istioctl decodes it as Kubernetes' own type"));
    assert!(spells_the_command_line("run istioctl kube-inject first"));
    assert!(!spells_the_command_line("a--b and -- alone"));
    let literals = string_literals("let a = \"--x\";\n// \"--comment\"\n#[cfg(test)]\nlet b = \"--test\";");
    assert_eq!(literals, vec!["--x".to_string()]);
    // A literal continued over lines is one literal; quotes in chars, escapes and raw strings
    // neither open nor close one.
    let text = "let q = '\"'; let s = \"a \\\"b\\\" \\\n   see `osm check`\"; let r = r#\"x \"y\" z\"#; /* \"no\" */ 'a";
    let literals = string_literals(text);
    assert_eq!(literals, vec!["a \\\"b\\\" \\\n   see `osm check`".to_string(), "x \"y\" z".to_string()]);
    assert!(spells_the_command_line(&literals[0]));
}
