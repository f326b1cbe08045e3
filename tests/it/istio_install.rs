//! `osm istio install|uninstall|version` against istioctl 1.30.3's own record of what it wrote
//! (testdata/istio-1.30.3/install, see its README) and against the real local control plane.
//!
//! The rendering osm applies is istioctl's (`manifest generate --set profile=demo`, and
//! `profile=default`), each object in the component its apply request carried, in the order
//! istioctl applied them: what these tests check is the lifecycle, not the rendering.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use crate::common::fault_proxy::{FaultPlan, FaultProxy, Recorded};
use crate::common::{ADMIN_CONTEXT, TestCluster, repo_root};

/// A control plane of this module's own: an Istio install is cluster-wide (CRDs, webhooks,
/// cluster roles, the fixed namespace istio-system), and `uninstall --purge` removes every Istio
/// object of the cluster.
fn cluster() -> &'static TestCluster {
    crate::common::private_cluster("istio_install")
}
use osm::ErrorKind;
use osm::cluster::{Cluster, Settings};
use osm::model::istio::{Component, Manifest, RenderedComponent};
use osm::ops::istio::install::{self, InstallOptions, Installed};
use osm::output::Output;

fn testdata(file: &str) -> PathBuf {
    repo_root().join("testdata/istio-1.30.3/install").join(file)
}

fn read(file: &str) -> String {
    std::fs::read_to_string(testdata(file)).unwrap_or_else(|e| panic!("read {file}: {e}"))
}

fn yaml_docs(text: &str) -> Vec<Value> {
    let docs: Vec<Value> = serde_saphyr::from_multiple(text).expect("valid YAML");
    docs.into_iter().filter(|d| !d.is_null()).collect()
}

/// One row of apply-requests/index.tsv.
#[derive(Debug, Clone)]
struct Request {
    verb: String,
    path: String,
    query: String,
    content_type: String,
    body: Value,
}

fn requests() -> Vec<Request> {
    read("apply-requests/index.tsv")
        .lines()
        .skip(1)
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let text = read(&format!("apply-requests/{}", cols[5]));
            let body = if cols[5].ends_with(".json") {
                serde_json::from_str(&text).expect("JSON body")
            } else {
                yaml_docs(&text).remove(0)
            };
            Request {
                verb: cols[1].into(),
                path: cols[2].into(),
                query: cols[3].into(),
                content_type: cols[4].into(),
                body,
            }
        })
        .collect()
}

fn key(obj: &Value) -> (String, String) {
    (
        obj["kind"].as_str().unwrap_or_default().into(),
        obj["metadata"]["name"].as_str().unwrap_or_default().into(),
    )
}

fn component(label: &str) -> Component {
    match label {
        "Base" => Component::Base,
        "Pilot" => Component::Pilot,
        "IngressGateways" => Component::IngressGateways,
        "EgressGateways" => Component::EgressGateways,
        other => panic!("unexpected component {other}"),
    }
}

