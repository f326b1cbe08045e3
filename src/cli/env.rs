use clap::{Args, ValueEnum};

/// `osm env`: the CLI's settings and where each came from.
#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  osm env\n  OSM_NAMESPACE=kube-system osm env\n  osm env -o json\n\n\
    The default output is the Go CLI's document (install.kind, install.distribution, \
    install.namespace) followed by osm's own settings, each with a comment naming its source.")]
pub struct EnvArgs {
    /// Output format
    #[arg(short, long, value_enum, default_value_t = EnvFormat::Yaml)]
    pub output: EnvFormat,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum EnvFormat {
    #[default]
    Yaml,
    Json,
}
