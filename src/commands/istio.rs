//! `osm istio ...`: parse istioctl's flags, call the Istio lifecycle in ops, print the result.

use super::Context;
use crate::cli::istio::{IstioCommand, ManifestCommand};
use crate::error::{Error, Result};

pub async fn run(ctx: &Context, command: IstioCommand) -> Result<()> {
    let _ = ctx;
    match command {
        IstioCommand::Manifest(ManifestCommand::Generate(_)) => Err(not_built("manifest generate")),
        IstioCommand::Install(_) => Err(not_built("install")),
        IstioCommand::Uninstall(_) => Err(not_built("uninstall")),
        IstioCommand::KubeInject(_) => Err(not_built("kube-inject")),
        IstioCommand::Version(_) => Err(not_built("version")),
        IstioCommand::VerifyInstall(_) => Err(not_built("verify-install")),
    }
}

fn not_built(what: &str) -> Error {
    Error::failed(format!("osm istio {what} is not available in this build"))
}
