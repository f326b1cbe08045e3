use clap::CommandFactory;
use clap_complete::Shell as Generator;

use crate::cli::Cli;
use crate::cli::completion::{CompletionArgs, Shell};
use crate::error::Result;

use super::Context;

/// Writes the completion script for `shell` into `buf`.
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

pub fn run(ctx: &Context, args: CompletionArgs) -> Result<()> {
    let mut buf = Vec::new();
    generate(args.shell, &mut buf);
    ctx.out.data(&String::from_utf8_lossy(&buf));
    Ok(())
}
