//! `osm env`: the settings osm runs with and where each came from. The first document keeps the
//! Go CLI's shape (`cmd/cli/env.go` of OSM v1.2.4 prints `---` and its EnvConfig as YAML:
//! `install.kind`, `install.distribution`, `install.namespace`), so scripts reading it still work.

use std::path::PathBuf;

use serde::Serialize;

use crate::cli::DEFAULT_OSM_NAMESPACE;
use crate::cli::env::{EnvArgs, EnvFormat};
use crate::error::Result;

use super::Context;

/// One setting, its value and its source.
#[derive(Debug, Serialize)]
struct Setting {
    name: &'static str,
    value: String,
    source: String,
}

#[derive(Debug, Serialize)]
struct Install {
    kind: &'static str,
    distribution: &'static str,
    namespace: String,
}

#[derive(Debug, Serialize)]
struct Env {
    install: Install,
    settings: Vec<Setting>,
}

/// Whether the command line carries `--flag` (or `--flag=...`): clap's result no longer says.
fn flag_given(flag: &str) -> bool {
    let with_value = format!("{flag}=");
    std::env::args().skip(1).any(|a| a == flag || a.starts_with(&with_value))
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Needs no cluster: says where each setting came from. The first YAML document keeps the Go CLI's
/// `osm env` shape, so scripts that read it still work.
pub fn run(ctx: &Context, args: EnvArgs) -> Result<()> {
    let g = &ctx.global;
    let namespace_source = if flag_given("--osm-namespace") {
        "--osm-namespace flag".to_string()
    } else if env_var("OSM_NAMESPACE").is_some() {
        "OSM_NAMESPACE environment variable".to_string()
    } else {
        format!("default ({DEFAULT_OSM_NAMESPACE})")
    };
    let (kubeconfig, kubeconfig_source) = match (&g.kubeconfig, env_var("KUBECONFIG")) {
        (Some(path), _) => (path.display().to_string(), "--kubeconfig flag".to_string()),
        (None, Some(list)) => (list, "KUBECONFIG environment variable".to_string()),
        (None, None) => {
            let home =
                std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
            match home.map(|h| h.join(".kube").join("config")).filter(|p| p.exists()) {
                Some(path) => (path.display().to_string(), "default (~/.kube/config)".to_string()),
                None => (
                    "(none)".to_string(),
                    "no kubeconfig: the in-cluster service account is used".to_string(),
                ),
            }
        }
    };
    let context = match &g.context {
        Some(c) => (c.clone(), "--context flag".to_string()),
        None => ("(current-context)".to_string(), "the kubeconfig's current-context".to_string()),
    };
    let no_color = if g.no_color {
        ("true".to_string(), "--no-color flag".to_string())
    } else if env_var("NO_COLOR").is_some() {
        ("true".to_string(), "NO_COLOR environment variable".to_string())
    } else {
        ("false".to_string(), "default (colour on a terminal)".to_string())
    };
    let timeout = match g.request_timeout {
        Some(t) => (format!("{}s", t.as_secs_f64()), "--request-timeout flag".to_string()),
        None => ("(none)".to_string(), "default (no limit)".to_string()),
    };
    // The Go CLI read `install.namespace` and `install.kind` from OSM_CONFIG or ~/.osm/config.yaml.
    let go_config = env_var("OSM_CONFIG")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".osm").join("config.yaml")));
    let go_config = match go_config.filter(|p| p.exists()) {
        Some(p) => {
            (p.display().to_string(), "present but not read by osm: set OSM_NAMESPACE instead".to_string())
        }
        None => (
            "(none)".to_string(),
            "the Go CLI's OSM_CONFIG / ~/.osm/config.yaml; not read by osm".to_string(),
        ),
    };
    let env = Env {
        install: Install { kind: "self-hosted", distribution: "", namespace: g.osm_namespace.clone() },
        settings: vec![
            Setting { name: "osm-namespace", value: g.osm_namespace.clone(), source: namespace_source },
            Setting { name: "kubeconfig", value: kubeconfig, source: kubeconfig_source },
            Setting { name: "context", value: context.0, source: context.1 },
            Setting { name: "no-color", value: no_color.0, source: no_color.1 },
            Setting { name: "request-timeout", value: timeout.0, source: timeout.1 },
            Setting {
                name: "verbose",
                value: g.verbose.to_string(),
                source: if g.verbose > 0 { "-v flag".into() } else { "default".into() },
            },
            Setting { name: "osm-config", value: go_config.0, source: go_config.1 },
        ],
    };
    match args.output {
        EnvFormat::Json => ctx.out.data(&serde_json::to_string_pretty(&env)?),
        EnvFormat::Yaml => ctx.out.data(&yaml(&env)),
    }
    Ok(())
}

/// The Go CLI's document, then each setting with its source as a comment.
fn yaml(env: &Env) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut out = format!(
        "---\ninstall:\n  kind: {}\n  distribution: {}\n  namespace: {}\n",
        env.install.kind,
        quote(env.install.distribution),
        quote(&env.install.namespace)
    );
    out.push_str("settings:\n");
    for s in &env.settings {
        out.push_str(&format!("  {}: {} # {}\n", s.name, quote(&s.value), s.source));
    }
    out
}
