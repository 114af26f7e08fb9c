//! `ledger community unmatched`: community texts no registered name or
//! alias matches, most cases first, for a clerk to add aliases.

use super::l;
use crate::cmd::msg::campaign::Label;
use crate::cmd::{Ctx, FormatArg};
use crate::ledger::campaign::usage;
use crate::render::{self, Format, Grid};

/// Community texts cases use that match no registered community, most cases first.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger community unmatched\n  ledger community set 幸福里小区 --alias 幸福里二期"
)]
pub struct Args {
    #[command(flatten)]
    format: FormatArg,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

pub(super) fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let reg = ledger.communities()?;
    let (_, unmatched) = usage::counts(ledger.conn(), &reg)?;
    if a.format.format == Format::Json {
        render::json(ctx.out, &unmatched)?;
        return Ok(());
    }
    let mut g = Grid::new([
        l(ctx, Label::TypedText),
        l(ctx, Label::Office),
        l(ctx, Label::Cases),
    ])
    .cut(&[(0, 3)]);
    for u in &unmatched {
        g.push(vec![u.text.clone(), u.office.clone(), u.cases.to_string()]);
    }
    render::grid(ctx.out, a.format.format, ctx.style, &g, &[])?;
    Ok(())
}
