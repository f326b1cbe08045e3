//! Server-side apply, delete and existence checks for rendered objects (JSON with apiVersion,
//! kind and metadata), plus waiting for CRDs to become Established.

use std::time::{Duration, Instant};

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{Api, DeleteParams, DynamicObject, Patch, PatchParams, PostParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

use super::wait::watch_until;
use super::{CONCURRENCY, Cluster, FIELD_MANAGER, Select, TRANSIENT_RETRY, is_status};

/// Enough to find an object again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectRef {
    pub api_version: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub name: String,
}

impl ObjectRef {
    pub fn of(obj: &Value) -> ObjectRef {
        ObjectRef {
            api_version: obj["apiVersion"].as_str().unwrap_or_default().into(),
            kind: obj["kind"].as_str().unwrap_or_default().into(),
            namespace: obj["metadata"]["namespace"].as_str().map(str::to_string),
            name: obj["metadata"]["name"].as_str().unwrap_or_default().into(),
        }
    }

    /// `Kind/name` or `Kind ns/name`, for messages.
    pub fn describe(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("{} {ns}/{}", self.kind, self.name),
            None => format!("{} {}", self.kind, self.name),
        }
    }

    fn api(&self, cluster: &Cluster) -> Result<Api<DynamicObject>> {
        let resource = api_resource(&self.api_version, &self.kind)?;
        Ok(match &self.namespace {
            Some(ns) => Api::namespaced_with(cluster.client.clone(), ns, &resource),
            None => Api::all_with(cluster.client.clone(), &resource),
        })
    }
}

/// The plural resource name of each kind osm installs or removes.
pub fn plural(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "Namespace" => "namespaces",
        "CustomResourceDefinition" => "customresourcedefinitions",
        "ServiceAccount" => "serviceaccounts",
        "ClusterRole" => "clusterroles",
        "ClusterRoleBinding" => "clusterrolebindings",
        "Role" => "roles",
        "RoleBinding" => "rolebindings",
        "ConfigMap" => "configmaps",
        "Secret" => "secrets",
        "Deployment" => "deployments",
        "DaemonSet" => "daemonsets",
        "Pod" => "pods",
        "EnvoyFilter" => "envoyfilters",
        "NetworkAttachmentDefinition" => "network-attachment-definitions",
        "Job" => "jobs",
        "Service" => "services",
        "PodDisruptionBudget" => "poddisruptionbudgets",
        "HorizontalPodAutoscaler" => "horizontalpodautoscalers",
        "MutatingWebhookConfiguration" => "mutatingwebhookconfigurations",
        "ValidatingWebhookConfiguration" => "validatingwebhookconfigurations",
        "MeshConfig" => "meshconfigs",
        "MeshRootCertificate" => "meshrootcertificates",
        _ => return None,
    })
}

pub fn api_resource(api_version: &str, kind: &str) -> Result<ApiResource> {
    let plural = plural(kind)
        .ok_or_else(|| Error::failed(format!("osm does not know the resource of kind {kind}")))?;
    let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
    Ok(ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural))
}

/// Server-side applies one object as `osm`, taking over fields others set (osm owns these
/// objects). Returns the object as stored.
pub async fn apply(cluster: &Cluster, obj: &Value) -> Result<DynamicObject> {
    apply_exactly(cluster, &with_port_protocols(obj), FIELD_MANAGER).await
}

/// Server-side applies the object as it is, forced, under `manager`: for writes that must match
/// another tool's byte for byte (Istio's installs are recorded under `istio-operator`).
pub async fn apply_exactly(cluster: &Cluster, obj: &Value, manager: &str) -> Result<DynamicObject> {
    let r = ObjectRef::of(obj);
    let params = PatchParams::apply(manager).force();
    let api = r.api(cluster)?;
    api.patch(&r.name, &params, &Patch::Apply(obj))
        .await
        .map_err(cluster.err(format!("applying {}", r.describe())))
}

