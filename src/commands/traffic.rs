//! `osm traffic ...`: weighted splits, shifts, header matches and mirrors on SMI TrafficSplits,
//! Istio VirtualServices and Gateway API HTTPRoutes. The flags become plain requests to
//! `ops::traffic` (which finds, edits, creates and shifts the objects); what comes back is
//! printed here. Every write is a guarded read-modify-write of the object's whole rule list, so
//! fields osm does not model survive and concurrent edits are re-applied rather than lost.

use serde::Serialize;
use serde_json::Value;

use crate::cli::traffic::{
    AnalysisArgs, EventFormat, MatchAddArgs, MatchCommand, MatchRemoveArgs, MetricsArg, MirrorClearArgs,
    MirrorCommand, MirrorSetArgs, NamespaceArg, NoDataAction, RouteApi, RouteArgs, RunArgs, ShiftAction,
    ShiftArgs, ShiftResumeArgs, ShiftStatusArgs, ShiftTargetArgs, SplitCommand, SplitCreateArgs,
    SplitDeleteArgs, SplitGetArgs, SplitListArgs, SplitSetArgs, TargetArgs, TrafficCommand, TrafficGetArgs,
    WriteArgs,
};
use crate::error::{Error, Result};
use crate::model::canary::{self, Gates, MetricsSource, OnNoData, Phase, Queries, ShiftState};
use crate::model::osm::keys::MESH_CONFIG_NAME;
use crate::model::routing::{self, Api, Edit, HeaderKind, HeaderMatch, RoutingTable};
use crate::model::smi::routing::weights_of;
use crate::model::smi::split::{self, SetRequest, Weights};
use crate::ops::Cluster;
use crate::ops::traffic::create::{self, Created, NewRoute};
use crate::ops::traffic::locate::{self, check_services};
use crate::ops::traffic::shift::{self, Gating, Pace, RunOptions};
use crate::ops::traffic::{Located, edit, namespace_or_default};
use crate::output::OutputFormat;
use crate::output::{Render, table, to_yaml};

use super::Context;

pub async fn run(ctx: &Context, command: TrafficCommand) -> Result<()> {
    match command {
        TrafficCommand::Split(SplitCommand::Create(args)) => create(ctx, &args).await,
        TrafficCommand::Split(SplitCommand::Set(args)) => set(ctx, &args).await,
        TrafficCommand::Split(SplitCommand::Get(args)) => get(ctx, &args).await,
        TrafficCommand::Split(SplitCommand::List(args)) => list(ctx, &args).await,
        TrafficCommand::Split(SplitCommand::Delete(args)) => delete(ctx, &args).await,
        TrafficCommand::Shift(args) => shift(ctx, &args).await,
        TrafficCommand::Route(args) => route(ctx, &args).await,
        TrafficCommand::Match(MatchCommand::Add(args)) => match_add(ctx, &args).await,
        TrafficCommand::Match(MatchCommand::Remove(args)) => match_remove(ctx, &args).await,
        TrafficCommand::Mirror(MirrorCommand::Set(args)) => mirror_set(ctx, &args).await,
        TrafficCommand::Mirror(MirrorCommand::Clear(args)) => mirror_clear(ctx, &args).await,
        TrafficCommand::Get(args) => routing_get(ctx, &args).await,
    }
}

fn namespace_of(cluster: &Cluster, arg: &NamespaceArg) -> String {
    namespace_or_default(cluster, arg.namespace.as_deref())
}

fn api_of(api: RouteApi) -> Api {
    match api {
        RouteApi::Smi => Api::Smi,
        RouteApi::Istio => Api::Istio,
        RouteApi::Gateway => Api::Gateway,
    }
}

/// The object without what the API server keeps for itself, for printing.
fn printable(object: &Value) -> Value {
    let mut object = object.clone();
    if let Some(metadata) = object["metadata"].as_object_mut() {
        metadata.remove("managedFields");
    }
    object
}

fn print_object(ctx: &Context, format: OutputFormat, object: &Value) -> Result<()> {
    let object = printable(object);
    match format {
        OutputFormat::Json => ctx.out.data(&serde_json::to_string_pretty(&object)?),
        _ => ctx.out.data(&to_yaml(&object)?),
    }
    Ok(())
}

/// How a write verb sums up its change in the table form.
enum Summary {
    /// The default route's percentages, before and after.
    Weights,
    /// The routing table after the change.
    Table,
}

