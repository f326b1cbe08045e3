//! The control plane's lifecycle, `install`, `mesh upgrade` and `uninstall`, over one chain:
//! values -> render -> plan -> apply -> wait -> record. This module holds the links install and
//! upgrade share (the values resolved, the chart rendered for the cluster, the permissions, the
//! server-side dry run, applying, waiting, the release record that Helm reads too); `install`,
//! `upgrade` and `uninstall` plan and carry out each. The commands parse their flags and call these.

mod install;
mod uninstall;
mod upgrade;

use std::time::Duration;

use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::access::{self, Permission};
use crate::cluster::wait;
use crate::cluster::{ObjectRef, Propagation};
use crate::error::{Error, ErrorKind, Result};
use crate::model::health::{MIN_KUBERNETES, parse_version};
use crate::model::osm::chart::{self, Capabilities, Release, Rendered, Values};
use crate::model::osm::keys::MESH_CONFIG_NAME;
use crate::model::osm::release::{self, NewRelease, Release as Record};
use crate::ops::Progress;

use super::{inventory, releases};
use crate::model::input::Remedy;

pub use install::{InstallOptions, Installed, check_meshes, install};
pub use uninstall::{UninstallPlan, plan_uninstall, uninstall};
pub use upgrade::{UpgradePlan, current_release, plan_upgrade, upgrade};

/// The user's values (`--set`, `-f`, the flags that set values) over the chart's defaults,
/// checked against its schema; credentials among them are warned about.
pub fn resolve_values(out: &dyn Progress, user_values: &Value) -> Result<Values> {
    let values = chart::values::resolve(&[user_values])?;
    warn_about_secrets(out, user_values);
    Ok(values)
}

/// The chart rendered for the cluster it goes to (the API versions it serves).
pub async fn render(
    out: &dyn Progress,
    cluster: &Cluster,
    values: &Values,
    release: &Release,
) -> Result<Rendered> {
    let caps = preflight_cluster(out, cluster).await?;
    chart::render(values, release, &caps)
}

/// Sets `record`'s status and writes it.
async fn record_as(cluster: &Cluster, record: &mut Record, status: &str, description: &str) -> Result<()> {
    record.set_status(status, description);
    releases::write(cluster, record).await
}

/// The writes install and upgrade share once planned: [`stage`] (the namespace, the CRDs, the
/// server-side dry run), the release record when `record_first` (so that a failed install can be
/// uninstalled), the rest of the objects, then the wait for the components unless `wait` is
/// `None`. A refusal by the dry run is the outer error, with nothing of the mesh left; a failure
/// after it is the inner one, returned with what staging created for the caller to keep or undo.
async fn roll_out(
    out: &dyn Progress,
    cluster: &Cluster,
    rendered: &Rendered,
    record: &Record,
    record_first: bool,
    wait: Option<Duration>,
) -> Result<(Staged, Result<()>)> {
    let staged = stage(out, cluster, rendered, record).await?;
    let result = async {
        if record_first {
            releases::write(cluster, record).await?;
        }
        apply_rest(out, cluster, rendered).await?;
        if let Some(timeout) = wait {
            wait_components(out, cluster, rendered, timeout).await?;
        }
        Ok(())
    }
    .await;
    Ok((staged, result))
}

/// Warns, naming keys only, when credentials were given as values: the chart passes the Vault
/// token to the pods as a command-line argument, where anyone who can read the pods sees it.
pub fn warn_about_secrets(out: &dyn Progress, user_values: &Value) {
    for path in chart::values::secret_paths(user_values) {
        if path == "osm.vault.token" {
            out.warn(
                "osm.vault.token is passed to the control-plane pods as a command-line argument, visible to anyone who can read them; store it in a Secret and set osm.vault.secret.name and osm.vault.secret.key instead",
            );
        }
    }
}

/// Server version (a warning below what OSM supports) and the API versions the cluster serves,
/// which the chart's templates consult.
pub async fn preflight_cluster(out: &dyn Progress, cluster: &Cluster) -> Result<Capabilities> {
    let info = cluster.server_version().await?;
    if let Some(version) = parse_version(&info.git_version)
        && version < MIN_KUBERNETES
    {
        out.warn(&format!(
            "Kubernetes {} is older than {}.{}.{}, the oldest version OSM {} supports; installing anyway",
            info.git_version,
            MIN_KUBERNETES.0,
            MIN_KUBERNETES.1,
            MIN_KUBERNETES.2,
            chart::APP_VERSION
        ));
    }
    Ok(Capabilities { api_versions: access::served_api_versions(cluster).await? })
}

