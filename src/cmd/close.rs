//! `ledger close`: close a case out (销号) with a result.

use crate::cmd::Ctx;
use crate::cmd::msg;
use crate::credit::{self, ManagerFrom, Register, Substantiated};
use crate::domain::{CaseId, Outcome, Text};
use crate::ledger::Then;

/// Close a case out (销号): resolved, unfounded, duplicate or out_of_scope.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger close S07-2026-0001 --result resolved --resolution '已恢复供水，物业公司书面道歉' --substantiated\n  ledger close S07-2026-0005 --result duplicate --duplicate-of S07-2026-0001 --resolution '同一事项'"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// resolved (已解决), unfounded (不属实), duplicate (重复) or out_of_scope (非物业问题).
    #[arg(long, value_parser = crate::cmd::offered::results(), hide_possible_values = true)]
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
    /// With --substantiated: the project manager (负责人) the credit record names, who gets a personal record; default the company's registered manager (the first registered).
    #[arg(long, value_name = "NAME")]
    pub manager: Option<String>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    if a.manager.is_some() && !a.substantiated {
        return Err(credit::Error::ManagerWithoutSubstantiated.into());
    }
    let mut ledger = ctx.open()?;
    let (c, deducted) = if a.substantiated {
        let reg = Register::load(&ledger)?;
        let close = Substantiated {
            case: &a.case,
            result: a.result,
            resolution: &a.resolution.0,
            duplicate_of: a.duplicate_of.as_ref(),
            manager: a.manager.as_deref(),
        };
        let (c, d) = ledger.write_as(&ctx.stamp, Then::Commit, |w| {
            credit::close_substantiated(w, &reg, close)
        })?;
        (c, Some(d))
    } else {
        let c = ledger.write(&ctx.stamp, |w| {
            w.close(&a.case, a.result, &a.resolution.0, a.duplicate_of.as_ref())
        })?;
        (c, None)
    };
    writeln!(
        ctx.err,
        "{} {} ({})",
        c.id,
        ctx.text(msg::Text::Closed),
        a.result.label(ctx.lang)
    )?;
    if let Some(d) = deducted.as_ref().filter(|d| d.committee) {
        // Issue 16: a record against an owners' committee.
        let said = crate::cmd::msg::campaign::label(
            crate::cmd::msg::campaign::Label::CommitteeRecorded,
            ctx.lang,
        );
        let problem = c.problem.as_deref().unwrap_or_default();
        writeln!(ctx.err, "{said} {problem} {}", d.uscc)?;
    } else if let Some(d) = deducted {
        let manager = match (&d.manager, d.manager_from) {
            (Some(m), ManagerFrom::Given) => format!("{} {m}", ctx.text(msg::Text::Manager)),
            (Some(m), _) => format!(
                "{} {m} {}",
                ctx.text(msg::Text::Manager),
                ctx.text(msg::Text::RegisteredManager)
            ),
            (None, _) => ctx.text(msg::Text::NoManager).to_string(),
        };
        writeln!(
            ctx.err,
            "{} {} {}; {manager}",
            ctx.text(msg::Text::CreditDeducted),
            c.problem.as_deref().unwrap_or_default(),
            d.uscc
        )?;
    }
    Ok(())
}
