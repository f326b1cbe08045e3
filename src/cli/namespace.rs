use clap::{Args, Subcommand, ValueEnum};

use super::OutputArgs;
use crate::model::osm::keys::DEFAULT_MESH_NAME;
use crate::output::OutputFormat;

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
                            osm namespace add bookwarehouse --disable-sidecar-injection\n  \
                            osm namespace add bookinfo --mesh istio\n  \
                            osm namespace add bookinfo --mesh istio --revision 1-24"
    )]
    Add(AddArgs),
    /// Take namespaces out of their mesh
    #[command(
        visible_alias = "rm",
        after_help = "Examples:\n  osm namespace remove bookthief\n  \
                      osm namespace remove bookstore bookbuyer --mesh-name osm --restart\n  \
                      osm namespace remove bookinfo --mesh istio"
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

/// Which mesh's namespace labels `namespace add` and `remove` write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum MeshKind {
    /// Open Service Mesh: openservicemesh.io/monitored-by and the sidecar-injection annotation
    #[default]
    Osm,
    /// Istio: istio-injection=enabled, or istio.io/rev=REV with --revision
    Istio,
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

    /// Which mesh's injection labels to set
    #[arg(long, value_enum, default_value_t = MeshKind::Osm, value_name = "MESH")]
    pub mesh: MeshKind,

    /// The istiod revision that injects (istio.io/rev=REV instead of istio-injection=enabled)
    #[arg(long, value_name = "REV", value_parser = parse_revision)]
    pub revision: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// An Istio revision is a label value: up to 63 characters, alphanumerics, '-', '_' and '.'.
fn parse_revision(text: &str) -> Result<String, String> {
    let valid = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
    let ends = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if text.len() > 63 || !text.chars().all(valid) || !ends(text.chars().next()) || !ends(text.chars().last())
    {
        return Err(format!("{text:?} is not a revision name (a label value, e.g. 1-24 or canary)"));
    }
    Ok(text.to_string())
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

    /// Which mesh's injection labels to remove
    #[arg(long, value_enum, default_value_t = MeshKind::Osm, value_name = "MESH")]
    pub mesh: MeshKind,

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
