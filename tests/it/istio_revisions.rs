//! `osm istio install|uninstall` beyond the default revision, against the real API server:
//! the default revision tag of a first non-default install, DaemonSet waits (ambient's Cni and
//! Ztunnel), uninstall by IstioOperator file and `--set`, and the confirmation prompt on a
//! terminal. Each behaviour is istioctl 1.30.3's, cited where osm implements it.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{Cmd, TestCluster, osm_bin};

/// A control plane of this module's own: every test here installs into the fixed namespace
/// istio-system and removes cluster-wide objects (webhooks, cluster roles, the revision tag),
/// which no other test may see half done.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("istio_revisions")
}

/// The tests take turns at the one istio-system, each starting from no Istio at all.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    let guard = TURN.lock().unwrap_or_else(|p| p.into_inner());
    let purge = || cluster().osm().args(["istio", "uninstall", "--purge", "-y"]).run();
    let first = purge();
    // A CRD can take longer to go than the purge watches for on a loaded machine; the purge then
    // names it and says to run the command again, which is what a user would do.
    if first.code != 0 && first.stderr.contains("these are left") {
        purge().success();
    } else {
        first.success();
    }
    guard
}

fn osm() -> Cmd {
    cluster().osm()
}

fn get(kind: &str, namespace: Option<&str>, name: &str) -> Value {
    let mut args = vec!["get", kind, name, "-o", "json"];
    if let Some(ns) = namespace {
        args.extend(["-n", ns]);
    }
    cluster().kubectl().args(args).run().success().json()
}

fn exists(kind: &str, namespace: &str, name: &str) -> bool {
    let run = cluster()
        .kubectl()
        .args(["get", kind, name, "-n", namespace, "--ignore-not-found", "-o", "name"])
        .run()
        .success();
    !run.stdout.trim().is_empty()
}

fn resource_version(obj: &Value) -> String {
    obj["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string()
}

/// The default revision tag's three objects as the cluster has them.
fn tag_objects() -> [Value; 3] {
    [
        get("mutatingwebhookconfiguration", None, "istio-revision-tag-default"),
        get("validatingwebhookconfiguration", None, "istiod-default-validator"),
        get("service", Some("istio-system"), "istiod-revision-tag-default"),
    ]
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// operator/pkg/webhook/webhook.go:41-71, 174-179: a first install of revision canary makes the
/// default tag point at it; a later install of another revision leaves the tag alone.
#[test]
fn a_first_non_default_install_points_the_default_tag_at_its_revision() {
    let _turn = turn();
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "-y"])
        .run()
        .success()
        .stdout_has("(revision canary) installed");

    let [webhook, validator, service] = tag_objects();
    for obj in [&webhook, &validator, &service] {
        let labels = &obj["metadata"]["labels"];
        let what = format!("{} {}", obj["kind"], obj["metadata"]["name"]);
        assert_eq!(labels["istio.io/tag"], "default", "{what}");
        assert_eq!(labels["istio.io/rev"], "canary", "{what}");
        assert_eq!(labels["install.operator.istio.io/owning-resource-not-pruned"], "true", "{what}");
        assert_eq!(labels["operator.istio.io/managed"], "Reconcile", "{what}");
    }
    // Injection and validation through the tag reach istiod-canary.
    let webhooks = webhook["webhooks"].as_array().unwrap();
    assert_eq!(webhooks.len(), 4, "the tag's rev and istio-injection webhooks: {webhooks:?}");
    for wh in webhooks.iter().chain(validator["webhooks"].as_array().unwrap()) {
        assert_eq!(wh["clientConfig"]["service"]["name"], "istiod-canary", "{}", wh["name"]);
        assert_eq!(wh["clientConfig"]["service"]["namespace"], "istio-system", "{}", wh["name"]);
    }
    assert_eq!(webhooks[0]["clientConfig"]["service"]["path"], "/inject");
    assert_eq!(validator["webhooks"][0]["clientConfig"]["service"]["path"], "/validate");
    assert_eq!(service["spec"]["selector"]["istio.io/rev"], "canary");
    assert_eq!(service["spec"]["selector"]["app"], "istiod");
    let versions: Vec<String> = tag_objects().iter().map(resource_version).collect();

    // The same install again: unchanged, the tag included.
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "-y"])
        .run()
        .success()
        .stdout_has("unchanged");
    assert_eq!(tag_objects().iter().map(resource_version).collect::<Vec<_>>(), versions);

    // Another revision: installed beside canary, the tag left pointing at canary.
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=stable", "--dry-run"])
        .run()
        .success()
        .stdout_has("leave the default revision tag pointing at revision canary");
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=stable", "-y"])
        .run()
        .success()
        .stdout_has("(revision stable) installed")
        .stderr_has("The default revision tag points at revision canary; left as it is");
    assert!(exists("deployment", "istio-system", "istiod-stable"));
    let after = tag_objects();
    assert_eq!(after.iter().map(resource_version).collect::<Vec<_>>(), versions, "the tag is left alone");
    assert_eq!(after[0]["metadata"]["labels"]["istio.io/rev"], "canary");
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=stable", "-y"])
        .run()
        .success()
        .stdout_has("unchanged");

    // The default revision takes the tag over, as istioctl's install of it does.
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "-y"])
        .run()
        .success()
        .stderr_has("originally it was pointing to the revisioned one");
    let [webhook, validator, service] = tag_objects();
    assert_eq!(webhook["metadata"]["labels"]["istio.io/rev"], "default");
    for wh in webhook["webhooks"].as_array().unwrap().iter().chain(validator["webhooks"].as_array().unwrap())
    {
        assert_eq!(wh["clientConfig"]["service"]["name"], "istiod", "{}", wh["name"]);
    }
    assert_eq!(service["spec"]["selector"]["istio.io/rev"], "default");
}

