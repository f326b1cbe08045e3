//! `osm istio manifest generate` against what a real istioctl 1.30.3 printed for the same
//! arguments (testdata/istio-1.30.3/manifest/, see its README). Offline: no cluster.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::common::snapshot::{self, transcript};
use crate::common::*;
use serde_json::Value;

fn reference_dir() -> PathBuf {
    repo_root().join("testdata/istio-1.30.3/manifest")
}

fn read(name: &str) -> String {
    let path = reference_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The rows of a TSV file: comment lines skipped, columns split on tabs.
fn rows(name: &str) -> Vec<Vec<String>> {
    read(name)
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

fn arguments(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}

/// Documents of a multi-document YAML stream, parsed; empty documents dropped.
fn documents(text: &str) -> Vec<Value> {
    let mut docs = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if !current.trim().is_empty() {
            let value: Value = serde_saphyr::from_str(current)
                .unwrap_or_else(|e| panic!("invalid YAML document: {e}\n{current}"));
            if !value.is_null() {
                docs.push(value);
            }
        }
        current.clear();
    };
    for line in text.lines() {
        if line == "---" {
            flush(&mut current);
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    flush(&mut current);
    docs
}

/// Numbers compare by value: YAML's 2 and 2.0 are the same JSON number.
fn normalize(value: &Value) -> Value {
    match value {
        Value::Number(n) => {
            let f = n.as_f64().unwrap_or(0.0);
            if f.fract() == 0.0 && f.abs() < 1e15 { Value::from(f as i64) } else { Value::Number(n.clone()) }
        }
        Value::Array(items) => Value::Array(items.iter().map(normalize).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), normalize(v))).collect()),
        other => other.clone(),
    }
}

type Key = (String, String, String, String);

fn keyed(docs: Vec<Value>) -> BTreeMap<Key, Value> {
    let mut out = BTreeMap::new();
    for doc in docs {
        let text =
            |pointer: &str| doc.pointer(pointer).and_then(Value::as_str).unwrap_or_default().to_string();
        let key = (text("/apiVersion"), text("/kind"), text("/metadata/namespace"), text("/metadata/name"));
        assert!(out.insert(key.clone(), normalize(&doc)).is_none(), "object {key:?} appears twice");
    }
    out
}

