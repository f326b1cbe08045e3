//! Changing many namespaces at once and reporting each (`namespace add|remove|ignore`,
//! `metrics enable|disable`): all run concurrently, each outcome kept in the order given, and
//! one failure does not stop the others.

use std::future::Future;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Namespace, Pod};
use kube::ResourceExt;
use serde::Serialize;
use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::Select;
use crate::cluster::rollout::{for_each, rollout_restart};
use crate::error::{Error, Result};
use crate::model::input::Remedy;
use crate::model::istio::keys as istio_keys;
use crate::model::membership::IstioInjection;
use crate::model::osm::keys::PROXY_UUID_LABEL;

/// Reads every named namespace concurrently; refuses (exit 4) when any does not exist,
/// naming all that are missing.
pub async fn fetch_namespaces(cluster: &Cluster, names: &[String]) -> Result<Vec<Namespace>> {
    let found = for_each(names, |name| async move {
        cluster.get::<Namespace>(name, &format!("reading namespace [{name}]")).await
    })
    .await;
    let mut namespaces = Vec::new();
    let mut missing = Vec::new();
    for (name, result) in names.iter().zip(found) {
        match result? {
            Some(ns) => namespaces.push(ns),
            None => missing.push(name.as_str()),
        }
    }
    if missing.is_empty() {
        return Ok(namespaces);
    }
    let listed: Vec<String> = missing.iter().map(|n| format!("[{n}]")).collect();
    let verb = if missing.len() == 1 { "does" } else { "do" };
    Err(Error::invalid(format!("namespace {} {verb} not exist; nothing was changed", listed.join(", ")))
        .with_hint(Remedy::CreateNamespace { namespace: missing[0].to_string() }))
}

/// Merge-patches one namespace's labels or annotations; a namespace deleted since it was read
/// is an error, since the change asked for did not happen.
pub async fn patch_namespace(cluster: &Cluster, name: &str, patch: &Value) -> Result<()> {
    let what = format!("patching namespace [{name}]");
    match cluster.merge_patch::<Namespace>(name, patch, &what).await? {
        Some(_) => Ok(()),
        None => Err(Error::invalid(format!("{what}: it no longer exists"))),
    }
}

/// What happened to one namespace.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Done {
    pub namespace: String,
    /// Whether the namespace (or its pods) were written; false when already in the wanted state.
    pub changed: bool,
    pub message: String,
    /// The workloads restarted, when `--restart` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restarted: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Notes for stderr.
    #[serde(skip)]
    pub hints: Vec<String>,
}

impl Done {
    /// Something was written. `message` is the stdout line (the Go CLI's wording where it has one);
    /// [`for_each_namespace`] fills in the namespace.
    pub fn changed(message: impl Into<String>) -> Self {
        Done { changed: true, message: message.into(), ..Default::default() }
    }
    /// The namespace was already as asked: still a success (exit 0), so running a command again is safe.
    pub fn unchanged(message: impl Into<String>) -> Self {
        Done { changed: false, message: message.into(), ..Default::default() }
    }
}

