//! `ledger community list`: the register with each community's cases.

use serde_json::json;

use super::{committee, l};
use crate::cmd::msg::campaign::Label;
use crate::cmd::{Ctx, FormatArg};
use crate::ledger::campaign::usage;
use crate::render::{self, Format, Grid};

/// The registered communities: office, aliases, company, committee, demonstration, cases.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger community list --format csv --out 小区.csv")]
pub struct Args {
    #[command(flatten)]
    format: FormatArg,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

pub(super) fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let reg = ledger.communities()?;
    let (counts, _) = usage::counts(ledger.conn(), &reg)?;
    let mut g = Grid::new([
        l(ctx, Label::Community),
        l(ctx, Label::Office),
        l(ctx, Label::Aliases),
        l(ctx, Label::Company),
        l(ctx, Label::Committee),
        l(ctx, Label::Demonstration),
        l(ctx, Label::Cases),
        l(ctx, Label::OpenCases),
    ])
    .cut(&[(2, 2), (3, 2)]);
    let mut rows = Vec::new();
    for (c, n) in reg.list.iter().zip(&counts) {
        g.push(vec![
            c.name.clone(),
            c.office.clone(),
            c.aliases.join("、"),
            c.company.clone().unwrap_or_default(),
            committee(ctx, c.committee),
            if c.demonstration { "✓" } else { "" }.to_string(),
            n.total.to_string(),
            n.open.to_string(),
        ]);
        rows.push(json!({
            "name": c.name, "office": c.office, "aliases": c.aliases, "company": c.company,
            "committee": c.committee, "demonstration": c.demonstration,
            "cases": n.total, "open": n.open,
        }));
    }
    match a.format.format {
        Format::Json => render::json(ctx.out, &rows)?,
        f => render::grid(ctx.out, f, ctx.style, &g, &[])?,
    }
    Ok(())
}
