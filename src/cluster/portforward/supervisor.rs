//! Following the workload: noticing that the forwarded pod went away, and moving every listener
//! to another ready pod of the same workload.

use std::pin::pin;
use std::time::Duration;

use futures::StreamExt;
use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use kube::runtime::watcher;
use tokio::sync::watch;

use super::pods::{Resolved, is_running, phase, pick};
use super::target::PortSpec;
use super::{Active, Notice};
use crate::cluster::Cluster;
use crate::error::{Error, Result};

/// How often a replacement pod is looked for, and how often the pod is read when it cannot be
/// watched.
pub(super) const POLL: Duration = Duration::from_millis(500);

pub(super) struct Supervisor {
    pub(super) cluster: Cluster,
    pub(super) pods: Api<Pod>,
    pub(super) namespace: String,
    pub(super) resolved: Resolved,
    pub(super) specs: Vec<PortSpec>,
    pub(super) reconnect_timeout: Duration,
    pub(super) notice: Notice,
}

impl Supervisor {
    /// Runs for as long as the forward does: connections read the pod to use from `state`, which
    /// is `None` while no pod is usable. Returns only when none came back in time.
    pub(super) async fn follow(&self, first: Active, state: watch::Sender<Option<Active>>) -> Result<()> {
        let mut current = first;
        loop {
            let gone = self.until_gone(&current.pod).await;
            state.send_replace(None);
            (self.notice)(format!(
                "pod {} {gone}; waiting up to {}s for another ready pod of {}",
                current.pod,
                self.reconnect_timeout.as_secs(),
                self.resolved.describe
            ));
            let deadline = tokio::time::Instant::now() + self.reconnect_timeout;
            let next = loop {
                match pick(&self.cluster, &self.pods, &self.namespace, &self.resolved, &self.specs).await {
                    // The same name may come back too: a pod recreated under its name (StatefulSet, bare pod).
                    Ok(next) => break next,
                    Err(e) if tokio::time::Instant::now() >= deadline => {
                        return Err(Error::failed(format!(
                            "no ready pod of {} came back within {}s: {}",
                            self.resolved.describe,
                            self.reconnect_timeout.as_secs(),
                            e.message
                        ))
                        .with_hint(
                            "the forwarded ports are closed; run the command again once the workload is back",
                        ));
                    }
                    Err(_) => tokio::time::sleep(POLL).await,
                }
            };
            let ports = next.ports.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ");
            (self.notice)(format!("forwarding to pod {} now (port {ports})", next.pod));
            state.send_replace(Some(next.clone()));
            current = next;
        }
    }

    /// Waits on a watch of the pod rather than reading it over and over: the change arrives as it
    /// happens, at no cost while nothing changes. Returns why the pod can no longer be used.
    async fn until_gone(&self, name: &str) -> String {
        let mut events = pin!(watcher::watch_object(self.pods.clone(), name));
        // The backoff of `wait::retry_transient`, without its deadline: the forward runs until stopped.
        let mut delay = Duration::from_millis(100);
        loop {
            match events.next().await {
                Some(Ok(pod)) => {
                    delay = Duration::from_millis(100);
                    if let Some(gone) = gone(pod.as_ref()) {
                        return gone;
                    }
                }
                Some(Err(e)) => {
                    let e = self.explain(name, e);
                    if !e.transient {
                        // Allowed to read pods but not to watch them (RBAC): read it every so often.
                        tracing::debug!("cannot watch pod {name}, reading it instead: {e}");
                        return self.poll_until_gone(name).await;
                    }
                    tracing::debug!("watching pod {name}, retrying in {delay:?}: {e}");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(2));
                }
                // The watcher restarts on its own and never ends; should it, start over.
                None => events.set(watcher::watch_object(self.pods.clone(), name)),
            }
        }
    }

    async fn poll_until_gone(&self, name: &str) -> String {
        loop {
            // An API hiccup says nothing about the pod: only an answer counts.
            if let Ok(pod) = self.pods.get_opt(name).await
                && let Some(gone) = gone(pod.as_ref())
            {
                return gone;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    fn explain(&self, name: &str, e: watcher::Error) -> Error {
        let what = format!("watching pod {name} in namespace {}", self.namespace);
        match e {
            watcher::Error::InitialListFailed(e)
            | watcher::Error::WatchStartFailed(e)
            | watcher::Error::WatchFailed(e) => self.cluster.err(what)(e),
            watcher::Error::WatchError(status) => self.cluster.err(what)(kube::Error::Api(status)),
            // The API server answered without a resource version: a glitch worth another try.
            other => {
                let mut e = Error::failed(format!("{what}: {other}"));
                e.transient = true;
                e
            }
        }
    }
}

/// Why the pod can no longer be forwarded to, if so. An unready pod may recover, so only the
/// pod's end counts: deleted, terminating, or no longer Running.
fn gone(pod: Option<&Pod>) -> Option<String> {
    match pod {
        None => Some("was deleted".to_string()),
        Some(pod) if pod.metadata.deletion_timestamp.is_some() => Some("is terminating".to_string()),
        Some(pod) if !is_running(pod) => Some(format!("is {}", phase(pod))),
        Some(_) => None,
    }
}
