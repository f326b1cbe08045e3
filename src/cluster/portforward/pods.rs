//! Which pods a target stands for and which of them can take traffic: the target resolved to a
//! pod name or a label selector, the newest usable pod picked, its container ports mapped.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Pod, Service, ServicePort};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use kube::ResourceExt;
use kube::api::{Api, ListParams};

use super::Active;
use super::target::{PortSpec, RemotePort, Target, TargetKind};
use crate::cluster::Cluster;
use crate::error::{Error, Result};
use crate::model::input::Remedy;

/// How pods of the target are found again after the forwarded one goes away.
#[derive(Debug, Clone)]
pub(super) enum PodSource {
    Named(String),
    Selector(String),
}

/// A target resolved to its pods and, for services, its ports.
#[derive(Debug, Clone)]
pub(super) struct Resolved {
    /// `deployment/bookbuyer`, for messages.
    pub(super) describe: String,
    pub(super) source: PodSource,
    pub(super) service_ports: Option<Vec<ServicePort>>,
    /// Whether a pod must be Ready, or Running is enough.
    pub(super) require_ready: bool,
}

/// Looks the target up once, at the start: a deployment or service is followed through its
/// selector afterwards, so a rollout's new pods are found without naming them.
pub(super) async fn resolve_target(cluster: &Cluster, namespace: &str, target: &Target) -> Result<Resolved> {
    let client = cluster.client.clone();
    let doing = |what: &str| format!("looking up {what} {} in namespace {namespace}", target.name);
    match target.kind {
        TargetKind::Pod => {
            let pods: Api<Pod> = Api::namespaced(client, namespace);
            if pods.get_opt(&target.name).await.map_err(cluster.err(doing("pod")))?.is_none() {
                return Err(Error::invalid(format!(
                    "pod {} not found in namespace {namespace}",
                    target.name
                ))
                .with_hint(Remedy::ListResource {
                    resource: "pods".into(),
                    namespace: namespace.to_string(),
                }));
            }
            Ok(Resolved {
                describe: format!("pod/{}", target.name),
                source: PodSource::Named(target.name.clone()),
                service_ports: None,
                require_ready: true,
            })
        }
        TargetKind::Deployment | TargetKind::Bare => {
            let deployments: Api<Deployment> = Api::namespaced(client.clone(), namespace);
            match deployments.get_opt(&target.name).await.map_err(cluster.err(doing("deployment")))? {
                Some(deployment) => {
                    let selector =
                        deployment.spec.as_ref().map(|s| selector_string(&s.selector)).unwrap_or_default();
                    Ok(Resolved {
                        describe: format!("deployment/{}", target.name),
                        source: PodSource::Selector(selector),
                        service_ports: None,
                        require_ready: true,
                    })
                }
                None if target.kind == TargetKind::Bare => {
                    let pods: Api<Pod> = Api::namespaced(client, namespace);
                    if pods.get_opt(&target.name).await.map_err(cluster.err(doing("pod")))?.is_none() {
                        return Err(Error::invalid(format!(
                            "no deployment or pod named {} in namespace {namespace}",
                            target.name
                        ))
                        .with_hint(Remedy::NameTargetKind {
                            name: target.name.clone(),
                            namespace: namespace.to_string(),
                        }));
                    }
                    Ok(Resolved {
                        describe: format!("pod/{}", target.name),
                        source: PodSource::Named(target.name.clone()),
                        service_ports: None,
                        require_ready: true,
                    })
                }
                None => Err(Error::invalid(format!(
                    "deployment {} not found in namespace {namespace}",
                    target.name
                ))
                .with_hint(Remedy::ListResource {
                    resource: "deployments".into(),
                    namespace: namespace.to_string(),
                })),
            }
        }
        TargetKind::Service => {
            let services: Api<Service> = Api::namespaced(client, namespace);
            let Some(service) =
                services.get_opt(&target.name).await.map_err(cluster.err(doing("service")))?
            else {
                return Err(Error::invalid(format!(
                    "service {} not found in namespace {namespace}",
                    target.name
                ))
                .with_hint(Remedy::ListResource {
                    resource: "services".into(),
                    namespace: namespace.to_string(),
                }));
            };
            let spec = service.spec.unwrap_or_default();
            let selector = spec.selector.unwrap_or_default();
            if selector.is_empty() {
                return Err(Error::invalid(format!(
                    "service {} has no selector, so no pod to forward to",
                    target.name
                ))
                .with_hint("forward to one of the pods behind it instead: pod/NAME"));
            }
            let selector = selector.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",");
            Ok(Resolved {
                describe: format!("service/{}", target.name),
                source: PodSource::Selector(selector),
                service_ports: Some(spec.ports.unwrap_or_default()),
                require_ready: true,
            })
        }
    }
}

