//! Many requests at once, with a bounded number in flight ([`for_each`]), and
//! `kubectl rollout restart` built on it.

use std::future::Future;

use futures::{StreamExt, stream};
use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, StatefulSet};
use k8s_openapi::jiff::Timestamp;
use kube::{Resource, ResourceExt};

use super::{CONCURRENCY, Cluster, Kind, Select};
use crate::error::Result;

/// Runs `op` for every item concurrently and returns the results in the items' order.
pub async fn for_each<I, T, F, Fut>(items: I, op: F) -> Vec<T>
where
    I: IntoIterator,
    F: Fn(I::Item) -> Fut,
    Fut: Future<Output = T>,
{
    stream::iter(items).map(op).buffered(CONCURRENCY).collect().await
}

/// A workload restarted by [`rollout_restart`], e.g. `deployment/bookstore`.
pub type Restarted = String;

/// What `kubectl rollout restart` does, for every Deployment, StatefulSet and DaemonSet of the
/// namespace: stamps `kubectl.kubernetes.io/restartedAt` on the pod template, which makes the
/// controllers replace the pods.
pub async fn rollout_restart(cluster: &Cluster, namespace: &str) -> Result<Vec<Restarted>> {
    let now = Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let patch = serde_json::json!({
        "spec": {"template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": now}}}}
    });
    let (deployments, statefulsets, daemonsets) = futures::try_join!(
        restart_kind::<Deployment>(cluster, namespace, &patch),
        restart_kind::<StatefulSet>(cluster, namespace, &patch),
        restart_kind::<DaemonSet>(cluster, namespace, &patch),
    )?;
    Ok([deployments, statefulsets, daemonsets].concat())
}

async fn restart_kind<K>(
    cluster: &Cluster,
    namespace: &str,
    patch: &serde_json::Value,
) -> Result<Vec<Restarted>>
where
    K: Kind + Resource<Scope = k8s_openapi::NamespaceResourceScope>,
{
    let kind = K::kind(&()).to_lowercase();
    let listed: Vec<K> = cluster
        .list_in(
            namespace,
            Select::ALL,
            &format!("listing {kind}s in namespace [{namespace}] to restart them"),
        )
        .await?;
    let names: Vec<String> = listed.iter().map(|o| o.name_any()).collect();
    let results = for_each(names, |name| {
        let kind = &kind;
        async move {
            let what = format!("restarting {kind}/{name} in namespace [{namespace}]");
            // One that went away since the list needs no restart.
            cluster.merge_patch_in::<K>(namespace, &name, patch, &what).await?;
            Ok(format!("{kind}/{name}"))
        }
    })
    .await;
    results.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;

    use super::*;

    /// 50 namespaces must not cost 50 sequential round trips: all 50 are in flight together,
    /// and the results still come back in the items' order.
    #[tokio::test]
    async fn every_item_is_in_flight_at_once_and_results_keep_their_order() {
        let (in_flight, most) = (AtomicU32::new(0), AtomicU32::new(0));
        let results = for_each(0..50u32, |i| {
            let (in_flight, most) = (&in_flight, &most);
            async move {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                // Later items finish first, as fast answers overtake slow ones.
                tokio::time::sleep(Duration::from_millis(u64::from(50 - i))).await;
                in_flight.fetch_sub(1, Ordering::SeqCst);
                i * 2
            }
        })
        .await;
        assert_eq!(most.load(Ordering::SeqCst), 50);
        assert_eq!(results, (0..50u32).map(|i| i * 2).collect::<Vec<_>>());
    }
}
