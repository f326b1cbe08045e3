//! Each command line of the OSM v1.2.4 contract (`testdata/osm-chart-v1.2.4/cases.tsv`), run for
//! real against the local control plane: afterwards every object of the chart's own rendering
//! for that case is on the cluster, as kubectl reads it back, holding every field the chart set
//! (the API server adds its defaults; it may not drop or change the chart's). The OpenShift
//! case runs on a cluster that serves `security.openshift.io/v1` (a CRD of that group makes
//! discovery list it).

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::common::TestCluster;
use crate::common::contract::{Case, Rendering, cases, named_list, rendering};

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

/// Fields the API server sets on the objects it stores and a chart never does, so that their
/// presence on a live object is nobody's choice: the comparison leaves out exactly these paths
/// (from the object's root). Defaults the server fills in are not here: the expected object is
/// the API server's own reading of the chart's object (see `served_form`), defaults included.
/// Labels and annotations are compared one way only: osm may add its own (the contract's
/// README), never drop or change the chart's.
const SERVER_SET: &[&str] = &[
    ".metadata.uid",
    ".metadata.resourceVersion",
    ".metadata.generation",
    ".metadata.creationTimestamp",
    ".metadata.managedFields",
    ".metadata.selfLink",
    ".status",
    // Allocated per Service, so the live Service's and its dry run's differ.
    ".spec.clusterIP",
    ".spec.clusterIPs",
    // A ServiceAccount's token Secrets, listed by kube-controller-manager's token controller
    // (Kubernetes before 1.24, so on 1.20) after the ServiceAccount is stored.
    ".secrets",
];

/// Every difference between `expected` (the server's reading of the chart's object) and `live`,
/// both ways: a field missing, changed or added.
fn differences(expected: &Value, live: &Value, path: &str, out: &mut Vec<String>) {
    if SERVER_SET.contains(&path) {
        return;
    }
    let additive = path.ends_with(".metadata.labels") || path.ends_with(".metadata.annotations");
    // Labels and annotations osm adds may also be the object's first ones.
    let may_add = |key: &str| path.ends_with(".metadata") && (key == "labels" || key == "annotations");
    match (expected, live) {
        (Value::Object(e), Value::Object(l)) => {
            for (k, ev) in e {
                let at = format!("{path}.{k}");
                match l.get(k) {
                    Some(lv) => differences(ev, lv, &at, out),
                    None if SERVER_SET.contains(&at.as_str()) => {}
                    None => out.push(format!("{at}: missing (chart has {ev})")),
                }
            }
            for (k, lv) in l.iter().filter(|(k, _)| !e.contains_key(*k)) {
                let at = format!("{path}.{k}");
                if !additive && !may_add(k) && !SERVER_SET.contains(&at.as_str()) {
                    out.push(format!("{at}: not in the chart ({lv})"));
                }
            }
        }
        // An autoscaler's metrics are a set (it scales on the largest); Kubernetes 1.20 stores
        // autoscalers as autoscaling/v1 and gives the CPU metric back last.
        (Value::Array(e), Value::Array(l)) if path.ends_with(".spec.metrics") => {
            let held = |item: &Value, within: &[Value]| {
                within.iter().any(|other| {
                    let mut diffs = Vec::new();
                    differences(item, other, path, &mut diffs);
                    diffs.is_empty()
                })
            };
            for (i, ev) in e.iter().enumerate().filter(|(_, ev)| !held(ev, l)) {
                out.push(format!("{path}[{i}]: missing (chart has {ev})"));
            }
            for (i, lv) in l.iter().enumerate().filter(|(_, lv)| !held(lv, e)) {
                out.push(format!("{path}[{i}]: not in the chart ({lv})"));
            }
        }
        (Value::Array(e), Value::Array(l)) => match (named_list(e), named_list(l)) {
            (Some(e), Some(l)) => {
                for (name, ev) in &e {
                    match l.get(name) {
                        Some(lv) => differences(ev, lv, &format!("{path}[{name}]"), out),
                        None => out.push(format!("{path}[{name}]: missing")),
                    }
                }
                for name in l.keys().filter(|n| !e.contains_key(*n)) {
                    out.push(format!("{path}[{name}]: not in the chart"));
                }
            }
            _ => {
                if e.len() != l.len() {
                    out.push(format!("{path}: {} items, chart has {}", l.len(), e.len()));
                }
                for (i, (ev, lv)) in e.iter().zip(l).enumerate() {
                    differences(ev, lv, &format!("{path}[{i}]"), out);
                }
            }
        },
        (e, l) if e == l => {}
        (e, l) => out.push(format!("{path}: {l} (chart has {e})")),
    }
}

