//! `osm support bug-report`'s collection, after the Go CLI's (`pkg/bugreport` of OSM v1.2.4:
//! control-plane logs, events, the mesh's objects, app namespaces' pods and their Envoy config
//! dumps, `osm version`). Everything passes through `model::osm::redact` first; Secrets are never read.
//! A part that cannot be collected does not stop the report: it is listed in `not-collected.txt`.

use std::collections::BTreeSet;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{ConfigMap, Event, Namespace, Pod};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::core::ApiResource;
use kube::{Resource, ResourceExt};
use serde::Serialize;
use serde_json::Value;

use crate::cluster::{Cluster, Select, envoy, logs};
use crate::error::{Error, Result};
use crate::model::osm::keys::{APP_INSTANCE_LABEL, MESH_CONFIG_NAME, MONITORED_BY_LABEL, PROXY_UUID_LABEL};
use crate::model::osm::redact;
use crate::model::smi;

use super::check::{self, Scope};
use crate::model::input::Command;
use crate::ops::discovery;

/// What to collect, as the command line asks.
pub struct Request {
    pub osm_namespace: String,
    pub mesh_name: Option<String>,
    pub app_namespaces: Vec<String>,
    pub app_pods: Vec<(String, String)>,
    pub app_deployments: Vec<(String, String)>,
    /// Every monitored namespace as well as those named.
    pub all: bool,
    pub ingress: bool,
    /// The version `osm version` prints for the client.
    pub client_version: String,
    /// How the report's tables are laid out (the terminal's tables, as `osm version` prints them).
    pub table: fn(&[&str], Vec<Vec<String>>) -> String,
}

/// The archive being written: files in order, and what could not be collected.
pub struct Report {
    pub files: Vec<(String, Vec<u8>)>,
    pub missing: Vec<String>,
}

impl Report {
    fn text(&mut self, path: impl Into<String>, text: &str) {
        self.files.push((path.into(), redact::text(text).into_bytes()));
    }

    /// Objects as YAML, redacted.
    fn objects<T: Serialize>(&mut self, path: impl Into<String>, items: &[T]) {
        let mut values: Vec<Value> = items.iter().filter_map(|i| serde_json::to_value(i).ok()).collect();
        values.iter_mut().for_each(redact::value);
        let yaml = values
            .iter()
            .map(|v| serde_saphyr::to_string(v).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("---\n");
        self.files.push((path.into(), yaml.into_bytes()));
    }

    fn failed(&mut self, what: impl std::fmt::Display, err: &Error) {
        self.missing.push(redact::text(&format!("{what}: {}", err.message)));
    }

    /// Runs a collection step, recording its failure instead of returning it.
    fn record<T>(&mut self, what: &str, result: Result<T>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.failed(what, &e);
                None
            }
        }
    }
}