/// Replaces the object (PUT) with `obj`, which carries the resourceVersion it was read at, so
/// that a change in between is refused (409) rather than overwritten.
pub async fn replace(cluster: &Cluster, obj: &Value, manager: &str) -> Result<DynamicObject> {
    let r = ObjectRef::of(obj);
    let dynamic: DynamicObject = serde_json::from_value(obj.clone())?;
    let params = PostParams { field_manager: Some(manager.into()), ..Default::default() };
    r.api(cluster)?
        .replace(&r.name, &params, &dynamic)
        .await
        .map_err(cluster.err(format!("replacing {}", r.describe())))
}

/// Fills in `protocol: TCP` on Service and container ports that leave it out, as the API
/// server would default it. Ports are lists keyed by port and protocol, and server-side apply
/// before Kubernetes 1.21 refuses a port without its key ("omits key field protocol"); the
/// chart's manifests leave it out.
fn with_port_protocols(obj: &Value) -> Value {
    fn default_protocol(ports: &mut Value) {
        for port in ports.as_array_mut().into_iter().flatten() {
            if let Some(map) = port.as_object_mut() {
                map.entry("protocol").or_insert_with(|| Value::String("TCP".into()));
            }
        }
    }
    let mut obj = obj.clone();
    if obj["kind"] == "Service" {
        default_protocol(&mut obj["spec"]["ports"]);
    }
    if let Some(pod) = obj.pointer_mut("/spec/template/spec") {
        for list in ["containers", "initContainers"] {
            for container in pod[list].as_array_mut().into_iter().flatten() {
                if container.get("ports").is_some() {
                    default_protocol(&mut container["ports"]);
                }
            }
        }
    }
    obj
}

/// Asks the API server to validate applying the object (schema, defaults, admission) without
/// storing it. A refusal of the object itself is invalid input (exit 4) naming the object and,
/// as the server words it, the field.
pub async fn apply_dry_run(cluster: &Cluster, obj: &Value) -> Result<()> {
    apply_dry_run_exactly(cluster, &with_port_protocols(obj), FIELD_MANAGER).await
}

/// [`apply_dry_run`] of the object as it is, under `manager`.
pub async fn apply_dry_run_exactly(cluster: &Cluster, obj: &Value, manager: &str) -> Result<()> {
    let r = ObjectRef::of(obj);
    let obj = obj.clone();
    let mut params = PatchParams::apply(manager).force().dry_run();
    // Unknown fields are refused too, where the server supports it (1.25 on); older servers
    // ignore the parameter.
    params.field_validation = Some(kube::api::ValidationDirective::Strict);
    match r.api(cluster)?.patch(&r.name, &params, &Patch::Apply(&obj)).await {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(status)) if matches!(status.code, 400 | 422) => {
            Err(Error::invalid(format!("the API server refused {}: {}", r.describe(), status.message)))
        }
        // A value that cannot be decoded into the typed object (a quantity that is no quantity)
        // fails the server's conversion with a 500 that names no field: osm names it.
        Err(kube::Error::Api(status))
            if status.code == 500 && status.message.contains("unable to convert") =>
        {
            let fields = bad_quantities(&obj);
            let named =
                if fields.is_empty() { String::new() } else { format!(" (at {})", fields.join(", ")) };
            Err(Error::invalid(format!("the API server refused {}{named}: {}", r.describe(), status.message)))
        }
        Err(e) => Err(cluster.err(format!("validating {} (server-side dry run)", r.describe()))(e)),
    }
}

