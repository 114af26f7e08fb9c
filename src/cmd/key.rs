//! `ledger key`: this ledger's public key, to read out to whoever merges its files.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;

/// Print this ledger's public key: one line, `CODE ed25519:…`, for the receiver's `ledger trust`.
///
/// Every export is signed with this ledger's own key. The district (for an
/// office's files) or the office (for the district's files) registers it
/// once with `ledger trust CODE KEY`; read it out over the phone or carry it
/// on paper, not in the same envelope as the files it vouches for.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger key                                 # S07 ed25519:3f1c…\n  ledger --db district.db trust $(ledger key)   # on one machine, as the demo does"
)]
pub struct Args {
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

pub fn run(ctx: &mut Ctx, _a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let me = ledger.office();
    let key = ledger.public_key()?;
    writeln!(ctx.out, "{} {key}", me.code)?;
    let hint = if me.district {
        ctx.text(Text::TrustAtEachOffice)
    } else {
        ctx.text(Text::TrustAtDistrict)
    };
    writeln!(ctx.err, "{hint} {} {key}", me.code)?;
    Ok(())
}