/// istioctl's rendering of a profile as a `Manifest`: the documents of `manifest generate`
/// (testdata `<profile>.yaml`), each in the component its apply request carried in the demo
/// install (an autoscaler in that of the Deployment it scales), in the order istioctl applied
/// them: apply-requests/index.tsv for demo, the PATCHes of
/// live/reinstall-default-over-demo.responses.log for default.
fn manifest(profile: &str) -> Manifest {
    let labelled: Vec<(Component, (String, String))> = requests()
        .into_iter()
        .filter(|r| {
            r.verb == "PATCH" && r.body["metadata"]["labels"][osm::model::istio::keys::TAG_LABEL].is_null()
        })
        .filter_map(|r| {
            let c = r.body["metadata"]["labels"]["operator.istio.io/component"].as_str()?.to_string();
            Some((component(&c), key(&r.body)))
        })
        .collect();
    let component_of = |doc: &Value| -> Component {
        let k = match doc["spec"]["scaleTargetRef"]["name"].as_str() {
            Some(target) => ("Deployment".to_string(), target.to_string()),
            None => key(doc),
        };
        labelled
            .iter()
            .find(|(_, lk)| *lk == k)
            .map(|(c, _)| *c)
            .unwrap_or_else(|| panic!("no component for {k:?}"))
    };
    let docs = yaml_docs(&read(&format!("{profile}.yaml")));
    let paths: Vec<String> = match profile {
        "demo" => requests().iter().filter(|r| r.verb == "PATCH").map(|r| r.path.clone()).collect(),
        _ => read("live/reinstall-default-over-demo.responses.log")
            .lines()
            .filter(|l| l.starts_with("verb=PATCH "))
            .filter_map(|l| l.split(" url=").nth(1))
            .filter_map(|url| url.split_once("://").and_then(|(_, rest)| rest.split_once('/')))
            .map(|(_, path)| format!("/{}", path.split('?').next().unwrap()))
            .collect(),
    };
    let ordered: Vec<&Value> = paths.iter().filter_map(|p| docs.iter().find(|d| path_of(d) == *p)).collect();
    assert_eq!(ordered.len(), docs.len(), "every object of {profile}.yaml was applied by istioctl");
    let mut components: Vec<RenderedComponent> = Vec::new();
    for c in [Component::Base, Component::Pilot, Component::IngressGateways, Component::EgressGateways] {
        let objects: Vec<Value> =
            ordered.iter().filter(|d| component_of(d) == c).map(|d| (*d).clone()).collect();
        if !objects.is_empty() {
            components.push(RenderedComponent { component: c, objects });
        }
    }
    Manifest {
        revision: "default".into(),
        namespace: "istio-system".into(),
        components,
        warnings: Vec::new(),
        operator: Value::Null,
    }
}

/// The API path of an object, as client-go and kube-rs build it.
fn path_of(obj: &Value) -> String {
    let api_version = obj["apiVersion"].as_str().unwrap();
    let kind = obj["kind"].as_str().unwrap();
    let plural = osm::cluster::plural(kind).unwrap_or_else(|| panic!("osm knows no plural of {kind}"));
    let prefix = if api_version.contains('/') {
        format!("/apis/{api_version}")
    } else {
        format!("/api/{api_version}")
    };
    let ns = obj["metadata"]["namespace"].as_str().map(|ns| format!("/namespaces/{ns}")).unwrap_or_default();
    format!("{prefix}{ns}/{plural}/{}", obj["metadata"]["name"].as_str().unwrap())
}

#[test]
fn applies_are_istioctls_writes_in_its_order() {
    let demo = manifest("demo");
    let reference = requests();
    let labelled = install::labelled(&demo);
    // The gateways go in parallel, so the reference interleaves them: each component's writes
    // keep their order, and components follow each other as istioctl's dependencies say.
    let mut seen = 0;
    for c in &labelled {
        let theirs: Vec<&Request> = reference
            .iter()
            .filter(|r| {
                r.verb == "PATCH"
                    && r.body["metadata"]["labels"]["operator.istio.io/component"] == c.component.label()
            })
            .filter(|r| r.body["metadata"]["labels"][osm::model::istio::keys::TAG_LABEL].is_null())
            .collect();
        assert_eq!(theirs.len(), c.objects.len(), "{:?}: number of writes", c.component);
        for (ours, theirs) in c.objects.iter().zip(theirs) {
            assert_eq!(path_of(ours), theirs.path);
            assert_eq!(theirs.query, "fieldManager=istio-operator&force=true");
            assert_eq!(theirs.content_type, "application/apply-patch+yaml");
            assert_eq!(*ours, theirs.body, "body of {}", theirs.path);
            seen += 1;
        }
    }
    assert_eq!(seen, 42, "writes 002-043");
    // Components in dependency order: every Base write before every Pilot write, Pilot before the gateways.
    let position = |label: &str| -> Vec<usize> {
        reference
            .iter()
            .enumerate()
            .filter(|(_, r)| r.body["metadata"]["labels"]["operator.istio.io/component"] == label)
            .filter(|(_, r)| {
                r.body["metadata"]["labels"][osm::model::istio::keys::TAG_LABEL].is_null()
                    && r.verb == "PATCH"
            })
            .map(|(i, _)| i)
            .collect()
    };
    assert!(position("Base").iter().max() < position("Pilot").iter().min());
    assert!(position("Pilot").iter().max() < position("IngressGateways").iter().min());
    assert!(position("Pilot").iter().max() < position("EgressGateways").iter().min());
}

