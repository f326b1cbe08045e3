use std::time::Duration;

use crate::cli::port_forward::PortForwardArgs;
use crate::cluster::portforward::{Forwarder, Options, PortSpec, Target};
use crate::error::Result;
use crate::ops::forwarding::{announce, forward_until_interrupted};

use super::Context;

/// Checks the target and ports before connecting and fails at once when no pod is ready; then
/// forwards until Ctrl-C (exit 0), or exit 1 when no ready pod returns within `--reconnect-timeout`.
pub async fn run(ctx: &Context, args: PortForwardArgs) -> Result<()> {
    let target = Target::parse(&args.target)?;
    let specs = args.ports.iter().map(|p| PortSpec::parse(p)).collect::<Result<Vec<_>>>()?;
    let cluster = ctx.cluster().await?;
    let namespace = args.namespace.clone().unwrap_or_else(|| cluster.default_namespace().to_string());
    let opts = Options {
        namespace,
        address: args.address.clone(),
        wait_ready: Duration::ZERO,
        reconnect_timeout: args.reconnect_timeout,
        require_ready: true,
    };
    let forwarder = Forwarder::start(cluster, &target, specs, opts).await?;
    announce(&ctx.out, &forwarder);
    forward_until_interrupted(&ctx.out, cluster, forwarder).await
}