fn summarize(api: Api, summary: &Summary, before: &Value, after: &Value) -> Result<String> {
    Ok(match summary {
        Summary::Weights => {
            describe_change(&routing::default_weights(api, before)?, &routing::default_weights(api, after)?)
        }
        Summary::Table => TableView(routing::table(api, after)?).human(),
    })
}

/// Applies `edit` to the object: refusals come from the object as read, before any write;
/// `--dry-run` prints the change as a diff of the spec (or, with `-o`, the object as it would be).
async fn write(
    ctx: &Context,
    at: &Located<'_>,
    edit: &Edit,
    args: &WriteArgs,
    summary: Summary,
) -> Result<()> {
    let (api, namespace, name, current) = (at.api, at.namespace.as_str(), at.name.as_str(), &at.object);
    let format = args.output.output;
    let after = edit::planned(at, edit)?;
    if args.dry_run {
        if format != OutputFormat::Table {
            print_object(ctx, format, &after)?;
            ctx.out.info("dry run: nothing was changed");
            return Ok(());
        }
        let label = format!("{} {namespace}/{name}", api.kind());
        let diff = crate::output::diff(
            &format!("{label} (now)"),
            &format!("{label} (after)"),
            &to_yaml(&current["spec"])?,
            &to_yaml(&after["spec"])?,
        );
        let body = if diff.is_empty() { "(no change)".to_string() } else { diff };
        let would = match summary {
            Summary::Weights => summarize(api, &summary, current, &after)?,
            Summary::Table => format!("would become\n{}", summarize(api, &summary, current, &after)?),
        };
        ctx.out.data(&format!("# dry run: nothing was changed\n{namespace}/{name}: {would}\n{body}"));
        return Ok(());
    }
    let modified = edit::write(at, edit).await?;
    if format != OutputFormat::Table {
        return print_object(ctx, format, &modified.after);
    }
    if modified.patch.is_none() {
        let now = match summary {
            Summary::Weights => split::describe(&routing::default_weights(api, &modified.after)?),
            Summary::Table => "as asked".to_string(),
        };
        ctx.out.data(&format!("{namespace}/{name}: already {now}; nothing changed"));
    } else {
        let done = summarize(api, &summary, &modified.before, &modified.after)?;
        match summary {
            Summary::Weights => ctx.out.data(&format!("{namespace}/{name}: {done}")),
            Summary::Table => ctx.out.data(&format!("{namespace}/{name}: updated\n{done}")),
        }
    }
    Ok(())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackendView {
    pub service: String,
    pub weight: u32,
    pub percent: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitView {
    pub name: String,
    pub namespace: String,
    pub root_service: String,
    pub backends: Vec<BackendView>,
}

impl SplitView {
    fn from_object(object: &Value) -> Result<Self> {
        let weights = weights_of(object)?;
        let percents = split::percentages(&weights);
        Ok(SplitView {
            name: object["metadata"]["name"].as_str().unwrap_or_default().to_string(),
            namespace: object["metadata"]["namespace"].as_str().unwrap_or_default().to_string(),
            root_service: object["spec"]["service"].as_str().unwrap_or_default().to_string(),
            backends: weights
                .iter()
                .zip(percents)
                .map(|((service, weight), (_, percent))| BackendView {
                    service: service.clone(),
                    weight: *weight,
                    percent,
                })
                .collect(),
        })
    }

    fn rows(&self) -> Vec<Vec<String>> {
        if self.backends.is_empty() {
            return vec![vec![
                self.name.clone(),
                self.namespace.clone(),
                self.root_service.clone(),
                "-".into(),
                "".into(),
                "".into(),
            ]];
        }
        self.backends
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let (name, namespace, root) = if i == 0 {
                    (self.name.clone(), self.namespace.clone(), self.root_service.clone())
                } else {
                    (String::new(), String::new(), String::new())
                };
                vec![name, namespace, root, b.service.clone(), format!("{}%", b.percent), bar(b.percent)]
            })
            .collect()
    }
}

const HEADERS: [&str; 6] = ["NAME", "NAMESPACE", "ROOT SERVICE", "BACKEND", "PERCENT", "SHARE"];

fn bar(percent: u32) -> String {
    let filled = ((percent + 5) / 10).min(10) as usize;
    format!("{}{}", "#".repeat(filled), ".".repeat(10 - filled))
}

