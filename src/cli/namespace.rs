use clap::{Args, Subcommand};

use super::{OutputArgs, OutputFormat};
use crate::mesh::keys::DEFAULT_MESH_NAME;

#[derive(Debug, Args)]
pub struct NamespaceArgs {
    #[command(subcommand)]
    pub command: NamespaceCommand,
}

#[derive(Debug, Subcommand)]
pub enum NamespaceCommand {
    /// Enrol namespaces in a mesh: their new pods get an Envoy sidecar
    #[command(
        after_help = "Examples:\n  osm namespace add bookstore bookbuyer bookthief bookwarehouse --mesh-name osm\n  \
                            osm namespace add bookstore --restart\n  \
                            osm namespace add bookwarehouse --disable-sidecar-injection"
    )]
    Add(AddArgs),
    /// Take namespaces out of their mesh
    #[command(
        visible_alias = "rm",
        after_help = "Examples:\n  osm namespace remove bookthief\n  \
                      osm namespace remove bookstore bookbuyer --mesh-name osm --restart"
    )]
    Remove(RemoveArgs),
    /// List the namespaces of one mesh or of every mesh
    #[command(
        visible_alias = "ls",
        after_help = "Examples:\n  osm namespace list\n  osm namespace list osm\n  osm namespace list --mesh-name osm -o json"
    )]
    List(ListArgs),
    /// Make the mesh leave namespaces alone (label openservicemesh.io/ignore=true)
    #[command(
        after_help = "Examples:\n  osm namespace ignore bookthief\n  osm namespace ignore bookthief bookwarehouse -o json"
    )]
    Ignore(IgnoreArgs),
    /// Undo `osm namespace ignore`
    #[command(
        after_help = "Examples:\n  osm namespace unignore bookthief\n  osm namespace unignore bookthief bookwarehouse"
    )]
    Unignore(IgnoreArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Namespaces to enrol
    #[arg(required = true, value_name = "NAMESPACE")]
    pub namespaces: Vec<String>,

    /// Name of the mesh to enrol them in
    #[arg(long, default_value = DEFAULT_MESH_NAME, value_name = "NAME")]
    pub mesh_name: String,

    /// Monitor the namespaces without injecting sidecars into their pods
    #[arg(long)]
    pub disable_sidecar_injection: bool,

    /// Restart the namespaces' Deployments, StatefulSets and DaemonSets so running pods get a sidecar
    #[arg(long)]
    pub restart: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Namespaces to take out of the mesh
    #[arg(required = true, value_name = "NAMESPACE")]
    pub namespaces: Vec<String>,

    /// Name of the mesh they belong to
    #[arg(long, default_value = DEFAULT_MESH_NAME, value_name = "NAME")]
    pub mesh_name: String,

    /// Restart the namespaces' Deployments, StatefulSets and DaemonSets so pods lose their sidecar
    #[arg(long)]
    pub restart: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the namespaces of this mesh (the same as --mesh-name)
    #[arg(value_name = "MESH", conflicts_with = "mesh_name")]
    pub mesh: Option<String>,

    /// Only the namespaces of this mesh (default: every mesh)
    #[arg(long, value_name = "NAME")]
    pub mesh_name: Option<String>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct IgnoreArgs {
    /// Namespaces to change
    #[arg(required = true, value_name = "NAMESPACE")]
    pub namespaces: Vec<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}
