//! Istio's control plane as istioctl 1.30.3 models it: profiles and IstioOperator values, the
//! charts' rendering, and sidecar injection. No API calls here.

/// The parts of an Istio install, in istioctl's names (operator/pkg/component/component.go).
/// An install applies them in dependency order: Base, then Pilot and Cni, then the gateways
/// (Ztunnel after Cni).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Component {
    Base,
    Pilot,
    Cni,
    Ztunnel,
    IngressGateways,
    EgressGateways,
}

impl Component {
    /// The value of the `operator.istio.io/component` label istioctl puts on each object.
    pub fn label(self) -> &'static str {
        match self {
            Component::Base => "Base",
            Component::Pilot => "Pilot",
            Component::Cni => "Cni",
            Component::Ztunnel => "Ztunnel",
            Component::IngressGateways => "IngressGateways",
            Component::EgressGateways => "EgressGateways",
        }
    }
}

/// The objects one component renders to, in render order.
#[derive(Debug, Clone)]
pub struct RenderedComponent {
    pub component: Component,
    pub objects: Vec<serde_json::Value>,
}

/// What `istioctl manifest generate` prints and `istioctl install` applies.
#[derive(Debug, Clone)]
pub struct Manifest {
    /// `default` unless `--revision`/`revision` says otherwise.
    pub revision: String,
    /// The namespace the control plane lives in (`values.global.istioNamespace`).
    pub namespace: String,
    pub components: Vec<RenderedComponent>,
}

pub mod inject;
