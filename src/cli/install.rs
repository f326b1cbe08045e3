use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::parse_duration;
use crate::model::osm::chart::Overrides;
use crate::output::OutputFormat;

/// Values flags shared by `install` and `mesh upgrade`.
#[derive(Debug, Clone, Default, Args)]
pub struct ValuesArgs {
    /// Set a value (Helm syntax: a.b=1,c={x,y}); repeatable. `OpenServiceMesh.` works as `osm.`
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,

    /// Set a value, keeping it a string; repeatable
    #[arg(long = "set-string", value_name = "KEY=VALUE")]
    pub set_string: Vec<String>,

    /// Read values from a YAML file; repeatable, later files win
    #[arg(short = 'f', long = "values", value_name = "FILE")]
    pub values: Vec<PathBuf>,
}

impl ValuesArgs {
    /// The values this command line gives, with the flags that name a value (`--mesh-name`,
    /// `--enforce-single-mesh`), for `install` and `mesh upgrade`.
    /// `files` are the `-f` files as read (`self.values`, in order).
    pub fn overrides(
        &self,
        files: Vec<(PathBuf, String)>,
        mesh_name: Option<String>,
        enforce: Option<bool>,
    ) -> Overrides {
        Overrides {
            files,
            set: self.set.clone(),
            set_string: self.set_string.clone(),
            mesh_name,
            enforce_single_mesh: enforce,
        }
    }
}

#[derive(Debug, Clone, Args)]
#[command(
    after_help = "Examples:\n  osm install\n  osm install --set=osm.deployGrafana=true,osm.deployPrometheus=true\n  \
                        osm install --mesh-name=blue --osm-namespace=blue-system --enforce-single-mesh=false\n  \
                        osm install --dry-run > osm.yaml"
)]
pub struct InstallArgs {
    /// Name of the mesh (overrides osm.meshName)
    #[arg(long, value_name = "NAME")]
    pub mesh_name: Option<String>,

    #[command(flatten)]
    pub values: ValuesArgs,

    /// How long to wait for the control plane to become ready
    #[arg(long, default_value = "5m", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,

    /// Remove what this install created if it fails or times out
    #[arg(long)]
    pub atomic: bool,

    /// Return once everything is applied, without waiting for the pods
    #[arg(long)]
    pub no_wait: bool,

    /// Print the objects that would be applied, without contacting the cluster
    #[arg(long)]
    pub dry_run: bool,

    /// With --dry-run: print YAML (default) or JSON
    #[arg(short, long, value_enum)]
    pub output: Option<OutputFormat>,

    /// Allow no other mesh in the cluster (overrides osm.enforceSingleMesh)
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub enforce_single_mesh: Option<bool>,

    /// With --dry-run: an API group/version the target cluster serves besides the usual ones,
    /// as `helm template -a` (e.g. security.openshift.io/v1); repeatable
    #[arg(short = 'a', long = "api-versions", value_name = "GROUP/VERSION", value_parser = parse_api_version)]
    pub api_versions: Vec<String>,

    /// Not supported: osm renders the control plane itself (use --set or -f instead)
    #[arg(long, value_name = "PATH", hide = true)]
    pub osm_chart_path: Option<PathBuf>,
}

fn parse_api_version(text: &str) -> Result<String, String> {
    let valid = |part: &str| {
        !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    match text.split_once('/') {
        Some((group, version)) if valid(group) && valid(version) => Ok(text.to_string()),
        None if valid(text) => Ok(text.to_string()),
        _ => Err(format!("{text:?} is not GROUP/VERSION, e.g. security.openshift.io/v1")),
    }
}
