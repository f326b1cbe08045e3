//! clap definitions only: one file per command group, plain argument structs, no cluster calls.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

// The format is output's value type; clap parses into it directly (ALLOWED in tests/it/layers.rs).
use crate::output::OutputFormat;

pub mod check;
pub mod completion;
pub mod dashboard;
pub mod env;
pub mod install;
pub mod istio;
pub mod istioctl;
pub mod mesh;
pub mod mesh_config;
pub mod metrics;
pub mod namespace;
pub mod policy;
pub mod port_forward;
pub mod proxy;
mod spelling;
pub mod support;
pub mod toggles;
pub mod traffic;
pub mod uninstall;
pub mod verify;
pub mod version;

/// The default namespace of the OSM control plane.
pub const DEFAULT_OSM_NAMESPACE: &str = "osm-system";

#[derive(Debug, Parser)]
#[command(
    name = "osm",
    version = crate::cli::version::CLIENT_VERSION,
    about = "Install and drive Open Service Mesh on Kubernetes",
    long_about = "osm installs Open Service Mesh, enrols namespaces, changes mesh settings, shifts \
                  traffic between service versions and opens the mesh's dashboards.\n\n\
                  Cluster access works as in kubectl: --kubeconfig, then KUBECONFIG, then \
                  ~/.kube/config, then the in-cluster service account.",
    after_help = "Examples:\n  \
                  osm install --set=osm.deployGrafana=true\n  \
                  osm namespace add bookstore bookbuyer bookthief bookwarehouse\n  \
                  osm permissive disable\n  \
                  osm traffic split set bookstore-split -n bookstore bookstore-v2=100\n  \
                  osm dashboard\n\n\
                  Exit codes: 0 success, 1 the operation failed, 2 usage error, 3 cannot reach or \
                  authenticate to the cluster, 4 invalid input or unmet precondition, 5 timed out, \
                  6 a canary analysis failed and the traffic went back to the stable backend.",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)
    #[arg(long, global = true, value_name = "PATH")]
    pub kubeconfig: Option<PathBuf>,

    /// The kubeconfig context to use
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,

    /// Namespace of the OSM control plane
    #[arg(
        long,
        global = true,
        env = "OSM_NAMESPACE",
        default_value = DEFAULT_OSM_NAMESPACE,
        value_name = "NS"
    )]
    pub osm_namespace: String,

    /// Print debug lines on stderr (-vv also shows every API request)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Disable colored output (the NO_COLOR environment variable does the same)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub request_timeout: Option<Duration>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Install the OSM control plane
    Install(install::InstallArgs),
    /// Remove a mesh (`osm uninstall mesh`)
    #[command(after_help = "Examples:\n  osm uninstall mesh\n  osm uninstall mesh --mesh-name osm -y\n  \
                            osm uninstall --mesh-name=osm --delete-namespace -y")]
    Uninstall(uninstall::UninstallArgs),
    /// Manage meshes: list, upgrade, read and change their settings
    #[command(after_help = "Examples:\n  osm mesh list\n  osm mesh upgrade --set=osm.deployJaeger=true\n  \
                            osm mesh config get traffic.enableEgress")]
    Mesh(mesh::MeshArgs),
    /// Enrol namespaces in a mesh, take them out, list them
    #[command(
        visible_alias = "ns",
        after_help = "Examples:\n  osm namespace add bookstore bookbuyer bookthief bookwarehouse\n  \
                      osm namespace list\n  osm namespace remove bookthief"
    )]
    Namespace(namespace::NamespaceArgs),
    /// Enable or disable Prometheus metrics for meshed namespaces
    #[command(after_help = "Examples:\n  osm metrics enable --namespace bookstore,bookbuyer\n  \
                            osm metrics disable --namespace bookthief")]
    Metrics(metrics::MetricsArgs),
    /// Turn permissive traffic policy mode (no SMI policy needed) on or off
    #[command(
        subcommand,
        mut_subcommands(toggles::permissive_docs),
        after_help = "Examples:\n  osm permissive status\n  osm permissive disable\n  osm permissive enable"
    )]
    Permissive(toggles::ToggleCommand),
    /// Let meshed pods reach destinations outside the mesh, or stop them
    #[command(
        subcommand,
        mut_subcommands(toggles::egress_docs),
        after_help = "Examples:\n  osm egress status\n  osm egress enable\n  osm egress disable"
    )]
    Egress(toggles::ToggleCommand),
    /// Send the sidecars' trace spans to a collector, or stop
    #[command(
        subcommand,
        after_help = "Examples:\n  osm tracing enable\n  osm tracing status\n  osm tracing disable"
    )]
    Tracing(toggles::TracingCommand),
    /// Route traffic between service versions: splits, shifts, header matches, mirrors (SMI, Istio, Gateway API)
    #[command(
        subcommand,
        after_help = "Examples:\n  osm traffic split list -n bookstore\n  \
                      osm traffic split set bookstore-split -n bookstore bookstore-v2=100\n  \
                      osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --step 20 --interval 1m\n  \
                      osm traffic match add reviews -n bookinfo --header end-user=jason --to v2\n  \
                      osm traffic get reviews -n bookinfo"
    )]
    Traffic(traffic::TrafficCommand),
    /// Install Istio, inject its sidecars, remove it: istioctl's lifecycle commands
    #[command(
        subcommand,
        after_help = "Examples:\n  osm istio install --set profile=demo -y\n  \
                      osm istio manifest generate --set profile=minimal\n  \
                      kubectl get deploy reviews-v1 -o yaml | osm istio kube-inject -f - | kubectl apply -f -\n  \
                      osm istio uninstall --purge -y"
    )]
    Istio(istio::IstioCommand),
    /// Forward local ports to a pod, deployment or service; follows the workload across restarts
    PortForward(port_forward::PortForwardArgs),
    /// Open a mesh add-on's UI (Grafana, Prometheus, Jaeger) through a port-forward
    Dashboard(dashboard::DashboardArgs),
    /// Read or change a sidecar's Envoy admin interface
    Proxy(proxy::ProxyArgs),
    /// Check a cluster before installing (--pre) or the health of an installed mesh
    Check(check::CheckArgs),
    /// Verify mesh configuration step by step: connectivity, control-plane health, ingress
    #[command(
        subcommand,
        after_help = "Examples:\n  osm verify control-plane-health\n  \
                            osm verify connectivity --from-pod curl/curl-7bb5 --to-pod httpbin/httpbin-69dc \\\n    \
                            --to-service httpbin"
    )]
    Verify(verify::VerifyCommand),
    /// Check traffic policies: may one pod reach another, do policies conflict
    #[command(
        subcommand,
        after_help = "Examples:\n  osm policy check-pods bookbuyer/bookbuyer-5d8f bookstore/bookstore-v1-7c9c\n  \
                            osm policy check-conflicts IngressBackend -n bookstore"
    )]
    Policy(policy::PolicyCommand),
    /// Supportability tools: a bug-report archive, OSM's error codes
    #[command(
        subcommand,
        after_help = "Examples:\n  osm support bug-report -o report.zip\n  osm support error-info E1000"
    )]
    Support(support::SupportCommand),
    /// Print osm's settings (namespace, kubeconfig, context, ...) and where each came from
    Env(env::EnvArgs),
    /// Print the version of osm and of the cluster it talks to
    Version(version::VersionArgs),
    /// Print a shell completion script
    Completion(completion::CompletionArgs),
}

