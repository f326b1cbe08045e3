//! Rewriting the application's probes to the sidecar agent's status port
//! (pkg/kube/inject/app_probe.go at 1.30.3): each HTTP, TCP or gRPC probe of an app container
//! becomes an HTTP GET on the status port at `/app-health/<container>/<probe>` (lifecycle hooks at
//! `/app-lifecycle/<container>/<hook>`), and the
//! original probes go into the proxy's `ISTIO_KUBE_APP_PROBERS` environment variable.

use serde_json::{Map, Value, json};

pub const PROXY_CONTAINER: &str = "istio-proxy";
const PROBERS_ENV: &str = "ISTIO_KUBE_APP_PROBERS";

/// The five agent paths of one container (pilot/cmd/pilot-agent/status `FormatProberURL`).
fn prober_urls(container: &str) -> [(&'static str, String); 3] {
    [
        ("readinessProbe", format!("/app-health/{container}/readyz")),
        ("livenessProbe", format!("/app-health/{container}/livez")),
        ("startupProbe", format!("/app-health/{container}/startupz")),
    ]
}

fn lifecycle_urls(container: &str) -> [(&'static str, String); 2] {
    [
        // Lifecycle hooks have their own prefix (pilot/cmd/pilot-agent/status/server.go:378-384).
        ("preStop", format!("/app-lifecycle/{container}/prestopz")),
        ("postStart", format!("/app-lifecycle/{container}/poststartz")),
    ]
}

/// Whether to rewrite: the `sidecar.istio.io/rewriteAppHTTPProbers` annotation when it parses as
/// a Go bool, else the values' `sidecarInjectorWebhook.rewriteAppHTTPProbe`
/// (app_probe.go `ShouldRewriteAppHTTPProbers`).
pub fn should_rewrite(annotations: &Map<String, Value>, values_setting: bool) -> bool {
    annotations
        .get("sidecar.istio.io/rewriteAppHTTPProbers")
        .and_then(Value::as_str)
        .and_then(super::go_bool)
        .unwrap_or(values_setting)
}

/// `applyRewrite` (webhook.go:826-845): records the probes on the proxy, then rewrites them.
/// `previously_injected` (the pod had a status annotation) merges with an existing record.
pub fn apply_rewrite(pod: &mut Value, status_port: i64, previously_injected: bool) {
    if find_proxy(pod).is_none() {
        return;
    }
    if let Some(probers) = dump_app_probers(pod, status_port)
        && let Some(proxy) = find_proxy(pod)
    {
        merge_or_append_probers(proxy, &probers, previously_injected);
    }
    let annotations = pod["metadata"]["annotations"].as_object().cloned().unwrap_or_default();
    patch_rewrite_probe(&annotations, pod, status_port);
}

fn find_proxy(pod: &mut Value) -> Option<&mut Map<String, Value>> {
    let spec = pod.get_mut("spec")?.as_object_mut()?;
    let in_containers = spec
        .get("containers")
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|c| c["name"] == PROXY_CONTAINER));
    let field = if in_containers { "containers" } else { "initContainers" };
    spec.get_mut(field)?.as_array_mut()?.iter_mut().find(|c| c["name"] == PROXY_CONTAINER)?.as_object_mut()
}

/// `mergeOrAppendProbers` (webhook.go:847-885).
fn merge_or_append_probers(proxy: &mut Map<String, Value>, probers: &str, previously_injected: bool) {
    let env = proxy.entry("env").or_insert_with(|| Value::Array(vec![]));
    let Some(env) = env.as_array_mut() else { return };
    if previously_injected && let Some(existing) = env.iter_mut().find(|e| e["name"] == PROBERS_ENV) {
        let old: Option<Map<String, Value>> =
            existing["value"].as_str().and_then(|v| serde_json::from_str(v).ok());
        let new: Option<Map<String, Value>> = serde_json::from_str(probers).ok();
        if let (Some(old), Some(mut new)) = (old, new) {
            for (k, v) in old {
                new.insert(k, v);
            }
            let sorted = super::typed::sorted(new);
            *existing = json!({"name": PROBERS_ENV, "value": go_json(&Value::Object(sorted))});
        }
        return;
    }
    env.push(json!({"name": PROBERS_ENV, "value": probers}));
}

