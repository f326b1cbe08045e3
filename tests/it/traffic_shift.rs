//! `osm traffic shift`: a progressive canary against a real API server, weights read back with kubectl.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::fixture::*;
use crate::common::*;

#[test]
fn shift_moves_traffic_step_by_step_to_the_target() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("shift");
    split(c, &ns, "s", "bookstore", &[("bookstore-v1", 50), ("bookstore-v2", 50)]);
    let run = c
        .osm()
        .args([
            "traffic",
            "shift",
            "s",
            "-n",
            &ns,
            "--to",
            "bookstore-v2",
            "--step",
            "20",
            "--interval",
            "10ms",
        ])
        .run()
        .success()
        .stdout_has("bookstore-v1 0%, bookstore-v2 100%");
    // Without a terminal: a line per step, no bar.
    for line in [
        "step 1/3: bookstore-v1 30%, bookstore-v2 70%",
        "step 2/3: bookstore-v1 10%, bookstore-v2 90%",
        "step 3/3",
    ] {
        assert!(run.stderr.contains(line), "{line} missing:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("[="), "no progress bar without a terminal:\n{}", run.stderr);
    assert_eq!(weights(c, &ns, "s"), pairs(&[("bookstore-v1", 0), ("bookstore-v2", 100)]));
    c.osm()
        .args(["traffic", "shift", "s", "-n", &ns, "--to", "bookstore-v2", "--interval", "0s"])
        .run()
        .success()
        .stdout_has("nothing to shift");
}

#[test]
fn shift_dry_run_prints_the_plan_and_until_stops_early() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("shift-plan");
    split(c, &ns, "s", "bookstore", &[("v1", 100), ("v2", 0), ("v3", 0)]);
    let rv = || {
        c.kubectl()
            .args(["get", "trafficsplit", "s", "-n", &ns, "-o", "jsonpath={.metadata.resourceVersion}"])
            .run()
            .stdout
    };
    let before = rv();
    c.osm()
        .args(["traffic", "shift", "s", "-n", &ns, "--to", "v2", "--step", "25", "--dry-run"])
        .run()
        .success()
        .stdout_has("4 steps, 30s apart")
        .stdout_has("step 1: v1 75%, v2 25%, v3 0%")
        .stdout_has("step 4: v1 0%, v2 100%, v3 0%");
    assert_eq!(rv(), before);

    c.osm()
        .args([
            "traffic",
            "shift",
            "s",
            "-n",
            &ns,
            "--to",
            "v2",
            "--step",
            "10",
            "--until",
            "30",
            "--interval",
            "0s",
        ])
        .run()
        .success();
    assert_eq!(weights(c, &ns, "s"), pairs(&[("v1", 70), ("v2", 30), ("v3", 0)]));
}

#[test]
fn shift_refuses_a_service_that_is_not_a_backend() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("shift-bad");
    split(c, &ns, "s", "bookstore", &[("v1", 50), ("v2", 50)]);
    c.osm()
        .args(["traffic", "shift", "s", "-n", &ns, "--to", "v9", "--interval", "0s"])
        .run()
        .code(4)
        .stderr_has("v9 is not a backend");
    c.osm()
        .args(["traffic", "shift", "s", "-n", &ns, "--to", "v2", "--step", "0"])
        .run()
        .code(4)
        .stderr_has("--step");
    c.osm()
        .args(["traffic", "shift", "nope", "-n", &ns, "--to", "v2"])
        .run()
        .code(4)
        .stderr_has("does not exist");
    assert_eq!(weights(c, &ns, "s"), pairs(&[("v1", 50), ("v2", 50)]));
}

