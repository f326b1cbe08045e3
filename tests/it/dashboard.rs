//! `osm dashboard` end to end: finds the add-on's Service in the mesh's namespace, forwards to its
//! pod through the real API server and the kubelet stand-in, and opens the URL in a browser.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::loopback::{FORWARD_ANNOTATION_PREFIX, Running, http_get, http_server};
use crate::common::{cluster, osm_bin, unique_name};

const PAGE: &str = "<!doctype html><html><head><title>loading</title>\
    <script>document.title = 'Grafana test page ' + (40 + 2);</script></head>\
    <body><h1>dashboard through the tunnel</h1></body></html>";

/// A mesh (its osm-controller Deployment) in a fresh namespace; returns (mesh name, namespace).
fn mesh() -> (String, String) {
    let ns = cluster().namespace("dash-osm");
    let mesh = unique_name("mesh");
    cluster()
        .apply(&format!(
            r#"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: osm-controller
  namespace: {ns}
  labels: {{app: osm-controller, meshName: {mesh}}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: osm-controller}}}}
  template:
    metadata: {{labels: {{app: osm-controller}}}}
    spec:
      containers: [{{name: osm-controller, image: "openservicemesh/osm-controller:v1.2.0"}}]
"#
        ))
        .success();
    (mesh, ns)
}

/// Grafana's Service and Deployment (as the chart names them), its port 3000 led to `backend`.
fn deploy_grafana(ns: &str, backend: u16) {
    deploy_addon(ns, "osm-grafana", 3000, backend);
}

/// An add-on's Service `name` and its Deployment, whose container port `port` leads to `backend`.
fn deploy_addon(ns: &str, name: &str, port: u16, backend: u16) {
    cluster()
        .apply(&format!(
            r#"
apiVersion: v1
kind: Service
metadata: {{name: {name}, namespace: {ns}, labels: {{app: {name}}}}}
spec:
  selector: {{app: {name}}}
  ports: [{{name: http, port: {port}, targetPort: {port}}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {{name: {name}, namespace: {ns}, labels: {{app: {name}}}}}
spec:
  replicas: 1
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata:
      labels: {{app: {name}}}
      annotations: {{"{FORWARD_ANNOTATION_PREFIX}{port}": "127.0.0.1:{backend}"}}
    spec:
      containers: [{{name: ui, image: "{name}:test", ports: [{{containerPort: {port}}}]}}]
"#
        ))
        .success();
}

fn dashboard(args: &[&str], browser: Option<&std::path::Path>) -> Running {
    let mut command = Command::new(osm_bin());
    command.env("KUBECONFIG", &cluster().kubeconfig).env_remove("OSM_NAMESPACE").arg("dashboard").args(args);
    match browser {
        Some(script) => command.env("BROWSER", script),
        None => command.env_remove("BROWSER"),
    };
    Running::spawn(command)
}

fn url_line(running: &mut Running) -> String {
    let line = running.line_with("Grafana: ", Duration::from_secs(90));
    line.trim_start_matches("Grafana: ").trim().to_string()
}

#[test]
fn opens_the_browser_on_the_url_that_serves_grafana_through_the_tunnel() {
    let (mesh, ns) = mesh();
    let grafana = http_server(&[("/", "text/html", PAGE.as_bytes())]);
    deploy_grafana(&ns, grafana.port);

    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("opened-url");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > {}.tmp && mv {0}.tmp {0}\n", record.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let mut running = dashboard(&["--mesh-name", &mesh, "-p", "0"], Some(&script));
    let url = url_line(&mut running);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !record.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let opened = std::fs::read_to_string(&record)
        .unwrap_or_else(|_| panic!("BROWSER was not run:\n{}", running.stderr_text()));
    assert_eq!(opened, url, "the browser got the printed URL");
    let (status, body) = http_get(&url);
    assert!(status.contains("200"), "{status}");
    assert_eq!(body, PAGE, "the URL serves the add-on's page through the tunnel");
    // osm checked the UI answers before opening the browser: the fake Grafana saw that request too.
    assert!(grafana.requests.lock().unwrap().len() >= 2, "{:?}", grafana.requests.lock().unwrap());
    assert_eq!(running.interrupt(), 0, "{}", running.stderr_text());
}

#[test]
fn headless_chromium_loads_the_dashboard() {
    let (mesh, ns) = mesh();
    let grafana = http_server(&[("/", "text/html", PAGE.as_bytes())]);
    deploy_grafana(&ns, grafana.port);

    let mut running = dashboard(&["--mesh-name", &mesh, "-p", "0", "--open-browser=false"], None);
    let url = url_line(&mut running);
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &url])
        .output()
        .expect("run chromium (installed by scripts/install-test-deps.sh)");
    let dom = String::from_utf8_lossy(&out.stdout);
    // The title is set by the page's script, so this also proves the browser ran it.
    assert!(
        dom.contains("<title>Grafana test page 42</title>"),
        "chromium's DOM of {url}:\n{dom}\n--- chromium stderr\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(running.interrupt(), 0, "{}", running.stderr_text());
}

#[test]
fn grafana_not_installed_says_how_to_install_it() {
    let (mesh, _ns) = mesh();
    cluster()
        .osm()
        .args(["dashboard", "--mesh-name", &mesh, "--no-browser"])
        .run()
        .code(4)
        .stderr_has(&format!(
            "Grafana is not deployed in mesh [{mesh}]: install it with --set osm.deployGrafana=true"
        ))
        .stderr_has("osm mesh upgrade");
    cluster().osm().args(["dashboard", "jaeger", "--mesh-name", &mesh, "-b=false"]).run().code(4).stderr_has(
        &format!("Jaeger is not deployed in mesh [{mesh}]: install it with --set osm.deployJaeger=true"),
    );
    cluster()
        .osm()
        .args(["dashboard", "--mesh-name", "no-such-mesh-here"])
        .run()
        .code(4)
        .stderr_has("mesh [no-such-mesh-here] does not exist");
}

#[test]
fn prometheus_and_jaeger_open_by_name_on_their_own_ports() {
    let (mesh, ns) = mesh();
    for (addon, title, service, port) in
        [("prometheus", "Prometheus", "osm-prometheus", 7070), ("jaeger", "Jaeger", "jaeger", 16686)]
    {
        let page = format!("<html><head><title>{title}</title></head><body>{title}</body></html>");
        let ui = http_server(&[("/", "text/html", page.as_bytes())]);
        deploy_addon(&ns, service, port, ui.port);
        let mut running = dashboard(&[addon, "--mesh-name", &mesh, "--no-browser", "-p", "0"], None);
        let line = running.line_with(&format!("{title}: "), Duration::from_secs(90));
        let url = line.trim_start_matches(&format!("{title}: ")).trim().to_string();
        let (status, body) = http_get(&url);
        assert!(status.contains("200"), "{addon}: {status}");
        assert_eq!(body, page, "{addon}'s page through the tunnel to its port {port}");
        assert_eq!(running.interrupt(), 0, "{}", running.stderr_text());
    }
}