/// Collects every part `request` asks for, naming each step through `step` as it starts; the
/// README comes first and `not-collected.txt` lists what could not be read.
pub async fn collect(cluster: &Cluster, request: &Request, step: &dyn Fn(&str)) -> Report {
    let ns = request.osm_namespace.clone();
    let mut report = Report { files: Vec::new(), missing: Vec::new() };

    // The mesh, if one runs here; the report goes on without one.
    let meshes =
        report.record("the meshes (osm-controller Deployments)", discovery::list_meshes(cluster).await);
    let mesh = meshes.as_ref().and_then(|ms| {
        ms.iter()
            .find(|m| m.namespace == ns && request.mesh_name.as_ref().is_none_or(|n| *n == m.name))
            .cloned()
    });
    if mesh.is_none() {
        report.missing.push(format!("no mesh runs in namespace {ns}: control-plane parts are missing"));
    }

    step(&format!("{} and {}", Command::Version, Command::Check));
    report.text("version.txt", &version_text(cluster, request, meshes.as_deref().unwrap_or_default()).await);
    let scope = Scope { osm_namespace: ns.clone(), mesh_name: mesh.as_ref().map(|m| m.name.clone()) };
    let check = check::post(Ok(cluster), &scope).await;
    report.text("check.txt", &check.text(false));

    step(&format!("control plane in {ns}"));
    collect_namespace(cluster, &mut report, &ns, "control-plane", None, true).await;
    let mesh_config = cluster.objects().get_if_served(&crate::ops::mesh_config::mesh_config_in(&ns)).await;
    if let Some(found) = report.record("the MeshConfig", mesh_config) {
        match found {
            Some(object) => report.objects("control-plane/meshconfig.yaml", &[object]),
            None => report.missing.push(format!("MeshConfig {ns}/{MESH_CONFIG_NAME} does not exist")),
        }
    }
    let crd_list = cluster.list::<CustomResourceDefinition>(Select::ALL, "listing CRDs").await;
    if let Some(list) = report.record("the CRD list", crd_list) {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|c| {
                let versions: Vec<String> = c.spec.versions.iter().map(|v| v.name.clone()).collect();
                let stored = c.status.as_ref().and_then(|s| s.stored_versions.clone()).unwrap_or_default();
                vec![c.name_any(), versions.join(","), stored.join(",")]
            })
            .collect();
        report.text("crds.txt", &(request.table)(&["NAME", "VERSIONS", "STORED"], rows));
    }
    if let Some(mesh) = &mesh {
        let webhooks =
            cluster_objects_by_label(cluster, &format!("{APP_INSTANCE_LABEL}={}", mesh.name)).await;
        if let Some(objects) = report.record("the mesh's webhook configurations", webhooks) {
            report.objects("control-plane/webhooks.yaml", &objects);
        }
    }

    // Application namespaces: the monitored ones (with --all or no --app-* flag) plus those named.
    let mut app_namespaces: BTreeSet<String> = request.app_namespaces.iter().cloned().collect();
    let explicit = !request.app_namespaces.is_empty()
        || !request.app_pods.is_empty()
        || !request.app_deployments.is_empty();
    if (request.all || !explicit)
        && let Some(mesh) = &mesh
    {
        let selector = format!("{MONITORED_BY_LABEL}={}", mesh.name);
        let listed =
            cluster.list::<Namespace>(Select::labels(&selector), "listing the monitored namespaces").await;
        if let Some(list) = report.record("the monitored namespaces", listed) {
            app_namespaces.extend(list.iter().map(|n| n.name_any()));
        }
    }
    for app_ns in &app_namespaces {
        step(&format!("namespace {app_ns}"));
        collect_namespace(cluster, &mut report, app_ns, &format!("namespaces/{app_ns}"), None, false).await;
        collect_policies(cluster, &mut report, app_ns, request.ingress).await;
    }
    for (pod_ns, pod) in &request.app_pods {
        step(&format!("pod {pod_ns}/{pod}"));
        collect_namespace(
            cluster,
            &mut report,
            pod_ns,
            &format!("namespaces/{pod_ns}"),
            Some(PodFilter::Name(pod.clone())),
            false,
        )
        .await;
    }
    for (dep_ns, name) in &request.app_deployments {
        step(&format!("deployment {dep_ns}/{name}"));
        let found =
            cluster.get_in::<Deployment>(dep_ns, name, &format!("reading Deployment {dep_ns}/{name}")).await;
        match report.record(&format!("Deployment {dep_ns}/{name}"), found) {
            Some(Some(d)) => {
                let selector =
                    d.spec.as_ref().and_then(|s| s.selector.match_labels.clone()).unwrap_or_default();
                let selector: Vec<String> = selector.iter().map(|(k, v)| format!("{k}={v}")).collect();
                report.objects(format!("namespaces/{dep_ns}/deployment-{name}.yaml"), &[d]);
                let filter = PodFilter::Selector(selector.join(","));
                collect_namespace(
                    cluster,
                    &mut report,
                    dep_ns,
                    &format!("namespaces/{dep_ns}"),
                    Some(filter),
                    false,
                )
                .await;
            }
            Some(None) => report.missing.push(format!("Deployment {dep_ns}/{name} does not exist")),
            None => {}
        }
    }

    let mut readme = format!(
        "{} {}\ncontrol-plane namespace: {ns}\nmesh: {}\napplication namespaces: {}\n\n\
         Secrets are not collected. Values that look like credentials are replaced by {}.\n\
         Read the files before sharing them.\n",
        Command::BugReport,
        request.client_version,
        mesh.as_ref().map(|m| m.name.as_str()).unwrap_or("(none found)"),
        if app_namespaces.is_empty() {
            "(none)".to_string()
        } else {
            app_namespaces.iter().cloned().collect::<Vec<_>>().join(", ")
        },
        redact::REDACTED
    );
    if !report.missing.is_empty() {
        readme.push_str(&format!(
            "\n{} parts could not be collected: see not-collected.txt\n",
            report.missing.len()
        ));
        let text = report.missing.join("\n") + "\n";
        report.files.push(("not-collected.txt".into(), text.into_bytes()));
    }
    report.files.insert(0, ("README.txt".into(), readme.into_bytes()));
    report
}

