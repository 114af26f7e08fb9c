//! `ledger credit dismiss`: record that a company has been dismissed.

use super::{Credit, day, zh};
use crate::cmd::Ctx;
use crate::credit::{self, ListStatus};
use crate::domain::DateArg;
use crate::ledger::Then;

/// Record that a company whose dismissal was required has been dismissed.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger credit dismiss --company 鑫源物业服务有限公司 --date 2027-02-01"
)]
pub struct Args {
    #[arg(long)]
    company: String,
    /// The day it happened (default today; not after today).
    #[arg(long, value_name = "DATE")]
    date: Option<DateArg>,
}

pub(super) fn run(ctx: &mut Ctx, cr: &mut Credit, a: Args) -> anyhow::Result<()> {
    let on = day(ctx, a.date);
    let reg = &cr.reg;
    let by = cr.ledger.write_as(&ctx.stamp, Then::Commit, |w| {
        credit::dismiss(w, reg, &a.company, on)
    })?;
    let status = ListStatus::Dismissed.label(zh(ctx));
    writeln!(ctx.err, "{}: {status} ({by})", a.company)?;
    Ok(())
}