impl Render for SplitView {
    fn human(&self) -> String {
        table(&HEADERS, self.rows())
    }
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SplitList(Vec<SplitView>);

impl Render for SplitList {
    fn human(&self) -> String {
        if self.0.is_empty() {
            return "No TrafficSplits found.".to_string();
        }
        table(&HEADERS, self.0.iter().flat_map(SplitView::rows).collect())
    }
}

/// Checks the root Service name: `svc`, `svc.ns` or `svc.ns.svc.cluster.local`, in the split's namespace.
fn check_root(root: &str, namespace: &str) -> Result<String> {
    let parts: Vec<&str> = root.split('.').collect();
    let valid_label = |s: &str| {
        !s.is_empty()
            && s.len() <= 63
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
    };
    let shape_ok = matches!(parts.as_slice(), [_] | [_, _] | [_, _, "svc", "cluster", "local"]);
    if !shape_ok || !parts.iter().take(2).all(|p| valid_label(p)) {
        return Err(Error::invalid(format!("--service {root:?} is not a Service name"))
            .with_hint(format!("use svc, svc.{namespace} or svc.{namespace}.svc.cluster.local")));
    }
    if let Some(ns) = parts.get(1)
        && *ns != namespace
    {
        return Err(Error::invalid(format!(
            "--service {root} is in namespace {ns}, but the TrafficSplit is in namespace {namespace}"
        ))
        .with_hint(format!(
            "a TrafficSplit splits a Service of its own namespace: pass -n {ns}, or name {}",
            parts[0]
        )));
    }
    Ok(parts[0].to_string())
}

/// Refuses (exit 4) a route to Services that do not exist in `namespace`, naming those that do,
/// before anything is written; with `--allow-missing-services` warns instead.
async fn require_services(
    ctx: &Context,
    cluster: &Cluster,
    namespace: &str,
    names: &[&str],
    allow_missing: bool,
) -> Result<()> {
    let check = check_services(cluster, namespace, names).await?;
    if check.missing.is_empty() {
        return Ok(());
    }
    let (noun, verb) = if check.missing.len() == 1 { ("Service", "does") } else { ("Services", "do") };
    let missing = check.missing.join(", ");
    if allow_missing {
        ctx.out.warn(&format!(
            "{noun} {missing} {verb} not exist in namespace {namespace}: the route sends nothing there until it does"
        ));
        return Ok(());
    }
    let there = if check.existing.is_empty() {
        format!("namespace {namespace} has no Service")
    } else {
        format!("Services in namespace {namespace}: {}", check.existing.join(", "))
    };
    Err(Error::invalid(format!(
        "{noun} {missing} {verb} not exist in namespace {namespace}; nothing was changed"
    ))
    .with_hint(format!(
        "{there}. Check the name, or pass --allow-missing-services to route to a Service created later"
    )))
}

/// `split create`: a TrafficSplit, or with `--api istio|gateway` a VirtualService for the root
/// host or an HTTPRoute whose parent is the root Service, its default route split between
/// backends that resolve.
async fn create(ctx: &Context, args: &SplitCreateArgs) -> Result<()> {
    let backends: Weights = args.backends.iter().map(|b| split::parse_backend(b)).collect::<Result<_>>()?;
    split::check_new(&backends)?;
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let root = check_root(&args.service, &namespace)?;
    // The root is a Service on every API; the backends are on SMI and the Gateway API (an Istio
    // backend is a subset, which resolving checks).
    let mut names: Vec<&str> = vec![root.as_str()];
    if args.api != RouteApi::Istio {
        names.extend(backends.iter().map(|(s, _)| s.as_str()));
    }
    require_services(ctx, cluster, &namespace, &names, args.allow_missing_services).await?;
    let api = api_of(args.api);
    let new = NewRoute {
        api,
        namespace: &namespace,
        name: &args.name,
        service: &args.service,
        root: &root,
        backends: &backends,
        port: args.port,
        allow_missing_services: args.allow_missing_services,
    };
    let object = create::object(cluster, &new).await?;
    if args.dry_run {
        print_object(ctx, args.output.output, &object)?;
        ctx.out.info("dry run: nothing was created");
        return Ok(());
    }
    let kind = api.kind().to_lowercase();
    let created = match create::create(cluster, api, &object).await? {
        Created::New(created) => created,
        Created::Exists => {
            ctx.out.data(&format!("{kind} {namespace}/{} already exists with these backends", args.name));
            return Ok(());
        }
        Created::Conflict(existing) => {
            let how = if api == Api::Smi {
                format!(
                    "with {} -> {}",
                    existing["spec"]["service"].as_str().unwrap_or("?"),
                    weights_of(&existing).map(|w| split::describe(&w)).unwrap_or_default()
                )
            } else {
                "routing otherwise".to_string()
            };
            return Err(Error::invalid(format!("{kind} {namespace}/{} already exists, {how}", args.name))
                .with_hint("change its weights with `osm traffic split set`, or delete it first"));
        }
    };
    if args.output.output != OutputFormat::Table {
        return print_object(ctx, args.output.output, &created);
    }
    let mut shares = split::percentages(&backends);
    if api != Api::Smi {
        // A new route drops a 0% backend (`routing::new_weights`); a TrafficSplit keeps it.
        shares.retain(|(_, w)| *w > 0);
    }
    ctx.out.data(&format!(
        "{kind} {namespace}/{} created: {} -> {}",
        args.name,
        args.service,
        split::describe(&shares)
    ));
    Ok(())
}

fn describe_change(before: &[(String, u32)], after: &[(String, u32)]) -> String {
    after
        .iter()
        .map(|(service, weight)| match before.iter().find(|(s, _)| s == service) {
            Some((_, old)) if old != weight => format!("{service} {old}% -> {weight}%"),
            Some(_) => format!("{service} {weight}%"),
            None => format!("{service} (new) {weight}%"),
        })
        .chain(
            before
                .iter()
                .filter(|(service, _)| !after.iter().any(|(s, _)| s == service))
                .map(|(service, old)| format!("{service} {old}% -> removed")),
        )
        .collect::<Vec<_>>()
        .join(", ")
}

async fn set(ctx: &Context, args: &SplitSetArgs) -> Result<()> {
    let assignments: Weights =
        args.assignments.iter().map(|a| split::parse_assignment(a)).collect::<Result<_>>()?;
    let request = SetRequest { assignments, equal: args.equal, add: args.add };
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let at = Located::find(cluster, &namespace, &args.name, args.api.map(api_of)).await?;
    let edit = edit::split_edit(&at, request.clone()).await?;
    if at.api == Api::Smi && args.add {
        let have = weights_of(&at.object)?;
        let added: Vec<&str> = request
            .assignments
            .iter()
            .map(|(s, _)| s.as_str())
            .filter(|s| !have.iter().any(|(n, _)| n == s))
            .collect();
        require_services(ctx, cluster, &namespace, &added, args.allow_missing_services).await?;
    }
    let write_args = WriteArgs { dry_run: args.dry_run, output: args.output.clone() };
    write(ctx, &at, &edit, &write_args, Summary::Weights).await
}

async fn get(ctx: &Context, args: &SplitGetArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let Some(object) = locate::split(cluster, &namespace, &args.name).await? else {
        return Err(locate::no_split(&namespace, &args.name)
            .with_hint("`osm traffic split list -A` shows the TrafficSplits there are"));
    };
    ctx.out.print(args.output.output, &SplitView::from_object(&object)?)
}

async fn list(ctx: &Context, args: &SplitListArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = (!args.all_namespaces).then(|| namespace_of(cluster, &args.namespace));
    let objects = locate::splits(cluster, namespace.as_deref()).await?;
    let views = objects.iter().map(SplitView::from_object).collect::<Result<Vec<_>>>()?;
    ctx.out.print(args.output.output, &SplitList(views))
}

async fn delete(ctx: &Context, args: &SplitDeleteArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    if edit::delete_split(cluster, &namespace, &args.name).await? {
        ctx.out.data(&format!("trafficsplit {namespace}/{} deleted", args.name));
    } else {
        ctx.out.data(&format!("trafficsplit {namespace}/{} does not exist; nothing to delete", args.name));
    }
    Ok(())
}

/// A new shift, its set-up in the order `ops::traffic::shift` takes it: refusals of the flags,
/// the object, the metrics, the plan; then either the preview (`--dry-run`) or the readiness
/// check, the recorded state, the gates' Prometheus, and the steps.
async fn shift(ctx: &Context, args: &ShiftArgs) -> Result<()> {
    if let Some(action) = &args.action {
        return match action {
            ShiftAction::Status(a) => shift_status(ctx, a).await,
            ShiftAction::Promote(a) => shift_end_by_hand(ctx, a, true).await,
            ShiftAction::Abort(a) => shift_end_by_hand(ctx, a, false).await,
            ShiftAction::Resume(a) => shift_resume(ctx, a).await,
        };
    }
    let (Some(name), Some(to)) = (args.name.clone(), args.to.clone()) else {
        return Err(Error::usage("give the routing object's NAME and --to BACKEND"));
    };
    let gates = gates_of(&args.analysis, &args.run)?;
    let until = args.max_weight.unwrap_or(args.until);
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let at = Located::find(cluster, &namespace, &name, args.api.map(api_of)).await?;
    routing::check_writable(at.api, &at.object)?;
    let queries = match &gates {
        Some(gates) => {
            let source = metrics_source(ctx, cluster, at.api, args.analysis.metrics).await;
            Some(queries_of(&args.analysis, source, gates)?)
        }
        None => None,
    };
    let plan = shift::plan(&at, &to, args.step, until).await?;
    if plan.steps.is_empty() {
        ctx.out.data(&format!(
            "{namespace}/{name}: {to} already has {}% (--until {until}); nothing to shift",
            plan.share(&plan.weights),
        ));
        return Ok(());
    }
    if args.dry_run {
        let preview = shift::preview(&at, &plan, gates.is_some()).await?;
        return print_preview(ctx, &at, &plan, &preview, gates.as_ref().zip(queries.as_ref()), args);
    }
    shift::require_ready(&at, &to).await?;
    shift::warn_if_replacing(&ctx.out, &at);
    let pace = Pace {
        step: args.step,
        until,
        wait_for_promotion: args.max_weight.is_some(),
        interval: args.interval,
    };
    let mut state = shift::initial_state(&plan, &pace);
    let probe = match (gates, queries) {
        (Some(gates), Some((metrics, queries))) => {
            let gating = Gating { gates, metrics, queries, prometheus: args.run.prometheus.clone() };
            Some(
                shift::arm(&ctx.out, &ctx.global.osm_namespace, &at, &mut state, gating, args.interval)
                    .await?,
            )
        }
        _ => None,
    };
    shift::Runner::on(&ctx.out, &at, probe, run_options(&args.run)).run(state, false).await
}

/// `--metrics`, or the mesh's own: Istio's for a VirtualService, else OSM's WASM stats unless
/// the MeshConfig turns them off.
async fn metrics_source(
    ctx: &Context,
    cluster: &Cluster,
    api: Api,
    flag: Option<MetricsArg>,
) -> MetricsSource {
    match flag {
        Some(MetricsArg::Osm) => MetricsSource::Osm,
        Some(MetricsArg::Envoy) => MetricsSource::Envoy,
        Some(MetricsArg::Istio) => MetricsSource::Istio,
        None if api == Api::Istio => MetricsSource::Istio,
        None => {
            let source = shift::osm_metrics(cluster, &ctx.global.osm_namespace).await;
            if source == MetricsSource::Envoy {
                ctx.out.info(&format!(
                    "MeshConfig {}/{MESH_CONFIG_NAME} turns WASM stats off: reading Envoy's counters (--metrics envoy)",
                    ctx.global.osm_namespace
                ));
            }
            source
        }
    }
}

/// `shift --dry-run`: the steps, the gates with the queries they would run, and the spec after
/// the last step as a diff.
fn print_preview(
    ctx: &Context,
    at: &Located<'_>,
    plan: &shift::Plan,
    preview: &shift::Preview,
    gated: Option<(&Gates, &(MetricsSource, Queries))>,
    args: &ShiftArgs,
) -> Result<()> {
    let (namespace, name, to) = (&at.namespace, &at.name, &plan.to);
    let mut lines = vec![format!(
        "# dry run: {} steps, {} apart; nothing was changed",
        plan.steps.len(),
        crate::output::format_duration(args.interval)
    )];
    lines.extend(
        plan.steps.iter().enumerate().map(|(i, w)| format!("step {}: {}", i + 1, split::describe(w))),
    );
    if let (Some((gates, (metrics, queries))), Some(workload)) = (gated, &preview.workload) {
        lines.push(format!("# after each step below 100%: {}", gates.describe()));
        lines.push(format!("# {} metrics of {to} and {}, e.g. for {to}:", metrics.name(), plan.stable));
        let workload = match workload {
            Ok(w) => w.clone(),
            Err(e) => format!("<workload of {to}: {}>", e.message),
        };
        for (what, query) in queries.list() {
            lines.push(format!("#   {what}: {}", canary::render(query, namespace, &workload, args.interval)));
        }
    }
    if let Some(after) = &preview.after {
        let label = format!("{} {namespace}/{name}", at.api.kind());
        lines.push(crate::output::diff(
            &format!("{label} (now)"),
            &format!("{label} (after the last step)"),
            &to_yaml(&at.object["spec"])?,
            &to_yaml(&after["spec"])?,
        ));
    }
    ctx.out.data(&lines.join("\n"));
    Ok(())
}

/// The gates the flags ask for; `None` for a shift on a timer alone. Analysis flags without a
/// gate are refused, since they would silently do nothing.
fn gates_of(args: &AnalysisArgs, run: &RunArgs) -> Result<Option<Gates>> {
    let gated = args.min_success_rate.is_some() || args.max_latency_p99.is_some() || args.compare_baseline;
    if !gated {
        let stray = [
            (args.query_success_rate.is_some(), "--query-success-rate"),
            (args.metrics.is_some(), "--metrics"),
            (args.min_requests > 0, "--min-requests"),
            (args.failure_threshold != 1, "--failure-threshold"),
            (args.on_no_data != NoDataAction::Hold, "--on-no-data"),
            (run.prometheus.is_some(), "--prometheus"),
        ];
        if let Some((_, flag)) = stray.iter().find(|(given, _)| *given) {
            return Err(Error::invalid(format!("{flag} only matters when a gate checks each step"))
                .with_hint("add --min-success-rate, --max-latency-p99 or --compare-baseline"));
        }
        return Ok(None);
    }
    let gates = Gates {
        min_success_rate: args.min_success_rate,
        max_latency_p99_ms: args.max_latency_p99.map(|d| d.as_secs_f64() * 1000.0),
        failure_threshold: args.failure_threshold,
        min_requests: args.min_requests,
        on_no_data: match args.on_no_data {
            NoDataAction::Hold => OnNoData::Hold,
            NoDataAction::Fail => OnNoData::Fail,
        },
        compare_baseline: args.compare_baseline,
        max_error_delta: args.max_error_delta,
    };
    gates.check()?;
    Ok(Some(gates))
}

/// The queries of the metrics source, with the user's own in their place.
fn queries_of(args: &AnalysisArgs, source: MetricsSource, gates: &Gates) -> Result<(MetricsSource, Queries)> {
    let queries =
        Queries::with_custom(source, args.query_success_rate.as_deref(), args.query_latency.as_deref())?;
    if gates.max_latency_p99_ms.is_some() && queries.latency.is_none() {
        return Err(Error::invalid(format!(
            "--max-latency-p99 needs a latency metric, and --metrics {} has none: OSM's Prometheus keeps no \
             Envoy request-time histogram",
            source.name()
        ))
        .with_hint("use --metrics osm (OSM's WASM stats), or give --query-latency"));
    }
    Ok((source, queries))
}

/// The shift recorded on NAME, with the object as read.
async fn recorded<'a>(ctx: &'a Context, target: &TargetArgs) -> Result<(Located<'a>, ShiftState)> {
    let at = located(ctx, target).await?;
    let state = ShiftState::from_object(&at.object)?.ok_or_else(|| {
        Error::invalid(format!(
            "{} {}/{} carries no shift (no annotation {})",
            at.api.kind(),
            at.namespace,
            at.name,
            canary::STATE_ANNOTATION
        ))
        .with_hint(format!(
            "start one with: osm traffic shift {} -n {} --to BACKEND",
            target.name, at.namespace
        ))
    })?;
    Ok((at, state))
}

