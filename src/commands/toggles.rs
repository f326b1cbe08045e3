//! `osm permissive`, `osm egress` and `osm tracing`: one MeshConfig field each, written through
//! the same path: patch only that field, read it back, report `before -> after`.

use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::toggles::{
    ToggleCommand, ToggleStatusArgs, ToggleWriteArgs, TracingCommand, TracingEnableArgs,
};
use crate::error::{Error, Result};
use crate::model::osm::keys::MESH_CONFIG_NAME;
use crate::model::osm::settings::{changes, get_path};
use crate::ops::Cluster;
use crate::ops::discovery::Mesh;
use crate::ops::mesh_config as settings;
use crate::output::Render;

use super::Context;

/// A boolean MeshConfig setting with its own command group.
#[derive(Debug, Clone, Copy)]
pub struct Toggle {
    /// What users call it, e.g. "permissive traffic policy mode".
    pub label: &'static str,
    /// The field below `spec`.
    pub keys: &'static [&'static str],
}

pub const PERMISSIVE: Toggle = Toggle {
    label: "permissive traffic policy mode",
    keys: &["traffic", "enablePermissiveTrafficPolicyMode"],
};
pub const EGRESS: Toggle = Toggle { label: "egress", keys: &["traffic", "enableEgress"] };
pub const TRACING: Toggle = Toggle { label: "tracing", keys: &["observability", "tracing", "enable"] };

const DEFAULT_TRACING_PORT: u16 = 9411;
const DEFAULT_TRACING_ENDPOINT: &str = "/api/v2/spans";

fn field_name(keys: &[&str]) -> String {
    format!("spec.{}", keys.join("."))
}

fn on_off(value: Option<&Value>) -> &'static str {
    if value.and_then(Value::as_bool).unwrap_or(false) { "enabled" } else { "disabled" }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ToggleState {
    pub mesh: String,
    pub namespace: String,
    pub setting: String,
    pub field: String,
    pub enabled: bool,
    /// Where spans go (tracing only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracing: Option<Value>,
}

impl Render for ToggleState {
    fn human(&self) -> String {
        let mut line = format!(
            "{} is {} in mesh {} (MeshConfig {}/{MESH_CONFIG_NAME})",
            self.setting,
            if self.enabled { "enabled" } else { "disabled" },
            self.mesh,
            self.namespace
        );
        if let Some(tracing) = &self.tracing {
            line.push_str(&format!("\ncollector: {}", collector(tracing)));
        }
        line
    }
}

fn collector(tracing: &Value) -> String {
    match tracing.get("address").and_then(Value::as_str) {
        Some(address) => format!(
            "{address}:{}{}",
            tracing.get("port").and_then(Value::as_u64).map_or("?".to_string(), |p| p.to_string()),
            tracing.get("endpoint").and_then(Value::as_str).unwrap_or("")
        ),
        None => "not set".to_string(),
    }
}

/// What a write did (or, with --dry-run, would do).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ToggleChange {
    pub mesh: String,
    pub namespace: String,
    pub setting: String,
    pub field: String,
    pub before: String,
    pub after: String,
    pub changed: bool,
    pub dry_run: bool,
    /// The merge patch applied (or that --dry-run would apply).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patch: Option<Value>,
}

impl Render for ToggleChange {
    fn human(&self) -> String {
        match (&self.patch, self.dry_run) {
            (None, _) => format!("{} is already {} in mesh {}", self.setting, self.after, self.mesh),
            (Some(patch), true) => format!(
                "# dry run: {} would go {} -> {}; nothing was changed\n\
                 kubectl patch meshconfig {MESH_CONFIG_NAME} -n {} --type=merge -p '{}'",
                self.setting, self.before, self.after, self.namespace, patch
            ),
            (Some(_), false) => {
                format!(
                    "{}: {} -> {} (mesh {}, {})",
                    self.setting, self.before, self.after, self.mesh, self.field
                )
            }
        }
    }
}

/// `osm permissive` and `osm egress`: a write patches only the one field, leaves one already so alone,
/// and fails (exit 1) when the read-back disagrees; `--dry-run` prints the merge patch instead.
pub async fn run_toggle(ctx: &Context, toggle: Toggle, command: ToggleCommand) -> Result<()> {
    match command {
        ToggleCommand::Enable(args) => set_bool(ctx, toggle, &args, true).await,
        ToggleCommand::Disable(args) => set_bool(ctx, toggle, &args, false).await,
        ToggleCommand::Status(args) => status(ctx, toggle, &args).await,
    }
}

/// As [`run_toggle`], but `enable` also sets the collector: `--address`, else the address already
/// set, else the mesh's own jaeger Service (exit 4 when there is none).
pub async fn run_tracing(ctx: &Context, command: TracingCommand) -> Result<()> {
    match command {
        TracingCommand::Enable(args) => enable_tracing(ctx, &args).await,
        TracingCommand::Disable(args) => set_bool(ctx, TRACING, &args, false).await,
        TracingCommand::Status(args) => status(ctx, TRACING, &args).await,
    }
}

async fn status(ctx: &Context, toggle: Toggle, args: &ToggleStatusArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let located = settings::locate(cluster, &args.mesh.mesh_name).await?;
    let spec = &located.object["spec"];
    let state = ToggleState {
        mesh: located.mesh.name.clone(),
        namespace: located.mesh.namespace.clone(),
        setting: toggle.label.to_string(),
        field: field_name(toggle.keys),
        enabled: get_path(spec, toggle.keys).and_then(Value::as_bool).unwrap_or(false),
        tracing: (toggle.keys == TRACING.keys)
            .then(|| get_path(spec, &["observability", "tracing"]).cloned().unwrap_or(json!({}))),
    };
    ctx.out.print(args.output.output, &state)
}

