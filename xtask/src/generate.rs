//! Everything derived from the clap definitions: shell completions, the Markdown command reference
//! and the man pages. Pure functions of `osm::cli::Cli::command()`, so the output is the same on
//! every machine and a test can compare it with the checked-in files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgAction, Command, CommandFactory};
use osm::cli::Cli;
use osm::cli::completion::Shell;

/// The command that rewrites the generated files (quoted in messages about stale files).
pub const REGENERATE: &str = "cargo xtask gen";

/// Directories owned by the generator, with the file extension it writes there: any such file the
/// generator no longer produces (a command was removed or renamed) is stale.
pub const GENERATED_DIRS: &[(&str, &[&str])] = &[
    ("completions", &["bash", "ps1", "fish", "elv", ""]),
    ("docs/reference", &["md"]),
    ("docs/man", &["1"]),
];

/// The completion script file for each shell, named as each shell looks for it.
pub const COMPLETION_FILES: &[(Shell, &str)] = &[
    (Shell::Bash, "osm.bash"),
    (Shell::Zsh, "_osm"),
    (Shell::Fish, "osm.fish"),
    (Shell::Powershell, "osm.ps1"),
    (Shell::Elvish, "osm.elv"),
];

/// Every generated file, by path relative to the repository root.
pub fn generate() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for (shell, name) in COMPLETION_FILES {
        let mut script = Vec::new();
        osm::commands::completion::generate(*shell, &mut script);
        files.insert(Path::new("completions").join(name), script);
    }

    // `help` as a subcommand is clap's, identical everywhere: it gets no page of its own.
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let mut commands = Vec::new();
    collect(&root, &mut commands);

    for cmd in &commands {
        // clap_mangen puts its own `v` before the version, which osm's version already starts with.
        let version = osm::cli::version::CLIENT_VERSION.trim_start_matches('v');
        let man = clap_mangen::Man::new((*cmd).clone().version(version));
        let mut page = Vec::new();
        man.render(&mut page).expect("rendering into memory cannot fail");
        files.insert(Path::new("docs/man").join(man.get_filename()), page);
        files.insert(
            Path::new("docs/reference").join(format!("{}.md", page_name(cmd))),
            reference_page(cmd).into_bytes(),
        );
    }
    files.insert(PathBuf::from("docs/reference/README.md"), reference_index(&commands).into_bytes());
    files
}

/// What differs between the generated files and those on disk under `root`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Drift {
    /// Generated files that are missing on disk or whose content differs.
    pub outdated: Vec<PathBuf>,
    /// Files in generated directories that the generator does not produce any more.
    pub extra: Vec<PathBuf>,
}

impl Drift {
    pub fn is_clean(&self) -> bool {
        self.outdated.is_empty() && self.extra.is_empty()
    }

    /// A message listing every stale file and the command that fixes them.
    pub fn report(&self) -> String {
        let mut text = String::from("generated files are out of date with the clap definitions:\n");
        for path in &self.outdated {
            let _ = writeln!(text, "  changed or missing: {}", path.display());
        }
        for path in &self.extra {
            let _ = writeln!(text, "  no longer generated: {}", path.display());
        }
        let _ = write!(text, "regenerate them with `{REGENERATE}` and commit the result");
        text
    }
}

pub fn check(root: &Path) -> std::io::Result<Drift> {
    let files = generate();
    let mut drift = Drift::default();
    for (path, content) in &files {
        match std::fs::read(root.join(path)) {
            Ok(existing) if existing == *content => {}
            Ok(_) => drift.outdated.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => drift.outdated.push(path.clone()),
            Err(e) => return Err(e),
        }
    }
    drift.extra = owned_files(root)?.into_iter().filter(|p| !files.contains_key(p)).collect();
    Ok(drift)
}

/// Writes every generated file under `root` and removes the stale ones; returns the paths changed.
pub fn write(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let drift = check(root)?;
    let files = generate();
    for path in &drift.outdated {
        let target = root.join(path);
        std::fs::create_dir_all(target.parent().expect("generated paths have a directory"))?;
        std::fs::write(&target, &files[path])?;
    }
    for path in &drift.extra {
        std::fs::remove_file(root.join(path))?;
    }
    Ok(drift.outdated.into_iter().chain(drift.extra).collect())
}

/// Files currently in the generated directories, sorted, relative to `root`.
fn owned_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for (dir, extensions) in GENERATED_DIRS {
        let entries = match std::fs::read_dir(root.join(dir)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            if !entry.file_type()?.is_file() {
                continue;
            }
            let name = PathBuf::from(entry.file_name());
            let extension = name.extension().and_then(|e| e.to_str()).unwrap_or("");
            if extensions.contains(&extension) {
                found.push(Path::new(dir).join(name));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The command and all its visible subcommands, depth first, parents before children.
fn collect<'a>(cmd: &'a Command, out: &mut Vec<&'a Command>) {
    out.push(cmd);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, out);
    }
}

