//! `ledger merge`: take exchange files into this ledger, each whole or not at all.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::cmd::{Ctx, open_exchange};
use crate::exchange::read_ahead;
use crate::ledger::merge::MergeStats;
use crate::ledger::{self, Ledger, Then};
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

impl FileResult {
    fn merged(file: String, s: MergeStats) -> FileResult {
        FileResult {
            file,
            new_events: s.new_events,
            known_events: s.known_events,
            skipped_events: s.skipped_events,
            cases_created: s.cases_created,
            cases_changed: s.cases_created + s.cases_changed,
            conflicts: s.conflicts,
            refused: serde_json::Value::Bool(false),
        }
    }

    fn refused(file: String, why: String) -> FileResult {
        FileResult {
            file,
            new_events: 0,
            known_events: 0,
            skipped_events: 0,
            cases_created: 0,
            cases_changed: 0,
            conflicts: Vec::new(),
            refused: serde_json::Value::String(why),
        }
    }
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    if !matches!(a.format, Format::Table | Format::Json) {
        return Err(crate::cmd::error::Error::MergeFormat.into());
    }
    let mut ledger = ctx.open()?;
    let mut results = Vec::new();
    for path in &a.files {
        results.push(merge_one(ctx, &mut ledger, path, a.dry_run)?);
    }
    match a.format {
        Format::Json => render::json(ctx.out, &results)?,
        _ => table(ctx, &results, a.dry_run)?,
    }
    let refused = results.iter().filter(|r| r.refused.is_string()).count();
    if refused > 0 && results.len() == 1 {
        // Its one-line reason is already printed.
        return Err(crate::cmd::msg::Reported.into());
    }
    if refused > 0 {
        let files = results.len();
        let dry_run = a.dry_run;
        return Err(crate::cmd::error::Error::FilesRefused {
            refused,
            files,
            dry_run,
        }
        .into());
    }
    Ok(())
}

/// Merges one file and says on stderr what needs a person: its conflicts,
/// or why it was refused (the other files still merge).
fn merge_one(
    ctx: &mut Ctx,
    ledger: &mut Ledger,
    path: &Path,
    dry_run: bool,
) -> anyhow::Result<FileResult> {
    let name = path.display().to_string();
    match merge_file(ledger, path, Then::dry_run(dry_run)) {
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
            Ok(FileResult::merged(name, s))
        }
        Err(e) => {
            let said = crate::cmd::msg::say(&e, ctx.lang);
            writeln!(ctx.err, "error: {said}")?;
            Ok(FileResult::refused(name, said))
        }
    }
}

/// Reads and merges one exchange file, with a progress bar on a terminal
/// when it takes more than a second.
fn merge_file(ledger: &mut Ledger, path: &Path, then: Then) -> ledger::Result<MergeStats> {
    let name = path.display().to_string();
    let read = Arc::new(AtomicU64::new(0));
    let mut size = 0;
    let reader = open_exchange(path, |file, len| {
        size = len;
        Counting {
            inner: file,
            read: read.clone(),
        }
    })?;
    let mut bar = Progress::new(&name, size, read);
    let stats = ledger.merge(read_ahead(reader), then, &mut |_| bar.tick());
    bar.finish();
    stats.map_err(|e| e.in_file(&name))
}

/// A progress bar over the bytes read, drawn only on a terminal and only
/// once a file has taken a second: quick merges print nothing extra.
struct Progress {
    name: String,
    size: u64,
    read: Arc<AtomicU64>,
    interactive: bool,
    started: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(name: &str, size: u64, read: Arc<AtomicU64>) -> Progress {
        Progress {
            name: name.to_string(),
            size,
            read,
            interactive: std::io::stderr().is_terminal(),
            started: Instant::now(),
            bar: None,
        }
    }

    fn tick(&mut self) {
        if !self.interactive {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() > Duration::from_secs(1) {
            let b = ProgressBar::new(self.size);
            b.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} {eta}")
                    .expect("a valid template")
                    .progress_chars("=> "),
            );
            b.set_message(self.name.clone());
            self.bar = Some(b);
        }
        if let Some(b) = &self.bar {
            b.set_position(self.read.load(Ordering::Relaxed));
        }
    }

    fn finish(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}

fn table(ctx: &mut Ctx, results: &[FileResult], dry_run: bool) -> std::io::Result<()> {
    let mut g = Grid::new([
        ctx.t("文件", "file"),
        ctx.t("新事件", "new events"),
        ctx.t("已有事件", "known events"),
        ctx.t("跳过", "skipped"),
        ctx.t("新增问题", "cases created"),
        ctx.t("变更问题", "cases changed"),
        ctx.t("结果", "result"),
    ]);
    for r in results {
        g.push(vec![
            r.file.clone(),
            r.new_events.to_string(),
            r.known_events.to_string(),
            r.skipped_events.to_string(),
            r.cases_created.to_string(),
            r.cases_changed.to_string(),
            match &r.refused {
                serde_json::Value::String(_) => ctx.t("拒绝", "refused").to_string(),
                _ if dry_run => ctx.t("可合并(未写入)", "ok (dry run)").to_string(),
                _ => ctx.t("已合并", "merged").to_string(),
            },
        ]);
    }
    render::table(ctx.out, &g, ctx.style)
}
