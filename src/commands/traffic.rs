//! `osm traffic ...`: weighted splits, shifts, header matches and mirrors on SMI TrafficSplits,
//! Istio VirtualServices and Gateway API HTTPRoutes. Every write is a guarded read-modify-write
//! of the object's whole rule list (`cluster::objects::modify`), so fields osm does not model
//! survive and concurrent edits are re-applied rather than lost; the edits themselves are the
//! pure functions of `mesh::routing`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use k8s_openapi::api::core::v1::Service;
use kube::api::{Api as KubeApi, ListParams};
use kube::core::ApiResource;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::cli::OutputFormat;
use crate::cli::traffic::{
    MatchAddArgs, MatchCommand, MatchRemoveArgs, MirrorClearArgs, MirrorCommand, MirrorSetArgs, NamespaceArg,
    RouteApi, RouteArgs, ShiftArgs, SplitCommand, SplitCreateArgs, SplitDeleteArgs, SplitGetArgs,
    SplitListArgs, SplitSetArgs, TargetArgs, TrafficCommand, TrafficGetArgs, WriteArgs,
};
use crate::cluster::{Cluster, not_found};
use crate::error::{Error, Result};
use crate::mesh::routing::smi::weights_of;
use crate::mesh::routing::{self, Api, Backend, Edit, HeaderKind, HeaderMatch, RoutingTable, gateway, istio};
use crate::mesh::smi::TrafficSplit;
use crate::mesh::split::{self, SetRequest, Weights};
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

fn resource() -> ApiResource {
    ApiResource::erase::<TrafficSplit>(&())
}

fn namespace_of(cluster: &Cluster, arg: &NamespaceArg) -> String {
    arg.namespace.clone().unwrap_or_else(|| cluster.client.default_namespace().to_string())
}

fn api_of(api: RouteApi) -> Api {
    match api {
        RouteApi::Smi => Api::Smi,
        RouteApi::Istio => Api::Istio,
        RouteApi::Gateway => Api::Gateway,
    }
}

/// The routing object NAME: of the API given, or whichever of the three exists. An API whose
/// CRD is not installed simply has no such object.
async fn locate(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    api: Option<RouteApi>,
) -> Result<(Api, Value)> {
    let candidates: Vec<Api> = match api {
        Some(api) => vec![api_of(api)],
        None => Api::ALL.to_vec(),
    };
    let reads = futures::future::join_all(candidates.iter().map(|api| {
        let resource = api.resource();
        async move { cluster.get_json_if_served(&resource, namespace, name).await }
    }))
    .await;
    let mut found = Vec::new();
    for (api, read) in candidates.iter().zip(reads) {
        if let Some(object) = read? {
            found.push((*api, object));
        }
    }
    match found.len() {
        0 if candidates.len() == 1 => Err(not_found(&candidates[0].resource(), namespace, name)
            .with_hint(format!("`kubectl get {} -n {namespace}` lists them", candidates[0].resource().plural))),
        0 => Err(Error::invalid(format!(
            "{name} does not exist in namespace {namespace}: no TrafficSplit, VirtualService or HTTPRoute has that name"
        ))
        .with_hint(format!("`kubectl get trafficsplits,virtualservices,httproutes -n {namespace}` lists them"))),
        1 => Ok(found.remove(0)),
        _ => {
            let kinds: Vec<&str> = found.iter().map(|(api, _)| api.kind()).collect();
            let flags: Vec<&str> = found.iter().map(|(api, _)| api.flag()).collect();
            Err(Error::invalid(format!(
                "{name} in namespace {namespace} is ambiguous: a {} of that name exist",
                kinds.join(" and a ")
            ))
            .with_hint(format!("say which with --api {}", flags.join(" or --api "))))
        }
    }
}

fn destination_rules() -> ApiResource {
    ApiResource {
        group: "networking.istio.io".into(),
        version: "v1".into(),
        api_version: "networking.istio.io/v1".into(),
        kind: "DestinationRule".into(),
        plural: "destinationrules".into(),
    }
}

