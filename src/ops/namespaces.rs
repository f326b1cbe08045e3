//! Changing many namespaces at once and reporting each (`namespace add|remove|ignore`,
//! `metrics enable|disable`): all run concurrently, each outcome printed in the order given,
//! and one failure does not stop the others.

use std::future::Future;

use k8s_openapi::api::core::v1::Namespace;
use kube::ResourceExt;
use serde::Serialize;
use serde_json::Value;

use crate::cli::OutputFormat;
use crate::cluster::Cluster;
use crate::cluster::patch::for_each;
use crate::error::{Error, Result};
use crate::output::{Output, Render};

/// Reads every named namespace concurrently; refuses (exit 4) when any does not exist,
/// naming all that are missing.
pub async fn fetch_namespaces(cluster: &Cluster, names: &[String]) -> Result<Vec<Namespace>> {
    let found = for_each(names, |name| async move {
        cluster.get::<Namespace>(name, &format!("reading namespace [{name}]")).await
    })
    .await;
    let mut namespaces = Vec::new();
    let mut missing = Vec::new();
    for (name, result) in names.iter().zip(found) {
        match result? {
            Some(ns) => namespaces.push(ns),
            None => missing.push(name.as_str()),
        }
    }
    if missing.is_empty() {
        return Ok(namespaces);
    }
    let listed: Vec<String> = missing.iter().map(|n| format!("[{n}]")).collect();
    let verb = if missing.len() == 1 { "does" } else { "do" };
    Err(Error::invalid(format!("namespace {} {verb} not exist; nothing was changed", listed.join(", ")))
        .with_hint(format!("create it first: kubectl create namespace {}", missing[0])))
}

/// Merge-patches one namespace's labels or annotations; a namespace deleted since it was read
/// is an error, since the change asked for did not happen.
pub async fn patch_namespace(cluster: &Cluster, name: &str, patch: &Value) -> Result<()> {
    let what = format!("patching namespace [{name}]");
    match cluster.patch::<Namespace>(name, patch, &what).await? {
        Some(_) => Ok(()),
        None => Err(Error::invalid(format!("{what}: it no longer exists"))),
    }
}

/// What happened to one namespace.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Done {
    pub namespace: String,
    /// Whether the namespace (or its pods) were written; false when already in the wanted state.
    pub changed: bool,
    pub message: String,
    /// The workloads restarted, when `--restart` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restarted: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Notes for stderr.
    #[serde(skip)]
    pub hints: Vec<String>,
}

impl Done {
    /// Something was written. `message` is the stdout line (the Go CLI's wording where it has one);
    /// [`for_each_namespace`] fills in the namespace.
    pub fn changed(message: impl Into<String>) -> Self {
        Done { changed: true, message: message.into(), ..Default::default() }
    }
    /// The namespace was already as asked: still a success (exit 0), so running a command again is safe.
    pub fn unchanged(message: impl Into<String>) -> Self {
        Done { changed: false, message: message.into(), ..Default::default() }
    }
}

/// The outcome of a command that changes namespaces, one entry per namespace.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Report(Vec<Done>);

impl Render for Report {
    fn human(&self) -> String {
        let mut lines = Vec::new();
        // Failures are reported on stderr as errors.
        for done in self.0.iter().filter(|d| d.error.is_none()) {
            lines.push(done.message.clone());
            match done.restarted.as_deref() {
                None => {}
                Some([]) => lines.push(format!(
                    "No Deployments, StatefulSets or DaemonSets to restart in namespace [{}]",
                    done.namespace
                )),
                Some(restarted) => lines.push(format!(
                    "Restarted in namespace [{}]: {}",
                    done.namespace,
                    restarted.join(", ")
                )),
            }
        }
        lines.join("\n")
    }
}

/// Runs `work` on every namespace concurrently, prints each outcome in the order given, and
/// fails (exit 1) with a summary naming the namespaces that could not be changed.
pub async fn for_each_namespace<'a, F, Fut>(
    out: &Output,
    format: OutputFormat,
    namespaces: &'a [Namespace],
    what: &str,
    work: F,
) -> Result<()>
where
    F: Fn(&'a Namespace) -> Fut,
    Fut: Future<Output = Result<Done>>,
{
    let outcomes = for_each(namespaces, work).await;
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for (ns, outcome) in namespaces.iter().zip(outcomes) {
        let name = ns.name_any();
        let done = match outcome {
            Ok(done) => {
                for hint in &done.hints {
                    out.hint(hint);
                }
                done
            }
            Err(err) => {
                // Every per-namespace error message names its namespace.
                crate::output::print_error(&err, out.color);
                failed.push(format!("[{name}]"));
                Done { error: Some(err.message), ..Default::default() }
            }
        };
        report.push(Done { namespace: name, ..done });
    }
    if !report.iter().all(|d| d.error.is_some()) || format != OutputFormat::Table {
        out.print(format, &Report(report))?;
    }
    if failed.is_empty() {
        return Ok(());
    }
    Err(Error::failed(format!(
        "{what} failed for {} of {} namespaces: {}; the others were done",
        failed.len(),
        namespaces.len(),
        failed.join(", ")
    ))
    .with_hint(
        "fix the cause above and run the same command again: namespaces already done are left as they are",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_leave_failures_to_stderr_and_name_restarted_workloads() {
        let report = Report(vec![
            Done {
                namespace: "a".into(),
                restarted: Some(vec!["deployment/web".into()]),
                ..Done::changed("Namespace [a] successfully added to mesh [osm]")
            },
            Done { namespace: "b".into(), error: Some("forbidden".into()), ..Default::default() },
            Done {
                namespace: "c".into(),
                restarted: Some(vec![]),
                ..Done::unchanged("Namespace [c] has already been added to mesh [osm]")
            },
        ]);
        assert_eq!(
            report.human(),
            "Namespace [a] successfully added to mesh [osm]\n\
             Restarted in namespace [a]: deployment/web\n\
             Namespace [c] has already been added to mesh [osm]\n\
             No Deployments, StatefulSets or DaemonSets to restart in namespace [c]"
        );
    }
}
