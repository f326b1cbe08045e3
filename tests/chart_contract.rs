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
//! - osm adds only: the Namespace, the 10 CRDs (specs equal to `crds/`, descriptions aside),
//!   the MeshConfig whose spec is the rendered preset, a MeshRootCertificate when the chart
//!   renders its preset, and one release record (Helm's format).
//!
//! The cases of `helm-cases.tsv` are rendered at test time by real helm from the chart's source.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use common::contract::{
    Case, Rendering, cases, contract_dir, documents, helm_cases, helm_template, named_list, rendering,
};
use common::osm_offline;

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

fn compare_case(case: &Case) -> Vec<String> {
    compare(case, rendering(&case.name))
}

/// PodDisruptionBudgets and HorizontalPodAutoscalers carry the chart's labels and no others: uninstall
/// finds them by their fixed names, and a label the chart lacks is a difference users see.
fn labels_are_the_charts(kind: &str) -> bool {
    matches!(kind, "PodDisruptionBudget" | "HorizontalPodAutoscaler")
}

fn compare(case: &Case, chart: Rendering) -> Vec<String> {
    let dir = contract_dir();
    let Rendering { objects: expected, namespace, mesh } = chart;
    let run = osm_offline().args(&case.args).run().success();
    let actual = documents(&run.stdout);

    let mut problems = Vec::new();
    let mut actual_by_key: BTreeMap<Key, &Value> = BTreeMap::new();
    for obj in &actual {
        if actual_by_key.insert(key(obj), obj).is_some() {
            problems.push(format!("{:?}: rendered twice", key(obj)));
        }
    }
    for obj in &expected {
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

    // What osm adds beyond the chart.
    let preset = |name: &str| -> Option<Value> {
        let cm = expected.iter().find(|o| o["kind"] == "ConfigMap" && o["metadata"]["name"] == name)?;
        Some(serde_json::from_str(cm["data"][format!("{name}.json")].as_str()?).unwrap())
    };
    let mesh_config_spec = preset("preset-mesh-config").expect("the chart renders preset-mesh-config");
    let mrc_spec = preset("preset-mesh-root-certificate");
    let mut upstream_crds: BTreeMap<String, Value> = std::fs::read_dir(dir.join("crds"))
        .unwrap()
        .map(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let crd = documents(&text).remove(0);
            (crd["metadata"]["name"].as_str().unwrap().to_string(), crd)
        })
        .collect();
    let mut records = 0;
    for (k, obj) in actual_by_key {
        match k.0.as_str() {
            "Namespace" if k.2 == namespace => {}
            "CustomResourceDefinition" => match upstream_crds.remove(&k.2) {
                Some(crd) => {
                    let mut diffs = Vec::new();
                    diff(
                        &without_descriptions(&crd["spec"]),
                        &without_descriptions(&obj["spec"]),
                        ".spec",
                        &mut diffs,
                    );
                    problems.extend(diffs.into_iter().map(|d| format!("{k:?}{d}")));
                }
                None => problems.push(format!("{k:?}: a CRD upstream does not have")),
            },
            "MeshConfig" if k.2 == "osm-mesh-config" && k.1 == namespace => {
                let mut diffs = Vec::new();
                diff(&mesh_config_spec, &obj["spec"], ".spec", &mut diffs);
                problems.extend(diffs.into_iter().map(|d| format!("{k:?}{d}")));
            }
            "MeshRootCertificate" if mrc_spec.is_some() => {
                let mut diffs = Vec::new();
                diff(mrc_spec.as_ref().unwrap(), &obj["spec"], ".spec", &mut diffs);
                problems.extend(diffs.into_iter().map(|d| format!("{k:?}{d}")));
            }
            "Secret" if k.2.starts_with(&format!("sh.helm.release.v1.{mesh}.v")) => records += 1,
            _ => problems.push(format!("{k:?}: osm renders it, the chart does not")),
        }
    }
    for name in upstream_crds.keys() {
        problems.push(format!("CRD {name}: missing"));
    }
    if records != 1 {
        problems.push(format!("{records} install records, want exactly one"));
    }
    problems
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
        let problems = compare(case, chart);
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
    assert!(Path::new(&contract_dir()).join("README.md").exists());
}
