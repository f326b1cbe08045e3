//! Objects known as JSON (rendered manifests, custom resources, anything whose fields osm does
//! not all model, so that they survive every write): named by an [`ObjectRef`] (or carried in
//! the object's own apiVersion, kind and metadata), read and written through
//! [`Cluster::objects`]. Kinds with a k8s-openapi type go through the typed verbs instead
//! (`typed.rs`); the verbs carry the same names in both.

use std::time::{Duration, Instant};

use futures::{StreamExt, TryStreamExt, stream};
use kube::Resource;
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::{Error, Result};

use super::wait::{retry_transient, watch_until};
use super::{
    CONCURRENCY, CONFLICT_RETRIES, Cluster, FIELD_MANAGER, Select, TRANSIENT_RETRY, conflict_pause, is_status,
};

/// Enough to find an object again: the one name of an object the dynamic verbs take.
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
    pub fn new(api_version: &str, kind: &str, namespace: Option<&str>, name: &str) -> ObjectRef {
        ObjectRef {
            api_version: api_version.into(),
            kind: kind.into(),
            namespace: namespace.map(str::to_string),
            name: name.into(),
        }
    }

    /// An object of a kind osm has a type for but reads as JSON (a custom resource of the model).
    pub fn to<K: Resource<DynamicType = ()>>(namespace: Option<&str>, name: &str) -> ObjectRef {
        ObjectRef::new(&K::api_version(&()), &K::kind(&()), namespace, name)
    }

    /// The object's own apiVersion, kind, namespace and name.
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

    /// The API resource its requests go to.
    pub fn resource(&self) -> Result<ApiResource> {
        api_resource(&self.api_version, &self.kind)
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

/// The plural resource name of each kind osm reads or edits but never installs: the mesh's
/// policies and routes. Apart from [`plural`], which also says which kinds a release may remove.
fn edited_plural(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "TrafficSplit" => "trafficsplits",
        "TrafficTarget" => "traffictargets",
        "HTTPRouteGroup" => "httproutegroups",
        "TCPRoute" => "tcproutes",
        "Egress" => "egresses",
        "IngressBackend" => "ingressbackends",
        "UpstreamTrafficSetting" => "upstreamtrafficsettings",
        "Ingress" => "ingresses",
        "VirtualService" => "virtualservices",
        "DestinationRule" => "destinationrules",
        "HTTPRoute" => "httproutes",
        _ => return None,
    })
}

fn api_resource(api_version: &str, kind: &str) -> Result<ApiResource> {
    let plural = plural(kind)
        .or_else(|| edited_plural(kind))
        .ok_or_else(|| Error::failed(format!("osm does not know the resource of kind {kind}")))?;
    let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
    Ok(ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural))
}

/// The outcome of [`Objects::modify`].
#[derive(Debug, Clone)]
pub struct Modified {
    /// The object as read before the (last, successful) attempt.
    pub before: Value,
    /// The object as the API server returned it after the write; `before` when nothing changed.
    pub after: Value,
    /// The merge patch that was sent, or `None` when the object already was as intended.
    pub patch: Option<Value>,
}

/// What a delete does with the object's dependents (a Deployment's ReplicaSets and pods).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Propagation {
    /// None asked for: the kind's default on the server.
    ServerDefault,
    /// The object goes at once, its dependents after it.
    Background,
    /// The dependents go first, then the object (as istioctl prunes).
    Foreground,
}

impl Propagation {
    fn params(self) -> DeleteParams {
        match self {
            Propagation::ServerDefault => DeleteParams::default(),
            Propagation::Background => DeleteParams::background(),
            Propagation::Foreground => DeleteParams::foreground(),
        }
    }
}

/// The dynamic verbs, on objects known as JSON: `cluster.objects().get(&r)`. A copy of a
/// reference, so a future of it borrows only the cluster.
#[derive(Clone, Copy)]
pub struct Objects<'a> {
    cluster: &'a Cluster,
}

impl Cluster {
    /// The verbs on objects known as JSON (see [`Objects`]).
    pub fn objects(&self) -> Objects<'_> {
        Objects { cluster: self }
    }
}

