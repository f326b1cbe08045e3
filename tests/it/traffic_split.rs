//! `osm traffic split create|set|get|list|delete` against a real API server, weights read back with kubectl.

use crate::common::fixture::*;
use crate::common::*;

/// The walkthrough's TrafficSplit, moved into namespace `ns`.
fn walkthrough_split(ns: &str) -> String {
    let text =
        std::fs::read_to_string(repo_root().join("testdata/walkthrough/traffic-split-50-50.yaml")).unwrap();
    text.replace("namespace: bookstore", &format!("namespace: {ns}"))
        .replace("service: bookstore.bookstore", &format!("service: bookstore.{ns}"))
}

fn object(c: &TestCluster, ns: &str, name: &str) -> serde_json::Value {
    c.kubectl().args(["get", "trafficsplit", name, "-n", ns, "-o", "json"]).run().success().json()
}

#[test]
fn walkthrough_split_moves_from_50_50_to_0_100() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("walk");
    services(c, &ns, &["bookstore", "bookstore-v1", "bookstore-v2"]);
    c.apply(&walkthrough_split(&ns)).success();
    assert_eq!(weights(c, &ns, "bookstore-split"), pairs(&[("bookstore-v1", 50), ("bookstore-v2", 50)]));
    c.kubectl()
        .args(["annotate", "trafficsplit", "bookstore-split", "-n", &ns, "team=books"])
        .run()
        .success();

    c.osm()
        .args(["traffic", "split", "set", "bookstore-split", "-n", &ns, "bookstore-v2=100"])
        .run()
        .success()
        .stdout_has("bookstore-v1 50% -> 0%, bookstore-v2 50% -> 100%");
    assert_eq!(weights(c, &ns, "bookstore-split"), pairs(&[("bookstore-v1", 0), ("bookstore-v2", 100)]));
    let json = object(c, &ns, "bookstore-split");
    assert_eq!(json["metadata"]["annotations"]["team"], "books", "what osm did not touch is kept");
    assert_eq!(json["spec"]["service"], format!("bookstore.{ns}"));
    // Idempotent: the same request again changes nothing and says so.
    let rv = object(c, &ns, "bookstore-split")["metadata"]["resourceVersion"].clone();
    c.osm()
        .args(["traffic", "split", "set", "bookstore-split", "-n", &ns, "bookstore-v2=100"])
        .run()
        .success()
        .stdout_has("already");
    assert_eq!(object(c, &ns, "bookstore-split")["metadata"]["resourceVersion"], rv);
}

#[test]
fn create_get_list_and_delete() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("crud");
    services(c, &ns, &["bookstore", "bookstore-v1"]);
    let root = format!("bookstore.{ns}.svc.cluster.local");
    let create = [
        "traffic",
        "split",
        "create",
        "bookstore-split",
        "-n",
        &ns,
        "--service",
        &root,
        "--backend",
        "bookstore-v1=50",
        "--backend",
        "bookstore-v2=50",
    ];
    c.osm()
        .args([
            "traffic",
            "split",
            "create",
            "x",
            "-n",
            &ns,
            "--service",
            "bookstore",
            "--backend",
            "bookstore-v1=1",
            "--dry-run",
        ])
        .run()
        .success()
        .stdout_has("kind: TrafficSplit");
    c.kubectl().args(["get", "trafficsplit", "x", "-n", &ns]).run().code(1);

    c.osm()
        .args(create)
        .arg("--allow-missing-services")
        .run()
        .success()
        .stdout_has("created")
        .stderr_has("Service bookstore-v2 does not exist");
    let json = object(c, &ns, "bookstore-split");
    assert_eq!(json["spec"]["service"], root.as_str());
    assert_eq!(weights(c, &ns, "bookstore-split"), pairs(&[("bookstore-v1", 50), ("bookstore-v2", 50)]));
    c.osm()
        .args(create)
        .arg("--allow-missing-services")
        .run()
        .success()
        .stdout_has("already exists with these backends");
    c.osm()
        .args([
            "traffic",
            "split",
            "create",
            "bookstore-split",
            "-n",
            &ns,
            "--service",
            "bookstore",
            "--backend",
            "bookstore-v1=100",
        ])
        .run()
        .code(4)
        .stderr_has("already exists");
    assert_eq!(weights(c, &ns, "bookstore-split"), pairs(&[("bookstore-v1", 50), ("bookstore-v2", 50)]));
    c.osm()
        .args([
            "traffic",
            "split",
            "create",
            "other",
            "-n",
            &ns,
            "--service",
            "bookstore.elsewhere",
            "--backend",
            "bookstore-v1=1",
        ])
        .run()
        .code(4)
        .stderr_has("namespace elsewhere");

    let table = c.osm().args(["traffic", "split", "get", "bookstore-split", "-n", &ns]).run().success();
    for needle in ["ROOT SERVICE", "bookstore-v1", "50%", "#####....."] {
        assert!(table.stdout.contains(needle), "{needle} missing:\n{}", table.stdout);
    }
    let json = c
        .osm()
        .args(["traffic", "split", "get", "bookstore-split", "-n", &ns, "-o", "json"])
        .run()
        .success()
        .json();
    assert_eq!(json["rootService"], root.as_str());
    assert_eq!(json["backends"][1]["service"], "bookstore-v2");
    assert_eq!(json["backends"][1]["percent"], 50);

    let other = c.namespace("crud-other");
    split(c, &other, "second", "web", &[("web-v1", 3), ("web-v2", 1)]);
    let listed = c.osm().args(["traffic", "split", "list", "-n", &ns, "-o", "json"]).run().success().json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let all = c.osm().args(["traffic", "split", "list", "-A", "-o", "json"]).run().success().json();
    let second = all.as_array().unwrap().iter().find(|s| s["name"] == "second").expect("listed with -A");
    assert_eq!(second["backends"][0]["percent"], 75);
    let all_table = c.osm().args(["traffic", "split", "list", "-A"]).run().success();
    assert!(all_table.stdout.contains(&other) && all_table.stdout.contains(&ns), "{}", all_table.stdout);

    c.osm()
        .args(["traffic", "split", "delete", "bookstore-split", "-n", &ns])
        .run()
        .success()
        .stdout_has("deleted");
    c.kubectl().args(["get", "trafficsplit", "bookstore-split", "-n", &ns]).run().code(1);
    c.osm()
        .args(["traffic", "split", "delete", "bookstore-split", "-n", &ns])
        .run()
        .success()
        .stdout_has("does not exist");
    c.osm().args(["traffic", "split", "get", "bookstore-split", "-n", &ns]).run().code(4);
}

