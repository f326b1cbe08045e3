//! `templates/fluentbit-configmap.yaml`: fluent-bit's pipeline for the controller's logs. The
//! Azure output's shared key is a credential: it goes into the ConfigMap as the chart puts it,
//! and the release record hides it (`chart::credentials`).

use serde_json::{Value, json};

use crate::model::osm::chart::{Scope, meta};

const PARSER_CONF: &str = r"[PARSER]
  # http://rubular.com/r/tjUt3Awgg4
  Name    cri
  Format  regex
  Regex   ^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>[^ ]*) (?<message>.*)$
  Time_Key    time
  Time_Format %Y-%m-%dT%H:%M:%S.%L%z";

/// Mirrors OSM v1.2.4 `charts/osm/templates/fluentbit-configmap.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let v = scope.values;
    if !v.flag("osm.enableFluentbit") {
        return vec![];
    }
    let ns = scope.namespace();
    let mut output = format!("[OUTPUT]\n  Name    {}\n  Match   *", v.text("osm.fluentBit.outputPlugin"));
    if v.text("osm.fluentBit.outputPlugin").to_lowercase() == "azure" {
        output.push_str(&format!(
            "\n  Customer_ID {}\n  Shared_Key {}",
            v.text("osm.fluentBit.workspaceId"),
            v.text("osm.fluentBit.primaryKey")
        ));
    }
    let conf = format!(
        "[SERVICE]\n  Flush             5\n  Daemon            off\n  Log_Level         info\n  Parsers_File      parser.conf\n\
         [INPUT]\n  Name    tail\n  Tag     kube.*\n  Path    /var/log/containers/osm-controller-*_{ns}_osm-controller-*.log\n  Parser  cri\n  Read_from_Head  on\n\
         # Adds controller pod name value to help users query logs in output\n\
         [FILTER]\n  Name           modify\n  Match          kube.*\n  Add            controller_pod_name ${{CONTROLLER_POD_NAME}}\n\
         {output}"
    );
    vec![json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": meta("fluentbit-configmap", &ns, Value::Object(scope.labels())),
        "data": {"fluent-bit.conf": conf, "parser.conf": PARSER_CONF},
    })]
}
