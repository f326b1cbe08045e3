//! `osm check [--pre] [--wait D]`: runs the health checks of `model::health`, again and again
//! with `--wait` until they pass or the time is up, and prints them once at the end.

use std::time::{Duration, Instant};

use crate::cli::check::{CheckArgs, CheckFormat, MeshKind};
use crate::error::{Error, Result};
use crate::model::health::Report;
use crate::ops::diagnose::check::{self, Scope};
use crate::ops::istio::check::{self as istio_check, IstioScope};

use super::Context;

/// Pause between two runs under `--wait`.
const RETRY: Duration = Duration::from_secs(2);

/// Prints the report once, at the end, and exits by its verdict: 1 when a check failed, 5 when
/// `--wait` ran out first. An unreachable cluster is a failed check, so the report still says which.
pub async fn run(ctx: &Context, args: CheckArgs) -> Result<()> {
    let scope = match args.mesh {
        MeshKind::Osm => Which::Osm(Scope {
            osm_namespace: ctx.global.osm_namespace.clone(),
            mesh_name: args.mesh_name.clone(),
        }),
        MeshKind::Istio => Which::Istio(IstioScope {
            namespace: args.istio_namespace.clone(),
            revision: args.revision.clone(),
        }),
    };
    let deadline = args.wait.map(|w| Instant::now() + w);
    let spinner = args.wait.map(|_| {
        ctx.out.spinner(if args.pre { "running the pre-install checks" } else { "running the checks" })
    });
    let report = loop {
        let report = run_once(ctx, args.pre, &scope).await;
        if report.success || deadline.is_none_or(|d| Instant::now() + RETRY > d) {
            break report;
        }
        if let Some(spinner) = &spinner {
            spinner.set_message(&format!("waiting for: {}", report.failures().join("; ")));
        }
        tokio::time::sleep(RETRY).await;
    };
    if let Some(spinner) = spinner {
        if report.success { spinner.succeed("checks pass") } else { spinner.fail("checks still failing") }
    }
    match args.output {
        CheckFormat::Table => ctx.out.data(&report.text(ctx.out.color_stdout())),
        CheckFormat::Json => ctx.out.data(&serde_json::to_string_pretty(&report)?),
    }
    if report.success {
        return Ok(());
    }
    let failures = report.failures();
    let message = format!(
        "{} check{} failed: {}",
        failures.len(),
        if failures.len() == 1 { "" } else { "s" },
        failures.join("; ")
    );
    match args.wait {
        Some(wait) => Err(Error::timeout(format!("after waiting {}s, {message}", wait.as_secs()))
            .with_hint("follow the hints above; a longer --wait helps only while pods are still starting")),
        None => Err(Error::failed(message)
            .with_hint("follow the hints above, or wait for pods still starting with --wait 5m")),
    }
}

/// The mesh the checks are about.
enum Which {
    Osm(Scope),
    Istio(IstioScope),
}

async fn run_once(ctx: &Context, pre: bool, scope: &Which) -> Report {
    let connected = ctx.cluster().await;
    let cluster = connected.as_ref().map(|c| *c);
    match (scope, pre) {
        (Which::Osm(scope), true) => check::pre(cluster, scope).await,
        (Which::Osm(scope), false) => check::post(cluster, scope).await,
        (Which::Istio(scope), true) => istio_check::pre(cluster, scope).await,
        (Which::Istio(scope), false) => istio_check::post(cluster, scope).await,
    }
}
