//! `ledger split`: one complaint that holds several problems becomes a case
//! per problem.

use crate::cmd::Ctx;
use crate::cmd::msg::sweep;
use crate::domain::{CaseId, Text};
use crate::intake::classify;
use crate::ledger::sweep::Relation;
use crate::ledger::sweep::ops::Part;

/// Split a complaint into parts: a new case for each, linked to the original.
///
/// Each part keeps the original's source, time, community and complainant,
/// and gets its own summary and its own suggested problem type; classify
/// and assign each on its own. `report` counts the parts, not the original.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger split S07-2026-0031 --part '物业以欠费为由停水' --part '住建部门接到投诉后未处理'"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// One part's summary (two or more).
    #[arg(long, required = true)]
    pub part: Vec<Text>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let parts: Vec<Part> = a
        .part
        .into_iter()
        .map(|t| Part {
            suggested: classify::suggest(&t.0, "").and_then(|c| c.parse().ok()),
            summary: t.0,
        })
        .collect();
    let ids = ledger.write(&ctx.stamp, |w| w.split(&a.case, parts))?;
    for id in &ids {
        writeln!(ctx.out, "{id}")?;
    }
    writeln!(
        ctx.err,
        "{} {} {}",
        a.case,
        sweep::relation(Relation::SplitInto, ctx.lang),
        ids.join(", ")
    )?;
    Ok(())
}
