//! `osm istio verify-install`: every object an install of the given flags writes is there, and
//! its Deployments are ready (istioctl/pkg/verifier/verifier.go checks the same two things).

use k8s_openapi::api::apps::v1::Deployment;

use super::install::{labelled, tag_objects};
use super::revision_or_default;
use crate::cluster::Cluster;
use crate::cluster::ObjectRef;
use crate::cluster::wait;
use crate::error::Result;
use crate::model::istio::Manifest;

/// One object of the rendering as found on the cluster.
#[derive(Debug, Clone)]
pub struct Checked {
    pub object: ObjectRef,
    /// Why it does not pass: missing, or a Deployment not ready (with its pods' reasons).
    pub problem: Option<String>,
}

/// Reads every object of the rendering (and of the default revision tag, for the default
/// revision) and each Deployment's readiness.
pub async fn verify(cluster: &Cluster, manifest: &Manifest) -> Result<Vec<Checked>> {
    let components = labelled(manifest);
    let mut objects: Vec<serde_json::Value> =
        components.iter().flat_map(|c| c.objects.iter().cloned()).collect();
    if revision_or_default(&manifest.revision) == "default" {
        objects.extend(tag_objects(manifest, &components)?);
    }
    let mut checked = Vec::new();
    for obj in &objects {
        let r = ObjectRef::of(obj);
        let problem = match cluster.objects().get(&r).await? {
            None => Some("missing".to_string()),
            Some(found) if r.kind == "Deployment" => {
                let deployment: Deployment = serde_json::from_value(found)?;
                if wait::deployment_ready(&deployment) {
                    None
                } else {
                    let ns = r.namespace.clone().unwrap_or_default();
                    let reasons = wait::unready_reasons(cluster, &ns, &r.name).await?;
                    Some(format!("not ready: {}", reasons.join("; ")))
                }
            }
            Some(_) => None,
        };
        checked.push(Checked { object: r, problem });
    }
    Ok(checked)
}
