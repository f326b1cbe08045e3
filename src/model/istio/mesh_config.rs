//! istioctl 1.30.3's refusal of a mesh config: `validateMeshConfig`
//! (operator/pkg/apis/validation/validation.go:250-263) runs `mesh.ApplyMeshConfigDefaults`
//! (pkg/config/mesh/mesh.go:191-263) on `spec.meshConfig` (validation.go:71) and on
//! `spec.values.meshConfig` (:157-166). That decodes the YAML over `DefaultMeshConfig`
//! (mesh.go:60-120) with jsonpb, so a field of the wrong type or a bad duration is refused while
//! an unknown field passes (`mesh_proto`), merges `defaultConfig` over `DefaultProxyConfig`
//! (mesh.go:213-223), and then refuses what `agent.ValidateMeshConfig`
//! (pkg/config/validation/agent/validation.go:804-836) finds wrong. The proxy config checks
//! (`ValidateMeshConfigProxyConfig`, validation.go:336-452) are the ones kube-inject runs on a
//! `proxy.istio.io/config` annotation (pkg/kube/inject/validate.go:63-70).

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::input::Input;

const MESH_CONFIG: &str = "istio.mesh.v1alpha1.MeshConfig";
const PROXY_CONFIG: &str = "istio.mesh.v1alpha1.ProxyConfig";

/// Refuses a `meshConfig` (at `path`) that istioctl 1.30.3 refuses, naming the field.
pub fn check(mesh: &Value, path: &str) -> Result<()> {
    check_with(
        mesh,
        path,
        &format!("fix it in {path} ({} {path}.* or the {} file)", Input::Set, Input::IstioOperatorFile),
    )
}

/// `check`, with `fix` saying where the mesh config came from.
pub fn check_with(mesh: &Value, path: &str, fix: &str) -> Result<()> {
    if mesh.is_null() {
        return Ok(());
    }
    super::mesh_proto::check_message(mesh, MESH_CONFIG, path).map_err(|e| rehint(e, fix))?;
    let errors = mesh_config_errors(mesh);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{path}: invalid mesh config: {}; {fix}",
            errors.iter().map(|(field, why)| format!("{path}.{field}: {why}")).collect::<Vec<_>>().join("; ")
        )))
    }
}

/// Type errors of a proxy config (`defaultConfig` or a `proxy.istio.io/config` annotation).
pub fn check_proxy_config_types(config: &Value, path: &str) -> Result<()> {
    super::mesh_proto::check_message(config, PROXY_CONFIG, path).map_err(|e| rehint(e, ""))
}

/// A decoding error with the fix that fits where the mesh config came from.
fn rehint(err: Error, fix: &str) -> Error {
    let message = err.message.strip_suffix(super::validate::type_fix().as_str()).unwrap_or(&err.message);
    if fix.is_empty() { Error::invalid(message) } else { Error::invalid(format!("{message}; {fix}")) }
}

/// The user's field over the default, as jsonpb leaves it: a null keeps the default.
fn field<'a>(mesh: &'a Value, key: &str, default: &'a Value) -> &'a Value {
    mesh.get(key).filter(|v| !v.is_null()).unwrap_or(default)
}