/// The resource quantities of a pod template that Kubernetes' quantity syntax refuses, as
/// `field path = "value"`.
fn bad_quantities(obj: &Value) -> Vec<String> {
    // k8s.io/apimachinery/pkg/api/resource/quantity.go: the pattern the server's message quotes.
    let quantity = regex::Regex::new(r"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$").expect("valid regex");
    let mut found = Vec::new();
    let Some(pod) = obj.pointer("/spec/template/spec") else { return found };
    for list in ["containers", "initContainers"] {
        for container in pod[list].as_array().into_iter().flatten() {
            for kind in ["limits", "requests"] {
                for (resource, value) in container["resources"][kind].as_object().into_iter().flatten() {
                    let text = match value {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    if !quantity.is_match(&text) {
                        found.push(format!(
                            "spec.template.spec.{list}[{}].resources.{kind}.{resource} = {text:?}",
                            container["name"].as_str().unwrap_or("?")
                        ));
                    }
                }
            }
        }
    }
    found
}

/// The objects of one kind that match a label selector, in one namespace or in all.
pub async fn list(
    cluster: &Cluster,
    api_version: &str,
    kind: &str,
    namespace: Option<&str>,
    selector: &str,
) -> Result<Vec<Value>> {
    let resource = api_resource(api_version, kind)?;
    let api: Api<DynamicObject> = match namespace {
        Some(ns) => Api::namespaced_with(cluster.client.clone(), ns, &resource),
        None => Api::all_with(cluster.client.clone(), &resource),
    };
    let where_ =
        namespace.map(|ns| format!("in namespace {ns}")).unwrap_or_else(|| "in all namespaces".into());
    let list = api
        .list(&kube::api::ListParams::default().labels(selector))
        .await
        .map_err(cluster.err(format!("listing {kind} objects labelled {selector} {where_}")))?;
    list.items.into_iter().map(|o| Ok(serde_json::to_value(o)?)).collect()
}

/// Applies objects concurrently; the first failure is returned after the rest finish, so that
/// one refused object does not leave the others half-sent.
pub async fn apply_all(cluster: &Cluster, objects: &[Value]) -> Result<Vec<DynamicObject>> {
    let results: Vec<Result<DynamicObject>> =
        stream::iter(objects.iter().map(|o| apply(cluster, o))).buffered(CONCURRENCY).collect().await;
    results.into_iter().collect()
}

/// Creates the object (a plain create, recorded under `manager`) unless one of that name
/// exists; true when it was created.
pub async fn create_if_absent_as(cluster: &Cluster, obj: &Value, manager: &str) -> Result<bool> {
    let r = ObjectRef::of(obj);
    let dynamic: DynamicObject = serde_json::from_value(obj.clone())?;
    let api = r.api(cluster)?;
    let params = PostParams { field_manager: Some(manager.into()), ..Default::default() };
    // The client does not send a create twice. Here it may: a create cut off by a broken
    // connection may have been carried out, and then meets AlreadyExists, which is what this
    // function wants anyway (reported as present, since which try created it is unknowable).
    super::wait::retry_transient(Instant::now() + TRANSIENT_RETRY, || async {
        match api.create(&params, &dynamic).await {
            Ok(_) => Ok(true),
            Err(e) if is_status(&e, 409) => Ok(false),
            Err(e) => Err(cluster.err(format!("creating {}", r.describe()))(e)),
        }
    })
    .await
}

/// Creates a custom resource unless one of that name exists; true when it was created. The
/// write is a server-side apply, not a create: the API server holds every create of a custom
/// resource for 2 s when its CRD became Established less than 2 s ago
/// (k8s.io/apiextensions-apiserver v0.37.2 pkg/apiserver/customresource_handler.go:381-388), which
/// is exactly when an install writes its MeshConfig; an apply is a patch and is not held. The
/// read before it keeps an existing object as it is; should one appear in between, the apply,
/// not forced, meets the other manager's fields as a conflict and leaves them, reported as present.
pub async fn apply_if_absent(cluster: &Cluster, obj: &Value) -> Result<bool> {
    let r = ObjectRef::of(obj);
    if get(cluster, &r).await?.is_some() {
        return Ok(false);
    }
    let api = r.api(cluster)?;
    match api.patch(&r.name, &PatchParams::apply(FIELD_MANAGER), &Patch::Apply(obj)).await {
        Ok(_) => Ok(true),
        Err(e) if is_status(&e, 409) => Ok(false),
        Err(e) => Err(cluster.err(format!("creating {}", r.describe()))(e)),
    }
}

/// Merge-patches the object; false when it does not exist.
pub async fn merge_patch(cluster: &Cluster, r: &ObjectRef, patch: &Value) -> Result<bool> {
    match r.api(cluster)?.patch(&r.name, &PatchParams::default(), &Patch::Merge(patch)).await {
        Ok(_) => Ok(true),
        Err(e) if is_status(&e, 404) => Ok(false),
        Err(e) => Err(cluster.err(format!("patching {}", r.describe()))(e)),
    }
}

/// How many objects of a kind exist in the cluster (all namespaces).
pub async fn count(cluster: &Cluster, api_version: &str, kind: &str, plural: &str) -> Result<usize> {
    let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
    let resource = ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural);
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &resource);
    let list = api
        .list_metadata(&kube::api::ListParams::default())
        .await
        .map_err(cluster.err(format!("listing {plural}")))?;
    Ok(list.items.len())
}