/// operator/pkg/install/wait.go:257-291: Cni's and Ztunnel's DaemonSets are waited for, and a
/// timeout names the DaemonSet and its unready pods, exit 5, without the steps after the wait.
#[test]
fn ambient_daemonsets_are_waited_for_and_a_timeout_names_them() {
    let _turn = turn();
    let dir = tempfile::tempdir().unwrap();
    let annotated = |annotation: &str| {
        format!(
            "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  profile: ambient\n  values:\n    \
             ztunnel:\n      podAnnotations:\n        {annotation}\n"
        )
    };
    let never = write(dir.path(), "never.yaml", &annotated("kubelet-standin.osm.dev/behaviour: unready"));
    let run = osm()
        .args(["istio", "install", "-f"])
        .arg(&never)
        .args(["--readiness-timeout", "5s", "-y"])
        .run()
        .code(5)
        .stderr_has("DaemonSet istio-system/ztunnel: 1 desired")
        .stderr_has("✘ Ztunnel encountered an error")
        .stderr_has("✔ CNI installed");
    let pod_line = run.stderr.lines().find(|l| l.contains("pod ztunnel-")).unwrap_or_default().to_string();
    assert!(pod_line.contains("not ready"), "the unready pod is named with why: {}", run.stderr);
    assert!(
        !exists("mutatingwebhookconfiguration", "istio-system", "istio-revision-tag-default"),
        "a timeout ends the install before the revision tag"
    );

    // Pods that take a few seconds to become ready: the install returns once they are.
    let slow = write(dir.path(), "slow.yaml", &annotated("kubelet-standin.osm.dev/ready-after: 4s"));
    let started = Instant::now();
    osm()
        .args(["istio", "install", "-f"])
        .arg(&slow)
        .args(["--readiness-timeout", "60s", "-y"])
        .run()
        .success()
        .stderr_has("Waiting for DaemonSet/istio-system/ztunnel")
        .stderr_has("Waiting for DaemonSet/istio-system/istio-cni-node")
        .stderr_has("✔ Ztunnel installed")
        .stderr_has("enjoy Istio without sidecars");
    assert!(started.elapsed() >= Duration::from_secs(4), "the install waited for ztunnel's pods");
    for ds in ["ztunnel", "istio-cni-node"] {
        let status = &get("daemonset", Some("istio-system"), ds)["status"];
        assert_eq!(status["numberReady"], 1, "{ds} ready when the install returns: {status}");
        assert_eq!(status["updatedNumberScheduled"], 1, "{ds}: {status}");
    }
}

const BLUE: &str = "apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: blue
spec:
  profile: minimal
  revision: blue
";

