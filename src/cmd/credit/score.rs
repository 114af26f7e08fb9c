//! `ledger credit score`: every company's standing, or one company's records.

use chrono::NaiveDate;
use serde_json::json;

use super::{Credit, day, grade_text, records_grid, zh};
use crate::cmd::msg::Text;
use crate::cmd::{Ctx, FormatArg};
use crate::credit::standard::Standard;
use crate::credit::{Company, Standing};
use crate::domain::DateArg;
use crate::render::{self, Format, Grid};

/// Every company's score, grade and list status (or one company's records).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger credit score\n  ledger credit score --company 鑫源物业服务有限公司 --as-of 2027-06-30"
)]
pub struct Args {
    /// Score on this day (default today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<DateArg>,
    /// Show the records behind one company's score.
    #[arg(long)]
    company: Option<String>,
    #[command(flatten)]
    format: FormatArg,
    #[command(flatten)]
    pub(super) out: crate::cmd::out::OutArg,
}

pub(super) fn run(ctx: &mut Ctx, cr: &Credit, a: Args) -> anyhow::Result<()> {
    let on = day(ctx, a.as_of);
    let std = cr.reg.standard();
    let format = a.format.format;
    if let Some(name) = a.company {
        let c = cr.reg.company(&name)?;
        return company(ctx, cr, &std, c, on, format);
    }
    let standings: Vec<Standing> = cr
        .reg
        .companies
        .values()
        .map(|c| cr.reg.standing(&std, c, on))
        .collect();
    if format == Format::Json {
        render::json(
            ctx.out,
            &json!({"as_of": on, "standard": std.name, "companies": standings}),
        )?;
        return Ok(());
    }
    let mut g = Grid::new([
        ctx.text(Text::CreditCode),
        ctx.text(Text::Company),
        ctx.text(Text::Score),
        ctx.text(Text::Grade),
        ctx.text(Text::ActiveRecords),
        ctx.text(Text::ListStatus),
        ctx.text(Text::DismissedBy),
    ])
    // Names are cut to fit a terminal; codes, scores and grades never are.
    .cut(&[(1, 2), (6, 1)]);
    for s in &standings {
        g.push(vec![
            s.uscc.clone(),
            s.name.clone(),
            s.score.to_string(),
            grade_text(ctx, s, true),
            s.active_records.to_string(),
            s.status.label(zh(ctx)).to_string(),
            s.dismissed_by.clone().unwrap_or_default(),
        ]);
    }
    if format == Format::Table {
        let (title, standard) = (ctx.text(Text::CreditScores), ctx.text(Text::ScoreStandard));
        writeln!(ctx.out, "{title} {on} — {standard} {}", std.name)?;
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    Ok(())
}

/// One company's score on `on` and the records behind it.
fn company(
    ctx: &mut Ctx,
    cr: &Credit,
    std: &Standard,
    c: &Company,
    on: NaiveDate,
    format: Format,
) -> anyhow::Result<()> {
    let s = cr.reg.standing(std, c, on);
    let g = records_grid(ctx, &cr.reg, std, &c.uscc, on);
    if format == Format::Json {
        let records: Vec<_> = cr.reg.records.iter().filter(|r| r.uscc == c.uscc).collect();
        render::json(
            ctx.out,
            &json!({"as_of": on, "standard": std.name, "standing": s, "records": records}),
        )?;
        return Ok(());
    }
    if format == Format::Table {
        writeln!(
            ctx.out,
            "{} {}: {} = {} {:+} → {} ({}) — {}",
            c.name,
            on,
            ctx.text(Text::Score),
            std.base,
            s.score - std.base,
            s.score,
            grade_text(ctx, &s, false),
            s.status.label(zh(ctx))
        )?;
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    Ok(())
}
