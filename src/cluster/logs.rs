//! Container logs through the API server (`pods/log`), for `osm check` and `osm support bug-report`.

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, LogParams};

use crate::error::Result;

use super::Cluster;

/// A container's log; with `previous`, the log of its last terminated instance.
pub async fn container_log(
    cluster: &Cluster,
    namespace: &str,
    pod: &str,
    container: &str,
    previous: bool,
    tail_lines: Option<i64>,
) -> Result<String> {
    let api: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
    let params =
        LogParams { container: Some(container.to_string()), previous, tail_lines, ..LogParams::default() };
    api.logs(pod, &params)
        .await
        .map_err(cluster.err(format!("reading the log of container {container} of pod {namespace}/{pod}")))
}

/// The last non-empty line a crashed container wrote: its previous instance's log first (the
/// one that crashed), else the current one. `None` when neither can be read or both are empty.
pub async fn last_line(cluster: &Cluster, namespace: &str, pod: &str, container: &str) -> Option<String> {
    for previous in [true, false] {
        if let Ok(text) = container_log(cluster, namespace, pod, container, previous, Some(5)).await
            && let Some(line) = text.lines().rev().find(|l| !l.trim().is_empty())
        {
            return Some(line.trim().to_string());
        }
    }
    None
}
