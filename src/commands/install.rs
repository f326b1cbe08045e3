//! `osm install`: checks everything first, then applies the rendered control plane (CRDs
//! first), creates the MeshConfig when absent, records the install and waits for the pods.

use std::collections::BTreeSet;
use std::time::Duration;

use k8s_openapi::api::apps::v1::Deployment;
use kube::ResourceExt;
use kube::api::{Api, ListParams};
use serde_json::Value;

use crate::cli::OutputFormat;
use crate::cli::install::{InstallArgs, ValuesArgs};
use crate::cluster::Cluster;
use crate::cluster::access::{self, Permission};
use crate::cluster::apply::{self, ObjectRef};
use crate::cluster::wait;
use crate::error::{Error, Result};
use crate::mesh::chart::{self, Capabilities, Overrides, Release, Rendered, Values};
use crate::mesh::keys::{APP_LABEL, CONTROLLER_APP, ENFORCE_SINGLE_MESH_LABEL, MESH_NAME_LABEL};
use crate::mesh::record::{self, InstallRecord};
use crate::output::Output;

use super::{Context, uninstall};

/// The oldest Kubernetes version OSM v1.2 supports.
const MIN_KUBERNETES: (u64, u64, u64) = (1, 22, 9);

pub fn overrides(values: &ValuesArgs, mesh_name: Option<String>, enforce: Option<bool>) -> Overrides {
    Overrides {
        files: values.values.clone(),
        set: values.set.clone(),
        set_string: values.set_string.clone(),
        mesh_name,
        enforce_single_mesh: enforce,
    }
}

/// The release the Go CLI would install: named after the mesh, in `--osm-namespace`.
pub fn release(ctx: &Context, values: &Values) -> Release {
    Release { name: values.text("osm.meshName"), namespace: ctx.global.osm_namespace.clone() }
}

/// Warns, naming keys only, when credentials were given as values: the chart passes the Vault
/// token to the pods as a command-line argument, where anyone who can read the pods sees it.
pub fn warn_about_secrets(ctx: &Context, user_values: &Value) {
    for path in chart::values::secret_paths(user_values) {
        if path == "osm.vault.token" {
            ctx.out.warn(
                "osm.vault.token is passed to the control-plane pods as a command-line argument, visible to anyone who can read them; store it in a Secret and set osm.vault.secret.name and osm.vault.secret.key instead",
            );
        }
    }
}

