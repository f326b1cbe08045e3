//! `osm check`: what is checked before an install (`--pre`) and after it, and how each check
//! judges what it found. The evaluations here are pure functions of objects already read, so
//! they are unit-tested; [`crate::ops::diagnose::check`] reads the objects.
//!
//! The shape follows linkerd's `check` (linkerd2 `pkg/healthcheck/healthcheck_output.go`):
//! checks in named categories, each category's name underlined with dashes, one line per check
//! marked success, warning or error, the error indented under a failure with `see URL for
//! hints`, `Status check results are ...` last, and the JSON `{"success": .., "categories":
//! [{"categoryName": .., "checks": [{"description": .., "hint": URL, "error": .., "result":
//! "success|warning|error"}]}]}`. osm adds to each check its `id`, the `details` one per line
//! and a `fix` (what to do), and uses ✔ ‼ ✘ where linkerd uses √ ‼ ×.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::osm::keys::{PROXY_UUID_LABEL, SIDECAR_INJECTION_ANNOTATION};
use super::osm::meshconfig::MeshConfigSpec;
use crate::model::input::{Command, Remedy};

/// Where each check's documentation lives: `docs/checks.md`, one section per check id.
pub const DOCS_BASE: &str = "https://github.com/osm-cli/osm/blob/main/docs/checks.md";

/// The oldest Kubernetes OSM v1.2.4 installs on: its chart's `kubeVersion: ">= 1.22.9-0"`
/// (charts/osm/Chart.yaml), a constraint Helm enforces.
pub const MIN_KUBERNETES: (u64, u64, u64) = (1, 22, 9);

/// Every check's id, each a section of docs/checks.md.
pub const IDS: &[&str] = &[
    "k8s-api",
    "k8s-version",
    "pre-rbac",
    "pre-no-mesh",
    "pre-namespace",
    "pre-crds",
    "control-plane-exists",
    "control-plane-available",
    "webhook-injector",
    "webhook-validator",
    "crds-established",
    "crds-stored-versions",
    "meshconfig-valid",
    "data-plane-injected",
    "traffic-splits",
    "istio-k8s-version",
    "istio-pre-rbac",
    "istio-pre-control-plane",
    "istio-pre-gateway-api",
    "istio-control-plane-available",
    "istio-webhook-injector",
    "istio-crds-established",
];

/// How a check came out, with linkerd's JSON words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Success,
    Warning,
    Error,
}

/// One check's line and, when it did not pass, what was found and what to do.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// Stable identifier: the anchor of its section in docs/checks.md.
    pub id: &'static str,
    pub description: String,
    pub result: Outcome,
    /// What was found, one line per finding (failing pods, missing permissions, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// linkerd's `error`: the details as one text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What to do about it.
    #[serde(rename = "fix", skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// linkerd's `hint`: the URL of the check's documentation.
    #[serde(rename = "hint", skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
}

impl Check {
    /// A passing check prints only its line. `id` must be one of [`IDS`] (a section of
    /// docs/checks.md), which debug builds assert.
    pub fn pass(id: &'static str, description: impl Into<String>) -> Check {
        debug_assert!(IDS.contains(&id), "check id {id} has no section in docs/checks.md");
        Check {
            id,
            description: description.into(),
            result: Outcome::Success,
            details: vec![],
            error: None,
            hint: None,
            docs: None,
        }
    }

    /// A failing check: the report fails with it (`osm check` exits 1). `hint` says what to do; the
    /// docs link is built from `id`, which must be one of [`IDS`].
    pub fn fail(
        id: &'static str,
        description: impl Into<String>,
        details: Vec<String>,
        hint: impl Into<String>,
    ) -> Check {
        debug_assert!(IDS.contains(&id), "check id {id} has no section in docs/checks.md");
        Check {
            id,
            description: description.into(),
            result: Outcome::Error,
            error: Some(details.join("\n")),
            details,
            hint: Some(hint.into()),
            docs: Some(format!("{DOCS_BASE}#{id}")),
        }
    }

