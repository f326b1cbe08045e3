//! `osm install`: resolves and renders the values, then hands the control plane to the
//! lifecycle (checks, server-side dry run, apply, wait, release record).

use serde_json::Value;

use super::files::read_values_files;
use crate::cli::install::InstallArgs;
use crate::error::{Error, Result};
use crate::model::osm::chart::{self, Capabilities, Release};
use crate::model::osm::release::status;
use crate::ops::lifecycle::{self, InstallOptions, Installed};
use crate::output::Output;
use crate::output::OutputFormat;

use super::Context;

/// Refuses bad flag combinations and values before connecting. `--dry-run` prints the objects as
/// the chart renders them and the release record (credentials hidden) and never connects;
/// otherwise the lifecycle dry-runs everything on the server before the first lasting write, and
/// an install with the same values again changes nothing but drifted objects.
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
    let user_values = args
        .values
        .overrides(read_values_files(&args.values.values)?, args.mesh_name.clone(), args.enforce_single_mesh)
        .to_tree()?;
    let values = lifecycle::resolve_values(&ctx.out, &user_values)?;
    // The release the Go CLI would install: named after the mesh, in `--osm-namespace`.
    let release = Release { name: values.text("osm.meshName"), namespace: ctx.global.osm_namespace.clone() };

    if args.dry_run {
        let rendered = chart::render(&values, &release, &Capabilities::assumed(&args.api_versions))?;
        let record = lifecycle::new_record(
            &rendered,
            &user_values,
            1,
            status::DEPLOYED,
            "Install complete",
            None,
            false,
        )?;
        // The objects as the chart renders them (`helm template` prints a credential given as a
        // value where the chart puts it, and so would install apply it); only the record hides it.
        let mut objects = rendered.all();
        // Helm's release record, as install writes it (less the times of the writing).
        objects.push(record.to_secret());
        return print_objects(&ctx.out, &objects, args.output.unwrap_or(OutputFormat::Yaml));
    }
    if !args.api_versions.is_empty() {
        return Err(Error::usage(
            "--api-versions only applies with --dry-run: with a cluster, osm asks it what it serves",
        )
        .with_hint("drop --api-versions, or add --dry-run"));
    }

    let cluster = ctx.cluster().await?;
    let rendered = lifecycle::render(&ctx.out, cluster, &values, &release).await?;
    let opts = InstallOptions { timeout: args.timeout, atomic: args.atomic, no_wait: args.no_wait };
    let (mesh, namespace) = (&rendered.mesh_name, &rendered.namespace);
    match lifecycle::install(&ctx.out, cluster, &values, &user_values, &rendered, &opts).await? {
        Installed::New => {
            let verb = if args.no_wait { "applied (not waiting for the pods)" } else { "installed successfully" };
            ctx.out.data(&format!("OSM {verb} in namespace [{namespace}] with mesh name [{mesh}]"));
        }
        Installed::Again { repaired: 0 } => ctx.out.data(&format!(
            "OSM is already installed in namespace [{namespace}] with mesh name [{mesh}] and these values; nothing changed"
        )),
        Installed::Again { repaired } => ctx.out.data(&format!(
            "OSM was already installed in namespace [{namespace}] with mesh name [{mesh}]; restored {repaired} objects that had drifted"
        )),
    }
    Ok(())
}

fn print_objects(out: &Output, objects: &[Value], format: OutputFormat) -> Result<()> {
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
