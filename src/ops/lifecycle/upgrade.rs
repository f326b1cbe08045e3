//! `osm mesh upgrade`: the new values over the release's, rendered and planned against the
//! current release before any write, then the install's chain (dry run, apply, wait) with the
//! new revision recorded only once the upgrade stands, and the previous objects put back if it
//! does not.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::Value;

use super::{
    HIDDEN_MARK, check_permissions, new_record, record_as, recorded_objects, render, resolve_values, roll_out,
};
use crate::cluster::Cluster;
use crate::cluster::ObjectRef;
use crate::cluster::wait;
use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};
use crate::model::osm::chart::{self, Capabilities, Release, Rendered, Values, values};
use crate::model::osm::release::{self, Release as Record, status};
use crate::ops::Progress;
use crate::ops::discovery::Mesh;
use crate::ops::releases;

/// Reads the release record of an existing mesh; a mesh without one was not installed by
/// osm, the Go CLI or Helm.
pub async fn current_release(cluster: &Cluster, mesh: &Mesh) -> Result<(Record, Vec<Record>)> {
    let history = releases::history(cluster, &mesh.namespace, &mesh.name).await?;
    let current = release::current(&history).cloned().ok_or_else(|| {
        Error::invalid(format!(
            "mesh [{}] in namespace [{}] has no release record (Secret {}); it was not installed by osm, the Go osm CLI or Helm",
            mesh.name,
            mesh.namespace,
            release::secret_name(&mesh.name, 1)
        ))
        .with_hint(Remedy::ReinstallUnrecordedMesh)
    })?;
    Ok((current, history))
}

/// What an upgrade does, worked out before any write.
pub struct UpgradePlan {
    pub rendered: Rendered,
    pub record: Record,
    /// Every value key whose effective value changes: its path, old and new value.
    pub changed: Vec<(String, Value, Value)>,
    /// The changed keys that only seed the MeshConfig, which an upgrade never overwrites: they
    /// do not reach the mesh.
    pub seeds_only: Vec<String>,
    /// The objects of the current release's manifest, to restore them if the upgrade fails.
    pub previous: Vec<Value>,
    pub added: Vec<ObjectRef>,
    pub removed: Vec<ObjectRef>,
}

/// values -> render -> plan: the new values over the release's (over none but the mesh's name
/// with `reset_values`), resolved, rendered for the cluster and compared with the current
/// release. Writes nothing.
pub async fn plan_upgrade(
    out: &dyn Progress,
    cluster: &Cluster,
    mesh: &Mesh,
    (current, history): (&Record, &[Record]),
    overrides: Value,
    reset_values: bool,
) -> Result<UpgradePlan> {
    // The mesh keeps its name even when the values are reset.
    let mut user_values =
        if reset_values { serde_json::json!({"osm": {"meshName": mesh.name}}) } else { current.config() };
    values::coalesce(&mut user_values, overrides);
    let new_values = resolve_values(out, &user_values)?;
    if new_values.text("osm.meshName") != mesh.name {
        return Err(Error::invalid(format!(
            "an upgrade cannot rename mesh [{}] to [{}]",
            mesh.name,
            new_values.text("osm.meshName")
        ))
        .with_hint(format!("drop osm.meshName from {}", Input::SetOrValues)));
    }
    let old_values = values::resolve(&[&current.config()])?;
    let release = Release { name: mesh.name.clone(), namespace: mesh.namespace.clone() };
    let rendered = render(out, cluster, &new_values, &release).await?;
    let mut plan = plan_against(rendered, &user_values, current, history)?;
    value_changes(old_values.tree(), new_values.tree(), "", &mut plan.changed);
    plan.seeds_only = mesh_config_only(&old_values, &plan.changed, &release);
    Ok(plan)
}

/// Every value key whose effective value differs: its path, old and new value.
fn value_changes(old: &Value, new: &Value, prefix: &str, out: &mut Vec<(String, Value, Value)>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                value_changes(
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                    &path,
                    out,
                );
            }
        }
        (a, b) if a != b => out.push((prefix.to_string(), a.clone(), b.clone())),
        _ => {}
    }
}

/// The changed keys that only seed the MeshConfig: changed alone, they change its spec and
/// nothing else osm applies (besides the `preset-mesh-config` copy). An upgrade never
/// overwrites the live MeshConfig, so these changes do not reach the mesh.
fn mesh_config_only(old: &Values, changes: &[(String, Value, Value)], release: &Release) -> Vec<String> {
    let caps = Capabilities::assumed(&[]);
    let split = |v: &Values| -> Option<(Value, Vec<Value>)> {
        let rendered = chart::render(v, release, &caps).ok()?;
        let mut others = rendered.objects.clone();
        others.retain(|o| !(o["kind"] == "ConfigMap" && o["metadata"]["name"] == chart::PRESET_MESH_CONFIG));
        Some((rendered.mesh_config()["spec"].clone(), others))
    };
    let Some((old_spec, old_others)) = split(old) else { return vec![] };
    changes
        .iter()
        .filter(|(path, _, new)| {
            let mut single = new.clone();
            for key in path.rsplit('.') {
                single = serde_json::json!({ key: single });
            }
            let Ok(changed) = values::resolve(&[old.tree(), &single]) else { return false };
            split(&changed).is_some_and(|(spec, others)| spec != old_spec && others == old_others)
        })
        .map(|(path, _, _)| path.clone())
        .collect()
}

