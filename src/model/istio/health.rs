//! `osm check --mesh istio [--pre]`: istioctl's precheck (`istioctl x precheck`) and the health of
//! an installed Istio control plane, judged from objects already read, in the shape of
//! [`crate::model::health`]. Sources: istioctl/pkg/precheck/precheck.go at Istio's 1.30.3 tag.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::health::{Check, parse_version};
use crate::model::input::Remedy;

/// The oldest Kubernetes Istio 1.30 supports: `MinK8SVersion = 32`
/// (istioctl/pkg/install/k8sversion/version.go:31), checked by precheck.go:388-405.
pub const MIN_KUBERNETES: (u64, u64) = (1, 32);

/// What `istioctl x precheck` asks the API server whether the user may create
/// (precheck.go:287-350): `(namespaced, group, resource)`.
pub const INSTALL_PERMISSIONS: &[(bool, &str, &str)] = &[
    (false, "", "namespaces"),
    (false, "rbac.authorization.k8s.io", "clusterroles"),
    (false, "rbac.authorization.k8s.io", "clusterrolebindings"),
    (false, "apiextensions.k8s.io", "customresourcedefinitions"),
    (true, "rbac.authorization.k8s.io", "roles"),
    (true, "", "serviceaccounts"),
    (true, "", "services"),
    (true, "apps", "deployments"),
    (true, "", "configmaps"),
    (false, "admissionregistration.k8s.io", "mutatingwebhookconfigurations"),
    (false, "admissionregistration.k8s.io", "validatingwebhookconfigurations"),
];

/// precheck.go:398-400 reports an unsupported version as a warning-level message that still fails
/// the precheck (precheck.go:106-112); osm fails it, with the minimum named.
pub fn kubernetes_version(git_version: &str) -> Check {
    let (major, minor) = MIN_KUBERNETES;
    let description = format!("Kubernetes is {major}.{minor} or newer (Istio 1.30's minimum)");
    match parse_version(git_version) {
        Some((a, b, _)) if (a, b) >= MIN_KUBERNETES => {
            Check::pass("istio-k8s-version", format!("{description}: {git_version}"))
        }
        Some(_) => Check::fail(
            "istio-k8s-version",
            description,
            vec![format!("the API server runs {git_version}")],
            format!(
                "upgrade the cluster to Kubernetes {major}.{minor} or newer before installing Istio 1.30"
            ),
        ),
        None => Check::warn(
            "istio-k8s-version",
            description,
            vec![format!("cannot read the version {git_version:?}")],
            Remedy::CheckServerVersion,
        ),
    }
}

/// `missing` are the descriptions of the permissions of [`INSTALL_PERMISSIONS`] the user lacks.
pub fn permissions(user: &str, missing: &[String]) -> Check {
    let description = "can create what an Istio install creates (RBAC)";
    if missing.is_empty() {
        return Check::pass("istio-pre-rbac", description);
    }
    Check::fail(
        "istio-pre-rbac",
        description,
        std::iter::once(format!("{user} lacks {} permissions:", missing.len()))
            .chain(missing.iter().map(|m| format!("  {m}")))
            .collect(),
        Remedy::AskAdminForIstio,
    )
}

/// An Istio control plane already running, as `(revision, namespace, version)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningControlPlane {
    pub revision: String,
    pub namespace: String,
    pub version: Option<String>,
}

/// Before an install of `revision` into `namespace`: the same revision running elsewhere clashes
/// (its webhooks and revision tag would be taken over), the same revision in the same namespace
/// is an in-place upgrade (a warning, as istioctl's install prompt says it would overwrite it),
/// other revisions live side by side. An OSM mesh next to it only warns: a namespace must be
/// enrolled in one mesh only.
pub fn control_planes(
    revision: &str,
    namespace: &str,
    running: &[RunningControlPlane],
    osm_meshes: &[(String, String)],
) -> Check {
    let description = format!("no Istio control plane of revision {revision} is in the way");
    let clashes: Vec<String> = running
        .iter()
        .filter(|p| p.revision == revision && p.namespace != namespace)
        .map(|p| {
            format!(
                "revision {} already runs in namespace {}{}",
                p.revision,
                p.namespace,
                p.version.as_deref().map(|v| format!(" (Istio {v})")).unwrap_or_default()
            )
        })
        .collect();
    if !clashes.is_empty() {
        return Check::fail("istio-pre-control-plane", description, clashes, Remedy::OtherIstioRevision);
    }
    let mut notes: Vec<String> = running
        .iter()
        .filter(|p| p.revision == revision)
        .map(|p| {
            format!(
                "revision {} already runs in {}{}: installing changes it in place",
                p.revision,
                p.namespace,
                p.version.as_deref().map(|v| format!(" (Istio {v})")).unwrap_or_default()
            )
        })
        .collect();
    notes.extend(osm_meshes.iter().map(|(name, ns)| format!("OSM mesh {name} runs in namespace {ns}")));
    if notes.is_empty() {
        return Check::pass("istio-pre-control-plane", description);
    }
    Check::warn(
        "istio-pre-control-plane",
        description,
        notes,
        "an in-place install replaces that revision's settings; enrol each namespace in one mesh only",
    )
}

