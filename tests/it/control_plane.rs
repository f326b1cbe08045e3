//! The local control plane itself: custom resources work end to end (the reflect2 fix), and the
//! kubelet stand-in drives Deployments to Available or leaves chosen pods unready.

use std::time::Duration;

use crate::common::*;
use futures::{StreamExt, TryStreamExt};
use kube::api::{Api, DynamicObject, ListParams, PostParams, WatchEvent, WatchParams};
use kube::core::{ApiResource, GroupVersionKind};

fn client() -> kube::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let kubeconfig = kube::config::Kubeconfig::read_from(&cluster().kubeconfig).unwrap();
    let rt = tokio::runtime::Handle::current();
    let config = tokio::task::block_in_place(|| {
        rt.block_on(kube::Config::from_custom_kubeconfig(kubeconfig, &Default::default()))
    })
    .unwrap();
    kube::Client::try_from(config).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn custom_resources_can_be_written_listed_and_watched() {
    let c = cluster();
    let group = format!("{}.osm.test", unique_name("crd").replace('-', ""));
    c.apply(&format!(
        r#"apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {{name: gadgets.{group}}}
spec:
  group: {group}
  names: {{kind: Gadget, plural: gadgets}}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {{type: object, properties: {{size: {{type: integer}}}}}}
"#
    ))
    .success();
    c.kubectl()
        .args(["wait", "--for=condition=Established", "--timeout=30s", &format!("crd/gadgets.{group}")])
        .run()
        .success();
    let ns = c.namespace("crd");
    let gvk = GroupVersionKind::gvk(&group, "v1", "Gadget");
    let ar = ApiResource::from_gvk_with_plural(&gvk, "gadgets");
    let api: Api<DynamicObject> = Api::namespaced_with(client(), &ns, &ar);

    let mut watch = api.watch(&WatchParams::default(), "0").await.unwrap().boxed();
    let obj: DynamicObject = serde_json::from_value(serde_json::json!({
        "apiVersion": format!("{group}/v1"), "kind": "Gadget",
        "metadata": {"name": "g1"}, "spec": {"size": 3}
    }))
    .unwrap();
    // This first write is what crashed an API server built with the old reflect2.
    api.create(&PostParams::default(), &obj).await.unwrap();
    let list = api.list(&ListParams::default()).await.unwrap();
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].data["spec"]["size"], 3);
    // Newer API servers may send a bookmark first; it carries no object.
    let event = loop {
        let event = tokio::time::timeout(Duration::from_secs(20), watch.try_next()).await.unwrap().unwrap();
        if !matches!(event, Some(WatchEvent::Bookmark(_))) {
            break event;
        }
    };
    match event {
        Some(WatchEvent::Added(o)) => assert_eq!(o.metadata.name.as_deref(), Some("g1")),
        other => panic!("expected an Added event, got {other:?}"),
    }
    // And real kubectl reads it back.
    let run =
        c.kubectl().args(["get", "gadgets", "-n", &ns, "g1", "-o", "jsonpath={.spec.size}"]).run().success();
    assert_eq!(run.stdout, "3");
}

fn deployment(name: &str, replicas: u32, annotations: &str) -> String {
    format!(
        r#"apiVersion: apps/v1
kind: Deployment
metadata: {{name: {name}}}
spec:
  replicas: {replicas}
  selector: {{matchLabels: {{app: {name}}}}}
  template:
    metadata:
      labels: {{app: {name}}}
      annotations: {{{annotations}}}
    spec:
      containers: [{{name: app, image: "example/{name}:v1"}}]
"#
    )
}

#[test]
fn standin_makes_a_two_replica_deployment_available() {
    let c = cluster();
    let ns = c.namespace("standin");
    c.kubectl().args(["apply", "-n", &ns, "-f", "-"]).stdin(deployment("web", 2, "")).run().success();
    c.kubectl()
        .args(["wait", "-n", &ns, "--for=condition=Available", "--timeout=60s", "deployment/web"])
        .run()
        .success();
    let run = c
        .kubectl()
        .args(["get", "deploy", "web", "-n", &ns, "-o", "jsonpath={.status.availableReplicas}"])
        .run()
        .success();
    assert_eq!(run.stdout, "2");
    let pods = c.kubectl().args(["get", "pods", "-n", &ns, "-o", "json"]).run().success().json();
    let items = pods["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    for pod in items {
        assert_eq!(pod["status"]["phase"], "Running");
        assert_eq!(pod["spec"]["nodeName"], "osm-dev-node");
    }
    // Deleting a pod completes (the stand-in confirms graceful deletion) and the ReplicaSet replaces it.
    let name = items[0]["metadata"]["name"].as_str().unwrap().to_string();
    c.kubectl().args(["delete", "pod", "-n", &ns, &name, "--timeout=30s"]).run().success();
    c.kubectl()
        .args(["wait", "-n", &ns, "--for=condition=Available", "--timeout=60s", "deployment/web"])
        .run()
        .success();
}

#[test]
fn a_pod_marked_failing_stays_unready() {
    let c = cluster();
    let ns = c.namespace("standin-fail");
    let annotation = "kubelet-standin.osm.dev/behaviour: crashloop";
    c.kubectl()
        .args(["apply", "-n", &ns, "-f", "-"])
        .stdin(deployment("broken", 1, annotation))
        .run()
        .success();
    c.wait_until("the pod to get a status", Duration::from_secs(30), || {
        let run = c.kubectl().args(["get", "pods", "-n", &ns, "-o", "json"]).run();
        let json = run.json();
        json["items"][0]["status"]["containerStatuses"][0]["state"]["waiting"]["reason"] == "CrashLoopBackOff"
    });
    std::thread::sleep(Duration::from_secs(2));
    let pods = c.kubectl().args(["get", "pods", "-n", &ns, "-o", "json"]).run().success().json();
    let ready = pods["items"][0]["status"]["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "Ready")
        .cloned()
        .unwrap();
    assert_eq!(ready["status"], "False");
    let run = c
        .kubectl()
        .args(["get", "deploy", "broken", "-n", &ns, "-o", "jsonpath={.status.availableReplicas}"])
        .run()
        .success();
    assert_eq!(run.stdout, "", "a crash-looping pod must not count as available");
}
