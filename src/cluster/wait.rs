//! Waiting, on watches, for Deployments to become Available and objects to change or go, with
//! retries of transient failures; and saying why pods are not ready.

use std::collections::BTreeMap;
use std::pin::pin;
use std::time::{Duration, Instant};

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::apps::v1::{DaemonSet, Deployment};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::Api;
use kube::runtime::utils::{Backoff, WatchStreamExt};
use kube::runtime::watcher;
use kube::{Resource, ResourceExt};
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

use super::{CONCURRENCY, Cluster, Select};
use crate::model::input::Remedy;

/// Runs `op` again while it fails with a transient error (an overloaded or unavailable API
/// server, a broken connection), backing off from 100 ms up to 2 s, until `deadline`; then the
/// last error is returned. Any other error is returned at once.
pub async fn retry_transient<T, F, Fut>(deadline: Instant, mut op: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let mut delay = Duration::from_millis(100);
    loop {
        match op().await {
            Err(e) if e.transient && Instant::now() + delay < deadline => {
                tracing::debug!("transient error, retrying in {delay:?}: {e}");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(2));
            }
            result => return result,
        }
    }
}

/// Whether the Deployment has all its desired replicas updated and available.
pub fn deployment_ready(d: &Deployment) -> bool {
    let desired = d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let Some(status) = &d.status else { return false };
    let generation = d.metadata.generation.unwrap_or(0);
    status.observed_generation.unwrap_or(0) >= generation
        && status.updated_replicas.unwrap_or(0) >= desired
        && status.available_replicas.unwrap_or(0) >= desired
        && status.replicas.unwrap_or(0) <= desired.max(status.updated_replicas.unwrap_or(0))
}

/// Watches the named Deployments of `namespace`, calling `on_ready` once for each as it becomes
/// ready. On timeout, the error names each unready pod and why.
pub async fn wait_deployments(
    cluster: &Cluster,
    namespace: &str,
    names: &[String],
    timeout: Duration,
    mut on_ready: impl FnMut(&str),
) -> Result<()> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), namespace);
    let deadline = Instant::now() + timeout;
    let mut pending: Vec<String> = names.to_vec();
    let what = format!("watching the Deployments in {namespace}");
    let all_ready = watch_until(cluster, api, Select::ALL, deadline, &what, |current| {
        pending.retain(|name| {
            let ready =
                current.get(&(Some(namespace.to_string()), name.clone())).is_some_and(deployment_ready);
            if ready {
                on_ready(name);
            }
            !ready
        });
        pending.is_empty()
    })
    .await?;
    if all_ready {
        return Ok(());
    }
    let mut reasons = Vec::new();
    for name in &pending {
        reasons.extend(unready_reasons(cluster, namespace, name).await?);
    }
    Err(Error::timeout(format!(
        "timed out after {} waiting for {} to become ready:\n  {}",
        crate::model::duration::format_duration(timeout),
        pending.join(", "),
        reasons.join("\n  ")
    ))
    .with_hint(Remedy::DescribeOrRaiseTimeout { resources: "pods".into(), namespace: namespace.to_string() }))
}

/// Whether the DaemonSet has a ready, updated pod on every node it wants one on, as istioctl's
/// wait judges it (operator/pkg/install/wait.go:257-291 at Istio 1.30.3): the controller has seen
/// the newest generation; with RollingUpdate, at least one pod is desired (zero means just
/// created, or no node to run on) and the ready and updated counts reach the desired one; with
/// OnDelete, the updated count equals the desired one.
pub fn daemonset_ready(ds: &DaemonSet) -> bool {
    let Some(status) = &ds.status else { return false };
    if status.observed_generation.unwrap_or(0) != ds.metadata.generation.unwrap_or(0) {
        return false;
    }
    let strategy = ds
        .spec
        .as_ref()
        .and_then(|s| s.update_strategy.as_ref())
        .and_then(|u| u.type_.as_deref())
        .unwrap_or("RollingUpdate");
    let desired = status.desired_number_scheduled;
    let updated = status.updated_number_scheduled.unwrap_or(0);
    match strategy {
        "OnDelete" => updated == desired,
        _ => desired > 0 && status.number_ready >= desired && updated == desired,
    }
}

