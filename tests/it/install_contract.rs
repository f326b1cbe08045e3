//! Each command line of the OSM v1.2.4 contract (`testdata/osm-chart-v1.2.4/cases.tsv`), run for
//! real against the local control plane: afterwards every object of the chart's own rendering
//! for that case is on the cluster, as kubectl reads it back, holding every field the chart set
//! (the API server adds its defaults; it may not drop or change the chart's). The OpenShift
//! case runs on a cluster that serves `security.openshift.io/v1` (a CRD of that group makes
//! discovery list it).


use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::common::contract::{Case, Rendering, cases, named_list, rendering};
use crate::common::TestCluster;

/// A control plane of this module's own: the cases install meshes of fixed names that enforce a
/// single mesh, and the OpenShift case makes the cluster serve `security.openshift.io/v1`, which
/// changes what every `osm install` on it renders.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("install_contract")
}
use serde_json::Value;

/// The cases install meshes of fixed names that enforce a single mesh: one at a time.
static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

fn case(name: &str) -> Case {
    cases().into_iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no case {name} in cases.tsv"))
}

/// A CPU quantity as a number of millicores: the server writes `0.5` back as `500m`.
fn millicores(q: &str) -> Option<f64> {
    match q.strip_suffix('m') {
        Some(m) => m.parse().ok(),
        None => q.parse::<f64>().ok().map(|cores| cores * 1000.0),
    }
}

/// Every field of `expected` that `live` lacks or holds otherwise, one line each.
fn not_held(expected: &Value, live: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, live) {
        (Value::Object(e), Value::Object(l)) => {
            for (k, ev) in e {
                match l.get(k) {
                    Some(lv) => not_held(ev, lv, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (chart has {ev})")),
                }
            }
            // The server defaults no security context with content: one the chart leaves out
            // (as it does where OpenShift is served) must not be there.
            if let Some(sc) = l.get("securityContext").filter(|_| !e.contains_key("securityContext"))
                && sc.as_object().is_some_and(|m| !m.is_empty())
            {
                out.push(format!("{path}.securityContext: {sc} (chart has none)"));
            }
        }
        // An autoscaler's metrics are a set (it scales on the largest); Kubernetes 1.20 stores
        // autoscalers as autoscaling/v1 and gives the CPU metric back last.
        (Value::Array(e), Value::Array(l)) if path.ends_with(".spec.metrics") => {
            for (i, ev) in e.iter().enumerate() {
                let held = l.iter().any(|lv| {
                    let mut diffs = Vec::new();
                    not_held(ev, lv, path, &mut diffs);
                    diffs.is_empty()
                });
                if !held {
                    out.push(format!("{path}[{i}]: missing (chart has {ev})"));
                }
            }
        }
        (Value::Array(e), Value::Array(l)) => match (named_list(e), named_list(l)) {
            (Some(e), Some(l)) => {
                for (name, ev) in &e {
                    match l.get(name) {
                        Some(lv) => not_held(ev, lv, &format!("{path}[{name}]"), out),
                        None => out.push(format!("{path}[{name}]: missing")),
                    }
                }
            }
            _ => {
                if e.len() != l.len() {
                    out.push(format!("{path}: {} items, chart has {}", l.len(), e.len()));
                }
                for (i, (ev, lv)) in e.iter().zip(l).enumerate() {
                    not_held(ev, lv, &format!("{path}[{i}]"), out);
                }
            }
        },
        (e, l) if e == l => {}
        // The API server writes quantities in canonical form.
        (e, Value::String(l)) if path.contains(".resources.") => {
            let e_text = e.as_str().map(str::to_string).unwrap_or_else(|| e.to_string());
            let same = match (millicores(&e_text), millicores(l)) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                _ => false,
            };
            if !same {
                out.push(format!("{path}: {l} (chart has {e})"));
            }
        }
        (e, l) => out.push(format!("{path}: {l} (chart has {e})")),
    }
}

