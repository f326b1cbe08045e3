//! `osm traffic shift`: the set-up of a new shift, in the steps the command takes them (plan,
//! preview or readiness, the recorded state, the metrics gates), and the ends a shift under way
//! can be given by hand; [`run`] takes the steps themselves.

mod run;

use std::time::Duration;

use serde_json::Value;

use crate::cluster::Cluster;
use crate::error::{Error, Result};
use crate::model::canary::{self, Analysis, Gates, MetricsSource, Phase, Queries, ShiftState};
use crate::model::routing::{self, Api};
use crate::model::smi::split::{self, Weights};
use crate::ops::Progress;

use super::edit::edit_for;
use super::locate::{Located, readiness_of};
use crate::model::input::Remedy;

pub use run::{Interrupt, Probe, RunOptions, Runner, watch_interrupt};

/// `featureFlags.enableWASMStats` of the mesh's MeshConfig, when it can be read.
async fn wasm_stats(cluster: &Cluster, osm_namespace: &str) -> Option<bool> {
    let mesh_config = crate::ops::mesh_config::mesh_config_in(osm_namespace);
    let object = cluster.objects().get_if_served(&mesh_config).await.ok()??;
    object["spec"]["featureFlags"]["enableWASMStats"].as_bool()
}

/// Where an OSM mesh's metrics come from: its WASM stats, or Envoy's counters when the
/// MeshConfig in `osm_namespace` turns those off.
pub async fn osm_metrics(cluster: &Cluster, osm_namespace: &str) -> MetricsSource {
    canary::osm_source(wasm_stats(cluster, osm_namespace).await)
}

/// The steps of a new shift from the default route's weights now.
pub struct Plan {
    pub to: String,
    /// The default route's weights now, with `to` at 0% when it is new to the route.
    pub weights: Weights,
    /// The weights after each step.
    pub steps: Vec<Weights>,
    /// What traffic goes back to on a rollback; empty when `to` is the only backend.
    pub stable: String,
}

impl Plan {
    /// `to`'s percentage in `weights`.
    pub fn share(&self, weights: &Weights) -> u32 {
        weights.iter().find(|(s, _)| *s == self.to).map_or(0, |(_, w)| *w)
    }
}

/// Plans shifting the default route of `at` to `to`, `step` percent at a time up to `until`.
pub async fn plan(at: &Located<'_>, to: &str, step: u32, until: u32) -> Result<Plan> {
    let mut weights = routing::default_weights(at.api, &at.object)?;
    if at.api != Api::Smi && !weights.iter().any(|(n, _)| *n == to) {
        // A subset or Service new to the route joins it at 0% and grows from there; resolving
        // it now refuses a name that means nothing before any write.
        at.resolve(to).await?;
        weights.push((to.to_string(), 0));
    }
    let steps = split::plan_shift(&weights, to, step, until)?;
    let stable = canary::stable_backend(&weights, to).unwrap_or_default();
    Ok(Plan { to: to.to_string(), weights, steps, stable })
}

/// What a shift would do, for `--dry-run`.
pub struct Preview {
    /// The workload whose metrics a gated shift reads for the new backend (`None` ungated), or
    /// why it cannot be told.
    pub workload: Option<Result<String>>,
    /// The object as the last step leaves it; `None` when the steps change nothing.
    pub after: Option<Value>,
}

/// Reads what the preview of `plan` shows; writes nothing.
pub async fn preview(at: &Located<'_>, plan: &Plan, gated: bool) -> Result<Preview> {
    let workload = if gated { Some(at.workload_of(&plan.to).await) } else { None };
    let last = plan.share(plan.steps.last().expect("a step"));
    let edit = edit_for(at.cluster, at.api, &at.namespace, &at.object, &plan.to, last).await?;
    let after = routing::apply(at.api, &at.object, &edit)?.map(|patch| routing::merged(&at.object, &patch));
    Ok(Preview { workload, after })
}

/// Refuses a shift towards `to` when it has pods and none is ready: traffic sent to pods that
/// are not ready fails.
pub async fn require_ready(at: &Located<'_>, to: &str) -> Result<()> {
    let Some(readiness) = readiness_of(at.cluster, at.api, &at.namespace, &at.object, to).await? else {
        return Ok(());
    };
    if readiness.pods == 0 || readiness.unready.len() != readiness.pods {
        return Ok(());
    }
    let why: Vec<String> = readiness.unready.iter().map(|(pod, why)| format!("pod {pod}: {why}")).collect();
    Err(Error::failed(format!(
        "no pod of {to} is ready, so it cannot take traffic; nothing was shifted:\n  {}",
        why.join("\n  ")
    ))
    .with_hint(Remedy::ShiftWhenReady {
        namespace: at.namespace.to_string(),
        selector: readiness.query.clone(),
    }))
}

