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
pub struct ManifestGenerateArgs {}

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
