//! `ledger merge`: take exchange files into this ledger, each whole or not at all.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::cmd::error::Error;
use crate::cmd::msg::Text;
use crate::cmd::out::OutArg;
use crate::cmd::{Ctx, open_exchange};
use crate::exchange::{self, read_ahead};
use crate::ledger::merge::MergeStats;
use crate::ledger::{self, Ledger, Then};
use crate::render::{self, Format, Grid};

/// Merge exchange files (from `ledger export`) into this ledger.
///
/// Each file is merged whole or not at all; a refused file (altered rows,
/// cut short, rewriting history) leaves the ledger untouched and the other
/// files still merge. Merging a file again changes nothing. A folder means
/// every exchange file in it, by name; `*` and `?` in a file name are
/// expanded here, as cmd.exe and PowerShell do not.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger --db district.db merge /mnt/share/S*.csv\n  ledger --db district.db merge \\\\server\\share\\2026-11-26\\\n  ledger merge --dry-run --format json S07-2026-11-26.csv"
)]
pub struct Args {
    /// Exchange files, folders of them, or names with * and ?.
    #[arg(required = true, value_name = "FILE|FOLDER")]
    pub files: Vec<PathBuf>,
    /// Check and count everything, then write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_name = "table|json", value_parser = crate::cmd::offered::formats(&["table", "json"]), hide_possible_values = true)]
    pub format: Format,
    #[command(flatten)]
    pub out: OutArg,
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
    let files = expand(&a.files)?;
    let mut ledger = ctx.open()?;
    let mut results = Vec::new();
    for path in &files {
        results.push(merge_one(ctx, &mut ledger, path, a.dry_run)?);
    }
    if !a.dry_run && ledger.office().district {
        // Issue 16: the day each office's ledger first reached the district.
        ledger.record_arrivals(&ctx.today())?;
    }
    a.out.run(ctx, |ctx| match a.format {
        Format::Json => Ok(render::json(ctx.out, &results)?),
        _ => Ok(table(ctx, &results, a.dry_run)?),
    })?;
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
                    ctx.text(Text::ConflictingCases),
                    s.conflicts.join(", "),
                    ctx.text(Text::ConflictsHint)
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
        ctx.text(Text::File),
        ctx.text(Text::NewEvents),
        ctx.text(Text::KnownEvents),
        ctx.text(Text::Skipped),
        ctx.text(Text::CasesCreated),
        ctx.text(Text::CasesChanged),
        ctx.text(Text::Result),
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
                serde_json::Value::String(_) => ctx.text(Text::Refused).to_string(),
                _ if dry_run => ctx.text(Text::DryRunOk).to_string(),
                _ => ctx.text(Text::Merged).to_string(),
            },
        ]);
    }
    render::table(ctx.out, &g, ctx.style)
}

/// The files the arguments name, in order: a folder gives every exchange
/// file in it and a name with `*` or `?` every file it matches, each sorted
/// by name; any other path is taken as it is (a file really named with a
/// `*`, which Unix allows, too). cmd.exe and PowerShell hand `S*.csv` over
/// as typed, so `merge` must expand it itself.
fn expand(args: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let found: Vec<PathBuf> = listed(arg)?
                .into_iter()
                .filter(|p| is_exchange(p))
                .collect();
            if found.is_empty() {
                return Err(Error::NoExchangeFile { dir: arg.clone() }.into());
            }
            files.extend(found);
        } else if let (false, Some(pattern)) = (arg.exists(), wildcard(arg)) {
            let dir = arg.parent().unwrap_or(Path::new(""));
            let found: Vec<PathBuf> = listed(dir)?
                .into_iter()
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| matches(&pattern, &n.to_string_lossy()))
                })
                .collect();
            if found.is_empty() {
                let pattern = arg.display().to_string();
                return Err(Error::NoMatch { pattern }.into());
            }
            files.extend(found);
        } else {
            files.push(arg.clone());
        }
    }
    Ok(files)
}

/// The file name of `path` when it holds `*` or `?`.
fn wildcard(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy();
    name.contains(['*', '?']).then(|| name.into_owned())
}

/// The files (not folders) in `dir`, sorted by name, as `dir` joined with
/// each name (`dir` empty: the bare names, as typed). Names starting with
/// a dot are left out, as shells do: a half-written export is one
/// (`files::write_atomically`).
fn listed(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let read = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let entries = std::fs::read_dir(read).map_err(|source| Error::ReadFolder {
        dir: read.to_path_buf(),
        source,
    })?;
    let mut names: Vec<_> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name())
        .filter(|n| !n.to_string_lossy().starts_with('.'))
        .collect();
    names.sort();
    Ok(names.into_iter().map(|n| dir.join(n)).collect())
}

/// A `.csv` file that opens with the exchange header (after a BOM), i.e.
/// one `ledger export` wrote; other CSVs in a shared folder (rejects,
/// reports) are not merged. A `.csv` that cannot be read is kept, so that
/// the merge names it and says why.
fn is_exchange(path: &Path) -> bool {
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !csv {
        return false;
    }
    let header = exchange::HEADER.join(",");
    let mut start = Vec::new();
    match std::fs::File::open(path) {
        Ok(f) => {
            if f.take(3 + header.len() as u64)
                .read_to_end(&mut start)
                .is_err()
            {
                return true;
            }
        }
        Err(_) => return true,
    }
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&start);
    start.starts_with(header.as_bytes())
}

/// Whether `name` matches `pattern`, where `*` stands for any run of
/// characters and `?` for one. Windows file names ignore case, so there
/// the match does too.
fn matches(pattern: &str, name: &str) -> bool {
    let fold = |s: &str| -> Vec<char> {
        if cfg!(windows) {
            s.to_lowercase().chars().collect()
        } else {
            s.chars().collect()
        }
    };
    let (p, n) = (fold(pattern), fold(name));
    // Greedy with one backtrack point: the last `*` and where it resumed.
    let (mut i, mut j, mut star) = (0, 0, None);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn wildcards_match_as_a_shell_does() {
        assert!(matches("S*.csv", "S07-2026-11-26.csv"));
        assert!(matches("S0?.csv", "S07.csv"));
        assert!(matches("*", "x"));
        assert!(matches("*.csv", ".csv"));
        assert!(matches("a*b*c", "aXbYbZc"));
        assert!(!matches("S*.csv", "D.csv"));
        assert!(!matches("S0?.csv", "S007.csv"));
        assert!(!matches("*.csv", "S07.csv.tmp-1"));
        assert!(matches("区*.csv", "区台账.csv"));
    }
}
