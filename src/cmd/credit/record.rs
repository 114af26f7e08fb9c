//! `ledger credit record`: add a good or bad credit record.

use super::{Credit, day};
use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::credit::{self, NewRecord};
use crate::domain::{CaseId, DateArg};
use crate::ledger::Then;

/// Add a good or bad credit record.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger credit record --company 鑫源物业服务有限公司 --item WY-06 --case S07-2026-0001 --manager 李四 --date 2026-11-20"
)]
pub struct Args {
    /// Registered name or credit code.
    #[arg(long)]
    company: String,
    /// Item code of the standard, e.g. WY-06 or G-CITY.
    #[arg(long)]
    item: String,
    /// The case the record comes from.
    #[arg(long, value_name = "CASE")]
    case: Option<CaseId>,
    /// The day of the record (default today; not after today).
    #[arg(long, value_name = "DATE")]
    date: Option<DateArg>,
    /// The project manager responsible (gets a personal record).
    #[arg(long)]
    manager: Option<String>,
    #[arg(long)]
    note: Option<String>,
}

pub(super) fn run(ctx: &mut Ctx, cr: &mut Credit, a: Args) -> anyhow::Result<()> {
    let r = NewRecord {
        company: a.company,
        item: a.item.clone(),
        case: a.case.map(|c| c.to_string()),
        date: day(ctx, a.date),
        manager: a.manager,
        note: a.note,
    };
    let reg = &cr.reg;
    let uscc = cr
        .ledger
        .write_as(&ctx.stamp, Then::Commit, |w| credit::add_record(w, reg, r))?;
    writeln!(
        ctx.err,
        "{} {} {uscc}",
        ctx.text(Text::Recorded),
        a.item.to_ascii_uppercase()
    )?;
    Ok(())
}
