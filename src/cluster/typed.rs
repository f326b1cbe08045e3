//! Requests for the built-in kinds osm models with k8s-openapi types (Namespace, Pod, Service,
//! Deployment, CRDs, webhooks...). Code outside this layer reads and patches them only through
//! these methods, so every such request backs off on a transient failure and fails with the same
//! explained error; kinds known only as JSON go through `Cluster::get_json` and `apply` instead.

use std::fmt::Debug;

use k8s_openapi::NamespaceResourceScope;
use kube::Resource;
use kube::api::{Api, ListParams, Patch, PatchParams};
use serde::de::DeserializeOwned;

use super::patch::retry_on_conflict;
use super::{Cluster, FIELD_MANAGER, is_status};
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

    fn params(&self) -> ListParams {
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
    pub async fn patch<K: Kind>(
        &self,
        name: &str,
        patch: &serde_json::Value,
        what: &str,
    ) -> Result<Option<K>> {
        patch_with(self, Api::all(self.client.clone()), name, patch, what).await
    }

    /// As [`Cluster::patch`], for an object of a namespaced kind.
    pub async fn patch_in<K>(
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