/// `ValidateMeshConfig` on the mesh config as decoded over the defaults: (field, why) pairs.
fn mesh_config_errors(mesh: &Value) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let port = number(field(mesh, "proxyListenPort", &json!(15001))) as i64;
    if let Err(e) = validate_port(port) {
        errors.push(("proxyListenPort".into(), format!("invalid proxy listen port: {e}")));
    }
    // validation.go:500-507: at least 1ms, whole milliseconds, at most 1h.
    let connect =
        field(mesh, "connectTimeout", &json!("10s")).as_str().and_then(go_duration_nanos).unwrap_or(0);
    if let Err(e) = validate_duration(connect).and_then(|()| {
        if !(MS..=3600 * SECOND).contains(&connect) {
            Err(format!("time {} must be >1ms and <1h0m0s", go_duration_string(connect)))
        } else {
            Ok(())
        }
    }) {
        errors.push(("connectTimeout".into(), format!("invalid connect timeout: {e}")));
    }
    // validation.go:510-521: 0 turns detection off; otherwise whole milliseconds.
    let detection = field(mesh, "protocolDetectionTimeout", &json!("0s"))
        .as_str()
        .and_then(go_duration_nanos)
        .unwrap_or(0);
    if detection != 0 && detection % MS != 0 {
        errors.push((
            "protocolDetectionTimeout".into(),
            "invalid protocol detection timeout: only durations to ms precision are supported".into(),
        ));
    }
    let mut proxy = super::inject::config::default_proxy_config();
    if let Some(over) = mesh.get("defaultConfig").filter(|v| v.is_object()) {
        super::inject::config::merge_over(&mut proxy, over);
    }
    for (field, why) in proxy_config_errors(&proxy) {
        errors.push((format!("defaultConfig.{field}"), why));
    }
    if let Some(lb) = mesh.get("localityLbSetting").filter(|v| v.is_object())
        && let Err((field, why)) = locality_lb_setting(lb)
    {
        errors.push((format!("localityLbSetting.{field}"), why));
    }
    // validation.go:670-680.
    for (index, setting) in list(mesh.get("serviceSettings")).iter().enumerate() {
        for host in list(setting.get("hosts")) {
            let host = host.as_str().unwrap_or_default();
            if let Err(e) = wildcard_domain(host) {
                errors.push((format!("serviceSettings[{index}]"), format!("host `{host}`: {e}")));
            }
        }
    }
    // validation.go:740-768. ApplyMeshConfig sorts the aliases first (mesh.go:252); the index
    // named here is the one in the user's list.
    let trust_domain =
        field(mesh, "trustDomain", &json!("cluster.local")).as_str().unwrap_or_default().to_string();
    if let Err(e) = trust_domain_ok(&trust_domain) {
        errors.push(("trustDomain".into(), e));
    }
    let aliases: Vec<String> =
        list(mesh.get("trustDomainAliases")).iter().filter_map(|a| a.as_str().map(String::from)).collect();
    for (index, alias) in aliases.iter().enumerate() {
        if let Err(e) = trust_domain_ok(alias) {
            errors.push((format!("trustDomainAliases[{index}]"), format!("domain `{alias}` : {e}")));
        }
    }
    // validation.go:770-777.
    if mesh.get("meshMTLS").and_then(|m| m.get("ecdhCurves")).is_some_and(|c| !c.is_null()) {
        errors.push((
            "meshMTLS.ecdhCurves".into(),
            "mesh TLS does not support ECDH curves configuration".into(),
        ));
    }
    errors
}

/// A number as jsonpb reads one: a JSON number, or a quoted one (decode.go:524-530).
fn number(value: &Value) -> f64 {
    value.as_f64().or_else(|| value.as_str()?.trim().parse().ok()).unwrap_or(0.0)
}

fn list(value: Option<&Value>) -> Vec<Value> {
    value.and_then(Value::as_array).cloned().unwrap_or_default()
}

const MS: i128 = 1_000_000;
const SECOND: i128 = 1_000_000_000;

/// `ValidateDuration` (validation.go:131-141).
fn validate_duration(nanos: i128) -> std::result::Result<(), String> {
    if nanos < MS {
        Err("duration must be greater than 1ms".into())
    } else if nanos % MS != 0 {
        Err("only durations to ms precision are supported".into())
    } else {
        Ok(())
    }
}

/// `ValidatePort` (validation.go:177-183).
fn validate_port(port: i64) -> std::result::Result<(), String> {
    if (1..=65535).contains(&port) {
        Ok(())
    } else {
        Err(format!("port number {port} must be in the range 1..65535"))
    }
}

