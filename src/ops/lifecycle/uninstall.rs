//! `osm uninstall mesh`: everything of the mesh, found from every revision of its release
//! record, its labels and the cluster's CRDs, planned before any delete and checked gone after.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::{ObjectRef, Propagation};
use crate::error::{Error, Result};
use crate::model::input::Remedy;
use crate::model::osm::chart::crds;
use crate::model::osm::keys::{MESH_CONFIG_NAME, MONITORED_BY_LABEL};
use crate::model::osm::release;
use crate::ops::{inventory, releases};

/// What an uninstall removes.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UninstallPlan {
    pub mesh_name: String,
    pub namespace: String,
    pub objects: Vec<ObjectRef>,
    /// Namespaces that lose the mesh's label and annotations.
    pub monitored_namespaces: Vec<String>,
    pub delete_namespace: bool,
    pub crds: Vec<ObjectRef>,
    /// Custom resources that go with the CRDs, by kind.
    pub custom_resources: BTreeMap<String, usize>,
    /// Objects of kinds osm does not know, named in the release's manifest: left alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}

impl UninstallPlan {
    /// Objects per kind, CRDs included, for the summary the user confirms; the namespaces are listed apart.
    pub fn counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for r in self.objects.iter().chain(self.crds.iter()) {
            *counts.entry(r.kind.clone()).or_insert(0) += 1;
        }
        counts
    }

    /// Nothing at all to remove, which `osm uninstall` reports as success rather than an error.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
            && self.monitored_namespaces.is_empty()
            && self.crds.is_empty()
            && !self.delete_namespace
    }
}

/// Builds the plan from every revision of the release record (their manifests and hooks, and
/// the records themselves), the mesh's labels and the cluster's CRDs. `owns_namespace` says
/// whether the objects known only by their fixed names in `namespace` (the MeshConfig, the CA
/// bundle, the autoscalers and disruption budgets) and the namespace itself are the mesh's: they
/// are not when another mesh runs there.
pub async fn plan_uninstall(
    cluster: &Cluster,
    mesh: &str,
    namespace: &str,
    ca_bundle_secret: &str,
    owns_namespace: bool,
    delete_namespace: bool,
    delete_crds: bool,
) -> Result<UninstallPlan> {
    let history = releases::history(cluster, namespace, mesh).await?;
    let mut candidates: BTreeSet<ObjectRef> = BTreeSet::new();
    let mut unknown = Vec::new();
    for revision in &history {
        let (refs, odd) = releases::manifest_refs(revision)?;
        candidates.extend(
            refs.into_iter().filter(|r| r.kind != "Namespace" && r.kind != "CustomResourceDefinition"),
        );
        unknown.extend(odd);
        candidates.insert(releases::secret_ref(namespace, mesh, revision.revision()));
    }
    unknown.sort();
    unknown.dedup();
    candidates.extend(inventory::labelled(cluster, mesh, namespace).await?);
    if owns_namespace {
        // osm-bootstrap's creations under the Go CLI, listed in no manifest.
        candidates.insert(ObjectRef {
            api_version: format!("{}/v1alpha2", crate::model::osm::meshconfig::GROUP),
            kind: "MeshConfig".into(),
            namespace: Some(namespace.into()),
            name: MESH_CONFIG_NAME.into(),
        });
        candidates.extend(inventory::fixed_name_objects(cluster, namespace, ca_bundle_secret).await?);
    }
    let objects = inventory::present(cluster, candidates).await?;

    let namespace_exists =
        owns_namespace && cluster.objects().get(&inventory::namespace_ref(namespace)).await?.is_some();
    let mut plan = UninstallPlan {
        mesh_name: mesh.into(),
        namespace: namespace.into(),
        objects,
        monitored_namespaces: inventory::monitored(cluster, mesh).await?,
        delete_namespace: delete_namespace && namespace_exists,
        crds: vec![],
        custom_resources: BTreeMap::new(),
        unknown,
    };
    if delete_crds {
        for crd in crds::all() {
            let r = ObjectRef::of(&crd);
            if cluster.objects().get(&r).await?.is_none() {
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
            let api_version = format!("{}/{version}", text(&spec["group"]));
            // A count that cannot be read must not show as zero: -a would look harmless.
            let count = cluster
                .objects()
                .count(&api_version, &kind, &plural)
                .await
                .map_err(|e| e.context(format!("counting the {plural} that -a would delete")))?;
            if count > 0 {
                plan.custom_resources.insert(kind, count);
            }
            plan.crds.push(r);
        }
    }
    Ok(plan)
}

/// Carries out an uninstall plan, then checks that nothing of the mesh is left.
pub async fn uninstall(cluster: &Cluster, plan: &UninstallPlan) -> Result<()> {
    let (mesh, namespace) = (plan.mesh_name.as_str(), plan.namespace.as_str());
    cluster.objects().delete_all(&plan.objects).await?;
    futures::future::try_join_all(
        plan.monitored_namespaces.iter().map(|ns| inventory::unlabel_namespace(cluster, ns)),
    )
    .await?;
    let mut expected_gone = plan.objects.clone();
    if plan.delete_namespace {
        let ns_ref = inventory::namespace_ref(namespace);
        cluster.objects().delete(&ns_ref, Propagation::Background).await?;
        expected_gone.push(ns_ref);
    }
    if !plan.crds.is_empty() {
        cluster.objects().delete_all(&plan.crds).await?;
        expected_gone.extend(plan.crds.iter().cloned());
    }
    let mut left: Vec<String> = cluster
        .objects()
        .wait_gone(&expected_gone, Duration::from_secs(90))
        .await?
        .iter()
        .map(ObjectRef::describe)
        .collect();
    left.extend(inventory::labelled(cluster, mesh, namespace).await?.iter().map(ObjectRef::describe));
    left.extend(
        inventory::monitored(cluster, mesh)
            .await?
            .into_iter()
            .map(|ns| format!("namespace {ns} still labelled {MONITORED_BY_LABEL}={mesh}")),
    );
    left.extend(
        releases::history(cluster, namespace, mesh)
            .await?
            .iter()
            .map(|r| format!("Secret {namespace}/{}", release::secret_name(mesh, r.revision()))),
    );
    left.sort();
    left.dedup();
    if !left.is_empty() {
        return Err(Error::failed(format!(
            "mesh [{mesh}] was uninstalled, but these are left:\n  {}",
            left.join("\n  ")
        ))
        .with_hint(Remedy::LookAtFinalizers));
    }
    Ok(())
}