/// A Deployment's selector is structured, but listing pods takes the text form; matchExpressions
/// count too, or a workload selecting by expression would match pods of others.
pub fn selector_string(selector: &LabelSelector) -> String {
    let mut parts: Vec<String> =
        selector.match_labels.iter().flatten().map(|(k, v)| format!("{k}={v}")).collect();
    for expr in selector.match_expressions.iter().flatten() {
        let values = expr.values.clone().unwrap_or_default().join(",");
        parts.push(match expr.operator.as_str() {
            "In" => format!("{} in ({values})", expr.key),
            "NotIn" => format!("{} notin ({values})", expr.key),
            "Exists" => expr.key.clone(),
            _ => format!("!{}", expr.key),
        });
    }
    parts.join(",")
}

/// Chooses the pod to forward to, at the start and whenever the current one goes away, so both
/// follow the same rule: Running and Ready (or Running only, for a sidecar's admin port), newest
/// first; and maps every port spec onto that pod, as a named port can differ between pods.
pub(super) async fn pick(
    cluster: &Cluster,
    pods: &Api<Pod>,
    namespace: &str,
    resolved: &Resolved,
    specs: &[PortSpec],
) -> Result<Active> {
    let candidates: Vec<Pod> = match &resolved.source {
        PodSource::Named(name) => pods
            .get_opt(name)
            .await
            .map_err(cluster.err(format!("reading pod {name}")))?
            .into_iter()
            .collect(),
        PodSource::Selector(selector) => {
            pods.list(&ListParams::default().labels(selector))
                .await
                .map_err(cluster.err(format!("listing the pods of {}", resolved.describe)))?
                .items
        }
    };
    if candidates.is_empty() {
        let which = match &resolved.source {
            PodSource::Named(name) => format!("pod {name} does not exist (any more)"),
            PodSource::Selector(selector) => {
                format!("no pods match {} (selector {selector}) in namespace {namespace}", resolved.describe)
            }
        };
        return Err(Error::invalid(which).with_hint(Remedy::ScaledUp { namespace: namespace.to_string() }));
    }
    let usable = |p: &Pod| {
        if resolved.require_ready {
            is_ready(p)
        } else {
            is_running(p) && p.metadata.deletion_timestamp.is_none()
        }
    };
    let mut ready: Vec<&Pod> = candidates.iter().filter(|p| usable(p)).collect();
    // The newest ready pod: during a rollout, the one that stays.
    ready.sort_by_key(|p| std::cmp::Reverse(p.creation_timestamp().map(|t| t.0)));
    let Some(pod) = ready.first() else {
        let states: Vec<String> =
            candidates.iter().map(|p| format!("{} ({})", p.name_any(), why_not_ready(p))).collect();
        return Err(Error::invalid(format!(
            "no pod of {} is Running and Ready: {}",
            resolved.describe,
            states.join(", ")
        ))
        .with_hint(Remedy::DescribePodWhy {
            namespace: namespace.to_string(),
            pod: candidates[0].name_any(),
        }));
    };
    let ports =
        specs.iter().map(|spec| container_port(pod, resolved, &spec.remote)).collect::<Result<Vec<_>>>()?;
    Ok(Active { pod: pod.name_any(), ports })
}

