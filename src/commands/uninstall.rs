//! `osm uninstall mesh` (and the older `osm uninstall --mesh-name=NAME`): removes what the
//! install record lists plus whatever carries the mesh's labels, cleans the namespaces the mesh
//! monitored, optionally the namespace and the CRDs, then checks that nothing is left.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::core::v1::Namespace;
use kube::ResourceExt;
use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams};
use kube::core::{ApiResource, GroupVersionKind};
use serde::Serialize;
use serde_json::Value;

use crate::cli::uninstall::UninstallArgs;
use crate::cluster::Cluster;
use crate::cluster::access;
use crate::cluster::apply::{self, CONCURRENCY, ObjectRef};
use crate::error::{Error, Result};
use crate::mesh::chart::crds;
use crate::mesh::discovery;
use crate::mesh::keys::{
    APP_INSTANCE_LABEL, MESH_CONFIG_NAME, METRICS_ANNOTATION, MONITORED_BY_LABEL,
    SIDECAR_INJECTION_ANNOTATION,
};
use crate::mesh::record::{self, InstallRecord};
use crate::output::Render;

use super::Context;

/// Namespaced kinds looked for by label, beyond the record (meshes installed by other tools,
/// and what the mesh's own components create at run time).
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

/// What an uninstall removes.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub mesh_name: String,
    pub namespace: String,
    pub objects: Vec<ObjectRef>,
    /// Namespaces that lose the mesh's label and annotations.
    pub monitored_namespaces: Vec<String>,
    pub delete_namespace: bool,
    pub crds: Vec<ObjectRef>,
    /// Custom resources that go with the CRDs, by kind.
    pub custom_resources: BTreeMap<String, usize>,
}

impl Plan {
    fn counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for r in self.objects.iter().chain(self.crds.iter()) {
            *counts.entry(r.kind.clone()).or_insert(0) += 1;
        }
        counts
    }

    fn is_empty(&self) -> bool {
        self.objects.is_empty()
            && self.monitored_namespaces.is_empty()
            && self.crds.is_empty()
            && !self.delete_namespace
    }
}

impl Render for Plan {
    fn human(&self) -> String {
        let mut lines = vec![format!(
            "Uninstalling mesh [{}] from namespace [{}] removes:",
            self.mesh_name, self.namespace
        )];
        for (kind, n) in self.counts() {
            lines.push(format!("  {n} {kind}"));
        }
        if self.delete_namespace {
            lines.push(format!("  the namespace {} and everything in it", self.namespace));
        }
        if !self.monitored_namespaces.is_empty() {
            lines.push(format!(
                "  the mesh's label and annotations from {} namespaces: {}",
                self.monitored_namespaces.len(),
                self.monitored_namespaces.join(", ")
            ));
        }
        for (kind, n) in &self.custom_resources {
            lines.push(format!("  {n} {kind} custom resources (with their CRD)"));
        }
        lines.join("\n")
    }
}

