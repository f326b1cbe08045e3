//! `cargo xtask gen [--check]`, `cargo xtask dist`, `cargo xtask checksums`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::dist;
use xtask::{generate, repo_root};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Project chores: generated files and release archives")]
struct Args {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate completions/, docs/reference/ and docs/man/ from the clap definitions
    Gen {
        /// Change nothing; list the stale files and exit 1 if there are any
        #[arg(long)]
        check: bool,
    },
    /// Build release binaries and write the archives and sha256sums.txt into the output directory
    ///
    /// Without --target or --binary, builds the release binary for this machine.
    Dist {
        /// Version in the archive names (default: the osm package version)
        #[arg(long)]
        version: Option<String>,
        /// Output directory
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// Build for this Rust target triple (repeatable), e.g. aarch64-apple-darwin
        #[arg(long = "target", value_name = "TRIPLE")]
        targets: Vec<String>,
        /// Package an already built binary instead of building: OS/ARCH=PATH (repeatable),
        /// e.g. windows/amd64=target/x86_64-pc-windows-msvc/release/osm.exe
        #[arg(long = "binary", value_name = "OS/ARCH=PATH")]
        binaries: Vec<String>,
    },
    /// Rewrite sha256sums.txt over every archive of the version in the output directory
    Checksums {
        #[arg(long)]
        version: Option<String>,
        #[arg(long, default_value = "dist")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    let root = repo_root();
    let result = match args.task {
        Task::Gen { check } => generate_cmd(&root, check),
        Task::Dist { version, out, targets, binaries } => {
            dist::run(&root, version, &out, &targets, &binaries)
        }
        Task::Checksums { version, out } => {
            dist::version_or_default(version).and_then(|version| dist::checksums(&root.join(out), &version))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn generate_cmd(root: &Path, check: bool) -> Result<(), String> {
    if check {
        let drift = generate::check(root).map_err(|e| format!("reading the generated files: {e}"))?;
        if !drift.is_clean() {
            return Err(drift.report());
        }
        eprintln!("generated files are up to date");
        return Ok(());
    }
    let changed = generate::write(root).map_err(|e| format!("writing the generated files: {e}"))?;
    for path in &changed {
        eprintln!("updated {}", path.display());
    }
    if changed.is_empty() {
        eprintln!("generated files were already up to date");
    }
    Ok(())
}
