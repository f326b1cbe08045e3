//! `osm istio version`: osm's Istio and the control planes on the cluster, as `istioctl version`
//! reports them (istioctl/pkg/version/version.go: the istiod pods' versions).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cluster::Cluster;
use crate::cluster::Select;
use crate::error::Result;
use crate::model::istio::keys::{REV_LABEL, VERSION_LABEL};

/// One istiod Deployment.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ControlPlane {
    pub namespace: String,
    pub name: String,
    pub revision: String,
    /// The tag of its discovery container's image, else its `operator.istio.io/version` label.
    pub version: String,
}

/// The tag of an image reference (`docker.io/istio/pilot:1.30.3` gives `1.30.3`), ignoring a
/// registry port and a digest.
pub fn image_tag(image: &str) -> Option<&str> {
    let without_digest = image.split('@').next().unwrap_or(image);
    let last = without_digest.rsplit('/').next().unwrap_or(without_digest);
    last.split_once(':').map(|(_, tag)| tag)
}

/// Every istiod Deployment (labelled `app=istiod`) in any namespace.
pub async fn control_planes(cluster: &Cluster) -> Result<Vec<ControlPlane>> {
    let found = cluster.objects().list("apps/v1", "Deployment", None, Select::labels("app=istiod")).await?;
    let mut planes: Vec<ControlPlane> = found
        .iter()
        .map(|d| {
            let labels: BTreeMap<String, String> = d["metadata"]["labels"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect();
            let containers =
                d["spec"]["template"]["spec"]["containers"].as_array().cloned().unwrap_or_default();
            let image = containers
                .iter()
                .find(|c| c["name"] == "discovery")
                .or_else(|| containers.first())
                .and_then(|c| c["image"].as_str())
                .unwrap_or_default();
            let version = image_tag(image)
                .map(str::to_string)
                .or_else(|| labels.get(VERSION_LABEL).cloned())
                .unwrap_or_else(|| "unknown".into());
            ControlPlane {
                namespace: d["metadata"]["namespace"].as_str().unwrap_or_default().into(),
                name: d["metadata"]["name"].as_str().unwrap_or_default().into(),
                revision: labels.get(REV_LABEL).cloned().unwrap_or_else(|| "default".into()),
                version,
            }
        })
        .collect();
    planes.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    Ok(planes)
}

#[cfg(test)]
mod tests {
    use super::image_tag;

    #[test]
    fn image_tags() {
        assert_eq!(image_tag("docker.io/istio/pilot:1.30.3"), Some("1.30.3"));
        assert_eq!(image_tag("registry:5000/istio/pilot:1.30.3-distroless"), Some("1.30.3-distroless"));
        assert_eq!(image_tag("registry:5000/istio/pilot"), None);
        assert_eq!(image_tag("istio/pilot:1.30.3@sha256:abc"), Some("1.30.3"));
    }
}
