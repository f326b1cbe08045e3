use clap::{Args, Subcommand};

/// `osm uninstall mesh`, and the older `osm uninstall --mesh-name=NAME`.
#[derive(Debug, Clone, Args)]
#[command(args_conflicts_with_subcommands = false, subcommand_negates_reqs = true)]
pub struct UninstallArgs {
    #[command(subcommand)]
    pub what: Option<UninstallCommand>,

    #[command(flatten)]
    pub mesh: UninstallMeshArgs,
}

#[derive(Debug, Clone, Subcommand)]
pub enum UninstallCommand {
    /// Remove a mesh's control plane (and, with -a, OSM's CRDs)
    #[command(
        after_help = "Examples:\n  osm uninstall mesh\n  osm uninstall mesh --mesh-name osm --dry-run\n  \
                            osm uninstall mesh --mesh-name osm --delete-namespace -y\n  \
                            osm uninstall mesh -a -y"
    )]
    Mesh,
}

#[derive(Debug, Clone, Args)]
pub struct UninstallMeshArgs {
    /// Name of the mesh to remove
    #[arg(long, global = true, default_value = "osm", value_name = "NAME")]
    pub mesh_name: String,

    /// Do not ask for confirmation (also allows -a while other meshes exist)
    #[arg(short, long, global = true)]
    pub force: bool,

    /// Do not ask for confirmation
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Also delete the control-plane namespace
    #[arg(long, global = true)]
    pub delete_namespace: bool,

    /// Also delete OSM's CRDs, with every custom resource of those kinds
    #[arg(short = 'a', long, global = true)]
    pub delete_cluster_wide_resources: bool,

    /// Show what would be removed, and remove nothing
    #[arg(long, global = true)]
    pub dry_run: bool,

    /// Name of the secret holding the mesh's root CA bundle
    #[arg(long, global = true, default_value = "osm-ca-bundle", value_name = "NAME")]
    pub ca_bundle_secret_name: String,

    /// Accepted for compatibility with the Go CLI; osm needs no port-forward to uninstall
    #[arg(short = 'p', long, global = true, value_name = "PORT")]
    pub local_port: Option<u16>,
}