/// osm's own rendering puts every object in the component and at the place istioctl applied it.
#[test]
fn osms_rendering_applies_in_istioctls_order() {
    for profile in ["demo", "default"] {
        let inputs = osm::model::istio::Inputs {
            files: Vec::new(),
            set: vec![format!("profile={profile}")],
            revision: None,
            force: false,
            package: osm::model::istio::manifests::Package::Builtin,
        };
        let ours = osm::model::istio::generate(&inputs).expect("render");
        let theirs = manifest(profile);
        let keys = |m: &Manifest| -> Vec<(Component, Vec<(String, String)>)> {
            m.components
                .iter()
                .filter(|c| !c.objects.is_empty())
                .map(|c| (c.component, c.objects.iter().map(key).collect()))
                .collect()
        };
        assert_eq!(keys(&ours), keys(&theirs), "{profile}: components and their order");
        for (o, t) in ours.components.iter().filter(|c| !c.objects.is_empty()).zip(&theirs.components) {
            assert_eq!(o.objects, t.objects, "{profile}: objects of {:?}", o.component);
        }
        assert_eq!((ours.revision.as_str(), ours.namespace.as_str()), ("default", "istio-system"));
    }
}

#[test]
fn default_revision_tag_objects_are_istioctls() {
    let demo = manifest("demo");
    let labelled = install::labelled(&demo);
    let ours = install::tag_objects(&demo, &labelled).unwrap();
    let reference = requests();
    let theirs: Vec<&Request> = reference[44..47].iter().collect();
    assert_eq!(ours.len(), 3);
    for (ours, theirs) in ours.iter().zip(theirs) {
        assert_eq!(theirs.verb, "PATCH");
        assert_eq!(path_of(ours), theirs.path);
        assert_eq!(theirs.query, "fieldManager=istio-operator&force=true");
        assert_eq!(*ours, theirs.body, "body of {}", theirs.path);
    }
}

#[test]
fn the_injector_is_deactivated_as_istioctl_does() {
    let reference = requests();
    let applied = reference
        .iter()
        .find(|r| {
            r.path.ends_with("mutatingwebhookconfigurations/istio-sidecar-injector") && r.verb == "PATCH"
        })
        .unwrap();
    let put = &reference[43];
    assert_eq!((put.verb.as_str(), put.content_type.as_str()), ("PUT", "application/json"));
    let ours = install::deactivated(&applied.body).expect("the rendered injector is active");
    let selectors = |o: &Value| -> Vec<(Value, Value, Value)> {
        o["webhooks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| (w["name"].clone(), w["namespaceSelector"].clone(), w["objectSelector"].clone()))
            .collect()
    };
    assert_eq!(selectors(&ours), selectors(&put.body));
    assert!(install::deactivated(&ours).is_none(), "a deactivated injector needs no second update");
}

// ---- against the real control plane ----

/// A client on `rt`: its connection pool's worker lives on the runtime that built it.
fn connect(rt: &tokio::runtime::Runtime, kubeconfig: &std::path::Path) -> Cluster {
    let settings = Settings {
        kubeconfig: Some(kubeconfig.to_path_buf()),
        context: Some(ADMIN_CONTEXT.into()),
        request_timeout: None,
    };
    rt.block_on(Cluster::connect(&settings)).expect("connect")
}

fn runtime() -> tokio::runtime::Runtime {
    osm::cluster::choose_tls_provider();
    tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap()
}

fn run_install(
    rt: &tokio::runtime::Runtime,
    c: &Cluster,
    manifest: &Manifest,
    timeout: Duration,
) -> osm::Result<Installed> {
    let out = Output::new(true, 0);
    rt.block_on(install::install(
        &out,
        c,
        manifest,
        &InstallOptions { readiness_timeout: timeout, force: false },
    ))
}

/// An object as kubectl reads it, less what the README says to ignore.
fn comparable(obj: &Value) -> Value {
    let mut o = obj.clone();
    if let Some(meta) = o["metadata"].as_object_mut() {
        for k in ["uid", "resourceVersion", "creationTimestamp", "managedFields", "generation"] {
            meta.remove(k);
        }
    }
    if let Some(map) = o.as_object_mut() {
        map.remove("status");
    }
    if o["kind"] == "Service" {
        let spec = &mut o["spec"];
        for k in ["clusterIP", "clusterIPs"] {
            if spec.get(k).is_some() {
                spec[k] = json!("<ip>");
            }
        }
        for port in spec["ports"].as_array_mut().into_iter().flatten() {
            if port.get("nodePort").is_some() {
                port["nodePort"] = json!(0);
            }
        }
    }
    for wh in o["webhooks"].as_array_mut().into_iter().flatten() {
        if let Some(cc) = wh["clientConfig"].as_object_mut() {
            cc.remove("caBundle");
        }
    }
    o
}

const KINDS: &str = "customresourcedefinitions,serviceaccounts,clusterroles,clusterrolebindings,configmaps,\
deployments,mutatingwebhookconfigurations,validatingwebhookconfigurations,roles,rolebindings,services,namespaces";

/// Every object of the reference's kinds, by (kind, namespace, name), as kubectl reads it;
/// only Istio's (names containing "istio") and the istio-system namespace's.
fn live_objects() -> BTreeMap<(String, String, String), Value> {
    let list = cluster()
        .kubectl()
        .args(["get", KINDS, "-A", "--show-managed-fields", "-o", "json"])
        .run()
        .success()
        .json();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| {
            let name = o["metadata"]["name"].as_str().unwrap_or_default();
            let ns = o["metadata"]["namespace"].as_str().unwrap_or_default();
            (ns == "istio-system" || name.contains("istio"))
                && name != "kube-root-ca.crt"
                && name != "istio-ca-root-cert"
                // The service account controller's, in every namespace.
                && !(o["kind"] == "ServiceAccount" && name == "default")
        })
        .map(|o| {
            let k = (
                o["kind"].as_str().unwrap().to_string(),
                o["metadata"]["namespace"].as_str().unwrap_or_default().to_string(),
                o["metadata"]["name"].as_str().unwrap().to_string(),
            );
            (k, o.clone())
        })
        .collect()
}

