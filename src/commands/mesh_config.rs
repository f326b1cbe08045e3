//! `osm mesh config get|set`: any MeshConfig field by dotted path, values checked against the
//! CRD's schema before anything is written.

use serde::Serialize;
use serde_json::{Value, json};

use crate::cli::mesh_config::{ConfigCommand, ConfigFormat, ConfigGetArgs, ConfigSetArgs};
use crate::error::{Error, Result};
use crate::model::osm::config_schema::{parse_value, resolve, spec_schema, split_path};
use crate::model::osm::keys::MESH_CONFIG_NAME;
use crate::model::osm::settings::{changes, get_path, put_path};
use crate::ops::mesh_config as settings;
use crate::output::to_yaml;

use super::Context;

/// Every path and value is checked against the MeshConfig CRD's schema before the cluster is read,
/// so `set` changes nothing unless all assignments are valid; it exits 1 when the read-back disagrees.
pub async fn run(ctx: &Context, command: ConfigCommand) -> Result<()> {
    match command {
        ConfigCommand::Get(args) => get(ctx, &args).await,
        ConfigCommand::Set(args) => set(ctx, &args).await,
    }
}

fn print(ctx: &Context, format: ConfigFormat, value: &Value) -> Result<()> {
    let text = match (format, value) {
        (ConfigFormat::Json, _) => serde_json::to_string_pretty(value)?,
        // A scalar prints bare, so scripts can use `$(osm mesh config get traffic.enableEgress)`.
        (ConfigFormat::Yaml, Value::String(s)) => s.clone(),
        (ConfigFormat::Yaml, Value::Bool(_) | Value::Number(_)) => value.to_string(),
        (ConfigFormat::Yaml, _) => to_yaml(value)?,
    };
    ctx.out.data(&text);
    Ok(())
}

async fn get(ctx: &Context, args: &ConfigGetArgs) -> Result<()> {
    let spec_schema = spec_schema();
    let keys = match &args.path {
        Some(path) => split_path(path)?,
        None => Vec::new(),
    };
    // Check the path before reading, so a typo is reported as such even when the field is unset.
    resolve(&spec_schema, &keys)?;
    let cluster = ctx.cluster().await?;
    let located = settings::locate(cluster, &args.mesh.mesh_name).await?;
    match get_path(&located.object["spec"], &keys) {
        Some(value) => print(ctx, args.output, value),
        None => {
            ctx.out.info(&format!(
                "{} is not set in MeshConfig {}/{MESH_CONFIG_NAME} (OSM uses its default)",
                keys.join("."),
                located.mesh.namespace
            ));
            print(ctx, args.output, &Value::Null)
        }
    }
}

#[derive(Debug, Serialize)]
struct Assignment {
    path: String,
    keys: Vec<String>,
    value: Value,
}

/// Every assignment parsed and checked; the first problem stops everything.
fn parse_assignments(texts: &[String]) -> Result<Vec<Assignment>> {
    let spec_schema = spec_schema();
    let mut out: Vec<Assignment> = Vec::new();
    for text in texts {
        let Some((path, value)) = text.split_once('=') else {
            return Err(Error::invalid(format!("{text:?} is not PATH=VALUE"))
                .with_hint("write e.g. traffic.enableEgress=true"));
        };
        let keys = split_path(path)?;
        if keys.is_empty() {
            return Err(Error::invalid(format!("{text:?} names no field"))
                .with_hint("write e.g. traffic.enableEgress=true"));
        }
        let schema = resolve(&spec_schema, &keys)?;
        let path = keys.join(".");
        let value = parse_value(&path, schema, value)?;
        if let Some(other) = out.iter().find(|a| {
            let n = a.keys.len().min(keys.len());
            a.keys[..n] == keys[..n]
        }) {
            return Err(Error::invalid(format!("{path} and {} overlap: set each field once", other.path)));
        }
        out.push(Assignment { path, keys, value });
    }
    Ok(out)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldChange {
    path: String,
    before: Value,
    after: Value,
}

fn show(value: &Value) -> String {
    match value {
        Value::Null => "<unset>".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

async fn set(ctx: &Context, args: &ConfigSetArgs) -> Result<()> {
    let assignments = parse_assignments(&args.assignments)?;
    let mut desired = json!({});
    for a in &assignments {
        put_path(&mut desired, &a.keys, a.value.clone());
    }
    let cluster = ctx.cluster().await?;
    let located = settings::locate(cluster, &args.mesh.mesh_name).await?;
    let namespace = located.mesh.namespace.clone();
    let field_changes = |spec: &Value| -> Vec<FieldChange> {
        assignments
            .iter()
            .map(|a| FieldChange {
                path: a.path.clone(),
                before: get_path(spec, &a.keys).cloned().unwrap_or(Value::Null),
                after: a.value.clone(),
            })
            .filter(|c| c.before != c.after)
            .collect()
    };
    if args.dry_run {
        let pending = field_changes(&located.object["spec"]);
        match changes(&located.object["spec"], &desired) {
            None => ctx.out.data("nothing to change: every field already has that value"),
            Some(patch) => {
                for c in &pending {
                    ctx.out.info(&format!("would set {}: {} -> {}", c.path, show(&c.before), show(&c.after)));
                }
                ctx.out.data(&format!(
                    "# dry run: nothing was changed\nkubectl patch meshconfig {MESH_CONFIG_NAME} -n {namespace} --type=merge -p '{}'",
                    json!({ "spec": patch })
                ));
            }
        }
        return Ok(());
    }
    let modified = settings::modify(cluster, &located.mesh, |spec| Ok(changes(spec, &desired))).await?;
    let Some(_) = modified.patch else {
        ctx.out.data(&format!(
            "nothing to change: {} already {} in MeshConfig {namespace}/{MESH_CONFIG_NAME}",
            assignments
                .iter()
                .map(|a| format!("{}={}", a.path, show(&a.value)))
                .collect::<Vec<_>>()
                .join(", "),
            if assignments.len() == 1 { "is" } else { "are" }
        ));
        return Ok(());
    };
    let applied = field_changes(&modified.before["spec"]);
    let read_back = settings::locate(cluster, &located.mesh.name).await?;
    for a in &assignments {
        let now = get_path(&read_back.object["spec"], &a.keys).cloned().unwrap_or(Value::Null);
        if now != a.value {
            return Err(Error::failed(format!(
                "{} was written as {}, but MeshConfig {namespace}/{MESH_CONFIG_NAME} reads back {}",
                a.path,
                show(&a.value),
                show(&now)
            ))
            .with_hint("something in the cluster (an admission webhook or a controller) reverts it"));
        }
    }
    let lines: Vec<String> =
        applied.iter().map(|c| format!("{}: {} -> {}", c.path, show(&c.before), show(&c.after))).collect();
    ctx.out.data(&lines.join("\n"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_are_checked_together() {
        let ok = parse_assignments(&["traffic.enableEgress=true".into(), "sidecar.logLevel=debug".into()])
            .unwrap();
        assert_eq!(ok.len(), 2);
        assert!(parse_assignments(&["traffic.enableEgress=true".into(), "traffic=1".into()]).is_err());
        let err = parse_assignments(&["traffic.enableEgress=true".into(), "sidecar.logLvl=debug".into()])
            .unwrap_err();
        assert!(err.hint.unwrap().contains("sidecar.logLevel"));
        assert!(
            parse_assignments(&["traffic.enableEgress".into()]).unwrap_err().message.contains("PATH=VALUE")
        );
    }
}
