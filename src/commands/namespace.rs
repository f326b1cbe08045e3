//! `osm namespace add|remove|list|ignore|unignore`: enrolling namespaces in a mesh.
//!
//! Every command validates all names first (well-formed, existing, allowed) and changes nothing
//! when one is refused; then it patches the namespaces concurrently and reports each one, so a
//! namespace that fails on the way does not stop the others.

use kube::ResourceExt;
use serde::Serialize;
use serde_json::json;

use super::each_namespace::for_each_namespace;
use crate::cli::namespace::{
    AddArgs, IgnoreArgs, ListArgs, MeshKind, NamespaceArgs, NamespaceCommand, RemoveArgs,
};
use crate::error::{Error, Result};
use crate::model::istio::keys as istio_keys;
use crate::model::membership::{IstioInjection, Membership, injection_value, validate_names};
use crate::model::osm::keys::{
    IGNORE_LABEL, METRICS_ANNOTATION, MONITORED_BY_LABEL, SIDECAR_INJECTION_ANNOTATION,
};
use crate::ops::Cluster;
use crate::ops::discovery::{self, Mesh, no_such_mesh};
use crate::ops::namespaces::{
    self, Done, fetch_namespaces, patch_namespace, restart_if_needed, running_pods_without_sidecar,
};
use crate::output::OutputFormat;
use crate::output::{Render, table};

use super::Context;

/// Commands that change namespaces check every name first (well-formed, existing, allowed) and change
/// nothing when one is refused (exit 4). Then each namespace is patched on its own: one already as
/// asked counts as success, and one that fails does not stop the others (exit 1 naming it).
pub async fn run(ctx: &Context, args: NamespaceArgs) -> Result<()> {
    match args.command {
        NamespaceCommand::Add(args) => add(ctx, args).await,
        NamespaceCommand::Remove(args) => remove(ctx, args).await,
        NamespaceCommand::List(args) => list(ctx, args).await,
        NamespaceCommand::Ignore(args) => set_ignored(ctx, args, true).await,
        NamespaceCommand::Unignore(args) => set_ignored(ctx, args, false).await,
    }
}

/// Refuses (exit 4) with every reason at once, so one run shows everything to fix.
fn refuse(refusals: Vec<String>, hints: Vec<String>) -> Result<()> {
    if refusals.is_empty() {
        return Ok(());
    }
    let mut err = Error::invalid(format!("{}; nothing was changed", refusals.join("; ")));
    if !hints.is_empty() {
        err = err.with_hint(hints.join("; "));
    }
    Err(err)
}

/// The names in order, each once (a name given twice is patched once).
fn unique(names: &[String]) -> Vec<String> {
    let mut seen = Vec::with_capacity(names.len());
    for name in names {
        if !seen.contains(name) {
            seen.push(name.clone());
        }
    }
    seen
}

