//! `ledger export`: the exchange CSV of every event this file holds.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::cmd::Ctx;
use crate::exchange;
use crate::ledger::files;

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
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only events whose clock is greater than this (the `clock` of the previous export's end row).
    #[arg(long, value_name = "CLOCK")]
    pub since: Option<i64>,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let stats = match &a.out {
        None => exchange::export(&ledger, ctx.out, a.since)?,
        Some(path) => write_atomically(path, |w| Ok(exchange::export(&ledger, w, a.since)?))?,
    };
    writeln!(
        ctx.err,
        "{} {} {}{}",
        ctx.t("已导出", "exported"),
        stats.events,
        ctx.t("条事件", "events"),
        a.out
            .as_ref()
            .map(|p| format!(" → {} (clock {})", p.display(), stats.max_clock))
            .unwrap_or_default()
    )?;
    Ok(())
}

/// Writes through a temporary file in the same folder, synced, then renamed
/// over `path`; readable by the owner only (it carries personal data).
pub(crate) fn write_atomically<T>(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let dir = files::folder_of(path)?;
    let name = path
        .file_name()
        .ok_or_else(|| anyhow::anyhow!("{} is not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let file = files::create_private(&tmp)?;
        let mut w = BufWriter::new(file);
        let out = f(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path)
            .map_err(|e| anyhow::anyhow!("cannot move the export to {}: {e}", path.display()))?;
        Ok(out)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
