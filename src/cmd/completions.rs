//! `ledger completions`: shell completion scripts.

use clap::CommandFactory;

use crate::cli::{Cli, Ctx};

/// Print a shell completion script.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger completions bash > /etc/bash_completion.d/ledger")]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    clap_complete::generate(a.shell, &mut Cli::command(), "ledger", ctx.out);
    Ok(())
}
