//! Reading and editing single objects as JSON, so fields osm does not model survive every write.

use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams};
use kube::core::ApiResource;
use serde_json::{Value, json};

use crate::error::{Error, Result};

use super::{CONFLICT_RETRIES, Cluster, conflict_pause, is_status};

/// The outcome of [`Cluster::modify`].
#[derive(Debug, Clone)]
pub struct Modified {
    /// The object as read before the (last, successful) attempt.
    pub before: Value,
    /// The object as the API server returned it after the write; `before` when nothing changed.
    pub after: Value,
    /// The merge patch that was sent, or `None` when the object already was as intended.
    pub patch: Option<Value>,
}

impl Cluster {
    pub(super) fn objects(&self, resource: &ApiResource, namespace: Option<&str>) -> Api<DynamicObject> {
        match namespace {
            Some(ns) => Api::namespaced_with(self.client.clone(), ns, resource),
            None => Api::all_with(self.client.clone(), resource),
        }
    }

    /// The object as JSON, or `None` when it does not exist.
    pub async fn get_json(
        &self,
        resource: &ApiResource,
        namespace: &str,
        name: &str,
    ) -> Result<Option<Value>> {
        let what = format!("reading {} {namespace}/{name}", resource.kind);
        let api = self.objects(resource, Some(namespace));
        let found = api.get_opt(name).await.map_err(self.err(&what))?;
        found.map(serde_json::to_value).transpose().map_err(Error::from)
    }

    /// As [`Cluster::get_json`], and `None` too when the API server does not serve the kind at
    /// all (its CRD is not installed): then no such object exists either. That 404 is a bare
    /// "page not found", not the NotFound status of a missing object, so it needs its own arm.
    pub async fn get_json_if_served(
        &self,
        resource: &ApiResource,
        namespace: &str,
        name: &str,
    ) -> Result<Option<Value>> {
        match self.get_json(resource, namespace, name).await {
            Err(e) if e.status == Some(404) => Ok(None),
            other => other,
        }
    }

    /// Every object of the kind, in one namespace or (None) in all, as JSON.
    pub async fn list_json(&self, resource: &ApiResource, namespace: Option<&str>) -> Result<Vec<Value>> {
        let what = format!("listing {}", resource.plural);
        let api = self.objects(resource, namespace);
        let list = api.list(&ListParams::default()).await.map_err(self.err(&what))?;
        list.items.into_iter().map(|o| serde_json::to_value(o).map_err(Error::from)).collect()
    }

    /// As [`Cluster::list_json`], and empty when the API server does not serve the kind at all.
    pub async fn list_json_if_served(
        &self,
        resource: &ApiResource,
        namespace: Option<&str>,
    ) -> Result<Vec<Value>> {
        match self.list_json(resource, namespace).await {
            Err(e) if e.status == Some(404) => Ok(Vec::new()),
            other => other,
        }
    }

    pub async fn create_json(
        &self,
        resource: &ApiResource,
        namespace: &str,
        object: &Value,
    ) -> Result<Value> {
        let name = object["metadata"]["name"].as_str().unwrap_or_default();
        let what = format!("creating {} {namespace}/{name}", resource.kind);
        let object: DynamicObject = serde_json::from_value(object.clone())?;
        let created = self
            .objects(resource, Some(namespace))
            .create(&PostParams::default(), &object)
            .await
            .map_err(self.err(what))?;
        Ok(serde_json::to_value(created)?)
    }

    /// Deletes the object; `false` when it did not exist.
    pub async fn delete_object(&self, resource: &ApiResource, namespace: &str, name: &str) -> Result<bool> {
        let what = format!("deleting {} {namespace}/{name}", resource.kind);
        match self.objects(resource, Some(namespace)).delete(name, &DeleteParams::default()).await {
            Ok(_) => Ok(true),
            Err(e) if is_status(&e, 404) => Ok(false),
            Err(e) => Err(self.err(what)(e)),
        }
    }

    /// Read-modify-write of one object. `intent` computes, from the object as read, the JSON
    /// merge patch to send (`None`: already as intended). The patch carries the resourceVersion
    /// that was read, so a concurrent change makes the API server answer 409; then the object is
    /// read again and the same intent applied to the new state, so no writer's change is lost.
    pub async fn modify(
        &self,
        resource: &ApiResource,
        namespace: &str,
        name: &str,
        mut intent: impl FnMut(&Value) -> Result<Option<Value>>,
    ) -> Result<Modified> {
        let api = self.objects(resource, Some(namespace));
        let what = format!("updating {} {namespace}/{name}", resource.kind);
        let hold = hold_before_write();
        for attempt in 0..CONFLICT_RETRIES {
            let Some(before) = self.get_json(resource, namespace, name).await? else {
                return Err(not_found(resource, namespace, name));
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
            match api.patch(name, &PatchParams::default(), &Patch::Merge(&patch)).await {
                Ok(after) => {
                    return Ok(Modified { before, after: serde_json::to_value(after)?, patch: Some(shown) });
                }
                Err(e) if is_status(&e, 409) => {
                    tracing::debug!("{what}: conflict at resourceVersion {version}, reading it again");
                    tokio::time::sleep(conflict_pause(attempt + 1)).await;
                    continue;
                }
                Err(e) => return Err(self.err(what)(e)),
            }
        }
        Err(Error::failed(format!("{what}: it kept changing under {CONFLICT_RETRIES} attempts")).with_hint(
            "something else is rewriting it continuously; find the writer, then run the command again",
        ))
    }
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

pub fn not_found(resource: &ApiResource, namespace: &str, name: &str) -> Error {
    let mut err = Error::invalid(format!("{} {name} does not exist in namespace {namespace}", resource.kind));
    err.status = Some(404);
    err
}
