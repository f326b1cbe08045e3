use clap::Args;

use crate::output::OutputFormat;

/// The version string of this build (Cargo version plus the commit, set by build.rs).
pub const CLIENT_VERSION: &str = concat!("v", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  osm version\n  osm version --client\n  osm version -o json")]
pub struct VersionArgs {
    /// Print only the client version; do not contact the cluster
    #[arg(long, visible_alias = "client-only")]
    pub client: bool,

    /// Accepted for the Go CLI's scripts: osm prints no upgrade notices to hide
    #[arg(long, hide = true)]
    pub version_only: bool,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}
