//! The OSM v1.2.4 contract in `testdata/osm-chart-v1.2.4/` (the chart's own rendering, see its
//! README), read the same way by the offline comparison and the live installs.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

use super::repo_root;

pub fn contract_dir() -> PathBuf {
    repo_root().join("testdata/osm-chart-v1.2.4")
}

/// Documents of a multi-document YAML text, empty ones dropped.
pub fn documents(text: &str) -> Vec<Value> {
    let mut docs = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if current.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
            let doc: Value =
                serde_saphyr::from_str(current).unwrap_or_else(|e| panic!("YAML: {e}\n{current}"));
            if !doc.is_null() {
                docs.push(doc);
            }
        }
        current.clear();
    };
    for line in text.lines() {
        if line.trim_end() == "---" {
            flush(&mut current);
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    flush(&mut current);
    docs
}

pub fn is_hook(obj: &Value) -> bool {
    obj["metadata"]["annotations"]["helm.sh/hook"].is_string()
}

pub fn named_list(items: &[Value]) -> Option<BTreeMap<String, &Value>> {
    if items.is_empty() {
        return None;
    }
    let mut map = BTreeMap::new();
    for item in items {
        let name = item.get("name")?.as_str()?;
        map.insert(name.to_string(), item);
    }
    (map.len() == items.len()).then_some(map)
}

pub struct Case {
    pub name: String,
    /// The command line without `osm`, `--api-versions G/V` added for what the cluster serves.
    pub args: Vec<String>,
    /// The API group/version the cluster serves besides the usual ones, if any.
    pub serves: Option<String>,
}

pub fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(contract_dir().join("cases.tsv")).expect("cases.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "cases.tsv line: {line}");
            let mut args: Vec<String> = cols[1].split_whitespace().map(str::to_string).collect();
            assert_eq!(args.remove(0), "osm");
            if cols[2] != "-" {
                args.push("--api-versions".into());
                args.push(cols[2].to_string());
            }
            Case { name: cols[0].to_string(), args, serves: (cols[2] != "-").then(|| cols[2].to_string()) }
        })
        .collect()
}

/// The chart's rendering of a case without its hooks, and the namespace and mesh it is for.
pub struct Rendering {
    pub objects: Vec<Value>,
    pub namespace: String,
    pub mesh: String,
}

pub fn rendering(case: &str) -> Rendering {
    let text = std::fs::read_to_string(contract_dir().join(format!("rendered/{case}.yaml")))
        .unwrap_or_else(|e| panic!("rendered/{case}.yaml: {e}"));
    let objects: Vec<Value> = documents(&text).into_iter().filter(|o| !is_hook(o)).collect();
    let namespace = objects.iter().find_map(|o| o["metadata"]["namespace"].as_str()).unwrap().to_string();
    let mesh = objects
        .iter()
        .find(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == "osm-controller")
        .and_then(|o| o["metadata"]["labels"]["meshName"].as_str())
        .unwrap()
        .to_string();
    Rendering { objects, namespace, mesh }
}

/// A case of `helm-cases.tsv`: its expected rendering is made at test time by real helm from the
/// upstream chart source (`chart-source/osm`), with the values osm's command line sets.
pub fn helm_cases() -> Vec<Case> {
    let text = std::fs::read_to_string(contract_dir().join("helm-cases.tsv")).expect("helm-cases.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 2, "helm-cases.tsv line: {line}");
            let mut args: Vec<String> = cols[1].split_whitespace().map(str::to_string).collect();
            assert_eq!(args.remove(0), "osm");
            Case { name: cols[0].to_string(), args, serves: None }
        })
        .collect()
}

/// What the Go `osm install` hands Helm for an osm command line: release name = mesh name,
/// release namespace = `--osm-namespace`, the `--set` values, then `osm.meshName` and
/// `osm.enforceSingleMesh` (openservicemesh/osm v1.2.4 `cmd/cli/install.go`, `resolveValues`).
pub fn helm_template(case: &Case) -> Rendering {
    let (mut mesh, mut namespace) = ("osm".to_string(), "osm-system".to_string());
    let mut sets: Vec<String> = Vec::new();
    let mut args = case.args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| -> Option<String> {
            if arg == flag {
                Some(args.next().unwrap_or_else(|| panic!("{flag} without a value")).clone())
            } else {
                arg.strip_prefix(&format!("{flag}=")).map(str::to_string)
            }
        };
        if let Some(v) = value("--mesh-name") {
            mesh = v;
        } else if let Some(v) = value("--osm-namespace") {
            namespace = v;
        } else if let Some(v) = value("--set") {
            sets.push(v);
        } else {
            assert!(
                matches!(arg.as_str(), "install" | "--dry-run"),
                "case {}: {arg} has no helm counterpart here",
                case.name
            );
        }
    }
    let chart = contract_dir().join("chart-source/osm");
    // helm template assumes Kubernetes v1.20.0 unless told, below the chart's `kubeVersion:
    // ">= 1.22.9-0"` (Chart.yaml); the templates read the version nowhere else.
    let mut helm = super::Cmd::new(super::helm_bin()).args(["template", &mesh]).arg(&chart).args([
        "--namespace",
        &namespace,
        "--kube-version",
        "v1.37.2",
    ]);
    for set in &sets {
        helm = helm.args(["--set", set]);
    }
    let run = helm
        .args(["--set", &format!("osm.meshName={mesh}"), "--set", "osm.enforceSingleMesh=true"])
        .run()
        .success();
    let objects: Vec<Value> = documents(&run.stdout).into_iter().filter(|o| !is_hook(o)).collect();
    assert!(
        objects.iter().any(|o| o["kind"] == "Deployment" && o["metadata"]["name"] == "osm-controller"),
        "helm template rendered no osm-controller for case {}:\n{}",
        case.name,
        run.stdout
    );
    Rendering { objects, namespace, mesh }
}