fn ended(at: &Located<'_>, name: &str, state: &ShiftState) -> Error {
    Error::invalid(format!(
        "the shift of {}/{name} is over: {} ({})",
        at.namespace,
        state.phase.name(),
        state.message
    ))
    .with_hint(format!("start a new one with: osm traffic shift {name} -n {} --to BACKEND", at.namespace))
}

/// `osm traffic shift status`: the recorded plan and progress, with the weights now.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ShiftStatusView {
    name: String,
    namespace: String,
    kind: String,
    #[serde(flatten)]
    state: ShiftState,
    /// Steps the plan has in all (done and to come).
    steps_total: u32,
    weights: Vec<BackendView>,
}

impl Render for ShiftStatusView {
    fn human(&self) -> String {
        let s = &self.state;
        let mut lines = vec![
            format!("{} {}/{}: {}", self.kind, self.namespace, self.name, s.phase.name()),
            format!("  to:       {} ({}% now)", s.to, s.weight),
            format!("  stable:   {}", s.stable),
            format!(
                "  step:     {}/{} ({}% each, every {}, until {}%{})",
                s.steps_done,
                self.steps_total,
                s.step,
                crate::output::format_duration(s.interval()),
                s.until,
                if s.wait_for_promotion { ", then wait for promotion" } else { "" }
            ),
        ];
        if let Some(a) = &s.analysis {
            lines.push(format!("  gates:    {}", a.gates.describe()));
            lines.push(format!(
                "  metrics:  {} ({} for {}, {} for {})",
                a.metrics.name(),
                a.canary_workload,
                s.to,
                a.stable_workload,
                s.stable
            ));
            lines.push(format!("  failures: {} of {}", s.failures, a.gates.failure_threshold));
        }
        if !s.message.is_empty() {
            lines.push(format!("  last:     {}", s.message));
        }
        let weights: Vec<String> =
            self.weights.iter().map(|b| format!("{} {}%", b.service, b.percent)).collect();
        lines.push(format!("  weights:  {}", weights.join(", ")));
        lines.join("\n")
    }
}

