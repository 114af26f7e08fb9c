//! `ledger demo`: build a small realistic district and print its report.

use std::io::{BufReader, Write};
use std::path::PathBuf;

use crate::cli::Ctx;
use crate::demo::{self, Plan};
use crate::domain::OfficeCode;
use crate::exchange;
use crate::ledger::Ledger;

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
    let dir = match a.dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!(
            "ledger-demo-{}-{}",
            ctx.stamp.now.format("%Y%m%d-%H%M%S"),
            std::process::id()
        )),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let mut exports = Vec::new();
    for k in 0..a.offices {
        let code: OfficeCode = format!("S{:02}", k + 1)
            .parse()
            .map_err(anyhow::Error::msg)?;
        let name = OFFICE_NAMES[k as usize % OFFICE_NAMES.len()];
        let path = dir.join(format!("{code}.db"));
        let mut ledger = Ledger::create(&path, &code, name, false, &ctx.stamp)?;
        let plan = Plan {
            cases: a.cases,
            seed: a.seed.wrapping_add(k as u64 * 7919),
            days: 240,
            now: ctx.stamp.now,
        };
        let ids = ledger.write(&ctx.stamp, |w| demo::generate(w, &plan))?;
        // The nightly job: each office exports its events.
        let csv = dir.join(format!("{code}.csv"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&csv)?);
        let stats = exchange::export(&ledger, &mut out, None)?;
        out.flush()?;
        writeln!(
            ctx.err,
            "{} {name}: {} {}, {} {} → {}",
            path.display(),
            ids.len(),
            ctx.t("件", "cases"),
            stats.events,
            ctx.t("条事件", "events"),
            csv.display()
        )?;
        exports.push(csv);
    }
    if a.no_district {
        return Ok(());
    }
    // The district merges them all.
    let district = dir.join("district.db");
    let code: OfficeCode = "D".parse().map_err(anyhow::Error::msg)?;
    let mut ledger = Ledger::create(&district, &code, "示范区", true, &ctx.stamp)?;
    for csv in &exports {
        let name = csv.display().to_string();
        let reader = exchange::Reader::new(&name, BufReader::new(std::fs::File::open(csv)?))?;
        let stats = ledger.merge(exchange::read_ahead(reader), false, &mut |_| {})?;
        writeln!(
            ctx.err,
            "{} {name}: {} {}",
            ctx.t("区级合并", "district merged"),
            stats.new_events,
            ctx.t("条新事件", "new events")
        )?;
    }
    drop(ledger);
    ctx.db = district.clone();
    crate::cmd::report::run(
        ctx,
        crate::cmd::report::Args {
            by: Some(crate::cmd::report::By::Office),
            from: None,
            to: None,
            format: crate::render::Format::Table,
        },
    )?;
    writeln!(
        ctx.err,
        "{}: ledger --db {} list --overdue",
        ctx.t("试一试", "try"),
        district.display()
    )?;
    Ok(())
}