async fn set_bool(ctx: &Context, toggle: Toggle, args: &ToggleWriteArgs, enable: bool) -> Result<()> {
    let mut desired = json!({});
    crate::model::osm::settings::put_path(&mut desired, toggle.keys, Value::Bool(enable));
    let describe = |spec: &Value| on_off(get_path(spec, toggle.keys)).to_string();
    let change = write(ctx, toggle, args, &desired, describe).await?;
    ctx.out.print(crate::output::OutputFormat::Table, &change)?;
    if toggle.keys == PERMISSIVE.keys && !enable && change.patch.is_some() {
        let cluster = ctx.cluster().await?;
        warn_without_traffic_targets(ctx, cluster, &change.mesh).await;
    }
    Ok(())
}

async fn enable_tracing(ctx: &Context, args: &TracingEnableArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let located = settings::locate(cluster, &args.write.mesh.mesh_name).await?;
    let current =
        get_path(&located.object["spec"], &["observability", "tracing"]).cloned().unwrap_or(json!({}));
    let address = match (&args.address, current.get("address").and_then(Value::as_str)) {
        (Some(address), _) => address.clone(),
        (None, Some(address)) if !address.is_empty() => address.to_string(),
        (None, _) => jaeger_address(cluster, &located.mesh).await?,
    };
    let port = args.port.or(current.get("port").and_then(Value::as_u64).and_then(|p| u16::try_from(p).ok()));
    let endpoint =
        args.endpoint.clone().or(current.get("endpoint").and_then(Value::as_str).map(str::to_string));
    let desired = json!({"observability": {"tracing": {
        "enable": true,
        "address": address,
        "port": port.unwrap_or(DEFAULT_TRACING_PORT),
        "endpoint": endpoint.unwrap_or_else(|| DEFAULT_TRACING_ENDPOINT.to_string()),
    }}});
    let describe = |spec: &Value| {
        let tracing = get_path(spec, &["observability", "tracing"]).cloned().unwrap_or(json!({}));
        match on_off(tracing.get("enable")) {
            "enabled" => format!("enabled ({})", collector(&tracing)),
            off => off.to_string(),
        }
    };
    let change = write(ctx, TRACING, &args.write, &desired, describe).await?;
    ctx.out.print(crate::output::OutputFormat::Table, &change)
}

/// The mesh's Jaeger, when `osm install --set osm.deployJaeger=true` put one in its namespace.
async fn jaeger_address(cluster: &Cluster, mesh: &Mesh) -> Result<String> {
    match settings::jaeger_address(cluster, mesh).await? {
        Some(address) => Ok(address),
        None => Err(Error::invalid(format!(
            "no tracing collector address: none is set, and mesh {} has no jaeger Service in namespace {}",
            mesh.name, mesh.namespace
        ))
        .with_hint(
            "pass --address HOST (and --port, --endpoint if they differ from 9411 and /api/v2/spans)",
        )),
    }
}

/// Patches `desired` (a partial spec) into the mesh's MeshConfig unless it is already so, then
/// reads the object back and fails when the API server did not keep the change.
async fn write(
    ctx: &Context,
    toggle: Toggle,
    args: &ToggleWriteArgs,
    desired: &Value,
    describe: impl Fn(&Value) -> String,
) -> Result<ToggleChange> {
    let cluster = ctx.cluster().await?;
    let located = settings::locate(cluster, &args.mesh.mesh_name).await?;
    let mesh = located.mesh;
    let mut change = ToggleChange {
        mesh: mesh.name.clone(),
        namespace: mesh.namespace.clone(),
        setting: toggle.label.to_string(),
        field: field_name(toggle.keys),
        before: describe(&located.object["spec"]),
        after: String::new(),
        changed: false,
        dry_run: args.dry_run,
        patch: None,
    };
    if args.dry_run {
        let patch = changes(&located.object["spec"], desired);
        let mut after = located.object["spec"].clone();
        if let Some(p) = &patch {
            crate::model::merge_patch(&mut after, p);
        }
        change.after = describe(&after);
        change.patch = patch.map(|p| json!({ "spec": p }));
        return Ok(change);
    }
    let modified = settings::modify(cluster, &mesh, |spec| Ok(changes(spec, desired))).await?;
    change.before = describe(&modified.before["spec"]);
    change.patch = modified.patch.clone();
    change.changed = modified.patch.is_some();
    // Read back: a webhook or controller could undo or reject the field silently.
    let read_back = settings::locate(cluster, &mesh.name).await?;
    change.after = describe(&read_back.object["spec"]);
    if changes(&read_back.object["spec"], desired).is_some() {
        return Err(Error::failed(format!(
            "{} was written, but MeshConfig {}/{MESH_CONFIG_NAME} reads back {} at {}",
            toggle.label, mesh.namespace, change.after, change.field
        ))
        .with_hint("something in the cluster (an admission webhook or a controller) reverts it; check the MeshConfig's managedFields"));
    }
    Ok(change)
}

/// With permissive mode off, only SMI TrafficTargets allow traffic: say so when the monitored
/// namespaces have none at all.
async fn warn_without_traffic_targets(ctx: &Context, cluster: &Cluster, mesh_name: &str) {
    let Some(monitored) = settings::monitored_without_traffic_targets(&ctx.out, cluster, mesh_name).await
    else {
        return;
    };
    ctx.out.warn(&format!(
        "no TrafficTarget exists in the namespaces mesh {mesh_name} monitors ({}): with permissive mode off, \
         their traffic is denied",
        monitored.join(", ")
    ));
    ctx.out.hint(
        "create TrafficTargets (SMI access policies) for the traffic to allow, or `osm permissive enable`",
    );
}