async fn shift_status(ctx: &Context, args: &ShiftStatusArgs) -> Result<()> {
    let (at, state) = recorded(ctx, &args.target).await?;
    let weights = routing::default_weights(at.api, &at.object)?;
    let remaining = if state.phase.is_final() {
        0
    } else {
        split::plan_shift(&canary::with_target(&weights, &state.to), &state.to, state.step, state.until)?
            .len() as u32
    };
    let view = ShiftStatusView {
        name: args.target.name.clone(),
        namespace: at.namespace.clone(),
        kind: at.api.kind().to_string(),
        steps_total: state.steps_done + remaining,
        state,
        weights: weights
            .iter()
            .map(|(n, w)| BackendView { service: n.clone(), weight: *w, percent: *w })
            .collect(),
    };
    ctx.out.print(args.output.output, &view)
}

/// `promote` (all traffic to the new version) or `abort` (all back to the stable one), by hand.
async fn shift_end_by_hand(ctx: &Context, args: &ShiftTargetArgs, promote: bool) -> Result<()> {
    let (at, state) = recorded(ctx, &args.target).await?;
    let name = &args.target.name;
    if state.phase.is_final() {
        return Err(ended(&at, name, &state));
    }
    let (winner, weights) = shift::end_by_hand(&ctx.out, &at, state, promote).await?;
    if promote {
        ctx.out.data(&format!("{}/{name}: promoted: {}", at.namespace, split::describe(&weights)));
    } else {
        ctx.out.data(&format!(
            "{}/{name}: aborted, {winner} has all the traffic: {}",
            at.namespace,
            split::describe(&weights)
        ));
    }
    Ok(())
}