/// Go's `time.ParseDuration`, in nanoseconds (what jsonpb uses for a Duration).
pub fn go_duration_nanos(text: &str) -> Option<i128> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if body == "0" {
        return Some(0);
    }
    if body.is_empty() {
        return None;
    }
    let mut rest = body;
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let n = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        if n == 0 {
            return None;
        }
        let number: f64 = rest[..n].parse().ok()?;
        rest = &rest[n..];
        let (unit, scale) = [
            ("ns", 1.0),
            ("us", 1e3),
            ("µs", 1e3),
            ("μs", 1e3),
            ("ms", 1e6),
            ("s", 1e9),
            ("m", 60e9),
            ("h", 3600e9),
        ]
        .into_iter()
        .find(|(u, _)| rest.starts_with(u))?;
        rest = &rest[unit.len()..];
        total += number * scale;
    }
    let nanos = total.round() as i128;
    Some(if negative { -nanos } else { nanos })
}

/// Go's `time.Duration.String` for the values the messages print.
fn go_duration_string(nanos: i128) -> String {
    if nanos == 0 {
        return "0s".into();
    }
    let sign = if nanos < 0 { "-" } else { "" };
    let n = nanos.abs();
    if n < SECOND {
        return format!("{sign}{}ms", n as f64 / 1e6);
    }
    let (h, rem) = (n / (3600 * SECOND), n % (3600 * SECOND));
    let (m, rem) = (rem / (60 * SECOND), rem % (60 * SECOND));
    let s = rem as f64 / 1e9;
    if h > 0 {
        format!("{sign}{h}h{m}m{s}s")
    } else if m > 0 {
        format!("{sign}{m}m{s}s")
    } else {
        format!("{sign}{s}s")
    }
}