pub async fn run(ctx: &Context, args: InstallArgs) -> Result<()> {
    if let Some(path) = &args.osm_chart_path {
        return Err(Error::invalid(format!(
            "--osm-chart-path {} is not supported: osm renders the OSM {} control plane itself instead of a Helm chart",
            path.display(),
            chart::APP_VERSION
        ))
        .with_hint("change what is installed with --set key=value or -f values.yaml (the chart's keys), and see it with --dry-run"));
    }
    if args.output.is_some() && !args.dry_run {
        return Err(
            Error::usage("-o/--output only applies with --dry-run").with_hint("add --dry-run, or drop -o")
        );
    }
    let user_values = overrides(&args.values, args.mesh_name.clone(), args.enforce_single_mesh).to_tree()?;
    let values = chart::values::resolve(&[&user_values])?;
    warn_about_secrets(ctx, &user_values);
    let release = release(ctx, &values);
    let mesh = release.name.clone();

    if args.dry_run {
        let rendered = chart::render(&values, &release, &Capabilities::assumed(&args.api_versions))?;
        let mut objects = with_record(&rendered, &user_values);
        let hidden = mask_secrets(&mut objects, &user_values);
        if !hidden.is_empty() {
            ctx.out.info(&format!("--dry-run hides the values of {}", hidden.join(", ")));
        }
        return print_objects(&ctx.out, &objects, args.output.unwrap_or(OutputFormat::Yaml));
    }
    if !args.api_versions.is_empty() {
        return Err(Error::usage(
            "--api-versions only applies with --dry-run: with a cluster, osm asks it what it serves",
        )
        .with_hint("drop --api-versions, or add --dry-run"));
    }

    let cluster = ctx.cluster().await?;
    let caps = preflight_cluster(ctx, cluster).await?;
    let rendered = chart::render(&values, &release, &caps)?;
    let namespace = rendered.namespace.clone();
    check_permissions(cluster, &rendered).await?;
    let meshes = controller_deployments(cluster).await?;
    let existing = check_meshes(&meshes, &values, &namespace)?;
    let new_record = InstallRecord::new(&rendered, &user_values);

    if existing {
        return reinstall(ctx, cluster, &rendered, &new_record, &args).await;
    }

    let existing_namespace = apply::get(
        cluster,
        &ObjectRef {
            api_version: "v1".into(),
            kind: "Namespace".into(),
            namespace: None,
            name: namespace.clone(),
        },
    )
    .await?;
    if existing_namespace.as_ref().is_some_and(|n| n.metadata.deletion_timestamp.is_some()) {
        return Err(Error::invalid(format!("namespace [{namespace}] is being deleted")).with_hint(format!(
            "wait until it is gone (kubectl wait --for=delete namespace/{namespace}), then install again"
        )));
    }
    // What exists already (CRDs, the namespace, a MeshConfig, objects labelled with the mesh),
    // so that --atomic removes only what this install and the mesh's components created.
    let existed: BTreeSet<ObjectRef> = if args.atomic {
        let mut candidates = new_record.inventory.clone();
        candidates.push(InstallRecord::object_ref(&mesh, &namespace));
        candidates.extend(
            uninstall::runtime_objects(cluster, &mesh, &namespace, &values.text("osm.caBundleSecretName"))
                .await?,
        );
        uninstall::present(cluster, candidates).await?.into_iter().collect()
    } else {
        BTreeSet::new()
    };

    let result = async {
        apply_control_plane(ctx, cluster, &rendered, &new_record).await?;
        if !args.no_wait {
            wait_components(&ctx.out, cluster, &rendered, args.timeout).await?;
        }
        Ok(())
    }
    .await;
    if let Err(err) = result {
        if args.atomic {
            let runtime = uninstall::runtime_objects(
                cluster,
                &mesh,
                &namespace,
                &values.text("osm.caBundleSecretName"),
            )
            .await?;
            let candidates: BTreeSet<ObjectRef> = new_record
                .inventory
                .iter()
                .cloned()
                .chain(std::iter::once(InstallRecord::object_ref(&mesh, &namespace)))
                .chain(runtime)
                .filter(|r| !existed.contains(r))
                .collect();
            let created = uninstall::present(cluster, candidates).await?;
            ctx.out.info(&format!("--atomic: removing the {} objects this install created", created.len()));
            apply::delete_all(cluster, &created).await?;
            let left = apply::wait_gone(cluster, &created, Duration::from_secs(60)).await?;
            if !left.is_empty() {
                ctx.out.warn(&format!(
                    "--atomic could not remove: {}",
                    left.iter().map(ObjectRef::describe).collect::<Vec<_>>().join(", ")
                ));
            }
        } else {
            ctx.out.hint(&format!(
                "what was applied stays in place; remove it with `osm uninstall mesh --mesh-name {mesh} --osm-namespace {namespace} -y`, or pass --atomic next time"
            ));
        }
        return Err(err);
    }
    let verb = if args.no_wait { "applied (not waiting for the pods)" } else { "installed successfully" };
    ctx.out.data(&format!("OSM {verb} in namespace [{namespace}] with mesh name [{mesh}]"));
    Ok(())
}

/// The rendered objects plus the install record, for `--dry-run`.
fn with_record(rendered: &Rendered, user_values: &Value) -> Vec<Value> {
    let mut all = rendered.all();
    all.push(InstallRecord::new(rendered, user_values).to_config_map());
    all
}

/// Replaces every credential the user gave wherever the chart put it (pod arguments, the
/// fluent-bit ConfigMap), so a dry run can be shared; returns the keys hidden.
fn mask_secrets(objects: &mut [Value], user_values: &Value) -> Vec<String> {
    fn replace(node: &mut Value, secret: &str, mask: &str) {
        match node {
            Value::String(s) if s.contains(secret) => *s = s.replace(secret, mask),
            Value::Array(items) => items.iter_mut().for_each(|i| replace(i, secret, mask)),
            Value::Object(map) => map.values_mut().for_each(|v| replace(v, secret, mask)),
            _ => {}
        }
    }
    let mut hidden = Vec::new();
    for path in chart::values::secret_paths(user_values) {
        let pointer = format!("/{}", path.replace('.', "/"));
        let Some(secret) = user_values.pointer(&pointer).map(|v| chart::values::go_print(Some(v))) else {
            continue;
        };
        // Masking a one-letter value would shred the output; such a value is no credential.
        if secret.len() < 4 {
            continue;
        }
        let mask = format!("<hidden: {path}>");
        objects.iter_mut().for_each(|o| replace(o, &secret, &mask));
        hidden.push(path);
    }
    hidden
}

