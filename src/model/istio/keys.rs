//! The labels Istio's tools key on: which revision a namespace, webhook or istiod belongs to, and
//! the ones istioctl puts on what it installs (operator/pkg/manifest/manifest.go at 1.30.3).

/// Istio's namespace label turning sidecar injection on (`enabled`) for the default revision.
pub const INJECTION_LABEL: &str = "istio-injection";
/// On a namespace, which istiod revision injects its pods; on an istiod Deployment or webhook,
/// the revision it serves.
pub const REV_LABEL: &str = "istio.io/rev";
/// On a webhook, the revision tag it stands for.
pub const TAG_LABEL: &str = "istio.io/tag";

pub const MANAGED_LABEL: &str = "operator.istio.io/managed";
pub const VERSION_LABEL: &str = "operator.istio.io/version";
pub const COMPONENT_LABEL: &str = "operator.istio.io/component";
pub const OWNING_NAME_LABEL: &str = "install.operator.istio.io/owning-resource";
pub const OWNING_NAMESPACE_LABEL: &str = "install.operator.istio.io/owning-resource-namespace";
pub const NOT_PRUNED_LABEL: &str = "install.operator.istio.io/owning-resource-not-pruned";
