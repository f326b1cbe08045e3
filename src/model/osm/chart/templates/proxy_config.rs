//! `templates/proxy-config.yaml`: the proxy settings fluent-bit reads when it needs a proxy.

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

/// Mirrors OSM v1.2.4 `charts/osm/templates/proxy-config.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.fluentBit.enableProxySupport") {
        return vec![];
    }
    vec![json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": meta("proxy-config", &scope.namespace(), Value::Object(scope.labels())),
        "stringData": {
            "HTTP_PROXY": v.text("osm.fluentBit.httpProxy"),
            "HTTPS_PROXY": v.text("osm.fluentBit.httpsProxy"),
        },
    })]
}
