//! `ledger init`: create a ledger file for an office or the district.

use crate::cmd::msg::Text;
use crate::cmd::{Ctx, open_exchange};
use crate::domain::OfficeCode;
use crate::exchange;
use crate::ledger::Ledger;
use crate::ledger::keys::PublicKey;

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
    #[arg(long, required_unless_present = "restore")]
    pub name: Option<String>,
    /// This file is the district's (it merges the offices' exports).
    #[arg(long, conflicts_with = "restore")]
    pub district: bool,
    /// Make the office's ledger anew from an exchange file that holds its events (the district's latest export), after the office lost its file.
    #[arg(long, value_name = "FILE", conflicts_with = "name", requires = "trust")]
    pub restore: Option<std::path::PathBuf>,
    /// With --restore: the district's key, as its `ledger key` prints it (the file must be signed with it).
    #[arg(long, value_name = "KEY", requires = "restore", value_parser = parse_key)]
    pub trust: Option<PublicKey>,
}

fn parse_key(s: &str) -> Result<PublicKey, crate::invalid::Invalid> {
    s.parse()
}

pub fn run(ctx: &mut Ctx, args: Args) -> anyhow::Result<()> {
    if let Some(file) = &args.restore {
        let reader = open_exchange(file, |input, _| input)?;
        let district_key = args.trust.as_ref().expect("clap requires --trust");
        let (ledger, stats) = Ledger::restore(
            &ctx.db,
            &args.office,
            exchange::read_ahead(reader),
            district_key,
            &ctx.stamp,
        )?;
        writeln!(
            ctx.err,
            "{} {} ({} {}): {} {}, {} {}",
            ctx.text(Text::RestoredLedger),
            ctx.db.display(),
            args.office,
            ledger.office().name,
            stats.new_events,
            ctx.text(Text::Events),
            stats.cases_created,
            ctx.text(Text::Cases)
        )?;
        writeln!(
            ctx.err,
            "{} ledger trust {} {} --replace",
            ctx.text(Text::NewKeyTrustAtDistrict),
            args.office,
            ledger.public_key()?
        )?;
        return Ok(());
    }
    let name = args.name.unwrap_or_default();
    Ledger::create(&ctx.db, &args.office, &name, args.district, &ctx.stamp)?;
    writeln!(
        ctx.err,
        "{} {} ({} {})",
        ctx.text(Text::CreatedLedger),
        ctx.db.display(),
        args.office,
        name.trim()
    )?;
    Ok(())
}
