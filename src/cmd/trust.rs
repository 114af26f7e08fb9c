//! `ledger trust`: register the key of a ledger whose files this one merges, or list them.

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
            writeln!(
                ctx.err,
                "{}",
                ctx.t(
                    "尚未登记任何密钥: ledger trust CODE KEY",
                    "no keys registered yet: ledger trust CODE KEY"
                )
            )?;
            return Ok(());
        }
        let mut grid = Grid::new([
            ctx.t("单位", "office"),
            ctx.t("公钥", "key"),
            ctx.t("登记时间", "registered"),
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
        Registered::New => ctx.t("已登记公钥", "registered the key of"),
        Registered::Replaced => ctx.t("已更换公钥", "replaced the key of"),
        Registered::Unchanged => ctx.t("公钥已登记，无变化", "already registered, unchanged:"),
    };
    writeln!(ctx.err, "{said} {code} {}", key.short())?;
    Ok(())
}