async fn shift_resume(ctx: &Context, args: &ShiftResumeArgs) -> Result<()> {
    let (at, state) = recorded(ctx, &args.target).await?;
    let name = &args.target.name;
    match state.phase {
        Phase::Progressing | Phase::Paused => {}
        Phase::Waiting => {
            return Err(Error::invalid(format!(
                "the shift of {}/{name} is waiting at {}% for promotion; there is nothing to resume",
                at.namespace, state.weight
            ))
            .with_hint(format!(
                "osm traffic shift promote {name} -n {ns}, or osm traffic shift abort {name} -n {ns}",
                ns = at.namespace
            )));
        }
        _ => return Err(ended(&at, name, &state)),
    }
    let options = run_options(&args.run);
    shift::resume(&ctx.out, &ctx.global.osm_namespace, &at, state, args.run.prometheus.clone(), options).await
}

fn run_options(run: &RunArgs) -> RunOptions {
    RunOptions {
        json_events: run.output == EventFormat::Json,
        rollback_on_interrupt: run.rollback_on_interrupt,
    }
}

async fn located<'a>(ctx: &'a Context, target: &TargetArgs) -> Result<Located<'a>> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &target.namespace);
    Located::find(cluster, &namespace, &target.name, target.api.map(api_of)).await
}

