use clap::CommandFactory;
use clap_complete::Shell as Generator;

use crate::cli::Cli;
use crate::cli::completion::{CompletionArgs, Shell};
use crate::error::Result;

use super::Context;

/// Also what `cargo xtask` writes to `completions/`, so the checked-in scripts and
/// `osm completion` come from the same clap definitions.
pub fn generate(shell: Shell, buf: &mut Vec<u8>) {
    let generator = match shell {
        Shell::Bash => Generator::Bash,
        Shell::Zsh => Generator::Zsh,
        Shell::Fish => Generator::Fish,
        Shell::Powershell => Generator::PowerShell,
        Shell::Elvish => Generator::Elvish,
    };
    clap_complete::generate(generator, &mut Cli::command(), "osm", buf);
}

/// Prints the script on stdout without touching the cluster, so it works with no kubeconfig
/// (`osm completion bash > /etc/bash_completion.d/osm`).
pub fn run(ctx: &Context, args: CompletionArgs) -> Result<()> {
    let mut buf = Vec::new();
    generate(args.shell, &mut buf);
    ctx.out.data(&String::from_utf8_lossy(&buf));
    Ok(())
}