/// The API version to read (and dry-run) `obj` in: the chart's own, except for the PDB and the
/// autoscaler, read in the newest version the server serves of those whose fields the chart's
/// are (autoscaling/v1, the preferred one on 1.20, has no `metrics`).
fn served_version(cluster: &TestCluster, obj: &Value) -> String {
    let api_version = obj["apiVersion"].as_str().unwrap();
    let Some((group, _)) = api_version.rsplit_once('/') else { return api_version.to_string() };
    let candidates: &[&str] = match obj["kind"].as_str().unwrap() {
        "HorizontalPodAutoscaler" => &["v2", "v2beta2"],
        "PodDisruptionBudget" => &["v1", "v1beta1"],
        _ => return api_version.to_string(),
    };
    let served = cluster.kubectl_words(&["api-versions"]);
    candidates
        .iter()
        .map(|v| format!("{group}/{v}"))
        .find(|gv| served.contains(gv))
        .unwrap_or_else(|| panic!("the server serves none of {group}/{candidates:?}"))
}

/// The live object of the same kind, namespace and name, as kubectl reads it in `version`.
fn live(cluster: &TestCluster, obj: &Value, version: &str) -> Option<Value> {
    let kind = obj["kind"].as_str().unwrap();
    let resource = match version.rsplit_once('/') {
        Some((group, version)) => format!("{kind}.{version}.{group}"),
        None => kind.to_string(),
    };
    let mut args = vec!["get".to_string(), resource, obj["metadata"]["name"].as_str().unwrap().to_string()];
    if let Some(ns) = obj["metadata"]["namespace"].as_str() {
        args.extend(["-n".to_string(), ns.to_string()]);
    }
    args.extend(["-o".to_string(), "json".to_string()]);
    let run = cluster.kubectl().args(&args).run();
    (run.code == 0).then(|| run.json())
}

/// The chart's object as this API server stores it: created with a server-side dry run under
/// another name (the original is there already), its defaults filled in by the server, then
/// given back its name. What the live object holds beyond this, osm wrote.
fn served_form(cluster: &TestCluster, obj: &Value, version: &str) -> Result<Value, String> {
    let name = obj["metadata"]["name"].as_str().unwrap().to_string();
    let mut probe = obj.clone();
    probe["apiVersion"] = version.into();
    probe["metadata"]["name"] = format!("{name}-contract").into();
    let run = cluster
        .kubectl()
        .args(["create", "--dry-run=server", "-o", "json", "-f", "-"])
        .stdin(probe.to_string())
        .run();
    if run.code != 0 {
        return Err(format!("the API server refuses the chart's object: {}", run.stderr.trim()));
    }
    let mut served = run.json();
    served["metadata"]["name"] = name.into();
    Ok(served)
}

/// One chart object, as the server reads the chart's version of it and as the cluster holds it.
struct Observed {
    what: String,
    served: Result<Value, String>,
    live: Option<Value>,
}

/// `kind[.group]/name`, as `kubectl get -o name` names an object.
fn kubectl_name(obj: &Value) -> String {
    let kind = obj["kind"].as_str().unwrap().to_lowercase();
    let name = obj["metadata"]["name"].as_str().unwrap();
    match obj["apiVersion"].as_str().unwrap().rsplit_once('/') {
        Some((group, _)) => format!("{kind}.{group}/{name}"),
        None => format!("{kind}/{name}"),
    }
}

