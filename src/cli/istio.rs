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
    #[command(long_about = "Add Istio's sidecar to the workloads of a manifest, as istioctl kube-inject \
        does: Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, \
        ReplicationControllers and Lists of them get the sidecar the injection templates describe; \
        other kinds are copied through unchanged. The templates, values and mesh config come from \
        --injectConfigFile, --valuesFile and --meshConfigFile, or else from the revision's \
        istio-sidecar-injector and istio ConfigMaps. With ENABLE_NATIVE_SIDECARS=true the proxy \
        becomes a native sidecar (an init container that keeps running); the pod annotation \
        sidecar.istio.io/nativeSidecar overrides it.")]
    KubeInject(Box<KubeInjectArgs>),
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

/// istioctl 1.30.3's kube-inject flags (istioctl/pkg/kubeinject/kubeinject.go:618-641).
#[derive(Debug, Clone, Args)]
pub struct KubeInjectArgs {
    /// Input Kubernetes resource filename (`-` reads standard input)
    #[arg(short = 'f', long, value_name = "FILE")]
    pub filename: Option<String>,
    /// Modified output Kubernetes resource filename (default: standard output)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<String>,
    /// Injection configuration filename (the `config` key of the istio-sidecar-injector ConfigMap)
    #[arg(long = "injectConfigFile", value_name = "FILE")]
    pub inject_config_file: Option<String>,
    /// Mesh configuration filename (the `mesh` key of the istio ConfigMap)
    #[arg(long = "meshConfigFile", value_name = "FILE")]
    pub mesh_config_file: Option<String>,
    /// Injection values configuration filename (the `values` key of the istio-sidecar-injector ConfigMap)
    #[arg(long = "valuesFile", value_name = "FILE")]
    pub values_file: Option<String>,
    /// Control plane revision whose ConfigMaps are read; `default` renders as the default revision
    #[arg(short = 'r', long, value_name = "REVISION", default_value = "default")]
    pub revision: String,
    /// ConfigMap name for Istio sidecar injection, key should be "config"
    #[arg(long = "injectConfigMapName", value_name = "NAME", default_value = "istio-sidecar-injector")]
    pub inject_config_map_name: String,
    /// ConfigMap name for Istio mesh configuration, key should be "mesh"
    #[arg(long = "meshConfigMapName", value_name = "NAME", default_value = "istio")]
    pub mesh_config_map_name: String,
    /// Namespace of the Istio control plane, where the ConfigMaps live
    #[arg(short = 'i', long = "istioNamespace", value_name = "NAMESPACE", default_value = "istio-system")]
    pub istio_namespace: String,
}

#[derive(Debug, Clone, Args)]
pub struct VersionArgs {}

#[derive(Debug, Clone, Args)]
pub struct VerifyInstallArgs {}