/// Warns when the object records a shift that has not ended, which the new one replaces.
pub fn warn_if_replacing(out: &dyn Progress, at: &Located<'_>) {
    if let Some(earlier) = ShiftState::from_object(&at.object).ok().flatten()
        && !earlier.phase.is_final()
    {
        out.warn(&format!(
            "replacing the shift recorded on {}/{} ({} to {}, step {}); if another osm still runs it, stop that one",
            at.namespace,
            at.name,
            earlier.phase.name(),
            earlier.to,
            earlier.steps_done
        ));
    }
}

/// How a new shift proceeds.
pub struct Pace {
    pub step: u32,
    pub until: u32,
    /// Stop at `until` and wait for a promotion by hand.
    pub wait_for_promotion: bool,
    pub interval: Duration,
}

/// The state a new shift starts from, before its first step.
pub fn initial_state(plan: &Plan, pace: &Pace) -> ShiftState {
    ShiftState {
        to: plan.to.clone(),
        stable: plan.stable.clone(),
        step: pace.step,
        until: pace.until,
        wait_for_promotion: pace.wait_for_promotion,
        interval_ms: pace.interval.as_millis() as u64,
        phase: Phase::Progressing,
        weight: plan.share(&plan.weights),
        steps_done: 0,
        failures: 0,
        analysis: None,
        message: String::new(),
    }
}

/// What a gated shift checks each step against.
pub struct Gating {
    pub gates: Gates,
    pub metrics: MetricsSource,
    pub queries: Queries,
    /// The Prometheus to query; the mesh's own through a port-forward when `None`.
    pub prometheus: Option<url::Url>,
}

/// Sets up the analysis of a gated shift: the workloads of both backends, the analysis recorded
/// in `state`, and Prometheus, every query tried once before the first write.
pub async fn arm(
    out: &dyn Progress,
    osm_namespace: &str,
    at: &Located<'_>,
    state: &mut ShiftState,
    gating: Gating,
    interval: Duration,
) -> Result<Probe> {
    let (to, stable) = (&state.to, &state.stable);
    if stable.is_empty() {
        return Err(Error::invalid(format!(
            "{to} is the only backend of {}/{}: there is no stable backend to roll back to",
            at.namespace, at.name
        ))
        .with_hint("add the stable version as a backend first"));
    }
    let canary_workload = at.workload_of(to).await?;
    let stable_workload = at.workload_of(stable).await?;
    // Stored only without credentials: the annotation is readable by anyone who can read the object.
    let stored = gating.prometheus.as_ref().filter(|u| u.username().is_empty() && u.password().is_none());
    let analysis = Analysis {
        gates: gating.gates,
        metrics: gating.metrics,
        queries: gating.queries,
        prometheus: stored.map(|u| u.to_string()),
        canary_workload,
        stable_workload,
    };
    let probe = Probe::connect(out, osm_namespace, at.cluster, at.api, gating.prometheus, None).await?;
    probe.validate(&at.namespace, &analysis, interval).await?;
    state.analysis = Some(analysis);
    Ok(probe)
}

/// Ends a shift under way by hand: all traffic to the new version (`promote`) or back to the
/// stable one, recorded with the weights in one write. Returns who won and the weights now.
pub async fn end_by_hand(
    out: &dyn Progress,
    at: &Located<'_>,
    mut state: ShiftState,
    promote: bool,
) -> Result<(String, Weights)> {
    let winner = if promote { state.to.clone() } else { state.stable.clone() };
    let edit = edit_for(at.cluster, at.api, &at.namespace, &at.object, &winner, 100).await?;
    if promote {
        state.phase = Phase::Promoted;
        state.message = format!("promoted by hand from {}%", state.weight);
        state.weight = 100;
    } else {
        state.phase = Phase::Aborted;
        state.message = format!("aborted by hand at {}%", state.weight);
        state.weight = 0;
    }
    let weights = Runner::on(out, at, None, RunOptions::default()).write(&state, Some(&edit)).await?;
    Ok((winner, weights))
}

/// Takes a paused or interrupted shift on from where it stands, its Prometheus (`prometheus`,
/// or the one recorded, or the mesh's) checked again first.
pub async fn resume(
    out: &dyn Progress,
    osm_namespace: &str,
    at: &Located<'_>,
    state: ShiftState,
    prometheus: Option<url::Url>,
    options: RunOptions,
) -> Result<()> {
    let probe = match &state.analysis {
        Some(analysis) => {
            let p = Probe::connect(
                out,
                osm_namespace,
                at.cluster,
                at.api,
                prometheus,
                analysis.prometheus.as_deref(),
            )
            .await?;
            p.validate(&at.namespace, analysis, state.interval()).await?;
            Some(p)
        }
        None => None,
    };
    Runner::on(out, at, probe, options).run(state, true).await
}
