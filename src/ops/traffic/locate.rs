//! Finding what a traffic verb works on: a routing object by name across the three routing
//! APIs, the TrafficSplits of a namespace, and the Services, Istio DestinationRule subsets and
//! workloads the backends an edit names stand for.

use k8s_openapi::api::core::v1::Service;
use kube::Resource;
use serde_json::{Value, json};

use crate::cluster::{Cluster, ObjectRef, Select, not_found, workloads};
use crate::error::{Error, Result};
use crate::model::gateway_api as gateway;
use crate::model::input::{Input, Remedy};
use crate::model::istio::routing as istio;
use crate::model::routing::{Api, Backend};
use crate::model::smi::TrafficSplit;

/// `namespace`, or the kubeconfig context's when none is given.
pub fn namespace_or_default(cluster: &Cluster, namespace: Option<&str>) -> String {
    namespace.map_or_else(|| cluster.default_namespace().to_string(), str::to_string)
}

/// A routing object found by name, as read, with what later steps need to edit it.
pub struct Located<'a> {
    pub cluster: &'a Cluster,
    pub namespace: String,
    pub name: String,
    pub api: Api,
    pub object: Value,
}

impl<'a> Located<'a> {
    /// The routing object `name` in `namespace` (see [`locate`]).
    pub async fn find(
        cluster: &'a Cluster,
        namespace: &str,
        name: &str,
        api: Option<Api>,
    ) -> Result<Located<'a>> {
        let (api, object) = locate(cluster, namespace, name, api).await?;
        Ok(Located { cluster, namespace: namespace.to_string(), name: name.to_string(), api, object })
    }

    /// What `backend` routes to on this object's API, resolved against the namespace as it is now.
    pub async fn resolve(&self, backend: &str) -> Result<Backend> {
        Resolver::load(self.cluster, self.api, &self.namespace).await?.resolve(&self.object["spec"], backend)
    }

    /// The workload behind `backend` (see [`workload_of`]).
    pub async fn workload_of(&self, backend: &str) -> Result<String> {
        workload_of(self.cluster, self.api, &self.namespace, &self.object, backend).await
    }
}

/// The TrafficSplit `name` in `namespace`.
pub fn split_object(namespace: &str, name: &str) -> ObjectRef {
    ObjectRef::to::<TrafficSplit>(Some(namespace), name)
}

/// The TrafficSplit `name`, or `None` when there is none.
pub async fn split(cluster: &Cluster, namespace: &str, name: &str) -> Result<Option<Value>> {
    cluster.objects().get(&split_object(namespace, name)).await
}

/// The error for a TrafficSplit that does not exist.
pub fn no_split(namespace: &str, name: &str) -> Error {
    not_found(&split_object(namespace, name))
}

/// The TrafficSplits of `namespace` (of every namespace with `None`), by namespace and name.
pub async fn splits(cluster: &Cluster, namespace: Option<&str>) -> Result<Vec<Value>> {
    let (api_version, kind) = (TrafficSplit::api_version(&()), TrafficSplit::kind(&()));
    let mut objects = cluster.objects().list(&api_version, &kind, namespace, Select::ALL).await?;
    objects.sort_by_key(|o| (o["metadata"]["namespace"].to_string(), o["metadata"]["name"].to_string()));
    Ok(objects)
}

/// The routing object NAME: of the API given, or whichever of the three exists. An API whose
/// CRD is not installed simply has no such object.
pub async fn locate(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    api: Option<Api>,
) -> Result<(Api, Value)> {
    let candidates: Vec<Api> = match api {
        Some(api) => vec![api],
        None => Api::ALL.to_vec(),
    };
    let reads = futures::future::join_all(candidates.iter().map(|api| {
        let object = routing_object(*api, namespace, name);
        async move { cluster.objects().get_if_served(&object).await }
    }))
    .await;
    let mut found = Vec::new();
    for (api, read) in candidates.iter().zip(reads) {
        if let Some(object) = read? {
            found.push((*api, object));
        }
    }
    match found.len() {
        0 if candidates.len() == 1 => Err(not_found(&routing_object(candidates[0], namespace, name))
            .with_hint(Remedy::ListObjects {
                resources: candidates[0].resource().plural.to_string(),
                namespace: namespace.to_string(),
            })),
        0 => Err(Error::invalid(format!(
            "{name} does not exist in namespace {namespace}: no TrafficSplit, VirtualService or HTTPRoute has that name"
        ))
        .with_hint(Remedy::ListObjects {
            resources: "trafficsplits,virtualservices,httproutes".into(),
            namespace: namespace.to_string(),
        })),
        1 => Ok(found.remove(0)),
        _ => {
            let kinds: Vec<&str> = found.iter().map(|(api, _)| api.kind()).collect();
            let flags: Vec<&str> = found.iter().map(|(api, _)| api.flag()).collect();
            Err(Error::invalid(format!(
                "{name} in namespace {namespace} is ambiguous: a {} of that name exist",
                kinds.join(" and a ")
            ))
            .with_hint(format!("say which with {} {}", Input::Api, flags.join(&format!(" or {} ", Input::Api)))))
        }
    }
}

/// The routing object NAME of `api` in `namespace`.
pub fn routing_object(api: Api, namespace: &str, name: &str) -> ObjectRef {
    ObjectRef::new(api.api_version(), api.kind(), Some(namespace), name)
}

