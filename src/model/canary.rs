//! Canary analysis for `osm traffic shift`: the PromQL that measures a backend's workload, the
//! gates a check must pass, and the shift's plan and progress as they are kept in an annotation
//! on the routing object. Pure: the Prometheus client is `cluster::prometheus`, the loop that
//! writes weights is in `commands::traffic`.
//!
//! Where the metric names and queries come from:
//! - OSM with WASM stats: `osm_request_total` (a counter labelled `response_code`,
//!   `source_*`, `destination_namespace`, `destination_kind`, `destination_name`,
//!   `destination_pod`) and the histogram `osm_request_duration_ms`, recorded by the client's
//!   sidecar (openservicemesh/osm, wasm/stats.cc, tag v1.2.4), labels lifted out of the metric
//!   name by the `smi-metrics` job of OSM's Prometheus configuration (the chart's
//!   prometheus.yml, vendored here as src/model/osm/chart/files/prometheus.yml). The success-rate
//!   and p99 queries are Flagger's for OSM (fluxcd/flagger, pkg/metrics/observers/osm.go, tag
//!   v1.44.0): non-5xx share of `rate(osm_request_total[...])`, and
//!   `histogram_quantile(0.99, sum(rate(osm_request_duration_ms_bucket[...])) by (le))`.
//! - OSM without WASM stats: Envoy's `envoy_cluster_upstream_rq_xx`, labelled
//!   `envoy_response_code_class` by Envoy and `source_namespace`/`source_workload_name` (the
//!   scraped pod's) by the `kubernetes-pods` job of the same prometheus.yml, which keeps no
//!   request-time histogram. The workload's own sidecar counts what it served on its local
//!   cluster, named `<namespace>/<service>|<port>|local` (openservicemesh/osm,
//!   pkg/service/types.go `EnvoyLocalClusterName`, tag v1.2.4).
//! - Istio: `istio_requests_total` and `istio_request_duration_milliseconds_bucket` with
//!   `reporter="destination"`, `destination_workload_namespace`, `destination_workload`
//!   (fluxcd/flagger, pkg/metrics/observers/istio.go, tag v1.44.0). Flagger matches the
//!   workload with `=~`; osm resolved it to one name, so it matches exactly.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};
use crate::model::smi::split::Weights;

/// The annotation on the routing object holding the shift's plan and progress (JSON).
pub const STATE_ANNOTATION: &str = "shift.osm.dev/state";

/// Which metrics measure a backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricsSource {
    /// OSM with WASM stats: `osm_request_total`, `osm_request_duration_ms_bucket`.
    Osm,
    /// OSM without WASM stats: Envoy's `envoy_cluster_upstream_rq_xx`.
    Envoy,
    /// Istio's standard metrics.
    Istio,
}

impl MetricsSource {
    /// The `--metrics` value that picks this source, so messages name what the user can pass.
    pub fn name(self) -> &'static str {
        match self {
            MetricsSource::Osm => "osm",
            MetricsSource::Envoy => "envoy",
            MetricsSource::Istio => "istio",
        }
    }
}

/// The metrics of an OSM mesh: its WASM stats unless its MeshConfig turns them off
/// (`featureFlags.enableWASMStats`, true in the chart's values); unknown counts as on.
pub fn osm_source(wasm_stats: Option<bool>) -> MetricsSource {
    if wasm_stats == Some(false) { MetricsSource::Envoy } else { MetricsSource::Osm }
}

/// The three queries that measure one backend, as templates with `{{namespace}}`,
/// `{{workload}}` and `{{interval}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Queries {
    /// Percentage (0-100) of requests answered without a 5xx.
    pub success_rate: String,
    /// 99th percentile of request duration, in milliseconds; `None` when the source has none.
    pub latency: Option<String>,
    /// Requests served over the interval.
    pub requests: String,
}

const OSM_SELECTOR: &str =
    r#"destination_namespace="{{namespace}}",destination_kind="Deployment",destination_name="{{workload}}""#;
const ENVOY_SELECTOR: &str = r#"source_namespace="{{namespace}}",source_workload_name="{{workload}}",envoy_cluster_name=~".+\\|local""#;
const ISTIO_SELECTOR: &str = r#"reporter="destination",destination_workload_namespace="{{namespace}}",destination_workload="{{workload}}""#;

