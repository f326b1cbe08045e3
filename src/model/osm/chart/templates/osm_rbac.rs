//! `templates/osm-rbac.yaml`: the control plane's ClusterRole, ServiceAccount and binding.

use serde_json::{Value, json};

use crate::model::osm::chart::Scope;

fn rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> Value {
    json!({"apiGroups": groups, "resources": resources, "verbs": verbs})
}

/// Mirrors OSM v1.2.4 `charts/osm/templates/osm-rbac.yaml`.
pub(super) fn render(scope: &Scope) -> Vec<Value> {
    let name = &scope.release.name;
    let ns = scope.namespace();
    let read = ["list", "get", "watch"];
    let mut rules = vec![
        rule(&["apps"], &["daemonsets", "deployments", "replicasets", "statefulsets"], &read),
        rule(&["networking.k8s.io"], &["ingresses"], &read),
        rule(&["batch"], &["jobs"], &read),
        rule(
            &[""],
            &["endpoints", "namespaces", "pods", "services", "secrets", "configmaps", "serviceaccounts"],
            &read,
        ),
        // Port forwarding lets the controller fetch Envoys' configuration for debugging.
        rule(&[""], &["pods", "pods/log", "pods/portforward"], &["get", "list", "create"]),
        rule(&[""], &["events"], &["create", "watch"]),
        rule(&[""], &["secrets"], &["create", "update", "delete", "patch"]),
        rule(&[""], &["configmaps"], &["create", "update"]),
        rule(
            &["admissionregistration.k8s.io"],
            &["mutatingwebhookconfigurations", "validatingwebhookconfigurations"],
            &["get", "list", "watch", "create", "update", "patch"],
        ),
        rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            &["get", "list", "watch", "create", "update", "patch"],
        ),
        rule(
            &["config.openservicemesh.io"],
            &["meshconfigs", "meshrootcertificates"],
            &["get", "list", "watch", "create", "update", "patch", "delete"],
        ),
        rule(&["config.openservicemesh.io"], &["meshrootcertificates/status"], &["update"]),
        rule(&["split.smi-spec.io"], &["trafficsplits"], &read),
        rule(&["access.smi-spec.io"], &["traffictargets"], &read),
        rule(&["specs.smi-spec.io"], &["httproutegroups", "tcproutes"], &read),
        rule(
            &["policy.openservicemesh.io"],
            &["egresses", "ingressbackends", "retries", "upstreamtrafficsettings"],
            &read,
        ),
        rule(
            &["policy.openservicemesh.io"],
            &["ingressbackends/status", "upstreamtrafficsettings/status"],
            &["update"],
        ),
        rule(&["cert-manager.io"], &["certificaterequests"], &["list", "get", "watch", "create", "delete"]),
    ];
    if scope.caps.has("security.openshift.io/v1") && scope.values.flag("osm.enableFluentbit") {
        rules.push(json!({
            "apiGroups": ["security.openshift.io"],
            "resourceNames": ["hostaccess"],
            "resources": ["securitycontextconstraints"],
            "verbs": ["use"],
        }));
    }
    let labels = Value::Object(scope.labels());
    vec![
        json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": name, "labels": labels},
            "rules": rules,
        }),
        json!({
            "apiVersion": "v1",
            "kind": "ServiceAccount",
            "metadata": {"name": name, "namespace": ns, "labels": labels},
        }),
        json!({
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRoleBinding",
            "metadata": {"name": name, "labels": labels},
            "subjects": [{"kind": "ServiceAccount", "name": name, "namespace": ns}],
            "roleRef": {"kind": "ClusterRole", "name": name, "apiGroup": "rbac.authorization.k8s.io"},
        }),
    ]
}
