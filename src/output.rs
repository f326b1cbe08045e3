//! Everything that reaches the terminal: tables, JSON/YAML, progress, prompts, diagnostics.
//!
//! Data goes to stdout; progress, warnings and hints go to stderr. Progress bars and prompts
//! appear only on a terminal; colour follows `--no-color` and `NO_COLOR`.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use comfy_table::{ContentArrangement, Table, presets};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::error::{Error, Result};

/// How read commands print what they found; `-o/--output` parses into it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
    Yaml,
}

/// Colour on stderr only on a terminal, and only when neither `--no-color` nor a non-empty
/// `NO_COLOR` turns it off.
pub fn color_enabled(no_color_flag: bool) -> bool {
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color_flag && !no_color_env && std::io::stderr().is_terminal()
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
}

/// An error as every failure is reported: `error: ...` then any `hint: ...`, on stderr so stdout
/// stays parseable. `main` uses it for the final error, [`crate::ops::namespaces`] for each namespace
/// that failed while the others went on.
pub fn print_error(err: &Error, color: bool) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{} {}", paint("error:", "1;31", color), err.message);
    if let Some(hint) = &err.hint {
        let _ = writeln!(stderr, "{} {hint}", paint("hint:", "1;36", color));
    }
}

/// A result that can be shown as a table or text for people, and as JSON/YAML for programs.
pub trait Render: Serialize {
    /// The human form (tables, sentences), ending without a trailing newline.
    fn human(&self) -> String;
}

/// Output settings shared by every command.
#[derive(Debug, Clone)]
pub struct Output {
    pub color: bool,
    /// Whether colour may be used on stdout (a terminal, and colour not turned off).
    color_stdout: bool,
    pub verbose: u8,
    stderr_tty: bool,
    stdin_tty: bool,
}

impl Output {
    /// Reads the environment once: colour for stderr and stdout apart (piping stdout turns off only its
    /// own), and whether prompts and progress may be shown.
    pub fn new(no_color: bool, verbose: u8) -> Self {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            color: color_enabled(no_color),
            color_stdout: !no_color && !no_color_env && std::io::stdout().is_terminal(),
            verbose,
            stderr_tty: std::io::stderr().is_terminal(),
            stdin_tty: std::io::stdin().is_terminal(),
        }
    }

    /// The one way a command prints its result, on stdout: the human form for `table`, or the same data
    /// as JSON or YAML for scripts.
    pub fn print<T: Render>(&self, format: OutputFormat, value: &T) -> Result<()> {
        let text = match format {
            OutputFormat::Table => value.human(),
            OutputFormat::Json => serde_json::to_string_pretty(value)?,
            OutputFormat::Yaml => to_yaml(value)?,
        };
        self.data(&text);
        Ok(())
    }

    /// A line of data (or a result message) on stdout.
    pub fn data(&self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        let _ = write!(stdout, "{text}");
        if !text.ends_with('\n') {
            let _ = writeln!(stdout);
        }
        let _ = stdout.flush();
    }

    /// One JSON value on a line of its own on stdout (an event of a running command).
    pub fn json_line(&self, value: &serde_json::Value) {
        self.data(&value.to_string());
    }

    /// Progress or a neutral note, on stderr.
    pub fn info(&self, text: &str) {
        eprintln!("{text}");
    }

    /// Something the user should know that does not fail the command, as a `warning:` line on stderr.
    pub fn warn(&self, text: &str) {
        eprintln!("{} {text}", paint("warning:", "1;33", self.color));
    }

    /// What to do next, as a `hint:` line on stderr, in the form an error's hint takes.
    pub fn hint(&self, text: &str) {
        eprintln!("{} {text}", paint("hint:", "1;36", self.color));
    }

    /// `text` in green when colour is on, for a good result the caller prints itself.
    pub fn success(&self, text: &str) -> String {
        paint(text, "32", self.color)
    }

    /// A debug line, shown with `-v`.
    pub fn debug(&self, text: &str) {
        if self.verbose > 0 {
            eprintln!("{} {text}", paint("debug:", "2", self.color));
        }
    }

    /// Decided apart from stderr: output piped to a file or a program must carry no escape codes.
    pub fn color_stdout(&self) -> bool {
        self.color_stdout
    }

    /// Whether stderr is a terminal (progress bars and spinners show only there).
    pub fn stderr_is_terminal(&self) -> bool {
        self.stderr_tty
    }

    /// Whether a prompt can be answered (stdin and stderr are terminals); [`Output::confirm`] refuses
    /// rather than hang when not (CI, pipes).
    pub fn is_interactive(&self) -> bool {
        self.stdin_tty && self.stderr_tty
    }

    /// A spinner on a terminal; on anything else, the message as a plain line.
    pub fn spinner(&self, message: &str) -> Progress {
        if self.stderr_tty {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}")
                    .expect("static template")
                    .tick_chars("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ "),
            );
            bar.set_message(message.to_string());
            bar.enable_steady_tick(Duration::from_millis(100));
            Progress { bar: Some(bar), color: self.color }
        } else {
            eprintln!("{message} ...");
            Progress { bar: None, color: self.color }
        }
    }

    /// A progress bar of `len` steps on a terminal; plain lines elsewhere.
    pub fn bar(&self, len: u64, message: &str) -> Progress {
        if self.stderr_tty {
            let bar = ProgressBar::new(len);
            bar.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
                    .expect("static template")
                    .progress_chars("=> "),
            );
            bar.set_message(message.to_string());
            Progress { bar: Some(bar), color: self.color }
        } else {
            Progress { bar: None, color: self.color }
        }
    }

    /// One spinner line per item on a terminal (each turns into a check mark when done);
    /// elsewhere a plain line per item as it finishes.
    pub fn spinners(&self, titles: &[String]) -> Spinners {
        let bars = if self.stderr_tty {
            let multi = indicatif::MultiProgress::new();
            titles
                .iter()
                .map(|title| {
                    let bar = multi.add(ProgressBar::new_spinner());
                    bar.set_style(
                        ProgressStyle::with_template("{spinner} {msg}")
                            .expect("static template")
                            .tick_chars("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ "),
                    );
                    bar.set_message(format!("{title} ..."));
                    bar.enable_steady_tick(Duration::from_millis(100));
                    Some(bar)
                })
                .collect()
        } else {
            titles.iter().map(|_| None).collect()
        };
        Spinners { titles: titles.to_vec(), bars, done: vec![false; titles.len()], color: self.color }
    }

    /// Asks a yes/no question; refuses (rather than waiting) when there is no terminal.
    pub fn confirm(&self, question: &str, skip_flag_hint: &str) -> Result<bool> {
        if !self.is_interactive() {
            return Err(Error::invalid(format!(
                "{question} needs confirmation, and there is no terminal to ask on"
            ))
            .with_hint(format!("pass {skip_flag_hint} to go ahead without a prompt")));
        }
        dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| Error::failed(format!("cannot read the answer: {e}")))
    }
}

