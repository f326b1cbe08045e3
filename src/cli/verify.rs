use clap::{Args, Subcommand, ValueEnum};

use super::support::parse_namespaced;
use crate::model::osm::keys::DEFAULT_MESH_NAME;

/// `osm verify`: the Go CLI's step-by-step verifications.
#[derive(Debug, Subcommand)]
pub enum VerifyCommand {
    /// Verify that a pod can reach another pod (or an external host) through the mesh
    #[command(after_help = "Examples:\n  \
        osm verify connectivity --from-pod curl/curl-7bb5845476-5b7wr \\\n    \
        --to-pod httpbin/httpbin-69dc7d545c-hbc6d --to-service httpbin\n  \
        osm verify connectivity --from-pod curl/curl-7bb5845476-zwxbt --to-ext-port 443 \\\n    \
        --to-ext-host httpbin.org --app-protocol https\n\n\
        Exit codes: 0 every step passed, 1 a step failed or could not be carried out.")]
    Connectivity(ConnectivityArgs),
    /// Verify the health of the OSM control plane: pods ready and their health endpoints answering
    #[command(
        after_help = "Examples:\n  osm verify control-plane-health\n  osm verify control-plane-health --osm-namespace kube-system"
    )]
    ControlPlaneHealth(ControlPlaneArgs),
    /// Verify that an ingress Service can reach a pod through an IngressBackend
    #[command(after_help = "Examples:\n  \
        osm verify ingress --from-service ingress-nginx/ingress-nginx-controller --to-pod httpbin/httpbin-7c6464475-456pn \
        --to-service httpbin --ingress-backend httpbin --to-port 14001")]
    Ingress(IngressArgs),
}

/// How verifications print: the Go CLI's nested lines, or JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("destination").required(true).args(["to_pod", "to_ext_port"])))]
pub struct ConnectivityArgs {
    /// The client pod, as NAMESPACE/NAME
    #[arg(long, value_name = "NS/POD", value_parser = parse_namespaced)]
    pub from_pod: (String, String),
    /// The destination pod, as NAMESPACE/NAME (needs --to-service)
    #[arg(long, value_name = "NS/POD", value_parser = parse_namespaced, requires = "to_service", conflicts_with = "to_ext_port")]
    pub to_pod: Option<(String, String)>,
    /// The destination Service, in the destination pod's namespace
    #[arg(long, value_name = "NAME")]
    pub to_service: Option<String>,
    /// Application protocol
    #[arg(long, default_value = "http", value_name = "PROTOCOL")]
    pub app_protocol: String,
    /// External port (egress)
    #[arg(long, value_name = "PORT")]
    pub to_ext_port: Option<u16>,
    /// External host name (egress)
    #[arg(long, value_name = "HOST", requires = "to_ext_port")]
    pub to_ext_host: Option<String>,
    /// Mesh name
    #[arg(long, default_value = DEFAULT_MESH_NAME, value_name = "NAME")]
    pub mesh_name: String,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = VerifyFormat::Table)]
    pub output: VerifyFormat,
}

#[derive(Debug, Clone, Args)]
pub struct ControlPlaneArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = VerifyFormat::Table)]
    pub output: VerifyFormat,
}

#[derive(Debug, Clone, Args)]
pub struct IngressArgs {
    /// The ingress Service, as NAMESPACE/NAME
    #[arg(long, value_name = "NS/NAME", value_parser = parse_namespaced)]
    pub from_service: (String, String),
    /// The destination pod, as NAMESPACE/NAME
    #[arg(long, value_name = "NS/POD", value_parser = parse_namespaced)]
    pub to_pod: (String, String),
    /// The destination Service, in the destination pod's namespace
    #[arg(long, value_name = "NAME")]
    pub to_service: String,
    /// The IngressBackend, in the destination pod's namespace
    #[arg(long, value_name = "NAME")]
    pub ingress_backend: String,
    /// The port the destination pod listens on
    #[arg(long, value_name = "PORT")]
    pub to_port: u16,
    /// Application protocol
    #[arg(long, default_value = "http", value_name = "PROTOCOL")]
    pub app_protocol: String,
    /// Mesh name
    #[arg(long, default_value = DEFAULT_MESH_NAME, value_name = "NAME")]
    pub mesh_name: String,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = VerifyFormat::Table)]
    pub output: VerifyFormat,
}
