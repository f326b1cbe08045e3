//! Namespace membership: what the mesh keys on a namespace say, and which names are acceptable.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::Namespace;
use kube::ResourceExt;
use serde::Serialize;

use crate::error::{Error, Result};

use super::osm::keys::{IGNORE_LABEL, METRICS_ANNOTATION, MONITORED_BY_LABEL, SIDECAR_INJECTION_ANNOTATION};

/// The mesh keys of one namespace, as read from the cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// The mesh that monitors the namespace, if any.
    pub mesh: Option<String>,
    /// The sidecar-injection annotation's value, if set.
    pub sidecar_injection: Option<String>,
    pub metrics: bool,
    pub ignored: bool,
}

impl Membership {
    /// What the mesh keys on a namespace say: what every namespace command compares with the wanted
    /// state to decide whether anything needs writing.
    pub fn of(namespace: &Namespace) -> Self {
        Self::from_maps(namespace.labels(), namespace.annotations())
    }

    /// The reading itself, on bare maps. An empty monitored-by label is no mesh; metrics and ignore
    /// count only with the values osm writes (`enabled`, `true`).
    pub fn from_maps(labels: &BTreeMap<String, String>, annotations: &BTreeMap<String, String>) -> Self {
        Membership {
            mesh: labels.get(MONITORED_BY_LABEL).filter(|m| !m.is_empty()).cloned(),
            sidecar_injection: annotations.get(SIDECAR_INJECTION_ANNOTATION).cloned(),
            metrics: annotations.get(METRICS_ANNOTATION).is_some_and(|v| v == "enabled"),
            ignored: labels.get(IGNORE_LABEL).is_some_and(|v| v == "true"),
        }
    }

    /// The injection setting as `namespace list` shows it.
    pub fn injection_display(&self) -> String {
        if self.ignored {
            return "disabled (ignored)".to_string();
        }
        match self.sidecar_injection.as_deref() {
            Some(value) if !value.is_empty() => value.to_string(),
            _ => "disabled".to_string(),
        }
    }
}

/// How a namespace takes part in Istio, from its labels: `None` when it does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum IstioInjection {
    /// `istio-injection=enabled`: the default revision injects.
    Enabled,
    /// `istio.io/rev=REV`: that revision injects.
    Revision(String),
}

impl IstioInjection {
    /// `istio-injection` wins over `istio.io/rev`, as in Istio's injection webhook selectors.
    pub fn from_labels(labels: &BTreeMap<String, String>) -> Option<Self> {
        match labels.get(super::istio::keys::INJECTION_LABEL).map(String::as_str) {
            Some("enabled") => Some(IstioInjection::Enabled),
            Some(_) => None,
            None => {
                labels.get(super::istio::keys::REV_LABEL).map(|rev| IstioInjection::Revision(rev.clone()))
            }
        }
    }

    /// The label changes (a `null` removes one) for `wanted`: `None` the default revision, `Some(rev)` a
    /// revision. Each removes the other label, since `istio-injection` wins over `istio.io/rev`.
    pub fn labels_patch(wanted: Option<&str>) -> serde_json::Value {
        use super::istio::keys as istio_keys;
        match wanted {
            None => {
                serde_json::json!({ istio_keys::INJECTION_LABEL: "enabled", istio_keys::REV_LABEL: null })
            }
            Some(rev) => serde_json::json!({ istio_keys::INJECTION_LABEL: null, istio_keys::REV_LABEL: rev }),
        }
    }

    /// How `namespace add --mesh istio` words the state in its result line (`enabled (revision canary)`).
    pub fn display(&self) -> String {
        match self {
            IstioInjection::Enabled => "enabled".to_string(),
            IstioInjection::Revision(rev) => format!("enabled (revision {rev})"),
        }
    }
}

/// The injection annotation value `namespace add` writes.
pub fn injection_value(disable_sidecar_injection: bool) -> &'static str {
    if disable_sidecar_injection { "disabled" } else { "enabled" }
}

