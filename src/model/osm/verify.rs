//! `osm verify` and `osm policy`: the Go CLI's verifications (OSM v1.2.4 `pkg/cli/verifier`,
//! `cmd/cli/policy_check_*.go`) as pure judgements of objects already read, so they are
//! unit-tested. Results nest like the Go verifier's and print in its layout.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use super::keys::MONITORED_BY_LABEL;
use crate::model::input::Remedy;

/// `pkg/envoy/lds/listener.go`: the listeners OSM configures on every sidecar.
pub const INBOUND_LISTENER: &str = "inbound-listener";
pub const OUTBOUND_LISTENER: &str = "outbound-listener";

/// The Go verifier's statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Status {
    Success,
    Failure,
    Unknown,
}

/// `verifier.Result`: what was verified, how it came out, why, what to do, and the steps below.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub context: String,
    pub status: Status,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub suggestion: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nested_results: Vec<Outcome>,
}

impl Outcome {
    /// A passed step; [`Outcome::with_reason`] adds why, e.g. which policy allows the traffic.
    pub fn success(context: impl Into<String>) -> Outcome {
        Outcome {
            context: context.into(),
            status: Status::Success,
            reason: String::new(),
            suggestion: String::new(),
            nested_results: vec![],
        }
    }

    /// A failed step with why (`Reason:`) and what to do (`Suggestion:`), as the Go verifier prints
    /// them; it fails its [`Outcome::set`] and `osm verify` (exit 1).
    pub fn failure(
        context: impl Into<String>,
        reason: impl Into<String>,
        suggestion: impl Into<String>,
    ) -> Outcome {
        Outcome {
            status: Status::Failure,
            reason: reason.into(),
            suggestion: suggestion.into(),
            ..Outcome::success(context)
        }
    }

    /// A step that could not be carried out (something could not be read): neither passed nor failed,
    /// yet `osm verify` still exits 1, since nothing was proven.
    pub fn unknown(context: impl Into<String>, reason: impl Into<String>) -> Outcome {
        Outcome { status: Status::Unknown, reason: reason.into(), ..Outcome::success(context) }
    }

    /// Why a step passed; the Go CLI prints a `Reason:` line for successes too.
    pub fn with_reason(mut self, reason: impl Into<String>) -> Outcome {
        self.reason = reason.into();
        self
    }

    /// `verifier.Set.Run`: a failing step fails the whole, with the Go CLI's words.
    pub fn set(context: impl Into<String>, steps: Vec<Outcome>) -> Outcome {
        let failed = steps.iter().any(|s| s.status == Status::Failure);
        let unknown = steps.iter().any(|s| s.status == Status::Unknown);
        let mut out = Outcome::success(context);
        if failed {
            out.status = Status::Failure;
            out.reason = "A verification step failed".into();
            out.suggestion =
                "Please follow the suggestions listed in the failed steps below to resolve the issue".into();
        } else if unknown {
            out.status = Status::Unknown;
            out.reason = "A verification step could not be carried out".into();
        }
        out.nested_results = steps;
        out
    }

    /// `verifier.Print` between the Go CLI's separator lines: `[+] Context:`, `Status:`,
    /// `Reason:`, `Suggestion:`, then the nested steps one `+` deeper, unless all passed.
    pub fn text(&self) -> String {
        const RULE: &str = "---------------------------------------------";
        let mut out = format!("{RULE}\n");
        print(self, 1, &mut out);
        out.push_str(RULE);
        out
    }
}

fn print(result: &Outcome, depth: usize, out: &mut String) {
    out.push_str(&format!("[{}] Context: {}\n", "+".repeat(depth), result.context));
    out.push_str(&format!("Status: {:?}\n", result.status));
    if !result.reason.is_empty() {
        out.push_str(&format!("Reason: {}\n", result.reason));
    }
    if !result.suggestion.is_empty() {
        out.push_str(&format!("Suggestion: {}\n", result.suggestion));
    }
    out.push('\n');
    if result.status == Status::Success {
        return;
    }
    for nested in &result.nested_results {
        print(nested, depth + 1, out);
    }
}

