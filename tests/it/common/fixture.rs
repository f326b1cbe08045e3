//! What the tests set up on a cluster, in one place: a mesh as `osm install` leaves it, for
//! tests of the mesh's settings (the CRDs osm installs, an `osm-controller` Deployment naming the
//! mesh, and its MeshConfig); the CRDs of Istio and of Gateway API; meshed pods.
//! Cluster-wide ones are applied once per cluster, whichever test comes first.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

use crate::common::loopback::FORWARD_ANNOTATION_PREFIX;
use crate::common::{TestCluster, repo_root, unique_name};

pub struct TestMesh {
    pub name: String,
    pub namespace: String,
}

/// Runs `apply` once per cluster (by kubeconfig) for `what`; tests that need it at the same
/// time wait for the first.
fn once_per_cluster(what: &str, c: &TestCluster, apply: impl FnOnce()) {
    static APPLIED: Mutex<BTreeSet<(String, std::path::PathBuf)>> = Mutex::new(BTreeSet::new());
    // Held while applying: the CRDs are few and quick, and a test must not go on before them.
    let mut applied = APPLIED.lock().unwrap_or_else(|p| p.into_inner());
    if applied.insert((what.to_string(), c.kubeconfig.clone())) {
        apply();
    }
}

/// Applies every CRD osm installs, once per cluster, and waits until they are served.
pub fn install_crds(c: &TestCluster) {
    once_per_cluster("osm", c, || {
        let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": osm::model::osm::chart::crds::all()});
        c.apply(&list.to_string()).success();
        let names: Vec<String> = osm::model::osm::chart::crds::all()
            .iter()
            .map(|crd| format!("crd/{}", crd["metadata"]["name"].as_str().unwrap()))
            .collect();
        c.kubectl()
            .args(["wait", "--for=condition=Established", "--timeout=60s"])
            .args(&names)
            .run()
            .success();
    });
}

pub const MESH_CONFIG: &str = r#"apiVersion: config.openservicemesh.io/v1alpha2
kind: MeshConfig
metadata: {name: osm-mesh-config, namespace: NAMESPACE}
spec:
  sidecar: {enablePrivilegedInitContainer: false, logLevel: error, maxDataPlaneConnections: 0}
  traffic: {enableEgress: false, enablePermissiveTrafficPolicyMode: true}
  observability: {enableDebugServer: true, tracing: {enable: false}}
  certificate: {serviceCertValidityDuration: 24h, certKeyBitSize: 2048}
"#;

/// A mesh with its own name and control-plane namespace, MeshConfig included.
pub fn mesh(c: &TestCluster, prefix: &str) -> TestMesh {
    let namespace = c.namespace(prefix);
    let mesh = TestMesh { name: unique_name(prefix), namespace };
    controller(c, &mesh);
    mesh_config(c, &mesh);
    mesh
}

/// A mesh whose control plane has no MeshConfig.
pub fn mesh_without_config(c: &TestCluster, prefix: &str) -> TestMesh {
    let namespace = c.namespace(prefix);
    let mesh = TestMesh { name: unique_name(prefix), namespace };
    controller(c, &mesh);
    mesh
}

/// A mesh whose control plane runs in `namespace`, which must exist (e.g. kube-system, as on AKS).
pub fn mesh_in(c: &TestCluster, name: &str, namespace: &str) -> TestMesh {
    let mesh = TestMesh { name: name.to_string(), namespace: namespace.to_string() };
    controller(c, &mesh);
    mesh_config(c, &mesh);
    mesh
}

fn controller(c: &TestCluster, mesh: &TestMesh) {
    install_crds(c);
    c.apply(&format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: osm-controller
  namespace: {ns}
  labels: {{app: osm-controller, meshName: {name}, app.kubernetes.io/version: v1.2.0}}
spec:
  replicas: 0
  selector: {{matchLabels: {{app: osm-controller}}}}
  template:
    metadata: {{labels: {{app: osm-controller}}}}
    spec:
      containers: [{{name: osm-controller, image: "openservicemesh/osm-controller:v1.2.0"}}]
"#,
        ns = mesh.namespace,
        name = mesh.name
    ))
    .success();
}

fn mesh_config(c: &TestCluster, mesh: &TestMesh) {
    c.apply(&MESH_CONFIG.replace("NAMESPACE", &mesh.namespace)).success();
}

