use clap::{Args, Subcommand};

use super::OutputArgs;
use crate::mesh::keys::DEFAULT_MESH_NAME;

/// Which mesh's settings to use: its MeshConfig lives in the mesh's control-plane namespace.
#[derive(Debug, Clone, Args)]
pub struct MeshSelect {
    /// Name of the mesh (its control-plane namespace is found through it)
    #[arg(long, default_value = DEFAULT_MESH_NAME, value_name = "NAME")]
    pub mesh_name: String,
}

/// `osm permissive` and `osm egress`.
#[derive(Debug, Subcommand)]
pub enum ToggleCommand {
    /// Turn it on
    Enable(ToggleWriteArgs),
    /// Turn it off
    Disable(ToggleWriteArgs),
    /// Show whether it is on
    Status(ToggleStatusArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ToggleWriteArgs {
    #[command(flatten)]
    pub mesh: MeshSelect,
    /// Print the patch that would be applied and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ToggleStatusArgs {
    #[command(flatten)]
    pub mesh: MeshSelect,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `osm tracing`.
#[derive(Debug, Subcommand)]
pub enum TracingCommand {
    /// Send spans to a collector (Zipkin API, e.g. Jaeger)
    Enable(TracingEnableArgs),
    /// Stop sending spans
    Disable(ToggleWriteArgs),
    /// Show whether tracing is on and where spans go
    Status(ToggleStatusArgs),
}

#[derive(Debug, Clone, Args)]
pub struct TracingEnableArgs {
    #[command(flatten)]
    pub write: ToggleWriteArgs,
    /// Collector host (default: the address already set, else the mesh's jaeger Service)
    #[arg(long, value_name = "HOST")]
    pub address: Option<String>,
    /// Collector port (default: the port already set, else 9411)
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    /// Collector path (default: the endpoint already set, else /api/v2/spans)
    #[arg(long, value_name = "PATH")]
    pub endpoint: Option<String>,
}