/// operator/cmd/mesh/uninstall.go:94-170 with operator/pkg/uninstall/prune.go:101-159: the
/// IstioOperator of `-f`/`--set` selects by the owner labels install wrote (its name and
/// namespace); a revision named there does not narrow the selection, `--revision` does.
#[test]
fn uninstall_by_istiooperator_file_and_set() {
    let _turn = turn();
    let dir = tempfile::tempdir().unwrap();
    let blue = write(dir.path(), "blue.yaml", BLUE);
    let green = write(dir.path(), "green.yaml", &BLUE.replace("name: blue", "name: green"));
    osm().args(["istio", "install", "-f"]).arg(&blue).arg("-y").run().success();
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "-y"])
        .run()
        .success();
    // install.go:318-337: the IstioOperator's name is an owner label.
    let deployment = get("deployment", Some("istio-system"), "istiod-blue");
    assert_eq!(deployment["metadata"]["labels"]["install.operator.istio.io/owning-resource"], "blue");

    // Bad input is refused before anything is removed.
    osm().args(["istio", "uninstall", "-f", "/nonexistent/iop.yaml", "-y"]).run().code(4);
    osm()
        .args(["istio", "uninstall", "--revision", "blue", "--set", "profile=nope", "-y"])
        .run()
        .code(4)
        .stderr_has("nope");
    // A name that installed nothing: nothing to remove, istioctl's words.
    osm()
        .args(["istio", "uninstall", "-f"])
        .arg(&green)
        .arg("-y")
        .run()
        .success()
        .stdout_has("No resources will be pruned from the cluster. Please double check the input configs");
    assert!(
        exists("deployment", "istio-system", "istiod-blue")
            && exists("deployment", "istio-system", "istiod-canary")
    );

    // istioctl's own command line, through the istioctl name.
    let link_dir = tempfile::tempdir().unwrap();
    let istioctl = link_dir.path().join("istioctl");
    std::os::unix::fs::symlink(osm_bin(), &istioctl).unwrap();
    Cmd::new(&istioctl)
        .env("KUBECONFIG", &cluster().kubeconfig)
        .args(["uninstall", "-f"])
        .arg(&blue)
        .arg("-y")
        .run()
        .success()
        .stdout_has("  Removed apps/v1, Kind=Deployment/istiod-blue.istio-system.")
        .stdout_has("  Removed admissionregistration.k8s.io/v1, Kind=MutatingWebhookConfiguration/istio-sidecar-injector-blue..")
        .stderr_has("does not narrow it");
    assert!(!exists("deployment", "istio-system", "istiod-blue"), "blue's control plane is removed");
    assert!(
        exists("deployment", "istio-system", "istiod-canary"),
        "what IstioOperator blue did not install stays"
    );

    // --set revision=canary: accepted in place of --revision, and as with istioctl it selects
    // every control plane of the namespace; --dry-run shows that, -y removes it.
    osm()
        .args(["istio", "uninstall", "--set", "revision=canary", "--dry-run"])
        .run()
        .success()
        .stdout_has("would remove apps/v1, Kind=Deployment/istiod-canary.istio-system")
        .stderr_has("add --revision canary");
    assert!(exists("deployment", "istio-system", "istiod-canary"), "--dry-run removes nothing");
    osm()
        .args(["istio", "uninstall", "--set", "revision=canary", "-y"])
        .run()
        .success()
        .stdout_has("  Removed apps/v1, Kind=Deployment/istiod-canary.istio-system.");
    let deployments = cluster().kubectl_words(&["get", "deployments", "-n", "istio-system", "-o", "name"]);
    assert_eq!(deployments, Vec::<String>::new());
    // Base stays, as without --purge.
    let crds = cluster().kubectl_words(&["get", "crd", "-o", "name"]);
    assert!(crds.iter().any(|c| c.contains("istio.io")), "the CRDs stay: {crds:?}");
}

