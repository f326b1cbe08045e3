//! The reads behind `osm verify connectivity|control-plane-health|ingress` (OSM v1.2.4's
//! `pkg/cli/verifier`), each step judged by `model::osm::verify`.

use std::collections::BTreeSet;

use k8s_openapi::api::core::v1::{Namespace, Pod, Service};
use kube::{Resource, ResourceExt};
use serde_json::Value;

use crate::cluster::{Cluster, ObjectRef, Select, envoy, wait};
use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};
use crate::model::osm::keys::{
    APP_LABEL, BOOTSTRAP_APP, CONTROLLER_APP, INJECTOR_APP, MESH_CONFIG_NAME, PROXY_UUID_LABEL,
};
use crate::model::osm::policy;
use crate::model::osm::verify::{self, INBOUND_LISTENER, OUTBOUND_LISTENER, Outcome};
use crate::model::smi;

/// `constants.OSMHTTPServerPort`: where the control-plane components serve their health.
const HEALTH_PORT: u16 = 9091;

/// `verify connectivity`: from a pod to a pod behind a Service, or to an external host and port.
pub struct Connectivity {
    pub from_pod: (String, String),
    pub to_pod: Option<(String, String)>,
    pub to_service: Option<String>,
    pub app_protocol: String,
    pub to_ext_port: Option<u16>,
    pub to_ext_host: Option<String>,
    pub mesh_name: String,
}

/// `verify ingress`: from an ingress Service to a pod through an IngressBackend.
pub struct Ingress {
    pub from_service: (String, String),
    pub to_pod: (String, String),
    pub to_service: String,
    pub ingress_backend: String,
    pub to_port: u16,
    pub app_protocol: String,
    pub mesh_name: String,
}

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

async fn get_pod(cluster: &Cluster, ns: &str, name: &str) -> Result<Option<Value>> {
    Ok(cluster.get_in::<Pod>(ns, name, &format!("reading pod {ns}/{name}")).await?.map(json))
}

async fn get_namespace(cluster: &Cluster, name: &str) -> Result<Option<Value>> {
    Ok(cluster.get::<Namespace>(name, &format!("reading namespace {name}")).await?.map(json))
}

async fn get_service(cluster: &Cluster, ns: &str, name: &str) -> Result<Option<Value>> {
    Ok(cluster.get_in::<Service>(ns, name, &format!("reading service {ns}/{name}")).await?.map(json))
}

/// The MeshConfig in `--osm-namespace`, as the Go CLI reads it.
async fn mesh_config(osm_namespace: &str, cluster: &Cluster) -> Result<Value> {
    let ns = osm_namespace;
    cluster.objects().get_if_served(&crate::ops::mesh_config::mesh_config_in(ns)).await?.ok_or_else(|| {
        Error::invalid(format!("there is no MeshConfig {MESH_CONFIG_NAME} in namespace {ns}"))
            .with_hint(Remedy::PassOsmNamespace)
    })
}

/// A pod's ServiceAccount as (namespace, name).
fn service_account(ns: &str, pod: Option<&Value>) -> (String, String) {
    let name = pod.and_then(|p| p["spec"]["serviceAccountName"].as_str()).unwrap_or("default");
    (ns.to_string(), name.to_string())
}

/// The sidecar's config dump, when the pod has a sidecar and runs.
async fn config_dump(
    cluster: &Cluster,
    ns: &str,
    name: &str,
    pod: Option<&Value>,
) -> std::result::Result<Value, String> {
    let Some(pod) = pod else { return Err("the pod does not exist".into()) };
    if pod["metadata"]["labels"][PROXY_UUID_LABEL].is_null() {
        return Err(format!("the pod has no Envoy sidecar (no {PROXY_UUID_LABEL} label)"));
    }
    if pod["status"]["phase"] != "Running" {
        return Err(format!(
            "the pod is {}, not Running",
            pod["status"]["phase"].as_str().unwrap_or("Pending")
        ));
    }
    let body = envoy::admin(cluster, ns, name, envoy::Method::Get, "config_dump", None, &|_| {})
        .await
        .map_err(|e| e.message)?;
    serde_json::from_slice(&body).map_err(|e| format!("the config dump is not JSON: {e}"))
}