impl Queries {
    /// osm's own queries for a source (see the module docs for where each comes from). The Envoy source
    /// has no latency query: OSM's Prometheus keeps no Envoy request-time histogram.
    pub fn builtin(source: MetricsSource) -> Queries {
        match source {
            MetricsSource::Osm => Queries {
                success_rate: success_rate("osm_request_total", OSM_SELECTOR, r#"response_code!~"5.*""#),
                latency: Some(p99("osm_request_duration_ms_bucket", OSM_SELECTOR)),
                requests: requests("osm_request_total", OSM_SELECTOR),
            },
            MetricsSource::Envoy => Queries {
                success_rate: success_rate(
                    "envoy_cluster_upstream_rq_xx",
                    ENVOY_SELECTOR,
                    r#"envoy_response_code_class!="5""#,
                ),
                latency: None,
                requests: requests("envoy_cluster_upstream_rq_xx", ENVOY_SELECTOR),
            },
            MetricsSource::Istio => Queries {
                success_rate: success_rate("istio_requests_total", ISTIO_SELECTOR, r#"response_code!~"5.*""#),
                latency: Some(p99("istio_request_duration_milliseconds_bucket", ISTIO_SELECTOR)),
                requests: requests("istio_requests_total", ISTIO_SELECTOR),
            },
        }
    }

    /// The built-in queries with the user's own success-rate and latency queries in their place.
    pub fn with_custom(
        source: MetricsSource,
        success_rate: Option<&str>,
        latency: Option<&str>,
    ) -> Result<Queries> {
        let mut queries = Queries::builtin(source);
        if let Some(q) = success_rate {
            check_template(Input::QuerySuccessRate, q)?;
            queries.success_rate = q.to_string();
        }
        if let Some(q) = latency {
            check_template(Input::QueryLatency, q)?;
            queries.latency = Some(q.to_string());
        }
        Ok(queries)
    }
}

impl Queries {
    /// Each query with what it measures, in the order they are evaluated.
    pub fn list(&self) -> Vec<(&'static str, &String)> {
        let mut list = vec![("success rate", &self.success_rate)];
        if let Some(latency) = &self.latency {
            list.push(("p99 latency", latency));
        }
        list.push(("requests", &self.requests));
        list
    }
}

fn success_rate(metric: &str, selector: &str, ok: &str) -> String {
    format!(
        "sum(rate({metric}{{{selector},{ok}}}[{{{{interval}}}}])) / sum(rate({metric}{{{selector}}}[{{{{interval}}}}])) * 100"
    )
}

fn p99(metric: &str, selector: &str) -> String {
    format!("histogram_quantile(0.99, sum(rate({metric}{{{selector}}}[{{{{interval}}}}])) by (le))")
}

fn requests(metric: &str, selector: &str) -> String {
    format!("sum(increase({metric}{{{selector}}}[{{{{interval}}}}]))")
}

const PLACEHOLDERS: [&str; 3] = ["namespace", "workload", "interval"];

/// Every `{{...}}` of a template must be one of the three placeholders (spaces inside allowed,
/// as Flagger writes `{{ namespace }}`).
pub fn check_template(flag: Input, template: &str) -> Result<()> {
    if template.trim().is_empty() {
        return Err(Error::invalid(format!("{flag} is empty")).with_hint("give a PromQL expression"));
    }
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Err(
                Error::invalid(format!("{flag}: a {{{{ is never closed")).with_hint(placeholder_hint())
            );
        };
        let name = after[..end].trim();
        if !PLACEHOLDERS.contains(&name) {
            return Err(Error::invalid(format!("{flag}: unknown placeholder {{{{{name}}}}}"))
                .with_hint(placeholder_hint()));
        }
        rest = &after[end + 2..];
    }
    Ok(())
}

fn placeholder_hint() -> String {
    "the placeholders are {{namespace}}, {{workload}} and {{interval}}, e.g. \
     sum(rate(my_errors{namespace=\"{{namespace}}\",app=\"{{workload}}\"}[{{interval}}]))"
        .to_string()
}

