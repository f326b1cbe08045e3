//! `osm istio kube-inject` against what istioctl 1.30.3's `kube-inject` printed for the same
//! inputs (testdata/istio-1.30.3/inject, see its README): outputs compared as parsed YAML
//! documents, in order, as JSON values; skip warnings compared line by line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-1.30.3/inject")
}

/// Runs osm as istioctl was run for the captures, offline, from the capture directory.
fn kube_inject(input: &str, native: bool) -> Output {
    Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(dir())
        .env("KUBECONFIG", "/nonexistent")
        .env("ENABLE_NATIVE_SIDECARS", if native { "true" } else { "false" })
        .args(["istio", "kube-inject", "--revision", "default", "-f", input])
        .args([
            "--injectConfigFile",
            "inject-config.yaml",
            "--meshConfigFile",
            "mesh.yaml",
            "--valuesFile",
            "values.json",
        ])
        .output()
        .expect("osm runs")
}

/// The documents of a manifest, split as Kubernetes' YAML reader does; empty ones dropped.
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
        .collect()
}

/// Compares osm's stdout with istioctl's; `None` when equal.
fn compare(name: &str, want_text: &str, got: &Output) -> Option<String> {
    if !got.status.success() {
        return Some(format!(
            "{name}: osm exited with {:?}: {}",
            got.status.code(),
            String::from_utf8_lossy(&got.stderr).trim()
        ));
    }
    let want = documents(want_text);
    let got_docs = documents(&String::from_utf8_lossy(&got.stdout));
    if want.len() != got_docs.len() {
        return Some(format!("{name}: istioctl printed {} documents, osm {}", want.len(), got_docs.len()));
    }
    for (i, (w, g)) in want.iter().zip(&got_docs).enumerate() {
        if let Some(d) = crate::common::first_difference("istioctl", "", w, g) {
            return Some(format!("{name}: document {}: {d}", i + 1));
        }
    }
    None
}

fn inputs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir().join("in"))
        .expect("testdata/istio-1.30.3/inject/in")
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".yaml").to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 12, "the reference inputs are missing: {names:?}");
    names
}

