//! The three inputs of an injection besides the manifest: the injector's templates (the
//! `config` key of the `istio-sidecar-injector` ConfigMap), the injector's values (its `values`
//! key, JSON) and the mesh config (the `mesh` key of the `istio` ConfigMap).

use std::collections::BTreeMap;

use crate::model::input::Input;
use serde_json::{Map, Value, json};

/// The injection templates by name (pkg/kube/inject/inject.go:136-171 `Config`).
#[derive(Debug, Clone, PartialEq)]
pub struct InjectConfig {
    pub templates: BTreeMap<String, String>,
}

impl InjectConfig {
    /// `readInjectConfigFile` (istioctl/pkg/kubeinject/kubeinject.go:293-305): a config with a
    /// `templates` map, or, when the text is not one, the text itself as the `sidecar` template.
    pub fn parse(text: &str) -> Result<InjectConfig, String> {
        let parsed = super::parse_yaml(text).ok();
        let templates = parsed.as_ref().and_then(|v| v.get("templates")).and_then(Value::as_object);
        match templates {
            Some(map) if !map.is_empty() => {
                let mut templates = BTreeMap::new();
                for (name, body) in map {
                    let body = body.as_str().ok_or_else(|| {
                        format!("template {name:?} of the injection config is not a string")
                    })?;
                    templates.insert(name.clone(), body.to_string());
                }
                Ok(InjectConfig { templates })
            }
            _ => Ok(InjectConfig { templates: BTreeMap::from([("sidecar".to_string(), text.to_string())]) }),
        }
    }
}

/// The injector's values (`NewValuesConfig`, pkg/kube/inject/webhook.go:372-403): JSON or YAML.
pub fn parse_values(text: &str) -> Result<Value, String> {
    let value = super::parse_yaml(text)?;
    match value {
        Value::Object(_) => Ok(value),
        Value::Null => Ok(json!({})),
        _ => Err("the injection values are not a mapping".into()),
    }
}

/// The mesh config with istiod's defaults under what the file says
/// (pkg/config/mesh/mesh.go:38-131 `DefaultProxyConfig`, `DefaultMeshConfig`;
/// `ApplyMeshConfigDefaults` merges the file over them).
#[derive(Debug, Clone, PartialEq)]
pub struct MeshConfig {
    pub value: Value,
}

/// `DefaultProxyConfig` (pkg/config/mesh/mesh.go:38-55), in the proto's JSON names.
pub fn default_proxy_config() -> Value {
    json!({
        "configPath": "./etc/istio/proxy",
        "serviceCluster": "istio-proxy",
        "drainDuration": "45s",
        "terminationDrainDuration": "5s",
        "proxyAdminPort": 15000,
        "controlPlaneAuthPolicy": "MUTUAL_TLS",
        "discoveryAddress": "istiod.istio-system.svc:15012",
        "binaryPath": "/usr/local/bin/envoy",
        "statNameLength": 189,
        "statusPort": 15020
    })
}

fn default_mesh_config() -> Value {
    json!({
        "enableTracing": true,
        "accessLogEncoding": "TEXT",
        "protocolDetectionTimeout": "0s",
        "ingressService": "istio-ingressgateway",
        "ingressControllerMode": "STRICT",
        "ingressClass": "istio",
        "trustDomain": "cluster.local",
        "enableAutoMtls": true,
        "outboundTrafficPolicy": {"mode": "ALLOW_ANY"},
        "inboundTrafficPolicy": {"mode": "PASSTHROUGH"},
        "localityLbSetting": {"enabled": true},
        "defaultConfig": default_proxy_config(),
        "rootNamespace": "istio-system",
        "proxyListenPort": 15001,
        "proxyInboundListenPort": 15006,
        "connectTimeout": "10s",
        "defaultServiceExportTo": ["*"],
        "defaultVirtualServiceExportTo": ["*"],
        "defaultDestinationRuleExportTo": ["*"],
        "dnsRefreshRate": "60s",
        "enablePrometheusMerge": true,
        "defaultProviders": {},
        "extensionProviders": [
            {"name": "prometheus", "prometheus": {}},
            {"name": "stackdriver", "stackdriver": {}},
            {"name": "envoy", "envoyFileAccessLog": {"path": "/dev/stdout"}}
        ]
    })
}