/// A template with its placeholders filled in. Label values are escaped for a PromQL string.
pub fn render(template: &str, namespace: &str, workload: &str, interval: Duration) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        match after[..end].trim() {
            "namespace" => out.push_str(&escape(namespace)),
            "workload" => out.push_str(&escape(workload)),
            "interval" => out.push_str(&promql_duration(interval)),
            _ => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A PromQL range: whole seconds as `30s`, anything finer in milliseconds.
pub fn promql_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 { format!("{}s", d.as_secs()) } else { format!("{}ms", d.as_millis()) }
}

/// What to do when a check has too little traffic to judge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnNoData {
    /// Keep the weight and check again next interval.
    Hold,
    /// Count it as a failed check.
    Fail,
}

/// The conditions every check must meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Gates {
    /// Lowest acceptable share of non-5xx responses, in percent.
    pub min_success_rate: Option<f64>,
    /// Highest acceptable p99 latency, in milliseconds.
    pub max_latency_p99_ms: Option<f64>,
    /// Failed checks that trigger the rollback.
    pub failure_threshold: u32,
    /// Fewer requests than this in an interval is no data.
    pub min_requests: u64,
    pub on_no_data: OnNoData,
    /// Compare the canary's error rate with the stable backend's.
    pub compare_baseline: bool,
    /// How many percentage points the canary's error rate may exceed the stable backend's.
    pub max_error_delta: f64,
}

impl Gates {
    /// Refuses (exit 4), before a shift starts, gates that cannot mean anything: percentages outside
    /// 0-100, a failure threshold of 0, or no gate at all.
    pub fn check(&self) -> Result<()> {
        if let Some(rate) = self.min_success_rate
            && !(0.0..=100.0).contains(&rate)
        {
            return Err(Error::invalid(format!(
                "{} {rate}: a percentage is from 0 to 100",
                Input::MinSuccessRate
            ))
            .with_hint(format!("e.g. {} 99", Input::MinSuccessRate)));
        }
        if self.failure_threshold == 0 {
            return Err(Error::invalid(format!(
                "{} 0: at least one failed check must trigger the rollback",
                Input::FailureThreshold
            ))
            .with_hint(format!("e.g. {} 2 rolls back at the second failed check", Input::FailureThreshold)));
        }
        if !(0.0..=100.0).contains(&self.max_error_delta) {
            return Err(Error::invalid(format!(
                "{} {}: percentage points from 0 to 100",
                Input::MaxErrorDelta,
                self.max_error_delta
            )));
        }
        if self.min_success_rate.is_none() && self.max_latency_p99_ms.is_none() && !self.compare_baseline {
            return Err(Error::invalid("the analysis has no gate").with_hint(format!(
                "pass {}, {} or {}",
                Input::MinSuccessRate,
                Input::MaxLatencyP99,
                Input::CompareBaseline
            )));
        }
        Ok(())
    }
}

impl Gates {
    /// The gates in a line, for `--dry-run` and `status`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(rate) = self.min_success_rate {
            parts.push(format!("success rate >= {rate}%"));
        }
        if let Some(p99) = self.max_latency_p99_ms {
            parts.push(format!("p99 <= {}", ms(p99)));
        }
        if self.compare_baseline {
            parts.push(format!("error rate <= stable's + {} points", self.max_error_delta));
        }
        if self.min_requests > 0 {
            parts.push(format!("at least {} requests", self.min_requests));
        }
        let no_data = match self.on_no_data {
            OnNoData::Hold => "no data holds",
            OnNoData::Fail => "no data fails",
        };
        format!(
            "{}; {no_data}; rollback after {} failed check{}",
            parts.join(", "),
            self.failure_threshold,
            if self.failure_threshold == 1 { "" } else { "s" }
        )
    }
}

/// One backend's figures over an interval; `None` where Prometheus had no value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sample {
    pub requests: Option<f64>,
    pub success_rate: Option<f64>,
    pub p99_ms: Option<f64>,
}

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "verdict", content = "reasons")]
pub enum Verdict {
    Pass,
    /// Too little traffic to judge, and why.
    NoData(String),
    /// The gates not met, each with the figure against its gate.
    Fail(Vec<String>),
}

impl Verdict {
    /// `pass`, `hold` or `fail`: what the check did, given whether no data counts as a failure.
    pub fn word(&self, counted: bool) -> &'static str {
        match (self, counted) {
            (Verdict::Pass, _) => "pass",
            (Verdict::NoData(_), false) => "hold",
            _ => "fail",
        }
    }
}

fn pct(v: f64) -> String {
    format!("{v:.2}%")
}

