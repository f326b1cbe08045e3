//! OSM's own traffic policies (`policy.openservicemesh.io/v1alpha1`): Egress, IngressBackend,
//! Retry and UpstreamTrafficSetting. The CRD schemas are generated from these types.

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Lets sources in the mesh reach hosts, IP ranges and ports outside it.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "policy.openservicemesh.io",
    version = "v1alpha1",
    kind = "Egress",
    plural = "egresses",
    singular = "egress",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
#[serde(rename_all = "camelCase")]
pub struct EgressSpec {
    /// The workloads allowed to send the traffic
    pub sources: Vec<PolicySubject>,
    /// Destination host names (HTTP Host header or TLS SNI)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosts: Option<Vec<String>>,
    /// Destination IP ranges (CIDR)
    #[serde(rename = "ipAddresses", default, skip_serializing_if = "Option::is_none")]
    pub ip_addresses: Option<Vec<String>>,
    /// Destination ports and their protocols
    pub ports: Vec<PortSpec>,
    /// Routes (HTTPRouteGroup) or UpstreamTrafficSettings that further restrict the traffic
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<TypedLocalObjectReference>>,
}

/// A workload: a ServiceAccount (Egress, Retry) or a Service/AuthenticatedPrincipal/IPRange (IngressBackend).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct PolicySubject {
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct PortSpec {
    #[schemars(range(min = 1, max = 65535))]
    pub number: i64,
    /// http, https, tcp, tcp-server-first or grpc
    pub protocol: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TypedLocalObjectReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_group: Option<String>,
    pub kind: String,
    pub name: String,
}

/// Allows traffic from outside the mesh (an ingress controller) into mesh backends.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "policy.openservicemesh.io",
    version = "v1alpha1",
    kind = "IngressBackend",
    plural = "ingressbackends",
    singular = "ingressbackend",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
pub struct IngressBackendSpec {
    /// The Services receiving ingress traffic
    pub backends: Vec<IngressBackendTarget>,
    /// Where the traffic may come from
    pub sources: Vec<PolicySubject>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct IngressBackendTarget {
    pub name: String,
    pub port: PortSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<IngressBackendTls>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IngressBackendTls {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_client_cert_validation: Option<bool>,
    #[serde(rename = "sniHosts", default, skip_serializing_if = "Option::is_none")]
    pub sni_hosts: Option<Vec<String>>,
}

/// Retries failed requests from a source to destinations.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "policy.openservicemesh.io",
    version = "v1alpha1",
    kind = "Retry",
    plural = "retries",
    singular = "retry",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
#[serde(rename_all = "camelCase")]
pub struct RetrySpec {
    pub source: PolicySubject,
    pub destinations: Vec<PolicySubject>,
    pub retry_policy: RetryPolicy,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RetryPolicy {
    /// Envoy retry conditions, e.g. 5xx
    pub retry_on: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_try_timeout: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub num_retries: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_backoff_base_interval: Option<String>,
}

/// Connection limits, rate limits and timeouts for traffic to an upstream host.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "policy.openservicemesh.io",
    version = "v1alpha1",
    kind = "UpstreamTrafficSetting",
    plural = "upstreamtrafficsettings",
    singular = "upstreamtrafficsetting",
    shortname = "uts",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
#[serde(rename_all = "camelCase")]
pub struct UpstreamTrafficSettingSpec {
    /// The upstream host (a Service FQDN such as svc.ns.svc.cluster.local)
    pub host: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_settings: Option<ConnectionSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_routes: Option<Vec<HttpRouteSetting>>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct ConnectionSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp: Option<TcpConnectionSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<HttpConnectionSettings>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TcpConnectionSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_connections: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connect_timeout: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HttpConnectionSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_requests: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_requests_per_connection: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pending_requests: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retries: Option<i64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct RateLimit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<LocalRateLimit>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct LocalRateLimit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp: Option<RateLimitBucket>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<RateLimitBucket>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RateLimitBucket {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connections: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<i64>,
    /// second, minute or hour
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub burst: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_status_code: Option<i64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HttpRouteSetting {
    /// A path regex, as in HTTPRouteGroup
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<LocalRateLimit>,
}
