//! The pod annotations istioctl checks before running the templates
//! (pkg/kube/inject/validate.go:40-61 `AnnotationValidation`, :72-81 `validateAnnotations`).
//! The order istioctl reports several problems in follows Go's map order; here it is the
//! annotations' order.
//! A bad value refuses the workload rather than reaching the proxy's arguments.

use serde_json::{Map, Value};

/// Every invalid annotation, each as `invalid value 'V' for annotation 'NAME': WHY`.
pub fn validate_annotations(annotations: &Map<String, Value>) -> Result<(), String> {
    let mut problems = Vec::new();
    for (name, value) in annotations {
        let Some(value) = value.as_str() else { continue };
        let check: fn(&str) -> Result<(), String> = match name.as_str() {
            "sidecar.istio.io/interceptionMode" => interception_mode,
            "status.sidecar.istio.io/port" => {
                |v| port(v).map(|_| ()).map_err(|e| format!("excludeInboundPorts invalid: {e}"))
            }
            "readiness.status.sidecar.istio.io/initialDelaySeconds"
            | "readiness.status.sidecar.istio.io/periodSeconds"
            | "readiness.status.sidecar.istio.io/failureThreshold" => uint32,
            "traffic.sidecar.istio.io/includeOutboundIPRanges" => |v| {
                if v == "*" { Ok(()) } else { cidrs(v).map_err(|e| format!("includeIPRanges invalid: {e}")) }
            },
            "traffic.sidecar.istio.io/excludeOutboundIPRanges" => {
                |v| cidrs(v).map_err(|e| format!("excludeIPRanges invalid: {e}"))
            }
            "traffic.sidecar.istio.io/includeInboundPorts" => {
                |v| if v == "*" { Ok(()) } else { ports("includeInboundPorts", v) }
            }
            "traffic.sidecar.istio.io/excludeInboundPorts" => |v| ports("excludeInboundPorts", v),
            "traffic.sidecar.istio.io/excludeOutboundPorts" => |v| ports("excludeOutboundPorts", v),
            "prometheus.istio.io/merge-metrics" => |v| {
                super::go_bool(v)
                    .map(|_| ())
                    .ok_or_else(|| format!("strconv.ParseBool: parsing {v:?}: invalid syntax"))
            },
            // The interface names reach iptables' arguments (validate.go:51-53).
            "traffic.sidecar.istio.io/excludeInterfaces"
            | "traffic.sidecar.istio.io/kubevirtInterfaces"
            | "istio.io/reroute-virtual-interfaces" => interface_names,
            "proxy.istio.io/config" => proxy_config,
            "sidecar.istio.io/proxyCPU"
            | "sidecar.istio.io/proxyMemory"
            | "sidecar.istio.io/proxyCPULimit"
            | "sidecar.istio.io/proxyMemoryLimit" => quantity,
            _ => continue,
        };
        if let Err(why) = check(value) {
            problems.push(format!("invalid value '{value}' for annotation '{name}': {why}"));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("; ")) }
}

fn interception_mode(mode: &str) -> Result<(), String> {
    match mode {
        "REDIRECT" | "TPROXY" | "NONE" => Ok(()),
        _ => Err(format!("interceptionMode invalid, use REDIRECT,TPROXY,NONE: {mode}")),
    }
}

fn uint32(value: &str) -> Result<(), String> {
    value
        .parse::<u32>()
        .map(|_| ())
        .map_err(|_| format!("strconv.ParseUint: parsing {value:?}: invalid syntax"))
}

/// `parsePort`: an unsigned 16-bit number, spaces around it allowed.
fn port(text: &str) -> Result<u16, String> {
    text.trim().parse::<u16>().map_err(|_| format!("failed parsing port '{text}'"))
}

/// `validatePortList` / `parsePorts`: a comma-separated list of ports, or nothing.
fn ports(parameter: &str, list: &str) -> Result<(), String> {
    let list = list.trim();
    if list.is_empty() {
        return Ok(());
    }
    for item in list.split(',') {
        port(item).map_err(|e| format!("{parameter} invalid: failed parsing port '{item}': {e}"))?;
    }
    Ok(())
}