#[test]
fn percentage_edits() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("pct");
    split(c, &ns, "s", "bookstore", &[("bookstore", 100), ("bookstore-v2", 0)]);
    let set = |args: &[&str]| {
        c.osm().args(["traffic", "split", "set", "s", "-n", &ns]).args(args).run().success();
        weights(c, &ns, "s")
    };
    assert_eq!(set(&["bookstore-v2=20"]), pairs(&[("bookstore", 80), ("bookstore-v2", 20)]));
    assert_eq!(set(&["bookstore=30", "bookstore-v2=70"]), pairs(&[("bookstore", 30), ("bookstore-v2", 70)]));
    services(c, &ns, &["bookstore-v3"]);
    assert_eq!(
        set(&["bookstore-v3=10", "--add"]),
        pairs(&[("bookstore", 27), ("bookstore-v2", 63), ("bookstore-v3", 10)])
    );
    assert_eq!(set(&["--equal"]), pairs(&[("bookstore", 34), ("bookstore-v2", 33), ("bookstore-v3", 33)]));
    assert_eq!(set(&["bookstore=0"]), pairs(&[("bookstore", 0), ("bookstore-v2", 50), ("bookstore-v3", 50)]));

    let before = weights(c, &ns, "s");
    c.osm()
        .args(["traffic", "split", "set", "s", "-n", &ns, "bookstore=100", "--dry-run"])
        .run()
        .success()
        .stdout_has("bookstore 0% -> 100%")
        .stdout_has("nothing was changed");
    assert_eq!(weights(c, &ns, "s"), before);
}

#[test]
fn refusals_exit_4_and_leave_the_split_unchanged() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("refuse");
    split(c, &ns, "s", "bookstore", &[("bookstore-v1", 50), ("bookstore-v2", 50)]);
    let before = object(c, &ns, "s");
    let cases: [(&[&str], &str); 6] = [
        (&["bookstore-v2=-10"], "negative"),
        (&["bookstore-v2=12.5"], "whole numbers"),
        (&["bookstore-v1=30", "bookstore-v2=60"], "total 90"),
        (&["bookstore-v3=10"], "bookstore-v3 is not a backend"),
        (&["bookstore-v1=0", "bookstore-v2=0"], "zero"),
        (&["bookstore-v2=x"], "not a number"),
    ];
    for (args, message) in cases {
        c.osm()
            .args(["traffic", "split", "set", "s", "-n", &ns])
            .args(args)
            .run()
            .code(4)
            .stderr_has(message);
        let after = object(c, &ns, "s");
        assert_eq!(after["spec"], before["spec"], "{args:?} changed the split");
        assert_eq!(after["metadata"]["resourceVersion"], before["metadata"]["resourceVersion"]);
    }
    c.osm()
        .args(["traffic", "split", "set", "missing", "-n", &ns, "a=10"])
        .run()
        .code(4)
        .stderr_has("does not exist");
    for (backends, message) in
        [(["a=0", "b=0"], "zero"), (["a=-1", "b=1"], "negative"), (["a=1.5", "b=1"], "whole numbers")]
    {
        c.osm()
            .args(["traffic", "split", "create", "bad", "-n", &ns, "--service", "bookstore"])
            .args(backends.iter().flat_map(|b| ["--backend", b]))
            .run()
            .code(4)
            .stderr_has(message);
        c.kubectl().args(["get", "trafficsplit", "bad", "-n", &ns]).run().code(1);
    }
}