/// Makes no API call. The new revision follows the newest record of any state, so a failed one is
/// never overwritten; `added` and `removed` compare manifests, leaving out the Namespace, the CRDs
/// and kinds osm cannot address.
fn plan_against(
    rendered: Rendered,
    user_values: &Value,
    current: &Record,
    history: &[Record],
) -> Result<UpgradePlan> {
    let revision = release::latest(history).map_or(1, |r| r.revision() + 1);
    let record = new_record(
        &rendered,
        user_values,
        revision,
        status::DEPLOYED,
        "Upgrade complete",
        current.first_deployed(),
        true,
    )?;
    let previous = releases::manifest_objects(current)?;
    let old: BTreeSet<ObjectRef> = previous.iter().map(ObjectRef::of).collect();
    let new: BTreeSet<ObjectRef> = recorded_objects(&rendered).iter().map(ObjectRef::of).collect();
    let keep = |r: &&ObjectRef| {
        r.kind != "Namespace"
            && r.kind != "CustomResourceDefinition"
            && crate::cluster::plural(&r.kind).is_some()
    };
    let removed = old.difference(&new).filter(keep).cloned().collect();
    let added = new.difference(&old).filter(keep).cloned().collect();
    Ok(UpgradePlan {
        rendered,
        record,
        changed: Vec::new(),
        seeds_only: Vec::new(),
        previous,
        added,
        removed,
    })
}

/// Applies an upgrade: dry run, apply, wait; only then the new revision is recorded, the
/// previous one marked superseded and what the new one dropped removed. On failure the
/// previous objects are applied again, what the upgrade added is removed, and a failed
/// revision records the attempt; the error returned is the upgrade's own.
pub async fn upgrade(
    out: &dyn Progress,
    cluster: &Cluster,
    plan: &UpgradePlan,
    current: &Record,
    no_wait: bool,
    timeout: Duration,
) -> Result<()> {
    let rendered = &plan.rendered;
    check_permissions(cluster, rendered).await?;
    let wait = (!no_wait).then_some(timeout);
    // The record is written only once the upgrade stands: until then the current one is the answer.
    let (_, result) = roll_out(out, cluster, rendered, &plan.record, false, wait).await?;
    if let Err(err) = result {
        restore(out, cluster, plan, no_wait, timeout).await;
        let mut failed = plan.record.clone();
        failed.set_status(status::FAILED, &format!("Upgrade failed: {}", err.message));
        if let Err(e) = releases::write(cluster, &failed).await {
            out.warn(&format!("could not record the failed upgrade: {e}"));
        }
        return Err(err);
    }
    record_as(cluster, &mut plan.record.clone(), status::DEPLOYED, "Upgrade complete").await?;
    record_as(cluster, &mut current.clone(), status::SUPERSEDED, "Superseded by an upgrade").await?;
    if !plan.removed.is_empty() {
        cluster.objects().delete_all(&plan.removed).await?;
        let left = cluster.objects().wait_gone(&plan.removed, Duration::from_secs(60)).await?;
        if !left.is_empty() {
            return Err(Error::failed(format!(
                "upgraded, but could not remove: {}",
                left.iter().map(ObjectRef::describe).collect::<Vec<_>>().join(", ")
            )));
        }
    }
    Ok(())
}

/// Puts the previous release's objects back after a failed upgrade (best effort, reported as
/// warnings so that the upgrade's own error stays the answer).
async fn restore(
    out: &dyn Progress,
    cluster: &Cluster,
    plan: &UpgradePlan,
    no_wait: bool,
    timeout: Duration,
) {
    let (restorable, masked): (Vec<Value>, Vec<Value>) =
        plan.previous.iter().cloned().partition(|o| !o.to_string().contains(HIDDEN_MARK));
    let restorable: Vec<Value> = restorable
        .into_iter()
        .filter(|o| o["kind"] != "MeshConfig" && o["kind"] != "MeshRootCertificate")
        .map(|o| match o["kind"].as_str() {
            Some("Namespace" | "CustomResourceDefinition") => o,
            _ => release::owned_by_release(&o, &plan.rendered.mesh_name, &plan.rendered.namespace),
        })
        .collect();
    out.info(&format!(
        "the upgrade failed: restoring the {} objects of the previous release",
        restorable.len()
    ));
    for obj in &masked {
        out.warn(&format!(
            "{} held a credential, which the release record does not keep; it keeps the upgrade's version",
            ObjectRef::of(obj).describe()
        ));
    }
    if let Err(e) = cluster.objects().apply_all(&restorable).await {
        out.warn(&format!("could not restore the previous objects: {e}"));
        return;
    }
    if let Err(e) = cluster.objects().delete_all(&plan.added).await {
        out.warn(&format!("could not remove what the upgrade added: {e}"));
    }
    if !no_wait {
        let previous_components: Vec<String> =
            plan.rendered.components.iter().map(|c| c.deployment.clone()).collect();
        let present: Vec<String> = previous_components
            .into_iter()
            .filter(|d| {
                plan.previous.iter().any(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == d.as_str())
            })
            .collect();
        if let Err(e) =
            wait::wait_deployments(cluster, &plan.rendered.namespace, &present, timeout, |_| {}).await
        {
            out.warn(&format!("the previous control plane is not ready again yet: {e}"));
        }
    }
}
