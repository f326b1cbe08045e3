//! `osm install`: a new control plane checked against the meshes already there, its release
//! record written first, and `--atomic` removing only what the install created; or, for the same
//! mesh with the same values, a re-apply that repairs drift.

use std::collections::BTreeSet;
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use kube::ResourceExt;
use serde_json::Value;

use super::{
    check_permissions, create_presets, new_record, record_as, recorded_objects, roll_out, wait_components,
};
use crate::cluster::Cluster;
use crate::cluster::ObjectRef;
use crate::error::{Error, Result};
use crate::model::input::{Command, Input, Remedy};
use crate::model::osm::chart::{self, Rendered, Values};
use crate::model::osm::keys::{ENFORCE_SINGLE_MESH_LABEL, MESH_NAME_LABEL};
use crate::model::osm::release::{self, Release as Record, status};
use crate::ops::Progress;
use crate::ops::{discovery, inventory, releases};

/// OSM's rules for a new mesh among the existing ones (the chart's pre-install hook checks
/// the same). True when this very mesh is already installed in `namespace` (a re-install).
pub fn check_meshes(controllers: &[Deployment], values: &Values, namespace: &str) -> Result<bool> {
    let mesh = &values.text("osm.meshName");
    let mut same = false;
    for d in controllers {
        let name = d.labels().get(MESH_NAME_LABEL).cloned().unwrap_or_default();
        let ns = d.namespace().unwrap_or_default();
        if name == *mesh && ns == namespace {
            same = true;
        } else if name == *mesh {
            return Err(Error::invalid(format!("mesh [{mesh}] already exists in namespace [{ns}]"))
                .with_hint(Remedy::PickMeshOrUpgrade));
        } else if ns == namespace {
            return Err(Error::invalid(format!(
                "namespace [{namespace}] already runs osm-controller of mesh [{name}]; one namespace holds one control plane"
            ))
            .with_hint(format!("pick another namespace with {}", Input::OsmNamespace)));
        }
    }
    let others: Vec<&Deployment> =
        controllers.iter().filter(|d| d.labels().get(MESH_NAME_LABEL).is_none_or(|n| n != mesh)).collect();
    if let Some(enforcing) =
        others.iter().find(|d| d.labels().get(ENFORCE_SINGLE_MESH_LABEL).is_some_and(|v| v == "true"))
    {
        return Err(Error::invalid(format!(
            "mesh [{}] in namespace [{}] enforces a single mesh per cluster; no other mesh can be installed",
            enforcing.labels().get(MESH_NAME_LABEL).cloned().unwrap_or_default(),
            enforcing.namespace().unwrap_or_default()
        ))
        .with_hint(Remedy::UninstallEnforcingMesh));
    }
    if values.flag("osm.enforceSingleMesh") && !others.is_empty() {
        let list: Vec<String> = others
            .iter()
            .map(|d| {
                format!(
                    "{} (namespace {})",
                    d.labels().get(MESH_NAME_LABEL).cloned().unwrap_or_default(),
                    d.namespace().unwrap_or_default()
                )
            })
            .collect();
        return Err(Error::invalid(format!(
            "this install enforces a single mesh, but the cluster already has: {}",
            list.join(", ")
        ))
        .with_hint(format!("pass {}=false to run several meshes side by side", Input::EnforceSingleMesh)));
    }
    Ok(same)
}

/// How an install ended.
pub enum Installed {
    /// A new control plane, ready (or applied, with `no_wait`).
    New,
    /// The same mesh with the same values was there; `repaired` objects had drifted.
    Again { repaired: usize },
}

pub struct InstallOptions {
    pub timeout: Duration,
    pub atomic: bool,
    pub no_wait: bool,
}