/// What BACKEND names resolve against: the namespace's Services and DestinationRules.
struct Resolver {
    api: Api,
    namespace: String,
    destination_rules: Vec<Value>,
    /// Service names with their first port.
    services: Vec<(String, Option<u64>)>,
}

impl Resolver {
    async fn load(cluster: &Cluster, api: Api, namespace: &str) -> Result<Self> {
        let services: KubeApi<Service> = KubeApi::namespaced(cluster.client.clone(), namespace);
        let services = services
            .list(&ListParams::default())
            .await
            .map_err(cluster.err(format!("listing Services in namespace {namespace}")))?
            .items
            .into_iter()
            .map(|s| {
                let port =
                    s.spec.as_ref().and_then(|spec| spec.ports.as_ref()?.first().map(|p| p.port as u64));
                (s.metadata.name.unwrap_or_default(), port)
            })
            .collect();
        let destination_rules = if api == Api::Istio {
            // No DestinationRule CRD means no subsets, which resolution then says.
            cluster.list_json_if_served(&destination_rules(), Some(namespace)).await?
        } else {
            Vec::new()
        };
        Ok(Resolver { api, namespace: namespace.to_string(), destination_rules, services })
    }

    fn service_names(&self) -> Vec<String> {
        self.services.iter().map(|(n, _)| n.clone()).collect()
    }

    fn resolve(&self, spec: &Value, name: &str) -> Result<Backend> {
        match self.api {
            Api::Smi => Ok(Backend { name: name.into(), target: json!({}) }),
            Api::Istio => {
                let host = istio::route_host(spec).ok_or_else(|| {
                    Error::invalid("the VirtualService names no host to route to").with_hint("add spec.hosts")
                })?;
                let rule = istio::destination_rule_for(&self.destination_rules, &host, &self.namespace);
                istio::resolve(spec, name, &host, rule, &self.service_names())
            }
            Api::Gateway => {
                let service = self.services.iter().find(|(n, _)| n == name);
                gateway::resolve(spec, name, service.and_then(|(_, p)| *p), service.is_some())
            }
        }
    }
}

