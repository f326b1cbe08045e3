//! Offline: `osm install --dry-run` against the OSM v1.2.4 chart's own rendering.
//!
//! The expected objects in `testdata/osm-chart-v1.2.4/` were rendered by Helm from the upstream
//! chart (see its README): nothing in this repository wrote them. For every case in `cases.tsv`
//! the command line of that case must produce the same objects under the README's rules:
//! - every chart object that is not a Helm hook is present and equal field by field; lists of
//!   named items compare by name, other lists in order;
//! - osm may add labels and annotations, never drop or change the chart's, except on
//!   PodDisruptionBudgets and HorizontalPodAutoscalers, whose labels are the chart's exactly;
//! - PodDisruptionBudgets and HorizontalPodAutoscalers may use another API version;
//! - osm adds, each required, and nothing else: the Namespace, the 10 CRDs (specs equal to
//!   `crds/`, descriptions aside), the MeshConfig whose spec is the rendered preset, a
//!   MeshRootCertificate when the chart renders its preset, and exactly one release record
//!   (Helm's format).
//!
//! The cases of `helm-cases.tsv` are rendered at test time by real helm from the chart's source.
//!
//! `the_contract_reports_each_break` shows the comparison fails where it should: fed a rendering
//! that holds the contract by construction (made of the contract's own files), then that
//! rendering broken one way at a time, it must pass the first and report each break.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::contract::{
    Case, Rendering, cases, contract_dir, documents, helm_cases, helm_template, named_list, rendering,
};
use crate::common::osm_offline;

type Key = (String, String, String);

fn key(obj: &Value) -> Key {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (s(&obj["kind"]), s(&obj["metadata"]["namespace"]), s(&obj["metadata"]["name"]))
}

/// Every difference between the chart's `expected` and osm's `actual`, one line each.
fn diff(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    let additive = path.ends_with("metadata.labels") || path.ends_with("metadata.annotations");
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => diff(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (chart has {ev})")),
                }
            }
            if !additive {
                // Labels and annotations osm adds may also be the first ones.
                let may_add = |k: &str| path.ends_with("metadata") && (k == "labels" || k == "annotations");
                for k in a.keys().filter(|k| !e.contains_key(*k) && !may_add(k)) {
                    out.push(format!("{path}.{k}: not in the chart ({})", a[k]));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => match (named_list(e), named_list(a)) {
            (Some(e), Some(a)) => {
                for (name, ev) in &e {
                    match a.get(name) {
                        Some(av) => diff(ev, av, &format!("{path}[{name}]"), out),
                        None => out.push(format!("{path}[{name}]: missing")),
                    }
                }
                for name in a.keys().filter(|n| !e.contains_key(*n)) {
                    out.push(format!("{path}[{name}]: not in the chart"));
                }
            }
            _ => {
                if e.len() != a.len() {
                    out.push(format!("{path}: {} items, chart has {}", a.len(), e.len()));
                }
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    diff(ev, av, &format!("{path}[{i}]"), out);
                }
            }
        },
        (e, a) if e != a => out.push(format!("{path}: {a} (chart has {e})")),
        _ => {}
    }
}

fn without_descriptions(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| *k != "description")
                .map(|(k, v)| (k.clone(), without_descriptions(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_descriptions).collect()),
        other => other.clone(),
    }
}

/// The CRDs osm-bootstrap v1.2.4 installs (`crds/`, byte for byte from upstream), by name.
fn upstream_crds() -> BTreeMap<String, Value> {
    std::fs::read_dir(contract_dir().join("crds"))
        .unwrap()
        .map(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let crd = documents(&text).remove(0);
            (crd["metadata"]["name"].as_str().unwrap().to_string(), crd)
        })
        .collect()
}

/// A preset the chart renders into a ConfigMap (`<name>.json`), parsed.
fn preset(rendering: &Rendering, name: &str) -> Option<Value> {
    let cm = rendering.objects.iter().find(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == name)?;
    Some(serde_json::from_str(cm["data"][format!("{name}.json")].as_str()?).unwrap())
}

