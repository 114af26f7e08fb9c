//! `ledger completions`: shell completion scripts.

use clap::CommandFactory;

use crate::cmd::Ctx;
use crate::cmd::cli::Cli;

/// Print a shell completion script.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger completions bash > /etc/bash_completion.d/ledger")]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    // Into a buffer first: clap_complete panics on a closed pipe, and
    // `ledger completions bash | head` must exit quietly.
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "ledger", &mut buf);
    ctx.out.write_all(&buf)?;
    Ok(())
}
