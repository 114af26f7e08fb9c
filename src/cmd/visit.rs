//! `ledger visit`: the call-back to the complainant after a close (回访).

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::msg::loop_text::LoopText;
use crate::domain::{CaseId, Satisfaction};

/// Record the call-back after a close (回访) and the complainant's satisfaction; `dissatisfied --reopen` reopens the case with the note as the reason.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger visit S07-2026-0001 --satisfaction satisfied\n  ledger visit S07-2026-0003 --satisfaction dissatisfied --note '仍然停水' --reopen"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// satisfied (满意), basic (基本满意) or dissatisfied (不满意).
    #[arg(long, value_parser = crate::cmd::offered::satisfactions(), hide_possible_values = true)]
    pub satisfaction: Satisfaction,
    /// What the complainant said.
    #[arg(long)]
    pub note: Option<String>,
    /// Reopen the case (only when dissatisfied; the note is the reason).
    #[arg(long)]
    pub reopen: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| {
        w.visit(&a.case, a.satisfaction, a.note.as_deref(), a.reopen)
    })?;
    let said = if a.reopen {
        LoopText::VisitReopened
    } else {
        LoopText::Visited
    };
    writeln!(ctx.err, "{} {}", c.id, ctx.text(Text::Loop(said)))?;
    Ok(())
}
