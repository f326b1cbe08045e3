use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `osm proxy get|set`: the Envoy admin interface of a meshed pod.
#[derive(Debug, Args)]
pub struct ProxyArgs {
    #[command(subcommand)]
    pub command: ProxyCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProxyCommand {
    /// GET from the sidecar's admin interface (e.g. config_dump, stats, clusters, "stats?format=json")
    Get(ProxyGetArgs),
    /// POST to the sidecar's admin interface (e.g. reset_counters, "logging?level=debug")
    Set(ProxySetArgs),
}

#[derive(Debug, Args)]
pub struct ProxyGetArgs {
    /// Admin path and query, e.g. config_dump or "stats?filter=upstream_rq"
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// The meshed pod
    #[arg(value_name = "POD")]
    pub pod: String,
    /// Namespace of the pod (default: the kubeconfig context's namespace)
    #[arg(short, long, value_name = "NS")]
    pub namespace: Option<String>,
    /// Write the answer to this file instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ProxySetArgs {
    /// Admin path and query, e.g. reset_counters or "logging?level=debug"
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// The meshed pod
    #[arg(value_name = "POD")]
    pub pod: String,
    /// Namespace of the pod (default: the kubeconfig context's namespace)
    #[arg(short, long, value_name = "NS")]
    pub namespace: Option<String>,
}
