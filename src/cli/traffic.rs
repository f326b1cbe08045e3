use std::time::Duration;

use clap::{Args, Subcommand};

use super::{OutputArgs, parse_duration};

#[derive(Debug, Subcommand)]
pub enum TrafficCommand {
    /// Create, edit, show and delete TrafficSplits
    #[command(
        subcommand,
        after_help = "Examples:\n  osm traffic split list -n bookstore\n  \
                      osm traffic split get bookstore-split -n bookstore\n  \
                      osm traffic split set bookstore-split -n bookstore bookstore=50 bookstore-v2=50"
    )]
    Split(SplitCommand),
    /// Move traffic to one backend step by step (a progressive canary)
    #[command(
        after_help = "Examples:\n  osm traffic shift bookstore-split -n bookstore --to bookstore-v2\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --step 25 --interval 2m\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --until 50 --dry-run"
    )]
    Shift(ShiftArgs),
}

#[derive(Debug, Clone, Args)]
pub struct NamespaceArg {
    /// Namespace of the TrafficSplit (default: the kubeconfig context's namespace)
    #[arg(short, long, value_name = "NS")]
    pub namespace: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SplitCommand {
    /// Create a TrafficSplit of a root Service between backend Services
    #[command(
        after_help = "Examples:\n  osm traffic split create bookstore-split -n bookstore --service bookstore.bookstore \\\n    \
                      --backend bookstore=50 --backend bookstore-v2=50\n  \
                      osm traffic split create bookstore-split -n bookstore --service bookstore \\\n    \
                      --backend bookstore=90 --backend bookstore-v2=10 --dry-run"
    )]
    Create(SplitCreateArgs),
    /// Change backend percentages; backends not named share the remainder by their current weight
    #[command(
        after_help = "Examples:\n  osm traffic split set bookstore-split -n bookstore bookstore-v2=100\n  \
                            osm traffic split set bookstore-split -n bookstore --equal\n  \
                            osm traffic split set bookstore-split -n bookstore bookstore-v3=10 --add"
    )]
    Set(SplitSetArgs),
    /// Show one TrafficSplit with its backends' percentages
    #[command(after_help = "Examples:\n  osm traffic split get bookstore-split -n bookstore\n  \
                            osm traffic split get bookstore-split -n bookstore -o yaml")]
    Get(SplitGetArgs),
    /// List TrafficSplits
    #[command(
        after_help = "Examples:\n  osm traffic split list -n bookstore\n  osm traffic split list -A -o json"
    )]
    List(SplitListArgs),
    /// Delete a TrafficSplit
    #[command(after_help = "Examples:\n  osm traffic split delete bookstore-split -n bookstore")]
    Delete(SplitDeleteArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SplitCreateArgs {
    /// Name of the TrafficSplit
    pub name: String,
    #[command(flatten)]
    pub namespace: NamespaceArg,
    /// The root Service clients address: svc, svc.ns or svc.ns.svc.cluster.local
    #[arg(long, value_name = "ROOT")]
    pub service: String,
    /// A backend Service and its weight (non-negative integer); repeat for each backend
    #[arg(long = "backend", required = true, value_name = "SVC=WEIGHT")]
    pub backends: Vec<String>,
    /// Print the TrafficSplit and create nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SplitSetArgs {
    /// Name of the TrafficSplit
    pub name: String,
    /// New percentages, SVC=PERCENT
    #[arg(value_name = "SVC=PERCENT")]
    pub assignments: Vec<String>,
    #[command(flatten)]
    pub namespace: NamespaceArg,
    /// Spread the percentage not assigned evenly (all of it when nothing is assigned)
    #[arg(long)]
    pub equal: bool,
    /// Add named Services that are not backends yet
    #[arg(long)]
    pub add: bool,
    /// Print the new weights and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SplitGetArgs {
    /// Name of the TrafficSplit
    pub name: String,
    #[command(flatten)]
    pub namespace: NamespaceArg,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct SplitListArgs {
    #[command(flatten)]
    pub namespace: NamespaceArg,
    /// List TrafficSplits in every namespace
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct SplitDeleteArgs {
    /// Name of the TrafficSplit
    pub name: String,
    #[command(flatten)]
    pub namespace: NamespaceArg,
}

#[derive(Debug, Clone, Args)]
pub struct ShiftArgs {
    /// The TrafficSplit
    pub name: String,
    #[command(flatten)]
    pub namespace: NamespaceArg,
    /// The backend Service that receives the traffic
    #[arg(long, value_name = "SVC")]
    pub to: String,
    /// Percentage moved to it per step
    #[arg(long, default_value_t = 10, value_name = "PERCENT")]
    pub step: u32,
    /// How long to wait after each step (e.g. 30s, 2m)
    #[arg(long, default_value = "30s", value_parser = parse_duration, value_name = "DURATION")]
    pub interval: Duration,
    /// Stop when it has this percentage
    #[arg(long, default_value_t = 100, value_name = "PERCENT")]
    pub until: u32,
    /// Print the steps and change nothing
    #[arg(long)]
    pub dry_run: bool,
}