fn container_port(pod: &Pod, resolved: &Resolved, remote: &RemotePort) -> Result<u16> {
    let declared: Vec<(Option<String>, u16)> = pod
        .spec
        .iter()
        .flat_map(|s| &s.containers)
        .flat_map(|c| c.ports.iter().flatten())
        .filter_map(|p| Some((p.name.clone(), u16::try_from(p.container_port).ok()?)))
        .collect();
    let by_name = |name: &str, what: &str| {
        declared.iter().find(|(n, _)| n.as_deref() == Some(name)).map(|(_, p)| *p).ok_or_else(|| {
            let names: Vec<String> =
                declared.iter().filter_map(|(n, p)| n.as_ref().map(|n| format!("{n} ({p})"))).collect();
            Error::invalid(format!("pod {} has no container port named {name:?}{what}", pod.name_any()))
                .with_hint(if names.is_empty() {
                    "its containers declare no named ports; use the port number".to_string()
                } else {
                    format!("named ports of the pod: {}", names.join(", "))
                })
        })
    };
    let Some(service_ports) = &resolved.service_ports else {
        return match remote {
            RemotePort::Number(n) => Ok(*n),
            RemotePort::Name(name) => by_name(name, ""),
        };
    };
    let port = service_port(resolved, service_ports, remote)?;
    let number = |n: i32| {
        u16::try_from(n).map_err(|_| {
            Error::invalid(format!(
                "{} declares port {n}, which is not a TCP port (1-65535)",
                resolved.describe
            ))
        })
    };
    match &port.target_port {
        None => number(port.port),
        Some(IntOrString::Int(n)) => number(*n),
        Some(IntOrString::String(name)) => {
            by_name(name, &format!(" (target of {} port {})", resolved.describe, port.port))
        }
    }
}

pub(super) fn service_port<'a>(
    resolved: &Resolved,
    service_ports: &'a [ServicePort],
    remote: &RemotePort,
) -> Result<&'a ServicePort> {
    let port = service_ports.iter().find(|p| match remote {
        RemotePort::Number(n) => p.port == i32::from(*n),
        RemotePort::Name(name) => p.name.as_deref() == Some(name),
    });
    port.ok_or_else(|| {
        let known: Vec<String> = service_ports
            .iter()
            .map(|p| match &p.name {
                Some(name) => format!("{} ({name})", p.port),
                None => p.port.to_string(),
            })
            .collect();
        Error::invalid(format!("{} has no port {remote}", resolved.describe))
            .with_hint(format!("its ports: {}", known.join(", ")))
    })
}

pub(super) fn phase(pod: &Pod) -> String {
    pod.status.as_ref().and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into())
}

pub(super) fn is_running(pod: &Pod) -> bool {
    phase(pod) == "Running"
}

/// Traffic only goes to pods that are Running, Ready and not terminating: the same rule the
/// Service endpoints use, so a forward never reaches a pod the workload itself would not serve from.
pub fn is_ready(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_none()
        && is_running(pod)
        && pod
            .status
            .iter()
            .flat_map(|s| s.conditions.iter().flatten())
            .any(|c| c.type_ == "Ready" && c.status == "True")
}

/// When no pod is usable the user needs the reason in one line per pod, e.g. `Pending:
/// Unschedulable` or `Running, not ready: CrashLoopBackOff`, not a pointer to `kubectl describe`.
pub fn why_not_ready(pod: &Pod) -> String {
    if pod.metadata.deletion_timestamp.is_some() {
        return "Terminating".into();
    }
    let status = pod.status.clone().unwrap_or_default();
    let waiting: Vec<String> = status
        .container_statuses
        .iter()
        .flatten()
        .filter_map(|c| c.state.as_ref()?.waiting.as_ref()?.reason.clone())
        .collect();
    let scheduled =
        status.conditions.iter().flatten().find(|c| c.type_ == "PodScheduled" && c.status == "False");
    let phase = phase(pod);
    let mut text = if phase == "Running" { "Running, not ready".to_string() } else { phase };
    let mut reasons: BTreeMap<String, ()> = BTreeMap::new();
    if let Some(c) = scheduled {
        reasons.insert(c.reason.clone().unwrap_or_else(|| "not scheduled".into()), ());
    }
    for reason in waiting {
        reasons.insert(reason, ());
    }
    if !reasons.is_empty() {
        text.push_str(": ");
        text.push_str(&reasons.into_keys().collect::<Vec<_>>().join(", "));
    }
    text
}