async fn route(ctx: &Context, args: &RouteArgs) -> Result<()> {
    let at = located(ctx, &args.target).await?;
    let edit = if at.api == Api::Smi {
        let have = weights_of(&at.object)?;
        if !have.iter().any(|(n, _)| *n == args.to) {
            let names: Vec<&str> = have.iter().map(|(n, _)| n.as_str()).collect();
            return Err(Error::invalid(format!(
                "{} is not a backend of TrafficSplit {} (backends: {})",
                args.to,
                args.target.name,
                names.join(", ")
            ))
            .with_hint(format!(
                "add it first: osm traffic split set {} -n {} {}=100 --add",
                args.target.name, at.namespace, args.to
            )));
        }
        let request = SetRequest { assignments: vec![(args.to.clone(), 100)], ..Default::default() };
        Edit::Split { request, backends: Vec::new() }
    } else {
        Edit::route(at.resolve(&args.to).await?)
    };
    write(ctx, &at, &edit, &args.write, Summary::Weights).await
}

async fn match_add(ctx: &Context, args: &MatchAddArgs) -> Result<()> {
    let (kind, (key, value)) = match (&args.header, &args.header_prefix, &args.header_regex) {
        (Some(h), _, _) => (HeaderKind::Exact, h.clone()),
        (_, Some(h), _) => (HeaderKind::Prefix, h.clone()),
        (_, _, Some(h)) => (HeaderKind::Regex, h.clone()),
        _ => return Err(Error::usage("give one of --header, --header-prefix, --header-regex")),
    };
    let at = located(ctx, &args.target).await?;
    if at.api == Api::Smi {
        return Err(crate::model::smi::routing::cannot("header matches"));
    }
    let to = at.resolve(&args.to).await?;
    let edit = Edit::MatchAdd { header: HeaderMatch { name: key, kind, value }, to };
    write(ctx, &at, &edit, &args.write, Summary::Table).await
}