/// `osm install` once the values are rendered: permissions and the other meshes are checked and
/// everything is dry-run on the server before the first lasting write. The release record goes in
/// before the rest, so a failed install can be uninstalled; `--atomic` removes only what it created.
pub async fn install(
    out: &dyn Progress,
    cluster: &Cluster,
    values: &Values,
    user_values: &Value,
    rendered: &Rendered,
    opts: &InstallOptions,
) -> Result<Installed> {
    let (mesh, namespace) = (rendered.mesh_name.as_str(), rendered.namespace.as_str());
    check_permissions(cluster, rendered).await?;
    let controllers = discovery::controller_deployments(cluster).await?;
    let existing = check_meshes(&controllers, values, namespace)?;
    let history = releases::history(cluster, namespace, mesh).await?;
    if existing {
        return install_again(out, cluster, user_values, rendered, &history, opts).await;
    }
    if let Some(ns) = cluster.objects().get(&inventory::namespace_ref(namespace)).await?
        && !ns["metadata"]["deletionTimestamp"].is_null()
    {
        return Err(Error::invalid(format!("namespace [{namespace}] is being deleted"))
            .with_hint(Remedy::WaitNamespaceGoneThenInstall { namespace: namespace.to_string() }));
    }
    let revision = release::latest(&history).map_or(1, |r| r.revision() + 1);
    let mut record = new_record(
        rendered,
        user_values,
        revision,
        status::PENDING_INSTALL,
        "Initial install underway",
        None,
        true,
    )?;
    // What exists already (a MeshConfig, objects labelled with the mesh), so that --atomic
    // removes only what this install and the mesh's components created.
    let ca_bundle = values.text("osm.caBundleSecretName");
    let existed: BTreeSet<ObjectRef> = if opts.atomic {
        let mut candidates: Vec<ObjectRef> = recorded_objects(rendered).iter().map(ObjectRef::of).collect();
        candidates.extend(inventory::runtime_objects(cluster, mesh, namespace, &ca_bundle).await?);
        inventory::present(cluster, candidates).await?.into_iter().collect()
    } else {
        BTreeSet::new()
    };

    // The record goes in before the rest, so that a failed install can still be uninstalled.
    let wait = (!opts.no_wait).then_some(opts.timeout);
    let (staged, result) = roll_out(out, cluster, rendered, &record, true, wait).await?;
    match result {
        Ok(()) => {
            record_as(cluster, &mut record, status::DEPLOYED, "Install complete").await?;
            Ok(Installed::New)
        }
        Err(err) if opts.atomic => {
            // The cleanup reports its own trouble as warnings: the install's error is the answer.
            if let Err(cleanup) = remove_created(out, cluster, rendered, &ca_bundle, &existed, &record).await
            {
                out.warn(&format!(
                    "{} could not finish removing what the install created: {cleanup}",
                    Input::Atomic
                ));
            }
            staged.undo(out, cluster).await;
            Err(err)
        }
        Err(err) => {
            record.set_status(status::FAILED, &format!("Install failed: {}", err.message));
            if let Err(e) = releases::write(cluster, &record).await {
                out.warn(&format!("could not mark the release record failed: {e}"));
            }
            out.hint(
                &Remedy::RemoveFailedInstall { mesh: mesh.to_string(), namespace: namespace.to_string() }
                    .to_string(),
            );
            Err(err)
        }
    }
}