/// `ValidateMeshConfigProxyConfig` (validation.go:336-452) on a proxy config with the defaults
/// merged in: each problem in Istio's words.
pub fn proxy_config_errors(config: &Value) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let mut add = |field: &str, why: String| errors.push((field.to_string(), why));
    let text_of = |key: &str| config.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    if text_of("configPath").is_empty() {
        add("configPath", "config path must be set".to_string());
    }
    if text_of("binaryPath").is_empty() {
        add("binaryPath", "binary path must be set".to_string());
    }
    if config.get("tracingServiceName").is_none_or(Value::is_null) && text_of("serviceCluster").is_empty() {
        add("serviceCluster", "service cluster must be specified".to_string());
    }
    // ValidateDrainDuration (validation.go:153-170).
    let drain = config.get("drainDuration").and_then(Value::as_str).and_then(go_duration_nanos).unwrap_or(0);
    if let Err(e) = validate_duration(drain) {
        add("drainDuration", format!("invalid drain duration: {e}"));
    } else if drain % SECOND != 0 {
        add("drainDuration", "drain time only supports durations to seconds precision".into());
    }
    let discovery = text_of("discoveryAddress");
    if discovery.is_empty() {
        add("discoveryAddress", "discovery address must be set to the proxy discovery service".into());
    } else if let Err(e) = proxy_address(&discovery) {
        add("discoveryAddress", format!("invalid discovery address: {e}"));
    }
    // The tracers' collectors (validation.go:255-278, called at :370-386); `$(HOST_IP)`
    // stands for an address the proxy fills in.
    let tracing = config.get("tracing").cloned().unwrap_or(Value::Null);
    if let Some(lightstep) = tracing.get("lightstep").filter(|l| l.is_object()) {
        let address = lightstep["address"].as_str().unwrap_or_default();
        if address.is_empty() {
            add("tracing.lightstep", "invalid lightstep config: address is required".into());
        }
        if let Err(e) = proxy_address(address) {
            add("tracing.lightstep", format!("invalid lightstep config: invalid lightstep address: {e}"));
        }
        if lightstep["accessToken"].as_str().unwrap_or_default().is_empty() {
            add("tracing.lightstep", "invalid lightstep config: access token is required".into());
        }
    }
    for tracer in ["zipkin", "datadog"] {
        if let Some(collector) = tracing.get(tracer).filter(|c| c.is_object()) {
            let address =
                collector["address"].as_str().unwrap_or_default().replacen("$(HOST_IP)", "127.0.0.1", 1);
            if let Err(e) = proxy_address(&address) {
                add(&format!("tracing.{tracer}"), format!("invalid {tracer} config: {e}"));
            }
        }
    }
    // validation.go:388-392: the tracer's TLS settings, as `ValidateTLS("", ...)` (:280-334).
    if let Some(tls) = tracing.get("tlsSettings").filter(|t| t.is_object()) {
        for why in client_tls_errors(tls) {
            add("tracing.tlsSettings", format!("invalid tracing TLS config: {why}"));
        }
    }
    // validation.go:394-398 refuses a nil custom tag; jsonpb drops `name: null` before that
    // (decode.go:365-367), so no YAML or JSON input reaches it, and nothing is refused here
    // either. The custom tags' types are checked by `check_proxy_config_types`.
    for (key, address, what) in [
        ("statsdUdpAddress", text_of("statsdUdpAddress"), "statsd udp address"),
        (
            "envoyMetricsServiceAddress",
            text_of("envoyMetricsServiceAddress"),
            "envoy metrics service address",
        ),
        (
            "envoyMetricsService.address",
            config
                .pointer("/envoyMetricsService/address")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            "envoy metrics service address",
        ),
        (
            "envoyAccessLogService.address",
            config
                .pointer("/envoyAccessLogService/address")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            "envoy access log service address",
        ),
    ] {
        if !address.is_empty()
            && let Err(e) = proxy_address(&address)
        {
            add(key, format!("invalid {what} {address:?}: {e}"));
        }
    }
    let port_of = |key: &str| config.get(key).map(number);
    if let Err(e) = validate_port(port_of("proxyAdminPort").unwrap_or(0.0) as i64) {
        add("proxyAdminPort", format!("invalid proxy admin port: {e}"));
    }
    match config.get("controlPlaneAuthPolicy") {
        Some(Value::String(p)) if p == "NONE" || p == "MUTUAL_TLS" => {}
        Some(Value::Number(n)) if matches!(n.as_i64(), Some(0 | 1)) => {}
        other => add(
            "controlPlaneAuthPolicy",
            format!(
                "invalid authentication policy: unrecognized control plane auth policy {:?}",
                match other {
                    Some(Value::String(s)) => s.clone(),
                    Some(v) => v.to_string(),
                    None => String::new(),
                }
            ),
        ),
    }
    if let Err(e) = validate_port(port_of("statusPort").unwrap_or(0.0) as i64) {
        add("statusPort", format!("invalid status port: {e}"));
    }
    // validation.go:446-450, validatePrivateKeyProvider (:460-497).
    if let Some(provider) = config.get("privateKeyProvider").filter(|p| p.is_object()) {
        let chosen = ["cryptomb", "qat"].into_iter().find(|k| provider.get(*k).is_some_and(Value::is_object));
        match chosen {
            None => {
                let why = "invalid private key provider configuration";
                add("privateKeyProvider", format!("{why}: private key provider configuration is required"));
                add("privateKeyProvider", format!("{why}: unknown private key provider"));
            }
            Some(kind) => match provider[kind].get("pollDelay").filter(|d| !d.is_null()) {
                None => add(
                    &format!("privateKeyProvider.{kind}.pollDelay"),
                    "invalid private key provider configuration: pollDelay is required".into(),
                ),
                Some(delay) if delay.as_str().and_then(go_duration_nanos) == Some(0) => add(
                    &format!("privateKeyProvider.{kind}.pollDelay"),
                    "invalid private key provider configuration: pollDelay must be non zero".into(),
                ),
                Some(_) => {}
            },
        }
    }
    errors
}

