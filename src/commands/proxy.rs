use std::sync::Arc;
use std::time::Duration;

use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;

use crate::cli::proxy::{ProxyArgs, ProxyCommand, ProxyRequestArgs};
use crate::cluster::portforward::{Forwarder, Notice, Options, PortSpec, RemotePort, Target, TargetKind};
use crate::error::{Error, Result};
use crate::mesh::keys::PROXY_UUID_LABEL;

use super::Context;

/// Envoy's admin interface in an OSM sidecar.
const ENVOY_ADMIN_PORT: u16 = 15000;

pub async fn run(ctx: &Context, args: ProxyArgs) -> Result<()> {
    let (method, request) = match args.command {
        ProxyCommand::Get(request) => (reqwest::Method::GET, request),
        ProxyCommand::Set(request) => (reqwest::Method::POST, request),
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

async fn admin_request(
    ctx: &Context,
    method: reqwest::Method,
    request: &ProxyRequestArgs,
) -> Result<Vec<u8>> {
    let (query, pod_name) = (request.query.as_str(), request.pod.as_str());
    let cluster = ctx.cluster().await?;
    let namespace =
        request.namespace.clone().unwrap_or_else(|| cluster.client.default_namespace().to_string());
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &namespace);
    let pod = pods
        .get_opt(pod_name)
        .await
        .map_err(cluster.err(format!("reading pod {pod_name} in namespace {namespace}")))?
        .ok_or_else(|| {
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

    let target = Target { kind: TargetKind::Pod, name: pod_name.to_string() };
    let spec = PortSpec {
        local: Some(request.local_port.unwrap_or(0)),
        remote: RemotePort::Number(ENVOY_ADMIN_PORT),
    };
    let opts = Options {
        namespace: namespace.clone(),
        address: "127.0.0.1".into(),
        wait_ready: Duration::ZERO,
        reconnect_timeout: Duration::from_secs(5),
        require_ready: false,
    };
    let forwarder = Forwarder::start(cluster, &target, vec![spec], opts).await?;
    let local = forwarder.listening[0].local;
    ctx.out
        .debug(&format!("forwarding {local} to the Envoy admin port {ENVOY_ADMIN_PORT} of pod {pod_name}"));
    let quiet: Notice = Arc::new(|_| {});
    let serving = tokio::spawn(forwarder.run(cluster.clone(), quiet));
    let url = format!("http://{local}/{}", query.trim_start_matches('/'));
    let result = async {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| Error::failed(format!("cannot build an HTTP client: {e}")))?;
        let response = client.request(method, &url).send().await.map_err(|e| {
            Error::failed(format!("the Envoy admin interface of pod {pod_name} does not answer: {e}"))
                .with_hint(format!("check the sidecar: kubectl logs -n {namespace} {pod_name} -c envoy"))
        })?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| Error::failed(format!("reading the answer of pod {pod_name}'s Envoy admin: {e}")))?;
        if !status.is_success() {
            return Err(Error::failed(format!(
                "Envoy admin of pod {pod_name} answered {status} to {query}: {}",
                String::from_utf8_lossy(&body).trim()
            ))
            .with_hint("see the admin paths Envoy offers with: osm proxy get help POD"));
        }
        Ok(body.to_vec())
    }
    .await;
    serving.abort();
    result
}
