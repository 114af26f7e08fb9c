//! `ledger demo`: build a small realistic district and print its report.

use std::path::PathBuf;

use crate::cli::Ctx;
use crate::demo::{self, Plan};
use crate::domain::OfficeCode;
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

/// Build demo office ledgers with months of realistic cases, and print the report.
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
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let dir = match a.dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!(
            "ledger-demo-{}",
            ctx.stamp.now.format("%Y%m%d-%H%M%S")
        )),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let mut files = Vec::new();
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
        writeln!(
            ctx.err,
            "{} {}: {} {}",
            path.display(),
            name,
            ids.len(),
            ctx.t("件", "cases")
        )?;
        files.push(path);
    }
    // The report of the first office; `ledger --db FILE report` shows any other.
    ctx.db = files[0].clone();
    crate::cmd::report::run(
        ctx,
        crate::cmd::report::Args {
            by: Some(crate::cmd::report::By::Problem),
            from: None,
            to: None,
            format: crate::render::Format::Table,
        },
    )?;
    writeln!(
        ctx.err,
        "{}: ledger --db {} list",
        ctx.t("试一试", "try"),
        files[0].display()
    )?;
    Ok(())
}
