use std::sync::Arc;
use std::time::Duration;

use crate::cli::port_forward::PortForwardArgs;
use crate::cluster::Cluster;
use crate::cluster::portforward::{Forwarder, Notice, Options, PortSpec, Target};
use crate::error::{Error, Result};

use super::Context;

pub async fn run(ctx: &Context, args: PortForwardArgs) -> Result<()> {
    let target = Target::parse(&args.target)?;
    let specs = args.ports.iter().map(|p| PortSpec::parse(p)).collect::<Result<Vec<_>>>()?;
    let cluster = ctx.cluster().await?;
    let namespace = args.namespace.clone().unwrap_or_else(|| cluster.client.default_namespace().to_string());
    let opts = Options {
        namespace,
        address: args.address.clone(),
        wait_ready: Duration::ZERO,
        reconnect_timeout: args.reconnect_timeout,
        require_ready: true,
    };
    let forwarder = Forwarder::start(cluster, &target, specs, opts).await?;
    announce(ctx, &forwarder);
    forward_until_interrupted(ctx, cluster, forwarder).await
}

/// `Forwarding from 127.0.0.1:8080 -> POD:14001` per port, and a note for each busy port.
pub fn announce(ctx: &Context, forwarder: &Forwarder) {
    for listening in &forwarder.listening {
        if let Some(busy) = listening.busy_fallback_from {
            ctx.out.warn(&format!(
                "local port {busy} is busy; forwarding from port {} instead",
                listening.local.port()
            ));
        }
        ctx.out.data(&format!(
            "Forwarding from {} -> {}:{}",
            listening.local, forwarder.first.pod, listening.remote
        ));
    }
}

/// Forwards until Ctrl-C or SIGTERM (exit 0), or until the workload has no ready pod for longer
/// than the reconnect timeout (exit 1).
pub async fn forward_until_interrupted(ctx: &Context, cluster: &Cluster, forwarder: Forwarder) -> Result<()> {
    let out = ctx.out.clone();
    let notice: Notice = Arc::new(move |text: String| match text.strip_prefix("error: ") {
        Some(error) => out.warn(error),
        None => out.info(&text),
    });
    let describe = forwarder.describe().to_string();
    tokio::select! {
        result = forwarder.run(cluster.clone(), notice) => result,
        signal = interrupted() => {
            signal?;
            ctx.out.info(&format!("stopped forwarding to {describe}"));
            Ok(())
        }
    }
}

pub async fn interrupted() -> Result<()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())
            .map_err(|e| Error::failed(format!("cannot listen for SIGTERM: {e}")))?;
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await.map_err(|e| Error::failed(format!("cannot listen for Ctrl-C: {e}")))
    }
}
