//! Finding meshes: a mesh exists where a Deployment labelled `app=osm-controller` carries
//! `meshName=<name>`, in any namespace (the AKS add-on runs it in `kube-system`). Istio and
//! Linkerd control planes are found too, for `osm mesh list`.

use k8s_openapi::api::apps::v1::Deployment;
use kube::ResourceExt;
use serde::Serialize;

use crate::cluster::{Cluster, Select};
use crate::error::{Error, Result};

use crate::model::input::{Input, Remedy};
use crate::model::istio::keys as istio_keys;
use crate::model::osm::keys::{APP_LABEL, APP_VERSION_LABEL, CONTROLLER_APP, MESH_NAME_LABEL};

/// A mesh as seen through its controller Deployment.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mesh {
    pub name: String,
    /// The control-plane namespace.
    pub namespace: String,
    /// The control plane's version (`app.kubernetes.io/version`, else the controller image tag).
    pub version: String,
}

/// Every osm-controller Deployment in the cluster: one per mesh.
pub async fn controller_deployments(cluster: &Cluster) -> Result<Vec<Deployment>> {
    let selector = format!("{APP_LABEL}={CONTROLLER_APP}");
    // A mesh's controller Deployment changes only on install, upgrade and uninstall: the cached
    // list spares every command the wait for the cache after unrelated writes.
    cluster
        .list(Select::labels(&selector).from_cache(), "looking for meshes (osm-controller Deployments)")
        .await
}

/// Every mesh in the cluster, sorted by name.
pub async fn list_meshes(cluster: &Cluster) -> Result<Vec<Mesh>> {
    let mut meshes: Vec<Mesh> = controller_deployments(cluster)
        .await?
        .iter()
        .filter_map(|d| {
            let name = d.labels().get(MESH_NAME_LABEL)?.clone();
            Some(Mesh { name, namespace: d.namespace().unwrap_or_default(), version: version_of("osm", d) })
        })
        .collect();
    meshes.sort_by(|a, b| a.name.cmp(&b.name).then(a.namespace.cmp(&b.namespace)));
    Ok(meshes)
}

/// A control plane of another mesh, found by its Deployments.
#[derive(Debug, Clone)]
pub struct OtherControlPlane {
    /// `istio` or `linkerd`.
    pub kind: &'static str,
    /// Istio: the revision (`default` without `istio.io/rev`); Linkerd: `linkerd`.
    pub name: String,
    pub namespace: String,
    pub version: String,
    pub deployments: Vec<Deployment>,
}

/// Istio control planes (istiod Deployments, `app=istiod`, one per revision `istio.io/rev`) and
/// Linkerd's (the Deployments labelled `linkerd.io/control-plane-component`, one per namespace).
pub async fn list_other_control_planes(cluster: &Cluster) -> Result<Vec<OtherControlPlane>> {
    let what = "looking for Istio and Linkerd control planes";
    let (istiod, linkerd): (Vec<Deployment>, Vec<Deployment>) = futures::try_join!(
        cluster.list(Select::labels("app=istiod"), what),
        cluster.list(Select::labels(LINKERD_COMPONENT_LABEL), what)
    )?;
    let mut planes: Vec<OtherControlPlane> = Vec::new();
    for d in istiod {
        let name = d.labels().get(istio_keys::REV_LABEL).cloned().unwrap_or_else(|| "default".into());
        group(&mut planes, "istio", name, d);
    }
    for d in linkerd {
        group(&mut planes, "linkerd", "linkerd".into(), d);
    }
    planes.sort_by(|a, b| (a.kind, &a.name, &a.namespace).cmp(&(b.kind, &b.name, &b.namespace)));
    Ok(planes)
}

const LINKERD_COMPONENT_LABEL: &str = "linkerd.io/control-plane-component";

fn group(planes: &mut Vec<OtherControlPlane>, kind: &'static str, name: String, d: Deployment) {
    let namespace = d.namespace().unwrap_or_default();
    if let Some(plane) =
        planes.iter_mut().find(|p| p.kind == kind && p.name == name && p.namespace == namespace)
    {
        plane.deployments.push(d);
        return;
    }
    let version = version_of(kind, &d);
    planes.push(OtherControlPlane { kind, name, namespace, version, deployments: vec![d] });
}

/// The mesh of this name, or an error (exit 4) that names the meshes that do exist.
pub async fn find_mesh(cluster: &Cluster, name: &str) -> Result<Mesh> {
    let meshes = list_meshes(cluster).await?;
    if let Some(mesh) = meshes.iter().find(|m| m.name == name) {
        return Ok(mesh.clone());
    }
    Err(no_such_mesh(name, &meshes))
}

/// The one wording of an unknown mesh name (exit 4), its hint listing the meshes that do exist (or
/// saying none is installed), for callers that have listed them already.
pub fn no_such_mesh(name: &str, meshes: &[Mesh]) -> Error {
    let err = Error::invalid(format!("mesh [{name}] does not exist"));
    if meshes.is_empty() {
        err.with_hint(format!("no mesh is installed in this cluster: {}", Remedy::InstallOneOsm))
    } else {
        let names: Vec<String> =
            meshes.iter().map(|m| format!("{} (namespace {})", m.name, m.namespace)).collect();
        err.with_hint(format!(
            "meshes in this cluster: {}; pick one with {}",
            names.join(", "),
            Input::MeshName
        ))
    }
}

/// Linkerd's own components carry their version in `app.kubernetes.io/version`. Istio's charts
/// put a placeholder there (`1.0.0`, Chart.yaml's appVersion); istioctl labels what it installs
/// with `operator.istio.io/version` (operator/pkg/install/install.go:318-337), and the image tag
/// is the version of an istiod installed otherwise.
fn version_of(kind: &str, deployment: &Deployment) -> String {
    let label = if kind == "istio" { "operator.istio.io/version" } else { APP_VERSION_LABEL };
    if let Some(v) = deployment.labels().get(label) {
        return v.clone();
    }
    deployment
        .spec
        .as_ref()
        .and_then(|s| s.template.spec.as_ref())
        .and_then(|p| p.containers.first())
        .and_then(|c| c.image.as_deref())
        .and_then(|image| image.rsplit_once(':').map(|(_, tag)| tag.to_string()))
        .unwrap_or_else(|| "unknown".into())
}

/// Whether a Deployment has all its desired replicas updated and available.
pub use crate::cluster::wait::deployment_ready;

/// The Deployments of an OSM mesh (its `app.kubernetes.io/instance` label).
pub async fn mesh_deployments(cluster: &Cluster, mesh: &Mesh) -> Result<Vec<Deployment>> {
    let selector = format!("{}={}", crate::model::osm::keys::APP_INSTANCE_LABEL, mesh.name);
    let what = format!("reading the Deployments of mesh {}", mesh.name);
    cluster.list_in(&mesh.namespace, Select::labels(&selector), &what).await
}

/// How many namespaces carry Istio's injection label `selector`; none when they cannot be listed.
pub async fn count_istio_injected(cluster: &Cluster, selector: &str) -> usize {
    let what = "counting the namespaces Istio injects";
    let list = cluster.list::<k8s_openapi::api::core::v1::Namespace>(Select::labels(selector), what).await;
    list.map(|l| l.len()).unwrap_or(0)
}
