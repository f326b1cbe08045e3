use clap::{Args, Subcommand, ValueEnum};

use super::toggles::MeshSelect;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the MeshConfig's settings, or one field by dotted path (e.g. traffic.enableEgress)
    #[command(
        after_help = "Examples:\n  osm mesh config get\n  osm mesh config get traffic.enableEgress\n  \
                            osm mesh config get sidecar.logLevel --mesh-name osm -o json"
    )]
    Get(ConfigGetArgs),
    /// Change fields by dotted path: all assignments apply as one patch, or none does
    #[command(after_help = "Examples:\n  osm mesh config set traffic.enableEgress=true\n  \
                            osm mesh config set sidecar.logLevel=debug traffic.outboundPortExclusionList=[6379,5432]")]
    Set(ConfigSetArgs),
}

/// Formats of `mesh config get`: YAML unless asked otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ConfigFormat {
    #[default]
    Yaml,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ConfigGetArgs {
    /// Dotted field path below spec, e.g. traffic.enablePermissiveTrafficPolicyMode
    pub path: Option<String>,
    #[command(flatten)]
    pub mesh: MeshSelect,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = ConfigFormat::Yaml)]
    pub output: ConfigFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ConfigSetArgs {
    /// PATH=VALUE assignments, e.g. traffic.enableEgress=true
    #[arg(required = true, value_name = "PATH=VALUE")]
    pub assignments: Vec<String>,
    #[command(flatten)]
    pub mesh: MeshSelect,
    /// Print the patch that would be applied and change nothing
    #[arg(long)]
    pub dry_run: bool,
}