    /// Printed like a failure, with its details and hint, but the report still passes.
    pub fn warn(
        id: &'static str,
        description: impl Into<String>,
        details: Vec<String>,
        hint: impl Into<String>,
    ) -> Check {
        Check { result: Outcome::Warning, ..Check::fail(id, description, details, hint) }
    }

    /// A check that could not be carried out because reading the cluster failed.
    pub fn unreadable(id: &'static str, description: impl Into<String>, err: &crate::Error) -> Check {
        let hint =
            err.hint.clone().unwrap_or_else(|| "run the check again with -v to see the requests".into());
        Check::fail(id, description, vec![err.message.clone()], hint)
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub category_name: String,
    pub checks: Vec<Check>,
}

/// Everything `osm check` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub success: bool,
    pub categories: Vec<Category>,
}

impl Report {
    /// The verdict is settled here: success unless a check is an error (warnings pass).
    pub fn new(categories: Vec<Category>) -> Report {
        let success = categories.iter().flat_map(|c| &c.checks).all(|c| c.result != Outcome::Error);
        Report { success, categories }
    }

    /// The descriptions of the failed checks, warnings left out: what the final error and `--wait`'s
    /// spinner name.
    pub fn failures(&self) -> Vec<String> {
        self.categories
            .iter()
            .flat_map(|c| &c.checks)
            .filter(|c| c.result == Outcome::Error)
            .map(|c| c.description.clone())
            .collect()
    }

    /// linkerd's layout: each category's name underlined, one marked line per check, details,
    /// hint and docs link indented under a failure or warning, and the verdict last. Without
    /// colour the marks are ASCII (`[ok]`, `[warn]`, `[fail]`).
    pub fn text(&self, color: bool) -> String {
        let mut out = String::new();
        for category in &self.categories {
            out.push_str(&category.category_name);
            out.push('\n');
            out.push_str(&"-".repeat(category.category_name.chars().count()));
            out.push('\n');
            for check in &category.checks {
                out.push_str(&format!("{} {}\n", mark(check.result, color), check.description));
                if check.result == Outcome::Success {
                    continue;
                }
                for detail in &check.details {
                    out.push_str(&format!("    {detail}\n"));
                }
                if let Some(hint) = &check.hint {
                    out.push_str(&format!("    hint: {hint}\n"));
                }
                if let Some(docs) = &check.docs {
                    out.push_str(&format!("    see {docs} for hints\n"));
                }
            }
            out.push('\n');
        }
        let verdict = if self.success {
            let warned = self.categories.iter().flat_map(|c| &c.checks).any(|c| c.result == Outcome::Warning);
            mark(if warned { Outcome::Warning } else { Outcome::Success }, color)
        } else {
            mark(Outcome::Error, color)
        };
        out.push_str(&format!("Status check results are {verdict}"));
        out
    }
}

/// The mark of an outcome: ✔ ‼ ✘ in colour, ASCII without.
pub fn mark(outcome: Outcome, color: bool) -> String {
    match (outcome, color) {
        (Outcome::Success, true) => "\x1b[32m✔\x1b[0m".into(),
        (Outcome::Warning, true) => "\x1b[33m‼\x1b[0m".into(),
        (Outcome::Error, true) => "\x1b[31m✘\x1b[0m".into(),
        (Outcome::Success, false) => "[ok]".into(),
        (Outcome::Warning, false) => "[warn]".into(),
        (Outcome::Error, false) => "[fail]".into(),
    }
}

/// `v1.22.9-gke.1` as (1, 22, 9).
pub fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let core = text.trim_start_matches('v').split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    Some((parts.next()??, parts.next()??, parts.next().flatten().unwrap_or(0)))
}