/// Runs `program args` on a pseudo-terminal (util-linux `script`), answers `answer` once the
/// confirmation prompt shows, and returns the exit code and everything the terminal showed.
fn on_a_terminal(program: &Path, args: &[&str], answer: &str) -> (i32, String) {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let line =
        std::iter::once(program.to_str().unwrap()).chain(args.iter().copied()).map(quote).collect::<Vec<_>>();
    let mut child = Command::new("script")
        .args(["-qfec", &line.join(" "), "/dev/null"])
        .env("KUBECONFIG", &cluster().kubeconfig)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run script (util-linux)");
    let shown = Arc::new(Mutex::new(Vec::<u8>::new()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = {
        let shown = Arc::clone(&shown);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                shown.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while !String::from_utf8_lossy(&shown.lock().unwrap()).contains("[y/N]") {
        assert!(
            Instant::now() < deadline,
            "no prompt on the terminal: {}",
            String::from_utf8_lossy(&shown.lock().unwrap())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(answer.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    reader.join().unwrap();
    let text = String::from_utf8_lossy(&shown.lock().unwrap()).to_string();
    (status.code().unwrap_or(-1), text)
}

/// operator/cmd/mesh/install.go:173-180 and uninstall.go:213-221: on a terminal, install and
/// uninstall ask first; `n` writes nothing and fails (istioctl exits 1), `y` goes ahead.
#[test]
fn the_prompt_on_a_terminal_takes_no_and_yes() {
    let _turn = turn();
    let osm_path = osm_bin();
    let install = ["istio", "install", "--set", "profile=minimal", "--set", "revision=tty"];
    let (code, shown) = on_a_terminal(&osm_path, &install, "n");
    assert_eq!(code, 4, "{shown}");
    assert!(shown.contains("nothing was written"), "{shown}");
    assert!(!exists("deployment", "istio-system", "istiod-tty"), "answered n: nothing installed");
    let crds = cluster().kubectl_words(&["get", "crd", "-o", "name"]);
    assert!(!crds.iter().any(|c| c.contains("istio.io")), "answered n: no CRD written: {crds:?}");

    // Under the istioctl name, istioctl's exit code for the refusal.
    let link_dir = tempfile::tempdir().unwrap();
    let istioctl = link_dir.path().join("istioctl");
    std::os::unix::fs::symlink(&osm_path, &istioctl).unwrap();
    let (code, shown) =
        on_a_terminal(&istioctl, &["install", "--set", "profile=minimal", "--set", "revision=tty"], "n");
    assert_eq!(code, 1, "{shown}");
    assert!(!exists("deployment", "istio-system", "istiod-tty"));

    let (code, shown) = on_a_terminal(&osm_path, &install, "y");
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("(revision tty) installed"), "{shown}");
    assert!(exists("deployment", "istio-system", "istiod-tty"), "answered y: installed");

    let uninstall = ["istio", "uninstall", "--revision", "tty"];
    let (code, shown) = on_a_terminal(&osm_path, &uninstall, "n");
    assert_eq!(code, 4, "{shown}");
    assert!(exists("deployment", "istio-system", "istiod-tty"), "answered n: nothing removed");
    let (code, shown) = on_a_terminal(&osm_path, &uninstall, "y");
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("Removed apps/v1, Kind=Deployment/istiod-tty.istio-system."), "{shown}");
    assert!(!exists("deployment", "istio-system", "istiod-tty"), "answered y: removed");
}

/// A revision tag named `canary` pointing at the default revision, as `istioctl tag set canary
/// --revision default` makes it: its webhooks reach namespaces and pods labelled
/// `istio.io/rev=canary`, which an install of revision canary would reach too.
const TAG_CANARY: &str = r#"{"apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
 "metadata": {"name": "istio-revision-tag-canary",
   "labels": {"app": "sidecar-injector", "istio.io/rev": "default", "istio.io/tag": "canary"}},
 "webhooks": [
  {"name": "rev.namespace.sidecar-injector.istio.io", "admissionReviewVersions": ["v1"], "sideEffects": "None",
   "failurePolicy": "Ignore",
   "clientConfig": {"service": {"name": "istiod", "namespace": "istio-system", "path": "/inject"}},
   "rules": [{"operations": ["CREATE"], "apiGroups": [""], "apiVersions": ["v1"], "resources": ["pods"]}],
   "namespaceSelector": {"matchExpressions": [{"key": "istio.io/rev", "operator": "In", "values": ["canary"]},
     {"key": "istio-injection", "operator": "DoesNotExist"}]},
   "objectSelector": {"matchExpressions": [{"key": "sidecar.istio.io/inject", "operator": "NotIn", "values": ["false"]}]}}
 ]}"#;

/// operator/pkg/install/install.go:67-74 with operator/pkg/webhook/webhook.go:73-144: an
/// install whose injector would reach the same pods as a webhook in the cluster is refused
/// before its first write, naming both and the fix; without the overlap it goes ahead.
#[test]
fn an_overlapping_injector_webhook_is_refused_before_any_write() {
    let _turn = turn();
    osm().args(["istio", "install", "--set", "profile=minimal", "-y"]).run().success();
    cluster().kubectl().args(["apply", "-f", "-"]).stdin(TAG_CANARY).run().success();
    let before: Vec<String> =
        cluster().kubectl_words(&["get", "mutatingwebhookconfigurations", "-o", "name"]);

    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "-y"])
        .run()
        .code(4)
        .stderr_has("creating default tag would conflict")
        .stderr_has(
            "Error [IST0139] (MutatingWebhookConfiguration istio-sidecar-injector-canary) Webhook overlaps with others: \
             [istio-revision-tag-canary/rev.namespace.sidecar-injector.istio.io]. This may cause injection to occur twice.",
        )
        .stderr_has("kubectl delete mutatingwebhookconfiguration istio-revision-tag-canary");
    assert!(!exists("deployment", "istio-system", "istiod-canary"), "refused: nothing installed");
    assert_eq!(
        cluster().kubectl_words(&["get", "mutatingwebhookconfigurations", "-o", "name"]),
        before,
        "refused: no webhook written"
    );
    // The default revision's injector is deactivated by the tag and not looked at: its reinstall goes ahead.
    osm().args(["istio", "install", "--set", "profile=minimal", "-y"]).run().success();
    // install.go:67-74: under --force istioctl reports the conflict and installs.
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "--force", "-y"])
        .run()
        .success()
        .stderr_has("invalid webhook configs; continuing because of --force")
        .stdout_has("(revision canary) installed");
    osm().args(["istio", "uninstall", "--revision", "canary", "-y"]).run().success();
    assert!(!exists("deployment", "istio-system", "istiod-canary"), "the forced install removed again");

    cluster()
        .kubectl()
        .args(["delete", "mutatingwebhookconfiguration", "istio-revision-tag-canary"])
        .run()
        .success();
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "-y"])
        .run()
        .success()
        .stdout_has("(revision canary) installed");
}