/// A latency for people: milliseconds below a second, seconds with two decimals above, so figures
/// and gates read alike in verdicts and `status`.
pub fn ms(v: f64) -> String {
    if v >= 1000.0 { format!("{:.2}s", v / 1000.0) } else { format!("{v:.0}ms") }
}

/// Judges the canary's figures (and the stable backend's, for `--compare-baseline`).
pub fn evaluate(
    gates: &Gates,
    canary_name: &str,
    canary: &Sample,
    baseline: Option<(&str, &Sample)>,
) -> Verdict {
    let requests = canary.requests.unwrap_or(0.0);
    if gates.min_requests > 0 && requests < gates.min_requests as f64 {
        return Verdict::NoData(format!(
            "{canary_name} served {requests:.0} requests in the interval, fewer than {} {}",
            Input::MinRequests,
            gates.min_requests
        ));
    }
    let needs_rate = gates.min_success_rate.is_some() || gates.compare_baseline;
    if needs_rate && canary.success_rate.is_none() {
        return Verdict::NoData(format!(
            "no success rate for {canary_name}: it served no request in the interval"
        ));
    }
    if gates.max_latency_p99_ms.is_some() && canary.p99_ms.is_none() {
        return Verdict::NoData(format!(
            "no p99 latency for {canary_name}: no request durations in the interval"
        ));
    }
    let mut failed = Vec::new();
    if let (Some(min), Some(rate)) = (gates.min_success_rate, canary.success_rate)
        && rate < min
    {
        failed.push(format!(
            "success rate {} of {canary_name} is below {} {min}%",
            pct(rate),
            Input::MinSuccessRate
        ));
    }
    if let (Some(max), Some(p99)) = (gates.max_latency_p99_ms, canary.p99_ms)
        && p99 > max
    {
        failed.push(format!(
            "p99 latency {} of {canary_name} is above {} {}",
            ms(p99),
            Input::MaxLatencyP99,
            ms(max)
        ));
    }
    if gates.compare_baseline {
        let Some((base_name, base)) = baseline else {
            return Verdict::NoData("no stable backend to compare with".into());
        };
        let Some(base_rate) = base.success_rate else {
            return Verdict::NoData(format!(
                "no success rate for the stable backend {base_name}: it served no request in the interval"
            ));
        };
        let canary_errors = 100.0 - canary.success_rate.unwrap_or(100.0);
        let base_errors = 100.0 - base_rate;
        if canary_errors - base_errors > gates.max_error_delta {
            failed.push(format!(
                "error rate {} of {canary_name} exceeds {base_name}'s {} by {:.2} points, more than {} {}",
                pct(canary_errors),
                pct(base_errors),
                canary_errors - base_errors,
                Input::MaxErrorDelta,
                gates.max_error_delta
            ));
        }
    }
    if failed.is_empty() { Verdict::Pass } else { Verdict::Fail(failed) }
}

/// Where a shift stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// A CLI is moving the weights (or was, until it was killed).
    Progressing,
    /// Stopped by Ctrl-C; `resume` continues, `abort` rolls back.
    Paused,
    /// At `--max-weight`, waiting for `promote`.
    Waiting,
    /// The target backend has all the traffic the shift was to give it.
    Promoted,
    /// The analysis failed and the stable backend has all the traffic again.
    RolledBack,
    /// `abort` routed everything back to the stable backend.
    Aborted,
}

impl Phase {
    /// How messages and `status` word the phase (`waiting for promotion`); the annotation stores
    /// serde's camelCase names instead, so changing these words breaks nothing stored.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Progressing => "progressing",
            Phase::Paused => "paused",
            Phase::Waiting => "waiting for promotion",
            Phase::Promoted => "promoted",
            Phase::RolledBack => "rolled back",
            Phase::Aborted => "aborted",
        }
    }

    /// Whether the shift is over: nothing to resume, promote or abort.
    pub fn is_final(self) -> bool {
        matches!(self, Phase::Promoted | Phase::RolledBack | Phase::Aborted)
    }
}

/// How the analysis reads its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub gates: Gates,
    pub metrics: MetricsSource,
    pub queries: Queries,
    /// `--prometheus`, when it was given without credentials; else the mesh's Prometheus is
    /// reached through a port-forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prometheus: Option<String>,
    /// The workloads behind the canary and the stable backend.
    pub canary_workload: String,
    pub stable_workload: String,
}