pub async fn run(ctx: &Context, args: UninstallArgs) -> Result<()> {
    let a = args.mesh;
    let cluster = ctx.cluster().await?;
    let meshes = discovery::list_meshes(cluster).await?;
    let namespace = meshes
        .iter()
        .find(|m| m.name == a.mesh_name)
        .map(|m| m.namespace.clone())
        .unwrap_or_else(|| ctx.global.osm_namespace.clone());
    let mesh = a.mesh_name.clone();
    let others: Vec<String> = meshes.iter().filter(|m| m.name != mesh).map(|m| m.name.clone()).collect();

    let plan = plan(
        cluster,
        &mesh,
        &namespace,
        &a.ca_bundle_secret_name,
        a.delete_namespace,
        a.delete_cluster_wide_resources,
    )
    .await?;
    if !plan.crds.is_empty() && !others.is_empty() && !a.force {
        return Err(Error::invalid(format!(
            "-a would delete OSM's CRDs, which meshes {} still use",
            others.join(", ")
        ))
        .with_hint("uninstall those meshes first, or pass --force to delete the CRDs anyway"));
    }
    if plan.is_empty() {
        ctx.out.data(&format!(
            "Mesh [{mesh}] is not installed in namespace [{namespace}]; nothing to uninstall"
        ));
        return Ok(());
    }
    if a.dry_run {
        ctx.out.data(&plan.human());
        ctx.out.info("--dry-run: nothing was removed");
        return Ok(());
    }
    // Shown even with -f/-y: what goes, and how many custom resources go with the CRDs.
    ctx.out.info(&plan.human());
    if !(a.force || a.yes) {
        let question = format!("Uninstall OSM [mesh name: {mesh}] in namespace [{namespace}]?");
        if !ctx.out.confirm(&question, "-y (or -f)")? {
            return Err(Error::invalid("uninstall cancelled; nothing was removed"));
        }
    }

    apply::delete_all(cluster, &plan.objects).await?;
    stream::iter(plan.monitored_namespaces.iter().map(|ns| unlabel_namespace(cluster, ns, &mesh)))
        .buffer_unordered(CONCURRENCY)
        .try_collect::<Vec<()>>()
        .await?;
    let mut expected_gone = plan.objects.clone();
    if plan.delete_namespace {
        let ns_ref = namespace_ref(&namespace);
        apply::delete(cluster, &ns_ref).await?;
        expected_gone.push(ns_ref);
    }
    if !plan.crds.is_empty() {
        apply::delete_all(cluster, &plan.crds).await?;
        expected_gone.extend(plan.crds.iter().cloned());
    }

    let mut left: Vec<String> = apply::wait_gone(cluster, &expected_gone, Duration::from_secs(90))
        .await?
        .iter()
        .map(ObjectRef::describe)
        .collect();
    left.extend(labelled(cluster, &mesh, &namespace).await?.iter().map(ObjectRef::describe));
    left.extend(
        monitored(cluster, &mesh)
            .await?
            .into_iter()
            .map(|ns| format!("namespace {ns} still labelled {MONITORED_BY_LABEL}={mesh}")),
    );
    left.sort();
    left.dedup();
    if !left.is_empty() {
        return Err(Error::failed(format!(
            "mesh [{mesh}] was uninstalled, but these are left:\n  {}",
            left.join("\n  ")
        ))
        .with_hint(
            "run the command again; if they stay, look at their finalizers with kubectl get -o yaml",
        ));
    }
    ctx.out.data(&format!("OSM [mesh name: {mesh}] in namespace [{namespace}] uninstalled"));
    Ok(())
}

fn namespace_ref(name: &str) -> ObjectRef {
    ObjectRef { api_version: "v1".into(), kind: "Namespace".into(), namespace: None, name: name.into() }
}

/// Builds the plan from the install record, the mesh's labels and the cluster's CRDs.
pub async fn plan(
    cluster: &Cluster,
    mesh: &str,
    namespace: &str,
    ca_bundle_secret: &str,
    delete_namespace: bool,
    delete_crds: bool,
) -> Result<Plan> {
    let record = record::read(cluster, mesh, namespace).await?;
    let mut candidates: BTreeSet<ObjectRef> = BTreeSet::new();
    if let Some(record) = &record {
        candidates.extend(
            record
                .inventory
                .iter()
                .filter(|r| r.kind != "Namespace" && r.kind != "CustomResourceDefinition")
                .cloned(),
        );
        candidates.insert(InstallRecord::object_ref(mesh, namespace));
    }
    candidates.insert(ObjectRef {
        api_version: format!("{}/v1alpha2", crate::mesh::meshconfig::GROUP),
        kind: "MeshConfig".into(),
        namespace: Some(namespace.into()),
        name: MESH_CONFIG_NAME.into(),
    });
    candidates.extend(runtime_objects(cluster, mesh, namespace, ca_bundle_secret).await?);
    let mut objects = present(cluster, candidates).await?;
    objects.sort();

    let namespace_exists = apply::get(cluster, &namespace_ref(namespace)).await?.is_some();
    let mut plan = Plan {
        mesh_name: mesh.into(),
        namespace: namespace.into(),
        objects,
        monitored_namespaces: monitored(cluster, mesh).await?,
        delete_namespace: delete_namespace && namespace_exists,
        crds: vec![],
        custom_resources: BTreeMap::new(),
    };
    if delete_crds {
        for crd in crds::all() {
            let name = crd["metadata"]["name"].as_str().unwrap_or_default().to_string();
            let r = ObjectRef {
                api_version: "apiextensions.k8s.io/v1".into(),
                kind: "CustomResourceDefinition".into(),
                namespace: None,
                name: name.clone(),
            };
            if apply::get(cluster, &r).await?.is_none() {
                continue;
            }
            let spec = &crd["spec"];
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            let version = spec["versions"]
                .as_array()
                .and_then(|vs| vs.iter().find(|v| v["storage"] == true))
                .map(|v| text(&v["name"]))
                .unwrap_or_default();
            let (kind, plural) = (text(&spec["names"]["kind"]), text(&spec["names"]["plural"]));
            let gvk = GroupVersionKind::gvk(&text(&spec["group"]), &version, &kind);
            let resource = ApiResource::from_gvk_with_plural(&gvk, &plural);
            let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &resource);
            // A count that cannot be read must not show as zero: -a would look harmless.
            let count = api
                .list_metadata(&ListParams::default())
                .await
                .map_err(cluster.err(format!("counting the {plural} that -a would delete")))?
                .items
                .len();
            if count > 0 {
                plan.custom_resources.insert(kind, count);
            }
            plan.crds.push(r);
        }
    }
    Ok(plan)
}

