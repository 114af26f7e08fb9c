//! `ledger supervise`: supervision of a case (督办), usually by the district.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::msg::loop_text::LoopText;
use crate::domain::{CaseId, DateArg, Text as Words};

/// Supervise a case (督办), usually the district on an office's case; closed after the supervision's due date counts as late.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger --db district.db supervise S07-2026-0002 --note '群众反映强烈，限期办结' --due 2026-12-05"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// What is asked of the office and the unit.
    #[arg(long)]
    pub note: Words,
    /// The date the case must be closed by.
    #[arg(long, value_name = "DATE")]
    pub due: Option<DateArg>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| {
        w.supervise(&a.case, &a.note.0, a.due.map(|d| d.0))
    })?;
    writeln!(
        ctx.err,
        "{} {}",
        c.id,
        ctx.text(Text::Loop(LoopText::Supervised))
    )?;
    Ok(())
}