/// Watches the named DaemonSets of `namespace` until each is ready ([`daemonset_ready`]). On
/// timeout, the error names each unready DaemonSet, its counts, and each of its pods that is
/// not ready and why.
pub async fn wait_daemonsets(
    cluster: &Cluster,
    namespace: &str,
    names: &[String],
    timeout: Duration,
) -> Result<()> {
    let api: Api<DaemonSet> = Api::namespaced(cluster.client.clone(), namespace);
    let deadline = Instant::now() + timeout;
    let mut pending: Vec<String> = names.to_vec();
    let mut last: Current<DaemonSet> = BTreeMap::new();
    let what = format!("watching the DaemonSets in {namespace}");
    let all_ready = watch_until(cluster, api, Select::ALL, deadline, &what, |current| {
        pending.retain(|name| {
            !current.get(&(Some(namespace.to_string()), name.clone())).is_some_and(daemonset_ready)
        });
        last = current.clone();
        pending.is_empty()
    })
    .await?;
    if all_ready {
        return Ok(());
    }
    let mut reasons = Vec::new();
    for name in &pending {
        let Some(ds) = last.get(&(Some(namespace.to_string()), name.clone())) else {
            reasons.push(format!("DaemonSet {namespace}/{name}: not found"));
            continue;
        };
        let status = ds.status.clone().unwrap_or_default();
        reasons.push(format!(
            "DaemonSet {namespace}/{name}: {} desired, {} updated, {} ready",
            status.desired_number_scheduled,
            status.updated_number_scheduled.unwrap_or(0),
            status.number_ready
        ));
        let selector = ds
            .spec
            .as_ref()
            .and_then(|s| s.selector.match_labels.as_ref())
            .map(|m| m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","))
            .unwrap_or_default();
        if status.desired_number_scheduled == 0 {
            reasons.push(format!(
                "  no node to run {name} on ({})",
                Remedy::NoNodeForDaemonSet { namespace: namespace.to_string(), name: name.to_string() }
            ));
            continue;
        }
        let pods: Vec<Pod> = cluster
            .list_in(namespace, Select::labels(&selector), &format!("reading pods in {namespace}"))
            .await?;
        reasons.extend(
            pods.iter()
                .filter_map(|p| pod_problem(p).map(|why| format!("  pod {} ({name}): {why}", p.name_any()))),
        );
    }
    Err(Error::timeout(format!(
        "timed out after {} waiting for DaemonSet {} to become ready:\n  {}",
        crate::model::duration::format_duration(timeout),
        pending.join(", "),
        reasons.join("\n  ")
    ))
    .with_hint(Remedy::DescribeOrRaiseTimeout {
        resources: "daemonset,pods".into(),
        namespace: namespace.to_string(),
    }))
}

/// The objects a watch holds, by namespace (`None`: cluster-scoped) and name.
pub(super) type Current<K> = BTreeMap<(Option<String>, String), K>;

/// Waits until every named CRD is Established (its API is served), watching each.
pub async fn wait_crds_established(cluster: &Cluster, names: &[String], timeout: Duration) -> Result<()> {
    let deadline = Instant::now() + timeout;
    let pending: Vec<Option<&String>> = stream::iter(names.iter().map(|name| async move {
        let api: Api<CustomResourceDefinition> = Api::all(cluster.client.clone());
        let by_name = format!("metadata.name={name}");
        let what = format!("watching CRD {name}");
        let established = watch_until(cluster, api, Select::fields(&by_name), deadline, &what, |current| {
            current.values().any(|crd| {
                crd.status
                    .as_ref()
                    .and_then(|s| s.conditions.as_ref())
                    .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Established" && c.status == "True"))
            })
        })
        .await?;
        Ok::<_, Error>((!established).then_some(name))
    }))
    .buffer_unordered(CONCURRENCY)
    .try_collect()
    .await?;
    let pending: Vec<&str> = pending.into_iter().flatten().map(String::as_str).collect();
    if pending.is_empty() {
        return Ok(());
    }
    Err(Error::timeout(format!("CRDs not established after {timeout:?}: {}", pending.join(", "))))
}

