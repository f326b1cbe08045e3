use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::OutputArgs;

/// `osm support`: the Go CLI's supportability tools.
#[derive(Debug, Subcommand)]
pub enum SupportCommand {
    /// Collect the mesh's logs, objects, sidecar configs and checks into a zip for a bug report
    #[command(after_help = "Examples:\n  \
        osm support bug-report\n  \
        osm support bug-report -o report.zip --app-namespaces bookbuyer,bookstore\n  \
        osm support bug-report --app-pods bookthief/bookthief-7bb7f9b98c-qplq4 --app-deployments bookstore/bookstore-v1\n  \
        osm support bug-report --all\n\n\
        Secrets are never collected, and credential-looking values (tokens, passwords, keys) are \
        replaced by <redacted> everywhere; still, read the archive before sharing it.")]
    BugReport(BugReportArgs),
    /// Print what OSM's error codes (E1000...) mean, one or all
    #[command(after_help = "Examples:\n  osm support error-info\n  osm support error-info E1000\n  \
                            osm support error-info -o json")]
    ErrorInfo(ErrorInfoArgs),
}

#[derive(Debug, Clone, Args)]
pub struct BugReportArgs {
    /// The zip file to write (default: osm-bug-report-<time>.zip in the current directory)
    #[arg(short = 'o', long = "out-file", value_name = "FILE.zip", value_parser = parse_zip_path)]
    pub out_file: Option<PathBuf>,

    /// Application namespaces to include, besides the mesh's monitored ones (comma-separated or repeated)
    #[arg(
        long = "app-namespaces",
        visible_alias = "app-namespace",
        value_name = "NS",
        value_delimiter = ','
    )]
    pub app_namespaces: Vec<String>,

    /// Application Deployments to include, as NAMESPACE/NAME (comma-separated or repeated)
    #[arg(long, value_name = "NS/NAME", value_delimiter = ',', value_parser = parse_namespaced)]
    pub app_deployments: Vec<(String, String)>,

    /// Application pods to include, as NAMESPACE/NAME (comma-separated or repeated)
    #[arg(long, value_name = "NS/NAME", value_delimiter = ',', value_parser = parse_namespaced)]
    pub app_pods: Vec<(String, String)>,

    /// Every monitored namespace and all its pods (the default when no --app-* flag is given)
    #[arg(long)]
    pub all: bool,

    /// Also collect Ingress objects and IngressBackends of the collected namespaces
    #[arg(long)]
    pub ingress: bool,

    /// The mesh to report on (default: the one in --osm-namespace)
    #[arg(long, value_name = "NAME")]
    pub mesh_name: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ErrorInfoArgs {
    /// One error code, e.g. E1000 (default: every code)
    #[arg(value_name = "CODE")]
    pub code: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// The archive is a zip: the Go CLI's other formats (.tar.gz, ...) are refused where parsed.
fn parse_zip_path(text: &str) -> Result<PathBuf, String> {
    if text.to_ascii_lowercase().ends_with(".zip") {
        Ok(PathBuf::from(text))
    } else {
        Err(format!(
            "{text:?}: osm writes bug reports as zip archives; name the file with a .zip extension (e.g. {}.zip)",
            text.split('.').next().filter(|s| !s.is_empty()).unwrap_or("report")
        ))
    }
}

/// `NAMESPACE/NAME`.
pub fn parse_namespaced(text: &str) -> Result<(String, String), String> {
    match text.split_once('/') {
        Some((ns, name)) if !ns.is_empty() && !name.is_empty() && !name.contains('/') => {
            Ok((ns.to_string(), name.to_string()))
        }
        _ => Err(format!("{text:?} is not NAMESPACE/NAME (e.g. bookstore/bookstore-v1)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert!(parse_zip_path("r.zip").is_ok());
        assert!(parse_zip_path("r.tar.gz").unwrap_err().contains(".zip extension"));
        assert_eq!(parse_namespaced("a/b").unwrap(), ("a".to_string(), "b".to_string()));
        assert!(parse_namespaced("b").is_err());
        assert!(parse_namespaced("a/b/c").is_err());
    }
}
