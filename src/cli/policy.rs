use clap::{Args, Subcommand, ValueEnum};

/// `osm policy`: check traffic policies.
#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Check whether a pod may send traffic to another, by an SMI TrafficTarget or permissive mode
    #[command(after_help = "Examples:\n  \
        osm policy check-pods bookbuyer/bookbuyer-client bookstore/bookstore-server\n  \
        osm policy check-pods bookbuyer-client bookstore-server   # both in the context's namespace\n\n\
        Exit codes: 0 allowed, 1 not allowed, 4 a pod is missing or not in a mesh.")]
    CheckPods(CheckPodsArgs),
    /// Check whether resources of one kind conflict with each other in a namespace
    #[command(after_help = "Examples:\n  \
        osm policy check-conflicts IngressBackend -n test\n  \
        osm policy check-conflicts UpstreamTrafficSetting -n bookstore\n\n\
        Exit codes: 0 no conflicts, 1 conflicts found.")]
    CheckConflicts(CheckConflictsArgs),
}

#[derive(Debug, Clone, Args)]
pub struct CheckPodsArgs {
    /// The source pod: NAMESPACE/NAME, or NAME in the context's namespace
    #[arg(value_name = "SOURCE_POD")]
    pub source: String,
    /// The destination pod: NAMESPACE/NAME, or NAME in the context's namespace
    #[arg(value_name = "DESTINATION_POD")]
    pub destination: String,
}

/// The kinds whose conflicts can be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum ConflictKind {
    IngressBackend,
    UpstreamTrafficSetting,
}

#[derive(Debug, Clone, Args)]
pub struct CheckConflictsArgs {
    /// The kind of resource (case does not matter)
    #[arg(value_enum, ignore_case = true, value_name = "RESOURCE_KIND")]
    pub kind: ConflictKind,
    /// The namespace to check (exactly one)
    #[arg(
        short = 'n',
        long = "namespaces",
        visible_alias = "namespace",
        value_name = "NS",
        value_delimiter = ',',
        required = true
    )]
    pub namespaces: Vec<String>,
}
