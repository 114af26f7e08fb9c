//! `ledger ack`: the unit acknowledges a case forwarded to it (签收).

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::msg::loop_text::LoopText;
use crate::domain::CaseId;

/// The unit acknowledges a case forwarded to it (签收); later than one working day after assignment counts as late.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger ack S07-2026-0002 --by 李四")]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// Who at the unit signed for it.
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| w.ack(&a.case, a.by.as_deref()))?;
    writeln!(
        ctx.err,
        "{} {}",
        c.id,
        ctx.text(Text::Loop(LoopText::Acknowledged))
    )?;
    Ok(())
}