/// A MeshConfig field read back by kubectl (jsonpath below `.spec`).
pub fn field(c: &TestCluster, mesh: &TestMesh, jsonpath: &str) -> String {
    c.kubectl()
        .args(["get", "meshconfig", "osm-mesh-config", "-n", &mesh.namespace, "-o"])
        .arg(format!("jsonpath={{.spec.{jsonpath}}}"))
        .run()
        .success()
        .stdout
}

/// The MeshConfig's spec as kubectl reads it.
pub fn spec(c: &TestCluster, mesh: &TestMesh) -> serde_json::Value {
    c.kubectl()
        .args(["get", "meshconfig", "osm-mesh-config", "-n", &mesh.namespace, "-o", "json"])
        .run()
        .success()
        .json()["spec"]
        .clone()
}

/// Services with these names (selector app=NAME, port 14001) in `namespace`.
pub fn services(c: &TestCluster, namespace: &str, names: &[&str]) {
    for name in names {
        c.apply(&format!(
            "apiVersion: v1\nkind: Service\nmetadata: {{name: {name}, namespace: {namespace}}}\n\
             spec:\n  selector: {{app: {name}}}\n  ports: [{{port: 14001, name: http}}]\n"
        ))
        .success();
    }
}

/// A TrafficSplit's backend weights as kubectl reads them, in order.
pub fn weights(c: &TestCluster, namespace: &str, name: &str) -> Vec<(String, i64)> {
    let json =
        c.kubectl().args(["get", "trafficsplit", name, "-n", namespace, "-o", "json"]).run().success().json();
    json["spec"]["backends"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["service"].as_str().unwrap().to_string(), b["weight"].as_i64().unwrap()))
        .collect()
}

pub fn pairs(list: &[(&str, i64)]) -> Vec<(String, i64)> {
    list.iter().map(|(n, w)| (n.to_string(), *w)).collect()
}

/// A TrafficSplit created with kubectl.
pub fn split(c: &TestCluster, namespace: &str, name: &str, root: &str, backends: &[(&str, i64)]) {
    let backends: Vec<String> =
        backends.iter().map(|(s, w)| format!("  - {{service: {s}, weight: {w}}}")).collect();
    c.apply(&format!(
        "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {{name: {name}, namespace: {namespace}}}\n\
         spec:\n  service: {root}\n  backends:\n{}\n",
        backends.join("\n")
    ))
    .success();
}

/// Waits until the API server says the CRDs are established. Polled rather than `kubectl wait`,
/// which fails while a CRD just created has no conditions yet.
pub fn established(c: &TestCluster, crds: &[&str]) {
    for crd in crds {
        c.wait_until(&format!("CRD {crd} established"), Duration::from_secs(60), || {
            c.kubectl()
                .args(["get", "crd", crd, "-o"])
                .arg("jsonpath={.status.conditions[?(@.type==\"Established\")].status}")
                .run()
                .stdout
                == "True"
        });
    }
}

/// Istio's VirtualService and DestinationRule CRDs (testdata/istio/crds.yaml), once per cluster.
/// The 1.20 API server's schema predates `x-kubernetes-validations`, so kubectl's client-side
/// validation is off.
pub fn istio_crds(c: &TestCluster) {
    once_per_cluster("istio", c, || {
        let crds = repo_root().join("testdata/istio/crds.yaml");
        c.kubectl().args(["apply", "--validate=false", "-f"]).arg(&crds).run().success();
        established(c, &["virtualservices.networking.istio.io", "destinationrules.networking.istio.io"]);
        // Established comes a moment before discovery lists the kinds, which kubectl apply needs.
        c.wait_until("VirtualServices served", Duration::from_secs(60), || {
            c.kubectl().args(["get", "virtualservices,destinationrules", "-A"]).run().code == 0
        });
    });
}

fn server_version(c: &TestCluster) -> String {
    let version = c.kubectl().args(["version", "-o", "json"]).run().success().json();
    format!(
        "{}.{}",
        version["serverVersion"]["major"].as_str().unwrap_or("?"),
        version["serverVersion"]["minor"].as_str().unwrap_or("?")
    )
}

