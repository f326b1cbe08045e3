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
    if quantity_ok(value) {
        Ok(())
    } else {
        Err("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
            .into())
    }
}

/// What `resource.ParseQuantity` accepts.
pub(crate) fn quantity_ok(value: &str) -> bool {
    let exponent_form = value.split_once(['e', 'E']).is_some_and(|(m, e)| {
        m.parse::<f64>().is_ok() && e.trim_start_matches(['+', '-']).parse::<u32>().is_ok()
    });
    super::typed::canonical_quantity(value).is_some() || exponent_form
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

/// `validateProxyConfig` (validate.go:63-70): the annotation's YAML decoded by jsonpb over
/// `DefaultProxyConfig` (a field of the wrong type or a bad duration refuses it, an unknown field
/// does not), then `agent.ValidateMeshConfigProxyConfig`
/// (pkg/config/validation/agent/validation.go:336-452), tracing TLS settings and the private
/// key provider included (`mesh_config::proxy_config_errors`).
fn proxy_config(text: &str) -> Result<(), String> {
    let over =
        super::parse_yaml(text).map_err(|e| format!("failed to convert to apply proxy config: {e}"))?;
    let mut config = super::config::default_proxy_config();
    match &over {
        Value::Object(_) => {
            crate::model::istio::mesh_config::check_proxy_config_types(&over, "proxyConfig")
                .map_err(|e| format!("failed to convert to apply proxy config: {e}"))?;
            super::config::merge_over(&mut config, &over)
        }
        Value::Null => {}
        _ => return Err("failed to convert to apply proxy config: not a mapping".into()),
    }
    let errors = crate::model::istio::mesh_config::proxy_config_errors(&config);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.into_iter().map(|(field, why)| format!("{field}: {why}")).collect::<Vec<_>>().join("; "))
    }
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

    /// testdata/istio-1.30.3-validation/proxyconfig: istioctl 1.30.3's decision on each
    /// annotation, from Istio's own code. A refusal by the decoder is one osm reports as a
    /// conversion failure; a refusal by the validation carries each of Istio's reasons.
    #[test]
    fn proxy_config_annotations_are_decided_as_istioctl_decides() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/istio-1.30.3-validation/proxyconfig");
        let expected = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
        let mut checked = 0;
        for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let columns: Vec<&str> = line.split('\t').collect();
            let (name, verdict) = (columns[0], columns[1]);
            let text = std::fs::read_to_string(dir.join(format!("{name}.yaml"))).unwrap();
            let annotations = json!({"proxy.istio.io/config": text});
            let result = validate_annotations(annotations.as_object().unwrap());
            if verdict == "accepted" {
                assert_eq!(result, Ok(()), "{name}");
                checked += 1;
                continue;
            }
            let err =
                result.expect_err(&format!("{name}: istioctl refuses it ({}), osm accepted", columns[2]));
            let istio = columns[2];
            if istio.contains("failed to convert to apply proxy config") {
                assert!(err.contains("failed to convert to apply proxy config"), "{name}: {err}");
            } else {
                for reason in istio.split(" * ").skip(1) {
                    assert!(err.contains(reason.trim()), "{name}: {reason:?} missing from {err}");
                }
            }
            checked += 1;
        }
        assert!(checked >= 19, "only {checked} cases");
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
            ("drainDuration: 1500ms\n", "seconds precision"),
            ("drainDuration: 10x\n", "failed to convert to apply proxy config"),
            ("drainDuration: 1.5s\n", "seconds precision"),
            ("discoveryAddress: istiod\n", "invalid discovery address"),
            ("discoveryAddress: bad_host:15012\n", "not a valid hostname or an IP address"),
            ("statusPort: 70000\n", "invalid status port"),
            ("controlPlaneAuthPolicy: SOMETIMES\n", "failed to convert to apply proxy config"),
            ("controlPlaneAuthPolicy: INHERIT\n", "invalid authentication policy"),
            ("configPath: \"\"\n", "config path must be set"),
            ("tracing:\n  zipkin:\n    address: zipkin\n", "invalid zipkin config"),
            ("tracing:\n  lightstep:\n    address: ls:443\n", "access token is required"),
        ] {
            let err = check(text).unwrap_err();
            assert!(err.contains(why) && err.contains("proxy.istio.io/config"), "{text}: {err}");
        }
    }
}
