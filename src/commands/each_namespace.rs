//! Reporting a change made to many namespaces at once (`namespace add|remove|ignore`,
//! `metrics enable|disable`): each outcome printed in the order given, failures on stderr, and
//! an error naming the namespaces that could not be changed.

use std::future::Future;

use k8s_openapi::api::core::v1::Namespace;
use kube::ResourceExt;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::ops::namespaces::Done;
use crate::output::{Output, OutputFormat, Render};

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
    let outcomes = crate::ops::namespaces::change_each(namespaces, work).await;
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