/// Gateway API's HTTPRoute CRD (testdata/gateway-api/httproutes.yaml), once per cluster.
pub fn gateway_crds(c: &TestCluster) {
    once_per_cluster("gateway-api", c, || {
        let crd = repo_root().join("testdata/gateway-api/httproutes.yaml");
        // Server-side: the CRD is larger than the annotation client-side apply would keep.
        let applied = c
            .kubectl()
            .args(["apply", "--server-side", "--force-conflicts", "--validate=false", "-f"])
            .arg(&crd)
            .run();
        if applied.code != 0 {
            panic!(
                "NOT RUN: the HTTPRoute tests need the Gateway API v1.6.1 HTTPRoute CRD, which needs \
                 Kubernetes >= 1.25 (x-kubernetes-validations); this control plane is {} and refused it:\n{}\n\
                 Run them against a newer test cluster: OSM_TEST_KUBECONFIG=<its kubeconfig> cargo test --test it \
                 traffic_gateway::",
                server_version(c),
                applied.stderr
            );
        }
        established(c, &["httproutes.gateway.networking.k8s.io"]);
        c.wait_until("HTTPRoutes served", Duration::from_secs(60), || {
            c.kubectl().args(["get", "httproutes", "-A"]).run().code == 0
        });
    });
}

/// A pod as OSM's sidecar injector leaves it: the app's container and an `envoy` sidecar whose
/// admin interface is port 15000 (`proxy-admin`), labelled with `osm-proxy-uuid`, the label by
/// which osm (as the Go CLI) tells a meshed pod. The kubelet stand-in relays the admin port to a
/// loopback server of the test's (`admin`).
pub struct MeshedPod {
    pod: serde_json::Value,
}

impl MeshedPod {
    /// Pod `name` in `namespace`, label `app: name`, a fresh `osm-proxy-uuid`, container `name`
    /// (`example/NAME:v1`) beside the sidecar.
    pub fn new(namespace: &str, name: &str) -> MeshedPod {
        MeshedPod {
            pod: serde_json::json!({
                "apiVersion": "v1",
                "kind": "Pod",
                "metadata": {
                    "name": name,
                    "namespace": namespace,
                    "labels": {"app": name, "osm-proxy-uuid": unique_name("uuid")},
                    "annotations": {},
                },
                "spec": {"containers": [
                    {"name": name, "image": format!("example/{name}:v1")},
                    {"name": "envoy", "image": "envoyproxy/envoy:v1.22",
                     "ports": [{"containerPort": 15000, "name": "proxy-admin"}]},
                ]},
            }),
        }
    }

    /// The sidecar's admin interface is the loopback server on `port`.
    pub fn admin(self, port: u16) -> MeshedPod {
        self.annotation(&format!("{FORWARD_ANNOTATION_PREFIX}15000"), &format!("127.0.0.1:{port}"))
    }

    pub fn uuid(mut self, uuid: &str) -> MeshedPod {
        self.pod["metadata"]["labels"]["osm-proxy-uuid"] = uuid.into();
        self
    }

    /// Without `osm-proxy-uuid`: a pod with an Envoy container that osm must not take for meshed.
    pub fn without_uuid(mut self) -> MeshedPod {
        self.pod["metadata"]["labels"].as_object_mut().unwrap().remove("osm-proxy-uuid");
        self
    }

    pub fn label(mut self, key: &str, value: &str) -> MeshedPod {
        self.pod["metadata"]["labels"][key] = value.into();
        self
    }

    pub fn annotation(mut self, key: &str, value: &str) -> MeshedPod {
        self.pod["metadata"]["annotations"][key] = value.into();
        self
    }

    pub fn service_account(mut self, name: &str) -> MeshedPod {
        self.pod["spec"]["serviceAccountName"] = name.into();
        self
    }

    /// Fields of the app's container (`image`, `env`, `ports`, ...) set to `fields`' values.
    pub fn app_container(mut self, fields: serde_json::Value) -> MeshedPod {
        let container = self.pod["spec"]["containers"][0].as_object_mut().unwrap();
        for (key, value) in fields.as_object().expect("container fields are an object") {
            container.insert(key.clone(), value.clone());
        }
        self
    }

    /// Applied with kubectl.
    pub fn apply(&self, c: &TestCluster) {
        c.apply(&self.pod.to_string()).success();
    }
}
