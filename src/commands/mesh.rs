//! `osm mesh list`, `osm mesh upgrade` and (in `mesh_config`) `osm mesh config`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::files::read_values_files;
use crate::cli::OutputArgs;
use crate::cli::mesh::{MeshArgs, MeshCommand, UpgradeArgs};
use crate::error::{Error, Result};
use crate::model::osm::chart::{self, values};
use crate::ops::Cluster;
use crate::ops::discovery::{self, deployment_ready};
use crate::ops::{inventory, lifecycle, releases};
use crate::output::OutputFormat;
use crate::output::{Render, table};

use super::Context;

/// `list` only reads. `upgrade` refuses a rename, shows what changes before writing anything,
/// writes nothing with `--dry-run`, and puts the previous objects back when it fails.
pub async fn run(ctx: &Context, args: MeshArgs) -> Result<()> {
    match args.command {
        MeshCommand::List(output) => list(ctx, output).await,
        MeshCommand::Upgrade(upgrade_args) => upgrade(ctx, upgrade_args).await,
        MeshCommand::Config(cmd) => super::mesh_config::run(ctx, cmd).await,
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MeshRow {
    /// Which mesh: osm, osm-edge, istio or linkerd.
    pub kind: String,
    pub name: String,
    pub namespace: String,
    pub version: String,
    /// Control-plane Deployments that are ready, and how many there are.
    pub ready_components: usize,
    pub components: usize,
    /// Namespaces labelled as monitored by the mesh.
    pub monitored_namespaces: usize,
    /// The mesh's release record (Helm's format), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<ReleaseInfo>,
}

/// What `helm list` shows of a release.
#[derive(Debug, Serialize)]
pub struct ReleaseInfo {
    pub revision: u32,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct MeshList {
    pub meshes: Vec<MeshRow>,
}

impl Render for MeshList {
    fn human(&self) -> String {
        if self.meshes.is_empty() {
            return "No mesh is installed in this cluster.".into();
        }
        let rows = self
            .meshes
            .iter()
            .map(|m| {
                vec![
                    m.name.clone(),
                    m.kind.clone(),
                    m.namespace.clone(),
                    m.version.clone(),
                    format!("{}/{}", m.ready_components, m.components),
                    m.monitored_namespaces.to_string(),
                ]
            })
            .collect();
        table(&["MESH NAME", "MESH", "NAMESPACE", "VERSION", "READY", "NAMESPACES"], rows)
    }
}

async fn list(ctx: &Context, output: OutputArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let meshes = discovery::list_meshes(cluster).await?;
    let rows = futures::future::try_join_all(meshes.into_iter().map(|m| async move {
        let deployments = discovery::mesh_deployments(cluster, &m).await?;
        let monitored = inventory::monitored(cluster, &m.name).await?;
        // osm-edge is OSM's fork: same labels, its own images.
        let edge = deployments.iter().any(|d| {
            d.spec.as_ref().and_then(|s| s.template.spec.as_ref()).is_some_and(|p| {
                p.containers.iter().any(|c| c.image.as_deref().is_some_and(|i| i.contains("osm-edge")))
            })
        });
        Ok::<_, Error>(MeshRow {
            kind: if edge { "osm-edge" } else { "osm" }.to_string(),
            ready_components: deployments.iter().filter(|d| deployment_ready(d)).count(),
            components: deployments.len(),
            monitored_namespaces: monitored.len(),
            name: m.name,
            namespace: m.namespace,
            version: m.version,
            release: None,
        })
    }))
    .await?;
    let mut rows = rows;
    add_releases(cluster, &mut rows).await?;
    for plane in discovery::list_other_control_planes(cluster).await? {
        let monitored = match plane.kind {
            "istio" => {
                let selector = if plane.name == "default" {
                    "istio-injection=enabled".to_string()
                } else {
                    format!("istio.io/rev={}", plane.name)
                };
                discovery::count_istio_injected(cluster, &selector).await
            }
            _ => 0,
        };
        rows.push(MeshRow {
            kind: plane.kind.to_string(),
            ready_components: plane.deployments.iter().filter(|d| deployment_ready(d)).count(),
            components: plane.deployments.len(),
            monitored_namespaces: monitored,
            name: plane.name,
            namespace: plane.namespace,
            version: plane.version,
            release: None,
        });
    }
    let format = if output.output == OutputFormat::Table { OutputFormat::Table } else { output.output };
    ctx.out.print(format, &MeshList { meshes: rows })
}

/// Joins each OSM mesh with its release record, and lists releases whose control plane is not
/// running (a failed install, one whose Deployments were deleted) as meshes with no component.
/// Without permission to list Secrets in every namespace, each mesh's own namespace is read.
async fn add_releases(cluster: &Cluster, rows: &mut Vec<MeshRow>) -> Result<()> {
    let records = match releases::all_osm(cluster).await {
        Ok(records) => records,
        Err(e) if e.kind == crate::error::ErrorKind::Invalid => {
            let mut found = Vec::new();
            for row in rows.iter() {
                let history = releases::history(cluster, &row.namespace, &row.name).await.unwrap_or_default();
                found.extend(crate::model::osm::release::latest(&history).cloned());
            }
            found
        }
        Err(e) => return Err(e),
    };
    for record in records {
        let info = ReleaseInfo { revision: record.revision(), status: record.status().to_string() };
        match rows.iter_mut().find(|r| r.name == record.name() && r.namespace == record.namespace()) {
            Some(row) => row.release = Some(info),
            None => rows.push(MeshRow {
                kind: "osm".into(),
                name: record.name().to_string(),
                namespace: record.namespace().to_string(),
                version: record.app_version(),
                ready_components: 0,
                components: 0,
                monitored_namespaces: inventory::monitored(cluster, record.name()).await?.len(),
                release: Some(info),
            }),
        }
    }
    Ok(())
}

async fn upgrade(ctx: &Context, args: UpgradeArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let mesh = discovery::find_mesh(cluster, &args.mesh_name).await?;
    let (current, history) = lifecycle::current_release(cluster, &mesh).await?;
    let new_overrides =
        args.values.overrides(read_values_files(&args.values.values)?, None, None).to_tree()?;
    let plan = lifecycle::plan_upgrade(
        &ctx.out,
        cluster,
        &mesh,
        (&current, &history),
        new_overrides,
        args.reset_values,
    )
    .await?;
    // Credentials are named, never shown.
    let changes: Vec<String> = plan
        .changed
        .iter()
        .map(|(path, a, b)| {
            if values::is_secret_path(path) {
                format!("  {path}: (changed)")
            } else {
                format!("  {path}: {a} -> {b}")
            }
        })
        .collect();
    let mut report = vec![format!(
        "Upgrading mesh [{}] in namespace [{}] from {} (revision {}) to {}",
        mesh.name,
        mesh.namespace,
        current.app_version(),
        current.revision(),
        chart::APP_VERSION
    )];
    if changes.is_empty() {
        report.push("values: unchanged".into());
    } else {
        report.push("values:".into());
        report.extend(changes);
    }
    let by_kind = |kinds: Vec<&str>| {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for kind in kinds {
            *counts.entry(kind).or_insert(0) += 1;
        }
        counts.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")
    };
    if !plan.added.is_empty() {
        report.push(format!(
            "adds: {}",
            plan.added.iter().map(|r| r.describe()).collect::<Vec<_>>().join(", ")
        ));
    }
    if !plan.removed.is_empty() {
        report.push(format!(
            "removes: {} ({})",
            plan.removed.iter().map(|r| r.describe()).collect::<Vec<_>>().join(", "),
            by_kind(plan.removed.iter().map(|r| r.kind.as_str()).collect())
        ));
    }
    ctx.out.data(&report.join("\n"));
    if !plan.seeds_only.is_empty() {
        ctx.out.hint(&format!(
            "{} only seed the MeshConfig; the live MeshConfig {} keeps its settings: change them with `osm mesh config set` (or `osm permissive`, `osm egress`)",
            plan.seeds_only.join(", "),
            crate::model::osm::keys::MESH_CONFIG_NAME
        ));
    }
    if args.dry_run {
        ctx.out.info("--dry-run: nothing was changed");
        return Ok(());
    }
    lifecycle::upgrade(&ctx.out, cluster, &plan, &current, args.no_wait, args.timeout).await?;
    ctx.out.data(&format!(
        "OSM upgraded successfully in namespace [{}] with mesh name [{}] (revision {})",
        mesh.namespace,
        mesh.name,
        plan.record.revision()
    ));
    Ok(())
}
