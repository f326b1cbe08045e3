//! `osm istio kube-inject` on Istio's own injection cases: the inputs and golden outputs of
//! pkg/kube/inject/testdata/inject at the 1.30.3 tag, written by Istio's injector (see
//! testdata/istio-upstream-inject/README.md), run with the settings `TestInjection`
//! (pkg/kube/inject/inject_test.go) gives each of them.
//!
//! Like `getInjectionSettings` (pkg/kube/inject/webhook_test.go:629-686), each case's templates,
//! values and mesh config are the `istio-sidecar-injector` and `istio` ConfigMaps of a manifest
//! rendered with `profile=empty`, `components.pilot.enabled=true` and the case's `--set` values
//! and IstioOperator file; the charts' own hub and tag stand (`registry.istio.io/testing`,
//! `latest`), as in Istio's test binary that has no compiled-in hub. The case's mesh changes are
//! merged over the mesh config. Istio's test injects with two nodes at 1.33 and 1.34, which turns
//! native sidecars on; its cases with native sidecars disabled run with
//! `ENABLE_NATIVE_SIDECARS=false`.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-upstream-inject")
}

#[derive(Debug, Clone)]
enum Expect {
    Output,
    /// The injection is refused and the error names this (case-insensitive, as the Go test
    /// compares `strings.ToLower(err.Error())`).
    Error(String),
    /// The output matches and stderr carries this warning.
    Log(String),
}

#[derive(Debug, Clone)]
struct Case {
    input: String,
    golden: String,
    native: bool,
    sets: Vec<String>,
    iop: Option<String>,
    mesh: Option<Value>,
    expect: Expect,
}

fn dash(field: &str) -> Option<String> {
    (field != "-").then(|| field.to_string())
}

/// The table of `TestInjection` (cases.tsv), then every other input with a `.injected` golden
/// and the default settings, as the Go test adds them (inject_test.go:603-634).
fn cases() -> Vec<Case> {
    let table = std::fs::read_to_string(dir().join("cases.tsv")).expect("cases.tsv");
    let mut cases: Vec<Case> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 8, "cases.tsv: {line}");
            let expect = match f[6] {
                "ok" => Expect::Output,
                other if other.starts_with("error:") => Expect::Error(other[6..].to_string()),
                other if other.starts_with("log:") => Expect::Log(other[4..].to_string()),
                other => panic!("cases.tsv: unknown expectation {other}"),
            };
            Case {
                input: f[0].into(),
                golden: f[1].into(),
                native: f[2] == "true",
                sets: dash(f[3]).map(|s| s.split(';').map(String::from).collect()).unwrap_or_default(),
                iop: dash(f[4]),
                mesh: dash(f[5]).map(|m| serde_json::from_str(&m).expect("cases.tsv: mesh overlay JSON")),
                expect,
            }
        })
        .collect();
    let tested: BTreeSet<String> = cases
        .iter()
        .map(|c| if c.golden == "-" { format!("{}.injected", c.input) } else { c.golden.clone() })
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(dir().join("inject"))
        .expect("testdata/istio-upstream-inject/inject")
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    for name in &names {
        if !name.ends_with(".yaml") || name.ends_with(".iop.yaml") {
            continue;
        }
        let golden = format!("{name}.injected");
        if tested.contains(&golden) || !names.contains(&golden) {
            continue;
        }
        cases.push(Case {
            input: name.clone(),
            golden,
            native: true,
            sets: vec![],
            iop: None,
            mesh: None,
            expect: Expect::Output,
        });
    }
    cases
}

fn documents(text: &str) -> Vec<Value> {
    let mut docs = Vec::new();
    let mut current = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("---") {
            docs.push(std::mem::take(&mut current));
        } else {
            current.push_str(line);
        }
    }
    docs.push(current);
    docs.into_iter()
        .filter(|d| d.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')))
        .map(|d| serde_saphyr::from_str::<Value>(&d).unwrap_or_else(|e| panic!("not YAML: {e}\n{d}")))
        .filter(|v| !v.is_null())
        .collect()
}

fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(base), Value::Object(over)) => {
            for (k, v) in over {
                match base.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        base.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (base, over) => *base = over.clone(),
    }
}

