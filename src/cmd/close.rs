//! `ledger close`: close a case out (销号) with a result.

use crate::cli::Ctx;
use crate::domain::{CaseId, Outcome, Text};

/// Close a case out (销号): resolved, unfounded, duplicate or out_of_scope.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger close S07-2026-0001 --result resolved --resolution '已恢复供水，物业公司书面道歉'\n  ledger close S07-2026-0005 --result duplicate --duplicate-of S07-2026-0001 --resolution '同一事项'"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// resolved (已解决), unfounded (不属实), duplicate (重复) or out_of_scope (非物业问题).
    #[arg(long)]
    pub result: Outcome,
    /// How it was handled (办理情况).
    #[arg(long)]
    pub resolution: Text,
    /// With --result duplicate: the case this one repeats.
    #[arg(long, value_name = "CASE")]
    pub duplicate_of: Option<CaseId>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| {
        w.close(&a.case, a.result, &a.resolution.0, a.duplicate_of.as_ref())
    })?;
    writeln!(
        ctx.err,
        "{} {} ({})",
        c.id,
        ctx.t("已销号", "closed"),
        a.result.label(ctx.lang)
    )?;
    Ok(())
}
