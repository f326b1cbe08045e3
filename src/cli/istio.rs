//! `osm istio ...`: Istio's own lifecycle, with istioctl 1.30.3's flags.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum IstioCommand {
    /// Print the manifests an Istio install applies (istioctl manifest generate)
    #[command(subcommand)]
    Manifest(ManifestCommand),
    /// Install Istio's control plane (istioctl install)
    Install(InstallArgs),
    /// Remove Istio's control plane (istioctl uninstall)
    Uninstall(UninstallArgs),
    /// Add Istio's sidecar to the workloads of a manifest (istioctl kube-inject)
    KubeInject(KubeInjectArgs),
    /// Print the versions of osm's Istio and of the installed control plane (istioctl version)
    Version(VersionArgs),
    /// Check that what an Istio install wrote is present and ready (istioctl verify-install)
    VerifyInstall(VerifyInstallArgs),
}

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Print the objects of an Istio install, as istioctl manifest generate does
    Generate(ManifestGenerateArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ManifestGenerateArgs {
    /// Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo,
    /// values.global.proxy.privileged=true or components.ingressGateways[0].k8s.replicaCount=2
    /// (a dot inside a key is written \.)
    #[arg(short = 's', long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// IstioOperator files to merge in order, before the --set values (repeatable or
    /// comma-separated; - reads stdin)
    #[arg(short = 'f', long = "filename", value_name = "FILE", value_delimiter = ',')]
    pub filename: Vec<String>,
    /// The control plane revision to generate for (default: none)
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,
    /// Generate even if the IstioOperator does not validate
    #[arg(long)]
    pub force: bool,
    /// A directory with Istio's charts/ and profiles/ to use instead of the built-in 1.30.3 ones
    #[arg(short = 'd', long = "manifests", value_name = "DIR")]
    pub manifests: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct InstallArgs {}

#[derive(Debug, Clone, Args)]
pub struct UninstallArgs {}

#[derive(Debug, Clone, Args)]
pub struct KubeInjectArgs {}

#[derive(Debug, Clone, Args)]
pub struct VersionArgs {}

#[derive(Debug, Clone, Args)]
pub struct VerifyInstallArgs {}