/// `DumpAppProbers` (app_probe.go): the probes of every container but the proxy, keyed by
/// agent path, with named ports resolved; `None` when there is none.
pub fn dump_app_probers(pod: &Value, status_port: i64) -> Option<String> {
    let mut out = Map::new();
    for container in all_containers(pod) {
        let name = container["name"].as_str().unwrap_or_default();
        if name == PROXY_CONTAINER {
            continue;
        }
        let mut ports = Map::new();
        for port in container["ports"].as_array().into_iter().flatten() {
            if let Some(port_name) = port["name"].as_str().filter(|n| !n.is_empty()) {
                ports.insert(port_name.to_string(), port["containerPort"].clone());
            }
        }
        for (field, url) in prober_urls(name) {
            if let Some(prober) =
                probe_to_prober(&container[field]).and_then(|p| resolve_named_port(p, &ports, status_port))
            {
                out.insert(url, prober);
            }
        }
        if let Some(lifecycle) = container.get("lifecycle") {
            for (field, url) in lifecycle_urls(name) {
                if let Some(prober) = handler_to_prober(&lifecycle[field])
                    .and_then(|p| resolve_named_port(p, &ports, status_port))
                {
                    out.insert(url, prober);
                }
            }
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(go_json(&Value::Object(super::typed::sorted(out))))
}

fn all_containers(pod: &Value) -> Vec<&Value> {
    let spec = &pod["spec"];
    spec["initContainers"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(spec["containers"].as_array().into_iter().flatten())
        .collect()
}

/// `kubeProbeToInternalProber`: the probe's action and timeout, as the `Prober` struct orders them.
fn probe_to_prober(probe: &Value) -> Option<Value> {
    let probe = probe.as_object()?;
    let timeout = probe.get("timeoutSeconds").and_then(Value::as_i64).unwrap_or(0);
    let mut prober = Map::new();
    if let Some(http) = probe.get("httpGet").filter(|v| v.is_object()) {
        prober.insert("httpGet".into(), http_get_action(http));
    } else if let Some(tcp) = probe.get("tcpSocket").filter(|v| v.is_object()) {
        prober.insert("tcpSocket".into(), tcp_socket_action(tcp));
    } else if let Some(grpc) = probe.get("grpc").filter(|v| v.is_object()) {
        prober.insert("grpc".into(), grpc_action(grpc));
    } else {
        return None;
    }
    if timeout != 0 {
        prober.insert("timeoutSeconds".into(), json!(timeout));
    }
    Some(Value::Object(prober))
}

fn handler_to_prober(handler: &Value) -> Option<Value> {
    let handler = handler.as_object()?;
    let mut prober = Map::new();
    if let Some(http) = handler.get("httpGet").filter(|v| v.is_object()) {
        prober.insert("httpGet".into(), http_get_action(http));
    } else if let Some(tcp) = handler.get("tcpSocket").filter(|v| v.is_object()) {
        prober.insert("tcpSocket".into(), tcp_socket_action(tcp));
    } else {
        return None;
    }
    Some(Value::Object(prober))
}

/// `HTTPGetAction` in Go's field order: path, port, host, scheme, httpHeaders (omitempty).
fn http_get_action(http: &Value) -> Value {
    let mut out = Map::new();
    for field in ["path", "port", "host", "scheme", "httpHeaders"] {
        if let Some(v) = http.get(field).filter(|v| !is_zero(v) || field == "port") {
            out.insert(field.into(), v.clone());
        }
    }
    Value::Object(out)
}

fn tcp_socket_action(tcp: &Value) -> Value {
    let mut out = Map::new();
    out.insert("port".into(), tcp.get("port").cloned().unwrap_or(json!(0)));
    if let Some(host) = tcp.get("host").filter(|v| !is_zero(v)) {
        out.insert("host".into(), host.clone());
    }
    Value::Object(out)
}

/// `GRPCAction`: `port` and `service`, a pointer without omitempty (prints `null`).
fn grpc_action(grpc: &Value) -> Value {
    json!({"port": grpc.get("port").cloned().unwrap_or(json!(0)), "service": grpc.get("service").cloned().unwrap_or(Value::Null)})
}

fn is_zero(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

/// `updateNamedPort` in `DumpAppProbers`: a named port becomes its number (unknown names drop
/// the probe); a probe already on the status port is dropped.
fn resolve_named_port(mut prober: Value, ports: &Map<String, Value>, status_port: i64) -> Option<Value> {
    if prober.get("grpc").is_some() {
        return Some(prober);
    }
    let action = if prober.get("httpGet").is_some() { "httpGet" } else { "tcpSocket" };
    let port = prober[action]["port"].clone();
    match port {
        Value::String(name) => {
            let number = ports.get(&name)?.clone();
            prober[action]["port"] = number;
        }
        Value::Number(n) if n.as_i64() == Some(status_port) => return None,
        _ => {}
    }
    Some(prober)
}

/// `patchRewriteProbe` (app_probe.go): the status port from `status.sidecar.istio.io/port` or the
/// mesh default, then every app container's probes and HTTP/TCP lifecycle hooks are pointed at it.
fn patch_rewrite_probe(annotations: &Map<String, Value>, pod: &mut Value, default_port: i64) {
    let status_port = match annotations.get("status.sidecar.istio.io/port").and_then(Value::as_str) {
        // Go's strconv.Atoi failure leaves 0 here.
        Some(text) => text.trim().parse::<i64>().unwrap_or(0),
        None => default_port,
    };
    for field in ["containers", "initContainers"] {
        let Some(list) = pod["spec"].get_mut(field).and_then(Value::as_array_mut) else { continue };
        for container in list.iter_mut() {
            let name = container["name"].as_str().unwrap_or_default().to_string();
            if name == PROXY_CONTAINER {
                continue;
            }
            let Some(container) = container.as_object_mut() else { continue };
            for (probe_field, url) in prober_urls(&name) {
                if let Some(probe) = container.get_mut(probe_field).and_then(Value::as_object_mut) {
                    convert(probe, &url, status_port, true);
                }
            }
            if let Some(lifecycle) = container.get_mut("lifecycle").and_then(Value::as_object_mut) {
                for (hook, url) in lifecycle_urls(&name) {
                    if let Some(handler) = lifecycle.get_mut(hook).and_then(Value::as_object_mut) {
                        convert(handler, &url, status_port, false);
                    }
                }
            }
        }
    }
}

/// `convertAppProber` / `convertAppLifecycleHandler`: HTTP keeps its headers and host, gets the
/// new path and port, HTTPS becomes HTTP; TCP and gRPC (probes only) become a bare HTTP GET.
fn convert(handler: &mut Map<String, Value>, url: &str, port: i64, grpc_too: bool) {
    let is_set = |m: &Map<String, Value>, k: &str| m.get(k).is_some_and(Value::is_object);
    if is_set(handler, "httpGet") {
        let http = handler.get_mut("httpGet").and_then(Value::as_object_mut).expect("checked above");
        rewrite_http_get(http, url, port);
    } else if is_set(handler, "tcpSocket") {
        handler.remove("tcpSocket");
        let mut http = Map::new();
        rewrite_http_get(&mut http, url, port);
        handler.insert("httpGet".into(), Value::Object(http));
    } else if grpc_too && is_set(handler, "grpc") {
        handler.remove("grpc");
        let mut http = Map::new();
        rewrite_http_get(&mut http, url, port);
        handler.insert("httpGet".into(), Value::Object(http));
    }
}

fn rewrite_http_get(http: &mut Map<String, Value>, url: &str, port: i64) {
    http.insert("port".into(), json!(port));
    http.insert("path".into(), json!(url));
    if http.get("scheme").and_then(Value::as_str) == Some("HTTPS") {
        http.insert("scheme".into(), json!("HTTP"));
    }
}

/// Go's `encoding/json` of the prober record: compact, struct fields in their Go declaration
/// order (`Prober`, `HTTPGetAction`, `HTTPHeader`, `TCPSocketAction`, `GRPCAction`), map keys
/// sorted, and `<`, `>` and `&` escaped as Go does by default.
pub fn go_json(value: &Value) -> String {
    go_json_in_order(value, FIELD_ORDER)
}

/// Go's `encoding/json` of a value whose structs declare their fields in `order` (one list for
/// every struct involved, consistent with each declaration); keys not in it are map keys, sorted.
pub fn go_json_in_order(value: &Value, order: &[&str]) -> String {
    let mut out = String::new();
    write_go_json(value, order, &mut out);
    out
}

const FIELD_ORDER: &[&str] = &[
    "httpGet",
    "tcpSocket",
    "grpc",
    "timeoutSeconds",
    "path",
    "port",
    "host",
    "scheme",
    "httpHeaders",
    "name",
    "value",
    "service",
];

fn write_go_json(value: &Value, order: &[&str], out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| (order.iter().position(|f| f == k).unwrap_or(usize::MAX), k.as_str()));
            out.push('{');
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go_json(&Value::String((*key).clone()), order, out);
                out.push(':');
                write_go_json(&map[*key], order, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_go_json(item, order, out);
            }
            out.push(']');
        }
        Value::String(_) => {
            let text = serde_json::to_string(value).expect("strings always serialise");
            out.push_str(&text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"));
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // pkg/kube/inject/app_probe.go at 1.30.3: the record keeps each original action and
    // timeout, a named port becomes its number, and a gRPC probe keeps `service: null`.
    #[test]
    fn probes_are_recorded_and_pointed_at_the_status_port() {
        let mut pod = json!({"metadata": {}, "spec": {"containers": [
            {"name": "web", "ports": [{"containerPort": 80, "name": "http"}],
             "readinessProbe": {"httpGet": {"path": "/ready", "port": "http", "scheme": "HTTPS"}, "timeoutSeconds": 2},
             "startupProbe": {"tcpSocket": {"port": 80}},
             "livenessProbe": {"grpc": {"port": 8079}}},
            {"name": "istio-proxy", "env": []}]}});
        apply_rewrite(&mut pod, 15020, false);
        let web = &pod["spec"]["containers"][0];
        assert_eq!(
            web["readinessProbe"],
            json!({"httpGet": {"path": "/app-health/web/readyz", "port": 15020, "scheme": "HTTP"}, "timeoutSeconds": 2})
        );
        assert_eq!(
            web["startupProbe"],
            json!({"httpGet": {"path": "/app-health/web/startupz", "port": 15020}})
        );
        assert_eq!(
            web["livenessProbe"],
            json!({"httpGet": {"path": "/app-health/web/livez", "port": 15020}})
        );
        assert_eq!(
            pod["spec"]["containers"][1]["env"][0]["value"],
            json!(
                r#"{"/app-health/web/livez":{"grpc":{"port":8079,"service":null}},"/app-health/web/readyz":{"httpGet":{"path":"/ready","port":80,"scheme":"HTTPS"},"timeoutSeconds":2},"/app-health/web/startupz":{"tcpSocket":{"port":80}}}"#
            )
        );
    }

    #[test]
    fn a_probe_on_the_status_port_is_not_recorded() {
        let pod = json!({"spec": {"containers": [{"name": "a", "readinessProbe": {"httpGet": {"port": 15020, "path": "/x"}}}]}});
        assert_eq!(dump_app_probers(&pod, 15020), None);
    }
}
