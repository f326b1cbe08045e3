//! `osm uninstall mesh` (and the older `osm uninstall --mesh-name=NAME`): removes what the
//! release records list plus whatever carries the mesh's labels, cleans the namespaces the mesh
//! monitored, optionally the namespace and the CRDs, then checks that nothing is left.

use crate::cli::uninstall::UninstallArgs;
use crate::error::{Error, Result};
use crate::ops::discovery;
use crate::ops::lifecycle::{self, UninstallPlan};

use super::Context;

/// The plan as the user reads it before confirming.
fn describe(plan: &UninstallPlan) -> String {
    {
        let mut lines = vec![format!(
            "Uninstalling mesh [{}] from namespace [{}] removes:",
            plan.mesh_name, plan.namespace
        )];
        for (kind, n) in plan.counts() {
            lines.push(format!("  {n} {kind}"));
        }
        if plan.delete_namespace {
            lines.push(format!("  the namespace {} and everything in it", plan.namespace));
        }
        if !plan.monitored_namespaces.is_empty() {
            lines.push(format!(
                "  the mesh's label and annotations from {} namespaces: {}",
                plan.monitored_namespaces.len(),
                plan.monitored_namespaces.join(", ")
            ));
        }
        for (kind, n) in &plan.custom_resources {
            lines.push(format!("  {n} {kind} custom resources (with their CRD)"));
        }
        if !plan.unknown.is_empty() {
            lines
                .push(format!("and leaves alone, as kinds osm does not manage: {}", plan.unknown.join(", ")));
        }
        lines.join("\n")
    }
}

/// Shows the plan and asks before removing anything (`-y`/`-f` skip the question; without a terminal
/// it refuses); refuses `-a` while other meshes use the CRDs unless `--force`. Nothing left of the
/// mesh is success (a second run says so), unless other meshes run: then the name is refused (exit
/// 4) with theirs listed. The run ends by checking that nothing of the mesh is left.
pub async fn run(ctx: &Context, args: UninstallArgs) -> Result<()> {
    let a = args.mesh;
    let cluster = ctx.cluster().await?;
    let meshes = discovery::list_meshes(cluster).await?;
    let installed = meshes.iter().find(|m| m.name == a.mesh_name);
    let namespace =
        installed.map(|m| m.namespace.clone()).unwrap_or_else(|| ctx.global.osm_namespace.clone());
    let mesh = a.mesh_name.clone();
    let others: Vec<String> = meshes.iter().filter(|m| m.name != mesh).map(|m| m.name.clone()).collect();
    // The MeshConfig and the other objects known by their fixed names belong to the mesh that
    // runs in the namespace: a name with no controller there must not take them.
    let owns_namespace = installed.is_some() || !meshes.iter().any(|m| m.namespace == namespace);

    let plan = lifecycle::plan_uninstall(
        cluster,
        &mesh,
        &namespace,
        &a.ca_bundle_secret_name,
        owns_namespace,
        a.delete_namespace,
        a.delete_cluster_wide_resources,
    )
    .await?;
    // Nothing of that name anywhere while other meshes run: most likely a mistyped name.
    if installed.is_none() && plan.is_empty() && !meshes.is_empty() {
        return Err(discovery::no_such_mesh(&mesh, &meshes));
    }
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
    let shown = describe(&plan);
    if a.dry_run {
        ctx.out.data(&shown);
        ctx.out.info("--dry-run: nothing was removed");
        return Ok(());
    }
    // Shown even with -f/-y: what goes, and how many custom resources go with the CRDs.
    ctx.out.info(&shown);
    if !(a.force || a.yes) {
        let question = format!("Uninstall OSM [mesh name: {mesh}] in namespace [{namespace}]?");
        if !ctx.out.confirm(&question, "-y (or -f)")? {
            return Err(Error::invalid("uninstall cancelled; nothing was removed"));
        }
    }
    lifecycle::uninstall(cluster, &plan).await?;
    ctx.out.data(&format!("OSM [mesh name: {mesh}] in namespace [{namespace}] uninstalled"));
    Ok(())
}
