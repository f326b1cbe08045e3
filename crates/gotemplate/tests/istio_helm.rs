//! Istio's own Helm rendering tests (operator/pkg/helm/helm_test.go at 1.30.3): each input holds
//! values for a chart, each golden file is what Helm rendered for the selected objects. The charts
//! and both sides are copied from Istio's 1.30.3 tag into testdata/istio-1.30.3 (see its README).

use std::path::{Path, PathBuf};

use gotemplate::{Chart, RenderOptions, coalesce_values, render_chart};
use serde_json::Value;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-1.30.3")
}

fn load_chart(dir: &Path) -> Chart {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    Chart { files }
}

/// The YAML documents of a stream, parsed, without empty ones (Istio's yml.SplitString then
/// manifest.Parse).
fn documents(text: &str) -> Vec<Value> {
    let mut docs = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("---") {
            docs.push(std::mem::take(&mut cur));
        } else {
            cur.push_str(line);
        }
    }
    docs.push(cur);
    docs.into_iter()
        .filter(|d| !d.trim().is_empty())
        .map(|d| serde_saphyr::from_str::<Value>(&d).unwrap_or_else(|e| panic!("bad YAML {e}:\n{d}")))
        .filter(|v| !v.is_null())
        .collect()
}

/// operatortest.FilterManifest with a "Kind:namespace:name" selector whose namespace is `*`.
fn select(docs: Vec<Value>, selector: &str) -> Vec<Value> {
    let parts: Vec<&str> = selector.split(':').collect();
    docs.into_iter()
        .filter(|d| {
            d["kind"].as_str() == Some(parts[0])
                && (parts[1] == "*" || d["metadata"]["namespace"].as_str() == Some(parts[1]))
                && d["metadata"]["name"].as_str() == Some(parts[2])
        })
        .collect()
}

fn case(desc: &str, release: &str, namespace: &str, chart: &str, select_by: &str, upgrade: bool) {
    let td = testdata();
    let chart_dir = td.join("charts").join(chart);
    let chart = load_chart(&chart_dir);
    let input = std::fs::read_to_string(td.join("helm/input").join(format!("{desc}.yaml"))).unwrap();
    let input: Value =
        if input.trim().is_empty() { Value::Null } else { serde_saphyr::from_str(&input).unwrap() };
    let vals = input.pointer("/spec/values").cloned().unwrap_or(Value::Object(Default::default()));
    let defaults_text = std::fs::read_to_string(chart_dir.join("values.yaml")).unwrap();
    let defaults: Value = serde_saphyr::from_str(&defaults_text).unwrap();
    // chartutil.ToRenderValues coalesces the chart's values.yaml under the given values.
    let values = coalesce_values(&defaults, &vals);
    let opts = RenderOptions {
        release_name: release.into(),
        namespace: namespace.into(),
        // helm_test.go: "1." + k8sversion.MinK8SVersion (32) + ".0".
        kube_version: "v1.32.0".into(),
        // helm_test.go: IsUpgrade: isUpgrade, IsInstall: !isUpgrade.
        is_install: !upgrade,
        is_upgrade: upgrade,
        // chartutil.ReleaseOptions{} leaves Revision at 0.
        revision: 0,
    };
    let rendered = render_chart(&chart, &values, &opts).unwrap_or_else(|e| panic!("{desc}: {e}"));
    let mut all = Vec::new();
    for (path, text) in &rendered {
        if path.ends_with("NOTES.txt") {
            continue;
        }
        all.extend(documents(text));
    }
    let got = select(all, select_by);
    let golden = std::fs::read_to_string(td.join("helm/output").join(format!("{desc}.golden.yaml"))).unwrap();
    let want = documents(&golden);
    assert_eq!(
        got,
        want,
        "{desc}: got\n{}\nwant\n{}",
        serde_json::to_string_pretty(&got).unwrap(),
        serde_json::to_string_pretty(&want).unwrap()
    );
}

macro_rules! cases {
    ($($name:ident: $desc:literal, $release:literal, $ns:literal, $chart:literal, $select:literal, $upgrade:literal;)*) => {
        $(
            #[test]
            fn $name() {
                case($desc, $release, $ns, $chart, $select, $upgrade);
            }
        )*
    };
}

