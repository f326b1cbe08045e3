//! Release archives: `osm-<version>-<os>-<arch>.tar.gz` for linux and darwin,
//! `osm-<version>-windows-<arch>.zip` for Windows, and `sha256sums.txt` in `sha256sum` format.
//! The file names are what `install.sh`, `install.ps1` and the release workflow rely on.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

pub const CHECKSUMS_FILE: &str = "sha256sums.txt";

/// The version of the `osm` package this xtask was built with, without the leading `v`.
pub fn crate_version() -> String {
    osm::cli::version::CLIENT_VERSION.trim_start_matches('v').to_string()
}

/// An operating system and CPU architecture, spelled as in the archive names (Go's names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    pub os: String,
    pub arch: String,
}

impl Platform {
    /// `linux/amd64` or `linux-amd64`.
    pub fn parse(text: &str) -> Result<Platform, String> {
        let (os, arch) = text
            .split_once(['/', '-'])
            .ok_or_else(|| format!("platform {text:?} is not OS/ARCH (e.g. linux/amd64)"))?;
        let platform = Platform { os: os.to_string(), arch: arch.to_string() };
        platform.validate()?;
        Ok(platform)
    }

    /// The platform of a Rust target triple, e.g. `aarch64-apple-darwin` -> darwin/arm64.
    pub fn from_triple(triple: &str) -> Result<Platform, String> {
        let arch = match triple.split('-').next().unwrap_or_default() {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            other => {
                return Err(format!(
                    "target {triple:?}: architecture {other:?} is not released (amd64, arm64)"
                ));
            }
        };
        let os = if triple.contains("-linux-") {
            "linux"
        } else if triple.contains("-apple-darwin") {
            "darwin"
        } else if triple.contains("-windows-") {
            "windows"
        } else {
            return Err(format!("target {triple:?}: only linux, darwin and windows are released"));
        };
        Ok(Platform { os: os.into(), arch: arch.into() })
    }

    /// The machine running this code.
    pub fn host() -> Result<Platform, String> {
        let os = match std::env::consts::OS {
            "macos" => "darwin",
            other => other,
        };
        let arch = match std::env::consts::ARCH {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            other => other,
        };
        let platform = Platform { os: os.into(), arch: arch.into() };
        platform.validate()?;
        Ok(platform)
    }

    fn validate(&self) -> Result<(), String> {
        if !["linux", "darwin", "windows"].contains(&self.os.as_str()) {
            return Err(format!("operating system {:?} is not released (linux, darwin, windows)", self.os));
        }
        if !["amd64", "arm64"].contains(&self.arch.as_str()) {
            return Err(format!("architecture {:?} is not released (amd64, arm64)", self.arch));
        }
        Ok(())
    }

    pub fn is_windows(&self) -> bool {
        self.os == "windows"
    }

    pub fn archive_name(&self, version: &str) -> String {
        let extension = if self.is_windows() { "zip" } else { "tar.gz" };
        format!("osm-{version}-{}-{}.{extension}", self.os, self.arch)
    }

    /// The name of the executable inside the archive.
    pub fn binary_name(&self) -> &'static str {
        if self.is_windows() { "osm.exe" } else { "osm" }
    }
}

/// `v1.2.3` or `1.2.3` -> `1.2.3`; refuses anything that would make a strange file name.
pub fn normalize_version(version: &str) -> Result<String, String> {
    let version = version.trim().trim_start_matches('v');
    let valid = !version.is_empty()
        && version.starts_with(|c: char| c.is_ascii_digit())
        && version.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
    if valid { Ok(version.to_string()) } else { Err(format!("version {version:?} is not like 1.2.3")) }
}

/// The files packed beside the binary: the README and, when the repository has one, the LICENSE.
pub fn documents(repo_root: &Path) -> Vec<PathBuf> {
    ["README.md", "LICENSE"].iter().map(|name| repo_root.join(name)).filter(|path| path.is_file()).collect()
}

/// The modification time stored in archives: `SOURCE_DATE_EPOCH` when set (the release workflow
/// sets it to the tagged commit's time), else 0, so the same inputs give the same bytes.
fn archive_mtime() -> u64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// Packs `binary` (and `documents`) into `out_dir` as the archive for `platform`; returns its path.
pub fn package(
    out_dir: &Path,
    version: &str,
    platform: &Platform,
    binary: &Path,
    documents: &[PathBuf],
) -> io::Result<PathBuf> {
    std::fs::create_dir_all(out_dir)?;
    let mut entries = vec![(platform.binary_name().to_string(), std::fs::read(binary)?, 0o755)];
    for doc in documents {
        let name = doc.file_name().expect("documents are files").to_string_lossy().into_owned();
        entries.push((name, std::fs::read(doc)?, 0o644));
    }
    let path = out_dir.join(platform.archive_name(version));
    // Write beside the target and rename, so an interrupted run never leaves a truncated archive.
    let partial = path.with_extension("partial");
    let file = File::create(&partial)?;
    if platform.is_windows() {
        write_zip(file, &entries)?
    } else {
        write_tar_gz(file, &entries)?
    }
    std::fs::rename(&partial, &path)?;
    Ok(path)
}