fn managers(obj: &Value) -> String {
    obj["metadata"]["managedFields"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            let sub = m["subresource"].as_str().map(|s| format!("/{s}")).unwrap_or_default();
            format!("{}/{}{sub}", m["manager"].as_str().unwrap(), m["operation"].as_str().unwrap())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn resource_versions() -> BTreeMap<(String, String, String), String> {
    live_objects()
        .into_iter()
        .map(|(k, o)| (k, o["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string()))
        .collect()
}

/// Everything carrying istioctl's component label, cluster-wide, as kubectl names it.
fn labelled_leftovers() -> Vec<String> {
    cluster().kubectl_words(&[
        "get",
        &format!("{KINDS},pods,secrets,daemonsets,poddisruptionbudgets,horizontalpodautoscalers"),
        "-A",
        "-l",
        "operator.istio.io/component",
        "-o",
        "name",
    ])
}

fn query_pairs(query: &str) -> Vec<String> {
    let mut pairs: Vec<String> = query.split('&').filter(|p| !p.is_empty()).map(str::to_string).collect();
    pairs.sort();
    pairs
}

fn body_of(r: &Recorded) -> Value {
    serde_json::from_slice(&r.body)
        .unwrap_or_else(|e| panic!("{} {}: body is not JSON ({e})", r.verb, r.path))
}

/// The writes osm sent, checked against istioctl's (apply-requests/index.tsv): the same
/// requests in the same order, each component's in render order, the gateways' interleaved as
/// their parallel installs happen to go. Two differences, by design: osm names the field
/// manager of its plain create and update (`fieldManager=istioctl`), which client-go takes from
/// istioctl's user agent, so that the objects' managers are istioctl's; and the update of the
/// injector carries the object as osm read it (its uid and resourceVersion are this cluster's).
fn assert_writes_are_istioctls(sent: &[Recorded]) {
    let writes: Vec<&Recorded> =
        sent.iter().filter(|r| r.verb != "GET" && !r.query.contains("dryRun")).collect();
    let theirs = requests();
    assert_eq!(
        writes.iter().map(|r| format!("{} {}", r.verb, r.path)).collect::<Vec<_>>().len(),
        theirs.len(),
        "number of writes: {:#?}",
        writes.iter().map(|r| format!("{} {}?{}", r.verb, r.path, r.query)).collect::<Vec<_>>()
    );
    // Same set of writes, and each one's verb, query, content type and body.
    for ours in &writes {
        let t = theirs
            .iter()
            .find(|t| t.verb == ours.verb && t.path == ours.path)
            .unwrap_or_else(|| panic!("istioctl sent no {} {}", ours.verb, ours.path));
        assert_eq!(ours.content_type, t.content_type, "{} {}", ours.verb, ours.path);
        let mut expected_query = query_pairs(&t.query);
        if ours.verb == "POST" || ours.verb == "PUT" {
            expected_query.push("fieldManager=istioctl".into());
            expected_query.sort();
        }
        assert_eq!(query_pairs(&ours.query), expected_query, "{} {}", ours.verb, ours.path);
        let body = body_of(ours);
        if ours.verb == "PUT" {
            assert_eq!(body["webhooks"], t.body["webhooks"], "the deactivated injector");
            assert_eq!(body["metadata"]["labels"], t.body["metadata"]["labels"]);
        } else {
            assert_eq!(body, t.body, "body of {} {}", ours.verb, ours.path);
        }
    }
    // Order: the sequence of writes with the gateways' two components each kept in order.
    let lane = |body: &Value, verb: &str| -> String {
        let labels = &body["metadata"]["labels"];
        match labels["operator.istio.io/component"].as_str() {
            Some(c @ ("IngressGateways" | "EgressGateways"))
                if verb == "PATCH" && labels["istio.io/tag"].is_null() =>
            {
                c.to_string()
            }
            _ => "main".to_string(),
        }
    };
    let ours_by_lane = |l: &str| -> Vec<String> {
        writes
            .iter()
            .filter(|r| lane(&body_of(r), &r.verb) == l)
            .map(|r| format!("{} {}", r.verb, r.path))
            .collect()
    };
    let theirs_by_lane = |l: &str| -> Vec<String> {
        theirs
            .iter()
            .filter(|t| lane(&t.body, &t.verb) == l)
            .map(|t| format!("{} {}", t.verb, t.path))
            .collect()
    };
    for l in ["main", "IngressGateways", "EgressGateways"] {
        assert_eq!(ours_by_lane(l), theirs_by_lane(l), "order of the {l} writes");
    }
    // The gateways' writes come between Pilot's last and the injector's deactivation.
    let position = |pred: &dyn Fn(&Recorded) -> bool| writes.iter().position(|r| pred(r)).unwrap();
    let last_pilot = writes
        .iter()
        .rposition(|r| {
            body_of(r)["metadata"]["labels"]["operator.istio.io/component"] == "Pilot"
                && r.verb == "PATCH"
                && body_of(r)["metadata"]["labels"]["istio.io/tag"].is_null()
        })
        .unwrap();
    let put = position(&|r| r.verb == "PUT");
    for (i, r) in writes.iter().enumerate() {
        if lane(&body_of(r), &r.verb) != "main" {
            assert!(last_pilot < i && i < put, "{} {} out of place", r.verb, r.path);
        }
    }
}

/// Reads every object back with kubectl and compares it with what istioctl left
/// (install-applied-demo.yaml); `skip_namespace` leaves out the Namespace, which this test
/// annotates in between. Returns the objects read.
fn assert_live_is_istioctls(skip_namespace: bool) -> BTreeMap<(String, String, String), Value> {
    let expected: Vec<Value> = yaml_docs(&read("install-applied-demo.yaml"))
        .into_iter()
        .filter(|o| !(skip_namespace && o["kind"] == "Namespace"))
        .collect();
    let live = live_objects();
    let mut missing = Vec::new();
    for want in &expected {
        let k = (
            want["kind"].as_str().unwrap().to_string(),
            want["metadata"]["namespace"].as_str().unwrap_or_default().to_string(),
            want["metadata"]["name"].as_str().unwrap().to_string(),
        );
        match live.get(&k) {
            None => missing.push(format!("{k:?}")),
            Some(got) => assert_eq!(comparable(got), comparable(want), "{k:?} differs from istioctl's"),
        }
    }
    assert!(missing.is_empty(), "missing after install: {missing:?}");
    let extra: Vec<_> = live
        .keys()
        .filter(|k| !(skip_namespace && k.0 == "Namespace"))
        .filter(|k| {
            !expected.iter().any(|w| w["kind"] == k.0.as_str() && w["metadata"]["name"] == k.2.as_str())
        })
        .collect();
    assert!(extra.is_empty(), "objects istioctl did not leave: {extra:?}");
    live
}

/// The whole lifecycle in one test: the steps share the cluster's istio-system.
#[test]
fn install_reinstall_prune_timeout_and_purge() {
    let tc = cluster();
    let pki = tc.kubeconfig.parent().expect("kubeconfig directory").join("pki");
    assert!(
        pki.join("apiserver.key").exists(),
        "{} is missing: this test records requests through a proxy serving the API server's certificate, \
         which only a scripts/dev-cluster.sh cluster keeps beside its kubeconfig",
        pki.display()
    );
    let proxy = FaultProxy::start(&tc.server(), &pki, FaultPlan::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let through_proxy = proxy.kubeconfig(&tc.kubeconfig, &tc.server(), dir.path());
    let rt = runtime();
    let c = connect(&rt, &through_proxy);
    let demo = manifest("demo");

    // 1. The demo profile: istioctl's writes, then the objects read back as istioctl left them.
    proxy.record();
    let first = run_install(&rt, &c, &demo, Duration::from_secs(120)).expect("demo install");
    assert_writes_are_istioctls(&proxy.recorded());
    assert!(first.namespace_created && !first.unchanged());
    assert!(first.pruned.is_empty(), "{:?}", first.pruned);
    assert!(first.deactivated_injector);
    let live = assert_live_is_istioctls(false);

    // 2. Field managers as istioctl's writes left them.
    for line in read("install-applied-demo.managers.tsv").lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let k = (cols[0].to_string(), cols[1].to_string(), cols[2].to_string());
        let got = live.get(&k).unwrap_or_else(|| panic!("{k:?} missing"));
        assert_eq!(managers(got), cols[3], "field managers of {k:?}");
    }

    // 3. The same install again changes nothing.
    let before = resource_versions();
    let again = run_install(&rt, &c, &demo, Duration::from_secs(120)).expect("second install");
    assert!(again.unchanged(), "second install changed: {:?}", again.changed);
    assert_eq!(resource_versions(), before, "a second install must not write");

    // 4. The control plane's version, read by the binary.
    cluster()
        .osm()
        .args(["istio", "version"])
        .run()
        .success()
        .stdout_has("client version: 1.30.3")
        .stdout_has("control plane version: 1.30.3");

    // 5. profile=default over demo: a readiness timeout first (exit 5, reason named, nothing
    // pruned), then, with ready pods, the egress gateway pruned as istioctl prunes it.
    let default = manifest("default");
    cluster()
        .kubectl()
        .args([
            "annotate",
            "namespace",
            "istio-system",
            "kubelet-standin.osm.dev/behaviour=unready",
            "--overwrite",
        ])
        .run()
        .success();
    let err = run_install(&rt, &c, &default, Duration::from_secs(5)).expect_err("pods never ready");
    eprintln!("[istio] the timeout as osm reports it:\n{err}");
    assert_eq!(err.kind, ErrorKind::Timeout, "{err}");
    assert_eq!(err.exit_code(), 5);
    assert!(err.message.contains("Istiod") && err.message.contains("istiod"), "{err}");
    assert!(err.message.contains("not ready"), "the reason is named: {err}");
    cluster()
        .kubectl()
        .args(["get", "deployment", "istio-egressgateway", "-n", "istio-system"])
        .run()
        .success();
    cluster()
        .kubectl()
        .args(["annotate", "namespace", "istio-system", "kubelet-standin.osm.dev/behaviour-"])
        .run()
        .success();
    // The stand-in leaves an unready pod as it is: remove them so that new ones come up ready.
    cluster()
        .kubectl()
        .args(["delete", "pods", "-n", "istio-system", "--all", "--wait=false"])
        .run()
        .success();
    let over = run_install(&rt, &c, &default, Duration::from_secs(120)).expect("default over demo");
    let reference_pruned: Vec<String> = read("live/reinstall-default-over-demo.stdout")
        .lines()
        .filter_map(|l| l.strip_prefix("  Removed ").and_then(|l| l.strip_suffix('.')))
        .map(str::to_string)
        .collect();
    assert_eq!(reference_pruned.len(), 5);
    assert_eq!(over.pruned, reference_pruned);
    let gone = cluster()
        .kubectl()
        .args([
            "get",
            "deployment",
            "istio-egressgateway",
            "-n",
            "istio-system",
            "--ignore-not-found",
            "-o",
            "name",
        ])
        .run()
        .success();
    assert_eq!(gone.stdout.trim(), "", "the egress gateway is pruned");

    // 6. Uninstall: no terminal and no -y refuses; --purge -y leaves nothing of Istio.
    cluster().osm().args(["istio", "uninstall", "--purge"]).run().code(4).stderr_has("-y");
    assert!(!labelled_leftovers().is_empty(), "a refused uninstall removes nothing");
    cluster().osm().args(["istio", "uninstall", "--purge", "-y"]).run().success().stdout_has("  Removed ");
    assert_eq!(labelled_leftovers(), Vec::<String>::new(), "objects left after --purge");
    let crds = cluster().kubectl_words(&["get", "crd", "-o", "name"]);
    assert!(!crds.iter().any(|c| c.contains("istio.io")), "Istio CRDs left: {crds:?}");
    cluster()
        .osm()
        .args(["istio", "uninstall", "--purge", "-y"])
        .run()
        .success()
        .stdout_has("nothing to uninstall");

    binary_commands();
}

/// The commands as users run them, osm rendering the charts itself. Called at the end of
/// the lifecycle test, since both use istio-system.
fn binary_commands() {
    let osm = || cluster().osm();
    // Bad input: refused before anything is written, exit 4.
    osm()
        .args([
            "istio",
            "install",
            "--set",
            "profile=demo",
            "--set",
            "values.pilot.resources.requests.cpu=lots",
            "-y",
        ])
        .run()
        .code(4);
    assert_eq!(labelled_leftovers(), Vec::<String>::new(), "a refused install writes nothing");
    // No terminal and no -y: refused, nothing written.
    osm().args(["istio", "install", "--set", "profile=demo"]).run().code(4).stderr_has("-y");
    // --dry-run: the writes it would make, none made.
    osm()
        .args(["istio", "install", "--set", "profile=demo", "--dry-run"])
        .run()
        .success()
        .stdout_has("apply Deployment istio-system/istiod (Pilot)")
        .stdout_has("apply Service istio-system/istiod-revision-tag-default (default revision tag)");
    assert_eq!(labelled_leftovers(), Vec::<String>::new(), "--dry-run writes nothing");

    osm()
        .args(["istio", "install", "--set", "profile=demo", "-y"])
        .run()
        .success()
        .stdout_has("installed in namespace istio-system")
        .stderr_has("✔ Installation complete");
    assert_live_is_istioctls(true);
    osm()
        .args(["istio", "verify-install", "--set", "profile=demo"])
        .run()
        .success()
        .stdout_has("✔ Deployment istio-system/istiod")
        .stdout_has("installed and verified (45 objects)");
    // The checks read what the install wrote: the revision in place, with istioctl's version
    // label (the charts' own app.kubernetes.io/version is a 1.0.0 placeholder), and a healthy
    // control plane.
    osm().args(["check", "--mesh", "istio", "--pre"]).run().success().stdout_has(
        "revision default already runs in istio-system (Istio 1.30.3): installing changes it in place",
    );
    osm()
        .args(["check", "--mesh", "istio"])
        .run()
        .success()
        .stdout_has("[ok] Istio's Deployments in istio-system are available")
        .stdout_has("[ok] the sidecar injector webhook istio-sidecar-injector exists")
        .stdout_has("CRDs exist and are established");
    let before = resource_versions();
    osm().args(["istio", "install", "--set", "profile=demo", "-y"]).run().success().stdout_has("unchanged");
    assert_eq!(resource_versions(), before, "a second install must not write");

    let run = osm()
        .args([
            "istio",
            "install",
            "--set",
            "profile=demo",
            "--set",
            "components.egressGateways[0].enabled=false",
            "-y",
        ])
        .run()
        .success();
    let removed: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("  Removed ")).collect();
    let reference = read("live/reinstall-default-over-demo.stdout");
    let expected: Vec<&str> = reference.lines().filter(|l| l.starts_with("  Removed ")).collect();
    assert_eq!(removed, expected, "the egress gateway is pruned as istioctl prunes it");

    // --revision: the control plane goes, the CRDs and Base's objects stay (as with istioctl).
    osm().args(["istio", "uninstall", "--revision", "default", "-y"]).run().success();
    let deployments = cluster().kubectl_words(&["get", "deployments", "-n", "istio-system", "-o", "name"]);
    assert_eq!(deployments, Vec::<String>::new());
    let crds = cluster().kubectl_words(&["get", "crd", "-o", "name"]);
    assert!(crds.iter().any(|c| c.contains("istio.io")), "the CRDs stay: {crds:?}");
    osm().args(["istio", "uninstall", "--purge", "-y"]).run().success();
    assert_eq!(labelled_leftovers(), Vec::<String>::new(), "objects left after --purge");
    osm()
        .args(["istio", "verify-install", "--set", "profile=demo"])
        .run()
        .code(1)
        .stdout_has("✘ Deployment istio-system/istiod: missing");
}

#[test]
fn uninstall_needs_a_revision_or_purge() {
    crate::common::osm_offline().args(["istio", "uninstall"]).run().code(2).stderr_has("--revision");
}

/// The charts' route to the tag, which a non-default revision takes, gives for the default
/// revision what istioctl applied (apply-requests 045 and 047): the same route, checked
/// where the reference has it.
#[test]
fn the_rendered_revision_tag_is_istioctls_for_the_default_revision() {
    let demo = manifest("demo");
    let labelled = install::labelled(&demo);
    let ours = install::revision_tag_objects(&demo, &labelled).unwrap();
    let reference = requests();
    for (ours, theirs) in [(&ours[0], &reference[44]), (&ours[1], &reference[45]), (&ours[2], &reference[46])]
    {
        assert_eq!(path_of(ours), theirs.path);
        assert_eq!(*ours, theirs.body, "body of {}", theirs.path);
    }
}

/// A non-default revision's tag: the chart's tag objects pointing at istiod-<revision>.
#[test]
fn a_non_default_revision_gets_a_default_tag_pointing_at_it() {
    let inputs = osm::model::istio::Inputs {
        set: vec!["profile=minimal".into(), "revision=canary".into()],
        ..Default::default()
    };
    let canary = osm::model::istio::generate(&inputs).expect("render");
    let labelled = install::labelled(&canary);
    assert!(install::tag_needed(&canary, None), "no tag yet: the install sets it");
    assert!(!install::tag_needed(&canary, Some("stable")), "a tag exists: left alone");
    let objects = install::revision_tag_objects(&canary, &labelled).unwrap();
    let names: Vec<(String, String)> = objects.iter().map(key).collect();
    assert_eq!(
        names,
        [
            ("MutatingWebhookConfiguration".to_string(), "istio-revision-tag-default".to_string()),
            ("ValidatingWebhookConfiguration".to_string(), "istiod-default-validator".to_string()),
            ("Service".to_string(), "istiod-revision-tag-default".to_string()),
        ]
    );
    for o in &objects {
        let labels = &o["metadata"]["labels"];
        assert_eq!(labels["istio.io/tag"], "default", "{:?}", key(o));
        assert_eq!(labels["istio.io/rev"], "canary", "{:?}", key(o));
        assert_eq!(labels["install.operator.istio.io/owning-resource-not-pruned"], "true", "{:?}", key(o));
    }
    for wh in
        objects[0]["webhooks"].as_array().unwrap().iter().chain(objects[1]["webhooks"].as_array().unwrap())
    {
        assert_eq!(wh["clientConfig"]["service"]["name"], "istiod-canary", "{}", wh["name"]);
    }
    // The tag's webhooks: pods of namespaces labelled istio-injection=enabled or istio.io/rev=default.
    let selects = |needle: &str| {
        objects[0]["webhooks"].as_array().unwrap().iter().any(|w| w.to_string().contains(needle))
    };
    assert!(selects("istio-injection") && selects("\"default\""), "{}", objects[0]["webhooks"]);
    assert_eq!(objects[2]["spec"]["selector"], json!({"app": "istiod", "istio.io/rev": "canary"}));
}
