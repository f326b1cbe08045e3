//! Waiting for Deployments to become Available, and saying why pods are not.

use std::time::{Duration, Instant};

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{Api, ListParams};

use crate::error::{Error, Result};

use super::Cluster;

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

/// Polls the named Deployments of `namespace`, calling `on_ready` once for each as it becomes
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
    loop {
        let list = retry_transient(deadline, || async {
            api.list(&ListParams::default())
                .await
                .map_err(cluster.err(format!("reading Deployments in {namespace}")))
        })
        .await?;
        pending.retain(|name| {
            let ready = list.items.iter().any(|d| d.name_any() == *name && deployment_ready(d));
            if ready {
                on_ready(name);
            }
            !ready
        });
        if pending.is_empty() {
            return Ok(());
        }
        if Instant::now() >= deadline {
            let mut reasons = Vec::new();
            for name in &pending {
                reasons.extend(unready_reasons(cluster, namespace, name).await?);
            }
            return Err(Error::timeout(format!(
                "timed out after {} waiting for {} to become ready:\n  {}",
                crate::output::format_duration(timeout),
                pending.join(", "),
                reasons.join("\n  ")
            ))
            .with_hint(format!("look closer with: kubectl describe pods -n {namespace}; raise --timeout if the images are still being pulled")));
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// One line per unready pod of the Deployment `app` (pods labelled `app=<name>`).
pub async fn unready_reasons(cluster: &Cluster, namespace: &str, app: &str) -> Result<Vec<String>> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
    let list = pods
        .list(&ListParams::default().labels(&format!("app={app}")))
        .await
        .map_err(cluster.err(format!("reading pods in {namespace}")))?;
    if list.items.is_empty() {
        return Ok(vec![format!(
            "{app}: no pod was created (check the ReplicaSet: kubectl describe rs -n {namespace} -l app={app})"
        )]);
    }
    Ok(list
        .items
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