pub async fn connectivity(cluster: &Cluster, osm_namespace: &str, args: &Connectivity) -> Result<Outcome> {
    let config = mesh_config(osm_namespace, cluster).await?;
    let (src_ns, src_name) = &args.from_pod;
    let src = get_pod(cluster, src_ns, src_name).await?;
    let src_label = format!("{src_ns}/{src_name}");
    let mut steps = vec![verify::namespace_monitored(
        src_ns,
        get_namespace(cluster, src_ns).await?.as_ref(),
        &args.mesh_name,
    )];

    let Some((dst_ns, dst_name)) = &args.to_pod else {
        // Egress: `EgressConnectivityVerifier`, with the policy that allows the destination.
        let port = args.to_ext_port.unwrap_or_default();
        let host = args.to_ext_host.clone().unwrap_or_default();
        steps.push(verify::sidecar(&src_label, src.as_ref(), true));
        steps.push(
            egress_policy(
                cluster,
                &config,
                src_ns,
                src.as_ref(),
                &src_label,
                port,
                &host,
                &args.app_protocol,
            )
            .await?,
        );
        let context = format!(
            "Verify if pod {src_label:?} can access external host {host:?} on port {port} ({})",
            args.app_protocol
        );
        return Ok(Outcome::set(context, steps));
    };
    let svc_name = args.to_service.clone().unwrap_or_default();
    let dst_label = format!("{dst_ns}/{dst_name}");
    let dst = get_pod(cluster, dst_ns, dst_name).await?;
    let service = get_service(cluster, dst_ns, &svc_name).await?;
    steps.push(verify::namespace_monitored(
        dst_ns,
        get_namespace(cluster, dst_ns).await?.as_ref(),
        &args.mesh_name,
    ));
    steps.push(verify::sidecar(&src_label, src.as_ref(), true));
    steps.push(verify::sidecar(&dst_label, dst.as_ref(), true));
    steps.push(verify::destination_service(
        &format!("{dst_ns}/{svc_name}"),
        service.as_ref(),
        &dst_label,
        dst.as_ref(),
    ));

    let permissive =
        config["spec"]["traffic"]["enablePermissiveTrafficPolicyMode"].as_bool().unwrap_or(false);
    let targets = cluster
        .objects()
        .list_if_served(
            &smi::TrafficTarget::api_version(&()),
            &smi::TrafficTarget::kind(&()),
            Some(dst_ns),
            Select::ALL,
        )
        .await?;
    let groups: BTreeSet<String> = cluster
        .objects()
        .list_if_served(
            &smi::HTTPRouteGroup::api_version(&()),
            &smi::HTTPRouteGroup::kind(&()),
            Some(dst_ns),
            Select::ALL,
        )
        .await?
        .iter()
        .map(|g| {
            format!(
                "{}/{}",
                g["metadata"]["namespace"].as_str().unwrap_or_default(),
                g["metadata"]["name"].as_str().unwrap_or_default()
            )
        })
        .collect();
    steps.push(verify::traffic_policy(
        permissive,
        &src_label,
        &dst_label,
        &service_account(src_ns, src.as_ref()),
        &service_account(dst_ns, dst.as_ref()),
        &targets,
        &groups,
    ));

    let ports = match (&service, &dst) {
        (Some(s), Some(d)) => verify::target_ports(s, d),
        _ => vec![],
    };
    let outbound: Vec<String> = ports.iter().map(|p| format!("{dst_ns}/{svc_name}|{p}")).collect();
    let local: Vec<String> = ports.iter().map(|p| format!("{dst_ns}/{svc_name}|{p}|local")).collect();
    let src_dump = config_dump(cluster, src_ns, src_name, src.as_ref()).await;
    let dst_dump = config_dump(cluster, dst_ns, dst_name, dst.as_ref()).await;
    steps.push(verify::envoy_config(
        "source",
        &src_label,
        src_dump.as_ref().map_err(Clone::clone),
        OUTBOUND_LISTENER,
        &outbound,
    ));
    steps.push(verify::envoy_config(
        "destination",
        &dst_label,
        dst_dump.as_ref().map_err(Clone::clone),
        INBOUND_LISTENER,
        &local,
    ));
    let context = format!(
        "Verify if pod {src_label:?} can access pod {dst_label:?} for service \"{dst_ns}/{svc_name}\""
    );
    Ok(Outcome::set(context, steps))
}

