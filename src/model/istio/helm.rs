//! One chart rendered as istioctl renders it (operator/pkg/helm/helm.go at 1.30.3): the embedded
//! chart, release name `istio`, the component's namespace, Kubernetes 1.32 as the capabilities'
//! version, the chart's values.yaml under the given values; the files sorted by name, notes
//! dropped, each split into documents and parsed, documents without a kind dropped.

use serde_json::Value;

use super::generate::split_documents;
use super::values;
use crate::error::{Error, Result};

/// `renderChart`'s release name (helm.go:45-46, manifest.go:80).
const RELEASE_NAME: &str = "istio";

/// `k8sversion.MinK8SVersion` (istioctl/pkg/install/k8sversion/version.go:31): without a cluster
/// the capabilities say Kubernetes 1.32.0 (helm.go:78-80).
pub const KUBE_VERSION: &str = "v1.32.0";

/// `helm.Render` (helm.go:46-62) and `renderChart` (helm.go:70-133).
pub fn render(
    helm_subdir: &str,
    files: Vec<(String, String)>,
    namespace: &str,
    chart_values: &Value,
) -> Result<Vec<Value>> {
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
            let parsed = parse_trimmed_document(&document)
                .map_err(|e| Error::failed(format!("helm render: {name} rendered invalid YAML: {e}")))?;
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

/// `yml.SplitString` trims each document, so a block scalar (`key: |`) that ends the document
/// loses its last line break, and sigs.k8s.io/yaml then reads the string without one, where
/// serde_saphyr reads it with one. Parsing the document again with a marker after its last
/// character finds the string that ends the document; if the parser gave it a final break,
/// that break is the one Go does not see.
fn parse_trimmed_document(document: &str) -> std::result::Result<Value, String> {
    let first = |text: &str| -> std::result::Result<Value, String> {
        let parsed: Vec<Value> = serde_saphyr::from_str_multiple(text).map_err(|e| e.to_string())?;
        Ok(parsed.into_iter().next().unwrap_or(Value::Null))
    };
    let mut parsed = first(document)?;
    const MARKER: &str = "\u{E000}";
    if let Ok(marked) = first(&format!("{document}{MARKER}"))
        && let Some(path) = find_marker(&marked, MARKER, &mut Vec::new())
        && let Some(Value::String(text)) = value_at(&marked, &path)
        && text.ends_with(&format!("{MARKER}\n"))
        && let Some(Value::String(original)) = value_at_mut(&mut parsed, &path)
        && original.ends_with('\n')
    {
        original.pop();
    }
    Ok(parsed)
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn find_marker(value: &Value, marker: &str, path: &mut Vec<Step>) -> Option<Vec<Step>> {
    match value {
        Value::String(text) if text.contains(marker) => Some(path.clone()),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            path.push(Step::Index(index));
            let found = find_marker(item, marker, path);
            path.pop();
            found
        }),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            path.push(Step::Key(key.clone()));
            let found = find_marker(item, marker, path);
            path.pop();
            found
        }),
        _ => None,
    }
}

fn value_at<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |current, step| match step {
        Step::Key(key) => current.get(key),
        Step::Index(index) => current.get(index),
    })
}

fn value_at_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |current, step| match step {
        Step::Key(key) => current.get_mut(key),
        Step::Index(index) => current.get_mut(index),
    })
}

/// The template engine boundary: Helm's engine over the chart's files.
mod engine {
    use serde_json::Value;

    /// `chartutil.ToRenderValues` and `engine.Render` (helm.go:89-97): `.Values` is the chart's
    /// values.yaml coalesced under `chart_values`; `.Release` is istioctl's `ReleaseOptions`
    /// with only a name and a namespace, so its revision is 0 and it is neither an install nor an
    /// upgrade.
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
            is_install: false,
            revision: 0,
        };
        gotemplate::render_chart(&chart, &values, &options).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_scalar_that_ends_a_trimmed_document_has_no_final_break() {
        let parsed = parse_trimmed_document("a:\n  b: |\n    x\n    c: |\n      y\n    z").unwrap();
        assert_eq!(parsed["a"]["b"], "x\nc: |\n  y\nz");
        let parsed = parse_trimmed_document("a:\n  b: |\n    x\n  c: d").unwrap();
        assert_eq!(parsed["a"]["b"], "x\n");
        assert_eq!(parsed["a"]["c"], "d");
        let parsed = parse_trimmed_document("a: 1\n---").unwrap();
        assert_eq!(parsed["a"], 1);
    }
}