async fn add(ctx: &Context, args: AddArgs) -> Result<()> {
    let names = unique(&args.namespaces);
    validate_names(&names)?;
    if args.revision.is_some() && args.mesh != MeshKind::Istio {
        return Err(Error::usage("--revision is an Istio revision: it needs --mesh istio"));
    }
    let cluster = ctx.cluster().await?;
    if args.mesh == MeshKind::Istio {
        return istio_labels(ctx, cluster, &names, Some(args.revision.as_deref()), args.output.output).await;
    }
    let (meshes, namespaces) =
        futures::try_join!(discovery::list_meshes(cluster), fetch_namespaces(cluster, &names))?;
    let mesh_name = args.mesh_name.as_str();
    if !meshes.iter().any(|m| m.name == mesh_name) {
        let mut err = no_such_mesh(mesh_name, &meshes);
        err.message.push_str("; nothing was changed");
        return Err(err);
    }
    let mut refusals = Vec::new();
    let mut hints = Vec::new();
    for ns in &namespaces {
        let name = ns.name_any();
        if let Some(mesh) = control_plane_of(&meshes, &name) {
            refusals.push(format!("namespace [{name}] holds the control plane of mesh [{}]", mesh.name));
            hints.push(format!("leave [{name}] out: a control-plane namespace cannot join a mesh"));
        } else if Membership::of(ns).ignored {
            refusals.push(format!("namespace [{name}] is ignored by the mesh"));
            hints.push(format!("run `osm namespace unignore {name}` first if it should join the mesh"));
        }
    }
    refuse(refusals, hints)?;

    let injection = injection_value(args.disable_sidecar_injection);
    for ns in &namespaces {
        if let Some(other) = Membership::of(ns).mesh.filter(|m| m != mesh_name) {
            ctx.out.warn(&format!(
                "namespace [{}] is in mesh [{other}]: moving it to mesh [{mesh_name}]",
                ns.name_any()
            ));
        }
    }
    for_each_namespace(&ctx.out, args.output.output, &namespaces, "adding to the mesh", |ns| {
        async move {
            let name = ns.name_any();
            let current = Membership::of(ns);
            let in_place = current.mesh.as_deref() == Some(mesh_name)
                && current.sidecar_injection.as_deref() == Some(injection);
            let mut done = if in_place {
                Done::unchanged(format!("Namespace [{name}] has already been added to mesh [{mesh_name}]"))
            } else {
                let patch = json!({"metadata": {
                    "labels": {MONITORED_BY_LABEL: mesh_name},
                    "annotations": {SIDECAR_INJECTION_ANNOTATION: injection},
                }});
                patch_namespace(cluster, &name, &patch).await?;
                // The Go CLI's exact line on stdout (scripts compare it); the detail goes to stderr.
                let mut done =
                    Done::changed(format!("Namespace [{name}] successfully added to mesh [{mesh_name}]"));
                if args.disable_sidecar_injection {
                    done.hints.push(format!("Sidecar injection is disabled in namespace [{name}]"));
                }
                done
            };
            if args.restart {
                restart_if_needed(cluster, &name, !args.disable_sidecar_injection, &mut done).await?;
            } else if !args.disable_sidecar_injection {
                // Only a hint: a user who may patch namespaces but not list pods is still done.
                let without = running_pods_without_sidecar(cluster, &name).await.unwrap_or(0);
                if without > 0 {
                    let pods = if without == 1 { "pod" } else { "pods" };
                    done.hints.push(format!(
                        "{without} running {pods} without a sidecar in namespace [{name}]; pods get one when \
                         re-created: osm namespace add {name} --mesh-name {mesh_name} --restart"
                    ));
                }
            }
            Ok(done)
        }
    })
    .await
}

async fn remove(ctx: &Context, args: RemoveArgs) -> Result<()> {
    let names = unique(&args.namespaces);
    validate_names(&names)?;
    let cluster = ctx.cluster().await?;
    if args.mesh == MeshKind::Istio {
        return istio_labels(ctx, cluster, &names, None, args.output.output).await;
    }
    let namespaces = fetch_namespaces(cluster, &names).await?;
    let mesh_name = args.mesh_name.as_str();
    let mut refusals = Vec::new();
    let mut hints = Vec::new();
    for ns in &namespaces {
        if let Some(other) = Membership::of(ns).mesh.filter(|m| m != mesh_name) {
            let name = ns.name_any();
            refusals.push(format!("namespace [{name}] is in mesh [{other}], not in mesh [{mesh_name}]"));
            hints.push(format!(
                "to take it out of mesh [{other}]: osm namespace remove {name} --mesh-name {other}"
            ));
        }
    }
    refuse(refusals, hints)?;

    for_each_namespace(&ctx.out, args.output.output, &namespaces, "removing from the mesh", |ns| async move {
        let name = ns.name_any();
        let mut done = if Membership::of(ns).mesh.is_none() {
            Done::unchanged(format!("Namespace [{name}] already does not belong to any mesh"))
        } else {
            let patch = json!({"metadata": {
                "labels": {MONITORED_BY_LABEL: null, IGNORE_LABEL: null},
                "annotations": {SIDECAR_INJECTION_ANNOTATION: null, METRICS_ANNOTATION: null},
            }});
            patch_namespace(cluster, &name, &patch).await?;
            Done::changed(format!("Namespace [{name}] successfully removed from mesh [{mesh_name}]"))
        };
        if args.restart {
            restart_if_needed(cluster, &name, false, &mut done).await?;
        }
        Ok(done)
    })
    .await
}