/// A running progress indicator; finishing it leaves a final line.
pub struct Progress {
    bar: Option<ProgressBar>,
    color: bool,
}

impl Progress {
    /// Replaces the text on a terminal; elsewhere prints it as a new line, so logs still show each stage.
    pub fn set_message(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.set_message(message.to_string()),
            None => eprintln!("{message}"),
        }
    }

    /// A line above the bar on a terminal; a plain line on stderr elsewhere.
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }

    /// Live figures in the bar's message on a terminal; nothing elsewhere (the lines say it).
    pub fn set_live(&self, message: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message.to_string());
        }
    }

    /// Changes a bar's step count once it is known; nothing off a terminal, where there is no bar.
    pub fn set_length(&self, len: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(len);
        }
    }

    /// Moves a bar to step `pos` (where a resumed shift stands); nothing off a terminal.
    pub fn set_position(&self, pos: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(pos);
        }
    }

    /// Ends with a ✔ line that stays on screen (a plain line off a terminal); taking `self` means
    /// nothing can update it afterwards.
    pub fn succeed(self, message: &str) {
        let line = format!("{} {message}", paint("✔", "32", self.color));
        match self.bar {
            Some(bar) => bar.finish_with_message(line),
            None => eprintln!("{line}"),
        }
    }

    /// Ends with a ✘ line that stays on screen (a plain line off a terminal); the caller still
    /// returns the error.
    pub fn fail(self, message: &str) {
        let line = format!("{} {message}", paint("✘", "31", self.color));
        match self.bar {
            Some(bar) => bar.abandon_with_message(line),
            None => eprintln!("{line}"),
        }
    }
}

/// Spinners for several things finishing in any order.
pub struct Spinners {
    titles: Vec<String>,
    bars: Vec<Option<ProgressBar>>,
    done: Vec<bool>,
    color: bool,
}

impl Spinners {
    /// Marks item `index` done with a check mark and `message`.
    pub fn succeed(&mut self, index: usize, message: &str) {
        if self.done.get(index).copied().unwrap_or(true) {
            return;
        }
        self.done[index] = true;
        let line = format!("{} {} {message}", paint("✔", "32", self.color), self.titles[index]);
        match &self.bars[index] {
            Some(bar) => bar.finish_with_message(line),
            None => eprintln!("{line}"),
        }
    }

