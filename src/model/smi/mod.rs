//! Service Mesh Interface resources, at the versions OSM v1.2 serves: TrafficSplit
//! (split.smi-spec.io/v1alpha2), TrafficTarget (access.smi-spec.io/v1alpha3), HTTPRouteGroup and
//! TCPRoute (specs.smi-spec.io/v1alpha4). The CRD schemas are generated from these types.
//!
//! osm edits these objects with JSON merge patches of what it read (`cluster::objects`), not by
//! writing the typed form back, so fields these types do not model survive every edit.

pub mod routing;
pub mod split;

use std::collections::BTreeMap;

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Splits traffic sent to a root Service between backend Services by weight.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "split.smi-spec.io",
    version = "v1alpha2",
    kind = "TrafficSplit",
    plural = "trafficsplits",
    singular = "trafficsplit",
    shortname = "ts",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
pub struct TrafficSplitSpec {
    /// The root Service clients address: `svc`, `svc.ns` or `svc.ns.svc.cluster.local`
    pub service: String,
    /// The Services that receive the traffic, with their weights
    pub backends: Vec<TrafficSplitBackend>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct TrafficSplitBackend {
    /// A Service in the TrafficSplit's namespace
    pub service: String,
    /// The share of traffic, relative to the other backends
    #[schemars(range(min = 0))]
    pub weight: i64,
}

/// Allows traffic from sources to a destination, for the routes named in its rules.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "access.smi-spec.io",
    version = "v1alpha3",
    kind = "TrafficTarget",
    plural = "traffictargets",
    singular = "traffictarget",
    shortname = "tt",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
pub struct TrafficTargetSpec {
    /// The identity receiving traffic
    pub destination: IdentityBindingSubject,
    /// The identities allowed to send traffic
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<IdentityBindingSubject>>,
    /// The routes the sources may use
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<TrafficTargetRule>>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct IdentityBindingSubject {
    /// Kind of the subject: ServiceAccount
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<i64>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct TrafficTargetRule {
    /// Kind of the route resource: HTTPRouteGroup or TCPRoute
    pub kind: String,
    pub name: String,
    /// Names of matches within the route resource; all of them when absent
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<Vec<String>>,
}

/// HTTP routes that TrafficTargets refer to.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "specs.smi-spec.io",
    version = "v1alpha4",
    kind = "HTTPRouteGroup",
    plural = "httproutegroups",
    singular = "httproutegroup",
    shortname = "htr",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
pub struct HTTPRouteGroupSpec {
    pub matches: Vec<HttpMatch>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, JsonSchema)]
pub enum HttpMethod {
    #[serde(rename = "*")]
    Any,
    #[serde(rename = "GET")]
    Get,
    #[serde(rename = "HEAD")]
    Head,
    #[serde(rename = "PUT")]
    Put,
    #[serde(rename = "POST")]
    Post,
    #[serde(rename = "DELETE")]
    Delete,
    #[serde(rename = "CONNECT")]
    Connect,
    #[serde(rename = "OPTIONS")]
    Options,
    #[serde(rename = "TRACE")]
    Trace,
    #[serde(rename = "PATCH")]
    Patch,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HttpMatch {
    /// Name that TrafficTarget rules refer to
    pub name: String,
    /// Regular expression the request path must match
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_regex: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub methods: Option<Vec<HttpMethod>>,
    /// Header conditions, each a map of header name to value regex
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headers: Option<Vec<BTreeMap<String, String>>>,
}

/// TCP routes (by port) that TrafficTargets refer to.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "specs.smi-spec.io",
    version = "v1alpha4",
    kind = "TCPRoute",
    plural = "tcproutes",
    singular = "tcproute",
    namespaced,
    label("app.kubernetes.io/name", "openservicemesh.io")
)]
pub struct TCPRouteSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<TcpMatch>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
pub struct TcpMatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<i64>>,
}
