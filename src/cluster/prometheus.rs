//! A Prometheus HTTP API client for instant queries (`GET /api/v1/query`), and the way to the
//! mesh's own Prometheus through osm's port-forward.
//!
//! The answer format is Prometheus's (prometheus/prometheus, docs/querying/api.md): `status`
//! `success` with `data.resultType` `vector` or `scalar`, or `status` `error` with `errorType`
//! (`bad_data` for a query that does not parse, HTTP 400) and `error`. A query that matches
//! nothing is an empty vector and `0/0` is `NaN`: both are "no value" here, as in Flagger's
//! provider (fluxcd/flagger, pkg/metrics/providers/prometheus.go, tag v1.44.0).

use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::task::JoinHandle;

use super::Cluster;
use super::portforward::{Forwarder, Notice, Options, PortSpec, RemotePort, Target, TargetKind};
use crate::error::{Error, Result};
use crate::model::input::Input;

/// How long one query may take.
const QUERY_TIMEOUT: Duration = Duration::from_secs(30);

pub struct Prometheus {
    client: reqwest::Client,
    url: reqwest::Url,
    /// The URL without credentials, for messages.
    shown: String,
}

/// The URL with any user and password removed, safe to print or store.
pub fn without_credentials(url: &reqwest::Url) -> String {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.to_string().trim_end_matches('/').to_string()
}

impl Prometheus {
    pub fn new(url: reqwest::Url) -> Result<Prometheus> {
        let client = reqwest::Client::builder()
            .timeout(QUERY_TIMEOUT)
            .build()
            .map_err(|e| Error::failed(format!("cannot build an HTTP client: {e}")))?;
        let shown = without_credentials(&url);
        Ok(Prometheus { client, url, shown })
    }

    /// The server's URL, without credentials.
    pub fn describe(&self) -> &str {
        &self.shown
    }

    /// Evaluates `query` now: its single value, or `None` when there is none (no series, NaN).
    /// `what` names the query in errors (e.g. `--query-success-rate`).
    pub async fn query(&self, what: &str, query: &str) -> Result<Option<f64>> {
        let mut url = self.url.clone();
        let path = format!("{}/api/v1/query", url.path().trim_end_matches('/'));
        url.set_path(&path);
        url.query_pairs_mut().append_pair("query", query);
        let mut request = self.client.get(url);
        if !self.url.username().is_empty() {
            request = request.basic_auth(self.url.username(), self.url.password());
        }
        let response = request.send().await.map_err(|e| {
            let why = if e.is_timeout() { "it did not answer in time".to_string() } else { root_cause(&e) };
            let error = if e.is_timeout() { Error::timeout } else { Error::cluster };
            error(format!("cannot reach Prometheus at {}: {why}", self.shown))
                .with_hint(format!("check that it runs and that {} points at it", Input::Prometheus))
        })?;
        let status = response.status();
        let body = response.text().await.map_err(|e| {
            Error::cluster(format!("reading Prometheus's answer from {}: {}", self.shown, root_cause(&e)))
        })?;
        let answer: Value = serde_json::from_str(&body).map_err(|_| {
            Error::failed(format!(
                "{} answered HTTP {status} with something that is not Prometheus's query API",
                self.shown
            ))
            .with_hint(format!(
                "{} takes the server's base URL, e.g. http://prometheus:9090",
                Input::Prometheus
            ))
        })?;
        if answer["status"] != "success" {
            let kind = answer["errorType"].as_str().unwrap_or("error");
            let message = answer["error"].as_str().unwrap_or("no reason given");
            if matches!(kind, "bad_data" | "execution") || status == 400 || status == 422 {
                return Err(Error::invalid(format!("Prometheus refused {what} ({kind}): {message}"))
                    .with_hint(format!("the query as sent: {query}")));
            }
            return Err(Error::failed(format!(
                "Prometheus at {} failed {what} (HTTP {status}, {kind}): {message}",
                self.shown
            )));
        }
        value_of(&answer["data"]).map_err(|why| {
            Error::invalid(format!("{what} {why}"))
                .with_hint(format!("make it one number, e.g. with sum(...); the query as sent: {query}"))
        })
    }
}

