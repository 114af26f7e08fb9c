//! `ledger extend`: a unit asks for more time (延期); the office approves
//! or refuses. Only an approved extension moves the due date.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::msg::loop_text::LoopText;
use crate::domain::{CaseId, DateArg};
use crate::ledger::units_loop::Extension;

/// Ask for more time for a case (延期), or approve or refuse the extension asked; only an approved one moves the due date.
#[derive(Debug, clap::Args)]
#[command(
    group(clap::ArgGroup::new("how").required(true).args(["until", "approve", "refuse"])),
    after_help = "Examples:\n  ledger extend S07-2026-0002 --until 2026-12-15 --reason '需规划分局先行认定'\n  ledger extend S07-2026-0002 --approve\n  ledger extend S07-2026-0002 --refuse --reason '时限内可以办结'"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// Ask for the due date to move to this date.
    #[arg(long, value_name = "DATE", requires = "reason")]
    pub until: Option<DateArg>,
    /// Approve the extension asked: the due date moves to its date.
    #[arg(long, conflicts_with_all = ["until", "refuse"])]
    pub approve: bool,
    /// Refuse the extension asked (give --reason).
    #[arg(long, conflicts_with = "until", requires = "reason")]
    pub refuse: bool,
    /// Why (needed to ask or to refuse).
    #[arg(long)]
    pub reason: Option<String>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let reason = a.reason.unwrap_or_default();
    let (x, said) = match a.until {
        Some(d) => (
            Extension::Ask { until: d.0, reason },
            LoopText::ExtensionAsked,
        ),
        None if a.approve => (
            Extension::Approve {
                reason: Some(reason),
            },
            LoopText::ExtensionApproved,
        ),
        None => (Extension::Refuse { reason }, LoopText::ExtensionRefused),
    };
    let c = ledger.write(&ctx.stamp, |w| w.extend(&a.case, x))?;
    let date = match said {
        LoopText::ExtensionAsked => c.work.extension_until.clone(),
        _ => c.due.clone(),
    };
    writeln!(
        ctx.err,
        "{} {} {}",
        c.id,
        ctx.text(Text::Loop(said)),
        date.unwrap_or_default()
    )?;
    Ok(())
}