/// Messages merge field by field, lists and scalars replace (protobuf's JSON merge into an
/// existing message).
pub(crate) fn merge_over(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (k, v) in over {
                match base.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge_over(existing, v),
                    _ => {
                        base.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (base, over) => *base = over.clone(),
    }
}

impl MeshConfig {
    pub fn parse(text: &str) -> Result<MeshConfig, String> {
        let file = super::parse_yaml(text).map_err(|e| format!("failed to convert to proto. {e}"))?;
        let mut value = default_mesh_config();
        match &file {
            Value::Null => {}
            Value::Object(_) => {
                // `mesh.ReadMeshConfig` ends in `ApplyMeshConfigDefaults` (pkg/config/mesh/mesh.go:327-333),
                // which refuses what `agent.ValidateMeshConfig` refuses (mesh.go:254-257).
                crate::model::istio::mesh_config::check_with(
                    &file,
                    "meshConfig",
                    &format!(
                        "fix the mesh config ({}, or the `mesh` key of the istio ConfigMap)",
                        Input::MeshConfigFile
                    ),
                )
                .map_err(|e| e.to_string())?;
                merge_over(&mut value, &file)
            }
            _ => return Err("failed to convert to proto: the mesh config is not a mapping".into()),
        }
        Ok(MeshConfig { value })
    }

    /// `mesh.ApplyProxyConfig` (pkg/config/mesh/mesh.go:135-): the pod's
    /// `proxy.istio.io/config` YAML over the mesh's `defaultConfig`.
    pub fn with_proxy_config(&self, text: &str) -> Result<MeshConfig, String> {
        let over = super::parse_yaml(text).map_err(|e| format!("annotation proxy.istio.io/config: {e}"))?;
        let mut value = self.value.clone();
        if over.is_object() {
            merge_over(&mut value["defaultConfig"], &over);
        } else if !over.is_null() {
            return Err("annotation proxy.istio.io/config is not a mapping".into());
        }
        Ok(MeshConfig { value })
    }

    pub fn proxy_config(&self) -> Value {
        self.value["defaultConfig"].clone()
    }

    pub fn status_port(&self) -> i64 {
        self.value["defaultConfig"]["statusPort"].as_i64().unwrap_or(0)
    }

    pub fn enable_prometheus_merge(&self) -> bool {
        self.value["enablePrometheusMerge"].as_bool().unwrap_or(true)
    }

    pub fn hold_application_until_proxy_starts(&self) -> bool {
        self.value["defaultConfig"]["holdApplicationUntilProxyStarts"].as_bool().unwrap_or(false)
    }

    /// `InboundTrafficPolicyMode` (pkg/kube/inject/inject.go:367-375).
    pub fn inbound_traffic_policy_mode(&self) -> String {
        match self.value["inboundTrafficPolicy"]["mode"].as_str() {
            Some("LOCALHOST") => "localhost".into(),
            _ => "passthrough".into(),
        }
    }
}

/// The fields of the proxy config that `protoToJSON` leaves out because they equal the defaults
/// (pkg/kube/inject/template.go `cleanProxyConfig`).
pub fn clean_proxy_config(proxy: &Value) -> Map<String, Value> {
    let defaults = default_proxy_config();
    let mut out = proxy.as_object().cloned().unwrap_or_default();
    for key in [
        "configPath",
        "binaryPath",
        "controlPlaneAuthPolicy",
        "serviceCluster",
        "drainDuration",
        "terminationDrainDuration",
        "discoveryAddress",
        "proxyAdminPort",
        "statNameLength",
        "statusPort",
    ] {
        if out.get(key) == defaults.get(key) {
            out.remove(key);
        }
    }
    if out.get("proxyMetadata").and_then(Value::as_object).is_some_and(Map::is_empty) {
        out.remove("proxyMetadata");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_template_file_is_the_sidecar_template() {
        let config = InjectConfig::parse("spec:\n  containers: []\n").unwrap();
        assert_eq!(config.templates.keys().collect::<Vec<_>>(), vec!["sidecar"]);
        let config = InjectConfig::parse("templates:\n  sidecar: a\n  gateway: b\n").unwrap();
        assert_eq!(config.templates["gateway"], "b");
    }

    #[test]
    fn the_mesh_file_lands_over_the_defaults() {
        let mesh =
            MeshConfig::parse("defaultConfig:\n  discoveryAddress: x:1\nenablePrometheusMerge: false\n")
                .unwrap();
        assert_eq!(mesh.status_port(), 15020);
        assert!(!mesh.enable_prometheus_merge());
        assert_eq!(mesh.value["defaultConfig"]["discoveryAddress"], "x:1");
        let annotated = mesh.with_proxy_config("holdApplicationUntilProxyStarts: true\n").unwrap();
        assert!(annotated.hold_application_until_proxy_starts());
        assert!(MeshConfig::parse("not: [valid").is_err());
    }

    // mesh.go:254-257 at 1.30.3: kube-inject's mesh config is validated as istioctl's is.
    #[test]
    fn an_invalid_mesh_file_is_refused_naming_the_field() {
        for (text, field) in [
            ("connectTimeout: 2h\n", "meshConfig.connectTimeout"),
            (
                "defaultConfig:\n  tracing:\n    tlsSettings:\n      mode: MUTUAL\n",
                "meshConfig.defaultConfig",
            ),
            ("enableTracing: sometimes\n", "meshConfig.enableTracing"),
        ] {
            let err = MeshConfig::parse(text).err().unwrap_or_else(|| panic!("{text} accepted"));
            assert!(err.contains(field), "{text}: {err}");
        }
        MeshConfig::parse("connectTimeout: 30s\nunknownField: 1\n").unwrap();
    }

    #[test]
    fn defaults_are_left_out_of_the_printed_proxy_config() {
        let cleaned = clean_proxy_config(
            &json!({"discoveryAddress": "istiod.istio-system.svc:15012", "statusPort": 15020, "concurrency": 2}),
        );
        assert_eq!(Value::Object(cleaned), json!({"concurrency": 2}));
    }
}
