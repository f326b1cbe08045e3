//! Records the git commit and build date shown by `osm version`.
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    embed_istio_manifests();
    let commit = std::env::var("OSM_GIT_COMMIT").ok().filter(|c| !c.is_empty()).or_else(|| {
        let out = Command::new("git").args(["rev-parse", "--short=12", "HEAD"]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    println!("cargo:rustc-env=OSM_GIT_COMMIT={}", commit.unwrap_or_else(|| "unknown".into()));

    // SOURCE_DATE_EPOCH keeps release builds reproducible.
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0));
    println!("cargo:rustc-env=OSM_BUILD_DATE={}", civil_date(secs / 86_400));
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    println!("cargo:rerun-if-env-changed=OSM_GIT_COMMIT");
    if let Ok(out) = Command::new("git").args(["rev-parse", "--git-dir"]).output() {
        let git_dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !git_dir.is_empty() {
            println!("cargo:rerun-if-changed={git_dir}/HEAD");
            println!("cargo:rerun-if-changed={git_dir}/refs/heads");
        }
    }
}

/// Writes `$OUT_DIR/istio_manifests.rs`: every file of Istio's charts and profiles under
/// `src/model/istio/manifests/` as `(path, contents)`, sorted by path, so the binary carries them
/// the way istioctl's `//go:embed` does (manifests/manifest.go).
fn embed_istio_manifests() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/istio/manifests");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        println!("cargo:rerun-if-changed={}", dir.display());
        for entry in std::fs::read_dir(&dir).expect("src/model/istio/manifests is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let relative =
                path.strip_prefix(&root).expect("under the root").to_string_lossy().replace('\\', "/");
            if relative != "README.md" {
                files.push((relative, path));
            }
        }
    }
    files.sort();
    let mut table = String::from("&[\n");
    for (relative, path) in &files {
        table.push_str(&format!("    ({relative:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    table.push_str("]\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("istio_manifests.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}

/// Days since 1970-01-01 to YYYY-MM-DD (Howard Hinnant's algorithm).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