fn write_tar_gz(file: File, entries: &[(String, Vec<u8>, u32)]) -> io::Result<()> {
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    let mtime = archive_mtime();
    for (name, data, mode) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(*mode);
        header.set_mtime(mtime);
        header.set_uid(0);
        header.set_gid(0);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, name, data.as_slice())?;
    }
    tar.into_inner()?.finish()?.sync_all()
}

fn write_zip(file: File, entries: &[(String, Vec<u8>, u32)]) -> io::Result<()> {
    let mut zip = zip::ZipWriter::new(file);
    for (name, data, mode) in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(*mode);
        zip.start_file(name.as_str(), options).map_err(io::Error::other)?;
        zip.write_all(data)?;
    }
    zip.finish().map_err(io::Error::other)?.sync_all()
}

/// The SHA-256 of a file as lowercase hex.
pub fn sha256_hex(path: &Path) -> io::Result<String> {
    Ok(Sha256::digest(std::fs::read(path)?).iter().map(|b| format!("{b:02x}")).collect())
}

/// Writes `sha256sums.txt` (`<hex>  <file>` lines, as `sha256sum` prints them, sorted by name)
/// covering every archive of `version` in `out_dir`; returns the archives it lists.
pub fn write_checksums(out_dir: &Path, version: &str) -> io::Result<Vec<String>> {
    let prefix = format!("osm-{version}-");
    let mut archives: Vec<String> = std::fs::read_dir(out_dir)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&prefix) && (name.ends_with(".tar.gz") || name.ends_with(".zip")))
        .collect();
    archives.sort();
    let mut text = String::new();
    for name in &archives {
        text.push_str(&format!("{}  {name}\n", sha256_hex(&out_dir.join(name))?));
    }
    std::fs::write(out_dir.join(CHECKSUMS_FILE), text)?;
    Ok(archives)
}

/// The version given, or the osm package version, as archive names spell it.
pub fn version_or_default(version: Option<String>) -> Result<String, String> {
    normalize_version(&version.unwrap_or_else(crate_version))
}

/// `cargo xtask dist`: checks every argument, builds what needs building, packages each
/// binary and writes sha256sums.txt. The tests package the test build through this too.
pub fn run(
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

    let documents = documents(root);
    for (platform, build, binary) in &jobs {
        if let Some(triple) = build {
            cargo_build_release(root, triple)?;
        }
        let archive = package(&out, &version, platform, binary, &documents)
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

pub fn checksums(out: &Path, version: &str) -> Result<(), String> {
    let archives =
        write_checksums(out, version).map_err(|e| format!("writing checksums in {}: {e}", out.display()))?;
    if archives.is_empty() {
        return Err(format!("no osm-{version}-* archives in {}", out.display()));
    }
    eprintln!("wrote {} ({} archives)", out.join(CHECKSUMS_FILE).display(), archives.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_from_triples_and_names() {
        let mac = Platform::from_triple("aarch64-apple-darwin").unwrap();
        assert_eq!(mac.archive_name("1.0.0"), "osm-1.0.0-darwin-arm64.tar.gz");
        let win = Platform::from_triple("x86_64-pc-windows-msvc").unwrap();
        assert_eq!(win.archive_name("1.0.0"), "osm-1.0.0-windows-amd64.zip");
        assert_eq!(win.binary_name(), "osm.exe");
        assert_eq!(
            Platform::parse("linux/arm64").unwrap(),
            Platform { os: "linux".into(), arch: "arm64".into() }
        );
        assert!(Platform::from_triple("riscv64gc-unknown-linux-gnu").unwrap_err().contains("riscv64gc"));
        assert!(Platform::parse("plan9/amd64").unwrap_err().contains("plan9"));
    }

    #[test]
    fn versions() {
        assert_eq!(normalize_version("v1.2.3").unwrap(), "1.2.3");
        assert_eq!(normalize_version("0.1.0-rc.1").unwrap(), "0.1.0-rc.1");
        assert!(normalize_version("../x").is_err());
        assert!(normalize_version("").is_err());
    }

    #[test]
    fn archives_are_reproducible_and_checksummed() {
        let dir = std::env::temp_dir().join(format!("osm-dist-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let binary = dir.join("bin");
        std::fs::write(&binary, b"#!/bin/sh\necho hi\n").unwrap();
        let linux = Platform::parse("linux/amd64").unwrap();
        let windows = Platform::parse("windows/amd64").unwrap();
        let out = dir.join("out");
        let first = std::fs::read(package(&out, "1.0.0", &linux, &binary, &[]).unwrap()).unwrap();
        let second = std::fs::read(package(&out, "1.0.0", &linux, &binary, &[]).unwrap()).unwrap();
        assert_eq!(first, second, "same inputs must give the same archive bytes");
        let zip_path = package(&out, "1.0.0", &windows, &binary, &[]).unwrap();
        let mut zip = zip::ZipArchive::new(File::open(&zip_path).unwrap()).unwrap();
        assert_eq!(zip.by_index(0).unwrap().name().unwrap(), "osm.exe");
        assert_eq!(write_checksums(&out, "1.0.0").unwrap().len(), 2);
        let sums = std::fs::read_to_string(out.join(CHECKSUMS_FILE)).unwrap();
        let expected = format!(
            "{}  osm-1.0.0-linux-amd64.tar.gz",
            sha256_hex(&out.join(linux.archive_name("1.0.0"))).unwrap()
        );
        assert!(sums.contains(&expected), "{sums}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