/// What BACKEND names resolve against: the namespace's Services and DestinationRules.
pub struct Resolver {
    api: Api,
    namespace: String,
    pub destination_rules: Vec<Value>,
    /// Service names with their first port.
    pub services: Vec<(String, Option<u64>)>,
}

impl Resolver {
    /// Reads them once, so that resolving several names costs one list of each.
    pub async fn load(cluster: &Cluster, api: Api, namespace: &str) -> Result<Self> {
        let what = format!("listing Services in namespace {namespace}");
        let services = cluster
            .list_in::<Service>(namespace, Select::ALL, &what)
            .await?
            .into_iter()
            .map(|s| {
                let port =
                    s.spec.as_ref().and_then(|spec| spec.ports.as_ref()?.first().map(|p| p.port as u64));
                (s.metadata.name.unwrap_or_default(), port)
            })
            .collect();
        let destination_rules = if api == Api::Istio {
            // No DestinationRule CRD means no subsets, which resolution then says.
            cluster
                .objects()
                .list_if_served("networking.istio.io/v1", "DestinationRule", Some(namespace), Select::ALL)
                .await?
        } else {
            Vec::new()
        };
        Ok(Resolver { api, namespace: namespace.to_string(), destination_rules, services })
    }

    fn service_names(&self) -> Vec<String> {
        self.services.iter().map(|(n, _)| n.clone()).collect()
    }

    /// What NAME routes to on this API: a subset of the route's host (Istio), a Service with its
    /// port (Gateway API), the Service itself (SMI); an error naming what does exist otherwise.
    pub fn resolve(&self, spec: &Value, name: &str) -> Result<Backend> {
        match self.api {
            Api::Smi => Ok(Backend { name: name.into(), target: json!({}) }),
            Api::Istio => {
                let host = istio::route_host(spec).ok_or_else(|| {
                    Error::invalid("the VirtualService names no host to route to").with_hint("add spec.hosts")
                })?;
                let rule = istio::destination_rule_for(&self.destination_rules, &host, &self.namespace);
                istio::resolve(spec, name, &host, rule, &self.service_names())
            }
            Api::Gateway => {
                let service = self.services.iter().find(|(n, _)| n == name);
                gateway::resolve(spec, name, service.and_then(|(_, p)| *p), service.is_some())
            }
        }
    }
}

/// The Service behind `backend` and the labels narrowing its selector (an Istio subset's).
async fn service_of(
    cluster: &Cluster,
    api: Api,
    namespace: &str,
    object: &Value,
    backend: &str,
) -> Result<(String, std::collections::BTreeMap<String, String>)> {
    let mut labels = std::collections::BTreeMap::new();
    let service = match api {
        Api::Smi | Api::Gateway => backend.to_string(),
        Api::Istio => {
            let resolver = Resolver::load(cluster, api, namespace).await?;
            let target = resolver.resolve(&object["spec"], backend)?.target;
            let host = target["host"].as_str().unwrap_or(backend).to_string();
            if let Some(subset) = target["subset"].as_str() {
                let rule = istio::destination_rule_for(&resolver.destination_rules, &host, namespace);
                let found = rule
                    .and_then(|r| r["spec"]["subsets"].as_array())
                    .and_then(|s| s.iter().find(|s| s["name"] == subset));
                for (k, v) in found.and_then(|s| s["labels"].as_object()).into_iter().flatten() {
                    labels.insert(k.clone(), v.as_str().unwrap_or_default().to_string());
                }
            }
            host.split('.').next().unwrap_or_default().to_string()
        }
    };
    Ok((service, labels))
}

/// The workload behind a backend: a Service's (SMI, Gateway API), or the pods of an Istio subset.
pub async fn workload_of(
    cluster: &Cluster,
    api: Api,
    namespace: &str,
    object: &Value,
    backend: &str,
) -> Result<String> {
    let (service, labels) = service_of(cluster, api, namespace, object, backend).await?;
    workloads::of_service(cluster, namespace, &service, &labels).await
}

/// The readiness of the pods behind `backend`; `None` when no Service with a selector names them.
pub async fn readiness_of(
    cluster: &Cluster,
    api: Api,
    namespace: &str,
    object: &Value,
    backend: &str,
) -> Result<Option<workloads::Readiness>> {
    let (service, labels) = service_of(cluster, api, namespace, object, backend).await?;
    workloads::readiness_of_service(cluster, namespace, &service, &labels).await
}

/// Which of `names` are not Services of `namespace`, and the Services that are there (sorted),
/// from one list: a route to a Service that does not exist sends its share nowhere.
pub struct ServiceCheck {
    pub missing: Vec<String>,
    pub existing: Vec<String>,
}

pub async fn check_services(cluster: &Cluster, namespace: &str, names: &[&str]) -> Result<ServiceCheck> {
    let what = format!("listing Services in namespace {namespace}");
    let mut existing: Vec<String> = cluster
        .list_in::<Service>(namespace, Select::ALL, &what)
        .await?
        .into_iter()
        .filter_map(|s| s.metadata.name)
        .collect();
    existing.sort();
    let mut missing: Vec<String> = Vec::new();
    for name in names {
        if !existing.iter().any(|e| e == name) && !missing.iter().any(|m| m == name) {
            missing.push(name.to_string());
        }
    }
    Ok(ServiceCheck { missing, existing })
}