/// What the mesh's components may have created beside what osm applies: the CA bundle Secret
/// and everything carrying the mesh's instance label (webhooks, ...). `osm install --atomic`
/// and `osm uninstall` both remove these.
pub async fn runtime_objects(
    cluster: &Cluster,
    mesh: &str,
    namespace: &str,
    ca_bundle_secret: &str,
) -> Result<Vec<ObjectRef>> {
    let mut found = labelled(cluster, mesh, namespace).await?;
    // The chart gives its PodDisruptionBudgets and autoscalers no mesh label (and the Go CLI
    // left no record): they are known by their fixed names in the mesh's namespace.
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
    found.sort();
    found.dedup();
    Ok(found)
}

/// Those of `candidates` that exist; an object whose kind the server does not serve (a
/// MeshConfig without its CRD) is simply absent.
pub async fn present(
    cluster: &Cluster,
    candidates: impl IntoIterator<Item = ObjectRef>,
) -> Result<Vec<ObjectRef>> {
    let found: Vec<Option<ObjectRef>> = stream::iter(candidates.into_iter().map(|r| async move {
        match apply::get(cluster, &r).await {
            Ok(found) => Ok(found.map(|_| r)),
            Err(e) if e.message.contains("the server could not find the requested resource") => Ok(None),
            Err(e) if r.kind == "MeshConfig" && e.message.contains("404") => Ok(None),
            Err(e) => Err(e),
        }
    }))
    .buffer_unordered(CONCURRENCY)
    .try_collect()
    .await?;
    Ok(found.into_iter().flatten().collect())
}

/// Objects carrying `app.kubernetes.io/instance=<mesh>`: in the control-plane namespace, and
/// cluster-wide (roles, webhooks). CRDs are left to `-a`. PodDisruptionBudgets and autoscalers
/// are looked for in the newest version the server serves.
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
                let resource = apply::api_resource(&api_version, &kind)?;
                let api: Api<DynamicObject> = if namespaced {
                    Api::namespaced_with(cluster.client.clone(), namespace, &resource)
                } else {
                    Api::all_with(cluster.client.clone(), &resource)
                };
                let list = api
                    .list_metadata(&ListParams::default().labels(&selector))
                    .await
                    .map_err(cluster.err(format!("listing {kind} objects of mesh {mesh}")))?;
                Ok::<_, Error>(
                    list.items
                        .into_iter()
                        .filter(|o| o.metadata.deletion_timestamp.is_none())
                        .map(|o| ObjectRef {
                            api_version: api_version.clone(),
                            kind: kind.clone(),
                            namespace: namespaced.then(|| namespace.to_string()),
                            name: o.name_any(),
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

/// Namespaces labelled as monitored by the mesh.
pub async fn monitored(cluster: &Cluster, mesh: &str) -> Result<Vec<String>> {
    let api: Api<Namespace> = Api::all(cluster.client.clone());
    let list = api
        .list_metadata(&ListParams::default().labels(&format!("{MONITORED_BY_LABEL}={mesh}")))
        .await
        .map_err(cluster.err(format!("listing the namespaces mesh {mesh} monitors")))?;
    let mut names: Vec<String> = list.items.into_iter().map(|n| n.name_any()).collect();
    names.sort();
    Ok(names)
}

async fn unlabel_namespace(cluster: &Cluster, namespace: &str, mesh: &str) -> Result<()> {
    let api: Api<Namespace> = Api::all(cluster.client.clone());
    let patch = serde_json::json!({
        "metadata": {
            "labels": {MONITORED_BY_LABEL: null},
            "annotations": {SIDECAR_INJECTION_ANNOTATION: null, METRICS_ANNOTATION: null},
        }
    });
    match api.patch(namespace, &PatchParams::default(), &Patch::Merge(&patch)).await {
        Ok(_) => Ok(()),
        Err(e) if crate::cluster::is_status(&e, 404) => Ok(()),
        Err(e) => Err(cluster.err(format!("removing mesh {mesh}'s label from namespace {namespace}"))(e)),
    }
}
