//! The control plane's lifecycle: the checks before a write, the server-side dry run, applying,
//! waiting, and the release record that `install`, `mesh upgrade` and `uninstall` share with
//! Helm. The commands parse their flags and call these.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use kube::ResourceExt;
use serde::Serialize;
use serde_json::Value;

use super::discovery::{self, Mesh};
use crate::cluster::Cluster;
use crate::cluster::access::{self, Permission};
use crate::cluster::wait;
use crate::cluster::{ObjectRef, Propagation};
use crate::error::{Error, ErrorKind, Result};
use crate::model::health::{MIN_KUBERNETES, parse_version};
use crate::model::osm::chart::{self, Capabilities, Rendered, Values, crds};
use crate::model::osm::keys::{
    ENFORCE_SINGLE_MESH_LABEL, MESH_CONFIG_NAME, MESH_NAME_LABEL, MONITORED_BY_LABEL,
};
use crate::model::osm::release::{self, NewRelease, Release as Record, status};
use crate::ops::Progress;

use super::{inventory, releases};

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
                .with_hint(
                    "pick another name with --mesh-name, or upgrade that mesh with `osm mesh upgrade`",
                ));
        } else if ns == namespace {
            return Err(Error::invalid(format!(
                "namespace [{namespace}] already runs osm-controller of mesh [{name}]; one namespace holds one control plane"
            ))
            .with_hint("pick another namespace with --osm-namespace"));
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
        .with_hint("uninstall that mesh first (osm uninstall mesh), or reinstall it with --enforce-single-mesh=false"));
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
        .with_hint("pass --enforce-single-mesh=false to run several meshes side by side"));
    }
    Ok(same)
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
            .with_hint(
                "fix the values named above (--set/-f) and run the command again; nothing was changed",
            ));
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
        return Err(Error::invalid(format!("namespace [{namespace}] is being deleted")).with_hint(format!(
            "wait until it is gone (kubectl wait --for=delete namespace/{namespace}), then install again"
        )));
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

    let staged = stage(out, cluster, rendered, &record).await?;
    // The record goes in before the rest, so that a failed install can still be uninstalled.
    let result = async {
        releases::write(cluster, &record).await?;
        apply_rest(out, cluster, rendered).await?;
        if !opts.no_wait {
            wait_components(out, cluster, rendered, opts.timeout).await?;
        }
        Ok(())
    }
    .await;
    match result {
        Ok(()) => {
            record.set_status(status::DEPLOYED, "Install complete");
            releases::write(cluster, &record).await?;
            Ok(Installed::New)
        }
        Err(err) if opts.atomic => {
            // The cleanup reports its own trouble as warnings: the install's error is the answer.
            if let Err(cleanup) = remove_created(out, cluster, rendered, &ca_bundle, &existed, &record).await
            {
                out.warn(&format!("--atomic could not finish removing what the install created: {cleanup}"));
            }
            staged.undo(out, cluster).await;
            Err(err)
        }
        Err(err) => {
            record.set_status(status::FAILED, &format!("Install failed: {}", err.message));
            if let Err(e) = releases::write(cluster, &record).await {
                out.warn(&format!("could not mark the release record failed: {e}"));
            }
            out.hint(&format!(
                "what was applied stays in place; remove it with `osm uninstall mesh --mesh-name {mesh} --osm-namespace {namespace} -y`, or pass --atomic next time"
            ));
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
    out.info(&format!("--atomic: removing the {} objects this install created", created.len()));
    cluster.objects().delete_all(&created).await?;
    let left = cluster.objects().wait_gone(&created, Duration::from_secs(60)).await?;
    if !left.is_empty() {
        out.warn(&format!(
            "--atomic could not remove: {}",
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
            "mesh [{mesh}] already runs in namespace [{namespace}] but has no release record ({}); osm install will not take it over, and `osm mesh upgrade` cannot change it either",
            release::secret_name(mesh, 1)
        ))
        .with_hint(format!(
            "remove it first with `osm uninstall mesh --mesh-name {mesh} --osm-namespace {namespace}`, then install again; nothing was changed"
        )));
    };
    if current.config() != chart::values::without_secrets(user_values)
        || current.app_version() != chart::APP_VERSION
    {
        return Err(Error::invalid(format!(
            "mesh [{mesh}] is already installed in namespace [{namespace}] with other values or another version"
        ))
        .with_hint(format!("change an installed mesh with `osm mesh upgrade --mesh-name {mesh}` and the same --set/-f flags")));
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
        .with_hint("uninstall it with `osm uninstall mesh` and install it again with `osm install`")
    })?;
    Ok((current, history))
}

/// What an upgrade does, worked out before any write.
pub struct UpgradePlan {
    pub rendered: Rendered,
    pub record: Record,
    /// The objects of the current release's manifest, to restore them if the upgrade fails.
    pub previous: Vec<Value>,
    pub added: Vec<ObjectRef>,
    pub removed: Vec<ObjectRef>,
}

/// Makes no API call. The new revision follows the newest record of any state, so a failed one is
/// never overwritten; `added` and `removed` compare manifests, leaving out the Namespace, the CRDs
/// and kinds osm cannot address.
pub fn plan_upgrade(
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
    Ok(UpgradePlan { rendered, record, previous, added, removed })
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
    stage(out, cluster, rendered, &plan.record).await?;
    let result = async {
        apply_rest(out, cluster, rendered).await?;
        if !no_wait {
            wait_components(out, cluster, rendered, timeout).await?;
        }
        Ok::<_, Error>(())
    }
    .await;
    if let Err(err) = result {
        restore(out, cluster, plan, no_wait, timeout).await;
        let mut failed = plan.record.clone();
        failed.set_status(status::FAILED, &format!("Upgrade failed: {}", err.message));
        if let Err(e) = releases::write(cluster, &failed).await {
            out.warn(&format!("could not record the failed upgrade: {e}"));
        }
        return Err(err);
    }
    let mut deployed = plan.record.clone();
    deployed.set_status(status::DEPLOYED, "Upgrade complete");
    releases::write(cluster, &deployed).await?;
    let mut superseded = current.clone();
    superseded.set_status(status::SUPERSEDED, "Superseded by an upgrade");
    releases::write(cluster, &superseded).await?;
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
        .with_hint(
            "run the command again; if they stay, look at their finalizers with kubectl get -o yaml",
        ));
    }
    Ok(())
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
