//! `osm verify connectivity|control-plane-health|ingress` and `osm policy check-pods|check-conflicts`
//! against the real local control plane: an installed mesh, pods in enrolled namespaces, real
//! SMI and OSM policy objects applied with kubectl, and sidecar admin interfaces (config dumps)
//! and control-plane health endpoints played by loopback HTTP servers behind real port-forwards.
//! Each command is run on an allowed and a denied case.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use crate::common::cluster;
use crate::common::fixture::MeshedPod;
use crate::common::loopback::{FORWARD_ANNOTATION_PREFIX, HttpServer, http_server};

static MESHES: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    MESHES.lock().unwrap_or_else(|p| p.into_inner())
}

fn dump(listener: &str, cluster_name: &str) -> Vec<u8> {
    format!(
        r#"{{"configs": [
  {{"@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump", "dynamic_listeners": [{{"name": "{listener}", "active_state": {{"listener": {{"name": "{listener}"}}}}}}]}},
  {{"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump", "dynamic_active_clusters": [{{"cluster": {{"name": "{cluster_name}"}}}}]}}
]}}"#
    )
    .into_bytes()
}

/// A meshed pod whose sidecar's admin port leads to `admin`, running as its own ServiceAccount,
/// with an `http` port on the app's container if given.
fn meshed_pod(ns: &str, name: &str, admin: &HttpServer, http_port: Option<u16>) {
    cluster().kubectl().args(["create", "serviceaccount", name, "-n", ns]).run();
    let mut pod = MeshedPod::new(ns, name).admin(admin.port).service_account(name);
    if let Some(port) = http_port {
        pod = pod.app_container(serde_json::json!({"ports": [{"containerPort": port, "name": "http"}]}));
    }
    pod.apply(cluster());
}

fn wait_running(ns: &str, name: &str) {
    cluster().wait_until(&format!("pod {ns}/{name} Running"), Duration::from_secs(30), || {
        cluster().kubectl_words(&["get", "pod", name, "-n", ns, "-o", "jsonpath={.status.phase}"])
            == ["Running"]
    });
}

