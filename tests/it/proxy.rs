//! `osm proxy get|set`: a sidecar's Envoy admin port (15000) through a real port-forward, the
//! admin interface played by a loopback HTTP server registered as the pod's port 15000.

use std::time::Duration;

use crate::common::cluster;
use crate::common::fixture::MeshedPod;
use crate::common::loopback::http_server;

const STATS: &[u8] = b"cluster.bookstore/bookstore-v1|14001.upstream_rq_total: 17\n\
    cluster.bookstore/bookstore-v1|14001.upstream_cx_active: 2\nserver.live: 1\n";

fn wait_phase(ns: &str, name: &str, phase: &str) {
    cluster().wait_until(&format!("pod {name} {phase}"), Duration::from_secs(30), || {
        cluster()
            .kubectl()
            .args(["get", "pod", "-n", ns, name, "-o", "jsonpath={.status.phase}"])
            .run()
            .stdout
            == phase
    });
}

#[test]
fn get_stats_returns_what_the_admin_interface_served() {
    let ns = cluster().namespace("proxy-get");
    let admin = http_server(&[("/stats", "text/plain", STATS), ("/reset_counters", "text/plain", b"OK\n")]);
    MeshedPod::new(&ns, "bookbuyer").admin(admin.port).apply(cluster());
    wait_phase(&ns, "bookbuyer", "Running");

    let run = cluster().osm().args(["proxy", "get", "stats", "bookbuyer", "-n", &ns]).run().success();
    assert_eq!(run.stdout.as_bytes(), STATS, "stdout is exactly the admin answer");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stats.txt");
    cluster()
        .osm()
        .args(["proxy", "get", "stats", "bookbuyer", "-n", &ns, "-f"])
        .arg(&file)
        .run()
        .success()
        .stderr_has(&format!("wrote {} bytes", STATS.len()));
    assert_eq!(std::fs::read(&file).unwrap(), STATS);

    // The Go CLI's -p/--local-port picks the local end of the forward; `set` writes to -f too.
    let local_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let answer = dir.path().join("reset.txt");
    cluster()
        .osm()
        .args([
            "-v",
            "proxy",
            "set",
            "reset_counters",
            "bookbuyer",
            "-n",
            &ns,
            "-p",
            &local_port.to_string(),
            "-f",
        ])
        .arg(&answer)
        .run()
        .success()
        .stderr_has(&format!("127.0.0.1:{local_port}"));
    assert_eq!(std::fs::read_to_string(&answer).unwrap().trim(), "OK");
    let requests = admin.requests.lock().unwrap().clone();
    assert!(requests.contains(&"GET /stats HTTP/1.1".to_string()), "{requests:?}");
    assert!(requests.contains(&"POST /reset_counters HTTP/1.1".to_string()), "{requests:?}");

    cluster()
        .osm()
        .args(["proxy", "get", "no_such_admin_path", "bookbuyer", "-n", &ns])
        .run()
        .code(1)
        .stderr_has("answered 404");
}

#[test]
fn pod_without_sidecar_or_not_running_is_refused() {
    let ns = cluster().namespace("proxy-refused");
    let admin = http_server(&[("/stats", "text/plain", STATS)]);
    MeshedPod::new(&ns, "plain").admin(admin.port).without_uuid().apply(cluster());
    MeshedPod::new(&ns, "stuck")
        .admin(admin.port)
        .annotation("kubelet-standin.osm.dev/behaviour", "pending")
        .apply(cluster());
    wait_phase(&ns, "plain", "Running");
    cluster()
        .osm()
        .args(["proxy", "get", "stats", "plain", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("has no Envoy sidecar (no osm-proxy-uuid label)");
    cluster().wait_until("pod stuck unschedulable", Duration::from_secs(30), || {
        cluster()
            .kubectl()
            .args(["get", "pod", "-n", &ns, "stuck", "-o", "jsonpath={.status.conditions[*].reason}"])
            .run()
            .stdout
            .contains("Unschedulable")
    });
    cluster()
        .osm()
        .args(["proxy", "get", "stats", "stuck", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("is Pending, not Running");
    cluster()
        .osm()
        .args(["proxy", "get", "stats", "ghost", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("pod ghost not found");
    assert!(admin.requests.lock().unwrap().is_empty(), "nothing reached the admin interface");
}
