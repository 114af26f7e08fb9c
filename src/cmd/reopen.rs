//! `ledger reopen`: put a closed or deferred case back to open.

use crate::cmd::Ctx;
use crate::cmd::msg;
use crate::domain::{CaseId, Text};

/// Put a closed or deferred case back to open, with the reason.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger reopen S07-2026-0001 --reason '业主反映再次停水'")]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// Why it is reopened.
    #[arg(long)]
    pub reason: Text,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| w.reopen(&a.case, &a.reason.0))?;
    writeln!(ctx.err, "{} {}", c.id, ctx.text(msg::Text::Reopened))?;
    Ok(())
}