#[test]
fn connectivity_and_check_pods_follow_the_smi_policies() {
    let _turn = turn();
    let m = crate::common::InstalledMesh::install("vfy");
    let buyer = cluster().namespace("vfy-buyer");
    let store = cluster().namespace("vfy-store");
    let thief = cluster().namespace("vfy-thief");
    cluster()
        .osm()
        .args(["namespace", "add", &buyer, &store, &thief, "--mesh-name", &m.mesh])
        .run()
        .success();
    cluster().osm().args(["permissive", "disable", "--mesh-name", &m.mesh]).run().success();

    let buyer_admin = http_server(&[(
        "/config_dump",
        "application/json",
        &dump("outbound-listener", &format!("{store}/bookstore|14001")),
    )]);
    let store_admin = http_server(&[(
        "/config_dump",
        "application/json",
        &dump("inbound-listener", &format!("{store}/bookstore|14001|local")),
    )]);
    let thief_admin =
        http_server(&[("/config_dump", "application/json", &dump("outbound-listener", "nothing|1"))]);
    meshed_pod(&buyer, "bookbuyer", &buyer_admin, None);
    meshed_pod(&store, "bookstore", &store_admin, Some(14001));
    meshed_pod(&thief, "bookthief", &thief_admin, None);
    cluster()
        .apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: bookstore, namespace: {store}}}\n\
             spec: {{selector: {{app: bookstore}}, ports: [{{port: 14001, targetPort: http}}]}}\n"
        ))
        .success();
    cluster()
        .apply(&format!(
            r#"
apiVersion: specs.smi-spec.io/v1alpha4
kind: HTTPRouteGroup
metadata: {{name: bookstore-service-routes, namespace: {store}}}
spec:
  matches:
  - {{name: buy-a-book, pathRegex: ".*a-book.*new", methods: [GET]}}
---
apiVersion: access.smi-spec.io/v1alpha3
kind: TrafficTarget
metadata: {{name: bookstore-access, namespace: {store}}}
spec:
  destination: {{kind: ServiceAccount, name: bookstore, namespace: {store}}}
  rules:
  - {{kind: HTTPRouteGroup, name: bookstore-service-routes, matches: [buy-a-book]}}
  sources:
  - {{kind: ServiceAccount, name: bookbuyer, namespace: {buyer}}}
"#
        ))
        .success();
    for (ns, pod) in [(&buyer, "bookbuyer"), (&store, "bookstore"), (&thief, "bookthief")] {
        wait_running(ns, pod);
    }
    let osm_ns = ["--osm-namespace", m.namespace.as_str()];

    // Allowed: every step passes; the nested steps of a success are not printed (as in Go).
    let run = cluster()
        .osm()
        .args(osm_ns)
        .args(["verify", "connectivity", "--mesh-name", &m.mesh, "--from-pod", &format!("{buyer}/bookbuyer")])
        .args(["--to-pod", &format!("{store}/bookstore"), "--to-service", "bookstore"])
        .run()
        .success();
    assert!(
        run.stdout.starts_with("---------------------------------------------\n[+] Context: Verify if pod"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Status: Success"), "{}", run.stdout);
    let json = cluster()
        .osm()
        .args(osm_ns)
        .args(["verify", "connectivity", "--mesh-name", &m.mesh, "--from-pod", &format!("{buyer}/bookbuyer")])
        .args(["--to-pod", &format!("{store}/bookstore"), "--to-service", "bookstore", "-o", "json"])
        .run()
        .success()
        .json();
    let steps = json["nestedResults"].as_array().unwrap();
    let policy =
        steps.iter().find(|s| s["context"].as_str().unwrap().starts_with("Verify traffic policy")).unwrap();
    assert_eq!(policy["reason"], "Allowed by SMI TrafficTarget bookstore-access", "{policy}");
    assert!(
        steps
            .iter()
            .any(|s| s["context"] == "Verify Envoy config on destination" && s["status"] == "Success")
    );

    // Denied: no TrafficTarget lets bookthief in, and its sidecar has no cluster for bookstore.
    let run = cluster()
        .osm()
        .args(osm_ns)
        .args(["verify", "connectivity", "--mesh-name", &m.mesh, "--from-pod", &format!("{thief}/bookthief")])
        .args(["--to-pod", &format!("{store}/bookstore"), "--to-service", "bookstore"])
        .run()
        .code(1);
    assert!(run.stdout.contains("Status: Failure\nReason: A verification step failed"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            "[++] Context: Verify traffic policy allows pod \"{thief}/bookthief\" to reach pod \"{store}/bookstore\"\nStatus: Failure\n\
             Reason: No SMI TrafficTarget in namespace \"{store}\" allows ServiceAccount {thief}/bookthief to reach ServiceAccount {store}/bookstore"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("Did not find cluster(s) \"{store}/bookstore|14001\" on source pod")),
        "{}",
        run.stdout
    );

    // A rule naming a route group that does not exist is named.
    cluster()
        .kubectl()
        .args(["delete", "httproutegroup", "bookstore-service-routes", "-n", &store])
        .run()
        .success();
    let run = cluster()
        .osm()
        .args(osm_ns)
        .args(["verify", "connectivity", "--mesh-name", &m.mesh, "--from-pod", &format!("{buyer}/bookbuyer")])
        .args(["--to-pod", &format!("{store}/bookstore"), "--to-service", "bookstore"])
        .run()
        .code(1);
    assert!(
        run.stdout.contains(&format!(
            "HTTPRouteGroup {store}/bookstore-service-routes (named by TrafficTarget bookstore-access)"
        )),
        "{}",
        run.stdout
    );

    // policy check-pods: the Go CLI's lines.
    let run = cluster()
        .osm()
        .args(osm_ns)
        .args(["policy", "check-pods", &format!("{buyer}/bookbuyer"), &format!("{store}/bookstore")])
        .run()
        .success();
    assert!(
        run.stdout.contains(&format!(
            "[+] Pod '{buyer}/bookbuyer' is allowed to communicate to pod '{store}/bookstore' via the SMI TrafficTarget policy \"bookstore-access\" in namespace {store}"
        )),
        "{}",
        run.stdout
    );
    let run = cluster()
        .osm()
        .args(osm_ns)
        .args(["policy", "check-pods", &format!("{thief}/bookthief"), &format!("{store}/bookstore")])
        .run()
        .code(1);
    assert!(
        run.stdout.contains(&format!("[+] Pod '{thief}/bookthief' is not allowed to communicate to pod '{store}/bookstore', missing SMI TrafficTarget policy")),
        "{}",
        run.stdout
    );
    cluster()
        .osm()
        .args(osm_ns)
        .args(["policy", "check-pods", &format!("{buyer}/ghost"), &format!("{store}/bookstore")])
        .run()
        .code(4)
        .stderr_has(&format!("Could not find pod ghost in namespace {buyer}"));

    // Permissive mode allows everyone.
    cluster().osm().args(["permissive", "enable", "--mesh-name", &m.mesh]).run().success();
    let run = cluster()
        .osm()
        .args(osm_ns)
        .args(["policy", "check-pods", &format!("{thief}/bookthief"), &format!("{store}/bookstore")])
        .run()
        .success();
    assert!(run.stdout.contains("[+] Permissive mode enabled"), "{}", run.stdout);

    // Egress: global egress off and no Egress policy, then a policy for the port.
    let egress_args = [
        "verify",
        "connectivity",
        "--mesh-name",
        &m.mesh,
        "--from-pod",
        &format!("{buyer}/bookbuyer"),
        "--to-ext-port",
        "443",
        "--to-ext-host",
        "httpbin.org",
        "--app-protocol",
        "https",
    ];
    cluster().osm().args(["egress", "disable", "--mesh-name", &m.mesh]).run().success();
    let run = cluster().osm().args(osm_ns).args(egress_args).run().code(1);
    assert!(run.stdout.contains("Global egress is disabled and no Egress policy"), "{}", run.stdout);
    cluster()
        .apply(&format!(
            "apiVersion: policy.openservicemesh.io/v1alpha1\nkind: Egress\nmetadata: {{name: httpbin-443, namespace: {buyer}}}\n\
             spec:\n  sources: [{{kind: ServiceAccount, name: bookbuyer, namespace: {buyer}}}]\n  hosts: [httpbin.org]\n  ports: [{{number: 443, protocol: https}}]\n"
        ))
        .success();
    cluster().osm().args(osm_ns).args(egress_args).run().success();
}

#[test]
fn control_plane_health_ingress_and_conflicts() {
    let _turn = turn();
    let m = crate::common::InstalledMesh::install("cph");
    let ns = m.namespace.as_str();

    // Pods ready, but nothing answers on the health port: the probes fail, naming the pods.
    let run = cluster().osm().args(["verify", "control-plane-health", "--osm-namespace", ns]).run().code(1);
    assert!(
        run.stdout.contains(&format!(
            "[++] Context: Verify readiness status of pod for app {ns}/osm-controller\nStatus: Success"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "[++] Context: Verify health probes of pod for app {ns}/osm-controller\nStatus: Failure"
        )),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("HTTP probe failed for pod"), "{}", run.stdout);

    // Health endpoints answering (the components' port 9091): every step passes.
    let health = http_server(&[("/health/alive", "text/plain", b"alive"), ("/healthz", "text/plain", b"ok")]);
    for deployment in ["osm-controller", "osm-injector", "osm-bootstrap"] {
        let patch = serde_json::json!({"spec": {"template": {"metadata": {"annotations": {
            format!("{FORWARD_ANNOTATION_PREFIX}9091"): format!("127.0.0.1:{}", health.port)}}}}});
        cluster()
            .kubectl()
            .args(["patch", "deployment", deployment, "-n", ns, "--type", "merge", "-p", &patch.to_string()])
            .run()
            .success();
    }
    cluster().wait_until("the control plane rolled out", Duration::from_secs(60), || {
        cluster().osm().args(["verify", "control-plane-health", "--osm-namespace", ns]).run().code == 0
    });
    let run = cluster().osm().args(["verify", "control-plane-health", "--osm-namespace", ns]).run().success();
    assert!(
        run.stdout.contains("[+] Context: Verify the health of OSM control plane\nStatus: Success"),
        "{}",
        run.stdout
    );

    // Ingress: an ingress controller outside the mesh's sidecars, an IngressBackend for the pod.
    let ingress_ns = cluster().namespace("cph-ingress");
    let app = cluster().namespace("cph-app");
    cluster()
        .osm()
        .args(["namespace", "add", &ingress_ns, &app, "--mesh-name", &m.mesh, "--disable-sidecar-injection"])
        .run()
        .success();
    cluster()
        .apply(&format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: nginx, namespace: {ingress_ns}, labels: {{app: nginx}}}}\nspec: {{containers: [{{name: nginx, image: nginx}}]}}\n---\n\
             apiVersion: v1\nkind: Service\nmetadata: {{name: nginx, namespace: {ingress_ns}}}\nspec: {{selector: {{app: nginx}}, ports: [{{port: 80}}]}}\n"
        ))
        .success();
    let httpbin_admin = http_server(&[(
        "/config_dump",
        "application/json",
        &dump("inbound-listener", &format!("{app}/httpbin|14001|local")),
    )]);
    meshed_pod(&app, "httpbin", &httpbin_admin, Some(14001));
    cluster()
        .apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: httpbin, namespace: {app}}}\nspec: {{selector: {{app: httpbin}}, ports: [{{port: 14001}}]}}\n---\n\
             apiVersion: policy.openservicemesh.io/v1alpha1\nkind: IngressBackend\nmetadata: {{name: httpbin, namespace: {app}}}\n\
             spec:\n  backends: [{{name: httpbin, port: {{number: 14001, protocol: http}}}}]\n  sources: [{{kind: Service, name: nginx, namespace: {ingress_ns}}}]\n"
        ))
        .success();
    wait_running(&app, "httpbin");
    let ingress = |backend: &str, port: &str| {
        cluster()
            .osm()
            .args(["verify", "ingress", "--osm-namespace", ns, "--mesh-name", &m.mesh])
            .args(["--from-service", &format!("{ingress_ns}/nginx"), "--to-pod", &format!("{app}/httpbin")])
            .args(["--to-service", "httpbin", "--ingress-backend", backend, "--to-port", port])
            .run()
    };
    let run = ingress("httpbin", "14001").success();
    assert!(run.stdout.contains("Status: Success"), "{}", run.stdout);
    let run = ingress("httpbin", "8080").code(1);
    assert!(
        run.stdout.contains(&format!(
            "No backend matching port 8080 and protocol http found in IngressBackend \"{app}/httpbin\""
        )),
        "{}",
        run.stdout
    );
    let run = ingress("missing", "14001").code(1);
    assert!(run.stdout.contains(&format!("IngressBackend \"{app}/missing\" not found")), "{}", run.stdout);

    // check-conflicts: none, then two IngressBackends for one backend, two settings for one host.
    let run =
        cluster().osm().args(["policy", "check-conflicts", "IngressBackend", "-n", &app]).run().success();
    assert_eq!(run.stdout, format!("No conflicts among IngressBackend resources in namespace {app}\n"));
    cluster()
        .apply(&format!(
            "apiVersion: policy.openservicemesh.io/v1alpha1\nkind: IngressBackend\nmetadata: {{name: httpbin-again, namespace: {app}}}\n\
             spec:\n  backends: [{{name: httpbin, port: {{number: 14001, protocol: http}}}}]\n  sources: [{{kind: Service, name: nginx, namespace: {ingress_ns}}}]\n"
        ))
        .success();
    let run = cluster().osm().args(["policy", "check-conflicts", "ingressbackend", "-n", &app]).run().code(1);
    assert!(run.stdout.contains(&format!("[+] IngressBackend {app}/httpbin conflicts with {app}/httpbin-again:\nBackend httpbin specified in httpbin and httpbin-again conflicts\n")), "{}", run.stdout);
    for name in ["one", "two"] {
        cluster()
            .apply(&format!(
                "apiVersion: policy.openservicemesh.io/v1alpha1\nkind: UpstreamTrafficSetting\nmetadata: {{name: {name}, namespace: {app}}}\n\
                 spec: {{host: httpbin.{app}.svc.cluster.local}}\n"
            ))
            .success();
    }
    let run = cluster()
        .osm()
        .args(["policy", "check-conflicts", "UpstreamTrafficSetting", "-n", &app])
        .run()
        .code(1);
    assert!(
        run.stdout.contains(&format!("[+] UpstreamTrafficSetting {app}/one conflicts with {app}/two:")),
        "{}",
        run.stdout
    );
    cluster().osm().args(["policy", "check-conflicts", "Egress", "-n", &app]).run().code(2);
}
