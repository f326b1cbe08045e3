use serde::Serialize;

use crate::cli::version::{CLIENT_VERSION, VersionArgs};
use crate::error::Result;
use crate::ops::discovery::{self, Mesh};
use crate::output::{Render, table};

use super::Context;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClientVersion {
    pub version: String,
    pub git_commit: String,
    pub build_date: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerVersion {
    pub git_version: String,
    pub platform: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionReport {
    pub client: ClientVersion,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<ServerVersion>,
    /// The meshes installed in the cluster, with their control-plane versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meshes: Option<Vec<Mesh>>,
}

/// Fixed at build time by `build.rs` (commit `unknown` outside a git checkout; the date from
/// `SOURCE_DATE_EPOCH` when set, for reproducible builds), so it never needs a cluster.
pub fn client_version() -> ClientVersion {
    ClientVersion {
        version: CLIENT_VERSION.to_string(),
        git_commit: env!("OSM_GIT_COMMIT").to_string(),
        build_date: env!("OSM_BUILD_DATE").to_string(),
    }
}

impl Render for VersionReport {
    fn human(&self) -> String {
        let mut lines = vec![
            format!("CLI Version:        {}", self.client.version),
            format!("Git Commit:         {}", self.client.git_commit),
            format!("Build Date:         {}", self.client.build_date),
        ];
        if let Some(server) = &self.server {
            lines.push(format!("Kubernetes Server:  {} ({})", server.git_version, server.platform));
        }
        match self.meshes.as_deref() {
            None => {}
            Some([]) => lines.push("\nNo mesh is installed in this cluster.".into()),
            Some(meshes) => {
                let rows = meshes
                    .iter()
                    .map(|m| vec![m.name.clone(), m.namespace.clone(), m.version.clone()])
                    .collect();
                lines.push(String::new());
                lines.push(table(&["MESH NAME", "MESH NAMESPACE", "VERSION"], rows));
            }
        }
        lines.join("\n")
    }
}

/// With `--client`, touches no cluster. Otherwise prints what it learned even when the cluster
/// cannot be reached, then returns that error, so the client version always shows.
pub async fn run(ctx: &Context, args: VersionArgs) -> Result<()> {
    let mut report = VersionReport { client: client_version(), server: None, meshes: None };
    if args.client {
        return ctx.out.print(args.output, &report);
    }
    // Show what we know even when the cluster cannot be reached, then report the failure.
    let result = async {
        let cluster = ctx.cluster().await?;
        let info = cluster.server_version().await?;
        report.server = Some(ServerVersion { git_version: info.git_version, platform: info.platform });
        report.meshes = Some(discovery::list_meshes(cluster).await?);
        Ok(())
    }
    .await;
    ctx.out.print(args.output, &report)?;
    result
}