/// `-o/--output` for read commands.
#[derive(Debug, Clone, Default, Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

/// The longest duration any flag takes: a deadline this far away is still representable, so
/// that no later `Instant + duration` can overflow.
const MAX_DURATION: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// Parses durations the way kubectl and Go do: `300ms`, `30s`, `5m`, `1h30m`; a bare number is
/// seconds. Anything beyond ten years is refused here rather than overflowing later.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let parsed = parse_duration_unbounded(text)?;
    if parsed > MAX_DURATION {
        return Err(format!("duration {:?} is too long: at most 87600h (ten years)", text.trim()));
    }
    Ok(parsed)
}

fn parse_duration_unbounded(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty duration: use a number with a unit, e.g. 30s or 5m".into());
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        if digits == 0 {
            return Err(format!("invalid duration {text:?}: expected a number before {rest:?}"));
        }
        let value: f64 = rest[..digits]
            .parse()
            .map_err(|_| format!("invalid duration {text:?}: {:?} is not a number", &rest[..digits]))?;
        rest = &rest[digits..];
        let unit_len = rest.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let secs = match unit {
            "ms" => value / 1000.0,
            "s" => value,
            "m" => value * 60.0,
            "h" => value * 3600.0,
            "" => return Err(format!("invalid duration {text:?}: missing unit (ms, s, m or h)")),
            other => {
                return Err(format!("invalid duration {text:?}: unknown unit {other:?} (use ms, s, m or h)"));
            }
        };
        let part = Duration::try_from_secs_f64(secs)
            .map_err(|_| format!("duration {text:?} is too long: at most 87600h (ten years)"))?;
        total = total
            .checked_add(part)
            .ok_or_else(|| format!("duration {text:?} is too long: at most 87600h (ten years)"))?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s").unwrap(), Duration::from_secs(30));
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_duration("1h30m").unwrap(), Duration::from_secs(5400));
        assert!(parse_duration("1e300h").is_err());
        for huge in ["18446744073709551615", "87601h", "999999999999999999999h", "1500000000.5h"] {
            assert!(parse_duration(huge).unwrap_err().contains("too long"), "{huge}");
        }
        assert_eq!(parse_duration("87600h").unwrap(), MAX_DURATION);
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("7").unwrap(), Duration::from_secs(7));
        assert!(parse_duration("5x").unwrap_err().contains("unknown unit"));
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("5").is_ok());
        assert!(parse_duration("1.5").unwrap_err().contains("missing unit"));
    }
}
