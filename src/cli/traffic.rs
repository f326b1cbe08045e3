use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};

use super::{OutputArgs, parse_duration};

#[derive(Debug, Subcommand)]
pub enum TrafficCommand {
    /// Create and set weighted splits (TrafficSplit, VirtualService, HTTPRoute); show, list, delete TrafficSplits
    #[command(
        subcommand,
        after_help = "Examples:\n  osm traffic split list -n bookstore\n  \
                      osm traffic split get bookstore-split -n bookstore\n  \
                      osm traffic split set bookstore-split -n bookstore bookstore=50 bookstore-v2=50\n  \
                      osm traffic split set reviews -n bookinfo v1=90 v2=10"
    )]
    Split(SplitCommand),
    /// Move traffic to one backend step by step (a progressive canary)
    #[command(
        after_help = "Examples:\n  osm traffic shift bookstore-split -n bookstore --to bookstore-v2\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --step 25 --interval 2m\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --until 50 --dry-run"
    )]
    Shift(ShiftArgs),
    /// Send all traffic of the default route to one backend
    #[command(after_help = "Examples:\n  osm traffic route reviews -n bookinfo --to v3\n  \
                            osm traffic route reviews -n bookinfo --to v1 --dry-run\n  \
                            osm traffic route reviews-route -n bookinfo --api gateway --to reviews-v2 -o yaml")]
    Route(RouteArgs),
    /// Route requests carrying a header to one backend, before the default route
    #[command(
        subcommand,
        after_help = "Examples:\n  osm traffic match add reviews -n bookinfo --header end-user=jason --to v2\n  \
                      osm traffic match add reviews -n bookinfo --header-prefix x-canary=yes --to v3\n  \
                      osm traffic match remove reviews -n bookinfo --header end-user"
    )]
    Match(MatchCommand),
    /// Copy the default route's requests to another backend (responses are discarded)
    #[command(
        subcommand,
        after_help = "Examples:\n  osm traffic mirror set httpbin -n default --to v2 --percent 100\n  \
                      osm traffic mirror clear httpbin -n default"
    )]
    Mirror(MirrorCommand),
    /// Show the effective routing table: rules in order, matches, weights in percent, mirrors
    #[command(after_help = "Examples:\n  osm traffic get reviews -n bookinfo\n  \
                            osm traffic get bookstore-split -n bookstore -o json\n  \
                            osm traffic get reviews-route -n bookinfo --api gateway -o yaml")]
    Get(TrafficGetArgs),
}

/// Which API the routing object belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RouteApi {
    /// SMI TrafficSplit (split.smi-spec.io/v1alpha2), as upstream OSM serves
    Smi,
    /// Istio VirtualService (networking.istio.io/v1)
    Istio,
    /// Gateway API HTTPRoute (gateway.networking.k8s.io/v1)
    Gateway,
}

/// NAME, its namespace and, when several kinds of routing object share the name, which one.
#[derive(Debug, Clone, Args)]
pub struct TargetArgs {
    /// The TrafficSplit, VirtualService or HTTPRoute
    pub name: String,
    #[command(flatten)]
    pub namespace: NamespaceArg,
    /// Which kind of object NAME is (default: whichever exists)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<RouteApi>,
}

/// Flags every write verb takes.
#[derive(Debug, Clone, Args)]
pub struct WriteArgs {
    /// Print the change as a diff and change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct RouteArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// The backend: a subset, a host or Service, or a backendRef name
    #[arg(long, value_name = "BACKEND")]
    pub to: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum MatchCommand {
    /// Add (or replace) the rule for a header; exactly one of --header, --header-prefix, --header-regex
    #[command(
        after_help = "Examples:\n  osm traffic match add reviews -n bookinfo --header end-user=jason --to v2\n  \
                            osm traffic match add reviews -n bookinfo --header-regex 'user-agent=.*Firefox.*' --to v3"
    )]
    Add(MatchAddArgs),
    /// Remove the rules that match on this header alone
    #[command(after_help = "Examples:\n  osm traffic match remove reviews -n bookinfo --header end-user")]
    Remove(MatchRemoveArgs),
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("condition").required(true).args(["header", "header_prefix", "header_regex"])))]
pub struct MatchAddArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// Requests whose header KEY is exactly VALUE
    #[arg(long, value_name = "KEY=VALUE", value_parser = parse_header)]
    pub header: Option<(String, String)>,
    /// Requests whose header KEY starts with VALUE (Istio only)
    #[arg(long, value_name = "KEY=VALUE", value_parser = parse_header)]
    pub header_prefix: Option<(String, String)>,
    /// Requests whose header KEY matches the regular expression VALUE
    #[arg(long, value_name = "KEY=REGEX", value_parser = parse_header)]
    pub header_regex: Option<(String, String)>,
    /// The backend those requests go to
    #[arg(long, value_name = "BACKEND")]
    pub to: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Clone, Args)]