/// The object, if it exists.
pub async fn get(cluster: &Cluster, r: &ObjectRef) -> Result<Option<DynamicObject>> {
    let api = r.api(cluster)?;
    api.get_opt(&r.name).await.map_err(cluster.err(format!("reading {}", r.describe())))
}

/// Deletes the object (dependents in the background); true when there was one to delete.
pub async fn delete(cluster: &Cluster, r: &ObjectRef) -> Result<bool> {
    let api = r.api(cluster)?;
    match api.delete(&r.name, &DeleteParams::background()).await {
        Ok(_) => Ok(true),
        Err(e) if is_status(&e, 404) => Ok(false),
        Err(e) => Err(cluster.err(format!("deleting {}", r.describe()))(e)),
    }
}

/// Deletes the object, its dependents first (foreground, as istioctl prunes); true when there
/// was one to delete.
pub async fn delete_foreground(cluster: &Cluster, r: &ObjectRef) -> Result<bool> {
    let api = r.api(cluster)?;
    match api.delete(&r.name, &DeleteParams::foreground()).await {
        Ok(_) => Ok(true),
        Err(e) if is_status(&e, 404) => Ok(false),
        Err(e) => Err(cluster.err(format!("deleting {}", r.describe()))(e)),
    }
}

/// Deletes objects concurrently; returns how many existed.
pub async fn delete_all(cluster: &Cluster, refs: &[ObjectRef]) -> Result<usize> {
    let deleted: Vec<bool> = stream::iter(refs.iter().map(|r| delete(cluster, r)))
        .buffer_unordered(CONCURRENCY)
        .try_collect()
        .await?;
    Ok(deleted.into_iter().filter(|d| *d).count())
}

/// The objects of `refs` that still exist, after waiting up to `timeout` for them to go: one
/// watch per object, so each deletion is seen the moment it completes.
pub async fn wait_gone(cluster: &Cluster, refs: &[ObjectRef], timeout: Duration) -> Result<Vec<ObjectRef>> {
    let deadline = Instant::now() + timeout;
    let left: Vec<Option<ObjectRef>> = stream::iter(refs.iter().map(|r| async move {
        let by_name = format!("metadata.name={}", r.name);
        let what = format!("watching {} go", r.describe());
        let gone =
            watch_until(cluster, r.api(cluster)?, Select::fields(&by_name), deadline, &what, |current| {
                current.is_empty()
            })
            .await?;
        Ok::<_, Error>((!gone).then(|| r.clone()))
    }))
    .buffer_unordered(CONCURRENCY)
    .try_collect()
    .await?;
    let mut left: Vec<ObjectRef> = left.into_iter().flatten().collect();
    left.sort();
    Ok(left)
}

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
