//! `osm istio ...`: parse istioctl's flags, call the Istio lifecycle in ops, print the result.

use super::Context;
use crate::cli::istio::{IstioCommand, KubeInjectArgs, ManifestCommand};
use crate::error::{Error, Result};
use crate::ops;
use crate::ops::istio::inject::InjectRequest;

pub async fn run(ctx: &Context, command: IstioCommand) -> Result<()> {
    match command {
        IstioCommand::Manifest(ManifestCommand::Generate(_)) => Err(not_built("manifest generate")),
        IstioCommand::Install(_) => Err(not_built("install")),
        IstioCommand::Uninstall(_) => Err(not_built("uninstall")),
        IstioCommand::KubeInject(args) => kube_inject(ctx, *args).await,
        IstioCommand::Version(_) => Err(not_built("version")),
        IstioCommand::VerifyInstall(_) => Err(not_built("verify-install")),
    }
}

fn not_built(what: &str) -> Error {
    Error::failed(format!("osm istio {what} is not available in this build"))
}

/// istioctl's kube-inject: the injected manifest to stdout or `-o`, skip warnings to stderr.
async fn kube_inject(ctx: &Context, args: KubeInjectArgs) -> Result<()> {
    let Some(filename) = args.filename else {
        return Err(Error::invalid("filename not specified")
            .with_hint("pass the manifest with -f FILE, or -f - for standard input"));
    };
    let request = InjectRequest {
        filename,
        inject_config_file: args.inject_config_file,
        mesh_config_file: args.mesh_config_file,
        values_file: args.values_file,
        revision: args.revision,
        inject_config_map_name: args.inject_config_map_name,
        mesh_config_map_name: args.mesh_config_map_name,
        istio_namespace: args.istio_namespace,
        native_sidecars_env: std::env::var("ENABLE_NATIVE_SIDECARS").ok(),
    };
    let cluster = if request.needs_cluster() { Some(ctx.cluster().await?) } else { None };
    let injected = ops::istio::inject::kube_inject(&request, cluster).await?;
    match &args.output {
        Some(path) => std::fs::write(path, &injected.manifest).map_err(|e| {
            Error::invalid(format!("cannot write {path}: {e}"))
                .with_hint("pass a writable path to -o/--output")
        })?,
        None => {
            if !injected.manifest.is_empty() {
                ctx.out.data(&injected.manifest);
            }
        }
    }
    eprint!("{}", injected.stderr_text());
    Ok(())
}