/// Runs `work` on every namespace concurrently; the outcomes come back in the order given, one
/// failure not stopping the others.
pub async fn change_each<'a, F, Fut>(namespaces: &'a [Namespace], work: F) -> Vec<Result<Done>>
where
    F: Fn(&'a Namespace) -> Fut,
    Fut: Future<Output = Result<Done>>,
{
    for_each(namespaces, work).await
}

/// The namespaces carrying the label `selector`, each with its (meshed, total) live pods.
pub async fn labelled_with_pod_counts(
    cluster: &Cluster,
    selector: &str,
) -> Result<Vec<(Namespace, (usize, usize))>> {
    let namespaces: Vec<Namespace> =
        cluster.list(Select::labels(selector), "listing the namespaces of the mesh").await?;
    let pod_counts =
        for_each(&namespaces, |ns| async move { pod_counts(cluster, &ns.name_any()).await }).await;
    let mut found = Vec::new();
    for (ns, counts) in namespaces.into_iter().zip(pod_counts) {
        found.push((ns, counts?));
    }
    Ok(found)
}

/// The namespaces Istio injects, by either of its labels, each with its live pods and those of
/// them with Istio's sidecar container.
pub async fn istio_injected_with_pod_counts(cluster: &Cluster) -> Result<Vec<(Namespace, (usize, usize))>> {
    let what = "listing the namespaces Istio injects";
    let injection = format!("{}=enabled", istio_keys::INJECTION_LABEL);
    let (mut namespaces, by_revision): (Vec<Namespace>, Vec<Namespace>) = futures::try_join!(
        cluster.list(Select::labels(&injection), what),
        cluster.list(Select::labels(istio_keys::REV_LABEL), what)
    )?;
    for ns in by_revision {
        if !namespaces.iter().any(|n| n.name_any() == ns.name_any()) {
            namespaces.push(ns);
        }
    }
    namespaces.retain(|ns| IstioInjection::from_labels(ns.labels()).is_some());
    let counts =
        for_each(&namespaces, |ns| async move { istio_pod_counts(cluster, &ns.name_any()).await }).await;
    let mut found = Vec::new();
    for (ns, counts) in namespaces.into_iter().zip(counts) {
        found.push((ns, counts?));
    }
    Ok(found)
}

/// Live pods, and those of them with Istio's sidecar container.
async fn istio_pod_counts(cluster: &Cluster, namespace: &str) -> Result<(usize, usize)> {
    let pods = namespace_pods(cluster, namespace).await?;
    let live: Vec<&Pod> = pods.iter().filter(|p| !is_finished(p)).collect();
    let injected = |p: &&&Pod| {
        p.spec.as_ref().is_some_and(|s| {
            s.containers.iter().chain(s.init_containers.iter().flatten()).any(|c| c.name == "istio-proxy")
        })
    };
    Ok((live.iter().filter(injected).count(), live.len()))
}

/// Restarts only when it changes something: the namespace was just changed, or a running pod's
/// sidecar disagrees with what the namespace asks for. A re-run then rolls nothing again.
pub async fn restart_if_needed(
    cluster: &Cluster,
    namespace: &str,
    want_sidecar: bool,
    done: &mut Done,
) -> Result<()> {
    if !done.changed {
        let pods = namespace_pods(cluster, namespace).await?;
        let running: Vec<&Pod> = pods.iter().filter(|p| is_running(p)).collect();
        if running.iter().all(|p| is_meshed(p.labels()) == want_sidecar) {
            done.hints.push(if running.is_empty() {
                format!("No running pods in namespace [{namespace}]: nothing to restart")
            } else {
                let state = if want_sidecar { "has a sidecar" } else { "runs without a sidecar" };
                format!("Every running pod in namespace [{namespace}] already {state}: nothing to restart")
            });
            return Ok(());
        }
    }
    restart_into(cluster, namespace, done).await
}

async fn restart_into(cluster: &Cluster, namespace: &str, done: &mut Done) -> Result<()> {
    let restarted = rollout_restart(cluster, namespace).await?;
    done.changed |= !restarted.is_empty();
    done.restarted = Some(restarted);
    Ok(())
}

async fn namespace_pods(cluster: &Cluster, namespace: &str) -> Result<Vec<Pod>> {
    cluster.list_in(namespace, Select::ALL, &format!("listing the pods of namespace [{namespace}]")).await
}

/// A pod that ran to completion or failed for good: it holds no sidecar anyone waits on.
fn is_finished(pod: &Pod) -> bool {
    matches!(pod.status.as_ref().and_then(|s| s.phase.as_deref()), Some("Succeeded" | "Failed"))
}

fn is_running(pod: &Pod) -> bool {
    pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running")
        && pod.metadata.deletion_timestamp.is_none()
}

fn is_meshed(labels: &BTreeMap<String, String>) -> bool {
    labels.contains_key(PROXY_UUID_LABEL)
}

pub async fn running_pods_without_sidecar(cluster: &Cluster, namespace: &str) -> Result<usize> {
    let pods = namespace_pods(cluster, namespace).await?;
    Ok(pods.iter().filter(|p| is_running(p) && !is_meshed(p.labels())).count())
}

/// (meshed, total) pods of the namespace, counting pods that are not finished.
async fn pod_counts(cluster: &Cluster, namespace: &str) -> Result<(usize, usize)> {
    let pods = namespace_pods(cluster, namespace).await?;
    let live: Vec<&Pod> = pods.iter().filter(|p| !is_finished(p)).collect();
    Ok((live.iter().filter(|p| is_meshed(p.labels())).count(), live.len()))
}
