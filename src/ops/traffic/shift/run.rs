//! A traffic shift under way: its steps written one at a time with its progress recorded on the
//! routing object, each step checked against Prometheus when gates are set, and a rollback,
//! pause or promotion that leaves the object saying what happened. `osm traffic shift` and its
//! `resume`, `promote` and `abort` all drive it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::Notify;

use crate::cluster::prometheus::Prometheus;
use crate::cluster::{Cluster, not_found};
use crate::error::{Error, Result};
use crate::model::canary::{self, Analysis, OnNoData, Phase, Sample, ShiftState, Verdict};
use crate::model::input::{Input, Remedy};
use crate::model::routing::{self, Api, Edit};
use crate::model::smi::split::{self, Weights};
use crate::ops::Progress;
use crate::ops::traffic::edit::edit_for;
use crate::ops::traffic::locate::{Located, routing_object};

/// Set on SIGINT; the shift finishes the write in flight, then stops.
pub struct Interrupt {
    raised: AtomicBool,
    wake: Notify,
}

pub fn watch_interrupt() -> Result<Arc<Interrupt>> {
    let interrupt = Arc::new(Interrupt { raised: AtomicBool::new(false), wake: Notify::new() });
    let flag = interrupt.clone();
    // Registered before the first write, so Ctrl-C never kills the process mid-request.
    #[cfg(unix)]
    let mut signals = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .map_err(|e| Error::failed(format!("cannot watch for Ctrl-C: {e}")))?;
    tokio::spawn(async move {
        #[cfg(unix)]
        signals.recv().await;
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        flag.raised.store(true, Ordering::SeqCst);
        flag.wake.notify_one();
    });
    Ok(interrupt)
}

/// Prometheus, reached directly or through a port-forward to the mesh's.
pub struct Probe {
    prometheus: Prometheus,
    _forward: Option<crate::cluster::prometheus::Forwarded>,
}

impl Probe {
    /// `url` (the command line's) wins over `stored` (the one recorded with the shift); with
    /// neither, the mesh's own Prometheus through a port-forward, which lives as long as the probe.
    pub async fn connect(
        out: &dyn Progress,
        osm_namespace: &str,
        cluster: &Cluster,
        api: Api,
        url: Option<url::Url>,
        stored: Option<&str>,
    ) -> Result<Probe> {
        let url = match (url, stored) {
            (Some(url), _) => Some(url),
            (None, Some(text)) => Some(url::Url::parse(text).map_err(|e| {
                Error::invalid(format!("the Prometheus URL stored with the shift cannot be read: {e}"))
                    .with_hint(format!("pass {} URL", Input::Prometheus))
            })?),
            (None, None) => None,
        };
        if let Some(url) = url {
            return Ok(Probe { prometheus: Prometheus::new(url)?, _forward: None });
        }
        // The mesh's own Prometheus: OSM's chart deploys osm-prometheus (port 7070) in the
        // control-plane namespace; Istio's sample addon is `prometheus` (port 9090) in istio-system.
        let (namespace, service, port) = match api {
            Api::Istio => ("istio-system".to_string(), "prometheus", 9090),
            _ => (osm_namespace.to_string(), "osm-prometheus", 7070),
        };
        let notices_out = out.boxed();
        let notice = crate::cluster::prometheus::notices(move |text| notices_out.info(&text));
        let forward = crate::cluster::prometheus::forward(cluster, &namespace, service, port, notice).await?;
        out.info(&format!(
            "reading metrics through a port-forward to pod {} ({namespace}/{service})",
            forward.pod
        ));
        Ok(Probe { prometheus: Prometheus::new(forward.url.clone())?, _forward: Some(forward) })
    }

