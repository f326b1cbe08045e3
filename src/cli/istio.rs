//! `osm istio ...`: Istio's own lifecycle, with istioctl 1.30.3's flags.

use std::time::Duration;

use clap::{Args, Subcommand};

use super::parse_duration;

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
    #[command(
        long_about = "Add Istio's sidecar to the workloads of a manifest, as istioctl kube-inject \
        does: Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, \
        ReplicationControllers and Lists of them get the sidecar the injection templates describe; \
        other kinds are copied through unchanged. The templates, values and mesh config come from \
        --injectConfigFile, --valuesFile and --meshConfigFile, or else from the revision's \
        istio-sidecar-injector and istio ConfigMaps. With ENABLE_NATIVE_SIDECARS=true the proxy \
        becomes a native sidecar (an init container that keeps running); the pod annotation \
        sidecar.istio.io/nativeSidecar overrides it.",
        args_override_self = true
    )]
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
pub struct ManifestGenerateArgs {
    #[command(flatten)]
    pub render: RenderArgs,
}

/// What selects the rendering, as istioctl's flags name it (those of `manifest generate`).
#[derive(Debug, Clone, Default, Args)]
pub struct RenderArgs {
    /// Set a value of the IstioOperator (repeatable, later wins), e.g. profile=demo or
    /// components.egressGateways[0].enabled=false (a dot inside a key is written \.)
    #[arg(short = 's', long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// IstioOperator files to merge in order, before the --set values (repeatable or
    /// comma-separated; - reads stdin)
    #[arg(short = 'f', long = "filename", value_name = "FILE", value_delimiter = ',')]
    pub filename: Vec<String>,
    /// The control plane revision (default: none, the default revision)
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,
    /// Go on even if the IstioOperator does not validate
    #[arg(long)]
    pub force: bool,
    /// A directory with Istio's charts/ and profiles/ to use instead of the built-in 1.30.3 ones
    #[arg(short = 'd', long = "manifests", value_name = "DIR")]
    pub manifests: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  osm istio install --set profile=demo -y\n  \
                        osm istio install -f my-operator.yaml --readiness-timeout 10m -y\n  \
                        osm istio install --set profile=demo --dry-run")]
pub struct InstallArgs {
    #[command(flatten)]
    pub render: RenderArgs,

    /// Install without asking for confirmation
    #[arg(short = 'y', long = "skip-confirmation")]
    pub skip_confirmation: bool,

    /// Print what the install would write, and write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// How long each component's Deployments get to become ready
    #[arg(long, default_value = "300s", value_parser = parse_duration, value_name = "DURATION")]
    pub readiness_timeout: Duration,
}

#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  osm istio uninstall --revision default -y\n  \
                        osm istio uninstall -f my-operator.yaml -y\n  osm istio uninstall --purge -y")]
pub struct UninstallArgs {
    /// Remove the control plane of this revision (its Istiod, gateways and webhooks; the CRDs stay)
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,

    /// The IstioOperator the control plane was installed with: what carries its name and
    /// namespace is removed (every revision's, unless --revision narrows it, as istioctl does)
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filename: Option<String>,

    /// Set a value of the IstioOperator, as for install (repeatable; revision=R alone selects
    /// nothing narrower, as with istioctl: pass --revision)
    #[arg(short = 's', long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,

    /// A directory with Istio's charts/ and profiles/ to read the profiles from
    #[arg(short = 'd', long = "manifests", value_name = "DIR")]
    pub manifests: Option<std::path::PathBuf>,

    /// Accepted for istioctl's command lines; uninstall validates nothing it could skip
    #[arg(long)]
    pub force: bool,

    /// Remove every Istio object of every revision, CRDs and cluster-wide objects included
    #[arg(long)]
    pub purge: bool,

    /// Uninstall without asking for confirmation
    #[arg(short = 'y', long = "skip-confirmation")]
    pub skip_confirmation: bool,

    /// Print what would be removed, and remove nothing
    #[arg(long)]
    pub dry_run: bool,
}

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
    /// IstioOperator file whose values and meshConfig replace --valuesFile and --meshConfigFile
    /// (merged over its profile, as manifest generate merges it)
    #[arg(long = "operatorFileName", value_name = "FILE")]
    pub operator_file_name: Option<String>,
    /// MutatingWebhookConfiguration name for Istio (istioctl names it only in its messages; osm
    /// reads the injection config from the revision's ConfigMaps, never through the webhook)
    #[arg(long = "webhookConfig", value_name = "NAME", default_value = "istio-sidecar-injector")]
    pub webhook_config: String,
    #[command(flatten)]
    pub xds: XdsArgs,
}

/// istioctl's flags for reaching a running istiod (istioctl/pkg/clioptions/central.go:44-61).
/// kube-inject uses them only when it injects through istiod's webhook, which osm does not do:
/// with --injectConfigFile they have no effect, as in istioctl; without it they are refused.
#[derive(Debug, Clone, Default, Args)]
pub struct XdsArgs {
    /// istiod's address, to inject through a running control plane (refused without --injectConfigFile)
    #[arg(long = "xds-address", value_name = "ADDRESS")]
    pub xds_address: Option<String>,
    /// The istiod pod label to reach it by (refused without --injectConfigFile)
    #[arg(long = "xds-label", value_name = "LABEL")]
    pub xds_label: Option<String>,
    /// The istiod port to reach (refused without --injectConfigFile)
    #[arg(long = "xds-port", value_name = "PORT")]
    pub xds_port: Option<u16>,
    /// Certificates to reach istiod with (refused without --injectConfigFile)
    #[arg(long = "cert-dir", value_name = "DIR")]
    pub cert_dir: Option<String>,
    /// istiod's expected TLS name (refused without --injectConfigFile)
    #[arg(long = "authority", value_name = "NAME")]
    pub authority: Option<String>,
    /// Skip istiod's certificate check (refused without --injectConfigFile)
    #[arg(long = "insecure")]
    pub insecure: bool,
    /// Reach istiod without TLS (refused without --injectConfigFile)
    #[arg(long = "plaintext")]
    pub plaintext: bool,
    /// How long to wait for istiod (refused without --injectConfigFile)
    #[arg(long = "timeout", value_name = "DURATION")]
    pub timeout: Option<String>,
}

impl XdsArgs {
    /// The xds flags given, as written.
    pub fn given(&self) -> Vec<&'static str> {
        let mut given = Vec::new();
        for (set, name) in [
            (self.xds_address.is_some(), "--xds-address"),
            (self.xds_label.is_some(), "--xds-label"),
            (self.xds_port.is_some(), "--xds-port"),
            (self.cert_dir.is_some(), "--cert-dir"),
            (self.authority.is_some(), "--authority"),
            (self.insecure, "--insecure"),
            (self.plaintext, "--plaintext"),
            (self.timeout.is_some(), "--timeout"),
        ] {
            if set {
                given.push(name);
            }
        }
        given
    }
}

#[derive(Debug, Clone, Args)]
pub struct VersionArgs {
    /// Also read the control plane's version from the cluster (--remote=false: osm's Istio only)
    #[arg(long, default_value_t = true, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL", action = clap::ArgAction::Set)]
    pub remote: bool,
}

#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  osm istio verify-install --set profile=demo")]
pub struct VerifyInstallArgs {
    /// The flags the install was made with: the objects of that rendering are checked
    #[command(flatten)]
    pub render: RenderArgs,
}
