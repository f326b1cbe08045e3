//! `osm traffic split ...` and `osm traffic shift`: SMI TrafficSplits edited by percentage.
//! Every write is a guarded read-modify-write on the JSON object, so fields osm does not model
//! survive and concurrent edits are re-applied rather than lost.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use k8s_openapi::api::core::v1::Service;
use kube::api::Api;
use kube::core::ApiResource;
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::cli::traffic::{
    NamespaceArg, ShiftArgs, SplitCommand, SplitCreateArgs, SplitDeleteArgs, SplitGetArgs, SplitListArgs,
    SplitSetArgs, TrafficCommand,
};
use crate::cluster::{Cluster, not_found};
use crate::error::{Error, Result};
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
    }
}

fn resource() -> ApiResource {
    ApiResource::erase::<TrafficSplit>(&())
}

fn namespace_of(cluster: &Cluster, arg: &NamespaceArg) -> String {
    arg.namespace.clone().unwrap_or_else(|| cluster.client.default_namespace().to_string())
}

/// The backends' names and weights as stored.
fn weights_of(object: &Value) -> Result<Weights> {
    let name = object["metadata"]["name"].as_str().unwrap_or("?");
    let backends = object["spec"]["backends"].as_array().cloned().unwrap_or_default();
    backends
        .iter()
        .map(|b| {
            let service = b["service"].as_str().unwrap_or_default().to_string();
            let weight =
                b["weight"].as_i64().filter(|w| *w >= 0 && *w <= i64::from(u32::MAX)).ok_or_else(|| {
                    Error::invalid(format!(
                        "TrafficSplit {name}: backend {service} has no valid weight ({})",
                        b["weight"]
                    ))
                    .with_hint("fix it with `osm traffic split set` naming every backend")
                })?;
            Ok((service, weight as u32))
        })
        .collect()
}

/// The `spec.backends` array with new weights, keeping each entry's other fields.
fn backends_with(object: &Value, weights: &[(String, u32)]) -> Value {
    let existing = object["spec"]["backends"].as_array().cloned().unwrap_or_default();
    Value::Array(
        weights
            .iter()
            .map(|(service, weight)| {
                let mut entry = existing
                    .iter()
                    .find(|b| b["service"] == service.as_str())
                    .cloned()
                    .unwrap_or_else(|| json!({ "service": service }));
                entry["weight"] = json!(weight);
                entry
            })
            .collect(),
    )
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
    let services: Api<Service> = Api::namespaced(cluster.client.clone(), namespace);
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
        ctx.out.data(&to_yaml(&object)?);
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
    cluster.create_json(&resource(), &namespace, &object).await?;
    ctx.out.data(&format!(
        "trafficsplit {namespace}/{} created: {} -> {}",
        args.name,
        args.service,
        split::describe(&split::percentages(&backends))
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
        .collect::<Vec<_>>()
        .join(", ")
}

async fn set(ctx: &Context, args: &SplitSetArgs) -> Result<()> {
    let assignments: Weights =
        args.assignments.iter().map(|a| split::parse_assignment(a)).collect::<Result<_>>()?;
    let request = SetRequest { assignments, equal: args.equal, add: args.add };
    let cluster = ctx.cluster().await?;
    let namespace = namespace_of(cluster, &args.namespace);
    let Some(current) = cluster.get_json(&resource(), &namespace, &args.name).await? else {
        return Err(not_found(&resource(), &namespace, &args.name)
            .with_hint("`osm traffic split list -A` shows the TrafficSplits there are"));
    };
    // Checked against the split as read now, so bad input fails before any write.
    let planned = split::plan_set(&weights_of(&current)?, &request)?;
    if args.dry_run {
        ctx.out.data(&format!(
            "# dry run: nothing was changed\n{namespace}/{}: {}",
            args.name,
            describe_change(&weights_of(&current)?, &planned)
        ));
        return Ok(());
    }
    if args.add {
        let added: Vec<&str> = request
            .assignments
            .iter()
            .map(|(s, _)| s.as_str())
            .filter(|s| !weights_of(&current).unwrap_or_default().iter().any(|(n, _)| n == s))
            .collect();
        warn_missing_services(ctx, cluster, &namespace, &added).await;
    }
    let modified = cluster
        .modify(&resource(), &namespace, &args.name, |object| {
            let weights = weights_of(object)?;
            let next = split::plan_set(&weights, &request)?;
            Ok((next != weights).then(|| json!({ "spec": { "backends": backends_with(object, &next) } })))
        })
        .await?;
    let before = weights_of(&modified.before)?;
    let after = weights_of(&modified.after)?;
    if modified.patch.is_none() {
        ctx.out.data(&format!("{namespace}/{}: already {}", args.name, split::describe(&after)));
    } else {
        ctx.out.data(&format!("{namespace}/{}: {}", args.name, describe_change(&before, &after)));
    }
    Ok(())
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
    let Some(current) = cluster.get_json(&resource(), &namespace, &args.name).await? else {
        return Err(not_found(&resource(), &namespace, &args.name)
            .with_hint("`osm traffic split list -A` shows the TrafficSplits there are"));
    };
    let plan = split::plan_shift(&weights_of(&current)?, &args.to, args.step, args.until)?;
    let target = |weights: &Weights| weights.iter().find(|(s, _)| *s == args.to).map_or(0, |(_, w)| *w);
    if plan.is_empty() {
        ctx.out.data(&format!(
            "{namespace}/{}: {} already has {}% (--until {}); nothing to shift",
            args.name,
            args.to,
            target(&split::percentages(&weights_of(&current)?)),
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
        ctx.out.data(&lines.join("\n"));
        return Ok(());
    }
    let interrupt = watch_interrupt()?;
    let progress =
        ctx.out.bar(plan.len() as u64, &format!("shifting {namespace}/{} to {}", args.name, args.to));
    let mut last: Weights = weights_of(&current)?;
    for (i, step) in plan.iter().enumerate() {
        let percent = target(step);
        let request = SetRequest { assignments: vec![(args.to.clone(), percent)], ..Default::default() };
        let modified = cluster
            .modify(&resource(), &namespace, &args.name, |object| {
                let weights = weights_of(object)?;
                let next = split::plan_set(&weights, &request)?;
                Ok((next != weights).then(|| json!({ "spec": { "backends": backends_with(object, &next) } })))
            })
            .await;
        let modified = match modified {
            Ok(m) => m,
            Err(e) => {
                progress.fail(&format!("step {} of {} failed", i + 1, plan.len()));
                return Err(e.context(format!("shifting {} to {percent}%", args.to)));
            }
        };
        last = weights_of(&modified.after)?;
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
    fn backends_keep_unknown_fields() {
        let object = json!({"spec": {"backends": [
            {"service": "v1", "weight": 50, "note": "keep"},
            {"service": "v2", "weight": 50}
        ]}});
        let weights = vec![("v1".to_string(), 0), ("v2".to_string(), 100), ("v3".to_string(), 0)];
        assert_eq!(
            backends_with(&object, &weights),
            json!([{"service": "v1", "weight": 0, "note": "keep"}, {"service": "v2", "weight": 100}, {"service": "v3", "weight": 0}])
        );
    }

    #[test]
    fn share_bars() {
        assert_eq!(bar(0), "..........");
        assert_eq!(bar(50), "#####.....");
        assert_eq!(bar(100), "##########");
    }
}
