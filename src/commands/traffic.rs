//! `osm traffic ...`: weighted splits, shifts, header matches and mirrors on SMI TrafficSplits,
//! Istio VirtualServices and Gateway API HTTPRoutes. Every write is a guarded read-modify-write
//! of the object's whole rule list (`cluster::objects::modify`), so fields osm does not model
//! survive and concurrent edits are re-applied rather than lost; the edits themselves are the
//! pure functions of `model::routing`.

use kube::Resource;
use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::traffic::{
    AnalysisArgs, EventFormat, MatchAddArgs, MatchCommand, MatchRemoveArgs, MetricsArg, MirrorClearArgs,
    MirrorCommand, MirrorSetArgs, NamespaceArg, NoDataAction, RouteApi, RouteArgs, RunArgs, ShiftAction,
    ShiftArgs, ShiftResumeArgs, ShiftStatusArgs, ShiftTargetArgs, SplitCommand, SplitCreateArgs,
    SplitDeleteArgs, SplitGetArgs, SplitListArgs, SplitSetArgs, TargetArgs, TrafficCommand, TrafficGetArgs,
    WriteArgs,
};
use crate::cluster::{Cluster, ObjectRef, Propagation, Select, not_found};
use crate::error::{Error, Result};
use crate::model::canary::{self, Analysis, Gates, MetricsSource, OnNoData, Phase, Queries, ShiftState};
use crate::model::gateway_api as gateway;
use crate::model::istio::routing as istio;
use crate::model::osm::keys::MESH_CONFIG_NAME;
use crate::model::osm::meshconfig::MeshConfig;
use crate::model::routing::{self, Api, Backend, Edit, HeaderKind, HeaderMatch, RoutingTable};
use crate::model::smi::TrafficSplit;
use crate::model::smi::routing::weights_of;
use crate::model::smi::split::{self, SetRequest, Weights};
use crate::ops::routes::{
    Resolver, check_services, edit_for, locate, readiness_of, routing_object, split_edit, workload_of,
};
use crate::ops::shift::{Probe, RunOptions, Runner};
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

fn split_object(namespace: &str, name: &str) -> ObjectRef {
    ObjectRef::to::<TrafficSplit>(Some(namespace), name)
}