    /// Evaluates every query once for both workloads, so that a query Prometheus refuses (or a
    /// Prometheus that does not answer) stops the shift before its first write.
    pub async fn validate(&self, namespace: &str, analysis: &Analysis, interval: Duration) -> Result<()> {
        for workload in [&analysis.canary_workload, &analysis.stable_workload] {
            for (what, query) in analysis.queries.list() {
                let rendered = canary::render(query, namespace, workload, interval);
                self.prometheus.query(&analysis.query_name(what), &rendered).await?;
            }
        }
        Ok(())
    }

    async fn sample(
        &self,
        namespace: &str,
        analysis: &Analysis,
        workload: &str,
        interval: Duration,
    ) -> Result<Sample> {
        let q = &analysis.queries;
        let run = |what: &'static str, template: &str| {
            let rendered = canary::render(template, namespace, workload, interval);
            let name = analysis.query_name(what);
            async move { self.prometheus.query(&name, &rendered).await }
        };
        let requests = run("requests", &q.requests).await?;
        let success_rate = run("success rate", &q.success_rate).await?;
        let p99_ms = match &q.latency {
            Some(latency) => run("p99 latency", latency).await?,
            None => None,
        };
        Ok(Sample { requests, success_rate, p99_ms })
    }
}

/// How a shift reports and stops, as the command line asks.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// One JSON object per event on stdout (for pipelines), instead of a progress bar and lines.
    pub json_events: bool,
    /// Ctrl-C routes everything back to the stable backend instead of pausing where it is.
    pub rollback_on_interrupt: bool,
}

/// A shift under way: writes its steps, checks them, records its progress on the object.
pub struct Runner<'a> {
    pub out: &'a dyn Progress,
    pub cluster: &'a Cluster,
    pub api: Api,
    pub namespace: String,
    pub name: String,
    /// Present when the shift is gated on metrics.
    pub probe: Option<Probe>,
    pub options: RunOptions,
}

/// How a wait for the next check ended.
enum Checked {
    Passed,
    Interrupted,
}

