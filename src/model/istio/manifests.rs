//! Istio 1.30.3's charts and profiles, embedded as istioctl embeds them
//! (manifests/manifest.go: `//go:embed all:charts/* profiles/*`). The files live under
//! `manifests/` beside this module; `build.rs` lists them.

/// `(path under manifests/, contents)`, sorted by path.
static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/istio_manifests.rs"));

/// The text of `profiles/<name>.yaml`, as `readProfileInternal` opens it
/// (operator/pkg/render/manifest.go:410-421).
pub fn profile(name: &str) -> Option<&'static str> {
    let path = format!("profiles/{name}.yaml");
    FILES.iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
}

/// The names of the embedded profiles.
pub fn profile_names() -> Vec<&'static str> {
    FILES.iter().filter_map(|(path, _)| path.strip_prefix("profiles/")?.strip_suffix(".yaml")).collect()
}

/// Every file of the chart in `charts/<dir>`, with its path relative to the chart, as
/// `loadChart` reads it (operator/pkg/helm/helm.go:152-176).
pub fn chart_files(dir: &str) -> Vec<(&'static str, &'static str)> {
    let prefix = format!("charts/{dir}/");
    FILES
        .iter()
        .filter_map(|(path, text)| path.strip_prefix(prefix.as_str()).map(|rel| (rel, *text)))
        .collect()
}

/// Where charts and profiles come from: the ones built in, or a directory's files read by the
/// caller (`--manifests`/`-d`, manifests/manifest.go `BuiltinOrDir`), with paths relative to it.
#[derive(Debug, Clone, Default)]
pub enum Package {
    #[default]
    Builtin,
    Files(Vec<(String, String)>),
}

impl Package {
    pub fn profile(&self, name: &str) -> Option<String> {
        match self {
            Package::Builtin => profile(name).map(str::to_string),
            Package::Files(files) => {
                let path = format!("profiles/{name}.yaml");
                files.iter().find(|(p, _)| *p == path).map(|(_, text)| text.clone())
            }
        }
    }

    pub fn profile_names(&self) -> Vec<String> {
        match self {
            Package::Builtin => profile_names().into_iter().map(str::to_string).collect(),
            Package::Files(files) => files
                .iter()
                .filter_map(|(path, _)| {
                    Some(path.strip_prefix("profiles/")?.strip_suffix(".yaml")?.to_string())
                })
                .collect(),
        }
    }

    pub fn chart_files(&self, dir: &str) -> Vec<(String, String)> {
        match self {
            Package::Builtin => {
                chart_files(dir).into_iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
            }
            Package::Files(files) => {
                let prefix = format!("charts/{dir}/");
                files
                    .iter()
                    .filter_map(|(path, text)| {
                        Some((path.strip_prefix(prefix.as_str())?.to_string(), text.clone()))
                    })
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_and_profiles_of_istio_are_embedded() {
        let mut names = profile_names();
        names.sort();
        assert_eq!(
            names,
            [
                "ambient",
                "default",
                "demo",
                "empty",
                "minimal",
                "openshift",
                "openshift-ambient",
                "preview",
                "remote",
                "stable"
            ]
        );
        let base = chart_files("base");
        assert!(base.iter().any(|(p, _)| *p == "Chart.yaml"));
        assert!(base.iter().any(|(p, _)| *p == "templates/zzz_profile.yaml"));
        assert!(
            chart_files("istio-control/istio-discovery")
                .iter()
                .any(|(p, _)| *p == "files/injection-template.yaml")
        );
    }
}
