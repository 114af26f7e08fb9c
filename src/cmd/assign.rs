//! `ledger assign`: classify a case and forward it to a unit with a due date.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::domain::{CaseId, DateArg, ProblemCode, Subject, UnitRef};
use crate::ledger::ops::{Assignment, Due};

/// Classify a case and forward it to the responsible unit (转办); again to re-assign.
///
/// Without --due or --days the due date is today plus the problem type's
/// time limit (15 days without a problem type). Without --unit, a
/// department problem type (ZN-xx) goes to its default unit.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger assign S07-2026-0001 --unit JD --problem WY-06 --party 某某物业公司 --co-unit ZJ\n  ledger assign S07-2026-0002 --problem ZN-06          # default unit CG, due in 3 days\n  ledger assign S07-2026-0003 --unit ZJ --days 10 --note '请区物业办协调'"
)]
pub struct Args {
    /// The case id, e.g. S07-2026-0001.
    pub case: CaseId,
    /// Unit code (ZJ, JD, CG…) or exact name; see `ledger catalog units`.
    #[arg(long, value_parser = crate::cmd::offered::units(), hide_possible_values = true)]
    pub unit: Option<UnitRef>,
    /// Due date (办结时限).
    #[arg(long, value_name = "DATE", conflicts_with = "days")]
    pub due: Option<DateArg>,
    /// Due in N days from today.
    #[arg(long, value_name = "N", value_parser = crate::domain::days)]
    pub days: Option<u32>,
    /// Set or change the responsible subject.
    #[arg(long, value_parser = crate::cmd::offered::subjects(), hide_possible_values = true)]
    pub subject: Option<Subject>,
    /// Set or change the problem type.
    #[arg(long, value_name = "CODE", value_parser = crate::cmd::offered::problems(), hide_possible_values = true)]
    pub problem: Option<ProblemCode>,
    /// Set or change the party complained about.
    #[arg(long)]
    pub party: Option<String>,
    /// A remark kept with the assignment.
    #[arg(long)]
    pub note: Option<String>,
    /// Confirm the problem type bulk intake suggested, and route by it.
    #[arg(long, conflicts_with = "problem")]
    pub accept_suggested: bool,
    /// A co-operating unit (协办) beside the lead unit; repeat for more.
    #[arg(long = "co-unit", value_name = "UNIT", value_parser = crate::cmd::offered::units(), hide_possible_values = true)]
    pub co_unit: Vec<UnitRef>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let due = match (a.due, a.days) {
        (Some(d), _) => Due::Date(d.0),
        (None, Some(n)) => Due::Days(n),
        (None, None) => Due::Default,
    };
    let assignment = Assignment {
        unit: a.unit.map(|u| u.0),
        due,
        subject: a.subject,
        problem: a.problem,
        party: a.party,
        note: a.note,
        co_units: a.co_unit.into_iter().map(|u| u.0).collect(),
    };
    let done = ledger.write(&ctx.stamp, |w| {
        let mut assignment = assignment;
        if a.accept_suggested {
            assignment.problem = Some(w.suggestion(&a.case)?);
        }
        w.assign(&a.case, assignment)
    })?;
    let co = &done.case.work.co_units;
    let co = if co.is_empty() {
        String::new()
    } else {
        format!(" + {}", co.join(", "))
    };
    writeln!(
        ctx.err,
        "{} → {} {}{}{co}, {} {}",
        done.case.id,
        done.unit.code,
        done.unit.name,
        if done.unit_defaulted {
            ctx.text(Text::TypeDefaultUnit)
        } else {
            ""
        },
        ctx.text(Text::Due),
        done.case.due.as_deref().unwrap_or("")
    )?;
    Ok(())
}
