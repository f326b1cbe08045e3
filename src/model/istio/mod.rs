//! Istio's control plane as istioctl 1.30.3 models it: profiles and IstioOperator values, the
//! charts' rendering, and sidecar injection. No API calls here.

pub mod generate;
pub mod health;
pub mod helm;
pub mod k8s_schema;
pub mod keys;
pub mod manifests;
pub mod mesh_config;
pub mod mesh_proto;
pub mod postprocess;
pub mod routing;
pub mod validate;
pub mod values;
pub mod webhooks;

pub use generate::{Inputs, generate};

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
    /// What istioctl logs and goes on past: validation errors under `--force`.
    pub warnings: Vec<String>,
    /// The merged IstioOperator the rendering came from: an install reads its `metadata.name`
    /// and `spec.values` settings that decide more than the charts do (owner labels, the
    /// revision tag). `Null` when unknown.
    pub operator: serde_json::Value,
}

impl Manifest {
    /// The documents as `istioctl manifest generate` prints them
    /// (operator/cmd/mesh/manifest-generate.go:127-166): sorted, each object's YAML followed by
    /// `\n---\n`.
    pub fn to_yaml(&self) -> crate::error::Result<String> {
        let mut out = String::new();
        for object in generate::print_order(self) {
            let text = serde_saphyr::to_string(&values::integral(object.clone()))
                .map_err(|e| crate::error::Error::failed(format!("cannot encode YAML: {e}")))?;
            out.push_str(&text);
            if !text.ends_with('\n') {
                out.push('\n');
            }
            out.push_str("\n---\n");
        }
        Ok(out)
    }
}

pub mod inject;
