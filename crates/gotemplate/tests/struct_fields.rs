//! Struct-field reading for data Go holds as structs (Istio's injection data) but that arrives as
//! JSON: the field names of the Go types (k8s.io/api core/v1, meshconfig ProxyConfig) against the
//! JSON names those types marshal to.

use gotemplate::Templates;
use serde_json::json;

fn data() -> serde_json::Value {
    // SidecarTemplateData's fields by their Go names, each holding the JSON of its Go value.
    json!({
        "TypeMeta": {"apiVersion": "apps/v1", "kind": "Deployment"},
        "ObjectMeta": {"name": "web", "annotations": {"sidecar.istio.io/inject": "true"}, "labels": {"app": "web"}},
        "Spec": {"containers": [{"name": "app", "image": "nginx"}], "serviceAccountName": "web-sa"},
        "ProxyConfig": {"interceptionMode": "REDIRECT", "holdApplicationUntilProxyStarts": true,
            "tracing": {"sampling": 1.0}, "proxyMetadata": {"A": "1"}},
    })
}

fn run(t: &mut Templates, text: &str) -> Result<String, String> {
    t.parse("inject", text).map_err(|e| e.to_string())?;
    t.execute("inject", &data()).map_err(|e| e.to_string())
}

#[test]
fn go_field_names_read_json_names() {
    let mut t = Templates::new();
    t.set_struct_fields(true);
    let out = run(
        &mut t,
        "{{ .TypeMeta.APIVersion }}|{{ .TypeMeta.Kind }}|{{ .ObjectMeta.Name }}|\
         {{ index .ObjectMeta.Annotations \"sidecar.istio.io/inject\" }}|{{ .ObjectMeta.Labels.app }}|\
         {{ range .Spec.Containers }}{{ .Name }}={{ .Image }}{{ end }}|{{ .Spec.ServiceAccountName }}|\
         {{ .ProxyConfig.InterceptionMode.String }}|{{ .ProxyConfig.HoldApplicationUntilProxyStarts.GetValue }}|\
         {{ .ProxyConfig.GetTracing.Sampling }}|{{ .ProxyConfig.GetTracing.GetTlsSettings }}|\
         {{ .ProxyConfig.ProxyMetadata.A }}|{{ .ObjectMeta.Namespace }}",
    );
    assert_eq!(
        out.unwrap(),
        "apps/v1|Deployment|web|true|web|app=nginx|web-sa|REDIRECT|true|1|<no value>|1|<no value>"
    );
}

#[test]
fn off_by_default_maps_stay_maps() {
    // text/template on a map[string]interface{}: only the exact key is found.
    let mut t = Templates::new();
    assert_eq!(run(&mut t, "{{ .ObjectMeta.Name }}|{{ .ObjectMeta.name }}").unwrap(), "<no value>|web");
    let err = run(&mut t, "{{ .ProxyConfig.interceptionMode.String }}").unwrap_err();
    assert!(err.contains("can't evaluate field String in type interface {}"), "{err}");
}