/// `namespace add|remove --mesh istio`: Istio's injection labels. `wanted` is `Some(None)` for
/// the default revision, `Some(Some(rev))` for a revision, `None` to take the namespace out.
async fn istio_labels(
    ctx: &Context,
    cluster: &Cluster,
    names: &[String],
    wanted: Option<Option<&str>>,
    format: OutputFormat,
) -> Result<()> {
    let namespaces = fetch_namespaces(cluster, names).await?;
    let what = if wanted.is_some() { "adding to Istio" } else { "removing from Istio" };
    for_each_namespace(&ctx.out, format, &namespaces, what, |ns| async move {
        let name = ns.name_any();
        let labels = ns.labels();
        let has = |key: &str| labels.contains_key(key);
        let (in_place, patch, message) = match wanted {
            Some(rev) => {
                let target = match rev {
                    None => IstioInjection::Enabled,
                    Some(rev) => IstioInjection::Revision(rev.to_string()),
                };
                let current = IstioInjection::from_labels(labels);
                let exact = match rev {
                    None => !has(istio_keys::REV_LABEL),
                    Some(_) => !has(istio_keys::INJECTION_LABEL),
                };
                (
                    current.as_ref() == Some(&target) && exact,
                    IstioInjection::labels_patch(rev),
                    format!("Namespace [{name}] sidecar injection by Istio {}", target.display()),
                )
            }
            None => (
                !has(istio_keys::INJECTION_LABEL) && !has(istio_keys::REV_LABEL),
                json!({ istio_keys::INJECTION_LABEL: null, istio_keys::REV_LABEL: null }),
                format!("Namespace [{name}] removed from Istio"),
            ),
        };
        if in_place {
            return Ok(Done::unchanged(format!("{message} (already)")));
        }
        patch_namespace(cluster, &name, &json!({ "metadata": { "labels": patch } })).await?;
        let mut done = Done::changed(message);
        done.hints.push(format!(
            "running pods change only when re-created: kubectl rollout restart deployment -n {name}"
        ));
        Ok(done)
    })
    .await
}

async fn set_ignored(ctx: &Context, args: IgnoreArgs, ignore: bool) -> Result<()> {
    let names = unique(&args.namespaces);
    validate_names(&names)?;
    let cluster = ctx.cluster().await?;
    let namespaces = fetch_namespaces(cluster, &names).await?;
    let what = if ignore { "ignoring" } else { "unignoring" };
    for_each_namespace(&ctx.out, args.output.output, &namespaces, what, |ns| async move {
        let name = ns.name_any();
        if Membership::of(ns).ignored == ignore {
            let state = if ignore { "already ignored" } else { "not ignored" };
            return Ok(Done::unchanged(format!("Namespace [{name}] is {state}")));
        }
        let value = if ignore { json!("true") } else { json!(null) };
        let patch = json!({"metadata": {"labels": {IGNORE_LABEL: value}}});
        patch_namespace(cluster, &name, &patch).await?;
        Ok(Done::changed(if ignore {
            format!("Successfully configured namespace [{name}] to be ignored")
        } else {
            format!("Namespace [{name}] is no longer ignored")
        }))
    })
    .await
}

/// One row of `osm namespace list`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespaceRow {
    pub namespace: String,
    pub mesh: String,
    pub sidecar_injection: String,
    pub metrics: String,
    pub ignored: bool,
    pub meshed_pods: usize,
    pub total_pods: usize,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct NamespaceList {
    pub rows: Vec<NamespaceRow>,
    #[serde(skip)]
    pub mesh: Option<String>,
}