/// `NamespaceMonitorVerifier`: the namespace carries the mesh's monitor label.
pub fn namespace_monitored(name: &str, namespace: Option<&Value>, mesh: &str) -> Outcome {
    let context = format!("Verify if namespace {name:?} is monitored");
    let Some(ns) = namespace else {
        return Outcome::failure(
            context,
            format!("Error fetching namespace {name:?}: it does not exist"),
            format!("Confirm namespace {name:?} exists"),
        );
    };
    match ns["metadata"]["labels"][MONITORED_BY_LABEL].as_str() {
        None => Outcome::failure(
            context,
            format!("Missing label {MONITORED_BY_LABEL:?} on namespace {name:?}"),
            Remedy::AddNamespaceToMesh { namespace: name.to_string(), mesh: mesh.to_string() },
        ),
        Some(m) if m != mesh => Outcome::failure(
            context,
            format!("Expected label {MONITORED_BY_LABEL:?} to have value {mesh:?}, got {m:?}"),
            Remedy::NamespaceInOtherMesh { namespace: name.to_string(), mesh: m.to_string() },
        ),
        Some(_) => Outcome::success(context),
    }
}

/// `SidecarVerifier`: the pod has (or, for ingress pods, has not) a container named `envoy`.
pub fn sidecar(pod_name: &str, pod: Option<&Value>, expect_present: bool) -> Outcome {
    let context = format!("Verify Envoy sidecar on pod {pod_name:?}");
    let Some(pod) = pod else {
        return Outcome::failure(
            context,
            format!("pod {pod_name:?} not found"),
            format!("Confirm pod {pod_name:?} exists"),
        );
    };
    let found =
        pod["spec"]["containers"].as_array().is_some_and(|cs| cs.iter().any(|c| c["name"] == "envoy"));
    match (found, expect_present) {
        (true, false) => Outcome::failure(
            context,
            format!("Found Envoy sidecar on pod {pod_name:?} when one wasn't expected"),
            format!("Ensure pod {pod_name:?} does not have sidecar injection enabled"),
        ),
        (false, true) => Outcome::failure(
            context,
            format!("Did not find Envoy sidecar on pod {pod_name:?}"),
            format!("Ensure pod {pod_name:?} has sidecar injection enabled, then restart it"),
        ),
        _ => Outcome::success(context),
    }
}

/// Whether a Service's selector selects the pod (by labels).
pub fn selects(service: &Value, pod: &Value) -> bool {
    let Some(selector) = service["spec"]["selector"].as_object() else { return false };
    !selector.is_empty() && selector.iter().all(|(k, v)| pod["metadata"]["labels"][k] == *v)
}

/// The ports a Service's traffic reaches on `pod`: each port's targetPort, a named one resolved
/// through the pod's container ports (OSM names its clusters after these: `MeshService.TargetPort`).
pub fn target_ports(service: &Value, pod: &Value) -> Vec<i64> {
    let container_ports: Vec<&Value> = pod["spec"]["containers"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["ports"].as_array().into_iter().flatten())
        .collect();
    service["spec"]["ports"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| match &p["targetPort"] {
            Value::Number(n) => n.as_i64(),
            Value::String(name) => container_ports
                .iter()
                .find(|cp| cp["name"] == *name.as_str())
                .and_then(|cp| cp["containerPort"].as_i64()),
            _ => p["port"].as_i64(),
        })
        .collect()
}

/// The destination Service exists and selects the destination pod.
pub fn destination_service(
    svc_name: &str,
    service: Option<&Value>,
    pod_name: &str,
    pod: Option<&Value>,
) -> Outcome {
    let context = format!("Verify service {svc_name:?} selects pod {pod_name:?}");
    match (service, pod) {
        (None, _) => Outcome::failure(
            context,
            format!("Service {svc_name:?} not found"),
            Remedy::ConfirmService { service: svc_name.to_string() },
        ),
        (_, None) => Outcome::failure(
            context,
            format!("pod {pod_name:?} not found"),
            format!("Confirm pod {pod_name:?} exists"),
        ),
        (Some(s), Some(p)) if !selects(s, p) => Outcome::failure(
            context,
            format!(
                "Service {svc_name:?} does not select pod {pod_name:?}: its selector does not match the pod's labels"
            ),
            "Fix the Service's selector or the pod's labels",
        ),
        _ => Outcome::success(context),
    }
}