/// `ValidateTLS` (validation.go:280-334) with an empty configuration namespace.
fn client_tls_errors(tls: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let text = |key: &str| tls.get(key).and_then(Value::as_str).unwrap_or_default();
    let mode = match tls.get("mode") {
        Some(Value::String(m)) => m.as_str(),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(1) => "SIMPLE",
            Some(2) => "MUTUAL",
            Some(3) => "ISTIO_MUTUAL",
            _ => "DISABLE",
        },
        _ => "DISABLE",
    };
    let credential = text("credentialName");
    // `credentials.ParseResourceName` (pilot/pkg/model/credentials/resource.go:121-137); with no
    // configuration namespace a well-formed configmap:// credential can never match it.
    if let Some(resource) = credential.strip_prefix("configmap://") {
        let parts: Vec<&str> = resource.split('/').collect();
        let why = if parts.len() <= 1 {
            format!("invalid resource name {credential:?}. Expected namespace and name")
        } else if parts[0].is_empty() {
            format!("invalid resource name {credential:?}. Expected namespace")
        } else if parts[1].is_empty() {
            format!("invalid resource name {credential:?}. Expected name")
        } else {
            "namespace must match the configuration namespace \"\"".to_string()
        };
        errors.push(format!("invalid configmap:// credentialName: {why}"));
    }
    let alt_names = tls.get("subjectAltNames").is_some_and(|v| !v.is_null());
    let insecure = match tls.get("insecureSkipVerify") {
        Some(Value::Bool(b)) => *b,
        Some(Value::Object(o)) => o.get("value").and_then(Value::as_bool).unwrap_or(false),
        _ => false,
    };
    if insecure {
        if mode == "SIMPLE" && (!text("caCertificates").is_empty() || !credential.is_empty() || alt_names) {
            errors.push(
                "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true"
                    .into(),
            );
        }
        if mode == "MUTUAL" && (!text("caCertificates").is_empty() || alt_names) {
            errors.push(
                "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true".into(),
            );
        }
    }
    if matches!(mode, "SIMPLE" | "MUTUAL") && !credential.is_empty() {
        if ["clientCertificate", "caCertificates", "privateKey", "caCrl"].iter().any(|k| !text(k).is_empty())
        {
            errors.push(
                "cannot specify client certificates or CA certificate or CA CRL If credentialName is set"
                    .into(),
            );
        }
        return errors;
    }
    if mode == "MUTUAL" {
        if text("clientCertificate").is_empty() {
            errors.push("client certificate required for mutual tls".into());
        }
        if text("privateKey").is_empty() {
            errors.push("private key required for mutual tls".into());
        }
    }
    errors
}

/// `ValidateLocalityLbSetting` (validation.go:524-581); the first problem, as Istio returns.
fn locality_lb_setting(lb: &Value) -> std::result::Result<(), (String, String)> {
    let distribute = list(lb.get("distribute"));
    let failover = list(lb.get("failover"));
    let priority = list(lb.get("failoverPriority"));
    if !distribute.is_empty() && !failover.is_empty() {
        return Err(("failover".into(), "can not simultaneously specify 'distribute' and 'failover'".into()));
    }
    if !failover.is_empty() {
        for label in priority.iter().filter_map(Value::as_str) {
            if matches!(
                label,
                "topology.kubernetes.io/region" | "topology.kubernetes.io/zone" | "topology.istio.io/subzone"
            ) {
                return Err((
                    "failoverPriority".into(),
                    format!(
                        "can not simultaneously set 'failover' and topology label '{label}' in 'failover_priority'"
                    ),
                ));
            }
        }
    }
    let mut sources = Vec::new();
    for (index, locality) in distribute.iter().enumerate() {
        let here = format!("distribute[{index}]");
        sources.push(locality.get("from").and_then(Value::as_str).unwrap_or_default().to_string());
        let to = locality.get("to").and_then(Value::as_object).cloned().unwrap_or_default();
        let mut total = 0.0;
        for weight in to.values() {
            let weight = number(weight);
            if weight <= 0.0 || weight > 100.0 {
                return Err((here, "locality weight must be in range [1, 100]".into()));
            }
            total += weight;
        }
        if total != 100.0 {
            return Err((here, format!("total locality weight {total} != 100")));
        }
        localities(&to.keys().cloned().collect::<Vec<_>>()).map_err(|e| (here.clone(), e))?;
    }
    localities(&sources).map_err(|e| ("distribute".to_string(), e))?;
    for (index, f) in failover.iter().enumerate() {
        let here = format!("failover[{index}]");
        let from = f.get("from").and_then(Value::as_str).unwrap_or_default();
        let to = f.get("to").and_then(Value::as_str).unwrap_or_default();
        if from == to {
            return Err((here, "locality lb failover settings must specify different regions".into()));
        }
        if from.contains('/') || to.contains('/') {
            return Err((here, "locality lb failover only specify region".into()));
        }
        if from.contains('*') || to.contains('*') {
            return Err((here, "locality lb failover region should not contain '*' wildcard".into()));
        }
    }
    Ok(())
}