impl Render for NamespaceList {
    fn human(&self) -> String {
        if self.rows.is_empty() {
            return match &self.mesh {
                Some(mesh) => format!("No namespaces in mesh [{mesh}]"),
                None => "No namespaces in any mesh".to_string(),
            };
        }
        let rows = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.namespace.clone(),
                    r.mesh.clone(),
                    r.sidecar_injection.clone(),
                    r.metrics.clone(),
                    format!("{}/{}", r.meshed_pods, r.total_pods),
                ]
            })
            .collect();
        table(&["NAMESPACE", "MESH", "SIDECAR-INJECTION", "METRICS", "MESHED PODS"], rows)
    }
}

async fn list(ctx: &Context, args: ListArgs) -> Result<()> {
    let mesh = args.mesh.or(args.mesh_name).filter(|m| !m.is_empty());
    let cluster = ctx.cluster().await?;
    let selector = match &mesh {
        Some(name) => format!("{MONITORED_BY_LABEL}={name}"),
        None => MONITORED_BY_LABEL.to_string(),
    };
    let mut rows = Vec::new();
    for (ns, (meshed_pods, total_pods)) in namespaces::labelled_with_pod_counts(cluster, &selector).await? {
        let membership = Membership::of(&ns);
        rows.push(NamespaceRow {
            namespace: ns.name_any(),
            mesh: membership.mesh.clone().unwrap_or_default(),
            sidecar_injection: membership.injection_display(),
            metrics: if membership.metrics { "enabled" } else { "disabled" }.to_string(),
            ignored: membership.ignored,
            meshed_pods,
            total_pods,
        });
    }
    if mesh.as_deref().is_none_or(|m| m == ISTIO_MESH) {
        rows.extend(istio_rows(cluster).await?);
    }
    rows.sort_by(|a, b| a.mesh.cmp(&b.mesh).then(a.namespace.cmp(&b.namespace)));
    if let Some(name) = mesh.as_ref().filter(|m| *m != ISTIO_MESH) {
        // Only a note: namespaces labelled for a mesh that is gone are still worth showing.
        if let Ok(meshes) = discovery::list_meshes(cluster).await
            && !meshes.iter().any(|m| &m.name == name)
        {
            ctx.out.warn(&no_such_mesh(name, &meshes).message);
        }
    }
    ctx.out.print(args.output, &NamespaceList { rows, mesh })
}

/// The name `namespace list` shows Istio's namespaces under.
const ISTIO_MESH: &str = "istio";

/// Namespaces Istio injects, by either of its labels.
async fn istio_rows(cluster: &Cluster) -> Result<Vec<NamespaceRow>> {
    let mut rows = Vec::new();
    for (ns, (meshed_pods, total_pods)) in namespaces::istio_injected_with_pod_counts(cluster).await? {
        let injection = IstioInjection::from_labels(ns.labels()).expect("only injected namespaces");
        rows.push(NamespaceRow {
            namespace: ns.name_any(),
            mesh: ISTIO_MESH.to_string(),
            sidecar_injection: injection.display(),
            metrics: "-".to_string(),
            ignored: false,
            meshed_pods,
            total_pods,
        });
    }
    rows.sort_by(|a, b| a.namespace.cmp(&b.namespace));
    Ok(rows)
}

fn control_plane_of<'m>(meshes: &'m [Mesh], namespace: &str) -> Option<&'m Mesh> {
    meshes.iter().find(|m| m.namespace == namespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_lists_say_which_mesh_had_nothing() {
        let of_mesh = NamespaceList { rows: vec![], mesh: Some("osm".into()) };
        assert_eq!(of_mesh.human(), "No namespaces in mesh [osm]");
        let of_all = NamespaceList { rows: vec![], mesh: None };
        assert_eq!(of_all.human(), "No namespaces in any mesh");
        assert_eq!(serde_json::to_string(&of_all).unwrap(), "[]");
    }
}
