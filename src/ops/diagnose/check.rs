//! Runs the checks of [`crate::model::health`] against a cluster: reads what each check needs and
//! turns a failed read into a failed check, so one broken part never hides the others.

use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::admissionregistration::v1::{
    MutatingWebhookConfiguration, ValidatingWebhookConfiguration,
};
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Namespace, Pod, Service};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::{Resource, ResourceExt};
use serde_json::Value;

use crate::cluster::{Cluster, Select, access, logs, wait};
use crate::error::{Error, Result};

use crate::model::health::{self, Category, Check, DeploymentState, Report};
use crate::model::input::{Input, Remedy};
use crate::model::osm::chart::{self, Capabilities, Overrides, Release};
use crate::model::osm::keys::{
    APP_INSTANCE_LABEL, APP_LABEL, BOOTSTRAP_APP, CONTROLLER_APP, INJECTOR_APP, MESH_CONFIG_NAME,
    MONITORED_BY_LABEL, SIDECAR_INJECTION_ANNOTATION,
};
use crate::model::smi::TrafficSplit;
use crate::ops::discovery;

/// Which mesh the checks are about.
#[derive(Debug, Clone)]
pub struct Scope {
    pub osm_namespace: String,
    /// Pre-install: the name the mesh would get. Post-install: the mesh to check, or `None` for
    /// the one running in `osm_namespace`.
    pub mesh_name: Option<String>,
}

pub(crate) fn category(name: &str, checks: Vec<Check>) -> Category {
    Category { category_name: name.to_string(), checks }
}

/// The first category of both runs: a client could be built and the API server answers. The
/// server's version is returned when it answered.
pub(crate) async fn api_checks(cluster: std::result::Result<&Cluster, &Error>) -> (Category, Option<String>) {
    let mut checks = Vec::new();
    let cluster = match cluster {
        Ok(c) => {
            checks.push(Check::pass("k8s-api", format!("can build a client for {}", c.server)));
            c
        }
        Err(e) => {
            checks.push(Check::unreadable("k8s-api", "can build a client from the kubeconfig", e));
            return (category("kubernetes-api", checks), None);
        }
    };
    match cluster.server_version().await {
        Ok(info) => {
            checks.push(Check::pass("k8s-api", "can query the Kubernetes API"));
            (category("kubernetes-api", checks), Some(info.git_version))
        }
        Err(e) => {
            checks.push(Check::unreadable("k8s-api", "can query the Kubernetes API", &e));
            (category("kubernetes-api", checks), None)
        }
    }
}

/// `osm check --pre`: may `osm install` go ahead here?
pub async fn pre(cluster: std::result::Result<&Cluster, &Error>, scope: &Scope) -> Report {
    let (api, version) = api_checks(cluster).await;
    let (Ok(cluster), Some(version)) = (cluster, version) else {
        return Report::new(vec![api]);
    };
    let mut categories =
        vec![api, category("kubernetes-version", vec![health::kubernetes_version(&version)])];

    let mesh =
        scope.mesh_name.clone().unwrap_or_else(|| crate::model::osm::keys::DEFAULT_MESH_NAME.to_string());
    let rbac = match install_permissions(cluster, &mesh, &scope.osm_namespace).await {
        Ok(missing) => {
            let user = cluster
                .user
                .as_deref()
                .map(|u| format!("user \"{u}\""))
                .unwrap_or_else(|| "the current user".into());
            let missing: Vec<String> = missing.iter().map(access::Permission::describe).collect();
            health::permissions(&user, &missing)
        }
        Err(e) => Check::unreadable("pre-rbac", health::permissions_description(), &e),
    };
    categories.push(category("pre-install permissions", vec![rbac]));

    let meshes = async {
        let osm: Vec<(String, String)> =
            discovery::list_meshes(cluster).await?.into_iter().map(|m| (m.name, m.namespace)).collect();
        let others: Vec<(String, String)> = discovery::list_other_control_planes(cluster)
            .await?
            .into_iter()
            .map(|p| (p.kind.to_string(), p.namespace))
            .collect();
        Ok::<_, Error>(health::other_meshes(&osm, &others))
    }
    .await
    .unwrap_or_else(|e| Check::unreadable("pre-no-mesh", "no other service mesh is installed", &e));

    let what = format!("reading namespace {}", scope.osm_namespace);
    let namespace = match cluster.get::<Namespace>(&scope.osm_namespace, &what).await {
        Ok(ns) => health::namespace_usable(&scope.osm_namespace, ns.map(to_json).as_ref()),
        Err(e) => Check::unreadable(
            "pre-namespace",
            format!("namespace {} is absent or active", scope.osm_namespace),
            &e,
        ),
    };
    let crds = match live_crds(cluster).await {
        Ok(live) => health::crds_compatible(&chart::crds::all(), &live),
        Err(e) => Check::unreadable("pre-crds", "OSM's CRDs are absent or compatible", &e),
    };
    categories.push(category("pre-install cluster state", vec![meshes, namespace, crds]));
    Report::new(categories)
}

