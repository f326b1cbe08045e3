//! The one door to the cluster: commands hand over the connection settings their flags give and
//! get back the handle they pass to every other op.

use std::path::PathBuf;
use std::time::Duration;

use crate::cluster;
use crate::error::Result;

/// A connected client; commands hold it and pass it to ops, which alone read and write through it.
pub use crate::cluster::Cluster;

use super::Progress;

/// Where to connect: `--kubeconfig`, `--context` and `--request-timeout` as given.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    /// Per request; zero means none.
    pub request_timeout: Option<Duration>,
}

/// Chooses the process's TLS provider; called once, before any connection.
pub fn init() {
    cluster::choose_tls_provider();
}

/// Reads the kubeconfig and builds the client, saying (with `-v`) which server and context it uses.
pub async fn connect(settings: &Settings, out: &dyn Progress) -> Result<Cluster> {
    let settings = cluster::Settings {
        kubeconfig: settings.kubeconfig.clone(),
        context: settings.context.clone(),
        request_timeout: settings.request_timeout,
    };
    let cluster = Cluster::connect(&settings).await?;
    out.debug(&format!("using {} ({})", cluster.server, cluster.describe_context()));
    Ok(cluster)
}