/// Fails below [`MIN_KUBERNETES`], which OSM's chart would refuse; a version string that cannot be
/// read only warns rather than blocking.
pub fn kubernetes_version(git_version: &str) -> Check {
    let (a, b, c) = MIN_KUBERNETES;
    let description = format!("Kubernetes is {a}.{b}.{c} or newer (OSM v1.2's minimum)");
    match parse_version(git_version) {
        Some(v) if v >= MIN_KUBERNETES => Check::pass("k8s-version", format!("{description}: {git_version}")),
        Some(_) => Check::fail(
            "k8s-version",
            description,
            vec![format!("the API server runs {git_version}")],
            "upgrade the cluster; OSM's chart refuses Kubernetes older than 1.22.9",
        ),
        None => Check::warn(
            "k8s-version",
            description,
            vec![format!("cannot read the version {git_version:?}")],
            Remedy::CheckServerVersion,
        ),
    }
}

/// What the permissions check checks: that the user can create what an install creates.
pub fn permissions_description() -> String {
    format!("can create what {} creates (RBAC)", Command::Install)
}

/// `missing` are the permissions installing needs that `user` lacks; any one fails `--pre`, listed
/// in full so that an administrator can grant them at once.
pub fn permissions(user: &str, missing: &[String]) -> Check {
    let description = permissions_description();
    if missing.is_empty() {
        return Check::pass("pre-rbac", description);
    }
    Check::fail(
        "pre-rbac",
        description,
        std::iter::once(format!("{user} lacks {} permissions:", missing.len()))
            .chain(missing.iter().map(|m| format!("  {m}")))
            .collect(),
        Remedy::AskAdminForOsm,
    )
}

/// Another OSM mesh fails (a second one needs `--enforce-single-mesh=false`); an Istio or Linkerd
/// control plane only warns. OSM meshes as `(name, namespace)`, others as `(kind, namespace)`.
pub fn other_meshes(osm: &[(String, String)], others: &[(String, String)]) -> Check {
    let description = "no other service mesh is installed";
    if !osm.is_empty() {
        return Check::fail(
            "pre-no-mesh",
            description,
            osm.iter().map(|(name, ns)| format!("OSM mesh {name} runs in namespace {ns}")).collect(),
            Remedy::SecondOsmMesh,
        );
    }
    if !others.is_empty() {
        return Check::warn(
            "pre-no-mesh",
            description,
            others
                .iter()
                .map(|(kind, ns)| format!("a {kind} control plane runs in namespace {ns}"))
                .collect(),
            "two meshes must not inject the same namespaces: enrol each namespace in one mesh only",
        );
    }
    Check::pass("pre-no-mesh", description)
}

/// Only a namespace being deleted fails: install creates an absent one and reuses an active one.
/// `namespace` as read, `None` when absent.
pub fn namespace_usable(name: &str, namespace: Option<&Value>) -> Check {
    let description = format!("namespace {name} is absent or active");
    match namespace {
        Some(ns) if !ns["metadata"]["deletionTimestamp"].is_null() => Check::fail(
            "pre-namespace",
            description,
            vec![format!(
                "namespace {name} is being deleted (phase {})",
                ns["status"]["phase"].as_str().unwrap_or("Terminating")
            )],
            Remedy::WaitNamespaceGone { namespace: name.to_string() },
        ),
        _ => Check::pass("pre-namespace", description),
    }
}

