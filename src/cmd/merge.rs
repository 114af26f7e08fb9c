//! `ledger merge`: take exchange files into this ledger, each whole or not at all.

use std::fs::File;
use std::io::{BufReader, IsTerminal, Read};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::cmd::Ctx;
use crate::exchange::{Reader, read_ahead};
use crate::ledger::Then;
use crate::ledger::merge::MergeStats;
use crate::render::{self, Format, Grid};

/// Merge exchange files (from `ledger export`) into this ledger.
///
/// Each file is merged whole or not at all; a refused file (altered rows,
/// cut short, rewriting history) leaves the ledger untouched and the other
/// files still merge. Merging a file again changes nothing.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger --db district.db merge /mnt/share/S*.csv\n  ledger merge --dry-run --format json S07-2026-11-26.csv"
)]
pub struct Args {
    /// Exchange files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Check and count everything, then write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_name = "table|json")]
    pub format: Format,
}

#[derive(Serialize)]
struct FileResult {
    file: String,
    new_events: u64,
    known_events: u64,
    skipped_events: u64,
    cases_created: u64,
    /// Cases created or changed.
    cases_changed: u64,
    /// Cases where this file's events conflict with work held here.
    conflicts: Vec<String>,
    /// `false`, or why the file was refused.
    refused: serde_json::Value,
}

/// Counts bytes read, for the progress bar.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    if !matches!(a.format, Format::Table | Format::Json) {
        anyhow::bail!("merge prints a table or json (--format table|json)");
    }
    let mut ledger = ctx.open()?;
    let interactive = std::io::stderr().is_terminal();
    let mut results = Vec::new();
    for path in &a.files {
        let name = path.display().to_string();
        let read = Arc::new(AtomicU64::new(0));
        let outcome = (|| -> crate::ledger::Result<MergeStats> {
            let file = File::open(path).map_err(|e| {
                crate::ledger::Error::Refused(format!("{name}: cannot read it: {e}"))
            })?;
            let size = file.metadata().map(|m| m.len()).unwrap_or(0);
            let input = Counting {
                inner: BufReader::with_capacity(1 << 16, file),
                read: read.clone(),
            };
            let reader = Reader::new(&name, input)?;
            let started = Instant::now();
            let mut bar: Option<ProgressBar> = None;
            let mut progress = |_events: u64| {
                if !interactive {
                    return;
                }
                if bar.is_none() && started.elapsed() > Duration::from_secs(1) {
                    let b = ProgressBar::new(size);
                    b.set_style(
                        ProgressStyle::with_template(
                            "{msg} [{bar:30}] {bytes}/{total_bytes} {eta}",
                        )
                        .expect("a valid template")
                        .progress_chars("=> "),
                    );
                    b.set_message(name.clone());
                    bar = Some(b);
                }
                if let Some(b) = &bar {
                    b.set_position(read.load(Ordering::Relaxed));
                }
            };
            let stats = ledger.merge(read_ahead(reader), Then::dry_run(a.dry_run), &mut progress);
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            stats.map_err(|e| match e {
                crate::ledger::Error::Refused(m) if !m.starts_with(&name) => {
                    crate::ledger::Error::Refused(format!("{name}, {m}"))
                }
                e => e,
            })
        })();
        let result = match outcome {
            Ok(s) => {
                if !s.conflicts.is_empty() {
                    writeln!(
                        ctx.err,
                        "{name}: {} {}: {} ({})",
                        s.conflicts.len(),
                        ctx.t("件问题有冲突", "cases with conflicting work"),
                        s.conflicts.join(", "),
                        ctx.t(
                            "见 ledger list --conflicts；查看后加备注即可清除",
                            "see ledger list --conflicts; a note on the case clears it"
                        )
                    )?;
                }
                FileResult {
                    file: name,
                    new_events: s.new_events,
                    known_events: s.known_events,
                    skipped_events: s.skipped_events,
                    cases_created: s.cases_created,
                    cases_changed: s.cases_created + s.cases_changed,
                    conflicts: s.conflicts,
                    refused: serde_json::Value::Bool(false),
                }
            }
            Err(e) => {
                let e = match &e {
                    crate::ledger::Error::Sqlite(r) => {
                        match crate::msg::plain_sqlite(r, ctx.lang) {
                            Some(p) => crate::ledger::Error::Refused(format!("{name}: {p}")),
                            None => e,
                        }
                    }
                    _ => e,
                };
                writeln!(ctx.err, "error: {e}")?;
                FileResult {
                    file: name,
                    new_events: 0,
                    known_events: 0,
                    skipped_events: 0,
                    cases_created: 0,
                    cases_changed: 0,
                    conflicts: Vec::new(),
                    refused: serde_json::Value::String(e.to_string()),
                }
            }
        };
        results.push(result);
    }
    match a.format {
        Format::Json => render::json(ctx.out, &results)?,
        _ => {
            let mut g = Grid::new([
                ctx.t("文件", "file"),
                ctx.t("新事件", "new events"),
                ctx.t("已有事件", "known events"),
                ctx.t("跳过", "skipped"),
                ctx.t("新增问题", "cases created"),
                ctx.t("变更问题", "cases changed"),
                ctx.t("结果", "result"),
            ]);
            for r in &results {
                g.push(vec![
                    r.file.clone(),
                    r.new_events.to_string(),
                    r.known_events.to_string(),
                    r.skipped_events.to_string(),
                    r.cases_created.to_string(),
                    r.cases_changed.to_string(),
                    match &r.refused {
                        serde_json::Value::String(_) => ctx.t("拒绝", "refused").to_string(),
                        _ if a.dry_run => ctx.t("可合并(未写入)", "ok (dry run)").to_string(),
                        _ => ctx.t("已合并", "merged").to_string(),
                    },
                ]);
            }
            render::table(ctx.out, &g, ctx.style)?;
        }
    }
    let refused = results.iter().filter(|r| r.refused.is_string()).count();
    if refused > 0 && results.len() == 1 {
        // Its one-line reason is already printed.
        return Err(crate::msg::Reported.into());
    }
    if refused > 0 {
        anyhow::bail!(
            "{refused} of {} files refused; the others were {}",
            results.len(),
            if a.dry_run { "checked" } else { "merged" }
        );
    }
    Ok(())
}
