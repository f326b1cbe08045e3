use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `osm proxy get|set`: the Envoy admin interface of a meshed pod.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    osm proxy get config_dump bookbuyer-85b76d4b84-hpd88 -n bookbuyer\n  \
    osm proxy set reset_counters bookbuyer-85b76d4b84-hpd88 -n bookbuyer")]
pub struct ProxyArgs {
    #[command(subcommand)]
    pub command: ProxyCommand,
}

#[derive(Debug, Subcommand)]
pub enum ProxyCommand {
    /// GET from the sidecar's admin interface (e.g. config_dump, stats, clusters, "stats?format=json")
    #[command(after_help = "Examples:\n  \
        osm proxy get config_dump bookbuyer-85b76d4b84-hpd88 -n bookbuyer\n  \
        osm proxy get stats bookstore-v1-7c9c5d8b7-2x6kq -n bookstore -f stats.txt\n  \
        osm proxy get \"stats?filter=upstream_rq\" bookthief-6b8c9f7d4-q2w8e -n bookthief")]
    Get(ProxyRequestArgs),
    /// POST to the sidecar's admin interface (e.g. reset_counters, "logging?level=debug")
    #[command(after_help = "Examples:\n  \
        osm proxy set reset_counters bookbuyer-85b76d4b84-hpd88 -n bookbuyer\n  \
        osm proxy set \"logging?level=debug\" bookstore-v1-7c9c5d8b7-2x6kq -n bookstore")]
    Set(ProxyRequestArgs),
}

/// What `get` and `set` both take: one admin request to one pod's sidecar.
#[derive(Debug, Args)]
pub struct ProxyRequestArgs {
    /// Admin path and query, e.g. config_dump, reset_counters or "stats?filter=upstream_rq"
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
    /// Local port of the forward to the admin interface (default: any free port)
    #[arg(short = 'p', long, value_name = "PORT")]
    pub local_port: Option<u16>,
}