/// `validateCIDRList`: each item a prefix `netip.ParsePrefix` accepts (address/bits).
fn cidrs(list: &str) -> Result<(), String> {
    if list.is_empty() {
        return Ok(());
    }
    for cidr in list.split(',') {
        let valid = cidr.split_once('/').is_some_and(|(addr, bits)| {
            let bits: Option<u8> =
                if bits.len() > 1 && bits.starts_with('0') { None } else { bits.parse().ok() };
            match (addr.parse::<std::net::IpAddr>(), bits) {
                (Ok(std::net::IpAddr::V4(_)), Some(b)) => b <= 32,
                (Ok(std::net::IpAddr::V6(_)), Some(b)) => b <= 128,
                _ => false,
            }
        });
        if !valid {
            return Err(format!("failed parsing cidr '{cidr}'"));
        }
    }
    Ok(())
}

/// `validateResourceQuantity`: no control characters, and a quantity `resource.ParseQuantity` reads.
fn quantity(value: &str) -> Result<(), String> {
    if value.chars().any(char::is_control) {
        return Err("value contains control characters".into());
    }
    let exponent_form = value.split_once(['e', 'E']).is_some_and(|(m, e)| {
        m.parse::<f64>().is_ok() && e.trim_start_matches(['+', '-']).parse::<u32>().is_ok()
    });
    if super::typed::canonical_quantity(value).is_some() || exponent_form {
        Ok(())
    } else {
        Err("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            .into())
    }
}

/// `netutil.ValidateInterfaceNames` (pkg/util/net/ip.go:104-124): a comma-separated list of
/// Linux interface names, each 1-15 characters of `[a-zA-Z][a-zA-Z0-9_.-]*`.
fn interface_names(list: &str) -> Result<(), String> {
    if list.is_empty() {
        return Ok(());
    }
    for name in list.split(',') {
        let name = name.trim();
        if name.is_empty() {
            return Err("empty interface name".into());
        }
        if name.len() > 15 {
            return Err(format!("interface name {name:?} too long (max 15 chars)"));
        }
        let mut chars = name.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        if !valid {
            return Err(format!("interface name {name:?} contains invalid characters"));
        }
    }
    Ok(())
}

/// `validateProxyConfig` (validate.go:63-70): the annotation's YAML over `DefaultProxyConfig`,
/// then the checks of `agent.ValidateMeshConfigProxyConfig`
/// (pkg/config/validation/agent/validation.go:336-452) on the fields a proxy config annotation
/// sets in practice: paths, service cluster, drain duration, the addresses (tracer collectors
/// included), ports and the control plane auth policy. Tracing TLS settings, custom tags and the
/// private key provider are not checked.
fn proxy_config(text: &str) -> Result<(), String> {
    let over =
        super::parse_yaml(text).map_err(|e| format!("failed to convert to apply proxy config: {e}"))?;
    let mut config = super::config::default_proxy_config();
    match &over {
        Value::Object(_) => super::config::merge_over(&mut config, &over),
        Value::Null => {}
        _ => return Err("failed to convert to apply proxy config: not a mapping".into()),
    }
    let mut errors = Vec::new();
    let text_of = |key: &str| config.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    if text_of("configPath").is_empty() {
        errors.push("config path must be set".to_string());
    }
    if text_of("binaryPath").is_empty() {
        errors.push("binary path must be set".to_string());
    }
    if config.get("tracingServiceName").is_none() && text_of("serviceCluster").is_empty() {
        errors.push("service cluster must be specified".to_string());
    }
    match config.get("drainDuration").map(duration_nanos) {
        Some(Ok(nanos)) => {
            if nanos < 1_000_000 {
                errors.push("invalid drain duration: duration must be greater than 1ms".into());
            } else if nanos % 1_000_000 != 0 {
                errors.push("invalid drain duration: only durations to ms precision are supported".into());
            } else if nanos % 1_000_000_000 != 0 {
                errors.push("drain time only supports durations to seconds precision".into());
            }
        }
        Some(Err(e)) => return Err(format!("failed to convert to apply proxy config: {e}")),
        None => errors.push("invalid drain duration: duration must be greater than 1ms".into()),
    }
    let discovery = text_of("discoveryAddress");
    if discovery.is_empty() {
        errors.push("discovery address must be set to the proxy discovery service".into());
    } else if let Err(e) = proxy_address(&discovery) {
        errors.push(format!("invalid discovery address: {e}"));
    }
    // The tracers' collectors (agent/validation.go:255-278, called at :370-386); `$(HOST_IP)`
    // stands for an address the proxy fills in.
    let tracing = &config["tracing"];
    if let Some(lightstep) = tracing.get("lightstep").filter(|l| l.is_object()) {
        let address = lightstep["address"].as_str().unwrap_or_default();
        if address.is_empty() {
            errors.push("invalid lightstep config: address is required".into());
        }
        if let Err(e) = proxy_address(address) {
            errors.push(format!("invalid lightstep config: invalid lightstep address: {e}"));
        }
        if lightstep["accessToken"].as_str().unwrap_or_default().is_empty() {
            errors.push("invalid lightstep config: access token is required".into());
        }
    }
    for tracer in ["zipkin", "datadog"] {
        if let Some(collector) = tracing.get(tracer).filter(|c| c.is_object()) {
            let address =
                collector["address"].as_str().unwrap_or_default().replacen("$(HOST_IP)", "127.0.0.1", 1);
            if let Err(e) = proxy_address(&address) {
                errors.push(format!("invalid {tracer} config: {e}"));
            }
        }
    }
    for (address, what) in [
        (text_of("statsdUdpAddress"), "statsd udp address"),
        (text_of("envoyMetricsServiceAddress"), "envoy metrics service address"),
        (
            config["envoyMetricsService"]["address"].as_str().unwrap_or_default().to_string(),
            "envoy metrics service address",
        ),
        (
            config["envoyAccessLogService"]["address"].as_str().unwrap_or_default().to_string(),
            "envoy access log service address",
        ),
    ] {
        if !address.is_empty()
            && let Err(e) = proxy_address(&address)
        {
            errors.push(format!("invalid {what} {address:?}: {e}"));
        }
    }
    for (key, what) in [("proxyAdminPort", "proxy admin port"), ("statusPort", "status port")] {
        let port = config.get(key).and_then(Value::as_i64).unwrap_or(0);
        if !(1..=65535).contains(&port) {
            errors.push(format!("invalid {what}: port number {port} must be in the range 1..65535"));
        }
    }
    match config.get("controlPlaneAuthPolicy").and_then(Value::as_str) {
        Some("NONE" | "MUTUAL_TLS") => {}
        other => errors.push(format!(
            "invalid authentication policy: unrecognized control plane auth policy {:?}",
            other.unwrap_or_default()
        )),
    }
    if errors.is_empty() { Ok(()) } else { Err(errors.join("; ")) }
}

/// A protobuf JSON duration (`"45s"`, `"1.5s"`, `"-2s"`) in nanoseconds.
fn duration_nanos(value: &Value) -> Result<i128, String> {
    let text = value.as_str().ok_or_else(|| format!("bad Duration: {value}"))?;
    let bad = || format!("bad Duration: {text:?}");
    let body = text.strip_suffix('s').ok_or_else(bad)?;
    let (negative, body) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body),
    };
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 9
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let seconds: i128 = whole.parse().map_err(|_| bad())?;
    let nanos: i128 =
        if fraction.is_empty() { 0 } else { format!("{fraction:0<9}").parse().map_err(|_| bad())? };
    let total = seconds * 1_000_000_000 + nanos;
    Ok(if negative { -total } else { total })
}

