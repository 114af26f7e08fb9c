//! `ledger trust`: register the key of a ledger whose files this one merges, or list them.

use crate::cmd::msg::Text;
use crate::cmd::{Ctx, FormatArg};
use crate::domain::OfficeCode;
use crate::ledger::keys::{PublicKey, Registered};
use crate::render::{self, Format, Grid};

/// Register the key another ledger read out from its `ledger key` (or, without arguments, list the registered keys).
///
/// A district registers each office's key; an office registers its
/// district's. Files signed by any other key are refused whole. Replacing a
/// key (the office made its ledger anew with `init --restore`) needs
/// --replace, and is recorded in the log.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger --db district.db trust S07 ed25519:3f1c…\n  ledger trust D ed25519:9a0b…                   # at an office: its district\n  ledger --db district.db trust S07 ed25519:77aa… --replace\n  ledger trust                                    # list"
)]
pub struct Args {
    /// The office (or district) code the key belongs to.
    #[arg(requires = "key")]
    pub code: Option<OfficeCode>,
    /// The key, as `ledger key` prints it: ed25519: and 64 hex digits.
    #[arg(value_parser = parse_key)]
    pub key: Option<PublicKey>,
    /// Replace the key registered for CODE.
    #[arg(long, requires = "key")]
    pub replace: bool,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

fn parse_key(s: &str) -> Result<PublicKey, crate::invalid::Invalid> {
    s.parse()
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let (Some(code), Some(key)) = (a.code, a.key) else {
        let rows = ledger.trusted_keys()?;
        if rows.is_empty() && a.format.format == Format::Table {
            writeln!(ctx.err, "{}", ctx.text(Text::NoKeysYet))?;
            return Ok(());
        }
        let mut grid = Grid::new([
            ctx.text(Text::Office),
            ctx.text(Text::PublicKey),
            ctx.text(Text::RegisteredAt),
        ]);
        for r in rows {
            grid.push(vec![r.code, r.key, r.registered_at]);
        }
        render::grid(
            ctx.out,
            a.format.format,
            ctx.style,
            &grid,
            &["code", "key", "registered_at"],
        )?;
        return Ok(());
    };
    let outcome = ledger.write(&ctx.stamp, |w| w.trust(code.as_str(), &key, a.replace))?;
    let said = match outcome {
        Registered::New => ctx.text(Text::KeyRegistered),
        Registered::Replaced => ctx.text(Text::KeyReplaced),
        Registered::Unchanged => ctx.text(Text::KeyUnchanged),
    };
    writeln!(ctx.err, "{said} {code} {}", key.short())?;
    Ok(())
}
