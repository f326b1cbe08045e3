//! `osm verify connectivity|control-plane-health|ingress`: the Go CLI's verifiers (OSM v1.2.4
//! `pkg/cli/verifier`), step by step, plus a traffic-policy step that names the TrafficTarget
//! and HTTPRouteGroups allowing the traffic, or says what is missing. Reads in `ops::diagnose::verify`;
//! judgements in `model::osm::verify`.

use crate::cli::verify::{VerifyCommand, VerifyFormat};
use crate::error::{Error, Result};
use crate::model::osm::verify::Status;
use crate::ops::diagnose::verify;

use super::Context;

/// Prints every step, then exits 1 when a step failed or could not be carried out (the Go CLI exited
/// 0), so scripts can rely on the exit code.
pub async fn run(ctx: &Context, command: VerifyCommand) -> Result<()> {
    let (result, format) = match command {
        VerifyCommand::Connectivity(args) => {
            let request = verify::Connectivity {
                from_pod: args.from_pod.clone(),
                to_pod: args.to_pod.clone(),
                to_service: args.to_service.clone(),
                app_protocol: args.app_protocol.clone(),
                to_ext_port: args.to_ext_port,
                to_ext_host: args.to_ext_host.clone(),
                mesh_name: args.mesh_name.clone(),
            };
            let cluster = ctx.cluster().await?;
            (verify::connectivity(cluster, &ctx.global.osm_namespace, &request).await?, args.output)
        }
        VerifyCommand::ControlPlaneHealth(args) => {
            let cluster = ctx.cluster().await?;
            (verify::control_plane(cluster, &ctx.global.osm_namespace).await?, args.output)
        }
        VerifyCommand::Ingress(args) => {
            let request = verify::Ingress {
                from_service: args.from_service.clone(),
                to_pod: args.to_pod.clone(),
                to_service: args.to_service.clone(),
                ingress_backend: args.ingress_backend.clone(),
                to_port: args.to_port,
                app_protocol: args.app_protocol.clone(),
                mesh_name: args.mesh_name.clone(),
            };
            let cluster = ctx.cluster().await?;
            (verify::ingress(cluster, &ctx.global.osm_namespace, &request).await?, args.output)
        }
    };
    match format {
        VerifyFormat::Table => ctx.out.data(&result.text()),
        VerifyFormat::Json => ctx.out.data(&serde_json::to_string_pretty(&result)?),
    }
    match result.status {
        Status::Success => Ok(()),
        Status::Failure => Err(Error::failed(format!("{}: failed", result.context))
            .with_hint("follow the suggestions of the failed steps above")),
        Status::Unknown => Err(Error::failed(format!("{}: a step could not be carried out", result.context))
            .with_hint("the reasons above say what could not be read")),
    }
}
