//! `osm port-forward` end to end: osm -> kube-apiserver (pods/portforward: SPDY tunnelled over a
//! WebSocket, or on 1.20 a WebSocket per connection) -> the kubelet stand-in over TLS -> a loopback
//! server registered as the pod's container port. `scripts/test.sh` runs this module on both
//! releases.

use std::net::TcpListener;
use std::process::Command;
use std::time::Duration;

use crate::common::loopback::{FORWARD_ANNOTATION_PREFIX, Running, echo_server, round_trip};
use crate::common::{cluster, osm_bin};

fn osm_long(args: &[&str]) -> Running {
    let mut command = Command::new(osm_bin());
    command.env("KUBECONFIG", &cluster().kubeconfig).env_remove("OSM_NAMESPACE").args(args);
    Running::spawn(command)
}

/// A Deployment `name` whose pods' container port `port` (named `web`) leads to `backend`, and a
/// Service `name` on port 80 targeting the port by name.
fn deploy_echo(ns: &str, name: &str, port: u16, backend: u16, extra_annotation: &str) {
    cluster()
        .apply(&format!(
            r#"
apiVersion: apps/v1
kind: Deployment
metadata: {{name: {name}, namespace: {ns}}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata:
      labels: {{app: {name}}}
      annotations: {{"{FORWARD_ANNOTATION_PREFIX}{port}": "127.0.0.1:{backend}"{extra_annotation}}}
    spec:
      containers: [{{name: app, image: echo, ports: [{{containerPort: {port}, name: web}}]}}]
---
apiVersion: v1
kind: Service
metadata: {{name: {name}, namespace: {ns}}}
spec:
  selector: {{app: {name}}}
  ports: [{{name: http, port: 80, targetPort: web}}]
"#
        ))
        .success();
}

fn wait_ready(ns: &str, selector: &str) {
    let which = if selector.is_empty() { vec!["--all"] } else { vec!["-l", selector] };
    let listed = if selector.is_empty() { vec![] } else { vec!["-l", selector] };
    cluster().wait_until("a pod to exist", Duration::from_secs(30), || {
        !cluster()
            .kubectl()
            .args(["get", "pods", "-n", ns, "-o", "name"])
            .args(&listed)
            .run()
            .stdout
            .trim()
            .is_empty()
    });
    cluster()
        .kubectl()
        .args(["wait", "pods", "-n", ns, "--for=condition=Ready", "--timeout=60s"])
        .args(&which)
        .run()
        .success();
}

fn pod_names(ns: &str, selector: &str) -> Vec<String> {
    cluster().kubectl_words(&[
        "get",
        "pods",
        "-n",
        ns,
        "-l",
        selector,
        "-o",
        "jsonpath={.items[*].metadata.name}",
    ])
}

/// Waits for the forward to say which pod took over; that pod's name and the stderr so far.
fn pod_taking_over(forward: &Running) -> (String, String) {
    forward.wait_stderr("forwarding to pod ", Duration::from_secs(60));
    let stderr = forward.stderr_text();
    let pod = stderr
        .lines()
        .find_map(|l| l.strip_prefix("forwarding to pod "))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the new pod is named")
        .to_string();
    (pod, stderr)
}

#[test]
fn bytes_round_trip_for_pod_deployment_and_service_targets() {
    let ns = cluster().namespace("pf-kinds");
    let backend = echo_server();
    deploy_echo(&ns, "echo", 14001, backend, "");
    wait_ready(&ns, "app=echo");
    let pod = pod_names(&ns, "app=echo").remove(0);

    let pod_target = format!("pod/{pod}");
    for (target, port_arg) in [
        (pod_target.as_str(), ":14001"),
        ("deploy/echo", ":14001"),
        ("deployment/echo", ":web"),
        ("echo", ":14001"),
        ("svc/echo", ":80"),
        ("svc/echo", ":http"),
    ] {
        let mut forward = osm_long(&["port-forward", target, port_arg, "-n", &ns]);
        let ports = forward.forwarded_ports(1);
        let (local, to) = &ports[0];
        assert_eq!(to, &format!("{pod}:14001"), "{target} {port_arg} forwards to the pod's container port");
        let payload: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(round_trip(*local, &payload), payload, "bytes through {target} {port_arg}");
        assert_eq!(forward.interrupt(), 0, "Ctrl-C ends cleanly:\n{}", forward.stderr_text());
        assert!(forward.stderr_text().contains("stopped forwarding"), "{}", forward.stderr_text());
    }
}

/// Where the API server tunnels SPDY over a WebSocket (Kubernetes 1.30 and later), osm forwards
/// every connection through one such session, as kubectl does; an older server (1.20) refuses the
/// subprotocol and each connection gets a WebSocket of its own. Both carry the bytes, several
/// connections after one another.
#[test]
fn the_transport_is_one_spdy_session_where_the_server_tunnels_it_and_a_websocket_per_connection_otherwise() {
    let ns = cluster().namespace("pf-transport");
    let backend = echo_server();
    deploy_echo(&ns, "echo", 8080, backend, "");
    wait_ready(&ns, "app=echo");
    let mut forward = osm_long(&["port-forward", "deploy/echo", ":8080", "-n", &ns, "-v", "-v"]);
    let local = forward.forwarded_ports(1)[0].0;
    for i in 0..5u32 {
        let payload: Vec<u8> = (0..50_000u32).map(|j| (j * (i + 3) % 251) as u8).collect();
        assert_eq!(round_trip(local, &payload), payload, "connection {i}:\n{}", forward.stderr_text());
    }
    assert_eq!(forward.interrupt(), 0, "{}", forward.stderr_text());
    let log = forward.stderr_text();
    let expected = if crate::common::kube_release() == "1.20" {
        "one WebSocket per connection (the API server does not tunnel SPDY)"
    } else {
        "SPDY tunnelled over one WebSocket"
    };
    assert!(log.contains(expected), "expected {expected:?} in the debug log:\n{log}");
}

#[test]
fn several_ports_and_twenty_concurrent_connections() {
    let ns = cluster().namespace("pf-many");
    let backend = echo_server();
    let second_backend = echo_server();
    let extra = format!(r#", "{FORWARD_ANNOTATION_PREFIX}9090": "127.0.0.1:{second_backend}""#);
    deploy_echo(&ns, "echo", 8080, backend, &extra);
    wait_ready(&ns, "app=echo");

    let mut forward = osm_long(&["port-forward", "deploy/echo", ":8080", ":9090", "-n", &ns]);
    let ports = forward.forwarded_ports(2);
    assert!(ports[0].1.ends_with(":8080") && ports[1].1.ends_with(":9090"), "{ports:?}");
    assert_eq!(round_trip(ports[1].0, b"second port"), b"second port");

    let local = ports[0].0;
    let handles: Vec<_> = (0..20u8)
        .map(|i| {
            std::thread::spawn(move || {
                let payload: Vec<u8> = (0..100_000u32).map(|j| (j as u8).wrapping_mul(i + 1)).collect();
                round_trip(local, &payload) == payload
            })
        })
        .collect();
    let ok = handles.into_iter().map(|h| h.join().unwrap()).filter(|ok| *ok).count();
    assert_eq!(ok, 20, "every concurrent connection got its own bytes back:\n{}", forward.stderr_text());
}

#[test]
fn pod_replaced_while_forwarding_then_forwarding_resumes() {
    let ns = cluster().namespace("pf-replace");
    let backend = echo_server();
    deploy_echo(&ns, "echo", 8080, backend, "");
    wait_ready(&ns, "app=echo");
    let first = pod_names(&ns, "app=echo").remove(0);

    let mut forward = osm_long(&["port-forward", "deploy/echo", ":8080", "-n", &ns]);
    let (local, _) = forward.forwarded_ports(1).remove(0);
    assert_eq!(round_trip(local, b"before"), b"before");

    cluster().kubectl().args(["delete", "pod", "-n", &ns, &first, "--wait=false"]).run().success();
    forward.wait_stderr(&format!("pod {first} "), Duration::from_secs(30));
    let (replacement, stderr) = pod_taking_over(&forward);
    assert_ne!(replacement, first, "a new pod took over:\n{stderr}");
    assert!(pod_names(&ns, "app=echo").contains(&replacement), "{replacement} is a pod of the deployment");

    // The same local port keeps working, now through the new pod.
    assert_eq!(round_trip(local, b"after the pod was replaced"), b"after the pod was replaced");
    assert_eq!(forward.interrupt(), 0);
}

#[test]
fn exits_1_when_no_pod_comes_back() {
    let ns = cluster().namespace("pf-gone");
    let backend = echo_server();
    cluster()
        .apply(&format!(
            r#"
apiVersion: v1
kind: Pod
metadata:
  name: lonely
  namespace: {ns}
  annotations: {{"{FORWARD_ANNOTATION_PREFIX}7000": "127.0.0.1:{backend}"}}
spec:
  containers: [{{name: app, image: echo}}]
"#
        ))
        .success();
    wait_ready(&ns, "");
    let mut forward =
        osm_long(&["port-forward", "pod/lonely", ":7000", "-n", &ns, "--reconnect-timeout", "3s"]);
    let (local, _) = forward.forwarded_ports(1).remove(0);
    assert_eq!(round_trip(local, b"x"), b"x");
    cluster().kubectl().args(["delete", "pod", "-n", &ns, "lonely", "--wait=false"]).run().success();
    assert_eq!(forward.wait_exit(Duration::from_secs(30)), 1, "{}", forward.stderr_text());
    assert!(
        forward.stderr_text().contains("no ready pod of pod/lonely came back within 3s"),
        "{}",
        forward.stderr_text()
    );
}

#[test]
fn busy_explicit_local_port_is_an_error_naming_it() {
    let ns = cluster().namespace("pf-busy");
    deploy_echo(&ns, "echo", 8080, echo_server(), "");
    wait_ready(&ns, "app=echo");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let busy = taken.local_addr().unwrap().port();
    cluster()
        .osm()
        .args(["port-forward", "deploy/echo", &format!("{busy}:8080"), "-n", &ns])
        .run()
        .code(4)
        .stderr_has(&format!("local port {busy} is already in use"));
}

#[test]
fn busy_implicit_local_port_falls_back_to_a_free_one() {
    let ns = cluster().namespace("pf-fallback");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let busy = taken.local_addr().unwrap().port();
    // The container port is the busy number, so `osm port-forward ... BUSY` wants it locally too.
    deploy_echo(&ns, "echo", busy, echo_server(), "");
    wait_ready(&ns, "app=echo");
    let mut forward = osm_long(&["port-forward", "deploy/echo", &busy.to_string(), "-n", &ns]);
    let (local, to) = forward.forwarded_ports(1).remove(0);
    assert_ne!(local, busy);
    assert!(to.ends_with(&format!(":{busy}")), "{to}");
    forward.wait_stderr(
        &format!("local port {busy} is busy; forwarding from port {local} instead"),
        Duration::from_secs(5),
    );
    assert_eq!(round_trip(local, b"fallback"), b"fallback");
}

#[test]
fn no_ready_pod_says_why() {
    let ns = cluster().namespace("pf-unready");
    deploy_echo(&ns, "echo", 8080, echo_server(), r#", "kubelet-standin.osm.dev/behaviour": "crashloop""#);
    cluster().wait_until("a crash-looping pod", Duration::from_secs(30), || {
        cluster()
            .kubectl()
            .args([
                "get",
                "pods",
                "-n",
                &ns,
                "-o",
                "jsonpath={.items[*].status.containerStatuses[*].state.waiting.reason}",
            ])
            .run()
            .stdout
            .contains("CrashLoopBackOff")
    });
    cluster()
        .osm()
        .args(["port-forward", "deploy/echo", "8080", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("no pod of deployment/echo is Running and Ready")
        .stderr_has("CrashLoopBackOff");

    cluster().kubectl().args(["scale", "deploy/echo", "-n", &ns, "--replicas=0"]).run().success();
    cluster().wait_until("no pods", Duration::from_secs(30), || pod_names(&ns, "app=echo").is_empty());
    cluster()
        .osm()
        .args(["port-forward", "echo", "8080", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("no pods match deployment/echo (selector app=echo)");
    cluster()
        .osm()
        .args(["port-forward", "svc/nothing", "8080", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("service nothing not found");
    cluster()
        .osm()
        .args(["port-forward", "svc/echo", "81", "-n", &ns])
        .run()
        .code(4)
        .stderr_has("service/echo has no port 81");
}

/// The stand-in also speaks kubectl's SPDY protocol, so the benchmark can put the two side by side.
/// kubectl from 1.31 on speaks WebSocket (`v2.portforward.k8s.io`) to the API server, which
/// tunnels it into SPDY towards the kubelet.
#[test]
fn kubectl_port_forward_reaches_the_same_pod() {
    kubectl_port_forward_round_trip(None);
}

/// kubectl's own SPDY client, end to end, as kubectl falls back to against older API servers.
#[test]
fn kubectl_port_forward_over_spdy_reaches_the_same_pod() {
    kubectl_port_forward_round_trip(Some("false"));
}

fn kubectl_port_forward_round_trip(websockets: Option<&str>) {
    let ns = cluster().namespace("pf-kubectl");
    deploy_echo(&ns, "echo", 8080, echo_server(), "");
    wait_ready(&ns, "app=echo");
    let mut command = Command::new(crate::common::kubectl_bin());
    command.arg("--kubeconfig").arg(&cluster().kubeconfig).args([
        "--context",
        crate::common::ADMIN_CONTEXT,
        "port-forward",
        "deploy/echo",
        ":8080",
        "-n",
        &ns,
    ]);
    if let Some(value) = websockets {
        command.env("KUBECTL_PORT_FORWARD_WEBSOCKETS", value);
    }
    let mut kubectl = Running::spawn(command);
    let (local, _) = kubectl.forwarded_ports(1).remove(0);
    let payload: Vec<u8> = (0..300_000u32).map(|i| (i % 253) as u8).collect();
    assert_eq!(round_trip(local, &payload), payload);
    assert_eq!(round_trip(local, b"a second stream pair"), b"a second stream pair");
}

#[test]
fn implicit_local_port_of_a_service_is_the_service_port_and_address_picks_the_interface() {
    let ns = cluster().namespace("pf-svcport");
    deploy_echo(&ns, "echo", 14001, echo_server(), "");
    let service_port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    cluster()
        .apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: echo-high, namespace: {ns}}}\n\
             spec:\n  selector: {{app: echo}}\n  ports: [{{name: http, port: {service_port}, targetPort: web}}]\n"
        ))
        .success();
    wait_ready(&ns, "app=echo");

    // kubectl's rule: `svc/NAME PORT` listens on PORT, the service port, not the pod's 14001.
    let mut forward = osm_long(&["port-forward", "svc/echo-high", &service_port.to_string(), "-n", &ns]);
    let (local, to) = forward.forwarded_ports(1).remove(0);
    assert_eq!(local, service_port, "forwarding to {to}:\n{}", forward.stderr_text());
    assert!(to.ends_with(":14001"), "{to}");
    assert_eq!(round_trip(local, b"service port"), b"service port");
    assert_eq!(forward.interrupt(), 0);

    // --address binds that address only: 127.0.0.2 answers, 127.0.0.1 on the same port does not.
    let mut forward =
        osm_long(&["port-forward", "deploy/echo", ":14001", "--address", "127.0.0.2", "-n", &ns]);
    let (local, _) = forward.forwarded_ports(1).remove(0);
    let mut stream = std::net::TcpStream::connect(("127.0.0.2", local)).expect("127.0.0.2 listens");
    use std::io::{Read, Write};
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    stream.write_all(b"other address").unwrap();
    let mut back = [0u8; 13];
    stream.read_exact(&mut back).unwrap();
    assert_eq!(&back, b"other address");
    assert!(std::net::TcpStream::connect(("127.0.0.1", local)).is_err(), "127.0.0.1:{local} must not listen");
}

#[test]
fn a_rollout_restart_moves_the_forward_to_the_new_pod() {
    let ns = cluster().namespace("pf-rollout");
    deploy_echo(&ns, "echo", 8080, echo_server(), "");
    wait_ready(&ns, "app=echo");
    let first = pod_names(&ns, "app=echo").remove(0);

    let mut forward = osm_long(&["port-forward", "deploy/echo", ":8080", "-n", &ns]);
    let (local, _) = forward.forwarded_ports(1).remove(0);
    assert_eq!(round_trip(local, b"before"), b"before");

    // As `osm namespace add --restart` or a new image does: a new ReplicaSet, then the old pod goes.
    cluster().kubectl().args(["rollout", "restart", "deployment/echo", "-n", &ns]).run().success();
    forward.wait_stderr(&format!("pod {first} "), Duration::from_secs(60));
    let (replacement, stderr) = pod_taking_over(&forward);
    assert_ne!(replacement, first, "the rollout's new pod took over:\n{stderr}");
    assert_eq!(round_trip(local, b"after the rollout"), b"after the rollout");
    assert_eq!(forward.interrupt(), 0);
}