pub struct MatchRemoveArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// The header whose rules go
    #[arg(long, value_name = "KEY", value_parser = parse_header_name)]
    pub header: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum MirrorCommand {
    /// Mirror the default route to a backend
    #[command(after_help = "Examples:\n  osm traffic mirror set httpbin -n default --to v2\n  \
                            osm traffic mirror set reviews -n bookinfo --to v3 --percent 10 --dry-run")]
    Set(MirrorSetArgs),
    /// Stop mirroring (every rule of the object)
    #[command(after_help = "Examples:\n  osm traffic mirror clear httpbin -n default")]
    Clear(MirrorClearArgs),
}

#[derive(Debug, Clone, Args)]
pub struct MirrorSetArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    /// The backend that receives the copies
    #[arg(long, value_name = "BACKEND")]
    pub to: String,
    /// Share of requests copied, 0 to 100
    #[arg(long, default_value_t = 100, allow_negative_numbers = true, value_name = "PERCENT")]
    pub percent: i64,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Clone, Args)]
pub struct MirrorClearArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Clone, Args)]
pub struct TrafficGetArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// An HTTP header name: an RFC 9110 token.
pub fn parse_header_name(text: &str) -> Result<String, String> {
    let valid = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if text.is_empty() || !text.chars().all(valid) {
        return Err(format!("{text:?} is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"));
    }
    Ok(text.to_string())
}

/// `KEY=VALUE` for header matches.
pub fn parse_header(text: &str) -> Result<(String, String), String> {
    let (key, value) = text.split_once('=').ok_or_else(|| format!("{text:?} is not KEY=VALUE"))?;
    if value.is_empty() {
        return Err(format!("{text:?} has no value after ="));
    }
    Ok((parse_header_name(key)?, value.to_string()))
}

#[derive(Debug, Clone, Args)]
pub struct NamespaceArg {
    /// Namespace of the routing object (default: the kubeconfig context's namespace)
    #[arg(short, long, value_name = "NS")]
    pub namespace: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SplitCommand {
    /// Create a TrafficSplit, VirtualService or HTTPRoute splitting a root Service between backends
    #[command(
        after_help = "Examples:\n  osm traffic split create bookstore-split -n bookstore --service bookstore.bookstore \\\n    \
                      --backend bookstore=50 --backend bookstore-v2=50\n  \
                      osm traffic split create bookstore-split -n bookstore --service bookstore \\\n    \
                      --backend bookstore=90 --backend bookstore-v2=10 --dry-run\n  \
                      osm traffic split create reviews -n bookinfo --api istio --service reviews --backend v1=100\n  \
                      osm traffic split create reviews-route -n bookinfo --api gateway --service reviews \\\n    \
                      --backend reviews-v1=90 --backend reviews-v2=10"
    )]
    Create(SplitCreateArgs),
    /// Change backend percentages; backends not named share the remainder by their current weight
    #[command(
        after_help = "Examples:\n  osm traffic split set bookstore-split -n bookstore bookstore-v2=100\n  \
                            osm traffic split set bookstore-split -n bookstore --equal\n  \
                            osm traffic split set bookstore-split -n bookstore bookstore-v3=10 --add\n  \
                            osm traffic split set reviews -n bookinfo v1=50 v3=50 --dry-run"
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
    /// Which kind of object to create: a TrafficSplit, a VirtualService or an HTTPRoute
    #[arg(long, value_enum, default_value_t = RouteApi::Smi, value_name = "API")]
    pub api: RouteApi,
    /// The port of the HTTPRoute's parent Service and backendRefs (default: the root Service's first port)
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// Print the object and create nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
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
    /// Which kind of object NAME is (default: whichever exists)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<RouteApi>,
    /// Print the new weights and the change as a diff, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
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
    /// Which kind of object NAME is (default: whichever exists)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<RouteApi>,
    /// Print the steps and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values() {
        assert_eq!(parse_header("end-user=jason").unwrap(), ("end-user".into(), "jason".into()));
        assert_eq!(parse_header("x=a=b").unwrap(), ("x".into(), "a=b".into()));
        assert!(parse_header("end-user").is_err());
        assert!(parse_header("end user=x").is_err());
        assert!(parse_header("x=").is_err());
        assert!(parse_header_name("").is_err());
    }
}