fn check_mode(native: bool) {
    let mode = if native { "native" } else { "classic" };
    let mut failures = Vec::new();
    for name in inputs() {
        let want = std::fs::read_to_string(dir().join(format!("out/{name}.{mode}.yaml"))).unwrap();
        let got = kube_inject(&format!("in/{name}.yaml"), native);
        if let Some(d) = compare(&format!("{name}.{mode}"), &want, &got) {
            failures.push(d);
            continue;
        }
        let want_stderr =
            std::fs::read_to_string(dir().join(format!("out/{name}.{mode}.stderr"))).unwrap_or_default();
        let got_stderr = String::from_utf8_lossy(&got.stderr);
        if want_stderr.trim() != got_stderr.trim() {
            failures.push(format!(
                "{name}.{mode}: stderr differs:\nistioctl: {want_stderr:?}\nosm:      {got_stderr:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs differ:\n{}",
        failures.len(),
        inputs().len(),
        failures.join("\n")
    );
}

#[test]
fn every_reference_input_classic() {
    check_mode(false);
}

#[test]
fn every_reference_input_native() {
    check_mode(true);
}

/// Inputs istioctl passes through or skips without running a template.
#[test]
fn skipped_workloads_are_printed_back_with_a_warning() {
    for native in [false, true] {
        let mode = if native { "native" } else { "classic" };
        let want = std::fs::read_to_string(dir().join(format!("out/inject-false.{mode}.yaml"))).unwrap();
        let got = kube_inject("in/inject-false.yaml", native);
        if let Some(d) = compare("inject-false", &want, &got) {
            panic!("{d}");
        }
        let want_stderr =
            std::fs::read_to_string(dir().join(format!("out/inject-false.{mode}.stderr"))).unwrap();
        assert_eq!(String::from_utf8_lossy(&got.stderr), want_stderr);
    }
}

#[test]
fn refusals_and_pass_throughs_match_istioctl() {
    // istioctl's exit code 0 stays 0; its refusals (exit 1) are osm's invalid input (exit 4).
    for name in
        ["configmap-only", "empty", "hostnetwork", "invalid", "no-kind", "service-only", "unknown-kind"]
    {
        let want_rc: i32 = std::fs::read_to_string(dir().join(format!("errors-out/{name}.rc")))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let want_stdout = std::fs::read_to_string(dir().join(format!("errors-out/{name}.stdout"))).unwrap();
        let want_stderr = std::fs::read_to_string(dir().join(format!("errors-out/{name}.stderr"))).unwrap();
        let got = kube_inject(&format!("errors-in/{name}.yaml"), false);
        let stdout = String::from_utf8_lossy(&got.stdout);
        if want_rc == 0 {
            if let Some(d) = compare(name, &want_stdout, &got) {
                panic!("{d}");
            }
            assert_eq!(String::from_utf8_lossy(&got.stderr), want_stderr, "{name}: stderr");
        } else {
            assert_eq!(got.status.code(), Some(4), "{name}: {}", String::from_utf8_lossy(&got.stderr));
            assert_eq!(stdout, "", "{name}: nothing on stdout");
            let stderr = String::from_utf8_lossy(&got.stderr);
            assert!(stderr.contains("errors-in/invalid.yaml") && stderr.contains("YAML"), "{name}: {stderr}");
        }
    }
}

/// Kinds without a pod template are copied through byte for byte, comments included.
#[test]
fn other_kinds_pass_through_byte_for_byte() {
    for name in ["configmap-only", "service-only", "unknown-kind", "no-kind"] {
        let want = std::fs::read_to_string(dir().join(format!("errors-out/{name}.stdout"))).unwrap();
        let got = kube_inject(&format!("errors-in/{name}.yaml"), false);
        assert_eq!(String::from_utf8_lossy(&got.stdout), want, "{name}");
    }
}

#[test]
fn missing_inputs_are_refused_with_exit_code_4() {
    let got = kube_inject("errors-in/does-not-exist.yaml", false);
    assert_eq!(got.status.code(), Some(4));
    assert!(got.stdout.is_empty());
    assert!(String::from_utf8_lossy(&got.stderr).contains("does-not-exist.yaml"));

    let no_filename = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(dir())
        .env("KUBECONFIG", "/nonexistent")
        .args([
            "istio",
            "kube-inject",
            "--injectConfigFile",
            "inject-config.yaml",
            "--meshConfigFile",
            "mesh.yaml",
        ])
        .args(["--valuesFile", "values.json"])
        .output()
        .unwrap();
    assert_eq!(no_filename.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&no_filename.stderr).contains("filename not specified"));

    let tmp = tempfile::tempdir().unwrap();
    let bad_mesh = tmp.path().join("bad-mesh.yaml");
    std::fs::write(&bad_mesh, "not: [valid").unwrap();
    let bad = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(dir())
        .env("KUBECONFIG", "/nonexistent")
        .args([
            "istio",
            "kube-inject",
            "-f",
            "in/pod.yaml",
            "--injectConfigFile",
            "inject-config.yaml",
            "--valuesFile",
            "values.json",
        ])
        .arg("--meshConfigFile")
        .arg(&bad_mesh)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(4));
    assert!(bad.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("mesh config"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

/// A template the engine cannot run refuses the manifest: exit 4, nothing on stdout, never a
/// guessed injection.
#[test]
fn a_template_that_cannot_run_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("inject-config.yaml");
    std::fs::write(&config, "templates:\n  sidecar: |\n    spec: {{ noSuchFunction .Spec }}\n").unwrap();
    let got = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(dir())
        .env("KUBECONFIG", "/nonexistent")
        .args([
            "istio",
            "kube-inject",
            "-f",
            "in/pod.yaml",
            "--meshConfigFile",
            "mesh.yaml",
            "--valuesFile",
            "values.json",
        ])
        .arg("--injectConfigFile")
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(got.status.code(), Some(4), "{}", String::from_utf8_lossy(&got.stderr));
    assert!(got.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&got.stderr);
    assert!(stderr.contains("noSuchFunction"), "{stderr}");
}

/// A pod carrying an earlier injection's status is injected again from scratch: one proxy, the
/// status recomputed (errors-out/already-injected.stdout).
#[test]
fn an_injected_pod_is_injected_again_as_istioctl_does() {
    let want = std::fs::read_to_string(dir().join("errors-out/already-injected.stdout")).unwrap();
    let got = kube_inject("errors-in/already-injected.yaml", false);
    if let Some(d) = compare("already-injected", &want, &got) {
        panic!("{d}");
    }
}

/// `-f -` reads the manifest from standard input and `-o` writes the result to a file.
#[test]
fn standard_input_and_output_file() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("injected.yaml");
    let mut child = Command::new(env!("CARGO_BIN_EXE_osm"))
        .current_dir(dir())
        .env("KUBECONFIG", "/nonexistent")
        .env("ENABLE_NATIVE_SIDECARS", "true")
        .args([
            "istio",
            "kube-inject",
            "-f",
            "-",
            "--injectConfigFile",
            "inject-config.yaml",
            "--meshConfigFile",
            "mesh.yaml",
        ])
        .args(["--valuesFile", "values.json", "-o"])
        .arg(&out)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = std::fs::read(dir().join("in/statefulset.yaml")).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let got = child.wait_with_output().unwrap();
    assert!(got.status.success());
    assert!(got.stdout.is_empty(), "the manifest goes to the -o file only");
    let written = std::fs::read_to_string(&out).unwrap();
    let want = std::fs::read_to_string(dir().join("out/statefulset.native.yaml")).unwrap();
    assert_eq!(documents(&written), documents(&want));
}

fn kube_inject_with_config(config: &Path, input: &Path, envs: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_osm"));
    command.current_dir(dir()).env("KUBECONFIG", "/nonexistent").env("ENABLE_NATIVE_SIDECARS", "false");
    for (k, v) in envs {
        command.env(k, v);
    }
    command
        .args(["istio", "kube-inject", "-f"])
        .arg(input)
        .args(["--meshConfigFile", "mesh.yaml", "--valuesFile", "values.json", "--injectConfigFile"])
        .arg(config)
        .output()
        .expect("osm runs")
}

/// The template function `env` reads istioctl's environment (pkg/kube/inject/template.go:72-81),
/// so a template that uses it runs instead of being refused.
#[test]
fn templates_read_the_environment_through_env() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("inject-config.yaml");
    std::fs::write(
        &config,
        "templates:\n  sidecar: |\n    metadata:\n      annotations:\n        vendor: {{ env \"OSM_TEST_VENDOR\" \"none\" | quote }}\n",
    )
    .unwrap();
    let pod = dir().join("in/pod.yaml");
    for (envs, want) in [(vec![("OSM_TEST_VENDOR", "acme")], "acme"), (vec![], "none")] {
        let out = kube_inject_with_config(&config, &pod, &envs);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let docs = documents(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(docs[0]["metadata"]["annotations"]["vendor"], want);
    }
}

/// Interface names in the traffic annotations are checked as istioctl checks them
/// (pkg/kube/inject/validate.go:51-53, pkg/util/net/ip.go:104-124): a bad one refuses the
/// manifest (exit 4, nothing on stdout, the annotation named).
#[test]
fn bad_interface_names_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let pod = std::fs::read_to_string(dir().join("in/pod.yaml")).unwrap();
    let doc = documents(&pod).remove(0);
    for (annotation, value) in [
        ("traffic.sidecar.istio.io/excludeInterfaces", "eth0,"),
        ("traffic.sidecar.istio.io/kubevirtInterfaces", "net1;reboot"),
        ("istio.io/reroute-virtual-interfaces", "averyveryverylongname"),
    ] {
        let mut doc = doc.clone();
        doc["metadata"]["annotations"][annotation] = Value::String(value.into());
        let input = tmp.path().join("pod.yaml");
        std::fs::write(&input, serde_json::to_string(&doc).unwrap()).unwrap();
        let out = kube_inject_with_config(&dir().join("inject-config.yaml"), &input, &[]);
        assert_eq!(out.status.code(), Some(4), "{annotation}: {}", String::from_utf8_lossy(&out.stdout));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(annotation) && stderr.contains("interface name"), "{stderr}");

        doc["metadata"]["annotations"][annotation] = Value::String("eth0,net1".into());
        std::fs::write(&input, serde_json::to_string(&doc).unwrap()).unwrap();
        let out = kube_inject_with_config(&dir().join("inject-config.yaml"), &input, &[]);
        assert!(out.status.success(), "{annotation}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// The `proxy.istio.io/config` annotations of testdata/istio-1.30.3-validation/proxyconfig,
/// each decided as istioctl 1.30.3 decides it (pkg/kube/inject/validate.go:63-70 and
/// pkg/config/validation/agent/validation.go:336-452: tracing TLS settings, custom tags and the
/// private key provider included): a refusal exits 4 with nothing on stdout, naming the
/// annotation; an accepted one is injected.
#[test]
fn proxy_config_annotations_are_refused_where_istioctl_refuses_them() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-1.30.3-validation/proxyconfig");
    let expected = std::fs::read_to_string(cases.join("expected.tsv")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let pod = std::fs::read_to_string(dir().join("in/pod.yaml")).unwrap();
    let doc = documents(&pod).remove(0);
    let mut checked = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (name, verdict) = (columns[0], columns[1]);
        let text = std::fs::read_to_string(cases.join(format!("{name}.yaml"))).unwrap();
        let mut doc = doc.clone();
        doc["metadata"]["annotations"]["proxy.istio.io/config"] = Value::String(text);
        let input = tmp.path().join("pod.yaml");
        std::fs::write(&input, serde_json::to_string(&doc).unwrap()).unwrap();
        let out = kube_inject_with_config(&dir().join("inject-config.yaml"), &input, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if verdict == "accepted" {
            assert!(out.status.success(), "{name}: istioctl accepts it; osm: {stderr}");
            assert!(String::from_utf8_lossy(&out.stdout).contains("istio-proxy"), "{name}: not injected");
        } else {
            assert_eq!(
                out.status.code(),
                Some(4),
                "{name}: istioctl refuses it ({}); osm: {stderr}",
                columns[2]
            );
            assert!(out.stdout.is_empty(), "{name}: printed on stdout");
            assert!(stderr.contains("proxy.istio.io/config"), "{name}: {stderr}");
        }
        checked += 1;
    }
    assert!(checked >= 19, "only {checked} cases");
}

/// `--meshConfigFile` is read with `mesh.ReadMeshConfig`, which validates it
/// (pkg/config/mesh/mesh.go:254-257, :327-333): an invalid one is refused, naming the field.
#[test]
fn an_invalid_mesh_config_file_is_refused_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    for (text, field) in [
        ("connectTimeout: 2h\n", "meshConfig.connectTimeout"),
        ("trustDomain: Not_Valid\n", "meshConfig.trustDomain"),
        ("defaultConfig:\n  privateKeyProvider:\n    qat: {}\n", "pollDelay is required"),
    ] {
        let mesh = tmp.path().join("mesh.yaml");
        std::fs::write(&mesh, text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_osm"))
            .current_dir(dir())
            .env("KUBECONFIG", "/nonexistent")
            .args(["istio", "kube-inject", "-f", "in/pod.yaml", "--meshConfigFile"])
            .arg(&mesh)
            .args(["--valuesFile", "values.json", "--injectConfigFile", "inject-config.yaml"])
            .output()
            .expect("osm runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{text}: {stderr}");
        assert!(out.stdout.is_empty(), "{text}: printed on stdout");
        assert!(stderr.contains(field), "{text}: {stderr}");
    }
}

/// More inputs than the reference set holds (testdata/istioctl-oracle/README.md): annotations,
/// probes, several containers, other kinds, scalars YAML reads as numbers or booleans in string
/// fields; each printed as istioctl printed it, classic and native.
#[test]
fn more_inputs_are_injected_as_istioctl_injects_them() {
    let oracle = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istioctl-oracle/inject");
    let mut names: Vec<String> = std::fs::read_dir(&oracle)
        .expect("testdata/istioctl-oracle/inject")
        .filter_map(|e| e.unwrap().file_name().to_string_lossy().strip_suffix(".in.yaml").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "the oracle's inputs are missing: {names:?}");
    let mut failures = Vec::new();
    for name in &names {
        for (native, mode) in [(false, "classic"), (true, "native")] {
            let want = std::fs::read_to_string(oracle.join(format!("{name}.{mode}.yaml"))).unwrap();
            let input = oracle.join(format!("{name}.in.yaml"));
            let got = kube_inject(input.to_str().unwrap(), native);
            if let Some(d) = compare(&format!("{name}.{mode}"), &want, &got) {
                failures.push(d);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs differ:\n{}",
        failures.len(),
        names.len() * 2,
        failures.join("\n")
    );
}