    /// Marks every unfinished item failed.
    pub fn fail_rest(&mut self, message: &str) {
        for index in 0..self.titles.len() {
            if self.done[index] {
                continue;
            }
            self.done[index] = true;
            let line = format!("{} {} {message}", paint("✘", "31", self.color), self.titles[index]);
            match &self.bars[index] {
                Some(bar) => bar.abandon_with_message(line),
                None => eprintln!("{line}"),
            }
        }
    }
}

/// A borderless table in kubectl's style: upper-case headers, columns separated by spaces.
pub fn table<H: AsRef<str>>(headers: &[H], rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.iter().map(|h| h.as_ref().to_string()));
    for row in rows {
        table.add_row(row);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 3));
    }
    table.to_string().lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// YAML the way kubectl prints it.
pub fn to_yaml<T: Serialize>(value: &T) -> Result<String> {
    serde_saphyr::to_string(value).map_err(|e| Error::failed(format!("cannot encode YAML: {e}")))
}

/// A unified diff of two texts, line by line, with three lines of context around each change;
/// empty when they are equal.
pub fn diff(before_label: &str, after_label: &str, before: &str, after: &str) -> String {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    if a == b {
        return String::new();
    }
    // Longest common subsequence table, from the end, so the walk below goes forward.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> =
        lines.iter().enumerate().filter(|(_, (c, _))| *c != ' ').map(|(k, _)| k).collect();
    let keep = |k: usize| changed.iter().any(|&c| k + CONTEXT >= c && k <= c + CONTEXT);
    let mut out = vec![format!("--- {before_label}"), format!("+++ {after_label}")];
    let mut skipped = false;
    for (k, (c, line)) in lines.iter().enumerate() {
        if keep(k) {
            if skipped || (k > 0 && out.len() == 2) {
                out.push("@@".to_string());
            }
            skipped = false;
            out.push(format!("{c}{line}"));
        } else {
            skipped = true;
        }
    }
    out.join("\n")
}

/// Writes `files` (path in the archive, content) as a zip at `path`; the first of two entries
/// with one name wins. Entries carry the current time.
pub fn write_zip(path: &std::path::Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let cannot = |e: &dyn std::fmt::Display| Error::failed(format!("cannot write {}: {e}", path.display()));
    let file = std::fs::File::create(path).map_err(|e| {
        Error::invalid(format!("cannot create {}: {e}", path.display()))
            .with_hint("pass a writable path with -o")
    })?;
    let mut zip = zip::ZipWriter::new(file);
    // Entries carry the time of the report (UTC), not the zip format's 1980 default.
    let now = k8s_openapi::jiff::Timestamp::now().to_zoned(k8s_openapi::jiff::tz::TimeZone::UTC);
    let stamp = zip::DateTime::from_date_and_time(
        now.year() as u16,
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut seen = std::collections::BTreeSet::new();
    for (name, body) in files {
        // Two parts may land on one name (a pod named by --app-pods and its namespace): keep the first.
        if !seen.insert(name.clone()) {
            continue;
        }
        zip.start_file(name.as_str(), options).map_err(|e| cannot(&e))?;
        zip.write_all(body).map_err(|e| cannot(&e))?;
    }
    zip.finish().map_err(|e| cannot(&e))?;
    Ok(())
}

/// Durations print in the notation the flags take; the model keeps it so that the cluster's
/// waits word their timeouts the same way.
pub use crate::model::duration::format_duration;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_changes_with_context() {
        assert_eq!(diff("a", "b", "x\ny\n", "x\ny\n"), "");
        let text = diff("before", "after", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n6\nseven\n8\n");
        assert_eq!(text, "--- before\n+++ after\n@@\n 4\n 5\n 6\n-7\n+seven\n 8");
        let text = diff("a", "b", "weight: 50\n", "weight: 90\nadded: 1\n");
        assert_eq!(text, "--- a\n+++ b\n-weight: 50\n+weight: 90\n+added: 1");
    }

    #[test]
    fn table_has_kubectl_shape() {
        let text = table(&["NAME", "MESH"], vec![vec!["bookstore".into(), "osm".into()]]);
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("NAME"));
        assert_eq!(lines[0].find("MESH"), lines[1].find("osm"));
        assert!(!text.contains('|'));
    }

    #[test]
    fn durations_print_as_the_flags_take_them() {
        use std::time::Duration;
        assert_eq!(format_duration(Duration::from_secs(300)), "5m");
        assert_eq!(format_duration(Duration::from_secs(90)), "90s");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(format_duration(Duration::from_millis(300)), "300ms");
        assert_eq!(format_duration(Duration::ZERO), "0s");
    }
}