cases! {
    gateway_deployment: "gateway-deployment", "istio-ingress", "istio-ingress", "gateway", "Deployment:*:istio-ingress", false;
    gateway_env_var_from: "gateway-env-var-from", "istio-ingress", "istio-ingress", "gateway", "Deployment:*:istio-ingress", false;
    gateway_additional_containers: "gateway-additional-containers", "istio-ingress", "istio-ingress", "gateway", "Deployment:*:istio-ingress", false;
    gateway_init_containers: "gateway-init-containers", "istio-ingress", "istio-ingress", "gateway", "Deployment:*:istio-ingress", false;
    gateway_service_selector_labels: "gateway-service-selector-labels", "istio-ingress", "istio-ingress", "gateway", "Service:*:istio-ingress", false;
    istiod_traffic_distribution: "istiod-traffic-distribution", "istiod", "istio-system", "istio-control/istio-discovery", "Service:*:istiod", false;
    istiod_pdb_default: "istiod-pdb-default", "istiod", "istio-system", "istio-control/istio-discovery", "PodDisruptionBudget:*:istiod", false;
    istiod_pdb_max_unavailable: "istiod-pdb-max-unavailable", "istiod", "istio-system", "istio-control/istio-discovery", "PodDisruptionBudget:*:istiod", false;
    istiod_pdb_unhealthy_pod_eviction_policy: "istiod-pdb-unhealthy-pod-eviction-policy", "istiod", "istio-system", "istio-control/istio-discovery", "PodDisruptionBudget:*:istiod", false;
    istiod_pdb_2replicas: "istiod-pdb-2replicas", "istiod", "istio-system", "istio-control/istio-discovery", "PodDisruptionBudget:*:istiod", false;
    istiod_pdb_autoscale_min2: "istiod-pdb-autoscaleMin2", "istiod", "istio-system", "istio-control/istio-discovery", "PodDisruptionBudget:*:istiod", false;
    gateway_pdb_default: "gateway-pdb-default", "istio-ingress", "istio-ingress", "gateway", "PodDisruptionBudget:*:istio-ingress", false;
    gateway_pdb_2replicas: "gateway-pdb-2replicas", "istio-ingress", "istio-ingress", "gateway", "PodDisruptionBudget:*:istio-ingress", false;
    gateway_pdb_autoscale_min2: "gateway-pdb-autoscaleMin2", "istio-ingress", "istio-ingress", "gateway", "PodDisruptionBudget:*:istio-ingress", false;
    gateway_service_default: "gateway-service-default", "istio-ingress", "istio-ingress", "gateway", "Service:*:istio-ingress", false;
    gateway_network_gateway_default: "gateway-network-gateway-default", "istio-eastwest", "istio-system", "gateway", "Service:*:istio-eastwest", false;
    gateway_network_gateway_port_override: "gateway-network-gateway-port-override", "istio-eastwest", "istio-system", "gateway", "Service:*:istio-eastwest", false;
    ztunnel_dns_config: "ztunnel-dns-config", "ztunnel", "istio-system", "ztunnel", "DaemonSet:*:ztunnel", false;
    istiod_webhook_install: "istiod-webhook-install", "istiod", "istio-system", "istio-control/istio-discovery", "ValidatingWebhookConfiguration:*:istio-validator-istio-system", false;
    istiod_webhook_upgrade: "istiod-webhook-upgrade", "istiod", "istio-system", "istio-control/istio-discovery", "ValidatingWebhookConfiguration:*:istio-validator-istio-system", true;
    istiod_webhook_failure_policy: "istiod-webhook-failure-policy", "istiod", "istio-system", "istio-control/istio-discovery", "ValidatingWebhookConfiguration:*:istio-validator-istio-system", false;
    istiod_webhook_upgrade_failure_policy: "istiod-webhook-upgrade-failure-policy", "istiod", "istio-system", "istio-control/istio-discovery", "ValidatingWebhookConfiguration:*:istio-validator-istio-system", true;
    base_webhook_install: "base-webhook-install", "istio-base", "istio-system", "base", "ValidatingWebhookConfiguration:*:istiod-default-validator", false;
    base_webhook_upgrade: "base-webhook-upgrade", "istio-base", "istio-system", "base", "ValidatingWebhookConfiguration:*:istiod-default-validator", true;
    base_webhook_failure_policy: "base-webhook-failure-policy", "istio-base", "istio-system", "base", "ValidatingWebhookConfiguration:*:istiod-default-validator", false;
    base_webhook_upgrade_failure_policy: "base-webhook-upgrade-failure-policy", "istio-base", "istio-system", "base", "ValidatingWebhookConfiguration:*:istiod-default-validator", true;
    istiod_webhook_upgrade_ignore: "istiod-webhook-upgrade-ignore", "istiod", "istio-system", "istio-control/istio-discovery", "ValidatingWebhookConfiguration:*:istio-validator-istio-system", true;
    base_webhook_upgrade_ignore: "base-webhook-upgrade-ignore", "istio-base", "istio-system", "base", "ValidatingWebhookConfiguration:*:istiod-default-validator", true;
    istiod_webhook_cabundle_policy: "istiod-webhook-cabundle-policy", "istiod", "istio-system", "istio-control/istio-discovery", "ValidatingWebhookConfiguration:*:istio-validator-istio-system", false;
    base_webhook_cabundle_policy: "base-webhook-cabundle-policy", "istio-base", "istio-system", "base", "ValidatingWebhookConfiguration:*:istiod-default-validator", false;
}