/// `validateLocalities` (validation.go:589-651): a wildcard only once and last, no empty part,
/// no locality covered by another.
fn localities(list: &[String]) -> std::result::Result<(), String> {
    use std::collections::HashMap;
    let mut regions: HashMap<String, HashMap<String, HashMap<String, bool>>> = HashMap::new();
    for locality in list {
        let stars = locality.matches('*').count();
        if stars > 1 || (stars == 1 && !locality.ends_with('*')) {
            return Err(format!(
                "locality {locality} wildcard '*' number can not exceed 1 and must be in the end"
            ));
        }
        let overlap = || format!("locality {locality} overlap with previous specified ones");
        if regions.contains_key("*") {
            return Err(overlap());
        }
        let parts: Vec<String> = locality.splitn(3, '/').map(String::from).collect();
        if parts.iter().any(String::is_empty) {
            return Err(format!("locality {locality} must not contain empty region/zone/subzone info"));
        }
        let star = || HashMap::from([("*".to_string(), true)]);
        match parts.as_slice() {
            [region] => {
                if regions.contains_key(region) {
                    return Err(overlap());
                }
                regions.insert(region.clone(), HashMap::from([("*".to_string(), star())]));
            }
            [region, zone] => match regions.get_mut(region) {
                Some(zones) => {
                    if zones.contains_key("*") || zones.contains_key(zone) {
                        return Err(overlap());
                    }
                    zones.insert(zone.clone(), star());
                }
                None => {
                    regions.insert(region.clone(), HashMap::from([(zone.clone(), star())]));
                }
            },
            [region, zone, subzone, ..] => match regions.get_mut(region) {
                Some(zones) => {
                    if zones.contains_key("*") {
                        return Err(overlap());
                    }
                    match zones.get_mut(zone) {
                        Some(subzones) => {
                            if subzones.get("*").copied().unwrap_or(false)
                                || subzones.get(subzone).copied().unwrap_or(false)
                            {
                                return Err(overlap());
                            }
                            subzones.insert(subzone.clone(), true);
                        }
                        None => {
                            zones.insert(zone.clone(), HashMap::from([(subzone.clone(), true)]));
                        }
                    }
                }
                None => {
                    regions.insert(
                        region.clone(),
                        HashMap::from([(zone.clone(), HashMap::from([(subzone.clone(), true)]))]),
                    );
                }
            },
            [] => {}
        }
    }
    Ok(())
}