/// The injector's config, values and mesh files of one setting, in a directory of their own.
fn settings(sets: &[String], iop: Option<&str>, mesh: Option<&Value>) -> tempfile::TempDir {
    let mut command = Command::new(env!("CARGO_BIN_EXE_osm"));
    command.current_dir(dir().join("inject")).args(["istio", "manifest", "generate"]);
    for set in
        ["profile=empty", "components.pilot.enabled=true", "hub=registry.istio.io/testing", "tag=latest"]
            .iter()
            .map(|s| s.to_string())
            .chain(sets.iter().cloned())
    {
        command.args(["--set", &set]);
    }
    if let Some(iop) = iop {
        command.args(["-f", iop]);
    }
    let out = command.output().expect("osm runs");
    assert!(out.status.success(), "manifest generate {sets:?}: {}", String::from_utf8_lossy(&out.stderr));
    let tmp = tempfile::tempdir().unwrap();
    let mut found = 0;
    for doc in documents(&String::from_utf8_lossy(&out.stdout)) {
        if doc["kind"] != "ConfigMap" {
            continue;
        }
        let data = &doc["data"];
        match doc["metadata"]["name"].as_str() {
            Some("istio-sidecar-injector") => {
                std::fs::write(tmp.path().join("config.yaml"), data["config"].as_str().unwrap()).unwrap();
                std::fs::write(tmp.path().join("values.json"), data["values"].as_str().unwrap()).unwrap();
                found += 1;
            }
            Some("istio") => {
                let mut mesh_config: Value = serde_saphyr::from_str(data["mesh"].as_str().unwrap()).unwrap();
                if let Some(over) = mesh {
                    merge(&mut mesh_config, over);
                }
                std::fs::write(tmp.path().join("mesh.yaml"), mesh_config.to_string()).unwrap();
                found += 1;
            }
            _ => {}
        }
    }
    assert_eq!(found, 2, "manifest generate {sets:?} rendered no injector or mesh ConfigMap");
    tmp
}

/// `util.StripVersion` (pilot/test/util/diff.go:31-34): a status annotation's version is blanked.
fn strip_version(text: &str) -> String {
    let marker = "sidecar.istio.io/status: '{\"version\":\"";
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        out.push_str(&rest[..i + marker.len()]);
        rest = &rest[i + marker.len()..];
        let end = rest.find('"').unwrap_or(0);
        if rest[..end].bytes().all(|b| b.is_ascii_hexdigit()) {
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

fn run(case: &Case, settings: &Path) -> Result<(), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(dir().join("inject"))
        .env("KUBECONFIG", "/nonexistent")
        .env("ENABLE_NATIVE_SIDECARS", if case.native { "true" } else { "false" })
        .args(["istio", "kube-inject", "--revision", "default", "-f", &case.input])
        .arg("--injectConfigFile")
        .arg(settings.join("config.yaml"))
        .arg("--meshConfigFile")
        .arg(settings.join("mesh.yaml"))
        .arg("--valuesFile")
        .arg(settings.join("values.json"))
        .output()
        .expect("osm runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    if let Expect::Error(what) = &case.expect {
        if out.status.code() != Some(4) || !out.stdout.is_empty() {
            return Err(format!("expected a refusal naming {what:?}, got exit {:?}", out.status.code()));
        }
        return if stderr.to_lowercase().contains(what) {
            Ok(())
        } else {
            Err(format!("the refusal does not name {what:?}: {stderr}"))
        };
    }
    if !out.status.success() {
        return Err(format!("exit {:?}: {}", out.status.code(), stderr.trim()));
    }
    let golden = std::fs::read_to_string(dir().join("inject").join(&case.golden)).unwrap();
    let want = documents(&strip_version(&golden));
    let got = documents(&String::from_utf8_lossy(&out.stdout));
    if want.len() != got.len() {
        return Err(format!("Istio has {} documents, osm {}", want.len(), got.len()));
    }
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        if let Some(d) = crate::common::first_difference("Istio", "", w, g) {
            return Err(format!("document {}: {d}", i + 1));
        }
    }
    if let Expect::Log(line) = &case.expect
        && !stderr.contains(line.as_str())
    {
        return Err(format!("stderr lacks {line:?}: {stderr:?}"));
    }
    Ok(())
}

/// Every case passes; the count is printed for the record (`-- --nocapture`).
#[test]
fn istios_own_injection_cases() {
    let cases = cases();
    assert!(cases.len() >= 100, "the upstream cases are missing: {}", cases.len());
    let mut cache: HashMap<String, tempfile::TempDir> = HashMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        let key = format!("{:?}|{:?}|{:?}", case.sets, case.iop, case.mesh);
        let settings =
            cache.entry(key).or_insert_with(|| settings(&case.sets, case.iop.as_deref(), case.mesh.as_ref()));
        if let Err(why) = run(case, settings.path()) {
            let mode = if case.native { "native" } else { "classic" };
            failures.push(format!("{} -> {} ({mode}): {why}", case.input, case.golden));
        }
    }
    eprintln!("Istio's injection cases: {} of {} pass", cases.len() - failures.len(), cases.len());
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

fn kubeinject_dir() -> PathBuf {
    dir().join("kubeinject")
}

