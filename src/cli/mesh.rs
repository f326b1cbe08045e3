use std::time::Duration;

use clap::{Args, Subcommand};

use super::install::ValuesArgs;
use super::mesh_config::ConfigCommand;
use super::{OutputArgs, parse_duration};

#[derive(Debug, Args)]
pub struct MeshArgs {
    #[command(subcommand)]
    pub command: MeshCommand,
}

#[derive(Debug, Subcommand)]
pub enum MeshCommand {
    /// List the meshes in the cluster, with their readiness and monitored namespaces
    #[command(after_help = "Examples:\n  osm mesh list\n  osm mesh list -o yaml")]
    List(OutputArgs),
    /// Upgrade a mesh's control plane, keeping its values unless --reset-values
    #[command(
        after_help = "Examples:\n  osm mesh upgrade\n  osm mesh upgrade --mesh-name osm --set=osm.deployGrafana=true\n  \
                            osm mesh upgrade -f values.yaml --dry-run\n  \
                            osm mesh upgrade --reset-values --timeout 10m"
    )]
    Upgrade(UpgradeArgs),
    /// Read or change the mesh's settings (its MeshConfig) by field path
    #[command(
        subcommand,
        after_help = "Examples:\n  osm mesh config get\n  osm mesh config get traffic.enablePermissiveTrafficPolicyMode\n  \
                      osm mesh config set traffic.enableEgress=true"
    )]
    Config(ConfigCommand),
}

#[derive(Debug, Clone, Args)]
pub struct UpgradeArgs {
    /// Name of the mesh to upgrade
    #[arg(long, default_value = "osm", value_name = "NAME")]
    pub mesh_name: String,

    #[command(flatten)]
    pub values: ValuesArgs,

    /// Start from the defaults instead of the values the mesh was installed with
    #[arg(long)]
    pub reset_values: bool,

    /// How long to wait for the control plane to become ready
    #[arg(long, default_value = "5m", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,

    /// Show what would change, and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Return once everything is applied, without waiting for the pods
    #[arg(long)]
    pub no_wait: bool,

    /// The Go CLI's chart override: refused where parsed, with what to use instead
    #[arg(long, hide = true, value_name = "PATH", value_parser = refuse_chart_path)]
    pub osm_chart_path: Option<std::path::PathBuf>,
}

/// `osm mesh upgrade --osm-chart-path`: osm renders the control plane itself.
fn refuse_chart_path(_: &str) -> Result<std::path::PathBuf, String> {
    Err("not supported: osm renders the OSM control plane itself instead of a Helm chart; change \
         what is upgraded with --set key=value or -f values.yaml, and see it with --dry-run"
        .into())
}