/// Each OSM CRD as the chart defines it, beside the live one (if any): an existing CRD is
/// compatible when every version it has stored is still defined by the chart's (the API server
/// refuses a CRD update that drops a stored version).
pub fn crds_compatible(chart: &[Value], live: &BTreeMap<String, Value>) -> Check {
    let description = "OSM's CRDs are absent or compatible";
    let mut problems = Vec::new();
    for crd in chart {
        let name = crd["metadata"]["name"].as_str().unwrap_or_default();
        let Some(existing) = live.get(name) else { continue };
        let defined: BTreeSet<&str> = versions(crd).into_iter().map(|(v, _)| v).collect();
        for stored in string_list(&existing["status"]["storedVersions"]) {
            if !defined.contains(stored.as_str()) {
                problems.push(format!(
                    "CRD {name} has objects stored as {stored}, a version OSM v1.2 does not define ({})",
                    defined.iter().copied().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    if problems.is_empty() {
        Check::pass("pre-crds", description)
    } else {
        Check::fail("pre-crds", description, problems, Remedy::RemoveOtherOsmRelease)
    }
}

/// `spec.versions` of a CRD as (name, served).
fn versions(crd: &Value) -> Vec<(&str, bool)> {
    crd["spec"]["versions"]
        .as_array()
        .map(|vs| {
            vs.iter()
                .filter_map(|v| Some((v["name"].as_str()?, v["served"].as_bool().unwrap_or(false))))
                .collect()
        })
        .unwrap_or_default()
}

fn string_list(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Post-install, two checks from the live CRDs (by name) for the names the chart installs: each
/// exists and is Established, and each stored version is still served (else its objects cannot be read).
pub fn crds_established(expected: &[String], live: &BTreeMap<String, Value>) -> Vec<Check> {
    let mut missing = Vec::new();
    let mut unestablished = Vec::new();
    let mut unserved = Vec::new();
    for name in expected {
        let Some(crd) = live.get(name) else {
            missing.push(name.clone());
            continue;
        };
        let established = crd["status"]["conditions"]
            .as_array()
            .is_some_and(|cs| cs.iter().any(|c| c["type"] == "Established" && c["status"] == "True"));
        if !established {
            unestablished.push(name.clone());
        }
        let served: BTreeSet<&str> = versions(crd).into_iter().filter(|(_, s)| *s).map(|(v, _)| v).collect();
        for stored in string_list(&crd["status"]["storedVersions"]) {
            if !served.contains(stored.as_str()) {
                unserved.push(format!("{name}: stored version {stored} is not served"));
            }
        }
    }
    let mut details: Vec<String> = missing.iter().map(|n| format!("CRD {n} does not exist")).collect();
    details.extend(unestablished.iter().map(|n| format!("CRD {n} is not Established")));
    let present = if details.is_empty() {
        Check::pass("crds-established", format!("OSM's {} CRDs exist and are established", expected.len()))
    } else {
        Check::fail("crds-established", "OSM's CRDs exist and are established", details, Remedy::ReapplyCrds)
    };
    let stored = if unserved.is_empty() {
        Check::pass("crds-stored-versions", "the CRDs' stored versions are served")
    } else {
        Check::fail(
            "crds-stored-versions",
            "the CRDs' stored versions are served",
            unserved,
            Remedy::ReapplyUnservedCrds,
        )
    };
    vec![present, stored]
}

/// A Deployment and its pods, with the last log line of each crash-looping container.
pub struct DeploymentState {
    pub name: String,
    /// `None` when the Deployment does not exist.
    pub ready: Option<bool>,
    /// `(pod name, why it is not ready)` for each unready pod.
    pub problems: Vec<(String, String)>,
}

/// Fails when a control-plane Deployment is missing or unavailable, with each unready pod's reason;
/// the hint points at the first such pod.
pub fn deployments_available(namespace: &str, states: &[DeploymentState]) -> Check {
    deployments_check(
        "control-plane-available",
        format!("control-plane Deployments in {namespace} are available"),
        namespace,
        states,
        Remedy::ReinstallOsmParts { namespace: namespace.to_string() },
    )
}

/// The check of a control plane's Deployments under check `id`: each missing Deployment and each
/// unready pod with its reason; the hint points at the first such pod, or says `missing_fix`
/// when only Deployments are missing.
pub fn deployments_check(
    id: &'static str,
    description: String,
    namespace: &str,
    states: &[DeploymentState],
    missing_fix: Remedy,
) -> Check {
    let mut details = Vec::new();
    let mut first_pod = None;
    for state in states {
        match state.ready {
            None => details.push(format!("{}: the Deployment does not exist", state.name)),
            Some(true) => {}
            Some(false) if state.problems.is_empty() => {
                details.push(format!("{}: not available yet (pods starting or rolling out)", state.name))
            }
            Some(false) => {
                for (pod, why) in &state.problems {
                    first_pod.get_or_insert_with(|| pod.clone());
                    details.push(format!("{}: pod {pod}: {why}", state.name));
                }
            }
        }
    }
    if details.is_empty() {
        return Check::pass(id, description);
    }
    let hint = match first_pod {
        Some(pod) => Remedy::InspectPod { namespace: namespace.to_string(), pod },
        None => missing_fix,
    };
    Check::fail(id, description, details, hint)
}

/// Fails unless the configuration exists and each webhook points at an existing Service (or a URL)
/// and has a CA bundle: otherwise the API server cannot call it. `config` as read (`None`: absent),
/// `services` as `namespace/name`.
pub fn webhook(
    id: &'static str,
    what: &str,
    name: &str,
    config: Option<&Value>,
    services: &BTreeSet<String>,
) -> Check {
    let description = format!("{what} {name} exists, points at a Service and has a CA bundle");
    let Some(config) = config else {
        return Check::fail(
            id,
            description,
            vec![format!("{name} does not exist")],
            Remedy::UpgradeIfControlPlaneHealthy,
        );
    };
    let mut problems = Vec::new();
    let hooks = config["webhooks"].as_array().cloned().unwrap_or_default();
    if hooks.is_empty() {
        problems.push(format!("{name} has no webhooks"));
    }
    for hook in &hooks {
        let hook_name = hook["name"].as_str().unwrap_or("(unnamed)");
        let client = &hook["clientConfig"];
        if let Some(service) = client["service"].as_object() {
            let key = format!(
                "{}/{}",
                service.get("namespace").and_then(Value::as_str).unwrap_or_default(),
                service.get("name").and_then(Value::as_str).unwrap_or_default()
            );
            if !services.contains(&key) {
                problems.push(format!("webhook {hook_name} points at Service {key}, which does not exist"));
            }
        } else if client["url"].as_str().is_none() {
            problems.push(format!("webhook {hook_name} has neither a Service nor a URL"));
        }
        if client["caBundle"].as_str().is_none_or(str::is_empty) {
            problems.push(format!("webhook {hook_name} has no caBundle: the API server cannot trust it"));
        }
    }
    if problems.is_empty() {
        Check::pass(id, description)
    } else {
        Check::fail(id, description, problems, Remedy::RestartControlPlane)
    }
}

/// The MeshConfig as read: it must exist and its spec must read as OSM v1.2's MeshConfig.
pub fn mesh_config(namespace: &str, object: Option<&Value>) -> Check {
    let description = format!("MeshConfig {namespace}/osm-mesh-config is valid");
    let Some(object) = object else {
        return Check::fail(
            "meshconfig-valid",
            description,
            vec!["it does not exist".into()],
            Remedy::RecreateMeshConfig,
        );
    };
    let mut problems = Vec::new();
    match serde_json::from_value::<MeshConfigSpec>(object["spec"].clone()) {
        Err(e) => problems.push(format!("spec does not read as a MeshConfig: {e}")),
        Ok(spec) => {
            if let Some(level) = spec.sidecar.as_ref().and_then(|s| s.log_level.as_deref())
                && !["trace", "debug", "info", "warning", "warn", "error", "critical", "off"].contains(&level)
            {
                problems.push(format!("sidecar.logLevel {level:?} is not an Envoy log level"));
            }
            let bits = object["spec"]["certificate"]["certKeyBitSize"].as_i64();
            if let Some(bits) = bits
                && !(2048..=4096).contains(&bits)
            {
                problems.push(format!("certificate.certKeyBitSize {bits} is outside 2048..4096"));
            }
        }
    }
    if problems.is_empty() {
        Check::pass("meshconfig-valid", description)
    } else {
        Check::fail("meshconfig-valid", description, problems, Remedy::FixMeshConfigFields)
    }
}

/// Pods of monitored namespaces whose injection is on but that run without a sidecar. `pods`
/// are the namespace's pods as JSON; `injection_disabled` namespaces are skipped by the caller.
pub fn uninjected_pods(namespace: &str, pods: &[Value]) -> Vec<String> {
    pods.iter()
        .filter(|p| {
            let phase = p["status"]["phase"].as_str().unwrap_or_default();
            let finished = phase == "Succeeded" || phase == "Failed";
            let opted_out = p["metadata"]["annotations"][SIDECAR_INJECTION_ANNOTATION]
                .as_str()
                .is_some_and(|v| v == "disabled" || v == "false");
            let has_sidecar = !p["metadata"]["labels"][PROXY_UUID_LABEL].is_null()
                || p["spec"]["containers"]
                    .as_array()
                    .is_some_and(|cs| cs.iter().any(|c| c["name"] == "envoy"));
            !finished && !opted_out && !has_sidecar && p["metadata"]["deletionTimestamp"].is_null()
        })
        .map(|p| {
            format!(
                "{namespace}/{} (created {})",
                p["metadata"]["name"].as_str().unwrap_or_default(),
                p["metadata"]["creationTimestamp"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

/// Pods without a sidecar only warn: they started before their namespace joined and get one when
/// restarted. `namespaces` counts the monitored namespaces, for the description.
pub fn injection(namespaces: usize, uninjected: Vec<String>) -> Check {
    let description = format!("pods in the {namespaces} monitored namespaces have sidecars");
    if uninjected.is_empty() {
        return Check::pass("data-plane-injected", description);
    }
    Check::warn("data-plane-injected", description, uninjected, Remedy::RestartPodsAfterJoining)
}

/// Fails when a TrafficSplit's root or backend Service does not exist, since traffic to it fails; the
/// root may be `svc`, `svc.ns` or an FQDN. `services` as `namespace/name`.
pub fn traffic_splits(splits: &[Value], services: &BTreeSet<String>) -> Check {
    let description = format!("the {} TrafficSplits' services exist", splits.len());
    let mut problems = Vec::new();
    for split in splits {
        let ns = split["metadata"]["namespace"].as_str().unwrap_or_default();
        let name = split["metadata"]["name"].as_str().unwrap_or_default();
        let root = split["spec"]["service"].as_str().unwrap_or_default();
        // `svc`, `svc.ns` or `svc.ns.svc.cluster.local`: the Service is the first label.
        let mut labels = root.split('.');
        let root_name = labels.next().unwrap_or_default();
        let root_ns = labels.next().unwrap_or(ns);
        if !services.contains(&format!("{root_ns}/{root_name}")) {
            problems
                .push(format!("TrafficSplit {ns}/{name}: root Service {root_ns}/{root_name} does not exist"));
        }
        for backend in split["spec"]["backends"].as_array().into_iter().flatten() {
            let service = backend["service"].as_str().unwrap_or_default();
            if !services.contains(&format!("{ns}/{service}")) {
                problems
                    .push(format!("TrafficSplit {ns}/{name}: backend Service {ns}/{service} does not exist"));
            }
        }
    }
    if problems.is_empty() {
        Check::pass("traffic-splits", description)
    } else {
        Check::fail("traffic-splits", description, problems, Remedy::MoveWeightFromMissingBackend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_check_is_documented() {
        let docs = include_str!("../../docs/checks.md");
        for id in IDS {
            assert!(docs.contains(&format!("\n### {id}\n")), "docs/checks.md has no section {id}");
        }
    }

    #[test]
    fn versions_compare() {
        assert_eq!(kubernetes_version("v1.37.2").result, Outcome::Success);
        assert_eq!(kubernetes_version("v1.22.9-gke.1").result, Outcome::Success);
        let old = kubernetes_version("v1.20.2");
        assert_eq!(old.result, Outcome::Error);
        assert!(old.details[0].contains("v1.20.2"));
    }

    #[test]
    fn report_marks_and_verdict() {
        let report = Report::new(vec![Category {
            category_name: "control-plane".into(),
            checks: vec![
                Check::pass("k8s-api", "first"),
                Check::fail("pre-rbac", "second", vec!["pod x: CrashLoopBackOff".into()], "look at it"),
            ],
        }]);
        assert!(!report.success);
        assert_eq!(report.failures(), vec!["second".to_string()]);
        let text = report.text(false);
        assert!(text.starts_with("control-plane\n-------------\n[ok] first\n[fail] second\n"), "{text}");
        assert!(text.contains("    pod x: CrashLoopBackOff\n    hint: look at it\n    see "), "{text}");
        assert!(text.ends_with("Status check results are [fail]"));
        assert!(report.text(true).contains('✘'));
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["categories"][0]["categoryName"], "control-plane");
        assert_eq!(json["categories"][0]["checks"][1]["result"], "error");
        assert_eq!(json["categories"][0]["checks"][1]["error"], "pod x: CrashLoopBackOff");
        assert_eq!(json["categories"][0]["checks"][1]["fix"], "look at it");
        assert!(
            json["categories"][0]["checks"][1]["hint"].as_str().unwrap().ends_with("docs/checks.md#pre-rbac")
        );
        assert!(json["categories"][0]["checks"][0].get("error").is_none());
    }

    #[test]
    fn warnings_do_not_fail() {
        let report = Report::new(vec![Category {
            category_name: "x".into(),
            checks: vec![Check::warn("pre-no-mesh", "careful", vec![], "fix")],
        }]);
        assert!(report.success);
        assert!(report.text(false).ends_with("[warn]"));
    }

    #[test]
    fn crd_compatibility() {
        let chart = vec![json!({"metadata": {"name": "meshconfigs.config.openservicemesh.io"},
            "spec": {"versions": [{"name": "v1alpha1", "served": true}, {"name": "v1alpha2", "served": true}]}})];
        let mut live = BTreeMap::new();
        assert_eq!(crds_compatible(&chart, &live).result, Outcome::Success);
        live.insert(
            "meshconfigs.config.openservicemesh.io".to_string(),
            json!({"status": {"storedVersions": ["v1alpha2"]}}),
        );
        assert_eq!(crds_compatible(&chart, &live).result, Outcome::Success);
        live.insert(
            "meshconfigs.config.openservicemesh.io".to_string(),
            json!({"status": {"storedVersions": ["v1alpha3"]}}),
        );
        let check = crds_compatible(&chart, &live);
        assert_eq!(check.result, Outcome::Error);
        assert!(check.details[0].contains("v1alpha3"));
    }

    #[test]
    fn established_and_served() {
        let names = vec!["a.x".to_string(), "b.x".to_string()];
        let mut live = BTreeMap::new();
        live.insert(
            "a.x".to_string(),
            json!({"spec": {"versions": [{"name": "v1", "served": false}]},
                   "status": {"storedVersions": ["v1"], "conditions": [{"type": "Established", "status": "True"}]}}),
        );
        let checks = crds_established(&names, &live);
        assert_eq!(checks[0].result, Outcome::Error);
        assert!(checks[0].details.contains(&"CRD b.x does not exist".to_string()));
        assert_eq!(checks[1].result, Outcome::Error);
        assert!(checks[1].details[0].contains("v1 is not served"));
    }

    #[test]
    fn deployments_name_pods_and_reasons() {
        let states = vec![
            DeploymentState { name: "osm-bootstrap".into(), ready: Some(true), problems: vec![] },
            DeploymentState {
                name: "osm-controller".into(),
                ready: Some(false),
                problems: vec![("osm-controller-1".into(), "CrashLoopBackOff; last log line: boom".into())],
            },
            DeploymentState { name: "osm-injector".into(), ready: None, problems: vec![] },
        ];
        let check = deployments_available("osm-system", &states);
        assert_eq!(check.result, Outcome::Error);
        assert_eq!(
            check.details[0],
            "osm-controller: pod osm-controller-1: CrashLoopBackOff; last log line: boom"
        );
        assert!(check.details[1].contains("osm-injector: the Deployment does not exist"));
        assert!(check.hint.unwrap().contains("kubectl logs -n osm-system osm-controller-1 --previous"));
    }

    #[test]
    fn webhook_problems() {
        let services: BTreeSet<String> = ["osm-system/osm-injector".to_string()].into();
        let good = json!({"webhooks": [{"name": "w", "clientConfig": {"service": {"namespace": "osm-system", "name": "osm-injector"}, "caBundle": "Zm9v"}}]});
        assert_eq!(
            webhook("webhook-injector", "webhook", "w", Some(&good), &services).result,
            Outcome::Success
        );
        let bad = json!({"webhooks": [{"name": "w", "clientConfig": {"service": {"namespace": "osm-system", "name": "gone"}}}]});
        let check = webhook("webhook-injector", "webhook", "w", Some(&bad), &services);
        assert_eq!(check.details.len(), 2);
        assert_eq!(webhook("webhook-injector", "webhook", "w", None, &services).result, Outcome::Error);
    }

    #[test]
    fn meshconfig_validity() {
        assert_eq!(mesh_config("osm", None).result, Outcome::Error);
        let ok = json!({"spec": {"sidecar": {"logLevel": "error"}, "certificate": {"certKeyBitSize": 2048}}});
        assert_eq!(mesh_config("osm", Some(&ok)).result, Outcome::Success);
        let bad = json!({"spec": {"sidecar": {"logLevel": "loud"}, "certificate": {"certKeyBitSize": 512}}});
        assert_eq!(mesh_config("osm", Some(&bad)).details.len(), 2);
        let wrong_type = json!({"spec": {"traffic": {"enableEgress": "yes"}}});
        assert!(mesh_config("osm", Some(&wrong_type)).details[0].contains("does not read"));
    }

    #[test]
    fn uninjected_pods_listed() {
        let pods = vec![
            json!({"metadata": {"name": "old", "creationTimestamp": "2024-01-01T00:00:00Z"}, "spec": {"containers": [{"name": "app"}]}, "status": {"phase": "Running"}}),
            json!({"metadata": {"name": "new", "labels": {"osm-proxy-uuid": "u"}}, "spec": {"containers": [{"name": "app"}, {"name": "envoy"}]}, "status": {"phase": "Running"}}),
            json!({"metadata": {"name": "job", "annotations": {"openservicemesh.io/sidecar-injection": "disabled"}}, "spec": {"containers": [{"name": "app"}]}, "status": {"phase": "Running"}}),
        ];
        let found = uninjected_pods("shop", &pods);
        assert_eq!(found, vec!["shop/old (created 2024-01-01T00:00:00Z)".to_string()]);
        assert_eq!(injection(1, found).result, Outcome::Warning);
    }

    #[test]
    fn split_backends() {
        let services: BTreeSet<String> = ["shop/web".to_string(), "shop/web-v1".to_string()].into();
        let split = json!({"metadata": {"namespace": "shop", "name": "s"},
            "spec": {"service": "web.shop.svc.cluster.local", "backends": [{"service": "web-v1", "weight": 50}, {"service": "web-v2", "weight": 50}]}});
        let check = traffic_splits(&[split], &services);
        assert_eq!(check.result, Outcome::Error);
        assert_eq!(
            check.details,
            vec!["TrafficSplit shop/s: backend Service shop/web-v2 does not exist".to_string()]
        );
    }

    #[test]
    fn meshes_found() {
        assert_eq!(other_meshes(&[], &[]).result, Outcome::Success);
        assert_eq!(other_meshes(&[], &[("istio".into(), "istio-system".into())]).result, Outcome::Warning);
        let check = other_meshes(&[("osm".into(), "osm-system".into())], &[]);
        assert_eq!(check.result, Outcome::Error);
        assert!(check.details[0].contains("osm-system"));
    }
}
