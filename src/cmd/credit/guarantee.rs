//! `ledger credit guarantee`: record a suspended company's guarantee and deposit.

use super::{Credit, day, zh};
use crate::cmd::Ctx;
use crate::credit::{self, ListStatus};
use crate::domain::DateArg;
use crate::ledger::Then;

/// Record a suspended company's written guarantee and deposit (书面保证整改、缴纳保证金).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger credit guarantee --company 鑫源物业服务有限公司 --deposit 50000 --date 2026-12-01"
)]
pub struct Args {
    #[arg(long)]
    company: String,
    /// The deposit, in yuan.
    #[arg(long)]
    deposit: String,
    /// The day it happened (default today; not after today).
    #[arg(long, value_name = "DATE")]
    date: Option<DateArg>,
}

pub(super) fn run(ctx: &mut Ctx, cr: &mut Credit, a: Args) -> anyhow::Result<()> {
    let on = day(ctx, a.date);
    let reg = &cr.reg;
    cr.ledger.write_as(&ctx.stamp, Then::Commit, |w| {
        credit::guarantee(w, reg, &a.company, &a.deposit, on)
    })?;
    let status = ListStatus::Guaranteed.label(zh(ctx));
    writeln!(ctx.err, "{}: {status}", a.company)?;
    Ok(())
}