enum PodFilter {
    Name(String),
    Selector(String),
}

/// A namespace's pods, events, Deployments and ConfigMaps (the control plane's, or an app
/// namespace's), each pod's container logs (the previous instance's too), and the Envoy config
/// dump of each pod with a sidecar.
async fn collect_namespace(
    cluster: &Cluster,
    report: &mut Report,
    ns: &str,
    dir: &str,
    filter: Option<PodFilter>,
    control_plane: bool,
) {
    let by_name = match &filter {
        Some(PodFilter::Name(n)) => format!("metadata.name={n}"),
        _ => String::new(),
    };
    let select = match &filter {
        Some(PodFilter::Selector(s)) => Select::labels(s),
        Some(PodFilter::Name(_)) => Select::fields(&by_name),
        None => Select::ALL,
    };
    let pods = cluster.list_in::<Pod>(ns, select, &format!("listing the pods in {ns}")).await;
    let Some(pods) = report.record(&format!("the pods of {ns}"), pods) else { return };
    if let Some(PodFilter::Name(n)) = &filter
        && pods.is_empty()
    {
        report.missing.push(format!("pod {ns}/{n} does not exist"));
        return;
    }
    let suffix = match &filter {
        Some(PodFilter::Name(n)) => format!("-{n}"),
        Some(PodFilter::Selector(_)) => "-selected".to_string(),
        None => String::new(),
    };
    report.objects(format!("{dir}/pods{suffix}.yaml"), &pods);
    if filter.is_none() {
        let listed = cluster.list_in::<Event>(ns, Select::ALL, &format!("listing the events in {ns}")).await;
        if let Some(list) = report.record(&format!("the events of {ns}"), listed) {
            report.objects(format!("{dir}/events.yaml"), &list);
        }
        let what = format!("listing the Deployments in {ns}");
        let listed = cluster.list_in::<Deployment>(ns, Select::ALL, &what).await;
        if let Some(list) = report.record(&format!("the Deployments of {ns}"), listed) {
            report.objects(format!("{dir}/deployments.yaml"), &list);
        }
        let what = format!("listing the ConfigMaps in {ns}");
        let listed = cluster.list_in::<ConfigMap>(ns, Select::ALL, &what).await;
        if let Some(list) = report.record(&format!("the ConfigMaps of {ns}"), listed) {
            report.objects(format!("{dir}/configmaps.yaml"), &list);
        }
    }
    for pod in &pods {
        let name = pod.name_any();
        let statuses = pod.status.as_ref().and_then(|s| s.container_statuses.clone()).unwrap_or_default();
        let containers: Vec<String> = pod
            .spec
            .as_ref()
            .map(|s| s.containers.iter().map(|c| c.name.clone()).collect())
            .unwrap_or_default();
        // App pods: the sidecar's log is the mesh's part; the control plane: every container.
        for container in containers.iter().filter(|c| control_plane || *c == "envoy") {
            let log = logs::container_log(cluster, ns, &name, container, false, Some(5000)).await;
            if let Some(text) = report.record(&format!("the log of {ns}/{name} container {container}"), log) {
                report.text(format!("{dir}/logs/{name}/{container}.log"), &text);
            }
            let restarted = statuses.iter().any(|s| s.name == *container && s.restart_count > 0);
            if restarted {
                let log = logs::container_log(cluster, ns, &name, container, true, Some(5000)).await;
                if let Some(text) =
                    report.record(&format!("the previous log of {ns}/{name} container {container}"), log)
                {
                    report.text(format!("{dir}/logs/{name}/{container}.previous.log"), &text);
                }
            }
        }
        let meshed = pod.labels().contains_key(PROXY_UUID_LABEL);
        let running = pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running");
        if meshed && running {
            let dump =
                envoy::admin(cluster, ns, &name, envoy::Method::Get, "config_dump", None, &|_| {}).await;
            if let Some(body) = report.record(&format!("the Envoy config dump of {ns}/{name}"), dump) {
                let text = String::from_utf8_lossy(&body);
                let redacted = match serde_json::from_str::<Value>(&text) {
                    Ok(mut value) => {
                        redact::value(&mut value);
                        serde_json::to_string_pretty(&value).unwrap_or_default()
                    }
                    Err(_) => redact::text(&text),
                };
                report.files.push((format!("{dir}/envoy/{name}.config_dump.json"), redacted.into_bytes()));
            }
        } else if meshed {
            report.missing.push(format!("the Envoy config dump of {ns}/{name}: the pod is not Running"));
        }
    }
}

