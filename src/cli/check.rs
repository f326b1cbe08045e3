use std::time::Duration;

use clap::{Args, ValueEnum};

use super::parse_duration;

/// `osm check`: linkerd-style health checks, before an install (`--pre`) or of an installed mesh.
#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  \
    osm check --pre\n  \
    osm check\n  \
    osm check --wait 5m\n  \
    osm check --osm-namespace kube-system -o json\n  \
    osm check --mesh istio --pre\n\n\
    Exit codes: 0 every check passed (warnings allowed), 1 a check failed, 5 --wait ran out with \
    checks still failing.")]
pub struct CheckArgs {
    /// Check that `osm install` can go ahead in this cluster instead of checking an installed mesh
    #[arg(long)]
    pub pre: bool,

    /// Re-run failing checks until they pass or this much time has passed (e.g. 90s, 5m)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub wait: Option<Duration>,

    /// The mesh to check (default: the one in --osm-namespace; with --pre, `osm`)
    #[arg(long, value_name = "NAME")]
    pub mesh_name: Option<String>,

    /// Which mesh software to check: OSM, or Istio (istioctl's precheck with --pre)
    #[arg(long, value_enum, default_value_t = MeshKind::Osm)]
    pub mesh: MeshKind,

    /// With --mesh istio: the control plane's revision
    #[arg(long, short = 'r', value_name = "REV", default_value = "default")]
    pub revision: String,

    /// With --mesh istio: the namespace of Istio's control plane
    #[arg(
        long,
        short = 'i',
        visible_alias = "istioNamespace",
        value_name = "NS",
        default_value = "istio-system"
    )]
    pub istio_namespace: String,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Table)]
    pub output: CheckFormat,
}

/// The mesh software `osm check` looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum MeshKind {
    #[default]
    Osm,
    Istio,
}

/// `osm check` prints its lines, or linkerd's JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    #[default]
    Table,
    Json,
}