/// The edit for new percentages of the default route. TrafficSplits keep their `--add` rule;
/// VirtualServices and HTTPRoutes take any backend that resolves (a defined subset, a Service).
async fn split_edit(
    cluster: &Cluster,
    api: Api,
    namespace: &str,
    current: &Value,
    mut request: SetRequest,
) -> Result<Edit> {
    if api == Api::Smi {
        return Ok(Edit::Split { request, backends: Vec::new() });
    }
    let have = routing::default_weights(api, current)?;
    let resolver = Resolver::load(cluster, api, namespace).await?;
    let mut backends = Vec::new();
    for (name, _) in &request.assignments {
        if !have.iter().any(|(n, _)| n == name) {
            backends.push(resolver.resolve(&current["spec"], name)?);
        }
    }
    request.add = true;
    Ok(Edit::Split { request, backends })
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
    let modified =
        cluster.modify(&api.resource(), namespace, name, |object| routing::apply(api, object, edit)).await?;
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

async fn warn_missing_services(ctx: &Context, cluster: &Cluster, namespace: &str, names: &[&str]) {
    let services: KubeApi<Service> = KubeApi::namespaced(cluster.client.clone(), namespace);
    for name in names {
        if let Ok(None) = services.get_opt(name).await {
            ctx.out.warn(&format!(
                "Service {name} does not exist in namespace {namespace}: the split sends nothing there until it does"
            ));
        }
    }
}

async fn create(ctx: &Context, args: &SplitCreateArgs) -> Result<()> {
    let backends: Weights = args.backends.iter().map(|b| split::parse_backend(b)).collect::<Result<_>>()?;
    split::check_new(&backends)?;
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let root = check_root(&args.service, &namespace)?;
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
    let mut names: Vec<&str> = vec![root.as_str()];
    names.extend(backends.iter().map(|(s, _)| s.as_str()));
    warn_missing_services(ctx, cluster, &namespace, &names).await;
    if let Some(existing) = cluster.get_json(&resource(), &namespace, &args.name).await? {
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
    let created = cluster.create_json(&resource(), &namespace, &object).await?;
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
                    if !resolver.services.iter().any(|(n, _)| n == name) {
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
    if let Some(existing) = cluster.get_json(&api.resource(), namespace, &args.name).await? {
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
    let created = cluster.create_json(&api.resource(), namespace, &object).await?;
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
    let (api, current) = locate(cluster, &namespace, &args.name, args.api).await?;
    let edit = split_edit(cluster, api, &namespace, &current, request.clone()).await?;
    if api == Api::Smi && args.add && !args.dry_run {
        let have = weights_of(&current)?;
        let added: Vec<&str> = request
            .assignments
            .iter()
            .map(|(s, _)| s.as_str())
            .filter(|s| !have.iter().any(|(n, _)| n == s))
            .collect();
        warn_missing_services(ctx, cluster, &namespace, &added).await;
    }
    let write_args = WriteArgs { dry_run: args.dry_run, output: args.output.clone() };
    let at = Located { cluster, namespace, api, object: current };
    write(ctx, &at, &args.name, &edit, &write_args, Summary::Weights).await
}

async fn get(ctx: &Context, args: &SplitGetArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let Some(object) = cluster.get_json(&resource(), &namespace, &args.name).await? else {
        return Err(not_found(&resource(), &namespace, &args.name)
            .with_hint("`osm traffic split list -A` shows the TrafficSplits there are"));
    };
    ctx.out.print(args.output.output, &SplitView::from_object(&object)?)
}

async fn list(ctx: &Context, args: &SplitListArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = (!args.all_namespaces).then(|| namespace_of(cluster, &args.namespace));
    let mut objects = cluster.list_json(&resource(), namespace.as_deref()).await?;
    objects.sort_by_key(|o| (o["metadata"]["namespace"].to_string(), o["metadata"]["name"].to_string()));
    let views = objects.iter().map(SplitView::from_object).collect::<Result<Vec<_>>>()?;
    ctx.out.print(args.output.output, &SplitList(views))
}

async fn delete(ctx: &Context, args: &SplitDeleteArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    if cluster.delete_object(&resource(), &namespace, &args.name).await? {
        ctx.out.data(&format!("trafficsplit {namespace}/{} deleted", args.name));
    } else {
        ctx.out.data(&format!("trafficsplit {namespace}/{} does not exist; nothing to delete", args.name));
    }
    Ok(())
}

/// Set on SIGINT; the shift finishes the write in flight, then stops.
struct Interrupt {
    raised: AtomicBool,
    wake: Notify,
}

fn watch_interrupt() -> Result<Arc<Interrupt>> {
    let interrupt = Arc::new(Interrupt { raised: AtomicBool::new(false), wake: Notify::new() });
    let flag = interrupt.clone();
    // Registered before the first write, so Ctrl-C never kills the process mid-request.
    #[cfg(unix)]
    let mut signals = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .map_err(|e| Error::failed(format!("cannot watch for Ctrl-C: {e}")))?;
    tokio::spawn(async move {
        #[cfg(unix)]
        signals.recv().await;
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        flag.raised.store(true, Ordering::SeqCst);
        flag.wake.notify_one();
    });
    Ok(interrupt)
}

async fn shift(ctx: &Context, args: &ShiftArgs) -> Result<()> {
    if args.step == 0 || args.step > 100 {
        return Err(Error::invalid(format!("--step {}: use a percentage from 1 to 100", args.step)));
    }
    if args.until > 100 {
        return Err(Error::invalid(format!("--until {}: use a percentage from 0 to 100", args.until)));
    }
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let (api, current) = locate(cluster, &namespace, &args.name, args.api).await?;
    routing::check_writable(api, &current)?;
    let mut weights = routing::default_weights(api, &current)?;
    let mut to_backend = Vec::new();
    if api != Api::Smi && !weights.iter().any(|(n, _)| *n == args.to) {
        // A subset or Service new to the route joins it at 0% and grows from there.
        let resolver = Resolver::load(cluster, api, &namespace).await?;
        to_backend.push(resolver.resolve(&current["spec"], &args.to)?);
        weights.push((args.to.clone(), 0));
    }
    let plan = split::plan_shift(&weights, &args.to, args.step, args.until)?;
    let target = |weights: &Weights| weights.iter().find(|(s, _)| *s == args.to).map_or(0, |(_, w)| *w);
    let step_edit = |percent: u32| Edit::Split {
        request: SetRequest {
            assignments: vec![(args.to.clone(), percent)],
            equal: false,
            add: api != Api::Smi,
        },
        backends: to_backend.clone(),
    };
    if plan.is_empty() {
        ctx.out.data(&format!(
            "{namespace}/{}: {} already has {}% (--until {}); nothing to shift",
            args.name,
            args.to,
            target(&weights),
            args.until
        ));
        return Ok(());
    }
    if args.dry_run {
        let mut lines = vec![format!(
            "# dry run: {} steps, {} apart; nothing was changed",
            plan.len(),
            humantime(args.interval)
        )];
        lines.extend(plan.iter().enumerate().map(|(i, w)| format!("step {}: {}", i + 1, split::describe(w))));
        let last = plan.last().map(target).unwrap_or_default();
        if let Some(patch) = routing::apply(api, &current, &step_edit(last))? {
            let label = format!("{} {namespace}/{}", api.kind(), args.name);
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
    let interrupt = watch_interrupt()?;
    let progress =
        ctx.out.bar(plan.len() as u64, &format!("shifting {namespace}/{} to {}", args.name, args.to));
    let mut last: Weights = weights.clone();
    for (i, step) in plan.iter().enumerate() {
        let percent = target(step);
        let edit = step_edit(percent);
        let modified = cluster
            .modify(&api.resource(), &namespace, &args.name, |object| routing::apply(api, object, &edit))
            .await;
        let modified = match modified {
            Ok(m) => m,
            Err(e) => {
                progress.fail(&format!("step {} of {} failed", i + 1, plan.len()));
                return Err(e.context(format!("shifting {} to {percent}%", args.to)));
            }
        };
        last = routing::default_weights(api, &modified.after)?;
        progress.set_position(i as u64 + 1);
        progress.set_message(&format!("step {}/{}: {}", i + 1, plan.len(), split::describe(&last)));
        if interrupt.raised.load(Ordering::SeqCst) {
            break;
        }
        if i + 1 < plan.len() {
            tokio::select! {
                _ = tokio::time::sleep(args.interval) => {}
                _ = interrupt.wake.notified() => {}
            }
            if interrupt.raised.load(Ordering::SeqCst) {
                break;
            }
        }
    }
    if interrupt.raised.load(Ordering::SeqCst) {
        progress.fail("interrupted");
        ctx.out.data(&format!("{namespace}/{}: {}", args.name, split::describe(&last)));
        return Err(Error::failed(format!(
            "shift interrupted; the weights left in place are {}",
            split::describe(&last)
        ))
        .with_hint(format!(
            "run the same command again to continue: osm traffic shift {} -n {namespace} --to {}",
            args.name, args.to
        )));
    }
    progress.succeed(&format!("{} now has {}%", args.to, target(&last)));
    ctx.out.data(&format!("{namespace}/{}: {}", args.name, split::describe(&last)));
    Ok(())
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
    let (api, object) = locate(cluster, &namespace, &target.name, target.api).await?;
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
        return Err(routing::smi::cannot("header matches"));
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
        return Err(routing::smi::cannot("mirroring"));
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

fn humantime(d: std::time::Duration) -> String {
    let secs = d.as_secs_f64();
    if secs >= 60.0 && secs.fract() == 0.0 && (secs as u64).is_multiple_of(60) {
        format!("{}m", secs as u64 / 60)
    } else if secs >= 1.0 || secs == 0.0 {
        format!("{}s", secs)
    } else {
        format!("{}ms", d.as_millis())
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