/// Follows the objects `api` lists (narrowed by `select`) with a watch and returns `true` as
/// soon as `done` holds for them as they are then, `false` when `deadline` passes first. A watch
/// answers the moment an object changes, where polling would answer up to a period late and
/// cost a request per period. A broken connection, an overloaded API server or an expired watch
/// (410 Gone) make the watch list again after a growing pause; any other error ends the wait.
/// A kind the API server does not serve (404: its CRD was removed) has no objects.
pub(super) async fn watch_until<K>(
    cluster: &Cluster,
    api: Api<K>,
    select: Select<'_>,
    deadline: Instant,
    what: &str,
    mut done: impl FnMut(&Current<K>) -> bool,
) -> Result<bool>
where
    K: Resource + Clone + DeserializeOwned + std::fmt::Debug + Send + 'static,
    K::DynamicType: Eq + std::hash::Hash + Clone,
{
    let config = watcher::Config {
        label_selector: select.labels.map(str::to_string),
        field_selector: select.fields.map(str::to_string),
        ..Default::default()
    };
    let mut events = pin!(watcher::watcher(api, config).backoff(Doubling::new()));
    let mut current: Current<K> = BTreeMap::new();
    let mut relisted: Option<Current<K>> = None;
    let key = |o: &K| (o.meta().namespace.clone(), o.meta().name.clone().unwrap_or_default());
    loop {
        let Ok(event) = tokio::time::timeout_at(deadline.into(), events.next()).await else {
            return Ok(false);
        };
        match event {
            None => return Err(Error::cluster(format!("{what}: the watch ended"))),
            Some(Ok(watcher::Event::Init)) => {
                relisted = Some(BTreeMap::new());
                continue;
            }
            Some(Ok(watcher::Event::InitApply(o))) => {
                relisted.get_or_insert_with(BTreeMap::new).insert(key(&o), o);
                continue;
            }
            Some(Ok(watcher::Event::InitDone)) => current = relisted.take().unwrap_or_default(),
            Some(Ok(watcher::Event::Apply(o))) => {
                current.insert(key(&o), o);
            }
            Some(Ok(watcher::Event::Delete(o))) => {
                current.remove(&key(&o));
            }
            Some(Err(e)) => {
                let err = watch_error(cluster, what, e);
                if err.status == Some(404) {
                    current.clear();
                } else if err.transient || err.status == Some(410) {
                    tracing::debug!("{err}; watching again");
                    continue;
                } else {
                    return Err(err);
                }
            }
        }
        if done(&current) {
            return Ok(true);
        }
    }
}

fn watch_error(cluster: &Cluster, what: &str, err: watcher::Error) -> Error {
    match err {
        watcher::Error::InitialListFailed(e)
        | watcher::Error::WatchStartFailed(e)
        | watcher::Error::WatchFailed(e) => cluster.err(what)(e),
        watcher::Error::WatchError(status) => cluster.err(what)(kube::Error::Api(status)),
        watcher::Error::NoResourceVersion => {
            Error::cluster(format!("{what}: the API server sent a watch event without a resourceVersion"))
        }
    }
}

/// The pause before a watch lists again after an error: from 100 ms, doubling up to 2 s, as
/// [`retry_transient`] pauses; reset once the watch runs again.
struct Doubling {
    next: Duration,
}

impl Doubling {
    const FIRST: Duration = Duration::from_millis(100);

    fn new() -> Self {
        Doubling { next: Self::FIRST }
    }
}

impl Iterator for Doubling {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        let pause = self.next;
        self.next = (self.next * 2).min(Duration::from_secs(2));
        Some(pause)
    }
}

impl Backoff for Doubling {
    fn reset(&mut self) {
        self.next = Self::FIRST;
    }
}

