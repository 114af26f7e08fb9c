//! `ledger init`: create a ledger file for an office or the district.

use crate::cli::Ctx;
use crate::domain::OfficeCode;
use crate::ledger::Ledger;

/// Create a ledger file for a street office (or, with --district, the district).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger init --office S07 --name 建设路街道\n  ledger --db district.db init --office D --name 示范区 --district"
)]
pub struct Args {
    /// Office code: 1 to 8 ASCII letters or digits (upper-cased), unique in the district.
    #[arg(long, value_name = "CODE")]
    pub office: OfficeCode,
    /// The office's Chinese name, e.g. 建设路街道.
    #[arg(long)]
    pub name: String,
    /// This file is the district's (it merges the offices' exports).
    #[arg(long)]
    pub district: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> anyhow::Result<()> {
    Ledger::create(&ctx.db, &args.office, &args.name, args.district, &ctx.stamp)?;
    writeln!(
        ctx.err,
        "{} {} ({} {})",
        ctx.t("已建立台账", "created ledger"),
        ctx.db.display(),
        args.office,
        args.name.trim()
    )?;
    Ok(())
}
