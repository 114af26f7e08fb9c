//! `ledger export`: the exchange CSV of every event this file holds.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::out::{self, OutArg, Readers};
use crate::exchange;

/// Write this ledger's events (its own and those it merged) as an exchange CSV for `ledger merge`.
///
/// The file is written beside its destination and renamed into place, so a
/// job that dies leaves no half file. An unchanged ledger exports the same
/// bytes.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger export --out /mnt/share/S07-$(date +%F).csv     # nightly cron job\n  ledger export --since 1200 > new-events.csv"
)]
pub struct Args {
    #[command(flatten)]
    pub out: OutArg,
    /// Only events whose clock is greater than this (the `clock` of the previous export's end row).
    #[arg(long, value_name = "CLOCK")]
    pub since: Option<i64>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    // Not `OutArg::run`: export says what it wrote in its own line below.
    let stats = match &a.out.out {
        None => exchange::export(&ledger, ctx.out, a.since)?,
        Some(path) => out::write(ctx, path, Readers::Owner, |ctx| {
            Ok(exchange::export(&ledger, ctx.out, a.since)?)
        })?,
    };
    writeln!(
        ctx.err,
        "{} {} {}{}",
        ctx.text(Text::Exported),
        stats.events,
        ctx.text(Text::Events),
        a.out
            .out
            .as_ref()
            .map(|p| format!(" → {} (clock {})", p.display(), stats.max_clock))
            .unwrap_or_default()
    )?;
    Ok(())
}