pub fn print_objects(out: &Output, objects: &[Value], format: OutputFormat) -> Result<()> {
    match format {
        OutputFormat::Json => {
            let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": objects});
            out.data(&serde_json::to_string_pretty(&list)?);
        }
        _ => {
            let mut text = String::new();
            for obj in objects {
                text.push_str("---\n");
                text.push_str(&crate::output::to_yaml(obj)?);
                if !text.ends_with('\n') {
                    text.push('\n');
                }
            }
            out.data(&text);
        }
    }
    Ok(())
}

/// Server version (a warning below what OSM supports) and the API versions the cluster serves,
/// which the chart's templates consult.
pub async fn preflight_cluster(ctx: &Context, cluster: &Cluster) -> Result<Capabilities> {
    let info = cluster.server_version().await?;
    if let Some(version) = parse_version(&info.git_version)
        && version < MIN_KUBERNETES
    {
        ctx.out.warn(&format!(
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

fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let core = text.trim_start_matches('v').split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    Some((parts.next()??, parts.next()??, parts.next().flatten().unwrap_or(0)))
}

/// Every permission applying `rendered` needs, checked at once; the error lists what is missing.
pub async fn check_permissions(cluster: &Cluster, rendered: &Rendered) -> Result<()> {
    let mut wanted = BTreeSet::new();
    for obj in rendered.all() {
        let r = ObjectRef::of(&obj);
        let group = r.api_version.rsplit_once('/').map(|(g, _)| g.to_string()).unwrap_or_default();
        let resource = apply::plural(&r.kind).unwrap_or_default().to_string();
        for verb in ["create", "patch"] {
            wanted.insert(Permission {
                verb: verb.into(),
                group: group.clone(),
                resource: resource.clone(),
                namespace: r.namespace.clone(),
            });
        }
    }
    let wanted: Vec<Permission> = wanted.into_iter().collect();
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

pub async fn controller_deployments(cluster: &Cluster) -> Result<Vec<Deployment>> {
    let api: Api<Deployment> = Api::all(cluster.client.clone());
    let params = ListParams::default().labels(&format!("{APP_LABEL}={CONTROLLER_APP}"));
    Ok(api.list(&params).await.map_err(cluster.err("looking for meshes (osm-controller Deployments)"))?.items)
}

/// OSM's rules for a new mesh among the existing ones. True when this very mesh is already
/// installed in `namespace` (a re-install).
fn check_meshes(controllers: &[Deployment], values: &Values, namespace: &str) -> Result<bool> {
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

/// Applies CRDs (waiting until Established) and the namespace, the install record, then
/// everything else at once; creates the MeshConfig if absent.
pub async fn apply_control_plane(
    ctx: &Context,
    cluster: &Cluster,
    rendered: &Rendered,
    record: &InstallRecord,
) -> Result<()> {
    let namespace_obj: Vec<Value> =
        rendered.objects.iter().filter(|o| o["kind"] == "Namespace").cloned().collect();
    let rest: Vec<Value> = rendered.objects.iter().filter(|o| o["kind"] != "Namespace").cloned().collect();
    let crd_names: Vec<String> =
        rendered.crds.iter().filter_map(|c| c["metadata"]["name"].as_str().map(str::to_string)).collect();

    let first: Vec<Value> = namespace_obj.into_iter().chain(rendered.crds.iter().cloned()).collect();
    apply::apply_all(cluster, &first).await?;
    apply::wait_crds_established(cluster, &crd_names, Duration::from_secs(60)).await?;
    ctx.out.info(&format!("{} CRDs applied and established", crd_names.len()));

    // The record goes in before the rest, so a failed install can still be uninstalled.
    apply::apply(cluster, &record.to_config_map()).await?;
    let (applied, created) =
        tokio::try_join!(apply::apply_all(cluster, &rest), create_presets(cluster, rendered))?;
    ctx.out.info(&format!(
        "{} control-plane objects applied; MeshConfig {} {}",
        applied.len(),
        crate::mesh::keys::MESH_CONFIG_NAME,
        if created { "created from the values" } else { "already present, left as it is" }
    ));
    Ok(())
}

/// Creates the presets osm-bootstrap would create (MeshConfig, MeshRootCertificate) where they
/// are absent; true when the MeshConfig was created. Existing ones keep users' edits.
async fn create_presets(cluster: &Cluster, rendered: &Rendered) -> Result<bool> {
    let mut mesh_config_created = false;
    for preset in &rendered.presets {
        let created = apply::create_if_absent(cluster, preset).await?;
        if preset["kind"] == "MeshConfig" {
            mesh_config_created = created;
        }
    }
    Ok(mesh_config_created)
}

/// Waits for every component's Deployment, a spinner (or line) each.
pub async fn wait_components(
    out: &Output,
    cluster: &Cluster,
    rendered: &Rendered,
    timeout: Duration,
) -> Result<()> {
    let titles: Vec<String> = rendered.components.iter().map(|c| c.title.clone()).collect();
    let names: Vec<String> = rendered.components.iter().map(|c| c.deployment.clone()).collect();
    let mut spinners = out.spinners(&titles);
    let result = wait::wait_deployments(cluster, &rendered.namespace, &names, timeout, |ready| {
        if let Some(i) = names.iter().position(|n| n == ready) {
            spinners.succeed(i, "ready");
        }
    })
    .await;
    if result.is_err() {
        spinners.fail_rest("not ready");
    }
    result
}

/// Install on an installed mesh: the same values change nothing (and say so); other values
/// belong to `osm mesh upgrade`.
async fn reinstall(
    ctx: &Context,
    cluster: &Cluster,
    rendered: &Rendered,
    new_record: &InstallRecord,
    args: &InstallArgs,
) -> Result<()> {
    let (mesh, namespace) = (&rendered.mesh_name, &rendered.namespace);
    let Some(old) = record::read(cluster, mesh, namespace).await? else {
        return Err(Error::invalid(format!(
            "mesh [{mesh}] already runs in namespace [{namespace}] but was not installed by osm (there is no install record {}); osm install will not take it over, and `osm mesh upgrade` cannot change it either",
            record::record_name(mesh)
        ))
        .with_hint(format!(
            "remove it first with `osm uninstall mesh --mesh-name {mesh} --osm-namespace {namespace}`, then install again; nothing was changed"
        )));
    };
    if old.values != new_record.values || old.version != new_record.version {
        return Err(Error::invalid(format!(
            "mesh [{mesh}] is already installed in namespace [{namespace}] with other values or another version"
        ))
        .with_hint(format!("change an installed mesh with `osm mesh upgrade --mesh-name {mesh}` and the same --set/-f flags")));
    }
    // Re-apply to repair drift, and report whether anything actually changed.
    let all: Vec<Value> = rendered.crds.iter().chain(rendered.objects.iter()).cloned().collect();
    let before: Vec<Option<String>> = futures::future::try_join_all(all.iter().map(|o| async {
        Ok::<_, Error>(apply::get(cluster, &ObjectRef::of(o)).await?.map(|d| osm_fields(&d)))
    }))
    .await?;
    let after = apply::apply_all(cluster, &all).await?;
    let changed: Vec<String> = before
        .iter()
        .zip(after.iter())
        .filter(|(b, a)| b.as_deref() != Some(osm_fields(a).as_str()))
        .map(|(_, a)| {
            format!(
                "{}/{}",
                a.types.as_ref().map(|t| t.kind.as_str()).unwrap_or(""),
                a.metadata.name.as_deref().unwrap_or("")
            )
        })
        .collect();
    ctx.out.debug(&format!("changed by re-applying: {changed:?}"));
    let changed = changed.len();
    apply::apply(cluster, &new_record.to_config_map()).await?;
    create_presets(cluster, rendered).await?;
    if !args.no_wait {
        wait_components(&ctx.out, cluster, rendered, args.timeout).await?;
    }
    if changed == 0 {
        ctx.out.data(&format!(
            "OSM is already installed in namespace [{namespace}] with mesh name [{mesh}] and these values; nothing changed"
        ));
    } else {
        ctx.out.data(&format!(
            "OSM was already installed in namespace [{namespace}] with mesh name [{mesh}]; restored {changed} objects that had drifted"
        ));
    }
    Ok(())
}

/// What changes when an object's desired state changes: its generation where it has one (so
/// controllers' status updates do not count), else its content without bookkeeping fields.
fn osm_fields(obj: &kube::api::DynamicObject) -> String {
    if let Some(generation) = obj.metadata.generation {
        return format!("g{generation}");
    }
    let mut content = obj.clone();
    content.metadata.resource_version = None;
    content.metadata.managed_fields = None;
    if let Some(map) = content.data.as_object_mut() {
        map.remove("status");
    }
    serde_json::to_string(&content).unwrap_or_default()
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