/// Every permission applying `rendered` (and its release record) needs, checked at once; the
/// error lists what is missing.
pub async fn check_permissions(cluster: &Cluster, rendered: &Rendered) -> Result<()> {
    // The record is a Secret in the control-plane namespace.
    let record = serde_json::json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": {"namespace": rendered.namespace, "name": ""},
    });
    let mut objects = rendered.all();
    objects.push(record);
    let wanted = access::permissions_to_apply(&objects);
    let missing = access::missing_permissions(cluster, &wanted).await?;
    if missing.is_empty() {
        return Ok(());
    }
    let who =
        cluster.user.as_deref().map(|u| format!("user \"{u}\"")).unwrap_or_else(|| "the current user".into());
    Err(Error::invalid(format!(
        "{who} may not install the control plane; missing permissions:\n  {}",
        missing.iter().map(Permission::describe).collect::<Vec<_>>().join("\n  ")
    ))
    .with_hint("ask a cluster administrator to install OSM, or to grant these (e.g. cluster-admin); nothing was changed"))
}

/// The marker `chart::credentials::hide` leaves; an object holding it cannot be re-applied from
/// a record.
const HIDDEN_MARK: &str = "<hidden: ";

/// The objects a release record lists: what osm applies and creates, without the Namespace
/// and the CRDs (Helm leaves both out of a release's manifest, and `helm uninstall` keeps them).
fn recorded_objects(rendered: &Rendered) -> Vec<Value> {
    rendered
        .objects
        .iter()
        .filter(|o| o["kind"] != "Namespace")
        .chain(rendered.presets.iter())
        .cloned()
        .collect()
}

/// A revision of the mesh's release record, credentials hidden, written now (or, with
/// `written: false`, only shown, without times).
pub fn new_record(
    rendered: &Rendered,
    user_values: &Value,
    revision: u32,
    state: &str,
    description: &str,
    first_deployed: Option<String>,
    written: bool,
) -> Result<Record> {
    let mut objects = recorded_objects(rendered);
    chart::credentials::hide(&mut objects);
    Ok(Record::new(NewRelease {
        name: &rendered.mesh_name,
        namespace: &rendered.namespace,
        revision,
        status: state,
        description,
        first_deployed,
        deployed_at: written.then(release::now),
        chart_version: chart::CHART_VERSION,
        app_version: chart::APP_VERSION,
        chart_values: &chart::values::defaults(),
        config: &chart::values::without_secrets(user_values),
        manifest: release::manifest_of(&objects)?,
    }))
}

/// What `stage` created, to be removed if the install goes no further. CRDs stay: deleting
/// them is slow and would race the next install, and they hold nothing of this mesh.
#[derive(Default)]
pub struct Staged {
    namespace: Option<ObjectRef>,
}

impl Staged {
    /// Removes what staging created (best effort: the caller reports the original error).
    pub async fn undo(&self, out: &dyn Progress, cluster: &Cluster) {
        let Some(ns) = &self.namespace else { return };
        if let Err(e) = cluster.objects().delete(ns, Propagation::Background).await {
            out.warn(&format!("could not remove namespace {}, which the install created: {e}", ns.name));
        }
    }
}

