//! `ledger link`: mark two cases as about one matter.

use crate::cmd::Ctx;
use crate::cmd::msg::sweep::{self, SweepText};
use crate::domain::CaseId;

/// Link two related cases (both show the link).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger link S07-2026-0024 S07-2026-0051")]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// The related case's id.
    pub other: CaseId,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    ledger.write(&ctx.stamp, |w| w.link(&a.case, &a.other))?;
    writeln!(
        ctx.err,
        "{} {} {}",
        a.case,
        sweep::text(SweepText::Linked, ctx.lang),
        a.other
    )?;
    Ok(())
}
