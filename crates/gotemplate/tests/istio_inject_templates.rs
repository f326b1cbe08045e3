//! Istio 1.30.3's sidecar and gateway injection templates (the istiod chart's files/*.yaml other
//! than the profiles) parse with Sprig plus the injector's own function names
//! (pkg/kube/inject/template.go InjectionFuncmap), as istiod parses them
//! (pkg/kube/inject/inject.go: template.New("inject").Funcs(sprig.TxtFuncMap()).Funcs(funcMap)).

use std::path::Path;
use std::sync::Arc;

use gotemplate::{Templates, Value};

/// pkg/kube/inject/template.go createInjectionFuncmap.
const INJECTOR_FUNCS: &[&str] = &[
    "formatDuration",
    "isset",
    "excludeInboundPort",
    "includeInboundPorts",
    "kubevirtInterfaces",
    "excludeInterfaces",
    "applicationPorts",
    "annotation",
    "valueOrDefault",
    "toJSON",
    "fromJSON",
    "structToJSON",
    "protoToJSON",
    "toYaml",
    "indent",
    "directory",
    "contains",
    "toLower",
    "appendMultusNetwork",
    "env",
    "omit",
    "strdict",
    "toJsonMap",
    "mergeMaps",
    "omitNil",
    "otelResourceAttributes",
];

#[test]
fn injection_templates_parse() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/istio-1.30.3/charts/istio-control/istio-discovery/files");
    let mut parsed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("profile-") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut t = Templates::new();
        for f in INJECTOR_FUNCS {
            t.add_func(f, Arc::new(|_: &[Value]| Ok(Value::Null)));
        }
        t.parse("inject", &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        parsed += 1;
    }
    // injection-template, gateway-injection-template, grpc-agent, grpc-simple, kube-gateway,
    // waypoint, agentgateway.
    assert_eq!(parsed, 7);
}

#[test]
fn an_undefined_function_is_a_parse_error() {
    // Without the injector's functions the templates do not parse, as in Go.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/istio-1.30.3/charts/istio-control/istio-discovery/files");
    let text = std::fs::read_to_string(dir.join("injection-template.yaml")).unwrap();
    let err = Templates::new().parse("inject", &text).unwrap_err().to_string();
    assert!(err.starts_with("template: inject:") && err.contains("not defined"), "{err}");
}