/// `--atomic`: removes what this install created (and what the components created meanwhile).
async fn remove_created(
    out: &dyn Progress,
    cluster: &Cluster,
    rendered: &Rendered,
    ca_bundle: &str,
    existed: &BTreeSet<ObjectRef>,
    record: &Record,
) -> Result<()> {
    let (mesh, namespace) = (rendered.mesh_name.as_str(), rendered.namespace.as_str());
    let runtime = inventory::runtime_objects(cluster, mesh, namespace, ca_bundle).await?;
    let candidates: BTreeSet<ObjectRef> = recorded_objects(rendered)
        .iter()
        .map(ObjectRef::of)
        .chain(runtime)
        .filter(|r| !existed.contains(r))
        .chain(std::iter::once(releases::secret_ref(namespace, mesh, record.revision())))
        .collect();
    let created = inventory::present(cluster, candidates).await?;
    out.info(&format!("{}: removing the {} objects this install created", Input::Atomic, created.len()));
    cluster.objects().delete_all(&created).await?;
    let left = cluster.objects().wait_gone(&created, Duration::from_secs(60)).await?;
    if !left.is_empty() {
        out.warn(&format!(
            "{} could not remove: {}",
            Input::Atomic,
            left.iter().map(ObjectRef::describe).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(())
}

/// Install on an installed mesh: the same values change nothing (and say so); other values
/// belong to `osm mesh upgrade`.
async fn install_again(
    out: &dyn Progress,
    cluster: &Cluster,
    user_values: &Value,
    rendered: &Rendered,
    history: &[Record],
    opts: &InstallOptions,
) -> Result<Installed> {
    let (mesh, namespace) = (rendered.mesh_name.as_str(), rendered.namespace.as_str());
    let Some(current) = release::current(history) else {
        return Err(Error::invalid(format!(
            "mesh [{mesh}] already runs in namespace [{namespace}] but has no release record ({}); {} will not take it over, and `{}` cannot change it either",
            release::secret_name(mesh, 1),
            Command::Install,
            Command::MeshUpgrade
        ))
        .with_hint(format!(
            "{}; nothing was changed",
            Remedy::RemoveUnrecordedMesh { mesh: mesh.to_string(), namespace: namespace.to_string() }
        )));
    };
    if current.config() != chart::values::without_secrets(user_values)
        || current.app_version() != chart::APP_VERSION
    {
        return Err(Error::invalid(format!(
            "mesh [{mesh}] is already installed in namespace [{namespace}] with other values or another version"
        ))
        .with_hint(Remedy::UpgradeWithSameValues { mesh: mesh.to_string() }));
    }
    // Re-apply to repair drift, and report whether anything actually changed.
    let owned = rendered.objects.iter().map(|o| match o["kind"].as_str() {
        Some("Namespace") => o.clone(),
        _ => release::owned_by_release(o, &rendered.mesh_name, &rendered.namespace),
    });
    let all: Vec<Value> = rendered.crds.iter().cloned().chain(owned).collect();
    let before: Vec<Option<String>> = futures::future::try_join_all(all.iter().map(|o| async {
        Ok::<_, Error>(cluster.objects().get(&ObjectRef::of(o)).await?.map(|d| desired_state(&d)))
    }))
    .await?;
    let after = cluster.objects().apply_all(&all).await?;
    let repaired: Vec<String> = before
        .iter()
        .zip(after.iter())
        .filter(|(b, a)| b.as_deref() != Some(desired_state(a).as_str()))
        .map(|(_, a)| {
            format!(
                "{}/{}",
                a["kind"].as_str().unwrap_or_default(),
                a["metadata"]["name"].as_str().unwrap_or_default()
            )
        })
        .collect();
    out.debug(&format!("changed by re-applying: {repaired:?}"));
    create_presets(cluster, rendered).await?;
    if !opts.no_wait {
        wait_components(out, cluster, rendered, opts.timeout).await?;
    }
    // A failed or interrupted install that is now whole gets a deployed revision.
    if current.status() != status::DEPLOYED {
        let revision = release::latest(history).map_or(1, |r| r.revision() + 1);
        let record = new_record(
            rendered,
            user_values,
            revision,
            status::DEPLOYED,
            "Install complete",
            current.first_deployed(),
            true,
        )?;
        releases::write(cluster, &record).await?;
    }
    Ok(Installed::Again { repaired: repaired.len() })
}

/// What changes when an object's desired state changes: its generation where it has one (so
/// controllers' status updates do not count), else its content without bookkeeping fields.
fn desired_state(obj: &Value) -> String {
    if let Some(generation) = obj["metadata"]["generation"].as_i64() {
        return format!("g{generation}");
    }
    let mut content = obj.clone();
    if let Some(metadata) = content["metadata"].as_object_mut() {
        metadata.remove("resourceVersion");
        metadata.remove("managedFields");
    }
    if let Some(map) = content.as_object_mut() {
        map.remove("status");
    }
    serde_json::to_string(&content).unwrap_or_default()
}
