use std::time::Duration;

use clap::{Args, ValueEnum};

use super::parse_duration;

/// The mesh add-ons that have a web UI.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Addon {
    #[default]
    Grafana,
    Prometheus,
    Jaeger,
}

/// `osm dashboard [grafana|prometheus|jaeger]`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  osm dashboard\n  osm dashboard prometheus --no-browser\n  \
                        osm dashboard jaeger --local-port 16687 --mesh-name osm\n  \
                        osm dashboard grafana --address 0.0.0.0 --open-browser=false")]
pub struct DashboardArgs {
    /// Which UI to open
    #[arg(value_enum, default_value_t = Addon::Grafana)]
    pub addon: Addon,

    /// Local port (default: the add-on's port, e.g. 3000 for Grafana; a free one if that is busy)
    #[arg(short = 'p', long, value_name = "PORT")]
    pub local_port: Option<u16>,

    /// Port of the add-on's Service (default: 3000 Grafana, 7070 Prometheus, 16686 Jaeger)
    #[arg(short = 'r', long, value_name = "PORT")]
    pub remote_port: Option<u16>,

    /// Open the UI in a browser (`--open-browser=false` to only print the URL)
    #[arg(
        short = 'b',
        long,
        default_value_t = true,
        action = clap::ArgAction::Set,
        num_args = 0..=1,
        default_missing_value = "true",
        value_name = "BOOL"
    )]
    pub open_browser: bool,

    /// Only print the URL (same as --open-browser=false)
    #[arg(long)]
    pub no_browser: bool,

    /// Local address to listen on
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub address: String,

    /// Name of the mesh whose add-on to open
    #[arg(long, default_value = "osm", value_name = "NAME")]
    pub mesh_name: String,

    /// How long to wait for the add-on's pod to be ready and its UI to answer
    #[arg(long, default_value = "2m", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,
}
