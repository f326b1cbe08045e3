use clap::Subcommand;

use super::mesh_config::ConfigCommand;

#[derive(Debug, Subcommand)]
pub enum MeshCommand {
    /// Read or change the mesh's settings (its MeshConfig) by field path
    #[command(subcommand)]
    Config(ConfigCommand),
}