/// `osm traffic split set` (clap's bin name once the root is built).
fn full_name(cmd: &Command) -> String {
    cmd.get_bin_name().unwrap_or_else(|| cmd.get_name()).to_string()
}

/// `osm-traffic-split-set`: the file name shared by the reference page and the man page.
fn page_name(cmd: &Command) -> String {
    full_name(cmd).replace(' ', "-")
}

fn reference_index(commands: &[&Command]) -> String {
    let mut md = String::new();
    md.push_str("<!-- Generated by `cargo xtask gen` from the clap definitions: do not edit. -->\n\n");
    md.push_str("# Command reference\n\n");
    md.push_str("One page per command; the same text is in the man pages (`docs/man/`) and in `osm <command> --help`.\n\n");
    md.push_str("| command | what it does |\n| ------- | ------------ |\n");
    for cmd in commands {
        let _ = writeln!(md, "| [`{}`]({}.md) | {} |", full_name(cmd), page_name(cmd), cell(&about(cmd)));
    }
    md
}

fn about(cmd: &Command) -> String {
    cmd.get_about().map(|a| a.to_string()).unwrap_or_default()
}

fn reference_page(cmd: &Command) -> String {
    let mut md = String::new();
    md.push_str("<!-- Generated by `cargo xtask gen` from the clap definitions: do not edit. -->\n\n");
    let _ = writeln!(md, "# {}\n", full_name(cmd));
    let description = cmd.get_long_about().or(cmd.get_about()).map(|a| a.to_string()).unwrap_or_default();
    if !description.is_empty() {
        let _ = writeln!(md, "{}\n", description.trim_end());
    }

    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    let _ = writeln!(md, "## Usage\n\n```text\n{usage}\n```\n");

    if let Some(alias_list) = aliases(cmd) {
        let _ = writeln!(md, "Aliases: {alias_list}\n");
    }

    let shown = |arg: &&Arg| !arg.is_hide_set() && !matches!(arg.get_id().as_str(), "help" | "version");
    let positionals: Vec<&Arg> = cmd.get_positionals().filter(shown).collect();
    if !positionals.is_empty() {
        md.push_str(
            "## Arguments\n\n| argument | description | default |\n| -------- | ----------- | ------- |\n",
        );
        for arg in positionals {
            let _ = writeln!(
                md,
                "| `{}` | {} | {} |",
                positional_name(arg),
                cell(&description_of(arg)),
                default_of(arg)
            );
        }
        md.push('\n');
    }

    // The root page lists the global flags; subcommand pages link there instead of repeating them.
    let is_root = cmd.get_bin_name().is_none_or(|name| !name.contains(' '));
    let options: Vec<&Arg> =
        cmd.get_opts().chain(flags(cmd)).filter(shown).filter(|a| is_root || !a.is_global_set()).collect();
    let mut options = options;
    options.sort_by_key(|a| a.get_long().map(str::to_string).unwrap_or_else(|| a.get_id().to_string()));
    options.dedup_by_key(|a| a.get_id().clone());
    if !options.is_empty() {
        let heading = if is_root { "## Global options" } else { "## Options" };
        let _ =
            writeln!(md, "{heading}\n\n| flag | description | default |\n| ---- | ----------- | ------- |");
        for arg in options {
            let _ =
                writeln!(md, "| {} | {} | {} |", flag_name(arg), cell(&description_of(arg)), default_of(arg));
        }
        md.push('\n');
    }
    if is_root {
        md.push_str("Every command also accepts `-h, --help` and `-V, --version`.\n\n");
    } else {
        md.push_str("Global options (`--kubeconfig`, `--context`, `--osm-namespace`, ...) work with every command: see [osm](osm.md#global-options).\n\n");
    }

    let subcommands: Vec<&Command> = cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    if !subcommands.is_empty() {
        md.push_str("## Commands\n\n| command | what it does |\n| ------- | ------------ |\n");
        for sub in subcommands {
            let _ = writeln!(md, "| [`{}`]({}.md) | {} |", full_name(sub), page_name(sub), cell(&about(sub)));
        }
        md.push('\n');
    }

    let after = cmd.get_after_long_help().or(cmd.get_after_help()).map(|a| a.to_string()).unwrap_or_default();
    let (examples, notes) = split_after_help(&after);
    if !examples.is_empty() {
        let _ = writeln!(md, "## Examples\n\n```sh\n{}\n```\n", examples.join("\n"));
    }
    if !notes.trim().is_empty() {
        let _ = writeln!(md, "## Notes\n\n{}\n", notes.trim());
    }
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

fn flags(cmd: &Command) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments().filter(|a| !a.is_positional() && !a.get_num_args().is_some_and(|n| n.takes_values()))
}

