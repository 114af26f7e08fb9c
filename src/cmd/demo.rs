//! `ledger demo`: build a small realistic district and print its report.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::cmd::msg::{self, Text};
use crate::cmd::report::{self, By};
use crate::cmd::{Ctx, open_exchange};
use crate::demo::{self, Plan};
use crate::domain::{Lang, OfficeCode};
use crate::exchange;
use crate::ledger::flags::period::Period;
use crate::ledger::report::GroupBy;
use crate::ledger::{Ledger, Stamp, Then, files};
use crate::render::Format;

pub const OFFICE_NAMES: &[&str] = &[
    "建设路街道",
    "解放路街道",
    "人民路街道",
    "文化路街道",
    "花园路街道",
    "丰产路街道",
    "东风路街道",
    "南阳路街道",
    "杜岭街道",
    "大石桥街道",
    "北林路街道",
    "未来路街道",
    "经八路街道",
    "紫荆山路街道",
    "金水路街道",
    "博物馆街道",
    "龙子湖街道",
    "如意湖街道",
    "兴达路街道",
    "国基路街道",
];

/// Build a demo district: office ledgers with months of realistic cases, their nightly exports, the district's merge, and its report.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger demo\n  ledger demo --dir /tmp/demo --offices 5 --cases 200"
)]
pub struct Args {
    /// Where to write the files (must not hold ledger files yet); default: a new folder under the system temp folder.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// How many street offices.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=99))]
    pub offices: u32,
    /// Cases per office.
    #[arg(long, default_value_t = 60)]
    pub cases: usize,
    /// Seed for the generator (same seed, same ledgers).
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Stop after writing the office files and their exports (for benchmarks).
    #[arg(long)]
    pub no_district: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let dir = match a.dir.clone() {
        Some(d) => d,
        None => std::env::temp_dir().join(format!(
            "ledger-demo-{}-{}",
            ctx.stamp.now.format("%Y%m%d-%H%M%S"),
            std::process::id()
        )),
    };
    // The demo's ledgers hold (made-up) personal data like real ones: the
    // folder is the owner's only, whatever the umask (on Windows it
    // inherits its parent's access list).
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    if let Err(source) = builder.create(&dir) {
        return Err(crate::cmd::error::Error::CreateDir { path: dir, source }.into());
    }
    let mut exports = Vec::new();
    for (k, line) in build_offices(&dir, &a, &ctx.stamp, ctx.lang)? {
        writeln!(ctx.err, "{line}")?;
        exports.push(dir.join(format!("S{:02}.csv", k + 1)));
    }
    if a.no_district {
        return Ok(());
    }
    let district = dir.join("district.db");
    let ledger = merge_district(ctx, &district, &exports)?;
    let report = ledger.report(
        &ctx.today(),
        &Period::default(),
        Some(GroupBy::Office),
        None,
    )?;
    let shown = report::Args {
        by: vec![By::Office],
        from: None,
        to: None,
        period: None,
        format: crate::cmd::present::Output::Text(Format::Table),
        out: Default::default(),
        acceptance: false,
    };
    report::print(ctx, &ledger, &report, &shown)?;
    writeln!(
        ctx.err,
        "{}: ledger --db {} list --overdue",
        ctx.text(Text::Try),
        district.display()
    )?;
    Ok(())
}

/// Builds every office's ledger and export; offices are independent files,
/// so they are built on every core. Returns each office's number and line,
/// in order.
fn build_offices(
    dir: &Path,
    a: &Args,
    stamp: &Stamp,
    lang: Lang,
) -> anyhow::Result<Vec<(u32, String)>> {
    let next = AtomicU32::new(0);
    let made: Mutex<Vec<(u32, String)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(a.offices as usize);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> anyhow::Result<()> {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= a.offices {
                            return Ok(());
                        }
                        let line = build_office(dir, k, a, stamp, lang)?;
                        made.lock().expect("no panics while held").push((k, line));
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().expect("a demo worker panicked")?;
        }
        Ok(())
    })?;
    let mut made = made.into_inner().expect("no panics while held");
    made.sort();
    Ok(made)
}

/// The district's ledger, made and merging every office's export.
fn merge_district(ctx: &mut Ctx, district: &Path, exports: &[PathBuf]) -> anyhow::Result<Ledger> {
    let code: OfficeCode = "D".parse().expect("D is an office code");
    let mut ledger = Ledger::create(district, &code, "示范区", true, &ctx.stamp)?;
    // What the README asks of a real district, done here on one machine:
    // each office reads out its key and the district registers it, and
    // each office registers the district's.
    let district_key = ledger.public_key()?;
    for csv in exports {
        let mut office = Ledger::open(&csv.with_extension("db"))?;
        let office_code = office.office().code.clone();
        let office_key = office.public_key()?;
        office.write(&ctx.stamp, |w| w.trust(code.as_str(), &district_key, false))?;
        ledger.write(&ctx.stamp, |w| w.trust(&office_code, &office_key, false))?;
    }
    for csv in exports {
        let reader = open_exchange(csv, |file, _| file)?;
        let stats = ledger.merge(exchange::read_ahead(reader), Then::Commit, &mut |_| {})?;
        writeln!(
            ctx.err,
            "{} {}: {} {}",
            ctx.text(Text::DistrictMerged),
            csv.display(),
            stats.new_events,
            ctx.text(Text::NewEventsCount)
        )?;
    }
    Ok(ledger)
}

/// Builds office number `k`'s ledger and its export; returns a line to say so.
fn build_office(dir: &Path, k: u32, a: &Args, stamp: &Stamp, lang: Lang) -> anyhow::Result<String> {
    // At most 99 offices (clap checks `--offices`): S01 to S99.
    let code: OfficeCode = format!("S{:02}", k + 1)
        .parse()
        .expect("S and two digits is an office code");
    let name = OFFICE_NAMES[k as usize % OFFICE_NAMES.len()];
    let path = dir.join(format!("{code}.db"));
    let mut ledger = Ledger::create(&path, &code, name, false, stamp)?;
    let plan = Plan {
        cases: a.cases,
        seed: a.seed.wrapping_add(k as u64 * 7919),
        days: 240,
        now: stamp.now,
    };
    let ids = ledger.write(stamp, |w| demo::generate(w, &plan))?;
    // The nightly job: each office exports its events.
    let csv = dir.join(format!("{code}.csv"));
    let stats = files::write_atomically(&csv, |out| exchange::export(&ledger, out, None))?;
    let cases = msg::text(Text::Cases, lang);
    let events = msg::text(Text::Events, lang);
    Ok(format!(
        "{} {name}: {} {cases}, {} {events} → {}",
        path.display(),
        ids.len(),
        stats.events,
        csv.display()
    ))
}
