//! `ledger close`: close a case out (销号) with a result.

use crate::cli::Ctx;
use crate::credit::{self, Register};
use crate::domain::{CaseId, Outcome, Text};

/// Close a case out (销号): resolved, unfounded, duplicate or out_of_scope.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger close S07-2026-0001 --result resolved --resolution '已恢复供水，物业公司书面道歉' --substantiated\n  ledger close S07-2026-0005 --result duplicate --duplicate-of S07-2026-0001 --resolution '同一事项'"
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
    /// The violation was substantiated (违规属实): record the problem type's credit deduction against the registered company named as the case's party.
    #[arg(long)]
    pub substantiated: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let register = if a.substantiated {
        Some(Register::load(&ledger)?)
    } else {
        None
    };
    let (c, deducted) = ledger.write(&ctx.stamp, |w| {
        let c = w.close(&a.case, a.result, &a.resolution.0, a.duplicate_of.as_ref())?;
        let deducted = match &register {
            None => None,
            Some(_) if a.result != Outcome::Resolved => {
                crate::refuse!(
                    "--substantiated goes with --result resolved (a {} complaint was not a violation)",
                    a.result.code()
                )
            }
            Some(reg) => Some(credit::record_substantiated(w, reg, &c)?),
        };
        Ok((c, deducted))
    })?;
    writeln!(
        ctx.err,
        "{} {} ({})",
        c.id,
        ctx.t("已销号", "closed"),
        a.result.label(ctx.lang)
    )?;
    if let Some(uscc) = deducted {
        writeln!(
            ctx.err,
            "{} {} {uscc}",
            ctx.t("已记入信用扣分", "credit deduction recorded:"),
            c.problem.as_deref().unwrap_or_default()
        )?;
    }
    Ok(())
}
