use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  \
    source <(osm completion bash)\n  \
    osm completion zsh > \"${fpath[1]}/_osm\"\n  \
    osm completion fish > ~/.config/fish/completions/osm.fish\n  \
    osm completion powershell | Out-String | Invoke-Expression")]
pub struct CompletionArgs {
    /// The shell to print the completion script for
    #[arg(value_enum)]
    pub shell: Shell,
}
