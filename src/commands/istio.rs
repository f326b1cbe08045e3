//! `osm istio ...`: parse istioctl's flags, call the Istio lifecycle in ops, print the result.

use super::Context;
use crate::cli::istio::{IstioCommand, ManifestCommand, ManifestGenerateArgs};
use crate::error::{Error, Result};
use crate::mesh::istio;

pub async fn run(ctx: &Context, command: IstioCommand) -> Result<()> {
    match command {
        IstioCommand::Manifest(ManifestCommand::Generate(args)) => manifest_generate(ctx, &args),
        IstioCommand::Install(_) => Err(not_built("install")),
        IstioCommand::Uninstall(_) => Err(not_built("uninstall")),
        IstioCommand::KubeInject(_) => Err(not_built("kube-inject")),
        IstioCommand::Version(_) => Err(not_built("version")),
        IstioCommand::VerifyInstall(_) => Err(not_built("verify-install")),
    }
}

/// `istioctl manifest generate`: everything is read and checked before anything is printed.
fn manifest_generate(ctx: &Context, args: &ManifestGenerateArgs) -> Result<()> {
    let inputs = istio::Inputs {
        files: read_filenames(&args.filename)?,
        set: args.set.clone(),
        revision: args.revision.clone(),
        force: args.force,
        package: match &args.manifests {
            Some(dir) => istio::manifests::Package::Files(read_package(dir)?),
            None => istio::manifests::Package::Builtin,
        },
    };
    let manifest = istio::generate(&inputs)?;
    for warning in &manifest.warnings {
        ctx.out.warn(warning);
    }
    let text = manifest.to_yaml()?;
    if !text.is_empty() {
        ctx.out.data(&text);
    }
    Ok(())
}

/// The `-f` files in order; `-` is stdin and only allowed last (operator/pkg/render/manifest.go:265-278).
fn read_filenames(names: &[String]) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let text = if name == "-" {
            if index != names.len() - 1 {
                return Err(Error::invalid("-f -: stdin is only allowed as the last filename"));
            }
            std::io::read_to_string(std::io::stdin())
                .map_err(|e| Error::invalid(format!("-f -: cannot read stdin: {e}")))?
        } else {
            let path = name.trim();
            std::fs::read_to_string(path)
                .map_err(|e| Error::invalid(format!("-f {path}: cannot read the file: {e}")))?
        };
        files.push((name.clone(), text));
    }
    Ok(files)
}

/// Every file under `dir`'s charts/ and profiles/, by its path relative to `dir`.
fn read_package(dir: &std::path::Path) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.join("charts"), dir.join("profiles")];
    while let Some(current) = pending.pop() {
        let entries = std::fs::read_dir(&current).map_err(|e| {
            Error::invalid(format!(
                "--manifests {}: cannot read {}: {e}; it needs Istio's charts/ and profiles/ directories",
                dir.display(),
                current.display()
            ))
        })?;
        for entry in entries {
            let path =
                entry.map_err(|e| Error::invalid(format!("--manifests {}: {e}", dir.display())))?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            files.push((relative, text));
        }
    }
    files.sort();
    Ok(files)
}

fn not_built(what: &str) -> Error {
    Error::failed(format!("osm istio {what} is not available in this build"))
}