/// The permissions installing the default chart for this mesh and namespace needs, that the
/// current user lacks.
async fn install_permissions(
    cluster: &Cluster,
    mesh: &str,
    namespace: &str,
) -> Result<Vec<access::Permission>> {
    let overrides = Overrides { mesh_name: Some(mesh.to_string()), ..Overrides::default() };
    let values = chart::values::resolve(&[&overrides.to_tree()?])?;
    let release = Release { name: mesh.to_string(), namespace: namespace.to_string() };
    let caps = Capabilities { api_versions: access::served_api_versions(cluster).await? };
    let rendered = chart::render(&values, &release, &caps)?;
    access::missing_permissions(cluster, &access::permissions_to_apply(&rendered.all())).await
}

/// Every CRD of OSM's groups, by name.
async fn live_crds(cluster: &Cluster) -> Result<BTreeMap<String, Value>> {
    let wanted: BTreeSet<String> = chart::crds::all()
        .iter()
        .filter_map(|c| c["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    let list: Vec<CustomResourceDefinition> =
        cluster.list(Select::ALL, "listing CustomResourceDefinitions").await?;
    Ok(list
        .into_iter()
        .filter(|c| wanted.contains(&c.name_any()))
        .map(|c| (c.name_any(), to_json(c)))
        .collect())
}

fn to_json<T: serde::Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// `osm check`: is the installed mesh healthy?
pub async fn post(cluster: std::result::Result<&Cluster, &Error>, scope: &Scope) -> Report {
    let (api, version) = api_checks(cluster).await;
    let (Ok(cluster), Some(_)) = (cluster, version) else {
        return Report::new(vec![api]);
    };
    let mut categories = vec![api];
    let ns = scope.osm_namespace.as_str();

    // The mesh itself: an osm-controller Deployment in the namespace.
    let description = format!("a mesh's control plane runs in namespace {ns}");
    let mesh = match discovery::list_meshes(cluster).await {
        Err(e) => Err(Check::unreadable("control-plane-exists", description.clone(), &e)),
        Ok(meshes) => {
            let here: Vec<_> = meshes
                .iter()
                .filter(|m| m.namespace == ns && scope.mesh_name.as_ref().is_none_or(|n| *n == m.name))
                .collect();
            match here.first() {
                Some(m) => Ok((*m).clone()),
                None => {
                    let elsewhere: Vec<String> = meshes
                        .iter()
                        .map(|m| format!("mesh {} runs in namespace {}", m.name, m.namespace))
                        .collect();
                    let hint = if elsewhere.is_empty() {
                        Remedy::InstallOneOsm.to_string()
                    } else {
                        format!(
                            "pass the mesh's namespace with {} (and its name with {})",
                            Input::OsmNamespace,
                            Input::MeshName
                        )
                    };
                    let mut details = vec![format!(
                        "no osm-controller Deployment{} in namespace {ns}",
                        scope.mesh_name.as_ref().map(|n| format!(" of mesh {n}")).unwrap_or_default()
                    )];
                    details.extend(elsewhere);
                    Err(Check::fail("control-plane-exists", description.clone(), details, hint))
                }
            }
        }
    };
    let mesh = match mesh {
        Ok(m) => m,
        Err(check) => {
            categories.push(category("control-plane", vec![check]));
            return Report::new(categories);
        }
    };
    let exists = Check::pass(
        "control-plane-exists",
        format!("mesh {} ({}) runs in namespace {ns}", mesh.name, mesh.version),
    );
    let (available, deployments) = match control_plane_states(cluster, ns, &mesh.name).await {
        Ok((states, deployments)) => (health::deployments_available(ns, &states), deployments),
        Err(e) => (
            Check::unreadable(
                "control-plane-available",
                format!("control-plane Deployments in {ns} are available"),
                &e,
            ),
            vec![],
        ),
    };
    categories.push(category("control-plane", vec![exists, available]));

    // Webhooks: their names are the components' arguments (osm-injector --webhook-config-name,
    // osm-controller --validator-webhook-config), defaulting as OSM v1.2.4's chart does.
    let injector_name = arg_of(&deployments, INJECTOR_APP, "--webhook-config-name")
        .unwrap_or_else(|| format!("osm-webhook-{}", mesh.name));
    let validator_name = arg_of(&deployments, CONTROLLER_APP, "--validator-webhook-config")
        .unwrap_or_else(|| format!("osm-validator-mesh-{}", mesh.name));
    let webhooks = match webhook_checks(cluster, &injector_name, &validator_name).await {
        Ok(checks) => checks,
        Err(e) => vec![Check::unreadable("webhook-injector", "the mesh's webhooks are in place", &e)],
    };
    categories.push(category("webhooks", webhooks));

    let expected: Vec<String> = chart::crds::all()
        .iter()
        .filter_map(|c| c["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    let crds = match live_crds(cluster).await {
        Ok(live) => health::crds_established(&expected, &live),
        Err(e) => vec![Check::unreadable("crds-established", "OSM's CRDs exist and are established", &e)],
    };
    categories.push(category("CRDs", crds));

    let mesh_config =
        match cluster.objects().get_if_served(&crate::ops::mesh_config::mesh_config_in(ns)).await {
            Ok(object) => health::mesh_config(ns, object.as_ref()),
            Err(e) => Check::unreadable(
                "meshconfig-valid",
                format!("MeshConfig {ns}/{MESH_CONFIG_NAME} is valid"),
                &e,
            ),
        };
    categories.push(category("MeshConfig", vec![mesh_config]));

    let data_plane = match data_plane_checks(cluster, &mesh.name).await {
        Ok(checks) => checks,
        Err(e) => {
            vec![Check::unreadable("data-plane-injected", "pods in monitored namespaces have sidecars", &e)]
        }
    };
    categories.push(category("data-plane", data_plane));
    Report::new(categories)
}

/// The mesh's Deployments (labelled with its instance, plus the three core components by
/// name) and, for each unready one, its pods' problems; a crash-looping container's last log
/// line is added to its reason.
async fn control_plane_states(
    cluster: &Cluster,
    ns: &str,
    mesh: &str,
) -> Result<(Vec<DeploymentState>, Vec<Deployment>)> {
    let selector = format!("{APP_INSTANCE_LABEL}={mesh}");
    deployment_states(cluster, ns, &selector, &[BOOTSTRAP_APP, CONTROLLER_APP, INJECTOR_APP]).await
}

/// The Deployments of `ns` matching `selector` plus those named in `required` (absent ones are
/// reported missing), and for each unready one its pods' problems.
pub(crate) async fn deployment_states(
    cluster: &Cluster,
    ns: &str,
    selector: &str,
    required: &[&str],
) -> Result<(Vec<DeploymentState>, Vec<Deployment>)> {
    let what = format!("reading the Deployments in {ns}");
    let list: Vec<Deployment> = cluster.list_in(ns, Select::labels(selector), &what).await?;
    let mut names: BTreeSet<String> = required.iter().map(|s| s.to_string()).collect();
    names.extend(list.iter().map(|d| d.name_any()));
    let mut states = Vec::new();
    for name in names {
        let Some(deployment) = list.iter().find(|d| d.name_any() == name) else {
            states.push(DeploymentState { name, ready: None, problems: vec![] });
            continue;
        };
        if wait::deployment_ready(deployment) {
            states.push(DeploymentState { name, ready: Some(true), problems: vec![] });
            continue;
        }
        let app = deployment
            .spec
            .as_ref()
            .and_then(|s| s.selector.match_labels.as_ref())
            .and_then(|l| l.get(APP_LABEL).cloned())
            .unwrap_or_else(|| name.clone());
        let selector = format!("{APP_LABEL}={app}");
        let what = format!("reading the pods in {ns}");
        let pod_list: Vec<Pod> = cluster.list_in(ns, Select::labels(&selector), &what).await?;
        let mut problems = Vec::new();
        for pod in &pod_list {
            let Some(mut why) = wait::pod_problem(pod) else { continue };
            if let Some(container) = crash_looping_container(pod)
                && let Some(line) = logs::last_line(cluster, ns, &pod.name_any(), &container).await
            {
                why.push_str(&format!("; last log line: {line}"));
            }
            problems.push((pod.name_any(), why));
        }
        states.push(DeploymentState { name, ready: Some(false), problems });
    }
    Ok((states, list))
}

fn crash_looping_container(pod: &Pod) -> Option<String> {
    let status = pod.status.as_ref()?;
    status
        .container_statuses
        .iter()
        .flatten()
        .chain(status.init_container_statuses.iter().flatten())
        .find(|cs| {
            cs.state.as_ref().and_then(|s| s.waiting.as_ref()).and_then(|w| w.reason.as_deref())
                == Some("CrashLoopBackOff")
        })
        .map(|cs| cs.name.clone())
}

/// The value of `flag` among the arguments of Deployment `app`'s first container.
fn arg_of(deployments: &[Deployment], app: &str, flag: &str) -> Option<String> {
    let d = deployments.iter().find(|d| d.name_any() == app)?;
    let container = d.spec.as_ref()?.template.spec.as_ref()?.containers.first()?;
    let args = container.args.as_ref()?;
    let prefix = format!("{flag}=");
    args.iter().enumerate().find_map(|(i, a)| {
        if a == flag { args.get(i + 1).cloned() } else { a.strip_prefix(&prefix).map(str::to_string) }
    })
}

async fn webhook_checks(cluster: &Cluster, injector: &str, validator: &str) -> Result<Vec<Check>> {
    let m: Option<MutatingWebhookConfiguration> =
        cluster.get(injector, &format!("reading MutatingWebhookConfiguration {injector}")).await?;
    let v: Option<ValidatingWebhookConfiguration> =
        cluster.get(validator, &format!("reading ValidatingWebhookConfiguration {validator}")).await?;
    // The Services of the namespaces the webhooks point at.
    let namespaces: BTreeSet<String> = [m.as_ref().map(to_json), v.as_ref().map(to_json)]
        .iter()
        .flatten()
        .flat_map(|c| c["webhooks"].as_array().cloned().unwrap_or_default())
        .filter_map(|h| h["clientConfig"]["service"]["namespace"].as_str().map(str::to_string))
        .collect();
    let services = service_keys(cluster, &namespaces).await?;
    Ok(vec![
        health::webhook(
            "webhook-injector",
            "sidecar-injection webhook",
            injector,
            m.map(to_json).as_ref(),
            &services,
        ),
        health::webhook(
            "webhook-validator",
            "validating webhook",
            validator,
            v.map(to_json).as_ref(),
            &services,
        ),
    ])
}

/// The Services of these namespaces as `namespace/name` (namespace by namespace, so a large
/// cluster's Services are not all read, and namespace-scoped permissions suffice).
async fn service_keys(cluster: &Cluster, namespaces: &BTreeSet<String>) -> Result<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    for ns in namespaces {
        let list: Vec<Service> =
            cluster.list_in(ns, Select::ALL, &format!("listing the Services in {ns}")).await?;
        keys.extend(list.iter().map(|s| format!("{ns}/{}", s.name_any())));
    }
    Ok(keys)
}

async fn data_plane_checks(cluster: &Cluster, mesh: &str) -> Result<Vec<Check>> {
    let selector = format!("{MONITORED_BY_LABEL}={mesh}");
    let monitored: Vec<Namespace> =
        cluster.list(Select::labels(&selector), "listing the monitored namespaces").await?;
    let mut uninjected = Vec::new();
    let mut splits = Vec::new();
    let (split_version, split_kind) = (TrafficSplit::api_version(&()), TrafficSplit::kind(&()));
    for ns in &monitored {
        let name = ns.name_any();
        let disabled = ns.annotations().get(SIDECAR_INJECTION_ANNOTATION).is_some_and(|v| v == "disabled");
        if !disabled {
            let list: Vec<Pod> =
                cluster.list_in(&name, Select::ALL, &format!("listing the pods in {name}")).await?;
            let json: Vec<Value> = list.into_iter().map(to_json).collect();
            uninjected.extend(health::uninjected_pods(&name, &json));
        }
        splits.extend(
            cluster.objects().list_if_served(&split_version, &split_kind, Some(&name), Select::ALL).await?,
        );
    }
    // Backends live in the split's namespace; a root may name another (`svc.ns`).
    let mut namespaces: BTreeSet<String> = monitored.iter().map(|n| n.name_any()).collect();
    namespaces.extend(
        splits.iter().filter_map(|s| s["spec"]["service"].as_str()?.split('.').nth(1).map(str::to_string)),
    );
    let services = service_keys(cluster, &namespaces).await?;
    Ok(vec![health::injection(monitored.len(), uninjected), health::traffic_splits(&splits, &services)])
}
