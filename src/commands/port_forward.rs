use crate::cli::port_forward::PortForwardArgs;
use crate::error::Result;
use crate::ops::forwarding::{WorkloadPorts, forward_workload};

use super::Context;

/// Checks the target and ports before connecting and fails at once when no pod is ready; then
/// forwards until Ctrl-C (exit 0), or exit 1 when no ready pod returns within `--reconnect-timeout`.
pub async fn run(ctx: &Context, args: PortForwardArgs) -> Result<()> {
    let ports = WorkloadPorts::parse(&args.target, &args.ports)?;
    let cluster = ctx.cluster().await?;
    forward_workload(&ctx.out, cluster, ports, args.namespace.clone(), &args.address, args.reconnect_timeout)
        .await
}
