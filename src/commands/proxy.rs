use k8s_openapi::api::core::v1::Pod;

use crate::cli::proxy::{ProxyArgs, ProxyCommand, ProxyRequestArgs};
use crate::cluster::envoy::{self, Method};
use crate::error::{Error, Result};
use crate::mesh::keys::PROXY_UUID_LABEL;

use super::Context;

/// Refuses (exit 4) a pod that is missing, has no Envoy sidecar or is not Running before touching its
/// admin port; the answer goes to stdout byte for byte, or to `--file`.
pub async fn run(ctx: &Context, args: ProxyArgs) -> Result<()> {
    let (method, request) = match args.command {
        ProxyCommand::Get(request) => (Method::Get, request),
        ProxyCommand::Set(request) => (Method::Post, request),
    };
    let body = admin_request(ctx, method, &request).await?;
    match request.file {
        Some(path) => {
            std::fs::write(&path, &body)
                .map_err(|e| Error::failed(format!("cannot write {}: {e}", path.display())))?;
            ctx.out.info(&format!("wrote {} bytes to {}", body.len(), path.display()));
            Ok(())
        }
        None => write_stdout(&body),
    }
}

fn write_stdout(body: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(body)?;
    stdout.flush()?;
    Ok(())
}

async fn admin_request(ctx: &Context, method: Method, request: &ProxyRequestArgs) -> Result<Vec<u8>> {
    let (query, pod_name) = (request.query.as_str(), request.pod.as_str());
    let cluster = ctx.cluster().await?;
    let namespace = request.namespace.clone().unwrap_or_else(|| cluster.default_namespace().to_string());
    let what = format!("reading pod {pod_name} in namespace {namespace}");
    let pod = cluster.get_in::<Pod>(&namespace, pod_name, &what).await?.ok_or_else(|| {
        Error::invalid(format!("pod {pod_name} not found in namespace {namespace}"))
            .with_hint(format!("list the pods with: kubectl get pods -n {namespace}"))
    })?;
    if !pod.metadata.labels.as_ref().is_some_and(|l| l.contains_key(PROXY_UUID_LABEL)) {
        return Err(Error::invalid(format!(
            "pod {pod_name} in namespace {namespace} has no Envoy sidecar (no {PROXY_UUID_LABEL} label)"
        ))
        .with_hint(format!(
            "enrol the namespace with `osm namespace add {namespace}`, then restart the pod so a sidecar is injected"
        )));
    }
    let phase = pod.status.as_ref().and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into());
    if phase != "Running" {
        return Err(Error::invalid(format!(
            "pod {pod_name} in namespace {namespace} is {phase}, not Running"
        ))
        .with_hint(format!("see why with: kubectl describe pod -n {namespace} {pod_name}")));
    }

    envoy::admin(cluster, &namespace, pod_name, method, query, request.local_port, &|m| ctx.out.debug(m))
        .await
}
