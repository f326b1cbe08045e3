//! `install.sh` end to end under `dash`, against a loopback HTTP server serving release files that
//! the dist code (`xtask::dist`) packed from the osm binary under test.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, OnceLock};

use xtask::dist::{self, Platform};

/// Release trees served by the test servers, built once for all tests of the run.
struct Releases {
    _dir: tempfile::TempDir,
    version: String,
    archive: String,
    /// `v<version>/` with the archive and its checksums, plus a `latest` file.
    good: PathBuf,
    /// The same files, with the archive's bytes changed after the checksums were taken.
    tampered: PathBuf,
    /// A checksums file without this platform's archive.
    no_entry: PathBuf,
}

fn releases() -> &'static Releases {
    static RELEASES: OnceLock<Releases> = OnceLock::new();
    RELEASES.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let version = dist::crate_version();
        let platform = Platform::host().expect("tests run on a released platform");
        let archive = platform.archive_name(&version);

        let good = dir.path().join("good");
        let release = good.join(format!("v{version}"));
        // Through the dist command itself (`cargo xtask dist --binary OS/ARCH=PATH`), so its
        // argument checks, packaging and sha256sums.txt are what install.sh meets.
        let binary = format!("{}/{}={}", platform.os, platform.arch, small_osm_binary(dir.path()).display());
        dist::run(&xtask::repo_root(), None, &release, &[], &[binary]).expect("cargo xtask dist");
        std::fs::write(good.join("latest"), format!("v{version}\n")).unwrap();

        let tampered = dir.path().join("tampered");
        let tampered_release = tampered.join(format!("v{version}"));
        std::fs::create_dir_all(&tampered_release).unwrap();
        let mut bytes = std::fs::read(release.join(&archive)).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(tampered_release.join(&archive), bytes).unwrap();
        std::fs::copy(release.join("sha256sums.txt"), tampered_release.join("sha256sums.txt")).unwrap();

        let no_entry = dir.path().join("no-entry");
        let no_entry_release = no_entry.join(format!("v{version}"));
        std::fs::create_dir_all(&no_entry_release).unwrap();
        std::fs::copy(release.join(&archive), no_entry_release.join(&archive)).unwrap();
        let other = format!("{}  osm-{version}-plan9-amd64.tar.gz\n", "0".repeat(64));
        std::fs::write(no_entry_release.join("sha256sums.txt"), other).unwrap();

        Releases { _dir: dir, version, archive, good, tampered, no_entry }
    })
}

/// The osm binary under test without its debug sections (a tenth of the size, so packing and
/// downloading it takes a moment instead of most of a minute); the code is the same.
fn small_osm_binary(dir: &Path) -> PathBuf {
    let stripped = dir.join("osm");
    let status = Command::new("strip")
        .args(["--strip-debug", "-o"])
        .arg(&stripped)
        .arg(env!("CARGO_BIN_EXE_osm"))
        .status()
        .expect("strip (binutils, installed with the Rust toolchain's linker) runs");
    assert!(status.success(), "strip failed");
    stripped
}

/// A static file server on a free loopback port that records the paths it was asked for.
struct Server {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (root, log) = (root.to_path_buf(), requests.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log) = (root.clone(), log.clone());
                std::thread::spawn(move || serve(stream, &root, &log));
            }
        });
        Server { url, requests }
    }

    fn requested(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, root: &Path, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    log.lock().unwrap().push(path.clone());
    let body =
        (!path.contains("..")).then(|| std::fs::read(root.join(path.trim_start_matches('/'))).ok()).flatten();
    let mut stream = stream;
    let (status, body) = match body {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"not found\n".to_vec()),
    };
    let head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

/// Runs `install.sh` under dash with a fresh HOME; `install_dir` is where osm must land.
struct Install {
    home: tempfile::TempDir,
}

impl Install {
    fn new() -> Install {
        Install { home: tempfile::tempdir().unwrap() }
    }

    fn install_dir(&self) -> PathBuf {
        self.home.path().join("tools/bin")
    }

