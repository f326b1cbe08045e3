//! The typed verbs, for the built-in kinds osm models with k8s-openapi types (Namespace, Pod,
//! Service, Deployment, CRDs, webhooks...): methods of `Cluster` taking the type (`K: Kind`).
//! Code outside this layer reads and patches them only through these methods, so every such
//! request backs off on a transient failure and fails with the same explained error; kinds known
//! only as JSON go through the dynamic verbs of the same names, `Cluster::objects` (`object.rs`).

use std::fmt::Debug;
use std::future::Future;

use k8s_openapi::NamespaceResourceScope;
use kube::Resource;
use kube::api::{Api, ListParams, Patch, PatchParams};
use serde::de::DeserializeOwned;

use super::{CONFLICT_RETRIES, Cluster, FIELD_MANAGER, conflict_pause, is_status};
use crate::error::Result;

/// Which objects a list returns, as kubectl's `-l` and `--field-selector` say.
#[derive(Debug, Default, Clone, Copy)]
pub struct Select<'a> {
    pub labels: Option<&'a str>,
    pub fields: Option<&'a str>,
    /// Served from the API server's watch cache as it stands (`resourceVersion=0`), instead of
    /// a list consistent with etcd: since Kubernetes 1.31 a consistent list first waits for the
    /// cache to catch up with the latest write anywhere in the cluster, up to ~100 ms. Right for
    /// objects that change rarely and that nothing of this process just wrote.
    pub cached: bool,
}

impl<'a> Select<'a> {
    pub const ALL: Select<'static> = Select { labels: None, fields: None, cached: false };

    /// Objects carrying these labels (`-l`).
    pub fn labels(selector: &'a str) -> Self {
        Select { labels: Some(selector), ..Select::ALL }
    }

    /// Objects whose fields match (`--field-selector`), e.g. `metadata.name=x` to watch one.
    pub fn fields(selector: &'a str) -> Self {
        Select { fields: Some(selector), ..Select::ALL }
    }

    /// The same objects, read from the watch cache (see [`Select::cached`]).
    pub fn from_cache(self) -> Self {
        Select { cached: true, ..self }
    }

    pub(super) fn params(&self) -> ListParams {
        let mut params = ListParams::default();
        if let Some(labels) = self.labels {
            params = params.labels(labels);
        }
        if let Some(fields) = self.fields {
            params = params.fields(fields);
        }
        if self.cached {
            params = params.match_any();
        }
        params
    }
}

/// A kind with a static schema (every k8s-openapi type).
pub trait Kind: Resource<DynamicType = ()> + Clone + DeserializeOwned + Debug {}
impl<K: Resource<DynamicType = ()> + Clone + DeserializeOwned + Debug> Kind for K {}

impl Cluster {
    /// The namespace a command works in when none is given: the kubeconfig context's, as kubectl.
    pub fn default_namespace(&self) -> &str {
        self.client.default_namespace()
    }

    /// Objects of a cluster-scoped kind, or of a namespaced kind in every namespace.
    pub async fn list<K: Kind>(&self, select: Select<'_>, what: &str) -> Result<Vec<K>> {
        list_with(self, Api::all(self.client.clone()), select, what).await
    }

    /// Objects of a namespaced kind in one namespace.
    pub async fn list_in<K>(&self, namespace: &str, select: Select<'_>, what: &str) -> Result<Vec<K>>
    where
        K: Kind + Resource<Scope = NamespaceResourceScope>,
    {
        list_with(self, Api::namespaced(self.client.clone(), namespace), select, what).await
    }

    /// A cluster-scoped object, `None` when it does not exist.
    pub async fn get<K: Kind>(&self, name: &str, what: &str) -> Result<Option<K>> {
        get_with(self, Api::all(self.client.clone()), name, what).await
    }

    /// A namespaced object, `None` when it does not exist.
    pub async fn get_in<K>(&self, namespace: &str, name: &str, what: &str) -> Result<Option<K>>
    where
        K: Kind + Resource<Scope = NamespaceResourceScope>,
    {
        get_with(self, Api::namespaced(self.client.clone(), namespace), name, what).await
    }

    /// JSON merge patch (a `null` value removes a key) of a cluster-scoped object, retried on
    /// conflict; `None` when the object does not exist.
    pub async fn merge_patch<K: Kind>(
        &self,
        name: &str,
        patch: &serde_json::Value,
        what: &str,
    ) -> Result<Option<K>> {
        patch_with(self, Api::all(self.client.clone()), name, patch, what).await
    }

    /// As [`Cluster::merge_patch`], for an object of a namespaced kind.
    pub async fn merge_patch_in<K>(
        &self,
        namespace: &str,
        name: &str,
        patch: &serde_json::Value,
        what: &str,
    ) -> Result<Option<K>>
    where
        K: Kind + Resource<Scope = NamespaceResourceScope>,
    {
        patch_with(self, Api::namespaced(self.client.clone(), namespace), name, patch, what).await
    }
}

async fn list_with<K: Kind>(
    cluster: &Cluster,
    api: Api<K>,
    select: Select<'_>,
    what: &str,
) -> Result<Vec<K>> {
    Ok(api.list(&select.params()).await.map_err(cluster.err(what))?.items)
}

async fn get_with<K: Kind>(cluster: &Cluster, api: Api<K>, name: &str, what: &str) -> Result<Option<K>> {
    api.get_opt(name).await.map_err(cluster.err(what))
}

async fn patch_with<K: Kind>(
    cluster: &Cluster,
    api: Api<K>,
    name: &str,
    patch: &serde_json::Value,
    what: &str,
) -> Result<Option<K>> {
    let params = PatchParams { field_manager: Some(FIELD_MANAGER.into()), ..Default::default() };
    let patch = Patch::Merge(patch);
    match retry_on_conflict(|| api.patch(name, &params, &patch)).await {
        Ok(object) => Ok(Some(object)),
        Err(e) if is_status(&e, 404) => Ok(None),
        Err(e) => Err(cluster.err(what)(e)),
    }
}

/// Runs `op` again when the API server answers 409 Conflict, pausing as [`conflict_pause`] says.
async fn retry_on_conflict<T, F, Fut>(mut op: F) -> Result<T, kube::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, kube::Error>>,
{
    let mut attempt = 0;
    loop {
        match op().await {
            Err(err) if is_status(&err, 409) && attempt < CONFLICT_RETRIES => {
                attempt += 1;
                tokio::time::sleep(conflict_pause(attempt)).await;
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use kube::core::Status;

    use super::*;

    fn api_error(code: u16) -> kube::Error {
        kube::Error::Api(Box::new(
            Status::failure("the object has been modified", "Conflict").with_code(code),
        ))
    }

    #[tokio::test]
    async fn conflicts_are_retried_until_the_write_goes_through() {
        let calls = AtomicU32::new(0);
        let result = retry_on_conflict(|| async {
            if calls.fetch_add(1, Ordering::SeqCst) < 2 { Err(api_error(409)) } else { Ok("written") }
        })
        .await;
        assert_eq!(result.unwrap(), "written");
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn endless_conflicts_give_up_and_other_errors_are_not_retried() {
        let calls = AtomicU32::new(0);
        let result: Result<(), _> = retry_on_conflict(|| async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(api_error(409))
        })
        .await;
        assert!(is_status(&result.unwrap_err(), 409));
        assert_eq!(calls.load(Ordering::SeqCst), CONFLICT_RETRIES + 1);

        let calls = AtomicU32::new(0);
        let result: Result<(), _> = retry_on_conflict(|| async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(api_error(403))
        })
        .await;
        assert!(is_status(&result.unwrap_err(), 403));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