/// A mistyped root or backend would route nothing: refused (exit 4) with the Services that do
/// exist, nothing created, unless --allow-missing-services.
#[test]
fn routes_to_services_that_do_not_exist_are_refused() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("typo");
    services(c, &ns, &["bookstore", "bookstore-v1", "bookstore-v2"]);
    let create = |name: &str, root: &str, backends: &[&str]| {
        c.osm()
            .args(["traffic", "split", "create", name, "-n", &ns, "--service", root])
            .args(backends.iter().flat_map(|b| ["--backend", *b]))
    };
    let listed = format!("Services in namespace {ns}: bookstore, bookstore-v1, bookstore-v2");
    for (root, backends, missing) in [
        ("bookstore", &["bookstore-v1=50", "bookstore-v3=50"][..], "Service bookstore-v3 does not exist"),
        ("bookstor", &["bookstore-v1=50", "bookstore-v2=50"][..], "Service bookstor does not exist"),
        (
            "bookstore",
            &["bookstore-1=50", "bookstore-2=50"][..],
            "Services bookstore-1, bookstore-2 do not exist",
        ),
    ] {
        for extra in [&[][..], &["--dry-run"][..]] {
            create("typo", root, backends)
                .args(extra)
                .run()
                .code(4)
                .stderr_has(missing)
                .stderr_has(&listed)
                .stderr_has("--allow-missing-services");
        }
        c.kubectl().args(["get", "trafficsplit", "typo", "-n", &ns]).run().code(1);
    }
    // Adding a backend that does not exist is refused the same way.
    create("s", "bookstore", &["bookstore-v1=100"]).run().success().stdout_has("created");
    c.osm()
        .args(["traffic", "split", "set", "s", "-n", &ns, "--add", "bookstore-v3=10"])
        .run()
        .code(4)
        .stderr_has("Service bookstore-v3 does not exist")
        .stderr_has(&listed);
    assert_eq!(weights(c, &ns, "s"), pairs(&[("bookstore-v1", 100)]));

    // Asked for: created, with a warning.
    create("later", "bookstore", &["bookstore-v1=50", "bookstore-v3=50"])
        .arg("--allow-missing-services")
        .run()
        .success()
        .stdout_has("created")
        .stderr_has("Service bookstore-v3 does not exist");
    assert_eq!(weights(c, &ns, "later"), pairs(&[("bookstore-v1", 50), ("bookstore-v3", 50)]));
    c.osm()
        .args([
            "traffic",
            "split",
            "set",
            "s",
            "-n",
            &ns,
            "--add",
            "bookstore-v3=10",
            "--allow-missing-services",
        ])
        .run()
        .success();
    assert_eq!(weights(c, &ns, "s"), pairs(&[("bookstore-v1", 90), ("bookstore-v3", 10)]));
}

#[test]
fn concurrent_sets_on_one_split_are_both_applied() {
    let c = cluster();
    install_crds(c);
    let ns = c.namespace("race");
    // Applied one after the other in either order; a lost update would leave only one of them.
    let a_then_b = pairs(&[("a", 8), ("b", 40), ("c", 26), ("d", 26)]);
    let b_then_a = pairs(&[("a", 10), ("b", 45), ("c", 23), ("d", 22)]);
    for round in 0..4 {
        let name = format!("race-{round}");
        split(c, &ns, &name, "svc", &[("a", 25), ("b", 25), ("c", 25), ("d", 25)]);
        let spawn = |assignment: &str| {
            std::process::Command::new(osm_bin())
                .env("KUBECONFIG", &c.kubeconfig)
                .env("NO_COLOR", "1")
                .args(["traffic", "split", "set", &name, "-n", &ns, assignment])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let first = spawn("a=10");
        let second = spawn("b=40");
        for child in [first, second] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
        let result = weights(c, &ns, &name);
        assert!(result == a_then_b || result == b_then_a, "round {round}: one edit was lost: {result:?}");
    }
}