    fn command(&self, server: &Server) -> Command {
        let dash = which("dash").expect("dash is not installed: run ./scripts/install-test-deps.sh");
        let mut cmd = Command::new(dash);
        cmd.arg(xtask::repo_root().join("install.sh"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap())
            .env("HOME", self.home.path())
            .env("OSM_DOWNLOAD_URL", &server.url)
            .env("OSM_INSTALL_DIR", self.install_dir());
        cmd
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(program)).find(|p| p.is_file())
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn installs_the_latest_release_then_a_second_run_changes_nothing() {
    let releases = releases();
    let server = Server::start(&releases.good);
    let install = Install::new();

    let first = install.command(&server).output().unwrap();
    let log = stderr(&first);
    assert!(first.status.success(), "install failed: {log}");
    assert!(log.contains(&format!("Installed osm v{} to", releases.version)), "{log}");
    assert!(log.contains("Verified SHA-256"), "{log}");
    assert!(log.contains(&format!("export PATH=\"{}:$PATH\"", install.install_dir().display())), "{log}");
    assert!(log.contains("osm install"), "next steps name osm install: {log}");
    assert!(
        server.requested().contains(&"/latest".to_string()),
        "no OSM_VERSION: the mirror's latest file is read"
    );

    let osm = install.install_dir().join("osm");
    let version = Command::new(&osm).args(["version", "--client"]).output().unwrap();
    assert!(version.status.success());
    let printed = String::from_utf8_lossy(&version.stdout);
    assert!(printed.contains(&format!("v{}", releases.version)), "{printed}");

    let installed_at = std::fs::metadata(&osm).unwrap().modified().unwrap();
    let before = server.requested().len();
    let second = install.command(&server).env("OSM_VERSION", &releases.version).output().unwrap();
    let log = stderr(&second);
    assert!(second.status.success(), "{log}");
    assert!(log.contains(&format!("osm v{} is already installed", releases.version)), "{log}");
    let new_requests = server.requested()[before..].to_vec();
    assert!(new_requests.is_empty(), "a pinned re-run downloads nothing, got {new_requests:?}");
    assert_eq!(std::fs::metadata(&osm).unwrap().modified().unwrap(), installed_at, "binary untouched");
}

#[test]
fn a_tampered_archive_is_refused_and_nothing_is_installed() {
    let releases = releases();
    let server = Server::start(&releases.tampered);
    let install = Install::new();
    let out = install.command(&server).env("OSM_VERSION", format!("v{}", releases.version)).output().unwrap();
    let log = stderr(&out);
    assert!(!out.status.success());
    assert!(log.contains(&format!("checksum mismatch for {}", releases.archive)), "{log}");
    assert!(log.contains("nothing was installed"), "{log}");
    assert!(!install.install_dir().exists(), "the install directory must not even be created");
}

#[test]
fn a_checksums_file_without_this_platform_is_refused() {
    let releases = releases();
    let server = Server::start(&releases.no_entry);
    let install = Install::new();
    let out = install.command(&server).env("OSM_VERSION", &releases.version).output().unwrap();
    let log = stderr(&out);
    assert!(!out.status.success());
    assert!(log.contains(&format!("has no entry for {}", releases.archive)), "{log}");
    assert!(!install.install_dir().exists());
    assert!(!server.requested().iter().any(|p| p.ends_with(".tar.gz")), "the archive is not even downloaded");
}

#[test]
fn an_unknown_version_gives_a_clear_error() {
    let releases = releases();
    let server = Server::start(&releases.good);
    let install = Install::new();
    let out = install.command(&server).env("OSM_VERSION", "9.9.9").output().unwrap();
    let log = stderr(&out);
    assert!(!out.status.success());
    assert!(log.contains(&format!("osm v9.9.9 is not published at {}/v9.9.9", server.url)), "{log}");
    assert!(log.contains("check OSM_VERSION"), "{log}");
    assert!(!install.install_dir().exists());

    let out = install.command(&server).env("OSM_VERSION", "1.0;rm").output().unwrap();
    assert!(stderr(&out).contains("is not a version such as 0.1.0"), "{}", stderr(&out));
}

#[test]
fn an_unsupported_architecture_is_named() {
    let releases = releases();
    let server = Server::start(&releases.good);
    let install = Install::new();
    // A `uname` earlier on PATH reports a machine osm is not released for.
    let shims = install.home.path().join("shims");
    std::fs::create_dir_all(&shims).unwrap();
    let real_uname = which("uname").unwrap();
    let shim = format!(
        "#!/bin/sh\nif [ \"$1\" = -m ]; then echo riscv64; else exec {} \"$@\"; fi\n",
        real_uname.display()
    );
    std::fs::write(shims.join("uname"), shim).unwrap();
    let executable = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(shims.join("uname"), executable).unwrap();
    let path = std::env::join_paths(
        std::iter::once(shims.clone()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let out = install.command(&server).env("PATH", path).output().unwrap();
    let log = stderr(&out);
    assert!(!out.status.success());
    assert!(log.contains("CPU architecture 'riscv64' is not supported"), "{log}");
    assert!(server.requested().is_empty(), "nothing is downloaded for an unsupported machine");
}

#[test]
fn the_istioctl_link_is_opt_in_and_never_replaces_a_real_istioctl() {
    let releases = releases();
    let server = Server::start(&releases.good);

    let plain = Install::new();
    let out = plain.command(&server).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!plain.install_dir().join("istioctl").exists(), "no link without OSM_ISTIOCTL_LINK=1");

    // With the setting, istioctl links to osm and answers istioctl's command lines as osm.
    let linked = Install::new();
    let out = linked.command(&server).env("OSM_ISTIOCTL_LINK", "1").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let link = linked.install_dir().join("istioctl");
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("osm"));
    let refused = Command::new(&link).arg("analyze").output().unwrap();
    assert_eq!(refused.status.code(), Some(64), "istioctl's usage exit code for a command osm lacks");
    assert!(stderr(&refused).contains("unknown command \"analyze\""), "{}", stderr(&refused));
    let again = linked.command(&server).env("OSM_ISTIOCTL_LINK", "1").output().unwrap();
    assert!(stderr(&again).contains("istioctl already links to osm"), "{}", stderr(&again));

    // A real istioctl in the install directory stays as it is.
    let occupied = Install::new();
    std::fs::create_dir_all(occupied.install_dir()).unwrap();
    let real = occupied.install_dir().join("istioctl");
    std::fs::write(&real, "#!/bin/sh\necho real istioctl\n").unwrap();
    let out = occupied.command(&server).env("OSM_ISTIOCTL_LINK", "1").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not a link to osm; left as it is"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "#!/bin/sh\necho real istioctl\n");

    // So does one elsewhere on PATH: a link would shadow it.
    let shadowing = Install::new();
    let other_bin = shadowing.home.path().join("other-bin");
    std::fs::create_dir_all(&other_bin).unwrap();
    let elsewhere = other_bin.join("istioctl");
    std::fs::write(&elsewhere, "#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&elsewhere, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(
        std::iter::once(other_bin.clone()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let out = shadowing.command(&server).env("OSM_ISTIOCTL_LINK", "1").env("PATH", path).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("an istioctl is already on PATH"), "{}", stderr(&out));
    assert!(!shadowing.install_dir().join("istioctl").exists());
}
