//! One chart rendered as istioctl renders it (operator/pkg/helm/helm.go at 1.30.3): the embedded
//! chart, release name `istio`, the component's namespace, Kubernetes 1.32 as the capabilities'
//! version, the chart's values.yaml under the given values; the files sorted by name, notes
//! dropped, each split into documents and parsed, documents without a kind dropped.

use serde_json::Value;

use super::generate::split_documents;
use super::{manifests, values};
use crate::error::{Error, Result};

/// `renderChart`'s release name (helm.go:45-46, manifest.go:80).
const RELEASE_NAME: &str = "istio";

/// `k8sversion.MinK8SVersion` (istioctl/pkg/install/k8sversion/version.go:31): without a cluster
/// the capabilities say Kubernetes 1.32.0 (helm.go:78-80).
pub const KUBE_VERSION: &str = "v1.32.0";

/// `helm.Render` (helm.go:46-62) and `renderChart` (helm.go:70-133).
pub fn render(helm_subdir: &str, namespace: &str, chart_values: &Value) -> Result<Vec<Value>> {
    let files: Vec<(String, String)> = manifests::chart_files(helm_subdir)
        .into_iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect();
    if files.is_empty() {
        return Err(Error::failed(format!("load chart: component does not exist (charts/{helm_subdir})")));
    }
    // chartutil.ToRenderValues coalesces the chart's values.yaml under the given values
    // (helm.go:89); Helm reads values.yaml as sigs.k8s.io/yaml does, numbers as floats.
    let defaults = files
        .iter()
        .find(|(path, _)| path == "values.yaml")
        .map(|(_, text)| values::from_yaml(text))
        .transpose()
        .map_err(|e| Error::failed(format!("charts/{helm_subdir}/values.yaml: {e}")))?
        .unwrap_or(Value::Object(Default::default()));
    let rendered = engine::render(&files, &defaults, chart_values, namespace)
        .map_err(|e| Error::failed(format!("helm render: render chart: {e}")))?;
    let mut rendered: Vec<(String, String)> =
        rendered.into_iter().filter(|(name, _)| !name.ends_with(".txt")).collect();
    rendered.sort_by(|a, b| a.0.cmp(&b.0));
    let mut objects = Vec::new();
    for (name, text) in rendered {
        for document in split_documents(&text) {
            // sigs.k8s.io/yaml reads the first document of the text, so a last line `---` (no
            // newline after it, which SplitString keeps) starts a document nobody reads.
            let parsed: Vec<Value> = serde_saphyr::from_str_multiple(&document)
                .map_err(|e| Error::failed(format!("helm render: {name} rendered invalid YAML: {e}")))?;
            let parsed = parsed.into_iter().next().unwrap_or(Value::Null);
            // manifest.Parse (operator/pkg/manifest/manifest.go:88-102) drops what has no kind.
            if parsed.get("kind").and_then(Value::as_str).is_none_or(str::is_empty) {
                continue;
            }
            objects.push(parsed);
        }
    }
    // Charts with a crds/ directory add those after the templates (helm.go:99-130); none of the
    // charts istioctl renders has one.
    Ok(objects)
}

/// The template engine boundary: Helm's engine over the chart's files.
mod engine {
    use serde_json::Value;

    /// `chartutil.ToRenderValues` and `engine.Render` (helm.go:89-97): `.Values` is the chart's
    /// values.yaml coalesced under `chart_values`; `.Release` is istioctl's `ReleaseOptions`
    /// with only a name and a namespace, so its revision is 0 and it is not an upgrade.
    pub fn render(
        files: &[(String, String)],
        defaults: &Value,
        chart_values: &Value,
        namespace: &str,
    ) -> Result<Vec<(String, String)>, String> {
        let chart = gotemplate::Chart { files: files.to_vec() };
        let values = gotemplate::coalesce_values(defaults, chart_values);
        let options = gotemplate::RenderOptions {
            release_name: super::RELEASE_NAME.to_string(),
            namespace: namespace.to_string(),
            kube_version: super::KUBE_VERSION.to_string(),
            is_upgrade: false,
            revision: 0,
        };
        gotemplate::render_chart(&chart, &values, &options).map_err(|e| e.to_string())
    }
}
