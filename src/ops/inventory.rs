//! What a mesh has on the cluster beyond its release record: what its components create at run
//! time (webhooks, the CA bundle), what carries its labels (installs by other tools), the
//! namespaces it monitors. Install (`--atomic`), upgrade and uninstall all ask the same questions.

use futures::{StreamExt, TryStreamExt, stream};
use serde_json::json;

use crate::cluster::CONCURRENCY;
use crate::cluster::Cluster;
use crate::cluster::access;
use crate::cluster::{ObjectRef, Select};
use crate::error::{Error, Result};
use crate::model::osm::keys::{
    APP_INSTANCE_LABEL, METRICS_ANNOTATION, MONITORED_BY_LABEL, SIDECAR_INJECTION_ANNOTATION,
};

/// Namespaced kinds looked for by label (meshes installed by other tools, and what the mesh's
/// own components create at run time).
const LABELLED_NAMESPACED: &[(&str, &str)] = &[
    ("apps/v1", "Deployment"),
    ("v1", "Service"),
    ("v1", "ServiceAccount"),
    ("v1", "ConfigMap"),
    ("v1", "Secret"),
    ("rbac.authorization.k8s.io/v1", "Role"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("batch/v1", "Job"),
];
const LABELLED_CLUSTER: &[(&str, &str)] = &[
    ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
    ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
];
/// Namespaced kinds whose API version depends on the server: group, kind, versions newest first.
const LABELLED_SERVED: &[(&str, &str, &[&str])] = &[
    ("policy", "PodDisruptionBudget", &["v1", "v1beta1"]),
    ("autoscaling", "HorizontalPodAutoscaler", &["v2", "v2beta2", "v2beta1", "v1"]),
];

/// What the mesh's components may have created beside what osm applies: the CA bundle Secret
/// and everything carrying the mesh's instance label (webhooks, ...).
pub async fn runtime_objects(
    cluster: &Cluster,
    mesh: &str,
    namespace: &str,
    ca_bundle_secret: &str,
) -> Result<Vec<ObjectRef>> {
    let mut found = labelled(cluster, mesh, namespace).await?;
    found.extend(fixed_name_objects(cluster, namespace, ca_bundle_secret).await?);
    found.sort();
    found.dedup();
    Ok(found)
}

/// The objects of a mesh known only by their fixed names in its namespace: they carry no mesh
/// label, so they belong to whichever mesh runs in that namespace. The chart gives its
/// PodDisruptionBudgets and autoscalers no instance label; the CA bundle Secret is osm-bootstrap's.
pub async fn fixed_name_objects(
    cluster: &Cluster,
    namespace: &str,
    ca_bundle_secret: &str,
) -> Result<Vec<ObjectRef>> {
    let mut found = Vec::new();
    for (group, kind, versions) in LABELLED_SERVED {
        let served = access::served_versions(cluster, group).await?;
        let Some(version) = versions.iter().find(|v| served.iter().any(|s| s == *v)) else { continue };
        let suffix = if *kind == "PodDisruptionBudget" { "pdb" } else { "hpa" };
        for component in ["osm-controller", "osm-injector"] {
            found.push(ObjectRef {
                api_version: format!("{group}/{version}"),
                kind: kind.to_string(),
                namespace: Some(namespace.into()),
                name: format!("{component}-{suffix}"),
            });
        }
    }
    if !ca_bundle_secret.is_empty() {
        found.push(ObjectRef {
            api_version: "v1".into(),
            kind: "Secret".into(),
            namespace: Some(namespace.into()),
            name: ca_bundle_secret.into(),
        });
    }
    Ok(found)
}

/// Those of `candidates` that exist; an object whose kind the server does not serve (a
/// MeshConfig without its CRD, a PodDisruptionBudget version gone) is simply absent.
pub async fn present(
    cluster: &Cluster,
    candidates: impl IntoIterator<Item = ObjectRef>,
) -> Result<Vec<ObjectRef>> {
    let found: Vec<Option<ObjectRef>> = stream::iter(candidates.into_iter().map(|r| async move {
        match cluster.objects().get(&r).await {
            Ok(found) => Ok(found.map(|_| r)),
            // A kind the server does not serve answers 404 like an absent object.
            Err(e) if e.is_status(404) => Ok(None),
            Err(e) => Err(e),
        }
    }))
    .buffer_unordered(CONCURRENCY)
    .try_collect()
    .await?;
    let mut found: Vec<ObjectRef> = found.into_iter().flatten().collect();
    found.sort();
    Ok(found)
}

/// Objects carrying `app.kubernetes.io/instance=<mesh>`: in the control-plane namespace, and
/// cluster-wide (roles, webhooks). CRDs are left to `-a`.
pub async fn labelled(cluster: &Cluster, mesh: &str, namespace: &str) -> Result<Vec<ObjectRef>> {
    let selector = format!("{APP_INSTANCE_LABEL}={mesh}");
    let mut kinds: Vec<(String, String, bool)> = LABELLED_NAMESPACED
        .iter()
        .map(|(v, k)| (v.to_string(), k.to_string(), true))
        .chain(LABELLED_CLUSTER.iter().map(|(v, k)| (v.to_string(), k.to_string(), false)))
        .collect();
    for (group, kind, wanted) in LABELLED_SERVED {
        let served = access::served_versions(cluster, group).await?;
        if let Some(version) = wanted.iter().find(|v| served.iter().any(|s| s == *v)) {
            kinds.push((format!("{group}/{version}"), kind.to_string(), true));
        }
    }
    let found: Vec<Vec<ObjectRef>> =
        stream::iter(kinds.into_iter().map(|(api_version, kind, namespaced)| {
            let selector = selector.clone();
            async move {
                let ns = namespaced.then_some(namespace);
                let items =
                    cluster.objects().list(&api_version, &kind, ns, Select::labels(&selector)).await?;
                Ok::<_, Error>(
                    items
                        .iter()
                        .filter(|o| o["metadata"]["deletionTimestamp"].is_null())
                        .map(|o| ObjectRef {
                            api_version: api_version.clone(),
                            kind: kind.clone(),
                            namespace: namespaced.then(|| namespace.to_string()),
                            name: o["metadata"]["name"].as_str().unwrap_or_default().to_string(),
                        })
                        .collect(),
                )
            }
        }))
        .buffer_unordered(CONCURRENCY)
        .try_collect()
        .await?;
    Ok(found.into_iter().flatten().collect())
}

/// Namespaces labelled as monitored by the mesh, sorted.
pub async fn monitored(cluster: &Cluster, mesh: &str) -> Result<Vec<String>> {
    let selector = format!("{MONITORED_BY_LABEL}={mesh}");
    let items = cluster.objects().list("v1", "Namespace", None, Select::labels(&selector)).await?;
    let mut names: Vec<String> =
        items.iter().filter_map(|n| n["metadata"]["name"].as_str().map(str::to_string)).collect();
    names.sort();
    Ok(names)
}

/// Takes the mesh's label and annotations off a namespace (gone already is fine).
pub async fn unlabel_namespace(cluster: &Cluster, namespace: &str) -> Result<()> {
    let patch = json!({
        "metadata": {
            "labels": {MONITORED_BY_LABEL: null},
            "annotations": {SIDECAR_INJECTION_ANNOTATION: null, METRICS_ANNOTATION: null},
        }
    });
    cluster.objects().merge_patch(&namespace_ref(namespace), &patch).await.map(|_| ())
}

/// A Namespace as an [`ObjectRef`]: cluster-scoped, so it has no namespace of its own.
pub fn namespace_ref(name: &str) -> ObjectRef {
    ObjectRef { api_version: "v1".into(), kind: "Namespace".into(), namespace: None, name: name.into() }
}
