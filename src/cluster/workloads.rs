//! The workload behind a backend: the pods a Service's selector picks (narrowed by an Istio
//! subset's labels), followed up their owner references to the Deployment (or other controller)
//! that runs them. Mesh metrics name workloads, routing objects name Services.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::ReplicaSet;
use k8s_openapi::api::core::v1::{Pod, Service};
use kube::ResourceExt;
use kube::api::{Api, ListParams};

use super::Cluster;
use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};

/// What a Service's selector picks.
enum Selected {
    /// There is no such Service.
    NoService,
    /// The Service has no selector, so no pods can be told to be its.
    NoSelector,
    /// The pods its selector, narrowed by the labels, picks (maybe none), and that label query.
    Pods { query: String, pods: Vec<Pod> },
}

/// The pods Service `service` selects, its selector narrowed by `labels`.
async fn pods_of_service(
    cluster: &Cluster,
    namespace: &str,
    service: &str,
    labels: &BTreeMap<String, String>,
) -> Result<Selected> {
    let services: Api<Service> = Api::namespaced(cluster.client.clone(), namespace);
    let Some(found) = services
        .get_opt(service)
        .await
        .map_err(cluster.err(format!("reading Service {namespace}/{service}")))?
    else {
        return Ok(Selected::NoService);
    };
    let mut selector: BTreeMap<String, String> =
        found.spec.and_then(|s| s.selector).unwrap_or_default().into_iter().collect();
    if selector.is_empty() {
        return Ok(Selected::NoSelector);
    }
    selector.extend(labels.iter().map(|(k, v)| (k.clone(), v.clone())));
    let query = selector.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",");
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), namespace);
    let pods = pods
        .list(&ListParams::default().labels(&query))
        .await
        .map_err(cluster.err(format!("listing the pods of Service {namespace}/{service}")))?
        .items;
    Ok(Selected::Pods { query, pods })
}

/// The workload behind Service `service`, its selector narrowed by `labels`.
pub async fn of_service(
    cluster: &Cluster,
    namespace: &str,
    service: &str,
    labels: &BTreeMap<String, String>,
) -> Result<String> {
    let (query, listed) = match pods_of_service(cluster, namespace, service, labels).await? {
        Selected::Pods { query, pods } => (query, pods),
        Selected::NoService => {
            return Err(Error::invalid(format!(
                "Service {service} does not exist in namespace {namespace}, so no workload to read the metrics of"
            ))
            .with_hint(Remedy::ListObjects { resources: "services".into(), namespace: namespace.to_string() }));
        }
        Selected::NoSelector => {
            return Err(Error::invalid(format!(
                "Service {namespace}/{service} has no selector, so osm cannot tell which workload's metrics are its"
            ))
            .with_hint(format!(
                "give the Service a selector, or use {}/{} without {{workload}}",
                Input::QuerySuccessRate,
                Input::QueryLatency
            )));
        }
    };
    if listed.is_empty() {
        return Err(Error::invalid(format!(
            "no pod matches {query} in namespace {namespace} (the pods of {service}), so no workload to read the metrics of"
        ))
        .with_hint(Remedy::DeployedAndScaledUp { namespace: namespace.to_string(), selector: query.clone() }));
    }
    let replica_sets: Api<ReplicaSet> = Api::namespaced(cluster.client.clone(), namespace);
    let mut names: Vec<String> = Vec::new();
    for pod in &listed {
        let name = match pod.owner_references().iter().find(|o| o.controller == Some(true)) {
            Some(owner) if owner.kind == "ReplicaSet" => {
                let rs = replica_sets
                    .get_opt(&owner.name)
                    .await
                    .map_err(cluster.err(format!("reading ReplicaSet {namespace}/{}", owner.name)))?;
                rs.and_then(|rs| {
                    rs.owner_references().iter().find(|o| o.controller == Some(true)).map(|o| o.name.clone())
                })
                .unwrap_or_else(|| owner.name.clone())
            }
            Some(owner) => owner.name.clone(),
            None => pod.name_any(),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [one] => Ok(one.clone()),
        many => Err(Error::invalid(format!(
            "the pods of {service} ({query}) belong to several workloads: {}; their metrics cannot be told apart",
            many.join(", ")
        ))
        .with_hint("give each version its own Service (or Istio subset) that selects only its pods")),
    }
}

/// The pods behind a backend and why each unready one is not ready.
#[derive(Debug, Clone, Default)]
pub struct Readiness {
    /// The label query that picks the pods.
    pub query: String,
    pub pods: usize,
    /// `(pod, why it is not ready)` for each pod that is not Ready.
    pub unready: Vec<(String, String)>,
}

/// The readiness of the pods behind Service `service` (its selector narrowed by `labels`); `None`
/// when there is no such Service or it has no selector, so no pods can be told to be its.
pub async fn readiness_of_service(
    cluster: &Cluster,
    namespace: &str,
    service: &str,
    labels: &BTreeMap<String, String>,
) -> Result<Option<Readiness>> {
    let Selected::Pods { query, pods: listed } = pods_of_service(cluster, namespace, service, labels).await?
    else {
        return Ok(None);
    };
    let unready = listed
        .iter()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .filter_map(|p| super::wait::pod_problem(p).map(|why| (p.name_any(), why)))
        .collect();
    Ok(Some(Readiness { query, pods: listed.len(), unready }))
}
