use clap::{Args, Command, Subcommand};

use super::OutputArgs;
use crate::model::osm::keys::DEFAULT_MESH_NAME;

/// Which mesh's settings to use: its MeshConfig lives in the mesh's control-plane namespace.
#[derive(Debug, Clone, Args)]
pub struct MeshSelect {
    /// Name of the mesh (its control-plane namespace is found through it)
    #[arg(long, default_value = DEFAULT_MESH_NAME, value_name = "NAME")]
    pub mesh_name: String,
}

/// `osm permissive` and `osm egress`. The enum is shared, so its doc text stays generic; each
/// group gives its subcommands their own help and examples with
/// `#[command(mut_subcommands(toggles::permissive_docs))]` (or `egress_docs`).
#[derive(Debug, Subcommand)]
pub enum ToggleCommand {
    /// Turn the setting on
    Enable(ToggleWriteArgs),
    /// Turn the setting off
    Disable(ToggleWriteArgs),
    /// Show whether the setting is on
    Status(ToggleStatusArgs),
}

/// One toggle group's text for `enable`, `disable` and `status`: (about, after_help) each.
struct ToggleDocs {
    enable: (&'static str, &'static str),
    disable: (&'static str, &'static str),
    status: (&'static str, &'static str),
}

const PERMISSIVE: ToggleDocs = ToggleDocs {
    enable: (
        "Turn permissive traffic policy mode on: meshed services reach each other without SMI policies",
        "Examples:\n  osm permissive enable\n  osm permissive enable --mesh-name osm --dry-run",
    ),
    disable: (
        "Turn permissive traffic policy mode off: only traffic allowed by SMI TrafficTargets flows",
        "Examples:\n  osm permissive disable\n  osm permissive disable --mesh-name osm --dry-run",
    ),
    status: (
        "Show whether permissive traffic policy mode is on",
        "Examples:\n  osm permissive status\n  osm permissive status --mesh-name osm -o json",
    ),
};

const EGRESS: ToggleDocs = ToggleDocs {
    enable: (
        "Let meshed pods reach destinations outside the mesh",
        "Examples:\n  osm egress enable\n  osm egress enable --mesh-name osm --dry-run",
    ),
    disable: (
        "Stop meshed pods reaching destinations outside the mesh",
        "Examples:\n  osm egress disable\n  osm egress disable --mesh-name osm --dry-run",
    ),
    status: (
        "Show whether meshed pods may reach destinations outside the mesh",
        "Examples:\n  osm egress status\n  osm egress status --mesh-name osm -o yaml",
    ),
};

/// Gives `osm permissive`'s subcommands their help text and examples.
pub fn permissive_docs(cmd: Command) -> Command {
    describe(cmd, &PERMISSIVE)
}

/// Gives `osm egress`'s subcommands their help text and examples.
pub fn egress_docs(cmd: Command) -> Command {
    describe(cmd, &EGRESS)
}

fn describe(cmd: Command, docs: &ToggleDocs) -> Command {
    let (about, after_help) = match cmd.get_name() {
        "enable" => docs.enable,
        "disable" => docs.disable,
        "status" => docs.status,
        _ => return cmd,
    };
    cmd.about(about).after_help(after_help)
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
    #[command(after_help = "Examples:\n  osm tracing enable\n  \
                            osm tracing enable --address jaeger.osm-system.svc.cluster.local --port 9411 \\\n    \
                            --endpoint /api/v2/spans\n  \
                            osm tracing enable --mesh-name osm --dry-run")]
    Enable(TracingEnableArgs),
    /// Stop sending spans
    #[command(
        after_help = "Examples:\n  osm tracing disable\n  osm tracing disable --mesh-name osm --dry-run"
    )]
    Disable(ToggleWriteArgs),
    /// Show whether tracing is on and where spans go
    #[command(after_help = "Examples:\n  osm tracing status\n  osm tracing status -o json")]
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