/// Who a TrafficTarget names: a ServiceAccount `(namespace, name)`.
fn subject(v: &Value, default_ns: &str) -> Option<(String, String)> {
    (v["kind"] == "ServiceAccount").then(|| {
        (
            v["namespace"].as_str().unwrap_or(default_ns).to_string(),
            v["name"].as_str().unwrap_or_default().to_string(),
        )
    })
}

/// The TrafficTargets (of the destination's namespace) that let ServiceAccount `src` reach
/// ServiceAccount `dst`, as `pkg/cli/policy_check.go` matches them.
pub fn allowing_targets<'a>(
    targets: &'a [Value],
    src: &(String, String),
    dst: &(String, String),
) -> Vec<&'a Value> {
    targets
        .iter()
        .filter(|t| {
            let ns = t["metadata"]["namespace"].as_str().unwrap_or_default();
            subject(&t["spec"]["destination"], ns).as_ref() == Some(dst)
                && t["spec"]["sources"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|s| subject(s, ns).as_ref() == Some(src))
        })
        .collect()
}

/// The traffic policy step: permissive mode allows all; otherwise a TrafficTarget must allow
/// the source's ServiceAccount to the destination's, and every route group it names must exist.
pub fn traffic_policy(
    permissive: bool,
    src_pod: &str,
    dst_pod: &str,
    src_sa: &(String, String),
    dst_sa: &(String, String),
    targets: &[Value],
    route_groups: &BTreeSet<String>,
) -> Outcome {
    let context = format!("Verify traffic policy allows pod {src_pod:?} to reach pod {dst_pod:?}");
    if permissive {
        return Outcome::success(context).with_reason(
            "Permissive traffic policy mode is enabled: every meshed pod may reach every other",
        );
    }
    let allowing = allowing_targets(targets, src_sa, dst_sa);
    if allowing.is_empty() {
        return Outcome::failure(
            context,
            format!(
                "No SMI TrafficTarget in namespace {:?} allows ServiceAccount {}/{} to reach ServiceAccount {}/{} (permissive mode is off)",
                dst_sa.0, src_sa.0, src_sa.1, dst_sa.0, dst_sa.1
            ),
            format!(
                "Create a TrafficTarget in namespace {} with destination ServiceAccount {} and source ServiceAccount {}/{}, and an HTTPRouteGroup for its rules",
                dst_sa.0, dst_sa.1, src_sa.0, src_sa.1
            ),
        );
    }
    let mut names = Vec::new();
    let mut missing = Vec::new();
    for t in &allowing {
        let ns = t["metadata"]["namespace"].as_str().unwrap_or_default();
        names.push(t["metadata"]["name"].as_str().unwrap_or_default().to_string());
        for rule in t["spec"]["rules"].as_array().into_iter().flatten() {
            let (kind, name) =
                (rule["kind"].as_str().unwrap_or_default(), rule["name"].as_str().unwrap_or_default());
            if kind == "HTTPRouteGroup" && !route_groups.contains(&format!("{ns}/{name}")) {
                missing.push(format!(
                    "HTTPRouteGroup {ns}/{name} (named by TrafficTarget {})",
                    t["metadata"]["name"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    if !missing.is_empty() {
        return Outcome::failure(
            context,
            format!(
                "TrafficTarget {} allows the pods, but its rules name routes that do not exist: {}",
                names.join(", "),
                missing.join(", ")
            ),
            "Create the missing HTTPRouteGroups, or fix the rules' names",
        );
    }
    Outcome::success(context).with_reason(format!("Allowed by SMI TrafficTarget {}", names.join(", ")))
}

/// Names of the listeners and clusters in an Envoy `/config_dump` (v3 admin JSON: the
/// ListenersConfigDump's `dynamic_listeners[].name` and the ClustersConfigDump's
/// `dynamic_active_clusters[].cluster.name` / `static_clusters[].cluster.name`).
pub fn dump_names(dump: &Value) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut listeners = BTreeSet::new();
    let mut clusters = BTreeSet::new();
    for config in dump["configs"].as_array().into_iter().flatten() {
        for l in config["dynamic_listeners"].as_array().into_iter().flatten() {
            if let Some(name) = l["name"].as_str() {
                listeners.insert(name.to_string());
            }
        }
        for l in config["static_listeners"].as_array().into_iter().flatten() {
            if let Some(name) = l["listener"]["name"].as_str() {
                listeners.insert(name.to_string());
            }
        }
        for key in ["dynamic_active_clusters", "static_clusters"] {
            for c in config[key].as_array().into_iter().flatten() {
                if let Some(name) = c["cluster"]["name"].as_str() {
                    clusters.insert(name.to_string());
                }
            }
        }
    }
    (listeners, clusters)
}

/// `EnvoyConfigVerifier.verifySource|verifyDestination`, reduced to what the config dump's
/// names say: the listener OSM programs and the cluster of each service port
/// (`ns/svc|port` outbound on the source, `ns/svc|port|local` inbound on the destination).
pub fn envoy_config(
    side: &str,
    pod: &str,
    dump: Result<&Value, String>,
    listener: &str,
    wanted_clusters: &[String],
) -> Outcome {
    let context = format!("Verify Envoy config on {side}");
    let dump = match dump {
        Ok(d) => d,
        Err(e) => {
            return Outcome::unknown(
                context,
                format!("Error retrieving Envoy config for pod {pod:?}, err: {e}"),
            );
        }
    };
    let (listeners, clusters) = dump_names(dump);
    if !listeners.contains(listener) {
        return Outcome::failure(
            context,
            format!("Listener {listener:?} not found on {side} pod {pod:?}"),
            Remedy::CheckControllerLogs,
        );
    }
    let missing: Vec<&String> = wanted_clusters.iter().filter(|c| !clusters.contains(*c)).collect();
    if !missing.is_empty() {
        return Outcome::failure(
            context,
            format!(
                "Did not find cluster(s) {} on {side} pod {pod:?}",
                missing.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ")
            ),
            "Check the traffic policy and that the Service has endpoints; the control plane programs clusters only for allowed traffic",
        );
    }
    Outcome::success(context)
}

/// `IngressBackendVerifier`: the IngressBackend has a backend on the port and protocol, and
/// lets the ingress Service in (no sources lets everyone in, with the Go CLI's warning).
pub fn ingress_backend(
    name: &str,
    backend: Option<&Value>,
    port: u16,
    protocol: &str,
    ingress_service: &(String, String),
) -> Outcome {
    let context = format!("Verify IngressBackend {name:?}");
    let Some(ib) = backend else {
        return Outcome::failure(
            context,
            format!("IngressBackend {name:?} not found"),
            format!("Confirm IngressBackend {name:?} exists"),
        );
    };
    let backends = ib["spec"]["backends"].as_array().cloned().unwrap_or_default();
    if backends.is_empty() {
        return Outcome::failure(
            context,
            format!("No backends detected for IngressBackend {name:?}"),
            format!("Add a valid backend for IngressBackend {name:?}"),
        );
    }
    let matching = backends.iter().any(|b| {
        b["port"]["number"].as_u64() == Some(port.into()) && b["port"]["protocol"].as_str() == Some(protocol)
    });
    if !matching {
        return Outcome::failure(
            context,
            format!(
                "No backend matching port {port} and protocol {protocol} found in IngressBackend {name:?}"
            ),
            format!(
                "Add a backend matching port {port} and protocol {protocol} found in IngressBackend {name:?}"
            ),
        );
    }
    let sources = ib["spec"]["sources"].as_array().cloned().unwrap_or_default();
    if sources.is_empty() {
        let mut out = Outcome::success(context);
        out.suggestion = "Allowing HTTP ingress without sources is insecure; use IngressBackend.Spec.Sources to restrict clients".into();
        return out;
    }
    let (svc_ns, svc) = ingress_service;
    if !sources
        .iter()
        .any(|s| s["kind"] == "Service" && s["namespace"] == svc_ns.as_str() && s["name"] == svc.as_str())
    {
        return Outcome::failure(
            context,
            format!("No source matching service \"{svc_ns}/{svc}\" found in IngressBackend {name:?}"),
            format!("Add a source for service \"{svc_ns}/{svc}\" in IngressBackend {name:?}"),
        );
    }
    Outcome::success(context)
}

/// `policy.DetectIngressBackendConflicts`: two IngressBackends naming the same backend
/// (name and port number) conflict. Each pair once, in the Go CLI's words.
pub fn ingress_backend_conflicts(items: &[Value]) -> Vec<(String, String, Vec<String>)> {
    let key = |b: &Value| {
        (b["name"].as_str().unwrap_or_default().to_string(), b["port"]["number"].as_i64().unwrap_or_default())
    };
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        for y in &items[i + 1..] {
            let (xn, yn) = (
                x["metadata"]["name"].as_str().unwrap_or_default(),
                y["metadata"]["name"].as_str().unwrap_or_default(),
            );
            let xs: BTreeSet<_> = x["spec"]["backends"].as_array().into_iter().flatten().map(key).collect();
            let ys: BTreeSet<_> = y["spec"]["backends"].as_array().into_iter().flatten().map(key).collect();
            let conflicts: Vec<String> = xs
                .intersection(&ys)
                .map(|(name, _)| format!("Backend {name} specified in {xn} and {yn} conflicts"))
                .collect();
            if !conflicts.is_empty() {
                out.push((xn.to_string(), yn.to_string(), conflicts));
            }
        }
    }
    out
}

/// UpstreamTrafficSettings conflict when they name the same `spec.host`: OSM's admission
/// validator refuses the second (`pkg/validator/validators.go`, upstreamTrafficSettingValidator),
/// so such a pair exists only if one was created while the validator was not running.
pub fn upstream_traffic_setting_conflicts(items: &[Value]) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        for y in &items[i + 1..] {
            let (xn, yn) = (
                x["metadata"]["name"].as_str().unwrap_or_default(),
                y["metadata"]["name"].as_str().unwrap_or_default(),
            );
            let host = x["spec"]["host"].as_str().unwrap_or_default();
            if !host.is_empty() && y["spec"]["host"].as_str() == Some(host) {
                out.push((
                    xn.to_string(),
                    yn.to_string(),
                    vec![format!("Host {host} specified in {xn} and {yn} conflicts")],
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sa(ns: &str, name: &str) -> (String, String) {
        (ns.to_string(), name.to_string())
    }

    #[test]
    fn print_layout() {
        let result = Outcome::set(
            "Verify X",
            vec![Outcome::success("step one"), Outcome::failure("step two", "broken", "fix it")],
        );
        let text = result.text();
        assert!(text.starts_with("---------------------------------------------\n[+] Context: Verify X\nStatus: Failure\nReason: A verification step failed\n"), "{text}");
        assert!(
            text.contains("[++] Context: step two\nStatus: Failure\nReason: broken\nSuggestion: fix it\n"),
            "{text}"
        );
        let ok = Outcome::set("Verify Y", vec![Outcome::success("a")]).text();
        assert!(!ok.contains("[++]"), "nested steps of a success are not printed: {ok}");
    }

    #[test]
    fn traffic_targets() {
        let targets = vec![json!({"metadata": {"name": "tt", "namespace": "store"},
            "spec": {"destination": {"kind": "ServiceAccount", "name": "store", "namespace": "store"},
                     "sources": [{"kind": "ServiceAccount", "name": "buyer", "namespace": "buyer"}],
                     "rules": [{"kind": "HTTPRouteGroup", "name": "routes", "matches": ["all"]}]}})];
        let groups: BTreeSet<String> = ["store/routes".to_string()].into();
        let ok =
            traffic_policy(false, "a", "b", &sa("buyer", "buyer"), &sa("store", "store"), &targets, &groups);
        assert_eq!(ok.status, Status::Success);
        assert!(ok.reason.contains("TrafficTarget tt"));
        let denied =
            traffic_policy(false, "a", "b", &sa("thief", "thief"), &sa("store", "store"), &targets, &groups);
        assert_eq!(denied.status, Status::Failure);
        assert!(denied.reason.contains("thief/thief"));
        let no_routes = traffic_policy(
            false,
            "a",
            "b",
            &sa("buyer", "buyer"),
            &sa("store", "store"),
            &targets,
            &BTreeSet::new(),
        );
        assert!(no_routes.reason.contains("HTTPRouteGroup store/routes"));
        assert_eq!(
            traffic_policy(true, "a", "b", &sa("x", "x"), &sa("y", "y"), &[], &groups).status,
            Status::Success
        );
    }

    #[test]
    fn envoy_dump() {
        let dump = json!({"configs": [
            {"dynamic_listeners": [{"name": "outbound-listener"}]},
            {"dynamic_active_clusters": [{"cluster": {"name": "store/store|14001"}}]}]});
        let wanted = vec!["store/store|14001".to_string()];
        assert_eq!(
            envoy_config("source", "p", Ok(&dump), OUTBOUND_LISTENER, &wanted).status,
            Status::Success
        );
        assert_eq!(
            envoy_config("destination", "p", Ok(&dump), INBOUND_LISTENER, &[]).status,
            Status::Failure
        );
        let missing =
            envoy_config("source", "p", Ok(&dump), OUTBOUND_LISTENER, &["store/other|80".to_string()]);
        assert!(missing.reason.contains("store/other|80"));
        assert_eq!(
            envoy_config("source", "p", Err("no answer".into()), OUTBOUND_LISTENER, &[]).status,
            Status::Unknown
        );
    }

    #[test]
    fn services_and_ports() {
        let svc = json!({"spec": {"selector": {"app": "store"}, "ports": [{"port": 80, "targetPort": "http"}, {"port": 81, "targetPort": 9000}]}});
        let pod = json!({"metadata": {"labels": {"app": "store", "v": "1"}}, "spec": {"containers": [{"ports": [{"name": "http", "containerPort": 14001}]}]}});
        assert!(selects(&svc, &pod));
        assert_eq!(target_ports(&svc, &pod), vec![14001, 9000]);
        assert!(!selects(&json!({"spec": {"selector": {"app": "other"}}}), &pod));
    }

    #[test]
    fn ingress_backends() {
        let ib = json!({"spec": {"backends": [{"name": "web", "port": {"number": 80, "protocol": "http"}}],
            "sources": [{"kind": "Service", "name": "nginx", "namespace": "ingress"}]}});
        let src = sa("ingress", "nginx");
        assert_eq!(ingress_backend("ib", Some(&ib), 80, "http", &src).status, Status::Success);
        assert_eq!(ingress_backend("ib", Some(&ib), 81, "http", &src).status, Status::Failure);
        assert_eq!(ingress_backend("ib", Some(&ib), 80, "http", &sa("other", "x")).status, Status::Failure);
        assert_eq!(ingress_backend("ib", None, 80, "http", &src).status, Status::Failure);
        let a = json!({"metadata": {"name": "a"}, "spec": {"backends": [{"name": "web", "port": {"number": 80}}]}});
        let b = json!({"metadata": {"name": "b"}, "spec": {"backends": [{"name": "web", "port": {"number": 80}}, {"name": "api", "port": {"number": 80}}]}});
        let c = json!({"metadata": {"name": "c"}, "spec": {"backends": [{"name": "web", "port": {"number": 81}}]}});
        let found = ingress_backend_conflicts(&[a, b, c]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2, vec!["Backend web specified in a and b conflicts".to_string()]);
    }

    #[test]
    fn upstream_settings() {
        let a = json!({"metadata": {"name": "a"}, "spec": {"host": "web.shop.svc.cluster.local"}});
        let b = json!({"metadata": {"name": "b"}, "spec": {"host": "web.shop.svc.cluster.local"}});
        let c = json!({"metadata": {"name": "c"}, "spec": {"host": "api.shop.svc.cluster.local"}});
        assert_eq!(upstream_traffic_setting_conflicts(&[a, b, c]).len(), 1);
    }

    #[test]
    fn namespaces_and_sidecars() {
        let ns = json!({"metadata": {"labels": {"openservicemesh.io/monitored-by": "osm"}}});
        assert_eq!(namespace_monitored("a", Some(&ns), "osm").status, Status::Success);
        assert!(namespace_monitored("a", Some(&ns), "other").reason.contains("got \"osm\""));
        assert_eq!(namespace_monitored("a", Some(&json!({})), "osm").status, Status::Failure);
        let pod = json!({"spec": {"containers": [{"name": "app"}, {"name": "envoy"}]}});
        assert_eq!(sidecar("p", Some(&pod), true).status, Status::Success);
        assert_eq!(sidecar("p", Some(&pod), false).status, Status::Failure);
    }
}