/// The live object of the same kind, namespace and name, as kubectl reads it.
fn live(cluster: &TestCluster, obj: &Value) -> Option<Value> {
    let kind = obj["kind"].as_str().unwrap();
    let group = obj["apiVersion"].as_str().unwrap().rsplit_once('/').map(|(g, _)| g).unwrap_or("");
    // The PDB and autoscaler are read in the newest version the server serves of those whose
    // fields the chart's are (autoscaling/v1, the preferred one on 1.20, has no `metrics`).
    let served = cluster.kubectl_words(&["api-versions"]);
    let newest = |versions: &[&str]| {
        versions.iter().find(|v| served.contains(&format!("{group}/{v}"))).map(|v| v.to_string())
    };
    let version = match kind {
        "HorizontalPodAutoscaler" => newest(&["v2", "v2beta2"]),
        "PodDisruptionBudget" => newest(&["v1", "v1beta1"]),
        _ => None,
    };
    let resource = match (group, version) {
        ("", _) => kind.to_string(),
        (group, Some(version)) => format!("{kind}.{version}.{group}"),
        (group, None) => format!("{kind}.{group}"),
    };
    let mut args = vec!["get".to_string(), resource, obj["metadata"]["name"].as_str().unwrap().to_string()];
    if let Some(ns) = obj["metadata"]["namespace"].as_str() {
        args.extend(["-n".to_string(), ns.to_string()]);
    }
    args.extend(["-o".to_string(), "json".to_string()]);
    let run = cluster.kubectl().args(&args).run();
    (run.code == 0).then(|| run.json())
}

fn install_case(name: &str) {
    let cluster = cluster();
    let case = case(name);
    let Rendering { objects: expected, namespace, mesh } = rendering(&case.name);
    // The case's own command line, for real: no --dry-run, and the cluster says what it serves.
    let mut args: Vec<String> = Vec::new();
    let mut words = case.args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--dry-run" => {}
            "--api-versions" => {
                words.next();
            }
            _ => args.push(word.clone()),
        }
    }
    cluster.osm().args(&args).args(["--timeout", "3m"]).run().success().stdout_has("installed successfully");

    let mut problems = Vec::new();
    for obj in &expected {
        let what = format!(
            "{} {}/{}",
            obj["kind"].as_str().unwrap(),
            obj["metadata"]["namespace"].as_str().unwrap_or(""),
            obj["metadata"]["name"].as_str().unwrap()
        );
        let Some(live) = live(cluster, obj) else {
            problems.push(format!("{what}: not on the cluster"));
            continue;
        };
        let mut expected = obj.clone();
        let mut live = live;
        for o in [&mut expected, &mut live] {
            o.as_object_mut().unwrap().remove("apiVersion");
        }
        let mut diffs = Vec::new();
        not_held(&expected, &live, "", &mut diffs);
        problems.extend(diffs.into_iter().map(|d| format!("{what}{d}")));
    }
    cluster
        .osm()
        .args([
            "uninstall",
            "mesh",
            "-f",
            "--delete-namespace",
            "--mesh-name",
            &mesh,
            "--osm-namespace",
            &namespace,
        ])
        .run()
        .success();
    cluster.wait_until("the case's namespace to go", Duration::from_secs(90), || {
        cluster.kubectl().args(["get", "namespace", &namespace]).run().code != 0
    });
    assert!(problems.is_empty(), "case {name}: {} differences:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn default_case_installs_the_charts_objects() {
    let _turn = turn();
    install_case("default");
}

#[test]
fn walkthrough_case_installs_the_charts_objects() {
    let _turn = turn();
    install_case("walkthrough");
}

#[test]
fn ha_case_installs_the_charts_objects() {
    let _turn = turn();
    install_case("ha");
}

#[test]
fn custom_case_installs_the_charts_objects() {
    let _turn = turn();
    install_case("custom");
}

/// OpenShift's SecurityContextConstraints, reduced to what makes discovery list the group.
const OPENSHIFT_GROUP: &str = "apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: securitycontextconstraints.security.openshift.io
spec:
  group: security.openshift.io
  names:
    kind: SecurityContextConstraints
    plural: securitycontextconstraints
    singular: securitycontextconstraints
  scope: Cluster
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
";

#[test]
fn openshift_case_installs_the_charts_objects_where_the_cluster_serves_openshift() {
    let _turn = turn();
    let cluster = cluster();
    assert_eq!(case("openshift").serves.as_deref(), Some("security.openshift.io/v1"));
    cluster.apply(OPENSHIFT_GROUP).success();
    cluster.wait_until("security.openshift.io/v1 to be served", Duration::from_secs(60), || {
        cluster.kubectl_words(&["api-versions"]).contains(&"security.openshift.io/v1".to_string())
    });
    // The group goes again whatever happens, so that the other cases see a plain cluster.
    struct Served<'a>(&'a TestCluster);
    impl Drop for Served<'_> {
        fn drop(&mut self) {
            let cluster = self.0;
            cluster
                .kubectl()
                .args(["delete", "crd", "securitycontextconstraints.security.openshift.io"])
                .run();
            cluster.wait_until("security.openshift.io/v1 to go", Duration::from_secs(60), || {
                !cluster.kubectl_words(&["api-versions"]).contains(&"security.openshift.io/v1".to_string())
            });
        }
    }
    let _served = Served(cluster);
    install_case("openshift");
}
