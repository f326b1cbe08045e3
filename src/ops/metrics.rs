//! `osm metrics enable|disable` on the pods that already run: the scrape annotations the injector
//! would give new pods, set directly without a restart.

use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use serde_json::{Value, json};

use crate::cluster::rollout::for_each;
use crate::cluster::{Cluster, Select};
use crate::error::Result;
use crate::model::osm::keys::{
    PROMETHEUS_PATH_ANNOTATION, PROMETHEUS_PORT_ANNOTATION, PROMETHEUS_SCRAPE_ANNOTATION, PROXY_UUID_LABEL,
};

/// The port and path Envoy serves Prometheus metrics on, as OSM configures it.
const SCRAPE: [(&str, &str); 3] = [
    (PROMETHEUS_SCRAPE_ANNOTATION, "true"),
    (PROMETHEUS_PORT_ANNOTATION, "15010"),
    (PROMETHEUS_PATH_ANNOTATION, "/stats/prometheus"),
];

/// Sets (or removes) the scrape annotations on the meshed pods that lack (or carry) them;
/// returns how many pods were changed.
pub async fn annotate_pods(cluster: &Cluster, namespace: &str, enable: bool) -> Result<usize> {
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
            cluster.merge_patch_in::<Pod>(namespace, pod, patch, &what).await.map(|_| ())
        }
    })
    .await;
    results.into_iter().collect::<Result<Vec<()>>>()?;
    Ok(to_change.len())
}
