//! `ledger note`: append a remark to a case in any state.

use crate::cmd::Ctx;
use crate::cmd::msg;
use crate::domain::{CaseId, Text};

/// Append a remark to a case (any state).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger note S07-2026-0001 '已电话回访投诉人，表示满意'")]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// The remark.
    pub text: Text,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| w.note(&a.case, &a.text.0))?;
    writeln!(ctx.err, "{} {}", c.id, ctx.text(msg::Text::Noted))?;
    Ok(())
}
