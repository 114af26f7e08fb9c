//! `ledger check`: prove the file is whole and its tables match its log.

use crate::cmd::Ctx;

/// Verify the file: SQLite integrity, every event's hash, and that replaying the log reproduces the case tables exactly.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger check && cp ledger.db /mnt/usb/")]
pub struct Args {}

pub fn run(ctx: &mut Ctx, _a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let r = ledger.check()?;
    if let Some(p) = r.problem {
        return Err(crate::cmd::error::Error::CheckFailed { problem: p }.into());
    }
    writeln!(
        ctx.out,
        "ok: {} events, {} cases; integrity, hashes and replay agree",
        r.events, r.cases
    )?;
    Ok(())
}
