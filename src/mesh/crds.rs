//! The CustomResourceDefinitions osm installs, generated from the typed resources in `mesh/`.

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::CustomResourceExt;

use super::{meshconfig, mrc, policy, smi};

/// Every CRD of the control plane, in a stable order.
pub fn all() -> Vec<CustomResourceDefinition> {
    vec![
        meshconfig::crd(),
        smi::TrafficSplit::crd(),
        smi::TrafficTarget::crd(),
        smi::HTTPRouteGroup::crd(),
        smi::TCPRoute::crd(),
        mrc::MeshRootCertificate::crd(),
        policy::Egress::crd(),
        policy::IngressBackend::crd(),
        policy::Retry::crd(),
        policy::UpstreamTrafficSetting::crd(),
    ]
}
