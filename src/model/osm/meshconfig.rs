//! MeshConfig (`config.openservicemesh.io`): the mesh's runtime settings, one object named
//! `osm-mesh-config` in the control-plane namespace. These types are for reading and patching
//! it; the CRD itself is upstream's (`chart::crds`).
//!
//! Every field is optional so that a typed object serializes only what was set: osm patches
//! single fields and must never overwrite what users changed.

use std::collections::BTreeMap;

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const GROUP: &str = "config.openservicemesh.io";

/// The settings of a mesh.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[kube(
    group = "config.openservicemesh.io",
    version = "v1alpha2",
    kind = "MeshConfig",
    plural = "meshconfigs",
    singular = "meshconfig",
    shortname = "meshconfig",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
#[serde(rename_all = "camelCase")]
pub struct MeshConfigSpec {
    /// Configuration for the Envoy sidecar
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sidecar: Option<SidecarSpec>,
    /// Configuration for traffic management
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic: Option<TrafficSpec>,
    /// Configuration for observing the mesh: logs, tracing, debug server
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observability: Option<ObservabilitySpec>,
    /// Configuration for certificate management
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateSpec>,
    /// Feature flags
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_flags: Option<FeatureFlags>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SidecarSpec {
    /// Run the init container privileged; when false it only has NET_ADMIN
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_privileged_init_container: Option<bool>,
    /// Envoy's log level, for pods that join the mesh from now on
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("enum" = ["trace", "debug", "info", "warning", "warn", "error", "critical", "off"]))]
    pub log_level: Option<String>,
    /// Maximum number of data-plane connections (0: no limit)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_data_plane_connections: Option<i64>,
    /// Envoy sidecar image
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envoy_image: Option<String>,
    /// Envoy sidecar image for Windows nodes
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envoy_windows_image: Option<String>,
    /// Init container image
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub init_container_image: Option<String>,
    /// Compute resources of the sidecar
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<SidecarResources>,
    /// How often proxies are resynchronised (a duration such as 0s or 90s)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_resync_interval: Option<String>,
    /// Lowest TLS version the sidecar accepts
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("enum" = ["TLS_AUTO", "TLSv1_0", "TLSv1_1", "TLSv1_2", "TLSv1_3"]))]
    pub tls_min_protocol_version: Option<String>,
    /// Highest TLS version the sidecar accepts
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("enum" = ["TLS_AUTO", "TLSv1_0", "TLSv1_1", "TLSv1_2", "TLSv1_3"]))]
    pub tls_max_protocol_version: Option<String>,
    /// Ciphers for TLS 1.0-1.2
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cipher_suites: Option<Vec<String>>,
    /// ECDH curves
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecdh_curves: Option<Vec<String>>,
    /// Address Envoy uses to reach the application: Localhost or PodIP
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("enum" = ["Localhost", "PodIP"]))]
    pub local_proxy_mode: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
pub struct SidecarResources {
    /// Resource limits, e.g. {"cpu": "1", "memory": "512Mi"}
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<BTreeMap<String, String>>,
    /// Resource requests
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<BTreeMap<String, String>>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TrafficSpec {
    /// Let meshed pods reach destinations outside the mesh
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_egress: Option<bool>,
    /// Allow all traffic within the mesh without SMI policies; when false, a TrafficTarget is needed
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_permissive_traffic_policy_mode: Option<bool>,
    /// IP ranges (CIDR) whose outbound traffic the sidecar does not intercept
    #[serde(rename = "outboundIPRangeExclusionList", default, skip_serializing_if = "Option::is_none")]
    pub outbound_ip_range_exclusion_list: Option<Vec<String>>,
    /// IP ranges (CIDR) whose outbound traffic the sidecar intercepts
    #[serde(rename = "outboundIPRangeInclusionList", default, skip_serializing_if = "Option::is_none")]
    pub outbound_ip_range_inclusion_list: Option<Vec<String>>,
    /// Ports whose outbound traffic the sidecar does not intercept
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_port_exclusion_list: Option<Vec<u16>>,
    /// Ports whose inbound traffic the sidecar does not intercept
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_port_exclusion_list: Option<Vec<u16>>,
    /// Network interfaces excluded from interception
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_interface_exclusion_list: Option<Vec<String>>,
    /// External authorization of inbound traffic
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_external_authorization: Option<ExternalAuthorization>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExternalAuthorization {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stat_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_mode_allow: Option<bool>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ObservabilitySpec {
    /// Log level of the OSM control plane
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub osm_log_level: Option<String>,
    /// Serve the controller's debug endpoint
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_debug_server: Option<bool>,
    /// Distributed tracing
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing: Option<TracingSpec>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
pub struct TracingSpec {
    /// Send spans to the tracing collector
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<bool>,
    /// Collector address, e.g. jaeger.osm-system.svc.cluster.local
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Collector port
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// Collector path, e.g. /api/v2/spans
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSpec {
    /// Validity of service certificates, e.g. 24h
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_cert_validity_duration: Option<String>,
    /// Key size of data-plane certificates
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_key_bit_size: Option<i64>,
    /// The ingress gateway's certificate
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_gateway: Option<IngressGatewayCert>,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IngressGatewayCert {
    pub subject_alt_names: Vec<String>,
    pub validity_duration: String,
    pub secret: SecretReference,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
pub struct SecretReference {
    pub name: String,
    pub namespace: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FeatureFlags {
    #[serde(rename = "enableWASMStats", default, skip_serializing_if = "Option::is_none")]
    pub enable_wasm_stats: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_egress_policy: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_multicluster_mode: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_snapshot_cache_mode: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_async_proxy_service_mapping: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_ingress_backend_policy: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_envoy_active_health_checks: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_retry_policy: Option<bool>,
}
