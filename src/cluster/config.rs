use std::path::{Path, PathBuf};

use kube::Config;
use kube::config::{KubeConfigOptions, Kubeconfig};

use crate::error::{Error, Result};
use crate::model::input::{Input, Remedy};

pub(super) struct Loaded {
    pub config: Config,
    pub context: Option<String>,
    pub user: Option<String>,
}

/// The merged kubeconfig and the files it came from, for messages.
struct Source {
    kubeconfig: Kubeconfig,
    files: Vec<PathBuf>,
}

pub(super) async fn load(global: &super::Settings) -> Result<Loaded> {
    let source = match &global.kubeconfig {
        Some(path) => Some(Source { kubeconfig: read_file(path)?, files: vec![path.clone()] }),
        None => from_env_or_home()?,
    };
    let Some(source) = source else {
        if let Some(context) = &global.context {
            return Err(Error::invalid(format!(
                "{} {context} was given, but there is no kubeconfig to find it in",
                Input::Context
            ))
            .with_hint(format!("pass {} PATH or set KUBECONFIG", Input::Kubeconfig)));
        }
        let config = Config::incluster().map_err(|e| {
            Error::cluster(format!(
                "no cluster is configured: no {}, KUBECONFIG is unset, ~/.kube/config does not exist, \
                 and this is not a pod ({e})",
                Input::Kubeconfig
            ))
            .with_hint(Remedy::CheckKubeconfigSetup)
        })?;
        return Ok(Loaded { config, context: None, user: None });
    };
    let files = source.files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    let context_name = match &global.context {
        Some(name) => name.clone(),
        None => source.kubeconfig.current_context.clone().filter(|c| !c.is_empty()).ok_or_else(|| {
            Error::invalid(format!("the kubeconfig ({files}) has no current-context"))
                .with_hint(Remedy::PickContext)
        })?,
    };
    let Some(context) = source.kubeconfig.contexts.iter().find(|c| c.name == context_name) else {
        let known: Vec<&str> = source.kubeconfig.contexts.iter().map(|c| c.name.as_str()).collect();
        return Err(Error::invalid(format!("context \"{context_name}\" is not in the kubeconfig ({files})"))
            .with_hint(if known.is_empty() {
                "the kubeconfig defines no contexts".to_string()
            } else {
                format!("known contexts: {}", known.join(", "))
            }));
    };
    let user = context.context.as_ref().and_then(|c| c.user.clone());
    let options = KubeConfigOptions { context: Some(context_name.clone()), cluster: None, user: None };
    let config = Config::from_custom_kubeconfig(source.kubeconfig, &options).await.map_err(|e| {
        Error::invalid(format!("cannot use context \"{context_name}\" of the kubeconfig ({files}): {e}"))
            .with_hint(Remedy::ViewKubeconfig)
    })?;
    Ok(Loaded { config, context: Some(context_name), user })
}

fn read_file(path: &Path) -> Result<Kubeconfig> {
    if !path.exists() {
        return Err(Error::invalid(format!("kubeconfig {} does not exist", path.display()))
            .with_hint(format!("pass an existing file to {}", Input::Kubeconfig)));
    }
    Kubeconfig::read_from(path).map_err(|e| {
        Error::invalid(format!("kubeconfig {} is not valid: {e}", path.display()))
            .with_hint(Remedy::FixKubeconfigFile)
    })
}

/// KUBECONFIG may list several files; like kubectl, missing ones are skipped and the rest
/// merged, the first file that sets a value winning. Without KUBECONFIG, `~/.kube/config`.
fn from_env_or_home() -> Result<Option<Source>> {
    let paths: Vec<PathBuf> = match std::env::var_os("KUBECONFIG") {
        Some(value) if !value.is_empty() => {
            std::env::split_paths(&value).filter(|p| !p.as_os_str().is_empty()).collect()
        }
        _ => home_kubeconfig().into_iter().collect(),
    };
    let mut merged: Option<Source> = None;
    for path in paths.into_iter().filter(|p| p.exists()) {
        let next = read_file(&path)?;
        merged = Some(match merged {
            None => Source { kubeconfig: next, files: vec![path] },
            Some(mut source) => {
                source.kubeconfig = source.kubeconfig.merge(next).map_err(|e| {
                    Error::invalid(format!("cannot merge kubeconfig {} into the others: {e}", path.display()))
                })?;
                source.files.push(path);
                source
            }
        });
    }
    Ok(merged)
}

fn home_kubeconfig() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".kube").join("config"))
}