#[test]
fn sigint_stops_the_shift_and_leaves_a_consistent_split() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("shift-int");
    split(c, &ns, "s", "bookstore", &[("v1", 100), ("v2", 0)]);
    let child = Command::new(osm_bin())
        .env("KUBECONFIG", &c.kubeconfig)
        .env("NO_COLOR", "1")
        .args(["traffic", "shift", "s", "-n", &ns, "--to", "v2", "--step", "10", "--interval", "20s"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    c.wait_until("the first step", Duration::from_secs(30), || weights(c, &ns, "s")[1].1 > 0);
    let sent = Instant::now();
    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(sent.elapsed() < Duration::from_secs(15), "it waited out the interval instead of stopping");
    assert_eq!(out.status.code(), Some(1), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stderr.contains("shift interrupted"), "{stderr}");
    let left = weights(c, &ns, "s");
    assert_eq!(left, pairs(&[("v1", 90), ("v2", 10)]), "stopped after the step in flight");
    assert!(stdout.contains("v1 90%, v2 10%"), "the weights left in place are printed:\n{stdout}");
    assert!(stderr.contains("v1 90%, v2 10%"), "{stderr}");
}

#[test]
fn on_a_terminal_the_shift_shows_a_progress_bar() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("shift-tty");
    split(c, &ns, "s", "bookstore", &[("v1", 100), ("v2", 0)]);
    // `script` (util-linux) runs the command on a pseudo-terminal.
    let command =
        format!("{} traffic shift s -n {ns} --to v2 --step 50 --interval 10ms", osm_bin().display());
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("KUBECONFIG", &c.kubeconfig)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("[==============================] 2/2"),
        "no progress bar on the terminal:\n{text}"
    );
    assert_eq!(weights(c, &ns, "s"), pairs(&[("v1", 0), ("v2", 100)]));
}

/// A bare pod of `app` run by the kubelet stand-in, misbehaving as `behaviour` says (if at all).
fn pod(c: &TestCluster, ns: &str, name: &str, app: &str, behaviour: Option<&str>) {
    let annotations =
        behaviour.map(|b| format!("kubelet-standin.osm.dev/behaviour: {b}")).unwrap_or_default();
    c.apply(&format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: {ns}\n  labels: {{app: {app}}}\n  \
         annotations: {{{annotations}}}\nspec:\n  containers: [{{name: main, image: example.com/{app}:1}}]\n"
    ))
    .success();
}

#[test]
fn shift_refuses_a_target_whose_pods_are_not_ready_and_says_why() {
    let shift = |c: &TestCluster, ns: &str| {
        c.osm()
            .args([
                "traffic",
                "shift",
                "s",
                "-n",
                ns,
                "--to",
                "bookstore-v2",
                "--step",
                "50",
                "--interval",
                "0s",
            ])
            .run()
    };
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("shift-unready");
    services(c, &ns, &["bookstore-v1", "bookstore-v2"]);
    split(c, &ns, "s", "bookstore", &[("bookstore-v1", 100), ("bookstore-v2", 0)]);
    pod(c, &ns, "bookstore-v2-a", "bookstore-v2", Some("crashloop"));
    c.wait_until("the stand-in to crash-loop the pod", Duration::from_secs(30), || {
        c.kubectl()
            .args([
                "get",
                "pod",
                "bookstore-v2-a",
                "-n",
                &ns,
                "-o",
                "jsonpath={.status.containerStatuses[0].state.waiting.reason}",
            ])
            .run()
            .stdout
            .contains("CrashLoopBackOff")
    });
    shift(c, &ns)
        .code(1)
        .stderr_has("no pod of bookstore-v2 is ready")
        .stderr_has("pod bookstore-v2-a: CrashLoopBackOff")
        .stderr_has("kubectl get pods -n");
    assert_eq!(weights(c, &ns, "s"), pairs(&[("bookstore-v1", 100), ("bookstore-v2", 0)]));

    // One ready pod is enough to start.
    pod(c, &ns, "bookstore-v2-b", "bookstore-v2", None);
    c.wait_until("the second pod to be ready", Duration::from_secs(30), || {
        c.kubectl()
            .args([
                "get",
                "pod",
                "bookstore-v2-b",
                "-n",
                &ns,
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}",
            ])
            .run()
            .stdout
            .contains("True")
    });
    shift(c, &ns).success();
    assert_eq!(weights(c, &ns, "s"), pairs(&[("bookstore-v1", 0), ("bookstore-v2", 100)]));
}
