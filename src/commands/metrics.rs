//! `osm metrics enable|disable`: Prometheus scraping of the sidecars of meshed namespaces.
//!
//! The namespace annotation tells the injector to annotate new pods; pods that already run are
//! annotated here directly, without restarting them.

use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use serde_json::{Value, json};

use crate::cli::metrics::{MetricsArgs, MetricsCommand, MetricsTarget};
use crate::cluster::patch::for_each;
use crate::cluster::{Cluster, Select};
use crate::error::{Error, Result};
use crate::mesh::keys::{
    METRICS_ANNOTATION, PROMETHEUS_PATH_ANNOTATION, PROMETHEUS_PORT_ANNOTATION, PROMETHEUS_SCRAPE_ANNOTATION,
    PROXY_UUID_LABEL,
};
use crate::mesh::membership::{Membership, validate_names};

use super::Context;
use crate::ops::namespaces::{Done, fetch_namespaces, for_each_namespace, patch_namespace};

/// The port and path Envoy serves Prometheus metrics on, as OSM configures it.
const SCRAPE: [(&str, &str); 3] = [
    (PROMETHEUS_SCRAPE_ANNOTATION, "true"),
    (PROMETHEUS_PORT_ANNOTATION, "15010"),
    (PROMETHEUS_PATH_ANNOTATION, "/stats/prometheus"),
];

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
            let pods_changed = annotate_pods(cluster, &name, enable).await?;
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

/// Sets (or removes) the scrape annotations on the meshed pods that lack (or carry) them;
/// returns how many pods were changed.
async fn annotate_pods(cluster: &Cluster, namespace: &str, enable: bool) -> Result<usize> {
    let what = format!("listing the meshed pods of namespace [{namespace}]");
    let pods: Vec<Pod> = cluster.list_in(namespace, Select::labels(PROXY_UUID_LABEL), &what).await?;
    let to_change: Vec<String> = pods
        .iter()
        .filter(|pod| pod.metadata.deletion_timestamp.is_none())
        .filter(|pod| {
            let annotations = pod.annotations();
            if enable {
                SCRAPE.iter().any(|(key, value)| annotations.get(*key).map(String::as_str) != Some(*value))
            } else {
                SCRAPE.iter().any(|(key, _)| annotations.contains_key(*key))
            }
        })
        .map(|pod| pod.name_any())
        .collect();
    let patch = json!({"metadata": {"annotations": SCRAPE
        .iter()
        .map(|(key, value)| (key.to_string(), if enable { json!(value) } else { Value::Null }))
        .collect::<serde_json::Map<_, _>>()}});
    let results = for_each(&to_change, |pod| {
        let patch = &patch;
        async move {
            let what = format!("annotating pod [{pod}] in namespace [{namespace}]");
            // A pod that went away in the meantime (None) needs no annotation.
            cluster.patch_in::<Pod>(namespace, pod, patch, &what).await.map(|_| ())
        }
    })
    .await;
    results.into_iter().collect::<Result<Vec<()>>>()?;
    Ok(to_change.len())
}
