//! `ledger rebuild`: derive the case tables again from the event log.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;

/// Rebuild the case, unit and office tables from the event log (the log is the truth).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger rebuild && ledger check")]
pub struct Args {}

pub fn run(ctx: &mut Ctx, _a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    ledger.rebuild()?;
    writeln!(ctx.err, "{}", ctx.text(Text::Rebuilt))?;
    Ok(())
}