/// istioctl's own kube-inject cases (istioctl/pkg/kubeinject/kubeinject_test.go:27-95 at 1.30.3,
/// run without a cluster), `--operatorFileName` among them: its values (`global.tag: testiop`)
/// and meshConfig take over, `--valuesFile` or not.
#[test]
fn istioctls_own_kube_inject_cases() {
    let cases: &[(&str, &str)] = &[
        (
            "--meshConfigFile mesh-config.yaml --injectConfigFile inject-config.yaml -f deployment/hello.yaml --valuesFile inject-values.yaml",
            "deployment/hello.yaml.injected",
        ),
        (
            "--meshConfigFile mesh-config.yaml --injectConfigFile inject-config-inline.yaml -f deployment/hello.yaml --valuesFile inject-values.yaml",
            "deployment/hello.yaml.injected",
        ),
        (
            "--operatorFileName istio-operator.yaml --injectConfigFile inject-config-iop.yaml -f deployment/hello.yaml",
            "deployment/hello.yaml.iop.injected",
        ),
        (
            "--operatorFileName istio-operator.yaml --injectConfigFile inject-config-inline-iop.yaml -f deployment/hello.yaml",
            "deployment/hello.yaml.iop.injected",
        ),
        (
            "--operatorFileName istio-operator.yaml --injectConfigFile inject-config-iop.yaml -f deployment/hello.yaml -f deployment/hello.yaml --valuesFile inject-values.yaml",
            "deployment/hello.yaml.iop.injected",
        ),
        (
            "--meshConfigFile mesh-config.yaml --injectConfigFile inject-config.yaml -f deployment/hello-with-proxyconfig-anno.yaml --valuesFile inject-values.yaml",
            "deployment/hello-with-proxyconfig-anno.yaml.injected",
        ),
    ];
    for (args, golden) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_osm"))
            .current_dir(kubeinject_dir())
            .env("KUBECONFIG", "/nonexistent")
            .env_remove("ENABLE_NATIVE_SIDECARS")
            .args(["istio", "kube-inject"])
            .args(args.split(' '))
            .output()
            .unwrap();
        assert!(out.status.success(), "{args}: {}", String::from_utf8_lossy(&out.stderr));
        let want = documents(&std::fs::read_to_string(kubeinject_dir().join(golden)).unwrap());
        let got = documents(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(want.len(), got.len(), "{args}");
        for (w, g) in want.iter().zip(&got) {
            if let Some(d) = crate::common::first_difference("Istio", "", w, g) {
                panic!("{args}: {d}");
            }
        }
    }
}

/// An operator file that is not an IstioOperator is refused before anything is printed.
#[test]
fn a_bad_operator_file_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("iop.yaml");
    std::fs::write(&bad, "- not\n- an operator\n").unwrap();
    for path in [bad.display().to_string(), "does-not-exist.yaml".to_string()] {
        let out = Command::new(env!("CARGO_BIN_EXE_osm"))
            .current_dir(kubeinject_dir())
            .env("KUBECONFIG", "/nonexistent")
            .args(["istio", "kube-inject", "-f", "deployment/hello.yaml"])
            .args(["--injectConfigFile", "inject-config-iop.yaml", "--operatorFileName", &path])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4), "{path}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--operatorFileName") || stderr.contains("IstioOperator"), "{stderr}");
    }
}

/// The xds flags reach a running istiod, which only matters when istioctl injects through it:
/// refused then (exit 4, naming the flag and the way osm injects); with --injectConfigFile
/// istioctl ignores them, and so does osm. `--webhookConfig` names the webhook and changes
/// nothing offline.
#[test]
fn xds_flags_are_refused_where_they_would_reach_istiod() {
    let base = ["istio", "kube-inject", "-f", "deployment/hello.yaml"];
    let refused = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(kubeinject_dir())
        .env("KUBECONFIG", "/nonexistent")
        .args(base)
        .args(["--xds-address", "istiod.istio-system:15012", "--meshConfigFile", "mesh-config.yaml"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(4));
    assert!(refused.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("--xds-address") && stderr.contains("--injectConfigFile"), "{stderr}");

    let offline = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(kubeinject_dir())
        .env("KUBECONFIG", "/nonexistent")
        .args(base)
        .args(["--xds-address", "istiod.istio-system:15012", "--insecure", "--webhookConfig", "my-injector"])
        .args(["--meshConfigFile", "mesh-config.yaml", "--injectConfigFile", "inject-config.yaml"])
        .args(["--valuesFile", "inject-values.yaml"])
        .output()
        .unwrap();
    assert!(offline.status.success(), "{}", String::from_utf8_lossy(&offline.stderr));
    let want =
        documents(&std::fs::read_to_string(kubeinject_dir().join("deployment/hello.yaml.injected")).unwrap());
    assert_eq!(documents(&String::from_utf8_lossy(&offline.stdout)), want);
}