impl Analysis {
    /// How errors name a query: the flag for the user's own, a description for osm's.
    pub fn query_name(&self, what: &str) -> String {
        let builtin = Queries::builtin(self.metrics);
        match what {
            "success rate" if self.queries.success_rate != builtin.success_rate => {
                Input::QuerySuccessRate.to_string()
            }
            "p99 latency" if self.queries.latency != builtin.latency => Input::QueryLatency.to_string(),
            _ => format!("the {what} query ({} metrics)", self.metrics.name()),
        }
    }
}

/// The shift's plan and progress, as kept in [`STATE_ANNOTATION`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShiftState {
    /// The backend receiving the traffic.
    pub to: String,
    /// The backend that gets everything back on rollback.
    pub stable: String,
    pub step: u32,
    /// Where the shift stops.
    pub until: u32,
    /// Whether reaching `until` waits for `promote` (`--max-weight`).
    pub wait_for_promotion: bool,
    pub interval_ms: u64,
    pub phase: Phase,
    /// The target's percentage now.
    pub weight: u32,
    /// Steps taken, across resumes.
    pub steps_done: u32,
    /// Failed checks counted so far.
    pub failures: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Analysis>,
    /// The last check's verdict, or why the shift ended.
    #[serde(default)]
    pub message: String,
}

impl ShiftState {
    /// Both the pause between steps and the window the queries measure, kept in the annotation so
    /// that `resume` goes on at the pace the shift started with.
    pub fn interval(&self) -> Duration {
        Duration::from_millis(self.interval_ms)
    }

    /// The state read from a routing object, if it carries one.
    pub fn from_object(object: &serde_json::Value) -> Result<Option<ShiftState>> {
        let Some(text) = object["metadata"]["annotations"][STATE_ANNOTATION].as_str() else {
            return Ok(None);
        };
        serde_json::from_str(text).map(Some).map_err(|e| {
            Error::invalid(format!("the annotation {STATE_ANNOTATION} cannot be read: {e}"))
                .with_hint(Remedy::StartNewShift)
        })
    }

    /// The merge patch that stores this state.
    pub fn patch(&self) -> Result<serde_json::Value> {
        Ok(
            serde_json::json!({ "metadata": { "annotations": { STATE_ANNOTATION: serde_json::to_string(self)? } } }),
        )
    }
}

/// The weights with `to` in them (at 0% when a route does not carry it yet).
pub fn with_target(weights: &Weights, to: &str) -> Weights {
    let mut weights = weights.clone();
    if !weights.iter().any(|(n, _)| n == to) {
        weights.push((to.to_string(), 0));
    }
    weights
}

