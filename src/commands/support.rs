//! `osm support error-info [CODE]` and `osm support bug-report`.
//!
//! The bug report is collected by `ops::diagnose::bug_report` (redacted, Secrets never read, missing parts
//! listed) and written here as one zip.

use std::path::PathBuf;

use serde::Serialize;

use crate::cli::support::{BugReportArgs, ErrorInfoArgs, SupportCommand};
use crate::cli::version::CLIENT_VERSION;
use crate::error::{Error, Result};
use crate::model::osm::errcodes::{self, ErrorCode};
use crate::ops::diagnose::bug_report;
use crate::output::{Render, table};

use super::Context;

/// `error-info` needs no cluster. `bug-report` never overwrites a file, never reads Secrets, redacts
/// everything before writing it, and lists what it could not collect instead of failing.
pub async fn run(ctx: &Context, command: SupportCommand) -> Result<()> {
    match command {
        SupportCommand::ErrorInfo(args) => error_info(ctx, args),
        SupportCommand::BugReport(args) => bug_report(ctx, args).await,
    }
}

#[derive(Serialize)]
struct ErrorInfo {
    code: String,
    name: &'static str,
    description: &'static str,
}

#[derive(Serialize)]
#[serde(transparent)]
struct ErrorInfoList(Vec<ErrorInfo>);

impl Render for ErrorInfoList {
    fn human(&self) -> String {
        let rows = self.0.iter().map(|e| vec![e.code.clone(), e.description.to_string()]).collect();
        table(&["ERROR CODE", "DESCRIPTION"], rows)
    }
}

fn error_info(ctx: &Context, args: ErrorInfoArgs) -> Result<()> {
    let info = |e: &ErrorCode| ErrorInfo { code: e.label(), name: e.name, description: e.description };
    let list = match &args.code {
        Some(code) => vec![info(errcodes::lookup(code)?)],
        None => errcodes::ERROR_CODES.iter().map(info).collect(),
    };
    ctx.out.print(args.output.output, &ErrorInfoList(list))
}

async fn bug_report(ctx: &Context, args: BugReportArgs) -> Result<()> {
    let out_file = args.out_file.clone().unwrap_or_else(default_out_file);
    if out_file.exists() {
        return Err(Error::invalid(format!("{} exists already", out_file.display()))
            .with_hint("pass another file with -o, or remove that one"));
    }
    let cluster = ctx.cluster().await?;
    let progress = ctx.out.spinner("collecting the bug report");
    let request = bug_report::Request {
        osm_namespace: ctx.global.osm_namespace.clone(),
        mesh_name: args.mesh_name.clone(),
        app_namespaces: args.app_namespaces.clone(),
        app_pods: args.app_pods.clone(),
        app_deployments: args.app_deployments.clone(),
        all: args.all,
        ingress: args.ingress,
        client_version: CLIENT_VERSION.to_string(),
        table: |headers, rows| table(headers, rows),
    };
    let report = bug_report::collect(cluster, &request, &|step| progress.set_message(step)).await;
    progress.set_message(&format!("writing {}", out_file.display()));
    crate::output::write_zip(&out_file, &report.files)?;
    progress.succeed(&format!(
        "{} files collected, {} parts missing",
        report.files.len(),
        report.missing.len()
    ));
    ctx.out.data(&format!("Bug report written to {}", out_file.display()));
    Ok(())
}

fn default_out_file() -> PathBuf {
    let now = k8s_openapi::jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    PathBuf::from(format!("osm-bug-report-{now}.zip"))
}
