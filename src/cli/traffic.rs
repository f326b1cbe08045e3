use std::time::Duration;

use clap::builder::PossibleValue;
use clap::{Args, Subcommand, ValueEnum};

use super::{OutputArgs, parse_duration};
use crate::model::canary::{MetricsSource, OnNoData};
use crate::model::routing::Api;

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
    /// Move traffic to one backend step by step, optionally gated by Prometheus metrics (a canary)
    #[command(
        after_help = "Examples:\n  osm traffic shift bookstore-split -n bookstore --to bookstore-v2\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --step 25 --interval 2m\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --until 50 --dry-run\n  \
                            osm traffic shift bookstore-split -n bookstore --to bookstore-v2 --step 20 --interval 1m \\\n    \
                            --min-success-rate 99 --max-latency-p99 500ms --min-requests 20\n  \
                            osm traffic shift reviews -n bookinfo --to v2 --max-weight 50 --compare-baseline\n  \
                            osm traffic shift status bookstore-split -n bookstore\n\n\
                      Exit codes: 6 when the analysis failed and the traffic went back to the stable backend."
    )]
    Shift(Box<ShiftArgs>),
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

// `--api`, `--on-no-data` and `--metrics` parse straight into the domain's enums: clap's
// spelling of each value lives here, the value itself in `model`.
impl ValueEnum for Api {
    fn value_variants<'a>() -> &'a [Self] {
        &Api::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            Api::Smi => PossibleValue::new("smi")
                .help("SMI TrafficSplit (split.smi-spec.io/v1alpha2), as upstream OSM serves"),
            Api::Istio => PossibleValue::new("istio").help("Istio VirtualService (networking.istio.io/v1)"),
            Api::Gateway => {
                PossibleValue::new("gateway").help("Gateway API HTTPRoute (gateway.networking.k8s.io/v1)")
            }
        })
    }
}

impl ValueEnum for OnNoData {
    fn value_variants<'a>() -> &'a [Self] {
        &[OnNoData::Hold, OnNoData::Fail]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            OnNoData::Hold => PossibleValue::new("hold"),
            OnNoData::Fail => PossibleValue::new("fail"),
        })
    }
}

impl ValueEnum for MetricsSource {
    fn value_variants<'a>() -> &'a [Self] {
        &[MetricsSource::Osm, MetricsSource::Envoy, MetricsSource::Istio]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match self {
            MetricsSource::Osm => {
                PossibleValue::new("osm").help("OSM's WASM stats: osm_request_total, osm_request_duration_ms")
            }
            MetricsSource::Envoy => PossibleValue::new("envoy")
                .help("Envoy's cluster stats, for OSM without WASM stats (no latency)"),
            MetricsSource::Istio => PossibleValue::new("istio")
                .help("Istio's istio_requests_total, istio_request_duration_milliseconds"),
        })
    }
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
    pub api: Option<Api>,
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
    #[arg(long, value_enum, default_value_t = Api::Smi, value_name = "API")]
    pub api: Api,
    /// The port of the HTTPRoute's parent Service and backendRefs (default: the root Service's first port)
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// Create the route even if the root or a backend Service does not exist (yet)
    #[arg(long)]
    pub allow_missing_services: bool,
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
    /// With --add, add a Service that does not exist (yet)
    #[arg(long, requires = "add")]
    pub allow_missing_services: bool,
    /// Which kind of object NAME is (default: whichever exists)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<Api>,
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
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ShiftArgs {
    #[command(subcommand)]
    pub action: Option<ShiftAction>,
    /// The TrafficSplit, VirtualService or HTTPRoute
    #[arg(required = true)]
    pub name: Option<String>,
    #[command(flatten)]
    pub namespace: NamespaceArg,
    /// The backend that receives the traffic
    #[arg(long, value_name = "BACKEND", required = true)]
    pub to: Option<String>,
    /// Percentage moved to it per step, 1 to 100
    #[arg(long, default_value_t = 10, value_name = "PERCENT", value_parser = parse_step)]
    pub step: u32,
    /// How long to wait after each step, and the window each check measures (e.g. 30s, 2m)
    #[arg(long, default_value = "30s", value_parser = parse_duration, value_name = "DURATION")]
    pub interval: Duration,
    /// Stop when it has this percentage
    #[arg(long, default_value_t = 100, value_name = "PERCENT", value_parser = parse_until)]
    pub until: u32,
    /// Stop at this percentage and wait for `osm traffic shift promote`
    #[arg(long, value_name = "PERCENT", value_parser = parse_max_weight, conflicts_with = "until")]
    pub max_weight: Option<u32>,
    /// Which kind of object NAME is (default: whichever exists)
    #[arg(long, value_enum, value_name = "API")]
    pub api: Option<Api>,
    /// Print the steps (and the analysis's queries) and change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

/// Flags of a shift that runs: its own and `resume`'s.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Route everything back to the stable backend on Ctrl-C, instead of pausing
    #[arg(long)]
    pub rollback_on_interrupt: bool,
    /// Prometheus's URL (default: a port-forward to the mesh's Prometheus)
    #[arg(long, value_name = "URL", value_parser = parse_prometheus_url)]
    pub prometheus: Option<url::Url>,
    /// table: a line per step and check (a progress bar on a terminal); json: one JSON event per line
    #[arg(short, long, value_enum, default_value_t = EventFormat::Table, value_name = "FORMAT")]
    pub output: EventFormat,
}