fn namespace_of(cluster: &Cluster, arg: &NamespaceArg) -> String {
    arg.namespace.clone().unwrap_or_else(|| cluster.default_namespace().to_string())
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

/// Applies `edit` to NAME: refusals come from the object as read, before any write; `--dry-run`
/// prints the change as a diff of the spec (or, with `-o`, the object as it would be).
async fn write(
    ctx: &Context,
    at: &Located<'_>,
    name: &str,
    edit: &Edit,
    args: &WriteArgs,
    summary: Summary,
) -> Result<()> {
    let (cluster, api, namespace, current) = (at.cluster, at.api, at.namespace.as_str(), &at.object);
    let format = args.output.output;
    let planned = routing::apply(api, current, edit)?;
    if args.dry_run {
        let after = planned.as_ref().map_or_else(|| current.clone(), |p| routing::merged(current, p));
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
    let modified = cluster
        .objects()
        .modify(&routing_object(api, namespace, name), |object| routing::apply(api, object, edit))
        .await?;
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
    if args.api != RouteApi::Smi {
        return create_route(ctx, cluster, args, api_of(args.api), &namespace, &root, &backends).await;
    }
    let object = json!({
        "apiVersion": "split.smi-spec.io/v1alpha2",
        "kind": "TrafficSplit",
        "metadata": { "name": args.name, "namespace": namespace },
        "spec": {
            "service": args.service,
            "backends": backends.iter().map(|(s, w)| json!({"service": s, "weight": w})).collect::<Vec<_>>(),
        },
    });
    if args.dry_run {
        print_object(ctx, args.output.output, &object)?;
        ctx.out.info("dry run: nothing was created");
        return Ok(());
    }
    if let Some(existing) = cluster.objects().get(&split_object(&namespace, &args.name)).await? {
        let same = existing["spec"]["service"] == object["spec"]["service"]
            && weights_of(&existing).ok() == Some(backends.clone());
        if same {
            ctx.out
                .data(&format!("trafficsplit {namespace}/{} already exists with these backends", args.name));
            return Ok(());
        }
        return Err(Error::invalid(format!(
            "trafficsplit {namespace}/{} already exists, with {} -> {}",
            args.name,
            existing["spec"]["service"].as_str().unwrap_or("?"),
            weights_of(&existing).map(|w| split::describe(&w)).unwrap_or_default()
        ))
        .with_hint("change its weights with `osm traffic split set`, or delete it first"));
    }
    let created = cluster.objects().create(&object).await?;
    if args.output.output != OutputFormat::Table {
        return print_object(ctx, args.output.output, &created);
    }
    ctx.out.data(&format!(
        "trafficsplit {namespace}/{} created: {} -> {}",
        args.name,
        args.service,
        split::describe(&split::percentages(&backends))
    ));
    Ok(())
}

/// `split create --api istio|gateway`: a VirtualService for the root host, or an HTTPRoute whose
/// parent is the root Service, its default route split between backends that resolve.
async fn create_route(
    ctx: &Context,
    cluster: &Cluster,
    args: &SplitCreateArgs,
    api: Api,
    namespace: &str,
    root: &str,
    backends: &[(String, u32)],
) -> Result<()> {
    let resolver = Resolver::load(cluster, api, namespace).await?;
    let weights = routing::new_weights(backends);
    let spec = match api {
        Api::Istio => {
            let empty = json!({ "hosts": [args.service] });
            let resolved = weights
                .iter()
                .map(|(name, w)| Ok((resolver.resolve(&empty, name)?, *w)))
                .collect::<Result<Vec<_>>>()?;
            istio::new_spec(&args.service, &resolved)
        }
        _ => {
            let root_port = resolver.services.iter().find(|(n, _)| n == root).and_then(|(_, p)| *p);
            let port = args.port.or(root_port.map(|p| p as u16)).ok_or_else(|| {
                Error::invalid(format!(
                    "no port for the HTTPRoute: Service {root} does not exist in namespace {namespace} or has no port"
                ))
                .with_hint("pass --port, the port clients use on the root Service")
            })?;
            let resolved = weights
                .iter()
                .map(|(name, w)| {
                    if !args.allow_missing_services && !resolver.services.iter().any(|(n, _)| n == name) {
                        return Err(Error::invalid(format!(
                            "{name} is not a Service of namespace {namespace}: a new HTTPRoute's backends are Services"
                        ))
                        .with_hint("check the name, or create the Service first"));
                    }
                    Ok((Backend { name: name.clone(), target: json!({ "name": name, "port": port }) }, *w))
                })
                .collect::<Result<Vec<_>>>()?;
            gateway::new_spec(root, port, &resolved)
        }
    };
    let object = json!({
        "apiVersion": api.api_version(),
        "kind": api.kind(),
        "metadata": { "name": args.name, "namespace": namespace },
        "spec": spec,
    });
    if args.dry_run {
        print_object(ctx, args.output.output, &object)?;
        ctx.out.info("dry run: nothing was created");
        return Ok(());
    }
    let kind = api.kind().to_lowercase();
    if let Some(existing) = cluster.objects().get(&routing_object(api, namespace, &args.name)).await? {
        let wanted = routing::table(api, &object)?.rules;
        if routing::table(api, &existing)?.rules == wanted {
            ctx.out.data(&format!("{kind} {namespace}/{} already exists with these backends", args.name));
            return Ok(());
        }
        return Err(Error::invalid(format!(
            "{kind} {namespace}/{} already exists, routing otherwise",
            args.name
        ))
        .with_hint("change its weights with `osm traffic split set`, or delete it first"));
    }
    let created = cluster.objects().create(&object).await?;
    if args.output.output != OutputFormat::Table {
        return print_object(ctx, args.output.output, &created);
    }
    ctx.out.data(&format!(
        "{kind} {namespace}/{} created: {} -> {}",
        args.name,
        args.service,
        split::describe(
            &split::percentages(backends).into_iter().filter(|(_, w)| *w > 0).collect::<Vec<_>>()
        )
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
    let (api, current) = locate(cluster, &namespace, &args.name, args.api.map(api_of)).await?;
    let edit = split_edit(cluster, api, &namespace, &current, request.clone()).await?;
    if api == Api::Smi && args.add {
        let have = weights_of(&current)?;
        let added: Vec<&str> = request
            .assignments
            .iter()
            .map(|(s, _)| s.as_str())
            .filter(|s| !have.iter().any(|(n, _)| n == s))
            .collect();
        require_services(ctx, cluster, &namespace, &added, args.allow_missing_services).await?;
    }
    let write_args = WriteArgs { dry_run: args.dry_run, output: args.output.clone() };
    let at = Located { cluster, namespace, api, object: current };
    write(ctx, &at, &args.name, &edit, &write_args, Summary::Weights).await
}

async fn get(ctx: &Context, args: &SplitGetArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let Some(object) = cluster.objects().get(&split_object(&namespace, &args.name)).await? else {
        return Err(not_found(&split_object(&namespace, &args.name))
            .with_hint("`osm traffic split list -A` shows the TrafficSplits there are"));
    };
    ctx.out.print(args.output.output, &SplitView::from_object(&object)?)
}

async fn list(ctx: &Context, args: &SplitListArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = (!args.all_namespaces).then(|| namespace_of(cluster, &args.namespace));
    let (api_version, kind) = (TrafficSplit::api_version(&()), TrafficSplit::kind(&()));
    let mut objects = cluster.objects().list(&api_version, &kind, namespace.as_deref(), Select::ALL).await?;
    objects.sort_by_key(|o| (o["metadata"]["namespace"].to_string(), o["metadata"]["name"].to_string()));
    let views = objects.iter().map(SplitView::from_object).collect::<Result<Vec<_>>>()?;
    ctx.out.print(args.output.output, &SplitList(views))
}

async fn delete(ctx: &Context, args: &SplitDeleteArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    if cluster.objects().delete(&split_object(&namespace, &args.name), Propagation::ServerDefault).await? {
        ctx.out.data(&format!("trafficsplit {namespace}/{} deleted", args.name));
    } else {
        ctx.out.data(&format!("trafficsplit {namespace}/{} does not exist; nothing to delete", args.name));
    }
    Ok(())
}

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
    let (api, current) = locate(cluster, &namespace, &name, args.api.map(api_of)).await?;
    routing::check_writable(api, &current)?;
    let queries = match &gates {
        Some(gates) => {
            let source = match args.analysis.metrics {
                Some(MetricsArg::Osm) => MetricsSource::Osm,
                Some(MetricsArg::Envoy) => MetricsSource::Envoy,
                Some(MetricsArg::Istio) => MetricsSource::Istio,
                None if api == Api::Istio => MetricsSource::Istio,
                None => {
                    let wasm = wasm_stats(cluster, &ctx.global.osm_namespace).await;
                    let source = canary::osm_source(wasm);
                    if source == MetricsSource::Envoy {
                        ctx.out.info(&format!(
                            "MeshConfig {}/{MESH_CONFIG_NAME} turns WASM stats off: reading Envoy's counters (--metrics envoy)",
                            ctx.global.osm_namespace
                        ));
                    }
                    source
                }
            };
            Some(queries_of(&args.analysis, source, gates)?)
        }
        None => None,
    };
    let mut weights = routing::default_weights(api, &current)?;
    if api != Api::Smi && !weights.iter().any(|(n, _)| *n == to) {
        // A subset or Service new to the route joins it at 0% and grows from there; resolving
        // it now refuses a name that means nothing before any write.
        Resolver::load(cluster, api, &namespace).await?.resolve(&current["spec"], &to)?;
        weights.push((to.clone(), 0));
    }
    let plan = split::plan_shift(&weights, &to, args.step, until)?;
    let target = |weights: &Weights| weights.iter().find(|(s, _)| *s == to).map_or(0, |(_, w)| *w);
    if plan.is_empty() {
        ctx.out.data(&format!(
            "{namespace}/{name}: {to} already has {}% (--until {until}); nothing to shift",
            target(&weights),
        ));
        return Ok(());
    }
    let stable = canary::stable_backend(&weights, &to).unwrap_or_default();
    // Traffic sent to pods that are not ready fails: refuse before the first step, with why.
    if !args.dry_run
        && let Some(readiness) = readiness_of(cluster, api, &namespace, &current, &to).await?
        && readiness.pods > 0
        && readiness.unready.len() == readiness.pods
    {
        let why: Vec<String> =
            readiness.unready.iter().map(|(pod, why)| format!("pod {pod}: {why}")).collect();
        return Err(Error::failed(format!(
            "no pod of {to} is ready, so it cannot take traffic; nothing was shifted:\n  {}",
            why.join("\n  ")
        ))
        .with_hint(format!(
            "shift once its pods are ready: kubectl get pods -n {namespace} -l {}",
            readiness.query
        )));
    }
    if !args.dry_run
        && let Some(earlier) = ShiftState::from_object(&current).ok().flatten()
        && !earlier.phase.is_final()
    {
        ctx.out.warn(&format!(
            "replacing the shift recorded on {namespace}/{name} ({} to {}, step {}); if another osm still runs it, stop that one",
            earlier.phase.name(),
            earlier.to,
            earlier.steps_done
        ));
    }
    if args.dry_run {
        let mut lines = vec![format!(
            "# dry run: {} steps, {} apart; nothing was changed",
            plan.len(),
            crate::output::format_duration(args.interval)
        )];
        lines.extend(plan.iter().enumerate().map(|(i, w)| format!("step {}: {}", i + 1, split::describe(w))));
        if let (Some(gates), Some((metrics, queries))) = (&gates, &queries) {
            lines.push(format!("# after each step below 100%: {}", gates.describe()));
            lines.push(format!("# {} metrics of {to} and {stable}, e.g. for {to}:", metrics.name()));
            let workload = match workload_of(cluster, api, &namespace, &current, &to).await {
                Ok(w) => w,
                Err(e) => format!("<workload of {to}: {}>", e.message),
            };
            for (what, query) in queries.list() {
                lines.push(format!(
                    "#   {what}: {}",
                    canary::render(query, &namespace, &workload, args.interval)
                ));
            }
        }
        let edit =
            edit_for(cluster, api, &namespace, &current, &to, target(plan.last().expect("a step"))).await?;
        if let Some(patch) = routing::apply(api, &current, &edit)? {
            let label = format!("{} {namespace}/{name}", api.kind());
            lines.push(crate::output::diff(
                &format!("{label} (now)"),
                &format!("{label} (after the last step)"),
                &to_yaml(&current["spec"])?,
                &to_yaml(&routing::merged(&current, &patch)["spec"])?,
            ));
        }
        ctx.out.data(&lines.join("\n"));
        return Ok(());
    }
    let mut state = ShiftState {
        to: to.clone(),
        stable: stable.clone(),
        step: args.step,
        until,
        wait_for_promotion: args.max_weight.is_some(),
        interval_ms: args.interval.as_millis() as u64,
        phase: Phase::Progressing,
        weight: target(&weights),
        steps_done: 0,
        failures: 0,
        analysis: None,
        message: String::new(),
    };
    let mut probe = None;
    if let (Some(gates), Some((metrics, queries))) = (gates, queries) {
        if stable.is_empty() {
            return Err(Error::invalid(format!(
                "{to} is the only backend of {namespace}/{name}: there is no stable backend to roll back to"
            ))
            .with_hint("add the stable version as a backend first"));
        }
        let canary_workload = workload_of(cluster, api, &namespace, &current, &to).await?;
        let stable_workload = workload_of(cluster, api, &namespace, &current, &stable).await?;
        // Stored only without credentials: the annotation is readable by anyone who can read the object.
        let stored =
            args.run.prometheus.as_ref().filter(|u| u.username().is_empty() && u.password().is_none());
        let analysis = Analysis {
            gates,
            metrics,
            queries,
            prometheus: stored.map(|u| u.to_string()),
            canary_workload,
            stable_workload,
        };
        let p = Probe::connect(
            &ctx.out,
            &ctx.global.osm_namespace,
            cluster,
            api,
            args.run.prometheus.clone(),
            None,
        )
        .await?;
        p.validate(&namespace, &analysis, args.interval).await?;
        state.analysis = Some(analysis);
        probe = Some(p);
    }
    let runner =
        Runner { out: &ctx.out, cluster, api, namespace, name, probe, options: run_options(&args.run) };
    runner.run(state, false).await
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

/// `featureFlags.enableWASMStats` of the mesh's MeshConfig, when it can be read.
async fn wasm_stats(cluster: &Cluster, osm_namespace: &str) -> Option<bool> {
    let mesh_config = ObjectRef::to::<MeshConfig>(Some(osm_namespace), MESH_CONFIG_NAME);
    let object = cluster.objects().get_if_served(&mesh_config).await.ok()??;
    object["spec"]["featureFlags"]["enableWASMStats"].as_bool()
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
            target.name,
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
    let (at, mut state) = recorded(ctx, &args.target).await?;
    let name = &args.target.name;
    if state.phase.is_final() {
        return Err(ended(&at, name, &state));
    }
    let winner = if promote { state.to.clone() } else { state.stable.clone() };
    let edit = edit_for(at.cluster, at.api, &at.namespace, &at.object, &winner, 100).await?;
    if promote {
        state.phase = Phase::Promoted;
        state.message = format!("promoted by hand from {}%", state.weight);
        state.weight = 100;
    } else {
        state.phase = Phase::Aborted;
        state.message = format!("aborted by hand at {}%", state.weight);
        state.weight = 0;
    }
    let runner = Runner {
        out: &ctx.out,
        cluster: at.cluster,
        api: at.api,
        namespace: at.namespace.clone(),
        name: name.clone(),
        probe: None,
        options: RunOptions::default(),
    };
    let weights = runner.write(&state, Some(&edit)).await?;
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
    let probe = match &state.analysis {
        Some(analysis) => {
            let p = Probe::connect(
                &ctx.out,
                &ctx.global.osm_namespace,
                at.cluster,
                at.api,
                args.run.prometheus.clone(),
                analysis.prometheus.as_deref(),
            )
            .await?;
            p.validate(&at.namespace, analysis, state.interval()).await?;
            Some(p)
        }
        None => None,
    };
    let runner = Runner {
        out: &ctx.out,
        cluster: at.cluster,
        api: at.api,
        namespace: at.namespace.clone(),
        name: name.clone(),
        probe,
        options: run_options(&args.run),
    };
    runner.run(state, true).await
}

fn run_options(run: &RunArgs) -> RunOptions {
    RunOptions {
        json_events: run.output == EventFormat::Json,
        rollback_on_interrupt: run.rollback_on_interrupt,
    }
}

/// A routing object found by name, as read, with what later steps need to edit it.
struct Located<'a> {
    cluster: &'a Cluster,
    namespace: String,
    api: Api,
    object: Value,
}

async fn located<'a>(ctx: &'a Context, target: &TargetArgs) -> Result<Located<'a>> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &target.namespace);
    let (api, object) = locate(cluster, &namespace, &target.name, target.api.map(api_of)).await?;
    Ok(Located { cluster, namespace, api, object })
}

async fn resolve_one(at: &Located<'_>, name: &str) -> Result<Backend> {
    Resolver::load(at.cluster, at.api, &at.namespace).await?.resolve(&at.object["spec"], name)
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
        Edit::route(resolve_one(&at, &args.to).await?)
    };
    let name = &args.target.name;
    write(ctx, &at, name, &edit, &args.write, Summary::Weights).await
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
    let to = resolve_one(&at, &args.to).await?;
    let edit = Edit::MatchAdd { header: HeaderMatch { name: key, kind, value }, to };
    let name = &args.target.name;
    write(ctx, &at, name, &edit, &args.write, Summary::Table).await
}

async fn match_remove(ctx: &Context, args: &MatchRemoveArgs) -> Result<()> {
    let at = located(ctx, &args.target).await?;
    let edit = Edit::MatchRemove { name: args.header.clone() };
    let name = &args.target.name;
    write(ctx, &at, name, &edit, &args.write, Summary::Table).await
}

async fn mirror_set(ctx: &Context, args: &MirrorSetArgs) -> Result<()> {
    let percent = routing::check_percent("--percent", args.percent)?;
    let at = located(ctx, &args.target).await?;
    if at.api == Api::Smi {
        return Err(crate::model::smi::routing::cannot("mirroring"));
    }
    let to = resolve_one(&at, &args.to).await?;
    let edit = Edit::MirrorSet { to, percent };
    let name = &args.target.name;
    write(ctx, &at, name, &edit, &args.write, Summary::Table).await
}

async fn mirror_clear(ctx: &Context, args: &MirrorClearArgs) -> Result<()> {
    let at = located(ctx, &args.target).await?;
    let name = &args.target.name;
    let edit = Edit::MirrorClear;
    write(ctx, &at, name, &edit, &args.write, Summary::Table).await
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
