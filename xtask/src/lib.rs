//! Project chores that are code rather than shell: the files generated from the clap definitions
//! (`gen`) and the release archives (`dist`). A library as well as a binary, so the tests can
//! check the checked-in files and package the test build through the very same code.

pub mod dist;
pub mod generate;

use std::path::PathBuf;

/// The repository root (the parent of `xtask/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the repository")
        .to_path_buf()
}