/// How a running shift reports its steps and checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    #[default]
    Table,
    Json,
}

/// Gates that make each step wait for Prometheus's verdict on the new backend.
#[derive(Debug, Clone, Args)]
pub struct AnalysisArgs {
    /// Lowest share of the target's requests answered without a 5xx, in percent (e.g. 99)
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent, allow_negative_numbers = true, help_heading = "Analysis")]
    pub min_success_rate: Option<f64>,
    /// Highest 99th-percentile latency of the target's requests (e.g. 500ms)
    #[arg(long, value_name = "DURATION", value_parser = parse_latency, help_heading = "Analysis")]
    pub max_latency_p99: Option<Duration>,
    /// Fail when the target's error rate exceeds the stable backend's by more than --max-error-delta
    #[arg(long, help_heading = "Analysis")]
    pub compare_baseline: bool,
    /// Percentage points the target's error rate may exceed the stable backend's
    #[arg(long, default_value_t = 1.0, value_name = "PERCENT", value_parser = parse_percent, allow_negative_numbers = true, requires = "compare_baseline", help_heading = "Analysis")]
    pub max_error_delta: f64,
    /// Failed checks before traffic goes back to the stable backend
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = parse_threshold, help_heading = "Analysis")]
    pub failure_threshold: u32,
    /// Fewer requests than this in an interval is no data, neither pass nor failure
    #[arg(long, default_value_t = 0, value_name = "N", help_heading = "Analysis")]
    pub min_requests: u64,
    /// What a check without enough data does: hold the weight, or count as a failure
    #[arg(long, value_enum, default_value_t = OnNoData::Hold, value_name = "ACTION", help_heading = "Analysis")]
    pub on_no_data: OnNoData,
    /// Which metrics to read (default: istio for a VirtualService; else osm, or envoy when the MeshConfig turns WASM stats off)
    #[arg(long, value_enum, value_name = "SOURCE", help_heading = "Analysis")]
    pub metrics: Option<MetricsSource>,
    /// Your own success-rate PromQL (percent), with {{namespace}}, {{workload}}, {{interval}}
    #[arg(long, value_name = "PROMQL", help_heading = "Analysis")]
    pub query_success_rate: Option<String>,
    /// Your own p99-latency PromQL (milliseconds), with {{namespace}}, {{workload}}, {{interval}}
    #[arg(long, value_name = "PROMQL", requires = "max_latency_p99", help_heading = "Analysis")]
    pub query_latency: Option<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ShiftAction {
    /// Show a shift's plan and progress, as kept on the routing object
    #[command(after_help = "Examples:\n  osm traffic shift status bookstore-split -n bookstore\n  \
                            osm traffic shift status reviews -n bookinfo -o json")]
    Status(ShiftStatusArgs),
    /// Give the target backend all the traffic now
    #[command(after_help = "Examples:\n  osm traffic shift promote bookstore-split -n bookstore")]
    Promote(ShiftTargetArgs),
    /// Route all the traffic back to the stable backend and end the shift
    #[command(after_help = "Examples:\n  osm traffic shift abort bookstore-split -n bookstore")]
    Abort(ShiftTargetArgs),
    /// Continue a paused or interrupted shift from where it stopped
    #[command(after_help = "Examples:\n  osm traffic shift resume bookstore-split -n bookstore\n  \
                            osm traffic shift resume bookstore-split -n bookstore -o json")]
    Resume(ShiftResumeArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ShiftTargetArgs {
    #[command(flatten)]
    pub target: TargetArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ShiftStatusArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ShiftResumeArgs {
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

fn percent_error(flag: &str, text: &str, why: &str, example: &str) -> crate::error::Error {
    crate::error::Error::invalid(format!("{flag} {text}: {why}")).with_hint(format!("e.g. {flag} {example}"))
}

/// `--step` and `--max-weight`: a whole percentage from 1 to 100.
pub fn parse_step(text: &str) -> Result<u32, crate::error::Error> {
    match text.trim().parse::<i64>() {
        Ok(n) if (1..=100).contains(&n) => Ok(n as u32),
        Ok(_) => Err(percent_error("--step", text, "use a percentage from 1 to 100", "10")),
        Err(_) => Err(percent_error("--step", text, "not a whole number", "10")),
    }
}

/// `--max-weight`: a whole percentage from 1 to 100.
pub fn parse_max_weight(text: &str) -> Result<u32, crate::error::Error> {
    match text.trim().parse::<i64>() {
        Ok(n) if (1..=100).contains(&n) => Ok(n as u32),
        Ok(_) => Err(percent_error("--max-weight", text, "use a percentage from 1 to 100", "50")),
        Err(_) => Err(percent_error("--max-weight", text, "not a whole number", "50")),
    }
}

/// `--until`: a whole percentage from 0 to 100.
pub fn parse_until(text: &str) -> Result<u32, crate::error::Error> {
    match text.trim().parse::<i64>() {
        Ok(n) if (0..=100).contains(&n) => Ok(n as u32),
        Ok(_) => Err(percent_error("--until", text, "use a percentage from 0 to 100", "50")),
        Err(_) => Err(percent_error("--until", text, "not a whole number", "50")),
    }
}

/// A percentage from 0 to 100, fractions allowed (`99.9`).
pub fn parse_percent(text: &str) -> Result<f64, crate::error::Error> {
    let value: f64 = text.trim().trim_end_matches('%').parse().map_err(|_| {
        crate::error::Error::invalid(format!("{text:?} is not a percentage"))
            .with_hint("write a number from 0 to 100, e.g. 99.5")
    })?;
    if !(0.0..=100.0).contains(&value) {
        return Err(crate::error::Error::invalid(format!("{text} is not a percentage from 0 to 100"))
            .with_hint("write a number from 0 to 100, e.g. 99.5"));
    }
    Ok(value)
}

/// `--failure-threshold`: at least 1.
pub fn parse_threshold(text: &str) -> Result<u32, crate::error::Error> {
    match text.trim().parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(crate::error::Error::invalid(format!(
            "--failure-threshold {text}: use a whole number from 1 up (the failed checks that trigger the rollback)"
        ))
        .with_hint("e.g. --failure-threshold 2")),
    }
}

/// `--max-latency-p99`: a duration above zero.
pub fn parse_latency(text: &str) -> Result<Duration, crate::error::Error> {
    let d = parse_duration(text)
        .map_err(|e| crate::error::Error::invalid(e).with_hint("e.g. --max-latency-p99 500ms"))?;
    if d.is_zero() {
        return Err(crate::error::Error::invalid("--max-latency-p99 0: no request is that fast")
            .with_hint("e.g. --max-latency-p99 500ms"));
    }
    Ok(d)
}

/// `--prometheus`: an http or https URL with a host. Messages never repeat its credentials.
pub fn parse_prometheus_url(text: &str) -> Result<url::Url, crate::error::Error> {
    let hint = "give the Prometheus server's address, e.g. --prometheus http://127.0.0.1:9090";
    let url = url::Url::parse(text).map_err(|e| {
        crate::error::Error::invalid(format!("--prometheus is not a URL ({e})")).with_hint(hint)
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(crate::error::Error::invalid(format!(
            "--prometheus: the scheme is {}, not http or https",
            url.scheme()
        ))
        .with_hint(hint));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(crate::error::Error::invalid("--prometheus names no host").with_hint(hint));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prometheus_urls_must_be_http() {
        assert!(parse_prometheus_url("http://127.0.0.1:9090").is_ok());
        assert!(parse_prometheus_url("https://prom.example:443/prefix").is_ok());
        let err = parse_prometheus_url("ftp://admin:s3cret@x").unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.message.contains("not http or https"), "{err}");
        assert!(!err.to_string().contains("s3cret"), "{err}");
        assert_eq!(parse_prometheus_url("localhost:9090").unwrap_err().exit_code(), 4);
        assert_eq!(parse_prometheus_url("nonsense").unwrap_err().exit_code(), 4);
    }

    #[test]
    fn shift_values() {
        assert_eq!(parse_step("10").unwrap(), 10);
        assert_eq!(parse_step("0").unwrap_err().exit_code(), 4);
        assert!(parse_step("101").is_err());
        assert_eq!(parse_until("0").unwrap(), 0);
        assert!(parse_until("101").is_err());
        assert_eq!(parse_percent("99.5").unwrap(), 99.5);
        assert_eq!(parse_percent("99%").unwrap(), 99.0);
        assert_eq!(parse_percent("101").unwrap_err().exit_code(), 4);
        assert!(parse_percent("-1").is_err());
        assert!(parse_percent("lots").is_err());
        assert_eq!(parse_threshold("0").unwrap_err().exit_code(), 4);
        assert_eq!(parse_threshold("3").unwrap(), 3);
        assert_eq!(parse_latency("250ms").unwrap(), Duration::from_millis(250));
        assert!(parse_latency("0s").is_err());
    }

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
