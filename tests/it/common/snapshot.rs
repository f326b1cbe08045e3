//! Golden-file assertions (insta) over what a command showed its user. A snapshot's first content
//! is read and judged before it is committed; after that, a change shows up as a diff under
//! tests/it/snapshots/. What differs between runs is masked: osm's own version and build, the test
//! cluster's generated names and ports, elapsed times, and paths on this machine.

use super::{Run, repo_root};

/// Everything a user saw of one command: its line, exit code, stdout and stderr.
pub fn transcript(args: &[&str], run: &Run) -> String {
    let line: Vec<String> = args
        .iter()
        .map(|a| if a.is_empty() || a.contains([' ', '"', '\'']) { format!("'{a}'") } else { a.to_string() })
        .collect();
    let mut text = format!("$ osm {}\nexit: {}\n", line.join(" "), run.code);
    for (name, out) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        if out.is_empty() {
            text.push_str(&format!("--- {name}: empty\n"));
        } else {
            text.push_str(&format!("--- {name}\n{}", out));
            if !out.ends_with('\n') {
                text.push_str("\n--- (no newline at the end)\n");
            }
        }
    }
    text
}

/// The transcripts of `osm_offline()` running each of `cases`, one after the other.
pub fn offline_transcripts(cases: &[&[&str]]) -> String {
    cases
        .iter()
        .map(|args| transcript(args, &super::osm_offline().args(*args).run()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The filters every snapshot gets. The name filter keeps the width of what it masks, so that a
/// table's columns stay aligned.
pub fn settings() -> insta::Settings {
    refuse_writing_under_ci();
    let mut settings = insta::Settings::clone_current();
    settings.set_omit_expression(true);
    settings.set_prepend_module_to_snapshot(true);
    let root = repo_root();
    settings.add_filter(&regex::escape(&root.to_string_lossy()), "[REPO]");
    let tmp = std::env::temp_dir();
    let tmp = tmp.to_string_lossy();
    settings.add_filter(
        &format!(r"{}/osm-test-\d+-", regex::escape(tmp.trim_end_matches('/'))),
        "[TMP]/osm-test-[PID]-",
    );
    settings.add_filter(&format!(r"{}/", regex::escape(tmp.trim_end_matches('/'))), "[TMP]/");
    settings.add_filter(&format!(r"\bv{}\b", regex::escape(env!("CARGO_PKG_VERSION"))), "v[VERSION]");
    settings.add_filter(r"(Git Commit:\s+)[0-9a-f]{7,40}(-dirty)?", "${1}[COMMIT]");
    settings.add_filter(r"(Build Date:\s+)\d{4}-\d{2}-\d{2}", "${1}[DATE]");
    settings.add_filter(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", "[TIMESTAMP]");
    // common::unique_name: `prefix-PPPPP-NNN`, masked to the same width.
    settings.add_filter(r"-\d{5}-\d{3}\b", "-#####-###");
    settings
}

/// `settings()`, and elapsed times (`in 3.2s`, ages such as `2m5s`) and local ports too: for
/// output read from the cluster. Help and usage errors keep theirs, which are text (`e.g. 30s`,
/// `http://127.0.0.1:9090`), not measurements or picked ports.
pub fn cluster_settings() -> insta::Settings {
    let mut settings = settings();
    settings.add_filter(r"\b(\d+h)?(\d+m)?\d+(\.\d+)?(ms|s)\b", "[DURATION]");
    settings.add_filter(r"\b(127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\]):\d{2,5}\b", "$1:[PORT]");
    settings
}

/// Under CI a snapshot is compared, never written, and a mismatch never passes: insta's modes
/// that would do otherwise are refused here rather than trusted to be unset.
fn refuse_writing_under_ci() {
    let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
    if !ci {
        return;
    }
    for (var, allowed) in [("INSTA_UPDATE", &["", "no", "auto"][..]), ("INSTA_FORCE_PASS", &["", "0"][..])] {
        let value = std::env::var(var).unwrap_or_default();
        assert!(
            allowed.contains(&value.as_str()),
            "{var}={value} under CI would write snapshots or let a mismatch pass: unset it"
        );
    }
}
