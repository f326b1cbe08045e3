//! MeshRootCertificate (`config.openservicemesh.io/v1alpha2`): the root certificate the mesh
//! issues workload certificates from, and the provider that holds it.

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "config.openservicemesh.io",
    version = "v1alpha2",
    kind = "MeshRootCertificate",
    plural = "meshrootcertificates",
    singular = "meshrootcertificate",
    shortname = "mrc",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
#[serde(rename_all = "camelCase")]
pub struct MeshRootCertificateSpec {
    pub provider: ProviderSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_domain: Option<String>,
    /// active or passive
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tresor: Option<TresorProvider>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_manager: Option<CertManagerProvider>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault: Option<VaultProvider>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct TresorProvider {
    pub ca: TresorCa,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TresorCa {
    pub secret_ref: SecretRef,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct SecretRef {
    pub name: String,
    pub namespace: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CertManagerProvider {
    pub issuer_name: String,
    pub issuer_kind: String,
    pub issuer_group: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct VaultProvider {
    pub host: String,
    pub port: i64,
    pub role: String,
    pub protocol: String,
    /// Where the Vault token is kept (never the token itself)
    #[serde(rename = "token")]
    pub token_source: VaultTokenSource,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VaultTokenSource {
    pub secret_key_ref: SecretKeyRef,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct SecretKeyRef {
    pub name: String,
    pub namespace: String,
    pub key: String,
}