/// Every way `actual` (an `osm install --dry-run` output) breaks the contract with the chart's
/// `rendering` of the same case, one line each; none when it holds.
fn contract_problems(rendering: &Rendering, actual: &[Value], crds: &BTreeMap<String, Value>) -> Vec<String> {
    let Rendering { objects: expected, namespace, mesh } = rendering;
    let mut problems = Vec::new();
    let mut actual_by_key: BTreeMap<Key, &Value> = BTreeMap::new();
    for obj in actual {
        if actual_by_key.insert(key(obj), obj).is_some() {
            problems.push(format!("{:?}: rendered twice", key(obj)));
        }
    }
    for obj in expected {
        let k = key(obj);
        let Some(ours) = actual_by_key.remove(&k) else {
            problems.push(format!("{k:?}: missing"));
            continue;
        };
        let mut obj = obj.clone();
        let mut ours = (*ours).clone();
        if matches!(k.0.as_str(), "PodDisruptionBudget" | "HorizontalPodAutoscaler") {
            obj.as_object_mut().unwrap().remove("apiVersion");
            ours.as_object_mut().unwrap().remove("apiVersion");
        }
        let mut diffs = Vec::new();
        diff(&obj, &ours, "", &mut diffs);
        if labels_are_the_charts(&k.0) && obj["metadata"]["labels"] != ours["metadata"]["labels"] {
            diffs.push(format!(
                ".metadata.labels: {} (chart has {})",
                ours["metadata"]["labels"], obj["metadata"]["labels"]
            ));
        }
        problems.extend(diffs.into_iter().map(|d| format!("{k:?}{d}")));
    }

    // What osm adds beyond the chart: each required, nothing else allowed.
    let mesh_config_spec =
        preset(rendering, "preset-mesh-config").expect("the chart renders preset-mesh-config");
    let mrc_spec = preset(rendering, "preset-mesh-root-certificate");
    let mut upstream_crds = crds.clone();
    let (mut namespaces, mut mesh_configs, mut root_certificates, mut records) = (0, 0, 0, 0);
    for (k, obj) in actual_by_key {
        let compare = |expected: &Value, actual: &Value, path: &str| -> Vec<String> {
            let mut diffs = Vec::new();
            diff(expected, actual, path, &mut diffs);
            diffs.into_iter().map(|d| format!("{k:?}{d}")).collect()
        };
        match k.0.as_str() {
            "Namespace" if k.2 == *namespace => namespaces += 1,
            "CustomResourceDefinition" => match upstream_crds.remove(&k.2) {
                Some(crd) => problems.extend(compare(
                    &without_descriptions(&crd["spec"]),
                    &without_descriptions(&obj["spec"]),
                    ".spec",
                )),
                None => problems.push(format!("{k:?}: a CRD upstream does not have")),
            },
            "MeshConfig" if k.2 == "osm-mesh-config" && k.1 == *namespace => {
                mesh_configs += 1;
                problems.extend(compare(&mesh_config_spec, &obj["spec"], ".spec"));
            }
            "MeshRootCertificate" if mrc_spec.is_some() && k.1 == *namespace => {
                root_certificates += 1;
                problems.extend(compare(mrc_spec.as_ref().unwrap(), &obj["spec"], ".spec"));
            }
            "Secret" if k.2.starts_with(&format!("sh.helm.release.v1.{mesh}.v")) => records += 1,
            _ => problems.push(format!("{k:?}: osm renders it, the chart does not")),
        }
    }
    if namespaces != 1 {
        problems.push(format!("Namespace {namespace}: missing"));
    }
    if mesh_configs != 1 {
        problems.push(format!("MeshConfig {namespace}/osm-mesh-config: missing"));
    }
    if mrc_spec.is_some() && root_certificates != 1 {
        problems.push(format!("MeshRootCertificate in {namespace}: missing (the chart renders its preset)"));
    }
    for name in upstream_crds.keys() {
        problems.push(format!("CRD {name}: missing"));
    }
    if records != 1 {
        problems.push(format!("{records} install records, want exactly one"));
    }
    problems
}

fn compare_case(case: &Case) -> Vec<String> {
    compare(case, &rendering(&case.name))
}