/// Egress is allowed by MeshConfig `traffic.enableEgress`, or by an Egress policy of the source
/// namespace naming the source's ServiceAccount and the port (and host, when given).
#[allow(clippy::too_many_arguments)]
async fn egress_policy(
    cluster: &Cluster,
    config: &Value,
    src_ns: &str,
    src: Option<&Value>,
    src_label: &str,
    port: u16,
    host: &str,
    protocol: &str,
) -> Result<Outcome> {
    let context = format!("Verify egress policy allows pod {src_label:?} to reach port {port}");
    if config["spec"]["traffic"]["enableEgress"].as_bool().unwrap_or(false) {
        return Ok(Outcome::success(context)
            .with_reason("Global egress is enabled in the MeshConfig (traffic.enableEgress)"));
    }
    let sa = service_account(src_ns, src);
    let policies = cluster
        .objects()
        .list_if_served(
            &policy::Egress::api_version(&()),
            &policy::Egress::kind(&()),
            Some(src_ns),
            Select::ALL,
        )
        .await?;
    let allowing: Vec<String> = policies
        .iter()
        .filter(|p| {
            let sources = p["spec"]["sources"].as_array().into_iter().flatten();
            let source_ok = sources.clone().any(|s| {
                s["kind"] == "ServiceAccount"
                    && s["name"] == sa.1.as_str()
                    && s["namespace"].as_str().unwrap_or(src_ns) == sa.0
            });
            let port_ok = p["spec"]["ports"].as_array().into_iter().flatten().any(|pp| {
                pp["number"].as_u64() == Some(port.into())
                    && pp["protocol"].as_str().is_none_or(|pr| pr.eq_ignore_ascii_case(protocol))
            });
            let hosts: Vec<&str> =
                p["spec"]["hosts"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            let host_ok = host.is_empty() || hosts.is_empty() || hosts.contains(&host);
            source_ok && port_ok && host_ok
        })
        .map(|p| p["metadata"]["name"].as_str().unwrap_or_default().to_string())
        .collect();
    if allowing.is_empty() {
        return Ok(Outcome::failure(
            context,
            format!(
                "Global egress is disabled and no Egress policy in namespace {src_ns:?} allows ServiceAccount {}/{} to port {port}{}",
                sa.0,
                sa.1,
                if host.is_empty() { String::new() } else { format!(" of {host}") }
            ),
            Remedy::AllowEgress {
                namespace: src_ns.to_string(),
                service_account: sa.1.clone(),
                port: port.to_string(),
                protocol: protocol.to_string(),
            },
        ));
    }
    Ok(Outcome::success(context).with_reason(format!("Allowed by Egress policy {}", allowing.join(", "))))
}

pub async fn control_plane(cluster: &Cluster, osm_namespace: &str) -> Result<Outcome> {
    let ns = osm_namespace;
    let mut status_steps = Vec::new();
    let mut probe_steps = Vec::new();
    // `ControlPlaneHealthVerifier`: readiness, then the liveness endpoints (controller
    // /health/alive, injector and bootstrap /healthz, all on port 9091).
    for (app, path) in
        [(CONTROLLER_APP, "/health/alive"), (INJECTOR_APP, "/healthz"), (BOOTSTRAP_APP, "/healthz")]
    {
        let selector = format!("{APP_LABEL}={app}");
        let what = format!("listing the pods of {app} in {ns}");
        let listed: Vec<Pod> = cluster.list_in(ns, Select::labels(&selector), &what).await?;
        let status_context = format!("Verify readiness status of pod for app {ns}/{app}");
        let probe_context = format!("Verify health probes of pod for app {ns}/{app}");
        if listed.is_empty() {
            let reason = format!("No pods found for app {ns}/{app}");
            status_steps.push(Outcome::failure(status_context, reason.clone(), Remedy::CheckDeployment));
            probe_steps.push(Outcome::failure(probe_context, reason, Remedy::CheckDeployment));
            continue;
        }
        let problems: Vec<String> = listed
            .iter()
            .filter_map(|p| wait::pod_problem(p).map(|why| format!("{ns}/{}: {why}", p.name_any())))
            .collect();
        status_steps.push(if problems.is_empty() {
            Outcome::success(status_context)
        } else {
            Outcome::failure(
                status_context,
                format!("Pod not ready: {}", problems.join(", ")),
                Remedy::DescribeAppPods { namespace: ns.to_string(), app: app.to_string() },
            )
        });
        let mut failures = Vec::new();
        for pod in &listed {
            let name = pod.name_any();
            if let Err(e) =
                envoy::pod_http(cluster, ns, &name, HEALTH_PORT, envoy::Method::Get, path, None, &|_| {})
                    .await
            {
                failures.push(format!("HTTP probe failed for pod {ns}/{name}: {}", e.message));
            }
        }
        probe_steps.push(if failures.is_empty() {
            Outcome::success(probe_context)
        } else {
            Outcome::failure(
                probe_context,
                format!("Probe failure: {}", failures.join(", ")),
                Remedy::ReadAppLog { namespace: ns.to_string(), app: app.to_string() },
            )
        });
    }
    status_steps.extend(probe_steps);
    Ok(Outcome::set("Verify the health of OSM control plane", status_steps))
}

pub async fn ingress(cluster: &Cluster, osm_namespace: &str, args: &Ingress) -> Result<Outcome> {
    // As the Go CLI, refuse early when --osm-namespace holds no mesh.
    mesh_config(osm_namespace, cluster).await?;
    let (svc_ns, svc_name) = &args.from_service;
    let (dst_ns, dst_name) = &args.to_pod;
    let dst_label = format!("{dst_ns}/{dst_name}");
    let context = format!(
        "Verify if service \"{svc_ns}/{svc_name}\" can access pod {dst_label:?} for app protocol {:?} via ingress",
        args.app_protocol
    );
    if args.app_protocol != "http" {
        return Ok(Outcome::failure(
            context,
            format!("Ingress verifier only supports the following protocol(s): {:?}", "http"),
            format!("Pass {} http", Input::AppProtocol),
        ));
    }
    let Some(source) = get_service(cluster, svc_ns, svc_name).await? else {
        return Ok(Outcome::failure(
            context,
            format!("Error retrieving source ingress service \"{svc_ns}/{svc_name}\": not found"),
            format!("Pass the ingress controller's Service with {} NAMESPACE/NAME", Input::FromService),
        ));
    };
    let selector: Vec<String> = source["spec"]["selector"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default())).collect())
        .unwrap_or_default();
    let ingress_pods: Vec<Pod> = if selector.is_empty() {
        vec![]
    } else {
        let what = format!("listing the pods of service {svc_ns}/{svc_name}");
        cluster.list_in(svc_ns, Select::labels(&selector.join(",")), &what).await?
    };
    let mut steps = vec![
        verify::namespace_monitored(svc_ns, get_namespace(cluster, svc_ns).await?.as_ref(), &args.mesh_name),
        verify::namespace_monitored(dst_ns, get_namespace(cluster, dst_ns).await?.as_ref(), &args.mesh_name),
    ];
    for pod in &ingress_pods {
        let label = format!("{svc_ns}/{}", pod.name_any());
        steps.push(verify::sidecar(&label, Some(&json(pod)), false));
    }
    let dst = get_pod(cluster, dst_ns, dst_name).await?;
    steps.push(verify::sidecar(&dst_label, dst.as_ref(), true));
    let backend = cluster
        .objects()
        .get_if_served(&ObjectRef::to::<policy::IngressBackend>(Some(dst_ns), &args.ingress_backend))
        .await?;
    steps.push(verify::ingress_backend(
        &format!("{dst_ns}/{}", args.ingress_backend),
        backend.as_ref(),
        args.to_port,
        &args.app_protocol,
        &(svc_ns.clone(), svc_name.clone()),
    ));
    let service = get_service(cluster, dst_ns, &args.to_service).await?;
    let ports = match (&service, &dst) {
        (Some(s), Some(d)) => verify::target_ports(s, d),
        _ => vec![args.to_port.into()],
    };
    let local: Vec<String> =
        ports.iter().map(|p| format!("{dst_ns}/{}|{p}|local", args.to_service)).collect();
    let dump = config_dump(cluster, dst_ns, dst_name, dst.as_ref()).await;
    steps.push(verify::envoy_config(
        "destination",
        &dst_label,
        dump.as_ref().map_err(Clone::clone),
        INBOUND_LISTENER,
        &local,
    ));
    Ok(Outcome::set(context, steps))
}
