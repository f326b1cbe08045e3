use crate::cli::proxy::{ProxyArgs, ProxyCommand, ProxyRequestArgs};
use crate::error::{Error, Result};
use crate::ops::proxy::{self, Method};

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
    let cluster = ctx.cluster().await?;
    proxy::admin_request(
        &ctx.out,
        cluster,
        request.namespace.clone(),
        &request.pod,
        method,
        &request.query,
        request.local_port,
    )
    .await
}