/// `ValidateProxyAddress` (agent/validation.go:233-252): `host:port` with a port in 1..65535 and
/// a DNS-1123 host name or an IP address.
fn proxy_address(address: &str) -> Result<(), String> {
    let (host, port) = split_host_port(address).ok_or_else(|| format!("unable to split {address:?}"))?;
    let port: i64 = port.parse().map_err(|_| format!("port ({port}) is not a number"))?;
    if !(1..=65535).contains(&port) {
        return Err(format!("port number {port} must be in the range 1..65535"));
    }
    if fqdn(host) || host.parse::<std::net::IpAddr>().is_ok() {
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

/// `ValidateFQDN` (agent/validation.go:186-231): at most 255 characters, DNS-1123 labels, a top
/// level domain that is not all digits, an empty last label allowed.
fn fqdn(name: &str) -> bool {
    if name.is_empty() || name.len() > 255 {
        return false;
    }
    let parts: Vec<&str> = name.split('.').collect();
    if parts.last().is_some_and(|tld| tld.parse::<i64>().is_ok()) {
        return false;
    }
    parts.iter().enumerate().all(|(i, label)| {
        (i == parts.len() - 1 && label.is_empty()) || {
            let bytes = label.as_bytes();
            !bytes.is_empty()
                && bytes.len() <= 63
                && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
                && bytes[0] != b'-'
                && bytes[bytes.len() - 1] != b'-'
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // The rules of pkg/kube/inject/validate.go at 1.30.3.
    #[test]
    fn bad_annotation_values_are_named() {
        let good = json!({"sidecar.istio.io/interceptionMode": "TPROXY", "traffic.sidecar.istio.io/includeInboundPorts": "*",
            "traffic.sidecar.istio.io/excludeOutboundPorts": "5432, 6379", "sidecar.istio.io/proxyCPU": "200m",
            "traffic.sidecar.istio.io/excludeOutboundIPRanges": "10.0.0.0/8,fd00::/8", "other": "anything"});
        assert_eq!(validate_annotations(good.as_object().unwrap()), Ok(()));
        let bad = json!({"sidecar.istio.io/interceptionMode": "MAGIC", "status.sidecar.istio.io/port": "70000",
            "sidecar.istio.io/proxyMemory": "lots", "traffic.sidecar.istio.io/includeOutboundIPRanges": "10.0.0.0"});
        let err = validate_annotations(bad.as_object().unwrap()).unwrap_err();
        for name in
            ["interceptionMode", "status.sidecar.istio.io/port", "proxyMemory", "includeOutboundIPRanges"]
        {
            assert!(err.contains(name), "{name}: {err}");
        }
    }

    // pkg/util/net/ip.go:104-124 at 1.30.3, and its cases in ip_test.go.
    #[test]
    fn interface_name_annotations_are_checked() {
        for (name, good) in [
            ("traffic.sidecar.istio.io/excludeInterfaces", "eth0, net1,veth-a.1"),
            ("traffic.sidecar.istio.io/kubevirtInterfaces", "net1"),
            ("istio.io/reroute-virtual-interfaces", ""),
        ] {
            let ok = json!({ name: good });
            assert_eq!(validate_annotations(ok.as_object().unwrap()), Ok(()), "{name}");
        }
        for (bad, why) in [
            ("eth0,", "empty interface name"),
            ("averyveryverylongname", "too long (max 15 chars)"),
            ("0eth", "contains invalid characters"),
            ("eth0;rm -rf", "contains invalid characters"),
        ] {
            let annotations = json!({"istio.io/reroute-virtual-interfaces": bad});
            let err = validate_annotations(annotations.as_object().unwrap()).unwrap_err();
            assert!(err.contains(why) && err.contains("istio.io/reroute-virtual-interfaces"), "{bad}: {err}");
        }
    }

    // agent/validation.go:336-452 at 1.30.3 on a proxy config annotation.
    #[test]
    fn the_proxy_config_annotation_is_checked() {
        let check = |text: &str| {
            let annotations = json!({"proxy.istio.io/config": text});
            validate_annotations(annotations.as_object().unwrap())
        };
        assert_eq!(check("holdApplicationUntilProxyStarts: true\nconcurrency: 2\n"), Ok(()));
        assert_eq!(check("drainDuration: 23s\nunknownField: 1\n"), Ok(()));
        assert_eq!(check("tracing:\n  zipkin:\n    address: $(HOST_IP):9411\n"), Ok(()));
        for (text, why) in [
            ("drainDuration: 1500ms\n", "failed to convert to apply proxy config"),
            ("drainDuration: 1.5s\n", "seconds precision"),
            ("discoveryAddress: istiod\n", "invalid discovery address"),
            ("discoveryAddress: bad_host:15012\n", "not a valid hostname or an IP address"),
            ("statusPort: 70000\n", "invalid status port"),
            ("controlPlaneAuthPolicy: SOMETIMES\n", "invalid authentication policy"),
            ("configPath: \"\"\n", "config path must be set"),
            ("tracing:\n  zipkin:\n    address: zipkin\n", "invalid zipkin config"),
            ("tracing:\n  lightstep:\n    address: ls:443\n", "access token is required"),
        ] {
            let err = check(text).unwrap_err();
            assert!(err.contains(why) && err.contains("proxy.istio.io/config"), "{text}: {err}");
        }
    }
}