/// Every way the cluster breaks the contract after a case's install, one line each: a chart
/// object missing or differing from the chart's (`differences`), an object of the mesh that is
/// not the chart's (`on_cluster`: what carries the mesh's instance label, by kubectl name), or
/// release records other than one deployed revision (`records`: `revision=status`).
fn live_problems(
    observed: &[Observed],
    expected: &[Value],
    mesh: &str,
    on_cluster: &[String],
    records: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    for o in observed {
        match (&o.served, &o.live) {
            (_, None) => problems.push(format!("{}: not on the cluster", o.what)),
            (Err(e), _) => problems.push(format!("{}: {e}", o.what)),
            (Ok(served), Some(live)) => {
                let (mut served, mut live) = (served.clone(), live.clone());
                for obj in [&mut served, &mut live] {
                    obj.as_object_mut().unwrap().remove("apiVersion");
                }
                let mut diffs = Vec::new();
                differences(&served, &live, "", &mut diffs);
                problems.extend(diffs.into_iter().map(|d| format!("{}{d}", o.what)));
            }
        }
    }
    let chart: Vec<String> = expected.iter().map(kubectl_name).collect();
    let record = format!("secret/sh.helm.release.v1.{mesh}.v");
    for name in on_cluster.iter().filter(|n| !chart.contains(n) && !n.starts_with(&record)) {
        problems.push(format!("{name}: on the cluster with the mesh's label, not in the chart"));
    }
    if records != ["1=deployed"] {
        problems.push(format!("release records {records:?}, want one deployed revision [\"1=deployed\"]"));
    }
    problems
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

    let observed: Vec<Observed> = expected
        .iter()
        .map(|obj| {
            let version = served_version(cluster, obj);
            Observed {
                what: format!(
                    "{} {}/{}",
                    obj["kind"].as_str().unwrap(),
                    obj["metadata"]["namespace"].as_str().unwrap_or(""),
                    obj["metadata"]["name"].as_str().unwrap()
                ),
                served: served_form(cluster, obj, &version),
                live: live(cluster, obj, &version),
            }
        })
        .collect();
    let records = cluster.release_record_states(&mesh, &namespace);
    let problems = live_problems(&observed, &expected, &mesh, &cluster.mesh_objects(&mesh), &records);
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

/// The live comparison fails where it should, offline: a chart object read back as the server
/// would store it passes, and each break (a missing object, an object the chart does not have, a
/// missing, changed or added field, a second release record) is reported.
#[test]
fn the_live_contract_reports_each_break() {
    let Rendering { objects: expected, mesh, .. } = rendering("default");
    let controller = expected
        .iter()
        .find(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == "osm-controller")
        .expect("the chart renders osm-controller")
        .clone();
    // What reading it back adds that is nobody's choice (SERVER_SET), and labels osm may add.
    let mut stored = controller.clone();
    stored["metadata"]["uid"] = "0b7c1c9e-2f3a-4c39-9d7e-6c1f1e0a9b1d".into();
    stored["metadata"]["resourceVersion"] = "4711".into();
    stored["metadata"]["generation"] = 1.into();
    stored["metadata"]["creationTimestamp"] = "2026-01-01T00:00:00Z".into();
    stored["metadata"]["labels"]["app.kubernetes.io/managed-by"] = "osm".into();
    stored["status"] = serde_json::json!({"replicas": 1});
    // The server's dry run of the chart's object has server-set fields of its own.
    let mut served = controller.clone();
    served["metadata"]["uid"] = "5d1f0c2a-7e4b-4f0e-8a6c-2b9d3e4f5a6b".into();
    served["metadata"]["creationTimestamp"] = "2026-01-01T00:00:01Z".into();
    let on_cluster: Vec<String> = expected.iter().map(kubectl_name).collect();
    let deployed = vec!["1=deployed".to_string()];
    let observe = |live: Option<Value>| {
        vec![Observed {
            what: "Deployment osm-system/osm-controller".into(),
            served: Ok(served.clone()),
            live,
        }]
    };
    let problems = live_problems(&observe(Some(stored.clone())), &expected, &mesh, &on_cluster, &deployed);
    assert!(problems.is_empty(), "the chart's own object, as stored, breaks the contract: {problems:#?}");

    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut live = stored.clone();
        edit(&mut live);
        Some(live)
    };
    let mut extra_object = on_cluster.clone();
    extra_object.push("configmap/surprise".into());
    let two_records = vec!["1=superseded".to_string(), "2=deployed".to_string()];
    // What is broken, the observation, the mesh's objects, its records, what must be reported.
    type Break<'a> = (&'a str, Vec<Observed>, &'a [String], &'a [String], &'a str);
    let breaks: Vec<Break> = vec![
        (
            "a missing object",
            observe(None),
            on_cluster.as_slice(),
            deployed.as_slice(),
            "osm-controller: not on the cluster",
        ),
        (
            "an extra object",
            observe(Some(stored.clone())),
            extra_object.as_slice(),
            deployed.as_slice(),
            "configmap/surprise: on the cluster with the mesh's label, not in the chart",
        ),
        (
            "a missing field",
            observe(edited(&|d| {
                d["spec"].as_object_mut().unwrap().remove("replicas");
            })),
            on_cluster.as_slice(),
            deployed.as_slice(),
            ".spec.replicas: missing (chart has 1)",
        ),
        (
            "a changed field",
            observe(edited(&|d| d["spec"]["replicas"] = 3.into())),
            on_cluster.as_slice(),
            deployed.as_slice(),
            ".spec.replicas: 3 (chart has 1)",
        ),
        (
            "an extra field",
            observe(edited(&|d| d["spec"]["template"]["spec"]["hostNetwork"] = true.into())),
            on_cluster.as_slice(),
            deployed.as_slice(),
            ".spec.template.spec.hostNetwork: not in the chart (true)",
        ),
        (
            "a changed label",
            observe(edited(&|d| d["metadata"]["labels"]["app"] = "other".into())),
            on_cluster.as_slice(),
            deployed.as_slice(),
            ".metadata.labels.app: \"other\" (chart has \"osm-controller\")",
        ),
        (
            "a second release record",
            observe(Some(stored.clone())),
            on_cluster.as_slice(),
            two_records.as_slice(),
            "release records [\"1=superseded\", \"2=deployed\"]",
        ),
    ];
    for (what, observed, on_cluster, records, wanted) in breaks {
        let problems = live_problems(&observed, &expected, &mesh, on_cluster, records);
        assert!(
            problems.iter().any(|p| p.contains(wanted)),
            "the live contract does not report {what} (looked for {wanted:?}): {problems:#?}"
        );
    }
}