/// istioctl/pkg/tag/generate.go:239-269: once istiod has turned the default validator to `Fail`,
/// a re-install keeps `Fail` instead of the `Ignore` the chart renders.
#[test]
fn a_fail_policy_of_the_default_validator_is_kept() {
    let _turn = turn();
    osm().args(["istio", "install", "--set", "profile=minimal", "-y"]).run().success();
    let policy = || {
        get("validatingwebhookconfiguration", None, "istiod-default-validator")["webhooks"][0]["failurePolicy"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(policy(), "Ignore", "the chart's policy before istiod changes it");
    // What istiod's webhook controller does once validation is served.
    cluster()
        .kubectl()
        .args([
            "patch",
            "validatingwebhookconfiguration",
            "istiod-default-validator",
            "--type=json",
            "-p",
            r#"[{"op": "replace", "path": "/webhooks/0/failurePolicy", "value": "Fail"}]"#,
        ])
        .run()
        .success();
    assert_eq!(policy(), "Fail");
    osm().args(["istio", "install", "--set", "profile=minimal", "-y"]).run().success();
    assert_eq!(policy(), "Fail", "the re-install keeps Fail");
    osm().args(["istio", "install", "--set", "profile=minimal", "-y"]).run().success();
    assert_eq!(policy(), "Fail", "and so does the next");
}

/// operator/cmd/mesh/uninstall.go:127-135: `--revision R` of a revision that is not installed
/// fails ("could not find target revision"; istioctl exits 1), naming the installed ones.
#[test]
fn uninstall_of_a_revision_that_is_not_installed_names_the_installed_ones() {
    let _turn = turn();
    osm()
        .args(["istio", "install", "--set", "profile=minimal", "--set", "revision=canary", "-y"])
        .run()
        .success();
    for extra in [["-y"], ["--dry-run"]] {
        osm()
            .args(["istio", "uninstall", "--revision", "nope"])
            .args(extra)
            .run()
            .code(4)
            .stderr_has("could not find target revision nope")
            .stderr_has("installed: canary");
    }
    let link_dir = tempfile::tempdir().unwrap();
    let istioctl = link_dir.path().join("istioctl");
    std::os::unix::fs::symlink(osm_bin(), &istioctl).unwrap();
    Cmd::new(&istioctl)
        .env("KUBECONFIG", &cluster().kubeconfig)
        .args(["uninstall", "--revision", "nope", "-y"])
        .run()
        .code(1)
        .stderr_has("could not find target revision");
    // uninstall.go:127-135 runs before the purge too.
    osm()
        .args(["istio", "uninstall", "--purge", "--revision", "nope", "-y"])
        .run()
        .code(4)
        .stderr_has("could not find target revision nope");
    assert!(exists("deployment", "istio-system", "istiod-canary"), "nothing removed");
    osm()
        .args(["istio", "uninstall", "--revision", "canary", "-y"])
        .run()
        .success()
        .stdout_has("  Removed apps/v1, Kind=Deployment/istiod-canary.istio-system.");
}