fn compare(case: &Case, rendering: &Rendering) -> Vec<String> {
    let run = osm_offline().args(&case.args).run().success();
    contract_problems(rendering, &documents(&run.stdout), &upstream_crds())
}

/// PodDisruptionBudgets and HorizontalPodAutoscalers carry the chart's labels and no others: uninstall
/// finds them by their fixed names, and a label the chart lacks is a difference users see.
fn labels_are_the_charts(kind: &str) -> bool {
    matches!(kind, "PodDisruptionBudget" | "HorizontalPodAutoscaler")
}

/// The cases whose expected rendering real helm makes from the upstream chart source
/// (`helm-cases.tsv`, see the README): Vault with a token and a Secret, Vault with a Secret only,
/// the autoscalers and disruption budgets, fluent-bit's Azure output with its shared key.
#[test]
fn every_helm_case_renders_what_helm_renders_from_the_chart() {
    let cases = helm_cases();
    assert!(cases.len() >= 4, "helm-cases.tsv lists the helm-rendered cases");
    let mut report = String::new();
    for case in &cases {
        let chart = helm_template(case);
        let problems = compare(case, &chart);
        if !problems.is_empty() {
            report.push_str(&format!(
                "\ncase {} (osm {}): {} differences\n  {}\n",
                case.name,
                case.args.join(" "),
                problems.len(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(report.is_empty(), "osm install --dry-run differs from helm template of the chart:{report}");
}

#[test]
fn every_case_renders_what_the_chart_renders() {
    let cases = cases();
    assert_eq!(cases.len(), 5, "cases.tsv lists the five reference cases");
    let mut report = String::new();
    for case in &cases {
        let problems = compare_case(case);
        if !problems.is_empty() {
            report.push_str(&format!(
                "\ncase {} (osm {}): {} differences\n  {}\n",
                case.name,
                case.args.join(" "),
                problems.len(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(report.is_empty(), "osm install --dry-run differs from the OSM v1.2.4 chart:{report}");
}

#[test]
fn the_comparison_sees_a_difference() {
    // The rule must fail when osm drifts: a changed probe path, a dropped env var and an extra
    // field are each found.
    let expected = serde_json::json!({"spec": {"containers": [
        {"name": "c", "env": [{"name": "A", "value": "1"}], "readinessProbe": {"httpGet": {"path": "/healthz"}}}
    ]}, "metadata": {"labels": {"a": "b"}}});
    let actual = serde_json::json!({"spec": {"containers": [
        {"name": "c", "env": [], "readinessProbe": {"httpGet": {"path": "/health/ready"}}, "extra": 1}
    ]}, "metadata": {"labels": {"a": "b", "added": "ok"}}});
    let mut diffs = Vec::new();
    diff(&expected, &actual, "", &mut diffs);
    assert_eq!(diffs.len(), 3, "{diffs:#?}");
    assert!(contract_dir().join("README.md").exists());
}

/// What osm's dry run would be if it held the contract exactly, made of the contract's own
/// files: the chart's objects, the Namespace, the upstream CRDs, the MeshConfig and (where the
/// chart renders its preset) the MeshRootCertificate, and one release record.
fn conforming(rendering: &Rendering, crds: &BTreeMap<String, Value>) -> Vec<Value> {
    let Rendering { objects, namespace, mesh } = rendering;
    let mut out = objects.clone();
    out.push(serde_json::json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}}));
    out.extend(crds.values().cloned());
    out.push(serde_json::json!({
        "apiVersion": "config.openservicemesh.io/v1alpha2", "kind": "MeshConfig",
        "metadata": {"name": "osm-mesh-config", "namespace": namespace},
        "spec": preset(rendering, "preset-mesh-config").unwrap(),
    }));
    if let Some(spec) = preset(rendering, "preset-mesh-root-certificate") {
        out.push(serde_json::json!({
            "apiVersion": "config.openservicemesh.io/v1alpha2", "kind": "MeshRootCertificate",
            "metadata": {"name": "osm-mesh-root-certificate", "namespace": namespace},
            "spec": spec,
        }));
    }
    out.push(serde_json::json!({
        "apiVersion": "v1", "kind": "Secret", "type": "helm.sh/release.v1",
        "metadata": {"name": format!("sh.helm.release.v1.{mesh}.v1"), "namespace": namespace},
    }));
    out
}

#[test]
fn the_contract_reports_each_break() {
    let crds = upstream_crds();
    let rendering = rendering("default");
    let ns = rendering.namespace.clone();
    let good = conforming(&rendering, &crds);
    let problems = contract_problems(&rendering, &good, &crds);
    assert!(problems.is_empty(), "a rendering made of the contract's own files breaks it: {problems:#?}");

    let is = |o: &Value, kind: &str, name: &str| o["kind"] == kind && o["metadata"]["name"] == name;
    let without = |kind: &str, name: &str| -> Vec<Value> {
        let out: Vec<Value> = good.iter().filter(|o| !is(o, kind, name)).cloned().collect();
        assert_eq!(out.len() + 1, good.len(), "{kind} {name} is in the conforming rendering once");
        out
    };
    let edited = |kind: &str, name: &str, edit: &dyn Fn(&mut Value)| -> Vec<Value> {
        let mut out = good.clone();
        edit(out.iter_mut().find(|o| is(o, kind, name)).unwrap_or_else(|| panic!("no {kind} {name}")));
        out
    };
    let mut extra = good.clone();
    extra.push(serde_json::json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "surprise", "namespace": ns}, "data": {}}));
    let mut second_record = good.clone();
    second_record.push(serde_json::json!({"apiVersion": "v1", "kind": "Secret",
        "metadata": {"name": format!("sh.helm.release.v1.{}.v2", rendering.mesh), "namespace": ns}}));
    let mut foreign_crd = good.clone();
    foreign_crd.push(
        serde_json::json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": "widgets.example.com"}, "spec": {"group": "example.com"}}),
    );

    let breaks: Vec<(&str, Vec<Value>, String)> = vec![
        (
            "a missing chart object",
            without("Deployment", "osm-controller"),
            format!("(\"Deployment\", \"{ns}\", \"osm-controller\"): missing"),
        ),
        ("a missing Namespace", without("Namespace", &ns), format!("Namespace {ns}: missing")),
        (
            "a missing MeshConfig",
            without("MeshConfig", "osm-mesh-config"),
            format!("MeshConfig {ns}/osm-mesh-config: missing"),
        ),
        (
            "a missing CRD",
            without("CustomResourceDefinition", "meshconfigs.config.openservicemesh.io"),
            "CRD meshconfigs.config.openservicemesh.io: missing".into(),
        ),
        ("an extra object", extra, "\"surprise\"): osm renders it, the chart does not".into()),
        ("an extra CRD", foreign_crd, "widgets.example.com\"): a CRD upstream does not have".into()),
        ("a second release record", second_record, "2 install records, want exactly one".into()),
        (
            "a changed field",
            edited("Deployment", "osm-controller", &|d| d["spec"]["replicas"] = 7.into()),
            ".spec.replicas: 7 (chart has 1)".into(),
        ),
        (
            "an extra field",
            edited("Deployment", "osm-controller", &|d| {
                d["spec"]["template"]["spec"]["hostNetwork"] = true.into()
            }),
            ".spec.template.spec.hostNetwork: not in the chart (true)".into(),
        ),
        (
            "a changed CRD",
            edited("CustomResourceDefinition", "meshconfigs.config.openservicemesh.io", &|c| {
                c["spec"]["scope"] = "Cluster".into()
            }),
            "meshconfigs.config.openservicemesh.io\").spec.scope: \"Cluster\" (chart has \"Namespaced\")"
                .into(),
        ),
        (
            "a changed MeshConfig",
            edited("MeshConfig", "osm-mesh-config", &|m| m["spec"]["traffic"]["enableEgress"] = false.into()),
            ".spec.traffic.enableEgress: false (chart has true)".into(),
        ),
    ];
    for (what, broken, expected) in breaks {
        let problems = contract_problems(&rendering, &broken, &crds);
        assert!(
            problems.iter().any(|p| p.contains(&expected)),
            "the contract does not report {what} (looked for {expected:?}): {problems:#?}"
        );
    }
}
