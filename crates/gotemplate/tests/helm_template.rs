//! Whole charts against the real `helm template` (helm v3.21.4, the binary
//! `scripts/provision-cluster.sh helm` builds): Istio 1.30.3's base, istiod, gateway and ztunnel
//! charts, with their defaults and with the value files in testdata/helm-template/values. Every
//! manifest must equal Helm's text exactly, not only as parsed YAML. testdata/helm-template/README.md
//! has the command that produced each expected file.

use std::path::{Path, PathBuf};

use gotemplate::{Chart, RenderOptions, coalesce_values, render_chart};
use serde_json::Value;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

fn load_chart(dir: &Path) -> Chart {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    Chart { files }
}

/// releaseutil.SplitManifests: documents split at `(?:^|\s*\n)---\s*`, each trimmed, empty ones
/// dropped.
fn split_manifests(text: &str) -> Vec<String> {
    let sep = regex::Regex::new(r"(?:^|\s*\n)---\s*").unwrap();
    sep.split(text.trim()).map(str::trim).filter(|d| !d.is_empty()).map(str::to_string).collect()
}

/// `helm template` output: "---\n# Source: PATH\nCONTENT\n" per manifest.
fn helm_manifests(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in text.split("---\n# Source: ").skip(1) {
        let (source, content) = part.split_once('\n').unwrap();
        out.push((source.to_string(), content.trim_end_matches('\n').to_string()));
    }
    out
}

fn case(name: &str) {
    let td = testdata();
    let cases = std::fs::read_to_string(td.join("helm-template/cases.tsv")).unwrap();
    let line = cases
        .lines()
        .find(|l| l.split('\t').next() == Some(name))
        .unwrap_or_else(|| panic!("no case {name} in cases.tsv"));
    let cols: Vec<&str> = line.split('\t').collect();
    let (chart_path, release, namespace, values_file) = (cols[1], cols[2], cols[3], cols[4]);
    let chart_dir = td.join("istio-1.30.3/charts").join(chart_path);
    let chart = load_chart(&chart_dir);
    let defaults: Value =
        serde_saphyr::from_str(&std::fs::read_to_string(chart_dir.join("values.yaml")).unwrap()).unwrap();
    let overrides: Value = if values_file == "-" {
        Value::Object(Default::default())
    } else {
        serde_saphyr::from_str(
            &std::fs::read_to_string(td.join("helm-template/values").join(values_file)).unwrap(),
        )
        .unwrap()
    };
    let values = coalesce_values(&defaults, &overrides);
    let opts = RenderOptions {
        release_name: release.into(),
        namespace: namespace.into(),
        kube_version: "v1.37.2".into(),
        is_install: true,
        is_upgrade: false,
        revision: 1,
    };
    let rendered = render_chart(&chart, &values, &opts).unwrap_or_else(|e| panic!("{name}: {e}"));
    let chart_name = chart
        .files
        .iter()
        .find(|(p, _)| p == "Chart.yaml")
        .map(|(_, t)| t.lines().find_map(|l| l.strip_prefix("name: ")).unwrap().trim().to_string());
    let chart_name = chart_name.unwrap();
    let mut got: Vec<(String, String)> = Vec::new();
    for (path, text) in &rendered {
        if path.ends_with("NOTES.txt") {
            continue;
        }
        for doc in split_manifests(text) {
            got.push((format!("{chart_name}/{path}"), doc));
        }
    }
    let want_text = std::fs::read_to_string(td.join(format!("helm-template/{name}.yaml"))).unwrap();
    let mut want = helm_manifests(&want_text);
    got.sort();
    want.sort();
    let mut diffs = Vec::new();
    for (g, w) in got.iter().zip(want.iter()) {
        if g != w {
            diffs.push(format!("--- helm ({})\n{}\n--- ours ({})\n{}", w.0, w.1, g.0, g.1));
        }
    }
    assert!(
        diffs.is_empty() && got.len() == want.len(),
        "{name}: {} manifests from helm, {} from us; first differences:\n{}",
        want.len(),
        got.len(),
        diffs.iter().take(3).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn base_default() {
    case("base-default");
}

#[test]
fn base_namespace() {
    case("base-namespace");
}

#[test]
fn istiod_default() {
    case("istiod-default");
}

#[test]
fn istiod_demo() {
    case("istiod-demo");
}

#[test]
fn istiod_ambient() {
    case("istiod-ambient");
}

#[test]
fn istiod_custom() {
    case("istiod-custom");
}

#[test]
fn gateway_default() {
    case("gateway-default");
}

#[test]
fn gateway_custom() {
    case("gateway-custom");
}

#[test]
fn ztunnel_default() {
    case("ztunnel-default");
}

#[test]
fn ztunnel_custom() {
    case("ztunnel-custom");
}

#[test]
fn ingress_default() {
    case("ingress-default");
}

#[test]
fn ingress_custom() {
    case("ingress-custom");
}

#[test]
fn egress_default() {
    case("egress-default");
}

#[test]
fn cni_default() {
    case("cni-default");
}

#[test]
fn cni_ambient() {
    case("cni-ambient");
}

#[test]
fn default_default() {
    case("default-default");
}
