//! `cargo xtask gen [--check]`, `cargo xtask dist`, `cargo xtask checksums`.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clap::{Parser, Subcommand};
use xtask::dist::{self, Platform};
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
        Task::Dist { version, out, targets, binaries } => dist_cmd(&root, version, &out, &targets, &binaries),
        Task::Checksums { version, out } => {
            version_or_default(version).and_then(|version| checksums(&root.join(out), &version))
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

fn version_or_default(version: Option<String>) -> Result<String, String> {
    dist::normalize_version(&version.unwrap_or_else(dist::crate_version))
}

fn dist_cmd(
    root: &Path,
    version: Option<String>,
    out: &Path,
    targets: &[String],
    binaries: &[String],
) -> Result<(), String> {
    let version = version_or_default(version)?;
    let out = root.join(out);
    // Validate every argument before the (slow) builds start.
    let mut jobs: Vec<(Platform, Option<String>, PathBuf)> = Vec::new();
    for spec in binaries {
        let (platform, path) =
            spec.split_once('=').ok_or_else(|| format!("--binary {spec:?} is not OS/ARCH=PATH"))?;
        let path = PathBuf::from(path);
        if !path.is_file() {
            return Err(format!("--binary {spec:?}: {} is not a file", path.display()));
        }
        jobs.push((Platform::parse(platform)?, None, path));
    }
    for triple in targets {
        let platform = Platform::from_triple(triple)?;
        let path = root.join("target").join(triple).join("release").join(platform.binary_name());
        jobs.push((platform, Some(triple.clone()), path));
    }
    if jobs.is_empty() {
        let platform = Platform::host()?;
        let path = root.join("target/release").join(platform.binary_name());
        jobs.push((platform, Some(String::new()), path));
    }

    let documents = dist::documents(root);
    for (platform, build, binary) in &jobs {
        if let Some(triple) = build {
            cargo_build_release(root, triple)?;
        }
        let archive = dist::package(&out, &version, platform, binary, &documents)
            .map_err(|e| format!("packaging {}: {e}", binary.display()))?;
        eprintln!("wrote {}", archive.display());
    }
    checksums(&out, &version)
}

/// `cargo build --release -p osm`, for `triple` unless it is empty (this machine).
fn cargo_build_release(root: &Path, triple: &str) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args(["build", "--release", "--locked", "-p", "osm"]);
    if !triple.is_empty() {
        cmd.args(["--target", triple]);
    }
    let status = cmd.status().map_err(|e| format!("running cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("cargo build --release failed ({status})")) }
}

fn checksums(out: &Path, version: &str) -> Result<(), String> {
    let archives = dist::write_checksums(out, version)
        .map_err(|e| format!("writing checksums in {}: {e}", out.display()))?;
    if archives.is_empty() {
        return Err(format!("no osm-{version}-* archives in {}", out.display()));
    }
    eprintln!("wrote {} ({} archives)", out.join(dist::CHECKSUMS_FILE).display(), archives.len());
    Ok(())
}