async fn match_remove(ctx: &Context, args: &MatchRemoveArgs) -> Result<()> {
    let at = located(ctx, &args.target).await?;
    let edit = Edit::MatchRemove { name: args.header.clone() };
    write(ctx, &at, &edit, &args.write, Summary::Table).await
}

async fn mirror_set(ctx: &Context, args: &MirrorSetArgs) -> Result<()> {
    let percent = routing::check_percent("--percent", args.percent)?;
    let at = located(ctx, &args.target).await?;
    if at.api == Api::Smi {
        return Err(crate::model::smi::routing::cannot("mirroring"));
    }
    let to = at.resolve(&args.to).await?;
    let edit = Edit::MirrorSet { to, percent };
    write(ctx, &at, &edit, &args.write, Summary::Table).await
}

async fn mirror_clear(ctx: &Context, args: &MirrorClearArgs) -> Result<()> {
    let at = located(ctx, &args.target).await?;
    let edit = Edit::MirrorClear;
    write(ctx, &at, &edit, &args.write, Summary::Table).await
}

async fn routing_get(ctx: &Context, args: &TrafficGetArgs) -> Result<()> {
    let at = located(ctx, &args.target).await?;
    ctx.out.print(args.output.output, &TableView(routing::table(at.api, &at.object)?))
}

/// The routing table, printed one row per backend.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TableView(RoutingTable);

fn percent_text(p: f64) -> String {
    if p.fract() == 0.0 { format!("{p:.0}%") } else { format!("{p}%") }
}

impl Render for TableView {
    fn human(&self) -> String {
        let t = &self.0;
        let mut rows = Vec::new();
        for (i, rule) in t.rules.iter().enumerate() {
            let matched =
                if rule.matches.is_empty() { "(default)".to_string() } else { rule.matches.join(" or ") };
            let mirrors: Vec<String> =
                rule.mirrors.iter().map(|m| format!("{} {}", m.backend, percent_text(m.percent))).collect();
            let count = rule.backends.len().max(1);
            for k in 0..count {
                let (backend, percent) = match rule.backends.get(k) {
                    Some(b) => (b.backend.clone(), percent_text(b.percent)),
                    None => ("-".to_string(), String::new()),
                };
                let first = k == 0;
                rows.push(vec![
                    if first { (i + 1).to_string() } else { String::new() },
                    if first { matched.clone() } else { String::new() },
                    backend,
                    percent,
                    if first { mirrors.join(", ") } else { String::new() },
                ]);
            }
        }
        let title = format!("{} {}/{} ({})", t.kind, t.namespace, t.name, t.hosts.join(", "));
        if rows.is_empty() {
            return format!("{title}\nno rules");
        }
        format!("{title}\n{}", table(&["RULE", "MATCH", "BACKEND", "PERCENT", "MIRROR"], rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_service_forms() {
        assert_eq!(check_root("bookstore", "bookstore").unwrap(), "bookstore");
        assert_eq!(check_root("bookstore.bookstore", "bookstore").unwrap(), "bookstore");
        assert_eq!(check_root("bookstore.bookstore.svc.cluster.local", "bookstore").unwrap(), "bookstore");
        assert!(check_root("bookstore.other", "bookstore").unwrap_err().message.contains("namespace other"));
        assert!(check_root("Book_store", "bookstore").is_err());
        assert!(check_root("a.b.c", "b").is_err());
    }

    #[test]
    fn share_bars() {
        assert_eq!(bar(0), "..........");
        assert_eq!(bar(50), "#####.....");
        assert_eq!(bar(100), "##########");
    }
}
