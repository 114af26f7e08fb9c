//! `ledger completions`: shell completion scripts. What a flag accepts
//! (statuses, results, formats, languages, problem and unit codes) comes
//! from the value parsers of `offered.rs`, so that Tab offers `resolved`
//! after `--result` rather than file names.

use clap::CommandFactory;

use crate::cmd::Ctx;
use crate::cmd::cli::Cli;
use crate::cmd::out::{OutArg, Readers};

/// Print a shell completion script.
///
/// Tab then completes commands, flags, and the values flags accept:
/// statuses, results, formats, languages, groupings, and the problem and
/// unit codes of the built-in catalogue.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger completions bash > /etc/bash_completion.d/ledger\n  ledger completions powershell --out ledger.ps1"
)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
    #[command(flatten)]
    pub out: OutArg,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    // Into a buffer first: clap_complete panics on a closed pipe, and
    // `ledger completions bash | head` must exit quietly.
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "ledger", &mut buf);
    a.out.run_for(ctx, Readers::Everyone, |ctx| {
        ctx.out.write_all(&buf)?;
        Ok(())
    })
}