/// Everything before the first write that stays: the namespace and the CRDs (a custom
/// resource can only be validated once its CRD exists), then a server-side dry run of every
/// other object and of the release record. A refusal removes the namespace this call created
/// and lists every refused object, so that nothing of the mesh is left.
pub async fn stage(
    out: &dyn Progress,
    cluster: &Cluster,
    rendered: &Rendered,
    record: &Record,
) -> Result<Staged> {
    let mut staged = Staged::default();
    let result = async {
        let ns_ref = inventory::namespace_ref(&rendered.namespace);
        if cluster.objects().get(&ns_ref).await?.is_none() {
            let ns = rendered
                .objects
                .iter()
                .find(|o| o["kind"] == "Namespace")
                .expect("the rendering has its Namespace");
            cluster.objects().apply(ns).await?;
            staged.namespace = Some(ns_ref);
        }
        cluster.objects().apply_all(&rendered.crds).await?;
        let names: Vec<String> =
            rendered.crds.iter().filter_map(|c| c["metadata"]["name"].as_str().map(str::to_string)).collect();
        wait::wait_crds_established(cluster, &names, Duration::from_secs(60)).await?;
        out.info(&format!("{} CRDs applied and established", names.len()));

        let mut checks: Vec<Value> =
            rendered.objects.iter().filter(|o| o["kind"] != "Namespace").cloned().collect();
        for preset in &rendered.presets {
            if cluster.objects().get(&ObjectRef::of(preset)).await?.is_none() {
                checks.push(preset.clone());
            }
        }
        checks.push(record.to_secret());
        let results =
            futures::future::join_all(checks.iter().map(|o| cluster.objects().apply_dry_run(o))).await;
        let refused: Vec<Error> = results.into_iter().filter_map(|r| r.err()).collect();
        if let Some(first) = refused.first() {
            let kind = if refused.iter().all(|e| e.kind == ErrorKind::Invalid) {
                ErrorKind::Invalid
            } else {
                first.kind
            };
            let lines: Vec<String> = refused.iter().map(|e| e.message.clone()).collect();
            return Err(Error::new(
                kind,
                format!(
                    "the API server refused the control plane (server-side dry run):\n  {}",
                    lines.join("\n  ")
                ),
            )
            .with_hint(format!("{}; nothing was changed", Remedy::FixValuesNamedAbove)));
        }
        out.info(&format!("{} objects validated by the API server (dry run)", checks.len()));
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Ok(staged),
        Err(e) => {
            staged.undo(out, cluster).await;
            Err(e)
        }
    }
}

/// Applies everything but the namespace and the CRDs (`stage` did those); creates the presets
/// where absent. Returns whether the MeshConfig was created.
pub async fn apply_rest(out: &dyn Progress, cluster: &Cluster, rendered: &Rendered) -> Result<bool> {
    let rest: Vec<Value> = rendered
        .objects
        .iter()
        .filter(|o| o["kind"] != "Namespace")
        .map(|o| release::owned_by_release(o, &rendered.mesh_name, &rendered.namespace))
        .collect();
    let (applied, created) =
        tokio::try_join!(cluster.objects().apply_all(&rest), create_presets(cluster, rendered))?;
    out.info(&format!(
        "{} control-plane objects applied; MeshConfig {MESH_CONFIG_NAME} {}",
        applied.len(),
        if created { "created from the values" } else { "already present, left as it is" }
    ));
    Ok(created)
}

/// Creates the presets osm-bootstrap would create (MeshConfig, MeshRootCertificate) where they
/// are absent; true when the MeshConfig was created. Existing ones keep users' edits.
async fn create_presets(cluster: &Cluster, rendered: &Rendered) -> Result<bool> {
    let mut mesh_config_created = false;
    for preset in &rendered.presets {
        let preset = release::owned_by_release(preset, &rendered.mesh_name, &rendered.namespace);
        let created = cluster.objects().apply_if_absent(&preset).await?;
        if preset["kind"] == "MeshConfig" {
            mesh_config_created = created;
        }
    }
    Ok(mesh_config_created)
}

/// Waits for every component's Deployment, a spinner (or line) each; when the wait fails, the
/// unfinished ones are marked failed and the wait's error is returned.
pub async fn wait_components(
    out: &dyn Progress,
    cluster: &Cluster,
    rendered: &Rendered,
    timeout: Duration,
) -> Result<()> {
    let titles: Vec<String> = rendered.components.iter().map(|c| c.title.clone()).collect();
    let names: Vec<String> = rendered.components.iter().map(|c| c.deployment.clone()).collect();
    let mut spinners = out.spinners(&titles);
    let started = std::time::Instant::now();
    let result = wait::wait_deployments(cluster, &rendered.namespace, &names, timeout, |ready| {
        if let Some(i) = names.iter().position(|n| n == ready) {
            // How long the wait took, once it is long enough to be worth saying.
            let waited = started.elapsed().as_secs();
            let message = if waited == 0 { "ready".to_string() } else { format!("ready after {waited}s") };
            spinners.succeed(i, &message);
        }
    })
    .await;
    if result.is_err() {
        spinners.fail_rest("not ready");
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse() {
        assert_eq!(parse_version("v1.20.2"), Some((1, 20, 2)));
        assert_eq!(parse_version("v1.22.9-gke.1"), Some((1, 22, 9)));
        assert!(parse_version("v1.20.2").unwrap() < MIN_KUBERNETES);
    }
}
