//! Questions asked before changing anything: may I do this (SelfSubjectAccessReview), and
//! which versions of an API group does the server serve (plain discovery, which 1.20 answers).

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use kube::api::{Api, PostParams};

use crate::error::Result;

use super::CONCURRENCY;
use super::Cluster;

/// One permission to check.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Permission {
    pub verb: String,
    pub group: String,
    pub resource: String,
    pub namespace: Option<String>,
}

impl Permission {
    pub fn describe(&self) -> String {
        let resource = if self.group.is_empty() {
            self.resource.clone()
        } else {
            format!("{}.{}", self.resource, self.group)
        };
        match &self.namespace {
            Some(ns) => format!("{} {resource} in namespace {ns}", self.verb),
            None => format!("{} {resource} (cluster-wide)", self.verb),
        }
    }
}

/// The permissions of `wanted` the current user lacks.
pub async fn missing_permissions(cluster: &Cluster, wanted: &[Permission]) -> Result<Vec<Permission>> {
    let api: Api<SelfSubjectAccessReview> = Api::all(cluster.client.clone());
    let answers: Vec<Option<Permission>> = stream::iter(wanted.iter().map(|p| {
        let api = api.clone();
        async move {
            let review = SelfSubjectAccessReview {
                spec: SelfSubjectAccessReviewSpec {
                    resource_attributes: Some(ResourceAttributes {
                        verb: Some(p.verb.clone()),
                        group: Some(p.group.clone()),
                        resource: Some(p.resource.clone()),
                        namespace: p.namespace.clone(),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                ..Default::default()
            };
            let answer = api
                .create(&PostParams::default(), &review)
                .await
                .map_err(cluster.err("checking permissions (SelfSubjectAccessReview)"))?;
            let allowed = answer.status.is_some_and(|s| s.allowed);
            Ok::<_, crate::Error>((!allowed).then(|| p.clone()))
        }
    }))
    .buffer_unordered(CONCURRENCY)
    .try_collect()
    .await?;
    let mut missing: Vec<Permission> = answers.into_iter().flatten().collect();
    missing.sort();
    Ok(missing)
}

/// The versions of `group` the server serves, newest-preferred first as the server lists them.
pub async fn served_versions(cluster: &Cluster, group: &str) -> Result<Vec<String>> {
    let groups =
        cluster.client.list_api_groups().await.map_err(cluster.err("discovering the served APIs"))?;
    Ok(groups
        .groups
        .into_iter()
        .find(|g| g.name == group)
        .map(|g| g.versions.into_iter().map(|v| v.version).collect())
        .unwrap_or_default())
}

/// Every group/version the cluster serves (`v1` for the core group), as Helm's
/// `.Capabilities.APIVersions` lists them.
pub async fn served_api_versions(cluster: &Cluster) -> Result<std::collections::BTreeSet<String>> {
    let groups =
        cluster.client.list_api_groups().await.map_err(cluster.err("discovering the served APIs"))?;
    let mut out: std::collections::BTreeSet<String> =
        groups.groups.into_iter().flat_map(|g| g.versions.into_iter().map(|v| v.group_version)).collect();
    out.insert("v1".into());
    Ok(out)
}

/// What applying `objects` needs: create and patch on each object's resource, where it goes.
pub fn permissions_to_apply(objects: &[serde_json::Value]) -> Vec<Permission> {
    let mut wanted = std::collections::BTreeSet::new();
    for obj in objects {
        let r = super::ObjectRef::of(obj);
        let group = r.api_version.rsplit_once('/').map(|(g, _)| g.to_string()).unwrap_or_default();
        let resource = super::plural(&r.kind).unwrap_or_default().to_string();
        for verb in ["create", "patch"] {
            wanted.insert(Permission {
                verb: verb.into(),
                group: group.clone(),
                resource: resource.clone(),
                namespace: r.namespace.clone(),
            });
        }
    }
    wanted.into_iter().collect()
}