/// SMI and OSM policies of an app namespace, where their kinds are served.
async fn collect_policies(cluster: &Cluster, report: &mut Report, ns: &str, ingress: bool) {
    let mut kinds: Vec<ApiResource> = vec![
        ApiResource::erase::<smi::TrafficSplit>(&()),
        ApiResource::erase::<smi::TrafficTarget>(&()),
        ApiResource::erase::<smi::HTTPRouteGroup>(&()),
        ApiResource::erase::<smi::TCPRoute>(&()),
        ApiResource::erase::<crate::model::osm::policy::Egress>(&()),
        ApiResource::erase::<crate::model::osm::policy::UpstreamTrafficSetting>(&()),
    ];
    if ingress {
        kinds.push(ApiResource::erase::<crate::model::osm::policy::IngressBackend>(&()));
        kinds.push(ApiResource::erase::<k8s_openapi::api::networking::v1::Ingress>(&()));
    }
    for kind in kinds {
        let listed =
            cluster.objects().list_if_served(&kind.api_version, &kind.kind, Some(ns), Select::ALL).await;
        if let Some(items) = report.record(&format!("the {} of {ns}", kind.plural), listed)
            && !items.is_empty()
        {
            report.objects(format!("namespaces/{ns}/{}.yaml", kind.plural), &items);
        }
    }
}

/// Cluster-scoped webhook configurations carrying `label`.
async fn cluster_objects_by_label(cluster: &Cluster, label: &str) -> Result<Vec<Value>> {
    use k8s_openapi::api::admissionregistration::v1::{
        MutatingWebhookConfiguration, ValidatingWebhookConfiguration,
    };
    let m: Vec<MutatingWebhookConfiguration> =
        cluster.list(Select::labels(label), "listing MutatingWebhookConfigurations").await?;
    let v: Vec<ValidatingWebhookConfiguration> =
        cluster.list(Select::labels(label), "listing ValidatingWebhookConfigurations").await?;
    let mut out: Vec<Value> = m.into_iter().map(with_kind).collect();
    out.extend(v.into_iter().map(with_kind));
    Ok(out)
}

fn with_kind<K: Resource<DynamicType = ()> + Serialize>(object: K) -> Value {
    let mut value = serde_json::to_value(&object).unwrap_or(Value::Null);
    value["apiVersion"] = Value::String(K::api_version(&()).to_string());
    value["kind"] = Value::String(K::kind(&()).to_string());
    value
}

/// What `osm version` prints, in its words.
async fn version_text(cluster: &Cluster, request: &Request, meshes: &[discovery::Mesh]) -> String {
    let mut lines = vec![
        format!("CLI Version:        {}", request.client_version),
        format!("Git Commit:         {}", env!("OSM_GIT_COMMIT")),
        format!("Build Date:         {}", env!("OSM_BUILD_DATE")),
    ];
    match cluster.server_version().await {
        Ok(info) => lines.push(format!("Kubernetes Server:  {} ({})", info.git_version, info.platform)),
        Err(e) => lines.push(format!("Kubernetes Server:  unknown ({})", e.message)),
    }
    lines.push(String::new());
    if meshes.is_empty() {
        lines.push("No mesh is installed in this cluster.".into());
    } else {
        let rows =
            meshes.iter().map(|m| vec![m.name.clone(), m.namespace.clone(), m.version.clone()]).collect();
        lines.push((request.table)(&["MESH NAME", "MESH NAMESPACE", "VERSION"], rows));
    }
    lines.join("\n") + "\n"
}
