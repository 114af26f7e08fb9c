//! `ledger credit blacklist`: put a company on the dishonesty list by decision.

use super::{Credit, day, zh};
use crate::cmd::Ctx;
use crate::credit;
use crate::domain::DateArg;
use crate::ledger::Then;

/// Put a company on the dishonesty list (失信名单) by decision.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger credit blacklist --company 鑫源物业服务有限公司 --reason '只收费不服务，拒不整改'"
)]
pub struct Args {
    #[arg(long)]
    company: String,
    #[arg(long)]
    reason: String,
    /// The day it happened (default today; not after today).
    #[arg(long, value_name = "DATE")]
    date: Option<DateArg>,
}

pub(super) fn run(ctx: &mut Ctx, cr: &mut Credit, a: Args) -> anyhow::Result<()> {
    let on = day(ctx, a.date);
    let reg = &cr.reg;
    let status = cr.ledger.write_as(&ctx.stamp, Then::Commit, |w| {
        credit::blacklist(w, reg, &a.company, &a.reason, on)
    })?;
    writeln!(ctx.err, "{}: {}", a.company, status.label(zh(ctx)))?;
    Ok(())
}