impl<'a> Runner<'a> {
    /// The runner of a shift of the object `at`, reporting to `out`.
    pub fn on(
        out: &'a dyn Progress,
        at: &Located<'a>,
        probe: Option<Probe>,
        options: RunOptions,
    ) -> Runner<'a> {
        Runner {
            out,
            cluster: at.cluster,
            api: at.api,
            namespace: at.namespace.clone(),
            name: at.name.clone(),
            probe,
            options,
        }
    }

    fn label(&self) -> String {
        format!("{}/{}", self.namespace, self.name)
    }

    fn json(&self) -> bool {
        self.options.json_events
    }

    fn event(&self, kind: &str, state: &ShiftState, weights: &Weights, extra: Value) {
        if !self.json() {
            return;
        }
        let mut event = json!({
            "event": kind,
            "name": self.name,
            "namespace": self.namespace,
            "kind": self.api.kind(),
            "to": state.to,
            "stable": state.stable,
            "step": state.steps_done,
            "weight": state.weight,
            "weights": weights.iter().map(|(n, w)| json!({"backend": n, "percent": w})).collect::<Vec<_>>(),
            "failures": state.failures,
        });
        if let (Some(event), Some(extra)) = (event.as_object_mut(), extra.as_object()) {
            event.extend(extra.clone());
        }
        self.out.json_line(&event);
    }

    /// Writes the state, with an edit of the weights in the same patch when there is one: the
    /// object never carries weights its annotation does not describe.
    pub async fn write(&self, state: &ShiftState, edit: Option<&Edit>) -> Result<Weights> {
        let state_patch = state.patch()?;
        let api = self.api;
        let modified = self
            .cluster
            .objects()
            .modify(&routing_object(api, &self.namespace, &self.name), |object| {
                let weights = match edit {
                    Some(edit) => routing::apply(api, object, edit)?,
                    None => None,
                };
                Ok(Some(match weights {
                    Some(patch) => routing::merged(&patch, &state_patch),
                    None => state_patch.clone(),
                }))
            })
            .await?;
        routing::default_weights(api, &modified.after)
    }

    async fn read(&self) -> Result<Value> {
        let object = routing_object(self.api, &self.namespace, &self.name);
        self.cluster.objects().get(&object).await?.ok_or_else(|| not_found(&object))
    }

    /// Routes everything back to the stable backend; the error that ends the command.
    async fn roll_back(&self, state: &mut ShiftState, why: &str) -> Error {
        state.phase = Phase::RolledBack;
        state.message = why.to_string();
        let result = async {
            let object = self.read().await?;
            let edit = edit_for(self.cluster, self.api, &self.namespace, &object, &state.stable, 100).await?;
            state.weight = 0;
            self.write(state, Some(&edit)).await
        }
        .await;
        match result {
            Ok(weights) => {
                self.event("rolledBack", state, &weights, json!({"reason": why}));
                if !self.json() {
                    self.out.data(&format!("{}: rolled back: {}", self.label(), split::describe(&weights)));
                }
                Error::rolled_back(format!("{} rolled back to {}: {why}", self.label(), state.stable))
                    .with_hint(Remedy::ShiftRecord {
                        name: self.name.clone(),
                        namespace: self.namespace.clone(),
                    })
            }
            Err(e) => e.context(format!("rolling {} back to {} after: {why}", self.label(), state.stable)),
        }
    }

    async fn pause(&self, state: &mut ShiftState, weights: &Weights) -> Error {
        if self.options.rollback_on_interrupt {
            return self.roll_back(state, &format!("interrupted ({})", Input::RollbackOnInterrupt)).await;
        }
        state.phase = Phase::Paused;
        state.message = "paused by Ctrl-C".into();
        if let Err(e) = self.write(state, None).await {
            return e.context("recording the pause");
        }
        self.event("paused", state, weights, json!({}));
        if !self.json() {
            self.out.data(&format!("{}: {}", self.label(), split::describe(weights)));
        }
        Error::failed(format!(
            "shift interrupted; paused with the weights left in place: {}",
            split::describe(weights)
        ))
        .with_hint(Remedy::ResumeOrAbortShift { name: self.name.clone(), namespace: self.namespace.clone() })
    }

    /// Takes the steps from where `state` stands; `resumed` checks the current weight first.
    pub async fn run(&self, mut state: ShiftState, resumed: bool) -> Result<()> {
        let interrupt = watch_interrupt()?;
        let object = self.read().await?;
        let mut weights = routing::default_weights(self.api, &object)?;
        let remaining =
            split::plan_shift(&canary::with_target(&weights, &state.to), &state.to, state.step, state.until)?
                .len();
        let total = state.steps_done as usize + remaining;
        let mut progress = self.out.bar(total as u64, &format!("shifting {} to {}", self.label(), state.to));
        progress.set_position(u64::from(state.steps_done));
        if resumed {
            state.phase = Phase::Progressing;
            state.message = "resumed".into();
            weights = self.write(&state, None).await?;
            self.event("resumed", &state, &weights, json!({}));
            if state.analysis.is_some() && state.steps_done > 0 && state.weight < 100 {
                progress = self.check_or_stop(&mut state, &weights, progress, &interrupt).await?;
            }
        }
        loop {
            let plan = split::plan_shift(
                &canary::with_target(&weights, &state.to),
                &state.to,
                state.step,
                state.until,
            )?;
            let Some(next) = plan.first() else { break };
            let percent = next.iter().find(|(n, _)| *n == state.to).map_or(0, |(_, w)| *w);
            let object = self.read().await?;
            let edit = edit_for(self.cluster, self.api, &self.namespace, &object, &state.to, percent).await?;
            state.steps_done += 1;
            state.weight = percent;
            state.phase = Phase::Progressing;
            state.message = format!("step {} of {total}", state.steps_done);
            weights = match self.write(&state, Some(&edit)).await {
                Ok(w) => w,
                Err(e) => {
                    progress.fail(&format!("step {} of {total} failed", state.steps_done));
                    return Err(e.context(format!("shifting {} to {percent}%", state.to)));
                }
            };
            progress.set_position(u64::from(state.steps_done));
            progress.set_message(&format!(
                "step {}/{total}: {}",
                state.steps_done,
                split::describe(&weights)
            ));
            self.event("step", &state, &weights, json!({"of": total}));
            if interrupt.raised.load(Ordering::SeqCst) {
                progress.fail("interrupted");
                return Err(self.pause(&mut state, &weights).await);
            }
            let reached = percent >= state.until;
            if state.analysis.is_some() && percent < 100 {
                progress = self.check_or_stop(&mut state, &weights, progress, &interrupt).await?;
            } else if !reached {
                tokio::select! {
                    _ = tokio::time::sleep(state.interval()) => {}
                    _ = interrupt.wake.notified() => {}
                }
                if interrupt.raised.load(Ordering::SeqCst) {
                    progress.fail("interrupted");
                    return Err(self.pause(&mut state, &weights).await);
                }
            }
            if reached {
                break;
            }
        }
        if state.wait_for_promotion && state.weight < 100 {
            state.phase = Phase::Waiting;
            state.message = format!("waiting at {}% for promotion", state.weight);
            weights = self.write(&state, None).await?;
            progress.succeed(&format!("{} has {}%; waiting for promotion", state.to, state.weight));
            self.event("waiting", &state, &weights, json!({}));
            if !self.json() {
                self.out.data(&format!("{}: {}", self.label(), split::describe(&weights)));
            }
            self.out.hint(
                &Remedy::PromoteOrAbortShift {
                    to: state.to.clone(),
                    name: self.name.clone(),
                    namespace: self.namespace.clone(),
                }
                .to_string(),
            );
            return Ok(());
        }
        state.phase = Phase::Promoted;
        state.message = format!("{} has {}%", state.to, state.weight);
        weights = self.write(&state, None).await?;
        progress.succeed(&format!("{} now has {}%", state.to, state.weight));
        self.event("promoted", &state, &weights, json!({}));
        if !self.json() {
            self.out.data(&format!("{}: {}", self.label(), split::describe(&weights)));
        }
        Ok(())
    }

    /// [`Runner::check`], ending the shift when it does not pass: paused (or rolled back, as
    /// asked) on Ctrl-C, rolled back once the failed checks reach the threshold. The progress bar
    /// comes back only when the shift goes on, since ending it consumes it.
    async fn check_or_stop(
        &self,
        state: &mut ShiftState,
        weights: &Weights,
        progress: Box<dyn crate::ops::progress::Bar>,
        interrupt: &Interrupt,
    ) -> Result<Box<dyn crate::ops::progress::Bar>> {
        match self.check(state, weights, progress.as_ref(), interrupt).await {
            Ok(Checked::Passed) => Ok(progress),
            Ok(Checked::Interrupted) => {
                progress.fail("interrupted");
                Err(self.pause(state, weights).await)
            }
            Err(e) => {
                progress.fail("rolled back");
                Err(e)
            }
        }
    }

    /// Checks the current weight every interval until a check passes; rolls back (the error)
    /// once the failed checks reach the threshold.
    async fn check(
        &self,
        state: &mut ShiftState,
        weights: &Weights,
        progress: &dyn crate::ops::progress::Bar,
        interrupt: &Interrupt,
    ) -> Result<Checked> {
        let analysis = state.analysis.clone().expect("a gated shift");
        let probe = self.probe.as_ref().expect("a gated shift has its Prometheus");
        loop {
            tokio::select! {
                _ = tokio::time::sleep(state.interval()) => {}
                _ = interrupt.wake.notified() => {}
            }
            if interrupt.raised.load(Ordering::SeqCst) {
                return Ok(Checked::Interrupted);
            }
            let interval = state.interval();
            let canary_sample =
                probe.sample(&self.namespace, &analysis, &analysis.canary_workload, interval).await;
            let stable_sample =
                probe.sample(&self.namespace, &analysis, &analysis.stable_workload, interval).await;
            let verdict = match (&canary_sample, &stable_sample) {
                (Ok(c), Ok(s)) => {
                    canary::evaluate(&analysis.gates, &state.to, c, Some((state.stable.as_str(), s)))
                }
                (Err(e), _) | (_, Err(e)) => {
                    Verdict::Fail(vec![format!("Prometheus could not be queried: {}", e.message)])
                }
            };
            let counted = match &verdict {
                Verdict::Pass => false,
                Verdict::NoData(_) => analysis.gates.on_no_data == OnNoData::Fail,
                Verdict::Fail(_) => true,
            };
            if counted {
                state.failures += 1;
            }
            let (word, why) = match &verdict {
                Verdict::Pass => ("pass".to_string(), String::new()),
                Verdict::NoData(why) if !counted => ("hold".to_string(), why.clone()),
                Verdict::NoData(why) => (
                    format!("failed check {} of {}", state.failures, analysis.gates.failure_threshold),
                    format!("no data: {why}"),
                ),
                Verdict::Fail(why) => (
                    format!("failed check {} of {}", state.failures, analysis.gates.failure_threshold),
                    why.join("; "),
                ),
            };
            state.message = if why.is_empty() { word.clone() } else { format!("{word}: {why}") };
            let figures = |backend: &str, workload: &str, sample: &Result<Sample>| {
                let weight = weights.iter().find(|(n, _)| n == backend).map_or(0, |(_, w)| *w);
                let s = sample.as_ref().ok().cloned().unwrap_or_default();
                (backend.to_string(), workload.to_string(), weight, s)
            };
            let rows = [
                figures(&state.to, &analysis.canary_workload, &canary_sample),
                figures(&state.stable, &analysis.stable_workload, &stable_sample),
            ];
            if self.json() {
                let backends: Vec<Value> = rows
                    .iter()
                    .map(|(b, w, weight, s)| {
                        json!({"backend": b, "workload": w, "percent": weight, "successRate": s.success_rate,
                               "p99Ms": s.p99_ms, "requests": s.requests})
                    })
                    .collect();
                let verdict_name = verdict.word(counted);
                self.event(
                    "check",
                    state,
                    weights,
                    json!({"verdict": verdict_name, "reason": why, "backends": backends}),
                );
            } else {
                let mut lines =
                    vec![format!("check at step {} ({} {}%):", state.steps_done, state.to, state.weight)];
                for (b, w, weight, s) in &rows {
                    let rate = s.success_rate.map_or("-".into(), |r| format!("{r:.2}%"));
                    let p99 = s.p99_ms.map_or("-".into(), canary::ms);
                    let requests = s.requests.map_or("0".into(), |r| format!("{r:.0}"));
                    lines.push(format!(
                        "  {b} ({w}) {weight}%: success {rate}, p99 {p99}, requests {requests}"
                    ));
                }
                lines.push(format!("  -> {}", state.message));
                progress.line(&lines.join("\n"));
                let (_, _, weight, s) = &rows[0];
                progress.set_live(&format!(
                    "step {}: {} {weight}%, success {}, p99 {}, {} requests: {}",
                    state.steps_done,
                    state.to,
                    s.success_rate.map_or("-".into(), |r| format!("{r:.2}%")),
                    s.p99_ms.map_or("-".into(), canary::ms),
                    s.requests.map_or("0".into(), |r| format!("{r:.0}")),
                    verdict.word(counted)
                ));
            }
            if counted && state.failures >= analysis.gates.failure_threshold {
                return Err(self.roll_back(state, &why).await);
            }
            self.write(state, None).await?;
            if verdict == Verdict::Pass {
                return Ok(Checked::Passed);
            }
        }
    }
}