fn dns1123_label(label: &str) -> bool {
    let b = label.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// `ValidateTrustDomain` (validation.go:740-756).
fn trust_domain_ok(domain: &str) -> std::result::Result<(), String> {
    if domain.is_empty() {
        return Err("empty domain name not allowed".into());
    }
    let parts: Vec<&str> = domain.split('.').collect();
    for (i, label) in parts.iter().enumerate() {
        if i == parts.len() - 1 && label.is_empty() {
            return Ok(());
        }
        if !dns1123_label(label) {
            return Err(format!("trust domain name {domain:?} invalid"));
        }
    }
    Ok(())
}

/// `ValidateWildcardDomain` (validation.go:684-697).
fn wildcard_domain(domain: &str) -> std::result::Result<(), String> {
    if domain.len() > 255 {
        return Err(format!("domain name {domain:?} too long (max 255)"));
    }
    if domain.is_empty() {
        return Err("empty domain name not allowed".into());
    }
    let (first, rest) = match domain.split_once('.') {
        Some((f, r)) => (f, Some(r)),
        None => (domain, None),
    };
    let wildcard_ok =
        first == "*" || first.strip_prefix("*").is_some_and(dns1123_label) || dns1123_label(first);
    if !wildcard_ok {
        return Err(format!("domain name {domain:?} invalid (label {first:?} invalid)"));
    }
    match rest {
        Some(rest) => dns1123_labels(rest).map_err(|_| {
            let bad = rest.split('.').find(|l| !dns1123_label(l)).unwrap_or(rest);
            format!("domain name {rest:?} invalid (label {bad:?} invalid)")
        }),
        None => Ok(()),
    }
}

/// `ValidateDNS1123Labels` (validation.go:196-212).
fn dns1123_labels(domain: &str) -> std::result::Result<(), String> {
    let parts: Vec<&str> = domain.split('.').collect();
    let tld = parts.last().copied().unwrap_or_default();
    if tld.parse::<i64>().is_ok() {
        return Err(format!(
            "domain name {domain:?} invalid (top level domain {tld:?} cannot be all-numeric)"
        ));
    }
    for (i, label) in parts.iter().enumerate() {
        if i == parts.len() - 1 && label.is_empty() {
            return Ok(());
        }
        if !dns1123_label(label) {
            return Err(format!("domain name {domain:?} invalid (label {label:?} invalid)"));
        }
    }
    Ok(())
}

/// `ValidateProxyAddress` (validation.go:233-252): `host:port` with a port in 1..65535 and
/// a DNS-1123 host name or an IP address.
pub fn proxy_address(address: &str) -> std::result::Result<(), String> {
    let (host, port) = split_host_port(address).ok_or_else(|| format!("unable to split {address:?}"))?;
    let port: i64 = port.parse().map_err(|_| format!("port ({port}) is not a number"))?;
    validate_port(port)?;
    let fqdn = !host.is_empty() && host.len() <= 255 && dns1123_labels(host).is_ok();
    if fqdn || host.parse::<std::net::IpAddr>().is_ok() {
        Ok(())
    } else {
        Err(format!("{host:?} is not a valid hostname or an IP address"))
    }
}

/// Go's `net.SplitHostPort`: `host:port` or `[host]:port`.
fn split_host_port(address: &str) -> Option<(&str, &str)> {
    if let Some(rest) = address.strip_prefix('[') {
        let (host, port) = rest.split_once("]:")?;
        return Some((host, port));
    }
    let (host, port) = address.rsplit_once(':')?;
    (!host.contains(':')).then_some((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Go's time.ParseDuration, which jsonpb uses for a Duration.
    #[test]
    fn durations_read_as_go_reads_them() {
        assert_eq!(go_duration_nanos("1h30m"), Some(5400 * SECOND));
        assert_eq!(go_duration_nanos("1.5s"), Some(1_500 * MS));
        assert_eq!(go_duration_nanos("1500us"), Some(1_500_000));
        assert_eq!(go_duration_nanos("-2s"), Some(-2 * SECOND));
        assert_eq!(go_duration_nanos("0"), Some(0));
        assert_eq!(go_duration_nanos("10x"), None);
        assert_eq!(go_duration_nanos("10"), None);
        assert_eq!(go_duration_string(2 * 3600 * SECOND), "2h0m0s");
    }

    // validation.go:589-651 at 1.30.3.
    #[test]
    fn localities_overlap_as_istio_judges_them() {
        let l = |v: &[&str]| localities(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(l(&["us-east", "us-west/zone1", "us-west/zone2/a"]).is_ok());
        assert!(l(&["us-east", "us-east/zone1"]).unwrap_err().contains("overlap"));
        assert!(l(&["*", "us-east"]).unwrap_err().contains("overlap"));
        assert!(l(&["us-east/*/a"]).unwrap_err().contains("wildcard"));
        assert!(l(&["us-east//a"]).unwrap_err().contains("empty"));
    }
}