/// Why a name cannot be a namespace (RFC 1123 label: lower-case alphanumerics and '-', starting
/// and ending alphanumeric, at most 63 characters), or `None` when it can.
pub fn dns1123_label_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("it is empty".into());
    }
    if name.len() > 63 {
        return Some(format!("it is {} characters long; at most 63 are allowed", name.len()));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        return Some(format!("{bad:?} is not allowed: use lower-case letters, digits and '-'"));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("it must start and end with a letter or digit".into());
    }
    None
}

/// Refuses (exit 4) when any name cannot be a namespace, naming every bad one.
pub fn validate_names(names: &[String]) -> Result<()> {
    let problems: Vec<String> =
        names.iter().filter_map(|n| dns1123_label_problem(n).map(|why| format!("[{n}]: {why}"))).collect();
    if problems.is_empty() {
        return Ok(());
    }
    Err(Error::invalid(format!("invalid namespace name {}; nothing was changed", problems.join("; ")))
        .with_hint("namespace names are DNS-1123 labels, e.g. bookstore or book-store-2"))
}

/// Splits `--namespace a,b --namespace c` and positional names into one list, keeping the
/// first occurrence of each.
pub fn flatten_names<'a>(values: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for value in values {
        for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn istio_injection_from_labels() {
        let labels = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        assert_eq!(
            IstioInjection::from_labels(&labels(&[("istio-injection", "enabled")])),
            Some(IstioInjection::Enabled)
        );
        assert_eq!(
            IstioInjection::from_labels(&labels(&[("istio.io/rev", "canary")])),
            Some(IstioInjection::Revision("canary".into()))
        );
        assert_eq!(
            IstioInjection::from_labels(&labels(&[("istio-injection", "disabled"), ("istio.io/rev", "x")])),
            None
        );
        assert_eq!(IstioInjection::from_labels(&labels(&[])), None);
        assert_eq!(
            IstioInjection::labels_patch(Some("1-24")),
            serde_json::json!({"istio-injection": null, "istio.io/rev": "1-24"})
        );
    }

    #[test]
    fn dns1123_labels() {
        assert_eq!(dns1123_label_problem("bookstore"), None);
        assert_eq!(dns1123_label_problem("a-1"), None);
        assert!(dns1123_label_problem("Bookstore").unwrap().contains("'B'"));
        assert!(dns1123_label_problem("book_store").unwrap().contains("'_'"));
        assert!(dns1123_label_problem("-x").unwrap().contains("start and end"));
        assert!(dns1123_label_problem("x-").is_some());
        assert!(dns1123_label_problem("").is_some());
        assert!(dns1123_label_problem(&"a".repeat(64)).unwrap().contains("64"));
        assert_eq!(dns1123_label_problem(&"a".repeat(63)), None);
    }

    #[test]
    fn membership_reads_keys() {
        let labels = BTreeMap::from([
            (MONITORED_BY_LABEL.to_string(), "osm".to_string()),
            (IGNORE_LABEL.to_string(), "true".to_string()),
        ]);
        let annotations = BTreeMap::from([
            (SIDECAR_INJECTION_ANNOTATION.to_string(), "enabled".to_string()),
            (METRICS_ANNOTATION.to_string(), "enabled".to_string()),
        ]);
        let m = Membership::from_maps(&labels, &annotations);
        assert_eq!(m.mesh.as_deref(), Some("osm"));
        assert!(m.metrics && m.ignored);
        assert_eq!(m.injection_display(), "disabled (ignored)");
        let plain = Membership::from_maps(&BTreeMap::new(), &BTreeMap::new());
        assert_eq!(plain.mesh, None);
        assert_eq!(plain.injection_display(), "disabled");
    }

    #[test]
    fn names_are_split_and_deduplicated() {
        let values = vec!["a,b".to_string(), "c".to_string(), "a, d".to_string()];
        assert_eq!(flatten_names(&values), vec!["a", "b", "c", "d"]);
    }
}
