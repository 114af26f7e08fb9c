//! `ledger man`: the manual page, in roff.

use clap::CommandFactory;

use crate::cmd::Ctx;
use crate::cmd::cli::Cli;

/// Print the manual page (roff).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger man > /usr/local/share/man/man1/ledger.1")]
pub struct Args {}

pub fn run(ctx: &mut Ctx, _a: Args) -> anyhow::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(ctx.out)?;
    Ok(())
}
