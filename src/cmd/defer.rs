//! `ledger defer`: a case that cannot be solved for now, with a work plan.

use crate::cmd::Ctx;
use crate::cmd::msg;
use crate::domain::{CaseId, DateArg, Text};

/// Defer a case that cannot be solved for now (暂缓), with a work plan for the leadership group.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger defer S07-2026-0004 --plan '待业主大会表决后更换物业，街道每周跟进' --until 2027-03-31"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// The work plan (工作计划).
    #[arg(long)]
    pub plan: Text,
    /// When the plan should be done.
    #[arg(long, value_name = "DATE")]
    pub until: Option<DateArg>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| {
        w.defer(&a.case, &a.plan.0, a.until.map(|d| d.0))
    })?;
    writeln!(ctx.err, "{} {}", c.id, ctx.text(msg::Text::Deferred))?;
    Ok(())
}