/// The first few places two JSON values differ, as `path: expected … got …` lines.
fn differences(path: &str, expected: &Value, got: &Value, out: &mut Vec<String>) {
    if out.len() >= 8 {
        return;
    }
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for key in e.keys().chain(g.keys().filter(|k| !e.contains_key(*k))) {
                match (e.get(key), g.get(key)) {
                    (Some(ev), Some(gv)) => differences(&format!("{path}.{key}"), ev, gv, out),
                    (Some(ev), None) => {
                        out.push(format!("{path}.{key}: missing (istioctl has {})", short(ev)))
                    }
                    (None, Some(gv)) => out.push(format!("{path}.{key}: extra (osm has {})", short(gv))),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            for (index, (ev, gv)) in e.iter().zip(g).enumerate() {
                differences(&format!("{path}[{index}]"), ev, gv, out);
            }
        }
        _ if expected != got => {
            out.push(format!("{path}: istioctl has {}, osm has {}", short(expected), short(got)))
        }
        _ => {}
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.len() > 160 { format!("{}…", &text[..160]) } else { text }
}

/// What differs between istioctl's output and osm's, or nothing.
fn compare(expected_text: &str, got_text: &str) -> Vec<String> {
    let expected = keyed(documents(expected_text));
    let got = keyed(documents(got_text));
    let mut report = Vec::new();
    for key in expected.keys().filter(|k| !got.contains_key(*k)) {
        report.push(format!("missing object {key:?}"));
    }
    for key in got.keys().filter(|k| !expected.contains_key(*k)) {
        report.push(format!("extra object {key:?}"));
    }
    for (key, expected_object) in &expected {
        if let Some(got_object) = got.get(key) {
            let mut lines = Vec::new();
            differences("", expected_object, got_object, &mut lines);
            if !lines.is_empty() {
                report.push(format!("{key:?}:\n    {}", lines.join("\n    ")));
            }
        }
    }
    report
}

#[test]
fn the_comparison_sees_a_changed_value() {
    let expected = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  port: 1\n";
    assert!(compare(expected, expected).is_empty());
    assert!(!compare(expected, &expected.replace("port: 1", "port: \"1\"")).is_empty());
    assert!(!compare(expected, "").is_empty());
    assert!(compare(expected, &expected.replace("port: 1", "port: 1.0")).is_empty());
}

#[test]
fn every_case_prints_what_istioctl_prints() {
    let mut failures = Vec::new();
    let mut passed = Vec::new();
    for row in rows("cases.tsv") {
        let (case, args) = (&row[0], arguments(&row[1]));
        let run = osm_offline().args(["istio", "manifest", "generate"]).args(&args).run();
        if run.code != 0 {
            failures.push(format!("{case}: exit {}\n{}", run.code, run.stderr.trim()));
            continue;
        }
        let report = compare(&read(&format!("{case}.yaml")), &run.stdout);
        if report.is_empty() {
            passed.push(case.clone());
        } else {
            let total = report.len();
            let first: Vec<String> = report.into_iter().take(6).collect();
            failures.push(format!("{case}: {total} differences, the first:\n  {}", first.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "passed: {passed:?}\n\n{}", failures.join("\n\n"));
}

/// istiod's chart prints the values it was given in the `values` ConfigMap's `original-values`:
/// for every case, osm hands istiod's chart the same values.
#[test]
fn istiod_gets_the_values_istioctl_gives_it() {
    let mut checked = 0;
    for row in rows("cases.tsv") {
        let (case, args) = (&row[0], arguments(&row[1]));
        let expected = documents(&read(&format!("{case}.yaml")))
            .into_iter()
            .find(|d| d["kind"] == "ConfigMap" && d["metadata"]["name"] == "values")
            .and_then(|d| d["data"]["original-values"].as_str().map(str::to_string));
        let Some(expected) = expected else { continue };
        let expected: Value = serde_json::from_str(&expected).expect("original-values is JSON");
        let mut set = Vec::new();
        let mut words = args.iter();
        while let Some(word) = words.next() {
            assert_eq!(word, "--set", "{case}: only --set arguments are expected in cases.tsv");
            set.push(words.next().expect("a value after --set").clone());
        }
        let inputs = osm::model::istio::Inputs { set, ..Default::default() };
        let plan = osm::model::istio::generate::plan(&inputs).unwrap_or_else(|e| panic!("{case}: {e}"));
        let pilot = plan
            .renders
            .iter()
            .find(|r| r.def.component == osm::model::istio::Component::Pilot)
            .unwrap_or_else(|| panic!("{case}: istioctl rendered istiod, osm has no Pilot"));
        let mut lines = Vec::new();
        differences("values", &normalize(&expected), &normalize(&pilot.chart_values), &mut lines);
        assert!(lines.is_empty(), "{case}: istiod's values differ:\n  {}", lines.join("\n  "));
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} cases print istiod's values");
}

#[test]
fn refused_arguments_exit_4_naming_the_path_or_profile() {
    for row in rows("errors.tsv") {
        let args = arguments(&row[0]);
        let run = osm_offline().args(["istio", "manifest", "generate"]).args(&args).run();
        assert_eq!(run.code, 4, "{args:?}: exit {} (stderr: {})", run.code, run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: printed on stdout:\n{}", run.stdout);
        // The offending --set is the last one: it names a profile or a path.
        let last = args.last().expect("arguments");
        let (path, value) = last.split_once('=').expect("path=value");
        let named = if path == "profile" { value } else { path };
        assert!(run.stderr.contains(named), "{args:?}: stderr does not name {named:?}:\n{}", run.stderr);
    }
}

#[test]
fn help_of_istio_manifest_generate() {
    let args = ["istio", "manifest", "generate", "--help"];
    let run = osm_offline().args(args).run();
    let text = transcript(&args, &run);
    snapshot::settings().bind(|| insta::assert_snapshot!("help_istio_manifest_generate", text));
}

/// An IstioOperator file says what `--set` flags say (istioctl merges both into one
/// IstioOperator), so `-f` with the settings of a case prints that case's output.
#[test]
fn a_file_is_the_same_input_as_set_flags() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("iop.yaml");
    std::fs::write(
        &file,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: demo\n  meshConfig:\n    accessLogFile: /dev/stdout\n",
    )
    .expect("write the IstioOperator");
    let run = osm_offline()
        .args(["istio", "manifest", "generate", "-f"])
        .arg(&file)
        .args(["--set", "meshConfig.enableTracing=true"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = compare(&read("pub-access-log.yaml"), &run.stdout);
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// `--manifests` reads charts and profiles from a directory; Istio's own manifests directory
/// (the copy osm embeds, in the repository) gives the same output as the built-in ones.
#[test]
fn a_manifests_directory_renders_like_the_built_in_charts() {
    let dir = repo_root().join("src/model/istio/manifests");
    let run =
        osm_offline().args(["istio", "manifest", "generate", "--set", "profile=demo", "-d"]).arg(&dir).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = compare(&read("demo.yaml"), &run.stdout);
    assert!(report.is_empty(), "{}", report.join("\n"));
    let missing = osm_offline()
        .args(["istio", "manifest", "generate", "-d"])
        .arg(repo_root().join("no-such-dir"))
        .run();
    assert_eq!(missing.code, 4, "{}", missing.stderr);
    assert!(missing.stdout.is_empty());
    assert!(missing.stderr.contains("no-such-dir"), "{}", missing.stderr);
}

/// Called by the name istioctl (a link to the binary), osm takes istioctl's own command lines:
/// `istioctl manifest generate` prints what istioctl prints, the arguments istioctl refuses exit
/// with istioctl's code (1, errors.tsv's column 2), and a command osm does not implement, or a
/// flag it cannot parse, exits 64 (istioctl/cmd/sysexits.go: ExitIncorrectUsage).
#[test]
fn istioctl_command_lines_run_unchanged_through_the_istioctl_name() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let istioctl = dir.path().join("istioctl");
    std::os::unix::fs::symlink(osm_bin(), &istioctl).expect("link istioctl to osm");
    let run = |args: &[String]| {
        crate::common::Cmd::new(&istioctl).env("KUBECONFIG", "/nonexistent").args(args).run()
    };

    for case in ["demo", "minimal", "pub-ingress-replicas"] {
        let row = rows("cases.tsv").into_iter().find(|r| r[0] == case).expect("case in cases.tsv");
        let mut args = vec!["manifest".to_string(), "generate".to_string()];
        args.extend(arguments(&row[1]));
        let out = run(&args);
        assert_eq!(out.code, 0, "istioctl {args:?}: {}", out.stderr);
        let report = compare(&read(&format!("{case}.yaml")), &out.stdout);
        assert!(report.is_empty(), "istioctl {args:?} differs:\n  {}", report.join("\n  "));
    }
    for row in rows("errors.tsv") {
        let mut args = vec!["manifest".to_string(), "generate".to_string()];
        args.extend(arguments(&row[0]));
        let out = run(&args);
        let code: i32 = row[1].parse().expect("errors.tsv exit code");
        assert_eq!(out.code, code, "istioctl {args:?} exits as istioctl does: {}", out.stderr);
        assert!(out.stdout.is_empty(), "istioctl {args:?} printed:\n{}", out.stdout);
    }
    let words = |text: &str| text.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let analyze = run(&words("analyze -A"));
    assert_eq!(analyze.code, 64, "{}", analyze.stderr);
    assert!(analyze.stderr.contains("unknown command \"analyze\""), "{}", analyze.stderr);
    let bad_flag = run(&words("manifest generate --no-such-flag"));
    assert_eq!(bad_flag.code, 64, "{}", bad_flag.stderr);
    let help = run(&words("--help"));
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("istioctl kube-inject"), "{}", help.stdout);
}

/// The IstioOperator files of testdata/istio-1.30.3-validation/iop (see its README), each
/// decided as istioctl 1.30.3 decides it: `components.*.k8s` decoded as Kubernetes' own types,
/// `meshConfig` and `values.meshConfig` decoded and validated as Istio's mesh config. A refusal
/// exits 4 with nothing on stdout and names the field.
#[test]
fn iop_files_are_refused_where_istioctl_refuses_them() {
    let dir = repo_root().join("testdata/istio-1.30.3-validation/iop");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let mut checked = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (name, verdict, path) = (columns[0], columns[1], columns[2]);
        let run = osm_offline()
            .args(["istio", "manifest", "generate", "-f"])
            .arg(dir.join(format!("{name}.yaml")))
            .run();
        if verdict == "accepted" {
            assert_eq!(run.code, 0, "{name}: istioctl accepts it; osm: {}", run.stderr);
            assert!(run.stdout.contains("kind: Deployment"), "{name}: no manifest printed");
        } else {
            assert_eq!(
                run.code, 4,
                "{name}: istioctl refuses it ({}); osm exit {}: {}",
                columns[3], run.code, run.stderr
            );
            assert!(run.stdout.is_empty(), "{name}: printed on stdout:\n{}", run.stdout);
            assert!(
                run.stderr.contains(&format!(" {path}")),
                "{name}: stderr does not name {path}:\n{}",
                run.stderr
            );
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} cases");
}

/// `--set` reaches the same checks as a file.
#[test]
fn set_flags_deep_in_k8s_and_mesh_config_are_refused_by_path() {
    for (set, path) in [
        ("components.pilot.k8s.resources.requests.cpu=lots", "components.pilot.k8s.resources.requests.cpu"),
        (
            "components.pilot.k8s.affinity.nodeAffinity.bogus=1",
            "components.pilot.k8s.affinity.nodeAffinity.bogus",
        ),
        ("meshConfig.connectTimeout=2h", "meshConfig.connectTimeout"),
        ("meshConfig.trustDomain=Bad_Domain", "meshConfig.trustDomain"),
        ("meshConfig.defaultConfig.drainDuration=1500ms", "meshConfig.defaultConfig.drainDuration"),
    ] {
        let run = osm_offline().args(["istio", "manifest", "generate", "--set", set]).run();
        assert_eq!(run.code, 4, "{set}: exit {}: {}", run.code, run.stderr);
        assert!(run.stdout.is_empty(), "{set}: printed on stdout");
        assert!(
            run.stderr.contains(&format!(" {path}")),
            "{set}: stderr does not name {path}:\n{}",
            run.stderr
        );
    }
    let run = osm_offline()
        .args(["istio", "manifest", "generate", "--set", "meshConfig.connectTimeout=30s"])
        .args(["--set", "components.pilot.k8s.resources.requests.cpu=250m"])
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
}

fn oracle_dir() -> PathBuf {
    repo_root().join("testdata/istioctl-oracle/manifest")
}

/// More command lines than the reference set holds (testdata/istioctl-oracle/README.md): each
/// accepted where istioctl accepts it, with istioctl's objects (the profile's rendering with the
/// case's changed objects over it, less the ones istioctl left out), and refused where istioctl
/// refuses it. Run in the library, not the binary, and in two halves that run side by side, so
/// the 94 renderings stay quick.
#[test]
fn more_command_lines_render_and_refuse_as_istioctl_does_odd_cases() {
    check_oracle_cases(1);
}

#[test]
fn more_command_lines_render_and_refuse_as_istioctl_does_even_cases() {
    check_oracle_cases(0);
}

/// The cases of decisions.tsv whose number has `parity` (0 even, 1 odd).
fn check_oracle_cases(parity: usize) {
    let decisions = std::fs::read_to_string(oracle_dir().join("decisions.tsv")).expect("decisions.tsv");
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut profiles: BTreeMap<String, BTreeMap<Key, Value>> = BTreeMap::new();
    for line in decisions.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (case, istioctl_code, removed, args) = (columns[0], columns[1], columns[2], columns[3]);
        if case.parse::<usize>().expect("a case number") % 2 != parity {
            continue;
        }
        let words = arguments(args);
        let mut set = Vec::new();
        let mut iter = words.iter();
        while let Some(word) = iter.next() {
            assert_eq!(word, "--set", "case {case}: only --set arguments are expected");
            set.push(iter.next().expect("a value after --set").clone());
        }
        let profile = set.iter().find_map(|s| s.strip_prefix("profile=")).unwrap_or("default").to_string();
        let inputs = osm::model::istio::Inputs { set, ..Default::default() };
        let result = osm::model::istio::generate(&inputs);
        checked += 1;
        match (istioctl_code, result) {
            ("0", Err(e)) => failures.push(format!("{case} ({args}): istioctl accepts it, osm refuses: {e}")),
            ("0", Ok(manifest)) => {
                let mut expected = profiles
                    .entry(profile.clone())
                    .or_insert_with(|| keyed(documents(&read(&format!("{profile}.yaml")))))
                    .clone();
                for gone in removed.split(',').filter(|r| *r != "-") {
                    expected.retain(|key, _| key_text(key) != gone);
                }
                let delta = std::fs::read_to_string(oracle_dir().join(format!("{case}.delta.yaml"))).unwrap();
                expected.extend(keyed(documents(&delta)));
                let got =
                    keyed(osm::model::istio::generate::print_order(&manifest).into_iter().cloned().collect());
                let mut report = Vec::new();
                for key in expected.keys().filter(|k| !got.contains_key(*k)) {
                    report.push(format!("missing object {key:?}"));
                }
                for key in got.keys().filter(|k| !expected.contains_key(*k)) {
                    report.push(format!("extra object {key:?}"));
                }
                for (key, object) in &expected {
                    if let Some(ours) = got.get(key) {
                        differences(&format!("{key:?}"), object, ours, &mut report);
                    }
                }
                if !report.is_empty() {
                    failures.push(format!(
                        "{case} ({args}):\n  {}",
                        report.into_iter().take(5).collect::<Vec<_>>().join("\n  ")
                    ));
                }
            }
            (_, Ok(_)) => failures
                .push(format!("{case} ({args}): istioctl refuses it (exit {istioctl_code}), osm accepts it")),
            (_, Err(e)) => {
                if e.exit_code() != 4 {
                    failures.push(format!(
                        "{case} ({args}): refused with exit {} instead of 4: {e}",
                        e.exit_code()
                    ));
                }
            }
        }
    }
    assert!(checked >= 45, "only {checked} cases in this half of decisions.tsv");
    assert!(
        failures.is_empty(),
        "{} of {checked} cases differ from istioctl:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A key as scripts/istioctl-oracle-delta.py writes it: its four parts joined with `/`.
fn key_text(key: &Key) -> String {
    format!("{}/{}/{}/{}", key.0, key.1, key.2, key.3)
}
