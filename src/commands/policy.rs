//! `osm policy check-pods SRC DST` and `osm policy check-conflicts KIND -n NS`, with the Go CLI's
//! lines (OSM v1.2.4 `cmd/cli/policy_check_pods.go`, `policy_check_conflicts.go`).

use kube::core::ApiResource;
use serde_json::Value;

use crate::cli::policy::{CheckConflictsArgs, CheckPodsArgs, ConflictKind, PolicyCommand};
use crate::error::{Error, Result};
use crate::model::osm::policy;
use crate::model::osm::verify;
use crate::model::smi;
use crate::ops::policy as policy_reads;

use super::Context;

/// Prints the Go CLI's lines, then exits 1 when the traffic is not allowed (`check-pods`) or
/// conflicts exist (`check-conflicts`), where the Go CLI exited 0, so scripts can test the result.
pub async fn run(ctx: &Context, command: PolicyCommand) -> Result<()> {
    match command {
        PolicyCommand::CheckPods(args) => check_pods(ctx, &args).await,
        PolicyCommand::CheckConflicts(args) => check_conflicts(ctx, &args).await,
    }
}

/// `NAMESPACE/NAME`, or `NAME` in the context's namespace.
fn namespaced(text: &str, default_ns: &str, what: &str) -> Result<(String, String)> {
    let parts: Vec<&str> = text.split('/').collect();
    match parts[..] {
        [name] if !name.is_empty() => Ok((default_ns.to_string(), name.to_string())),
        [ns, name] if !ns.is_empty() && !name.is_empty() => Ok((ns.to_string(), name.to_string())),
        _ => Err(Error::invalid(format!(
            "Invalid argument specified for the {what} pod {text:?}: pod name should be of the form <namespace>/<pod>, or <pod> for the context's namespace"
        ))
        .with_hint("e.g. osm policy check-pods bookbuyer/bookbuyer-5d8f bookstore/bookstore-v1-7c9c")),
    }
}

async fn check_pods(ctx: &Context, args: &CheckPodsArgs) -> Result<()> {
    let cluster = ctx.cluster().await?;
    let default_ns = cluster.default_namespace().to_string();
    let (src_ns, src_name) = namespaced(&args.source, &default_ns, "source")?;
    let (dst_ns, dst_name) = namespaced(&args.destination, &default_ns, "destination")?;
    let src = policy_reads::meshed_pod(cluster, &src_ns, &src_name).await?;
    let dst = policy_reads::meshed_pod(cluster, &dst_ns, &dst_name).await?;
    let osm_ns = &ctx.global.osm_namespace;
    if policy_reads::permissive(cluster, osm_ns).await? {
        ctx.out.data(&format!(
            "[+] Permissive mode enabled for mesh operated by osm-controller running in '{osm_ns}' namespace\n\n \
             [+] Pod '{src_ns}/{src_name}' is allowed to communicate to pod '{dst_ns}/{dst_name}'"
        ));
        return Ok(());
    }
    let mut out = format!(
        "[+] SMI traffic policy mode enabled for mesh operated by osm-controller running in {osm_ns} namespace\n\n"
    );
    let targets =
        policy_reads::list(cluster, &ApiResource::erase::<smi::TrafficTarget>(&()), &dst_ns).await?;
    let sa = |ns: &str, pod: &Value| {
        (ns.to_string(), pod["spec"]["serviceAccountName"].as_str().unwrap_or("default").to_string())
    };
    let allowing = verify::allowing_targets(&targets, &sa(&src_ns, &src), &sa(&dst_ns, &dst));
    for t in &allowing {
        out.push_str(&format!(
            "[+] Pod '{src_ns}/{src_name}' is allowed to communicate to pod '{dst_ns}/{dst_name}' via the SMI TrafficTarget policy {:?} in namespace {dst_ns}\n",
            t["metadata"]["name"].as_str().unwrap_or_default()
        ));
    }
    if allowing.is_empty() {
        out.push_str(&format!(
            "[+] Pod '{src_ns}/{src_name}' is not allowed to communicate to pod '{dst_ns}/{dst_name}', missing SMI TrafficTarget policy\n"
        ));
        ctx.out.data(&out);
        return Err(Error::failed(format!("pod {src_ns}/{src_name} may not send traffic to pod {dst_ns}/{dst_name}")).with_hint(format!(
            "create a TrafficTarget in namespace {dst_ns} whose destination is ServiceAccount {} and whose sources include ServiceAccount {}/{}",
            sa(&dst_ns, &dst).1,
            src_ns,
            sa(&src_ns, &src).1
        )));
    }
    ctx.out.data(&out);
    Ok(())
}

async fn check_conflicts(ctx: &Context, args: &CheckConflictsArgs) -> Result<()> {
    if args.namespaces.len() != 1 {
        return Err(Error::invalid(format!(
            "Requires single namespace specified by '-n|--namespace' to check for conflicts, got {}",
            args.namespaces.len()
        ))
        .with_hint("run the command once per namespace"));
    }
    let ns = &args.namespaces[0];
    let cluster = ctx.cluster().await?;
    let (kind, resource) = match args.kind {
        ConflictKind::IngressBackend => ("IngressBackend", ApiResource::erase::<policy::IngressBackend>(&())),
        ConflictKind::UpstreamTrafficSetting => {
            ("UpstreamTrafficSetting", ApiResource::erase::<policy::UpstreamTrafficSetting>(&()))
        }
    };
    let items = policy_reads::list(cluster, &resource, ns).await?;
    let conflicts = match args.kind {
        ConflictKind::IngressBackend => verify::ingress_backend_conflicts(&items),
        ConflictKind::UpstreamTrafficSetting => verify::upstream_traffic_setting_conflicts(&items),
    };
    if conflicts.is_empty() {
        ctx.out.data(&format!("No conflicts among {kind} resources in namespace {ns}"));
        return Ok(());
    }
    let mut out = String::new();
    for (x, y, lines) in &conflicts {
        out.push_str(&format!("[+] {kind} {ns}/{x} conflicts with {ns}/{y}:\n"));
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    ctx.out.data(&out);
    Err(Error::failed(format!("{} pairs of {kind} resources conflict in namespace {ns}", conflicts.len()))
        .with_hint(format!("edit or delete one {kind} of each pair")))
}