impl Objects<'_> {
    fn api(self, resource: &ApiResource, namespace: Option<&str>) -> Api<DynamicObject> {
        match namespace {
            Some(ns) => Api::namespaced_with(self.cluster.client.clone(), ns, resource),
            None => Api::all_with(self.cluster.client.clone(), resource),
        }
    }

    fn api_of(self, r: &ObjectRef) -> Result<Api<DynamicObject>> {
        Ok(self.api(&r.resource()?, r.namespace.as_deref()))
    }

    /// The object, `None` when it does not exist.
    pub async fn get(self, r: &ObjectRef) -> Result<Option<Value>> {
        let cluster = self.cluster;
        let found = self
            .api_of(r)?
            .get_opt(&r.name)
            .await
            .map_err(cluster.err(format!("reading {}", r.describe())))?;
        found.map(serde_json::to_value).transpose().map_err(Error::from)
    }

    /// As [`Objects::get`], and `None` too when the API server does not serve the kind at all
    /// (its CRD is not installed): then no such object exists either. That 404 is a bare "page
    /// not found", not the NotFound status of a missing object, so it needs its own arm.
    pub async fn get_if_served(self, r: &ObjectRef) -> Result<Option<Value>> {
        match self.get(r).await {
            Err(e) if e.status == Some(404) => Ok(None),
            other => other,
        }
    }

    /// The objects of one kind that `select` picks, in one namespace or (None) in all.
    pub async fn list(
        self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        select: Select<'_>,
    ) -> Result<Vec<Value>> {
        let resource = api_resource(api_version, kind)?;
        let what = match select.labels {
            Some(selector) => {
                let where_ = namespace
                    .map(|ns| format!("in namespace {ns}"))
                    .unwrap_or_else(|| "in all namespaces".into());
                format!("listing {kind} objects labelled {selector} {where_}")
            }
            None => format!("listing {}", resource.plural),
        };
        let list =
            self.api(&resource, namespace).list(&select.params()).await.map_err(self.cluster.err(what))?;
        list.items.into_iter().map(|o| serde_json::to_value(o).map_err(Error::from)).collect()
    }

    /// As [`Objects::list`], and empty when the API server does not serve the kind at all.
    pub async fn list_if_served(
        self,
        api_version: &str,
        kind: &str,
        namespace: Option<&str>,
        select: Select<'_>,
    ) -> Result<Vec<Value>> {
        match self.list(api_version, kind, namespace, select).await {
            Err(e) if e.status == Some(404) => Ok(Vec::new()),
            other => other,
        }
    }

    /// How many objects of a kind exist in the cluster (all namespaces). The plural is given:
    /// the kinds counted are the ones a chart's CRDs define.
    pub async fn count(self, api_version: &str, kind: &str, plural: &str) -> Result<usize> {
        let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
        let resource =
            ApiResource::from_gvk_with_plural(&GroupVersionKind::gvk(group, version, kind), plural);
        let list = self
            .api(&resource, None)
            .list_metadata(&ListParams::default())
            .await
            .map_err(self.cluster.err(format!("listing {plural}")))?;
        Ok(list.items.len())
    }

    /// Server-side applies one object as `osm`, taking over fields others set (osm owns these
    /// objects). Returns the object as stored.
    pub async fn apply(self, obj: &Value) -> Result<Value> {
        self.apply_as(&with_port_protocols(obj), FIELD_MANAGER).await
    }

    /// Server-side applies the object as it is, forced, under `manager`: for writes that must
    /// match another tool's byte for byte (Istio's installs are recorded under `istio-operator`).
    pub async fn apply_as(self, obj: &Value, manager: &str) -> Result<Value> {
        let r = ObjectRef::of(obj);
        let params = PatchParams::apply(manager).force();
        let applied = self
            .api_of(&r)?
            .patch(&r.name, &params, &Patch::Apply(obj))
            .await
            .map_err(self.cluster.err(format!("applying {}", r.describe())))?;
        Ok(serde_json::to_value(applied)?)
    }

    /// Applies objects concurrently; the first failure is returned after the rest finish, so
    /// that one refused object does not leave the others half-sent.
    pub async fn apply_all(self, objects: &[Value]) -> Result<Vec<Value>> {
        let results: Vec<Result<Value>> =
            stream::iter(objects.iter().map(|o| self.apply(o))).buffered(CONCURRENCY).collect().await;
        results.into_iter().collect()
    }

    /// Asks the API server to validate applying the object (schema, defaults, admission)
    /// without storing it. A refusal of the object itself is invalid input (exit 4) naming the
    /// object and, as the server words it, the field.
    pub async fn apply_dry_run(self, obj: &Value) -> Result<()> {
        self.apply_dry_run_as(&with_port_protocols(obj), FIELD_MANAGER).await
    }

    /// [`Objects::apply_dry_run`] of the object as it is, under `manager`.
    pub async fn apply_dry_run_as(self, obj: &Value, manager: &str) -> Result<()> {
        let r = ObjectRef::of(obj);
        let obj = obj.clone();
        let mut params = PatchParams::apply(manager).force().dry_run();
        // Unknown fields are refused too, where the server supports it (1.25 on); older servers
        // ignore the parameter.
        params.field_validation = Some(kube::api::ValidationDirective::Strict);
        match self.api_of(&r)?.patch(&r.name, &params, &Patch::Apply(&obj)).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(status)) if matches!(status.code, 400 | 422) => {
                Err(Error::invalid(format!("the API server refused {}: {}", r.describe(), status.message)))
            }
            // A value that cannot be decoded into the typed object (a quantity that is no
            // quantity) fails the server's conversion with a 500 that names no field: osm names it.
            Err(kube::Error::Api(status))
                if status.code == 500 && status.message.contains("unable to convert") =>
            {
                let fields = bad_quantities(&obj);
                let named =
                    if fields.is_empty() { String::new() } else { format!(" (at {})", fields.join(", ")) };
                Err(Error::invalid(format!(
                    "the API server refused {}{named}: {}",
                    r.describe(),
                    status.message
                )))
            }
            Err(e) => Err(self.cluster.err(format!("validating {} (server-side dry run)", r.describe()))(e)),
        }
    }

    /// Creates a custom resource unless one of that name exists; true when it was created. The
    /// write is a server-side apply, not a create: the API server holds every create of a custom
    /// resource for 2 s when its CRD became Established less than 2 s ago
    /// (k8s.io/apiextensions-apiserver v0.37.2 pkg/apiserver/customresource_handler.go:381-388),
    /// which is exactly when an install writes its MeshConfig; an apply is a patch and is not
    /// held. The read before it keeps an existing object as it is; should one appear in between,
    /// the apply, not forced, meets the other manager's fields as a conflict and leaves them,
    /// reported as present.
    pub async fn apply_if_absent(self, obj: &Value) -> Result<bool> {
        let r = ObjectRef::of(obj);
        if self.get(&r).await?.is_some() {
            return Ok(false);
        }
        match self.api_of(&r)?.patch(&r.name, &PatchParams::apply(FIELD_MANAGER), &Patch::Apply(obj)).await {
            Ok(_) => Ok(true),
            Err(e) if is_status(&e, 409) => Ok(false),
            Err(e) => Err(self.cluster.err(format!("creating {}", r.describe()))(e)),
        }
    }

    /// Creates the object (a plain create); returns it as stored.
    pub async fn create(self, obj: &Value) -> Result<Value> {
        let r = ObjectRef::of(obj);
        let dynamic: DynamicObject = serde_json::from_value(obj.clone())?;
        let created = self
            .api_of(&r)?
            .create(&PostParams::default(), &dynamic)
            .await
            .map_err(self.cluster.err(format!("creating {}", r.describe())))?;
        Ok(serde_json::to_value(created)?)
    }

    /// Creates the object (a plain create, recorded under `manager`) unless one of that name
    /// exists; true when it was created.
    pub async fn create_if_absent_as(self, obj: &Value, manager: &str) -> Result<bool> {
        let r = ObjectRef::of(obj);
        let dynamic: DynamicObject = serde_json::from_value(obj.clone())?;
        let api = self.api_of(&r)?;
        let params = PostParams { field_manager: Some(manager.into()), ..Default::default() };
        // The client does not send a create twice. Here it may: a create cut off by a broken
        // connection may have been carried out, and then meets AlreadyExists, which is what this
        // function wants anyway (reported as present, since which try created it is unknowable).
        retry_transient(Instant::now() + TRANSIENT_RETRY, || async {
            match api.create(&params, &dynamic).await {
                Ok(_) => Ok(true),
                Err(e) if is_status(&e, 409) => Ok(false),
                Err(e) => Err(self.cluster.err(format!("creating {}", r.describe()))(e)),
            }
        })
        .await
    }

    /// Replaces the object (PUT) with `obj`, which carries the resourceVersion it was read at, so
    /// that a change in between is refused (409) rather than overwritten.
    pub async fn replace(self, obj: &Value, manager: &str) -> Result<Value> {
        let r = ObjectRef::of(obj);
        let dynamic: DynamicObject = serde_json::from_value(obj.clone())?;
        let params = PostParams { field_manager: Some(manager.into()), ..Default::default() };
        let replaced = self
            .api_of(&r)?
            .replace(&r.name, &params, &dynamic)
            .await
            .map_err(self.cluster.err(format!("replacing {}", r.describe())))?;
        Ok(serde_json::to_value(replaced)?)
    }

    /// JSON merge patch (a `null` value removes a key) of the object; false when it does not
    /// exist.
    pub async fn merge_patch(self, r: &ObjectRef, patch: &Value) -> Result<bool> {
        match self.api_of(r)?.patch(&r.name, &PatchParams::default(), &Patch::Merge(patch)).await {
            Ok(_) => Ok(true),
            Err(e) if is_status(&e, 404) => Ok(false),
            Err(e) => Err(self.cluster.err(format!("patching {}", r.describe()))(e)),
        }
    }

    /// Read-modify-write of one object. `intent` computes, from the object as read, the JSON
    /// merge patch to send (`None`: already as intended). The patch carries the resourceVersion
    /// that was read, so a concurrent change makes the API server answer 409; then the object is
    /// read again and the same intent applied to the new state, so no writer's change is lost.
    pub async fn modify(
        self,
        r: &ObjectRef,
        mut intent: impl FnMut(&Value) -> Result<Option<Value>>,
    ) -> Result<Modified> {
        let api = self.api_of(r)?;
        let what = format!("updating {}", r.describe());
        let hold = hold_before_write();
        for attempt in 0..CONFLICT_RETRIES {
            let Some(before) = self.get(r).await? else {
                return Err(not_found(r));
            };
            let version = before["metadata"]["resourceVersion"].clone();
            tracing::debug!("{what}: read at resourceVersion {version}");
            let Some(mut patch) = intent(&before)? else {
                return Ok(Modified { after: before.clone(), before, patch: None });
            };
            if attempt == 0
                && let Some(pause) = hold
            {
                tokio::time::sleep(pause).await;
            }
            let shown = patch.clone();
            let fields =
                patch.as_object_mut().ok_or_else(|| Error::failed("a merge patch must be a JSON object"))?;
            // The patch may change metadata too (annotations): the resourceVersion joins it.
            match fields.get_mut("metadata").and_then(Value::as_object_mut) {
                Some(metadata) => {
                    metadata.insert("resourceVersion".into(), version.clone());
                }
                None => {
                    fields.insert("metadata".into(), json!({ "resourceVersion": version.clone() }));
                }
            }
            match api.patch(&r.name, &PatchParams::default(), &Patch::Merge(&patch)).await {
                Ok(after) => {
                    return Ok(Modified { before, after: serde_json::to_value(after)?, patch: Some(shown) });
                }
                Err(e) if is_status(&e, 409) => {
                    tracing::debug!("{what}: conflict at resourceVersion {version}, reading it again");
                    tokio::time::sleep(conflict_pause(attempt + 1)).await;
                    continue;
                }
                Err(e) => return Err(self.cluster.err(what)(e)),
            }
        }
        Err(Error::failed(format!("{what}: it kept changing under {CONFLICT_RETRIES} attempts")).with_hint(
            "something else is rewriting it continuously; find the writer, then run the command again",
        ))
    }

    /// Deletes the object; true when there was one to delete.
    pub async fn delete(self, r: &ObjectRef, dependents: Propagation) -> Result<bool> {
        match self.api_of(r)?.delete(&r.name, &dependents.params()).await {
            Ok(_) => Ok(true),
            Err(e) if is_status(&e, 404) => Ok(false),
            Err(e) => Err(self.cluster.err(format!("deleting {}", r.describe()))(e)),
        }
    }

    /// Deletes objects concurrently, dependents in the background; returns how many existed.
    pub async fn delete_all(self, refs: &[ObjectRef]) -> Result<usize> {
        let deleted: Vec<bool> = stream::iter(refs.iter().map(|r| self.delete(r, Propagation::Background)))
            .buffer_unordered(CONCURRENCY)
            .try_collect()
            .await?;
        Ok(deleted.into_iter().filter(|d| *d).count())
    }

    /// The objects of `refs` that still exist, after waiting up to `timeout` for them to go: one
    /// watch per object, so each deletion is seen the moment it completes.
    pub async fn wait_gone(self, refs: &[ObjectRef], timeout: Duration) -> Result<Vec<ObjectRef>> {
        let deadline = Instant::now() + timeout;
        let left: Vec<Option<ObjectRef>> = stream::iter(refs.iter().map(|r| async move {
            let by_name = format!("metadata.name={}", r.name);
            let what = format!("watching {} go", r.describe());
            let api = self.api_of(r)?;
            let gone = watch_until(self.cluster, api, Select::fields(&by_name), deadline, &what, |current| {
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
}

/// The error of an object that should exist and does not.
pub fn not_found(r: &ObjectRef) -> Error {
    let mut err = match &r.namespace {
        Some(ns) => Error::invalid(format!("{} {} does not exist in namespace {ns}", r.kind, r.name)),
        None => Error::invalid(format!("{} {} does not exist", r.kind, r.name)),
    };
    err.status = Some(404);
    err
}

/// `OSM_HOLD_BEFORE_WRITE_MS` holds the first write of a read-modify-write that long after its
/// read: the tests use it to make two writers overlap for certain, not by luck of timing. A
/// test-only hook, so only debug builds (what `cargo test` runs) have it; a release build reads
/// no such variable.
#[cfg(debug_assertions)]
fn hold_before_write() -> Option<std::time::Duration> {
    let ms: u64 = std::env::var("OSM_HOLD_BEFORE_WRITE_MS").ok()?.parse().ok()?;
    Some(std::time::Duration::from_millis(ms))
}

#[cfg(not(debug_assertions))]
fn hold_before_write() -> Option<std::time::Duration> {
    None
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::osm::meshconfig::MeshConfig;
    use crate::model::osm::policy::{Egress, IngressBackend, UpstreamTrafficSetting};
    use crate::model::routing;
    use crate::model::smi::{HTTPRouteGroup, TCPRoute, TrafficSplit, TrafficTarget};

    fn same(a: &ApiResource, b: &ApiResource) -> bool {
        (&a.group, &a.version, &a.api_version, &a.kind, &a.plural)
            == (&b.group, &b.version, &b.api_version, &b.kind, &b.plural)
    }

    /// The kinds read as JSON are named by apiVersion and kind alone; the resource derived from
    /// that must be the one their types (or the routing APIs) declare, or the requests would go
    /// elsewhere.
    #[test]
    fn a_reference_finds_the_resource_its_kind_declares() {
        let declared = [
            ApiResource::erase::<MeshConfig>(&()),
            ApiResource::erase::<TrafficSplit>(&()),
            ApiResource::erase::<TrafficTarget>(&()),
            ApiResource::erase::<HTTPRouteGroup>(&()),
            ApiResource::erase::<TCPRoute>(&()),
            ApiResource::erase::<Egress>(&()),
            ApiResource::erase::<IngressBackend>(&()),
            ApiResource::erase::<UpstreamTrafficSetting>(&()),
            ApiResource::erase::<k8s_openapi::api::networking::v1::Ingress>(&()),
            routing::Api::Smi.resource(),
            routing::Api::Istio.resource(),
            routing::Api::Gateway.resource(),
        ];
        for resource in declared {
            let r = ObjectRef::new(&resource.api_version, &resource.kind, Some("ns"), "x");
            let derived = r.resource().unwrap();
            assert!(same(&derived, &resource), "{} derives {derived:?}, declared {resource:?}", r.kind);
        }
        let istio_rules = ObjectRef::new("networking.istio.io/v1", "DestinationRule", None, "x");
        assert_eq!(istio_rules.resource().unwrap().plural, "destinationrules");
    }

    #[test]
    fn an_unknown_kind_is_named_in_the_error() {
        let r = ObjectRef::new("example.com/v1", "Widget", None, "x");
        assert_eq!(r.resource().unwrap_err().message, "osm does not know the resource of kind Widget");
    }

    #[test]
    fn a_reference_to_a_typed_kind_carries_its_api_version_and_kind() {
        let r = ObjectRef::to::<TrafficSplit>(Some("bookstore"), "split");
        assert_eq!(
            r,
            ObjectRef::new("split.smi-spec.io/v1alpha2", "TrafficSplit", Some("bookstore"), "split")
        );
        assert_eq!(r.describe(), "TrafficSplit bookstore/split");
        assert_eq!(not_found(&r).message, "TrafficSplit split does not exist in namespace bookstore");
    }
}
