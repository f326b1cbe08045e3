use crate::cli::mesh::MeshCommand;
use crate::error::Result;

use super::{Context, mesh_config};

pub async fn run(ctx: &Context, command: MeshCommand) -> Result<()> {
    match command {
        MeshCommand::Config(cmd) => mesh_config::run(ctx, cmd).await,
    }
}
