use std::time::Duration;

use clap::Args;

use super::parse_duration;

/// `osm port-forward TARGET [LOCAL:]REMOTE...`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    osm port-forward deploy/bookbuyer -n bookbuyer 8080:14001\n  \
    osm port-forward svc/bookstore -n bookstore 8080:80 9090:metrics\n  \
    osm port-forward bookthief -n bookthief :14001      (any free local port)\n\n\
    The tunnel follows the workload: when the pod goes away, osm picks the next ready pod.")]
pub struct PortForwardArgs {
    /// pod/NAME, deploy/NAME (deployment/NAME), svc/NAME (service/NAME), or NAME (a Deployment, else a Pod)
    #[arg(value_name = "TARGET")]
    pub target: String,

    /// Ports to forward: REMOTE (same local port), LOCAL:REMOTE, or :REMOTE (any free local port);
    /// REMOTE may be a port name
    #[arg(value_name = "[LOCAL:]REMOTE", required = true, num_args = 1..)]
    pub ports: Vec<String>,

    /// Namespace of the target (default: the kubeconfig context's namespace)
    #[arg(short, long, value_name = "NS")]
    pub namespace: Option<String>,

    /// Local address to listen on (loopback unless you say otherwise)
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub address: String,

    /// How long to wait for a new ready pod when the forwarded pod goes away before giving up (exit 1)
    #[arg(long, default_value = "60s", value_parser = parse_duration, value_name = "DURATION")]
    pub reconnect_timeout: Duration,
}
