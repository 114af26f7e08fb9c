//! `ledger return`: the unit sends a misrouted case back (退回).

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::msg::loop_text::LoopText;
use crate::domain::{CaseId, Text as Words};

/// The unit sends a misrouted case back (退回): it is open again with no unit; the return counts against nobody but is listed per unit.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger return S07-2026-0002 --reason '不属于本单位职责，应由规划分局认定'"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// Why the unit sends it back.
    #[arg(long)]
    pub reason: Words,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let c = ledger.write(&ctx.stamp, |w| w.return_case(&a.case, &a.reason.0))?;
    writeln!(
        ctx.err,
        "{} {}",
        c.id,
        ctx.text(Text::Loop(LoopText::Returned))
    )?;
    Ok(())
}
