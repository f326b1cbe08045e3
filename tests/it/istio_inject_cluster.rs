//! `osm istio kube-inject` reading the templates, values and mesh config from the control
//! plane's ConfigMaps, as istioctl does without the file flags: the result equals istioctl's
//! output for the same data given as files (testdata/istio-1.30.3/inject).

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/istio-1.30.3/inject")
}

fn documents(text: &str) -> Vec<Value> {
    text.split("\n---\n")
        .flat_map(|d| d.split("---\n"))
        .filter(|d| d.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')))
        .map(|d| serde_saphyr::from_str::<Value>(d).unwrap_or_else(|e| panic!("not YAML: {e}\n{d}")))
        .collect()
}

#[test]
fn configs_come_from_the_revisions_config_maps() {
    let cluster = cluster();
    let ns = cluster.namespace("istio-inject");
    let file = |name: &str| dir().join(name).display().to_string();
    cluster
        .kubectl()
        .args(["-n", &ns, "create", "configmap", "istio"])
        .arg(format!("--from-file=mesh={}", file("mesh.yaml")))
        .run()
        .success();
    cluster
        .kubectl()
        .args(["-n", &ns, "create", "configmap", "istio-sidecar-injector"])
        .arg(format!("--from-file=config={}", file("inject-config.yaml")))
        .arg(format!("--from-file=values={}", file("values.json")))
        .run()
        .success();

    for (setting, mode) in [("false", "classic"), ("true", "native")] {
        let run = cluster
            .osm()
            .env("ENABLE_NATIVE_SIDECARS", setting)
            .args(["istio", "kube-inject", "-f", &file("in/pod.yaml"), "-i", &ns])
            .run()
            .success();
        let want = std::fs::read_to_string(dir().join(format!("out/pod.{mode}.yaml"))).unwrap();
        assert_eq!(documents(&run.stdout), documents(&want), "{mode}: stderr {}", run.stderr);
    }

    // Another revision reads the ConfigMaps named after it, which do not exist here.
    cluster
        .osm()
        .args(["istio", "kube-inject", "-f", &file("in/pod.yaml"), "-i", &ns, "--revision", "canary"])
        .run()
        .code(4)
        .stderr_has("istio-canary");
}