fn aliases(cmd: &Command) -> Option<String> {
    let names: Vec<String> = cmd.get_visible_aliases().map(|a| format!("`{a}`")).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn positional_name(arg: &Arg) -> String {
    let name = arg.get_value_names().and_then(|v| v.first()).map(|v| v.to_string());
    let name = name.unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    let repeated = matches!(arg.get_action(), ArgAction::Append);
    match (arg.is_required_set(), repeated) {
        (true, false) => name,
        (true, true) => format!("{name}..."),
        (false, false) => format!("[{name}]"),
        (false, true) => format!("[{name}...]"),
    }
}

fn flag_name(arg: &Arg) -> String {
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(format!("-{short}"));
    }
    if let Some(long) = arg.get_long() {
        names.push(format!("--{long}"));
    }
    let mut text = format!("`{}", names.join(", "));
    if arg.get_num_args().is_some_and(|n| n.takes_values()) {
        let value = arg.get_value_names().and_then(|v| v.first()).map(|v| v.to_string());
        let _ = write!(text, " <{}>", value.unwrap_or_else(|| arg.get_id().to_string().to_uppercase()));
    }
    text.push('`');
    for alias in arg.get_visible_aliases().unwrap_or_default() {
        let _ = write!(text, " (also `--{alias}`)");
    }
    text
}

fn description_of(arg: &Arg) -> String {
    let mut text = arg.get_long_help().or(arg.get_help()).map(|h| h.to_string()).unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| format!("`{}`", v.get_name()))
        .collect();
    if !values.is_empty() && !matches!(arg.get_action(), ArgAction::SetTrue | ArgAction::SetFalse) {
        let _ = write!(text, " (one of {})", values.join(", "));
    }
    if let Some(env) = arg.get_env() {
        let _ = write!(text, " [env: `{}`]", env.to_string_lossy());
    }
    if matches!(arg.get_action(), ArgAction::Append) && !arg.is_positional() {
        text.push_str(" (repeatable)");
    }
    text
}

fn default_of(arg: &Arg) -> String {
    match arg.get_action() {
        ArgAction::SetTrue => return "`false`".into(),
        ArgAction::SetFalse => return "`true`".into(),
        ArgAction::Count => return "`0`".into(),
        _ => {}
    }
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if defaults.is_empty() { "none".into() } else { format!("`{}`", defaults.join(",")) }
}

/// Markdown table cells hold one line and no bare pipes.
fn cell(text: &str) -> String {
    let joined = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    joined.replace('|', "\\|")
}

/// Splits an `after_help` text into its example lines (the indented block after a line `Examples:`,
/// less its common indentation, so a continuation line keeps its extra indent) and everything else.
fn split_after_help(text: &str) -> (Vec<String>, String) {
    let mut examples = Vec::new();
    let mut notes = String::new();
    let mut in_examples = false;
    for line in text.lines() {
        if line.trim().eq_ignore_ascii_case("examples:") {
            in_examples = true;
            continue;
        }
        if in_examples && (line.starts_with(' ') || line.starts_with('\t') || line.trim().is_empty()) {
            examples.push(line.trim_end().to_string());
            continue;
        }
        in_examples = false;
        notes.push_str(line);
        notes.push('\n');
    }
    while examples.last().is_some_and(|l| l.is_empty()) {
        examples.pop();
    }
    let indent = examples.iter().filter(|l| !l.is_empty()).map(|l| l.len() - l.trim_start().len()).min();
    let examples =
        examples.into_iter().map(|l| l.get(indent.unwrap_or(0)..).unwrap_or("").to_string()).collect();
    (examples, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_help_splits_examples_from_notes() {
        let (examples, notes) =
            split_after_help("Examples:\n  osm a\n\n  osm b \\\n    --c\nExit codes: 0 ok");
        assert_eq!(examples, ["osm a", "", "osm b \\", "  --c"]);
        assert_eq!(notes.trim(), "Exit codes: 0 ok");
    }

    #[test]
    fn generation_is_deterministic_and_covers_every_command() {
        let first = generate();
        assert_eq!(first, generate());
        let mut root = Cli::command();
        root.build();
        for sub in root.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_name();
            assert!(
                first.contains_key(Path::new(&format!("docs/reference/osm-{name}.md"))),
                "no page for {name}"
            );
            assert!(
                first.contains_key(Path::new(&format!("docs/man/osm-{name}.1"))),
                "no man page for {name}"
            );
        }
    }
}