/// The stable backend: the one other than `to` with the most traffic (the first on a tie).
pub fn stable_backend(weights: &Weights, to: &str) -> Option<String> {
    let mut best: Option<&(String, u32)> = None;
    for entry in weights.iter().filter(|(n, _)| n != to) {
        if best.is_none_or(|b| entry.1 > b.1) {
            best = Some(entry);
        }
    }
    best.map(|(n, _)| n.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gates() -> Gates {
        Gates {
            min_success_rate: Some(99.0),
            max_latency_p99_ms: None,
            failure_threshold: 1,
            min_requests: 0,
            on_no_data: OnNoData::Hold,
            compare_baseline: false,
            max_error_delta: 1.0,
        }
    }

    fn sample(requests: f64, rate: Option<f64>, p99: Option<f64>) -> Sample {
        Sample { requests: Some(requests), success_rate: rate, p99_ms: p99 }
    }

    #[test]
    fn osm_queries_follow_flaggers() {
        let q = Queries::builtin(MetricsSource::Osm);
        let text = render(&q.success_rate, "bookstore", "bookstore-v2", Duration::from_secs(30));
        assert_eq!(
            text,
            "sum(rate(osm_request_total{destination_namespace=\"bookstore\",destination_kind=\"Deployment\",\
             destination_name=\"bookstore-v2\",response_code!~\"5.*\"}[30s])) / \
             sum(rate(osm_request_total{destination_namespace=\"bookstore\",destination_kind=\"Deployment\",\
             destination_name=\"bookstore-v2\"}[30s])) * 100"
        );
        let latency = render(q.latency.as_ref().unwrap(), "ns", "w", Duration::from_millis(1500));
        assert!(
            latency.starts_with("histogram_quantile(0.99, sum(rate(osm_request_duration_ms_bucket{"),
            "{latency}"
        );
        assert!(latency.ends_with("[1500ms])) by (le))"), "{latency}");
    }

    #[test]
    fn istio_and_envoy_queries_select_the_destination_workload() {
        let q = Queries::builtin(MetricsSource::Istio);
        let text = render(&q.success_rate, "bookinfo", "reviews-v2", Duration::from_secs(60));
        assert!(text.contains(
            "istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"bookinfo\",destination_workload=\"reviews-v2\""
        ));
        assert!(text.contains("[60s]"));
        let q = Queries::builtin(MetricsSource::Envoy);
        assert!(q.latency.is_none());
        let text = render(&q.success_rate, "ns", "w", Duration::from_secs(10));
        assert!(
            text.contains(r#"envoy_cluster_name=~".+\\|local",envoy_response_code_class!="5""#),
            "{text}"
        );
    }

    #[test]
    fn custom_templates_take_the_three_placeholders() {
        let q = Queries::with_custom(
            MetricsSource::Osm,
            Some("my_rate{ns=\"{{ namespace }}\",w=\"{{workload}}\"}[{{interval}}]"),
            None,
        )
        .unwrap();
        assert_eq!(
            render(&q.success_rate, "a", "b", Duration::from_secs(5)),
            "my_rate{ns=\"a\",w=\"b\"}[5s]"
        );
        let err = Queries::with_custom(MetricsSource::Osm, Some("x{a=\"{{target}}\"}"), None).unwrap_err();
        assert_eq!(err.exit_code(), 4);
        assert!(err.message.contains("{{target}}"), "{err}");
        assert!(Queries::with_custom(MetricsSource::Osm, None, Some("x{{namespace")).is_err());
        assert!(Queries::with_custom(MetricsSource::Osm, Some("  "), None).is_err());
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(
            render("{a=\"{{workload}}\"}", "n", "we\"ird", Duration::from_secs(1)),
            "{a=\"we\\\"ird\"}"
        );
    }

    #[test]
    fn a_healthy_canary_passes() {
        assert_eq!(evaluate(&gates(), "v2", &sample(100.0, Some(100.0), None), None), Verdict::Pass);
        assert_eq!(evaluate(&gates(), "v2", &sample(100.0, Some(99.0), None), None), Verdict::Pass);
    }

    #[test]
    fn a_failing_figure_is_named_against_its_gate() {
        let Verdict::Fail(why) = evaluate(&gates(), "v2", &sample(100.0, Some(95.0), None), None) else {
            panic!("expected a failure")
        };
        assert_eq!(why, vec!["success rate 95.00% of v2 is below --min-success-rate 99%".to_string()]);
        let g = Gates { max_latency_p99_ms: Some(100.0), ..gates() };
        let Verdict::Fail(why) = evaluate(&g, "v2", &sample(100.0, Some(100.0), Some(250.0)), None) else {
            panic!("expected a failure")
        };
        assert!(why[0].contains("p99 latency 250ms of v2 is above --max-latency-p99 100ms"), "{why:?}");
    }

    #[test]
    fn too_little_traffic_is_no_data() {
        let g = Gates { min_requests: 10, ..gates() };
        assert!(matches!(evaluate(&g, "v2", &sample(3.0, Some(100.0), None), None), Verdict::NoData(_)));
        assert!(matches!(evaluate(&gates(), "v2", &sample(0.0, None, None), None), Verdict::NoData(_)));
        let g = Gates { max_latency_p99_ms: Some(10.0), ..gates() };
        assert!(matches!(evaluate(&g, "v2", &sample(5.0, Some(100.0), None), None), Verdict::NoData(_)));
    }

    #[test]
    fn the_baseline_comparison_uses_percentage_points() {
        let g = Gates { min_success_rate: None, compare_baseline: true, max_error_delta: 1.0, ..gates() };
        let stable = sample(100.0, Some(98.0), None);
        assert_eq!(
            evaluate(&g, "v2", &sample(100.0, Some(97.5), None), Some(("v1", &stable))),
            Verdict::Pass
        );
        let Verdict::Fail(why) = evaluate(&g, "v2", &sample(100.0, Some(96.0), None), Some(("v1", &stable)))
        else {
            panic!("expected a failure")
        };
        assert!(why[0].contains("error rate 4.00% of v2 exceeds v1's 2.00% by 2.00 points"), "{why:?}");
        let quiet = sample(0.0, None, None);
        assert!(matches!(
            evaluate(&g, "v2", &sample(100.0, Some(100.0), None), Some(("v1", &quiet))),
            Verdict::NoData(_)
        ));
    }

    #[test]
    fn gates_out_of_range_are_refused() {
        assert!(gates().check().is_ok());
        assert_eq!(Gates { min_success_rate: Some(101.0), ..gates() }.check().unwrap_err().exit_code(), 4);
        assert_eq!(Gates { failure_threshold: 0, ..gates() }.check().unwrap_err().exit_code(), 4);
        assert_eq!(Gates { max_error_delta: -1.0, ..gates() }.check().unwrap_err().exit_code(), 4);
        assert!(Gates { min_success_rate: None, ..gates() }.check().is_err());
    }

    #[test]
    fn state_round_trips_through_the_annotation() {
        let state = ShiftState {
            to: "v2".into(),
            stable: "v1".into(),
            step: 25,
            until: 100,
            wait_for_promotion: false,
            interval_ms: 30_000,
            phase: Phase::Progressing,
            weight: 25,
            steps_done: 1,
            failures: 0,
            analysis: None,
            message: String::new(),
        };
        let patch = state.patch().unwrap();
        let object = serde_json::json!({"metadata": patch["metadata"].clone()});
        assert_eq!(ShiftState::from_object(&object).unwrap(), Some(state));
        assert_eq!(ShiftState::from_object(&serde_json::json!({"metadata": {}})).unwrap(), None);
        let broken = serde_json::json!({"metadata": {"annotations": {STATE_ANNOTATION: "{"}}});
        assert_eq!(ShiftState::from_object(&broken).unwrap_err().exit_code(), 4);
    }

    #[test]
    fn gates_and_queries_describe_themselves() {
        let g = Gates { max_latency_p99_ms: Some(500.0), min_requests: 20, failure_threshold: 2, ..gates() };
        assert_eq!(
            g.describe(),
            "success rate >= 99%, p99 <= 500ms, at least 20 requests; no data holds; rollback after 2 failed checks"
        );
        let names: Vec<&str> =
            Queries::builtin(MetricsSource::Envoy).list().iter().map(|(w, _)| *w).collect();
        assert_eq!(names, vec!["success rate", "requests"]);
        let analysis = Analysis {
            gates: gates(),
            metrics: MetricsSource::Osm,
            queries: Queries::with_custom(MetricsSource::Osm, Some("up"), None).unwrap(),
            prometheus: None,
            canary_workload: "v2".into(),
            stable_workload: "v1".into(),
        };
        assert_eq!(analysis.query_name("success rate"), "--query-success-rate");
        assert_eq!(analysis.query_name("p99 latency"), "the p99 latency query (osm metrics)");
        assert_eq!(Verdict::NoData("x".into()).word(false), "hold");
        assert_eq!(Verdict::NoData("x".into()).word(true), "fail");
    }

    #[test]
    fn osm_meshes_without_wasm_stats_are_read_through_envoy() {
        assert_eq!(osm_source(Some(false)), MetricsSource::Envoy);
        assert_eq!(osm_source(Some(true)), MetricsSource::Osm);
        assert_eq!(osm_source(None), MetricsSource::Osm);
    }

    #[test]
    fn the_stable_backend_has_the_most_traffic() {
        let w = |p: &[(&str, u32)]| p.iter().map(|(n, w)| (n.to_string(), *w)).collect::<Weights>();
        assert_eq!(stable_backend(&w(&[("v1", 90), ("v2", 10)]), "v2").as_deref(), Some("v1"));
        assert_eq!(stable_backend(&w(&[("v1", 20), ("v3", 70), ("v2", 10)]), "v2").as_deref(), Some("v3"));
        assert_eq!(stable_backend(&w(&[("v1", 0), ("v3", 0), ("v2", 100)]), "v2").as_deref(), Some("v1"));
        assert_eq!(stable_backend(&w(&[("v2", 100)]), "v2"), None);
    }
}
