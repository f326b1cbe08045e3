use clap::{Args, Subcommand};

use super::OutputArgs;

#[derive(Debug, Args)]
pub struct MetricsArgs {
    #[command(subcommand)]
    pub command: MetricsCommand,
}

#[derive(Debug, Subcommand)]
pub enum MetricsCommand {
    /// Let Prometheus scrape the sidecars of meshed namespaces
    #[command(after_help = "Examples:\n  osm metrics enable --namespace bookstore,bookbuyer\n  \
                            osm metrics enable bookstore bookbuyer bookthief bookwarehouse")]
    Enable(MetricsTarget),
    /// Stop Prometheus scraping the sidecars of namespaces
    #[command(after_help = "Examples:\n  osm metrics disable --namespace bookthief\n  \
                            osm metrics disable bookstore bookbuyer -o json")]
    Disable(MetricsTarget),
}

#[derive(Debug, Args)]
pub struct MetricsTarget {
    /// Namespaces (comma-separated, repeatable)
    #[arg(short = 'n', long = "namespace", value_name = "NS[,NS...]")]
    pub namespace_flags: Vec<String>,

    /// Namespaces, as an alternative to --namespace
    #[arg(value_name = "NAMESPACE")]
    pub namespaces: Vec<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}

impl MetricsTarget {
    /// Every namespace named, in order, each once.
    pub fn names(&self) -> Vec<String> {
        crate::model::membership::flatten_names(self.namespace_flags.iter().chain(&self.namespaces))
    }
}