fn root_cause(e: &dyn std::error::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// The single number of a `vector` or `scalar` result.
fn value_of(data: &Value) -> std::result::Result<Option<f64>, String> {
    let sample = match data["resultType"].as_str() {
        Some("scalar") => &data["result"],
        Some("vector") => {
            let result = data["result"].as_array().map(Vec::as_slice).unwrap_or_default();
            match result {
                [] => return Ok(None),
                [one] => &one["value"],
                many => return Err(format!("returns {} series, not one number", many.len())),
            }
        }
        other => return Err(format!("returns a {}, not one number", other.unwrap_or("result of no type"))),
    };
    let text = sample[1].as_str().ok_or("returns a sample without a value")?;
    let value: f64 = text.parse().map_err(|_| format!("returns {text:?}, not a number"))?;
    Ok((!value.is_nan()).then_some(value))
}

/// A port-forward to a Prometheus Service, serving in the background; dropped with the process.
pub struct Forwarded {
    pub url: reqwest::Url,
    pub pod: String,
    pub task: JoinHandle<Result<()>>,
}

/// Forwards a free loopback port to `service`'s `port` in `namespace`.
pub async fn forward(
    cluster: &Cluster,
    namespace: &str,
    service: &str,
    port: u16,
    notice: Notice,
) -> Result<Forwarded> {
    let target = Target { kind: TargetKind::Service, name: service.to_string() };
    let spec = PortSpec { local: Some(0), remote: RemotePort::Number(port) };
    let opts = Options {
        namespace: namespace.to_string(),
        address: "127.0.0.1".into(),
        wait_ready: Duration::ZERO,
        reconnect_timeout: Duration::from_secs(30),
        require_ready: true,
    };
    let forwarder = Forwarder::start(cluster, &target, vec![spec], opts).await.map_err(|e| {
        let hint = e.hint.clone().unwrap_or_default();
        Error::new(
            e.kind,
            format!(
                "cannot reach the mesh's Prometheus (service {service} in namespace {namespace}): {}",
                e.message
            ),
        )
        .with_hint(format!("{hint}; or pass {} URL", Input::Prometheus).trim_start_matches("; ").to_string())
    })?;
    let local = forwarder.listening[0].local;
    let pod = forwarder.first.pod.clone();
    let url = reqwest::Url::parse(&format!("http://{local}/")).map_err(|e| Error::failed(e.to_string()))?;
    let cluster = cluster.clone();
    let task = tokio::spawn(async move { forwarder.run(cluster, notice).await });
    Ok(Forwarded { url, pod, task })
}

/// A notice sink for the forward's messages.
pub fn notices(print: impl Fn(String) + Send + Sync + 'static) -> Notice {
    Arc::new(print)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn credentials_are_never_shown() {
        let url = reqwest::Url::parse("http://admin:s3cret@prom:9090/").unwrap();
        assert_eq!(without_credentials(&url), "http://prom:9090");
    }

    #[test]
    fn one_number_or_none() {
        let vector = |v: &str| json!({"resultType": "vector", "result": [{"metric": {}, "value": [1.0, v]}]});
        assert_eq!(value_of(&vector("99.5")).unwrap(), Some(99.5));
        assert_eq!(value_of(&vector("NaN")).unwrap(), None);
        assert_eq!(value_of(&json!({"resultType": "vector", "result": []})).unwrap(), None);
        assert_eq!(value_of(&json!({"resultType": "scalar", "result": [1.0, "1"]})).unwrap(), Some(1.0));
        let two = json!({"resultType": "vector", "result": [{"value": [1, "1"]}, {"value": [1, "2"]}]});
        assert!(value_of(&two).unwrap_err().contains("2 series"));
        assert!(value_of(&json!({"resultType": "matrix", "result": []})).unwrap_err().contains("matrix"));
    }
}
