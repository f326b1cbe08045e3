//! The checked-in completions, command reference and man pages must be what the generator
//! produces from the current clap definitions.

use xtask::generate::{self, REGENERATE};

#[test]
fn checked_in_generated_files_match_the_clap_definitions() {
    let drift = generate::check(&xtask::repo_root()).expect("reading the generated files");
    assert!(drift.is_clean(), "{}", drift.report());
}

#[test]
fn the_check_notices_a_changed_file_and_a_leftover_one() {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in generate::generate() {
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, content).unwrap();
    }
    assert!(generate::check(dir.path()).unwrap().is_clean());

    std::fs::write(dir.path().join("docs/reference/osm-version.md"), "edited by hand\n").unwrap();
    std::fs::write(dir.path().join("docs/man/osm-removed.1"), "old page\n").unwrap();
    let drift = generate::check(dir.path()).unwrap();
    let report = drift.report();
    assert!(report.contains("docs/reference/osm-version.md"), "{report}");
    assert!(report.contains("docs/man/osm-removed.1"), "{report}");
    assert!(report.contains(REGENERATE), "{report}");

    let changed = generate::write(dir.path()).unwrap();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(generate::check(dir.path()).unwrap().is_clean());
    assert!(!dir.path().join("docs/man/osm-removed.1").exists());
}
