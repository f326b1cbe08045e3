//! Reading and writing release records (Helm's storage format, see `model::osm::release`) on the
//! cluster: Secrets in the release's namespace, one per revision.

use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::{ObjectRef, Select};
use crate::error::Result;
use crate::model::osm::release::{self, Release};

/// Every revision of release `name` in `namespace`, oldest first.
pub async fn history(cluster: &Cluster, namespace: &str, name: &str) -> Result<Vec<Release>> {
    let secrets = cluster
        .objects()
        .list("v1", "Secret", Some(namespace), Select::labels(&release::selector(name)))
        .await?;
    let mut releases = secrets.iter().map(Release::from_secret).collect::<Result<Vec<_>>>()?;
    releases.sort_by_key(Release::revision);
    Ok(releases)
}

/// The newest revision of every release of OSM's chart in the cluster, by namespace and name.
/// Records that cannot be read are skipped here: listing must not fail over one damaged Secret
/// (reading that release's history names it).
pub async fn all_osm(cluster: &Cluster) -> Result<Vec<Release>> {
    let selector = format!("{}={}", release::OWNER_LABEL, release::OWNER);
    let secrets = cluster.objects().list("v1", "Secret", None, Select::labels(&selector)).await?;
    let mut latest: std::collections::BTreeMap<(String, String), Release> = Default::default();
    for secret in &secrets {
        let Ok(r) = Release::from_secret(secret) else { continue };
        if r.chart_name() != "osm" {
            continue;
        }
        let key = (r.namespace().to_string(), r.name().to_string());
        if latest.get(&key).is_none_or(|known| known.revision() < r.revision()) {
            latest.insert(key, r);
        }
    }
    Ok(latest.into_values().collect())
}

/// Stores a revision (creating or replacing its Secret).
pub async fn write(cluster: &Cluster, release: &Release) -> Result<()> {
    cluster.objects().apply(&release.to_secret()).await.map(|_| ())
}

/// Validates storing a revision without storing it.
pub async fn write_dry_run(cluster: &Cluster, release: &Release) -> Result<()> {
    cluster.objects().apply_dry_run(&release.to_secret()).await
}

/// The Secret of a revision, to delete it or look for it.
pub fn secret_ref(namespace: &str, name: &str, revision: u32) -> ObjectRef {
    ObjectRef {
        api_version: "v1".into(),
        kind: "Secret".into(),
        namespace: Some(namespace.into()),
        name: release::secret_name(name, revision),
    }
}

/// The objects a release's manifests name (its hooks' too), as references; kinds osm does not
/// know are returned apart, so that a caller can say what it leaves alone.
pub fn manifest_refs(release: &Release) -> Result<(Vec<ObjectRef>, Vec<String>)> {
    let mut refs = Vec::new();
    let mut unknown = Vec::new();
    let manifests = std::iter::once(release.manifest()).chain(release.hook_manifests());
    for manifest in manifests {
        for obj in release::objects_of(manifest)? {
            let mut r = ObjectRef::of(&obj);
            if crate::cluster::plural(&r.kind).is_none() {
                unknown.push(r.describe());
                continue;
            }
            if r.namespace.is_none() && is_namespaced(&r.kind) {
                r.namespace = Some(release.namespace().to_string());
            }
            refs.push(r);
        }
    }
    Ok((refs, unknown))
}

/// Helm leaves a namespaced object's namespace to the release; osm's kinds, by scope.
fn is_namespaced(kind: &str) -> bool {
    !matches!(
        kind,
        "Namespace"
            | "CustomResourceDefinition"
            | "ClusterRole"
            | "ClusterRoleBinding"
            | "MutatingWebhookConfiguration"
            | "ValidatingWebhookConfiguration"
    )
}

/// The objects of a release's manifest, with the release's namespace filled in where Helm
/// would fill it in.
pub fn manifest_objects(release: &Release) -> Result<Vec<Value>> {
    let mut objects = release::objects_of(release.manifest())?;
    for obj in &mut objects {
        let kind = obj["kind"].as_str().unwrap_or_default().to_string();
        if is_namespaced(&kind) && obj["metadata"]["namespace"].is_null() {
            obj["metadata"]["namespace"] = Value::String(release.namespace().to_string());
        }
    }
    Ok(objects)
}