/// One line per unready pod of the Deployment `app` (pods labelled `app=<name>`).
pub async fn unready_reasons(cluster: &Cluster, namespace: &str, app: &str) -> Result<Vec<String>> {
    let selector = format!("app={app}");
    let list: Vec<Pod> = cluster
        .list_in(namespace, Select::labels(&selector), &format!("reading pods in {namespace}"))
        .await?;
    if list.is_empty() {
        return Ok(vec![format!(
            "{app}: no pod was created ({})",
            Remedy::DescribeReplicaSet { namespace: namespace.to_string(), app: app.to_string() }
        )]);
    }
    Ok(list
        .iter()
        .filter_map(|p| pod_problem(p).map(|why| format!("pod {} ({app}): {why}", p.name_any())))
        .collect())
}

/// Why a pod is not ready, or None when it is.
pub fn pod_problem(pod: &Pod) -> Option<String> {
    let status = pod.status.as_ref()?;
    let conditions = status.conditions.clone().unwrap_or_default();
    if conditions.iter().any(|c| c.type_ == "Ready" && c.status == "True") {
        return None;
    }
    if let Some(c) = conditions.iter().find(|c| c.type_ == "PodScheduled" && c.status == "False") {
        return Some(format!(
            "Pending: {}{}",
            c.reason.clone().unwrap_or_else(|| "not scheduled".into()),
            c.message.as_ref().map(|m| format!(" ({m})")).unwrap_or_default()
        ));
    }
    for cs in
        status.container_statuses.iter().flatten().chain(status.init_container_statuses.iter().flatten())
    {
        if let Some(waiting) = cs.state.as_ref().and_then(|s| s.waiting.as_ref()) {
            let reason = waiting.reason.clone().unwrap_or_else(|| "Waiting".into());
            let restarts =
                if cs.restart_count > 0 { format!(", {} restarts", cs.restart_count) } else { String::new() };
            return Some(format!(
                "{reason} (container {}{restarts}){}",
                cs.name,
                waiting.message.as_ref().map(|m| format!(": {m}")).unwrap_or_default()
            ));
        }
    }
    let phase = status.phase.clone().unwrap_or_else(|| "Pending".into());
    Some(format!("{phase}, not ready (readiness probe failing or containers starting)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn daemonset(generation: i64, strategy: &str, status: serde_json::Value) -> DaemonSet {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": "ztunnel", "namespace": "istio-system", "generation": generation},
            "spec": {
                "selector": {"matchLabels": {"app": "ztunnel"}},
                "template": {"metadata": {}, "spec": {"containers": []}},
                "updateStrategy": {"type": strategy},
            },
            "status": status,
        }))
        .unwrap()
    }

    fn status(observed: i64, desired: i32, updated: i32, ready: i32) -> serde_json::Value {
        serde_json::json!({
            "observedGeneration": observed, "desiredNumberScheduled": desired,
            "updatedNumberScheduled": updated, "numberReady": ready,
            "currentNumberScheduled": desired, "numberMisscheduled": 0,
        })
    }

    #[test]
    fn daemonsets_are_ready_as_istioctl_judges_them() {
        assert!(daemonset_ready(&daemonset(2, "RollingUpdate", status(2, 3, 3, 3))));
        // The controller has not seen the newest generation.
        assert!(!daemonset_ready(&daemonset(2, "RollingUpdate", status(1, 3, 3, 3))));
        // No pod wanted: just created, or no node to run on.
        assert!(!daemonset_ready(&daemonset(1, "RollingUpdate", status(1, 0, 0, 0))));
        // A node without a ready pod, or an old pod not yet replaced.
        assert!(!daemonset_ready(&daemonset(1, "RollingUpdate", status(1, 3, 3, 2))));
        assert!(!daemonset_ready(&daemonset(1, "RollingUpdate", status(1, 3, 2, 3))));
        // OnDelete counts the updated pods only.
        assert!(daemonset_ready(&daemonset(1, "OnDelete", status(1, 3, 3, 0))));
        assert!(!daemonset_ready(&daemonset(1, "OnDelete", status(1, 3, 2, 3))));
    }
}
