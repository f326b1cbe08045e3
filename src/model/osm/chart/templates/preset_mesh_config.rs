//! `templates/preset-mesh-config.yaml`: the MeshConfig osm-bootstrap creates at first start,
//! as JSON text laid out line for line as the chart writes it. (The chart's `contour.enabled`
//! branch is never taken: osm refuses that value.)

use serde_json::{Value, json};

use super::go_json;
use crate::model::osm::chart::{PRESET_MESH_CONFIG, Scope};

/// Mirrors OSM v1.2.4 `charts/osm/templates/preset-mesh-config.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    let j = |path: &str| go_json(&v.value(path));
    let tracing = if v.flag("osm.tracing.enable") {
        format!(
            "      \"enable\": {},\n      \"port\": {},\n      \"address\": {},\n      \"endpoint\": {}\n",
            j("osm.tracing.enable"),
            j("osm.tracing.port"),
            go_json(&json!(scope.tracing_address())),
            j("osm.tracing.endpoint")
        )
    } else {
        format!("      \"enable\": {}\n", j("osm.tracing.enable"))
    };
    let text = format!(
        r#"{{
  "sidecar": {{
    "enablePrivilegedInitContainer": {},
    "logLevel": {},
    "maxDataPlaneConnections": {},
    "configResyncInterval": {},
    "localProxyMode": {}
  }},
  "traffic": {{
    "enableEgress": {},
    "enablePermissiveTrafficPolicyMode": {},
    "outboundPortExclusionList": {},
    "inboundPortExclusionList": {},
    "outboundIPRangeExclusionList": {},
    "outboundIPRangeInclusionList": {},
    "networkInterfaceExclusionList": {}
  }},
  "observability": {{
    "enableDebugServer": {},
    "osmLogLevel": {},
    "tracing": {{
{tracing}    }}
  }},
  "certificate": {{
    "serviceCertValidityDuration": {},
    "certKeyBitSize": {}
  }},
  "featureFlags": {{
    "enableWASMStats": {},
    "enableEgressPolicy": {},
    "enableSnapshotCacheMode": {},
    "enableAsyncProxyServiceMapping": {},
    "enableIngressBackendPolicy": {},
    "enableEnvoyActiveHealthChecks": {},
    "enableRetryPolicy": {}
  }}
}}
"#,
        j("osm.enablePrivilegedInitContainer"),
        j("osm.envoyLogLevel"),
        j("osm.maxDataPlaneConnections"),
        j("osm.configResyncInterval"),
        j("osm.localProxyMode"),
        j("osm.enableEgress"),
        j("osm.enablePermissiveTrafficPolicy"),
        j("osm.outboundPortExclusionList"),
        j("osm.inboundPortExclusionList"),
        j("osm.outboundIPRangeExclusionList"),
        j("osm.outboundIPRangeInclusionList"),
        j("osm.networkInterfaceExclusionList"),
        j("osm.enableDebugServer"),
        j("osm.controllerLogLevel"),
        j("osm.certificateProvider.serviceCertValidityDuration"),
        j("osm.certificateProvider.certKeyBitSize"),
        j("osm.featureFlags.enableWASMStats"),
        j("osm.featureFlags.enableEgressPolicy"),
        j("osm.featureFlags.enableSnapshotCacheMode"),
        j("osm.featureFlags.enableAsyncProxyServiceMapping"),
        j("osm.featureFlags.enableIngressBackendPolicy"),
        j("osm.featureFlags.enableEnvoyActiveHealthChecks"),
        j("osm.featureFlags.enableRetryPolicy"),
    );
    vec![json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": PRESET_MESH_CONFIG, "namespace": scope.namespace()},
        "data": {format!("{PRESET_MESH_CONFIG}.json"): text},
    })]
}