/// precheck.go:232-275: Gateway API CRDs are optional, but those present must serve v1beta1
/// (Gateway, GatewayClass, HTTPRoute, ReferenceGrant; an error) and v1 (Gateway, GatewayClass,
/// HTTPRoute, GRPCRoute; a warning: a later Istio needs it). `crds` are the cluster's CRDs.
pub fn gateway_api_versions(crds: &[Value]) -> Check {
    let description = "Gateway API CRDs, if present, serve the versions Istio needs";
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for crd in crds.iter().filter(|c| c["spec"]["group"] == "gateway.networking.k8s.io") {
        let kind = crd["spec"]["names"]["kind"].as_str().unwrap_or_default();
        let served: BTreeSet<&str> = crd["spec"]["versions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| v["served"].as_bool() == Some(true))
            .filter_map(|v| v["name"].as_str())
            .collect();
        let has = if served.is_empty() {
            "none".to_string()
        } else {
            served.iter().copied().collect::<Vec<_>>().join(",")
        };
        let name = crd["metadata"]["name"].as_str().unwrap_or(kind);
        if ["Gateway", "GatewayClass", "HTTPRoute", "ReferenceGrant"].contains(&kind)
            && !served.contains("v1beta1")
        {
            errors.push(format!("{name} serves {has}, Istio needs v1beta1"));
        }
        if ["Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute"].contains(&kind) && !served.contains("v1") {
            warnings.push(format!("{name} serves {has}; later Istio releases need v1"));
        }
    }
    let fix = "install a current Gateway API release's standard CRDs (v1.1 or later)";
    if !errors.is_empty() {
        errors.extend(warnings);
        return Check::fail("istio-pre-gateway-api", description, errors, fix);
    }
    if !warnings.is_empty() {
        return Check::warn("istio-pre-gateway-api", description, warnings, fix);
    }
    Check::pass("istio-pre-gateway-api", description)
}

/// After an install: the revision's injector webhook exists (`istio-sidecar-injector` for the
/// default revision, `istio-sidecar-injector-REV` otherwise: the chart's
/// istio-control/istio-discovery/templates/mutatingwebhook.yaml).
pub fn injector_webhook(revision: &str, present: bool) -> Check {
    let name = injector_webhook_name(revision);
    let description = format!("the sidecar injector webhook {name} exists");
    if present {
        return Check::pass("istio-webhook-injector", description);
    }
    Check::fail(
        "istio-webhook-injector",
        description,
        vec![format!("MutatingWebhookConfiguration {name} is missing")],
        Remedy::RerunIstioInstall,
    )
}

/// The injector webhook's name for a revision.
pub fn injector_webhook_name(revision: &str) -> String {
    if revision.is_empty() || revision == "default" {
        "istio-sidecar-injector".to_string()
    } else {
        format!("istio-sidecar-injector-{revision}")
    }
}

/// The istiod Deployment's name for a revision (istio-discovery's `istiod-REV` naming).
pub fn istiod_name(revision: &str) -> String {
    if revision.is_empty() || revision == "default" {
        "istiod".to_string()
    } else {
        format!("istiod-{revision}")
    }
}

/// After an install: the revision's Deployments (istiod and the gateways) are available, each
/// unready pod named with its reason.
pub fn control_plane_available(namespace: &str, states: &[crate::model::health::DeploymentState]) -> Check {
    crate::model::health::deployments_check(
        "istio-control-plane-available",
        format!("Istio's Deployments in {namespace} are available"),
        namespace,
        states,
        Remedy::InstallIstioRestores,
    )
}

/// After an install: Istio's CRDs (groups ending in `istio.io`) exist and are established.
pub fn crds_established(crds: &[Value]) -> Check {
    let istio: Vec<&Value> = crds
        .iter()
        .filter(|c| c["spec"]["group"].as_str().is_some_and(|g| g == "istio.io" || g.ends_with(".istio.io")))
        .collect();
    if istio.is_empty() {
        return Check::fail(
            "istio-crds-established",
            "Istio's CRDs exist and are established",
            vec!["no CRD of an istio.io group exists".to_string()],
            Remedy::InstallIstio,
        );
    }
    let unestablished: Vec<String> = istio
        .iter()
        .filter(|c| {
            !c["status"]["conditions"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|k| k["type"] == "Established" && k["status"] == "True"))
        })
        .map(|c| format!("CRD {} is not Established", c["metadata"]["name"].as_str().unwrap_or("?")))
        .collect();
    if unestablished.is_empty() {
        return Check::pass(
            "istio-crds-established",
            format!("Istio's {} CRDs exist and are established", istio.len()),
        );
    }
    Check::fail(
        "istio-crds-established",
        "Istio's CRDs exist and are established",
        unestablished,
        Remedy::DescribeCrd,
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::model::health::Outcome;

    #[test]
    fn kubernetes_older_than_istio_supports_fails() {
        assert_eq!(kubernetes_version("v1.37.2").result, Outcome::Success);
        assert_eq!(kubernetes_version("v1.32.0").result, Outcome::Success);
        assert_eq!(kubernetes_version("v1.31.9").result, Outcome::Error);
        assert_eq!(kubernetes_version("v1.20.2").result, Outcome::Error);
        assert_eq!(kubernetes_version("weird").result, Outcome::Warning);
    }

    #[test]
    fn a_revision_running_in_another_namespace_clashes() {
        let running = |rev: &str, ns: &str| RunningControlPlane {
            revision: rev.into(),
            namespace: ns.into(),
            version: Some("1.29.0".into()),
        };
        assert_eq!(control_planes("default", "istio-system", &[], &[]).result, Outcome::Success);
        let other_rev = [running("canary", "istio-system")];
        assert_eq!(control_planes("default", "istio-system", &other_rev, &[]).result, Outcome::Success);
        let same_place = [running("default", "istio-system")];
        assert_eq!(control_planes("default", "istio-system", &same_place, &[]).result, Outcome::Warning);
        let clash = control_planes("default", "istio-other", &same_place, &[]);
        assert_eq!(clash.result, Outcome::Error);
        assert!(
            clash.details.iter().any(|d| d.contains("istio-system") && d.contains("1.29.0")),
            "{:?}",
            clash.details
        );
        let osm = [("osm".to_string(), "osm-system".to_string())];
        assert_eq!(control_planes("default", "istio-system", &[], &osm).result, Outcome::Warning);
    }

    #[test]
    fn gateway_api_crds_need_the_versions_precheck_asks_for() {
        let crd = |kind: &str, versions: &[&str]| {
            json!({"metadata": {"name": format!("{}s.gateway.networking.k8s.io", kind.to_lowercase())},
                   "spec": {"group": "gateway.networking.k8s.io", "names": {"kind": kind},
                            "versions": versions.iter().map(|v| json!({"name": v, "served": true})).collect::<Vec<_>>()}})
        };
        assert_eq!(gateway_api_versions(&[]).result, Outcome::Success);
        assert_eq!(gateway_api_versions(&[crd("HTTPRoute", &["v1", "v1beta1"])]).result, Outcome::Success);
        assert_eq!(gateway_api_versions(&[crd("GRPCRoute", &["v1alpha2"])]).result, Outcome::Warning);
        let old = gateway_api_versions(&[crd("HTTPRoute", &["v1alpha2"])]);
        assert_eq!(old.result, Outcome::Error);
        assert!(
            old.details[0].contains("httproutes.gateway.networking.k8s.io serves v1alpha2"),
            "{:?}",
            old.details
        );
    }

    #[test]
    fn names_follow_the_revision() {
        assert_eq!(injector_webhook_name("default"), "istio-sidecar-injector");
        assert_eq!(injector_webhook_name("canary"), "istio-sidecar-injector-canary");
        assert_eq!(istiod_name("canary"), "istiod-canary");
    }
}
