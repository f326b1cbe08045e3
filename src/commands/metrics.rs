//! `osm metrics enable|disable`: Prometheus scraping of the sidecars of meshed namespaces.
//!
//! The namespace annotation tells the injector to annotate new pods; pods that already run are
//! annotated here directly, without restarting them.

use kube::ResourceExt;
use serde_json::{Value, json};

use crate::cli::metrics::{MetricsArgs, MetricsCommand, MetricsTarget};
use crate::error::{Error, Result};
use crate::model::membership::{Membership, validate_names};
use crate::model::osm::keys::METRICS_ANNOTATION;

use super::Context;
use super::each_namespace::for_each_namespace;
use crate::ops::metrics;
use crate::ops::namespaces::{Done, fetch_namespaces, patch_namespace};

/// Refuses (exit 4) before any write when a namespace is missing or in no mesh; then annotates each
/// namespace and its running meshed pods (without restarting them), exit 1 naming any that failed.
pub async fn run(ctx: &Context, args: MetricsArgs) -> Result<()> {
    match args.command {
        MetricsCommand::Enable(target) => set_metrics(ctx, target, true).await,
        MetricsCommand::Disable(target) => set_metrics(ctx, target, false).await,
    }
}

async fn set_metrics(ctx: &Context, target: MetricsTarget, enable: bool) -> Result<()> {
    let names = target.names();
    if names.is_empty() {
        return Err(Error::usage("no namespace given").with_hint(
            "name them with --namespace NS[,NS...], e.g. osm metrics enable --namespace bookstore",
        ));
    }
    validate_names(&names)?;
    let cluster = ctx.cluster().await?;
    let namespaces = fetch_namespaces(cluster, &names).await?;
    let outside: Vec<String> = namespaces
        .iter()
        .filter(|ns| Membership::of(ns).mesh.is_none())
        .map(|ns| format!("[{}]", ns.name_any()))
        .collect();
    if !outside.is_empty() {
        return Err(Error::invalid(format!(
            "namespace {} is not in a mesh; nothing was changed",
            outside.join(", ")
        ))
        .with_hint(format!("add it first: osm namespace add {}", outside[0].trim_matches(['[', ']']))));
    }
    let what = if enable { "enabling metrics" } else { "disabling metrics" };
    for_each_namespace(&ctx.out, target.output.output, &namespaces, what, |ns| {
        async move {
            let name = ns.name_any();
            let namespace_done = Membership::of(ns).metrics == enable;
            if !namespace_done {
                let value = if enable { json!("enabled") } else { Value::Null };
                let patch = json!({"metadata": {"annotations": {METRICS_ANNOTATION: value}}});
                patch_namespace(cluster, &name, &patch).await?;
            }
            let pods_changed = metrics::annotate_pods(cluster, &name, enable).await?;
            let state = if enable { "enabled" } else { "disabled" };
            if namespace_done && pods_changed == 0 {
                return Ok(Done::unchanged(format!("Metrics already {state} in namespace [{name}]")));
            }
            // The Go CLI's exact line on stdout; the pod count goes to stderr.
            let mut done = Done::changed(format!("Metrics successfully {state} in namespace [{name}]"));
            if pods_changed > 0 {
                let pods = if pods_changed == 1 { "pod" } else { "pods" };
                done.hints.push(format!(
                    "{pods_changed} meshed {pods} in namespace [{name}] annotated for scraping"
                ));
            }
            Ok(done)
        }
    })
    .await
}
