//! The pod annotations istioctl checks before running the templates
//! (pkg/kube/inject/validate.go:40-61 `AnnotationValidation`, :72-81 `validateAnnotations`).
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
}
