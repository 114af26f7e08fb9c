//! `ledger credit company`: register, list and show companies.

use serde_json::json;

use super::{Credit, grade_text, records_grid, zh};
use crate::cmd::msg::Text;
use crate::cmd::{Ctx, FormatArg};
use crate::credit;
use crate::ledger::Then;
use crate::render::{self, Format, Grid};
use crate::uscc::Uscc;

/// Register, list and show companies.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T --manager 李四\n  ledger credit company list\n  ledger credit company show 91440300708461136T"
)]
pub struct Args {
    #[command(subcommand)]
    command: CompanyCommand,
}

#[derive(Debug, clap::Subcommand)]
enum CompanyCommand {
    /// Register a property service company.
    Add {
        #[arg(long)]
        name: String,
        /// Unified social credit code (统一社会信用代码), 18 characters.
        #[arg(long)]
        uscc: Uscc,
        /// Project managers (repeat the flag for several).
        #[arg(long = "manager", value_name = "NAME")]
        managers: Vec<String>,
        /// No owners' committee functions at its projects (the community residents' committee acts).
        #[arg(long)]
        no_committee: bool,
    },
    /// List registered companies with their scores.
    List {
        #[command(flatten)]
        format: FormatArg,
        #[command(flatten)]
        out: crate::cmd::out::OutArg,
    },
    /// One company: its data, standing, records and cases.
    Show {
        /// Registered name or credit code.
        company: String,
        #[command(flatten)]
        format: FormatArg,
        #[command(flatten)]
        out: crate::cmd::out::OutArg,
    },
}

pub(super) fn run(ctx: &mut Ctx, cr: &mut Credit, a: Args) -> anyhow::Result<()> {
    match a.command {
        CompanyCommand::Add {
            name,
            uscc,
            managers,
            no_committee,
        } => {
            let reg = &cr.reg;
            cr.ledger.write_as(&ctx.stamp, Then::Commit, |w| {
                credit::add_company(w, reg, &uscc, &name, &managers, !no_committee)
            })?;
            writeln!(
                ctx.err,
                "{} {} {uscc}",
                ctx.text(Text::CompanyRegistered),
                name.trim()
            )?;
            Ok(())
        }
        CompanyCommand::List { format, out } => out.run(ctx, |c| list(c, cr, format.format)),
        CompanyCommand::Show {
            company,
            format,
            out,
        } => out.run(ctx, |c| show(c, cr, &company, format.format)),
    }
}

/// Every company with its case count, score, grade and list status.
fn list(ctx: &mut Ctx, cr: &Credit, format: Format) -> anyhow::Result<()> {
    let reg = &cr.reg;
    let std = reg.standard();
    let today = ctx.stamp.now.date_naive();
    let mut g = Grid::new([
        ctx.text(Text::CreditCode),
        ctx.text(Text::Company),
        ctx.text(Text::Managers),
        ctx.text(Text::LinkedCases),
        ctx.text(Text::Score),
        ctx.text(Text::Grade),
        ctx.text(Text::ListStatus),
    ])
    // Names are cut to fit a terminal; codes, scores and grades never are.
    .cut(&[(1, 2), (2, 1)]);
    let mut rows = Vec::new();
    let cases = reg.cases(&cr.ledger, &ctx.today())?;
    for c in reg.companies.values() {
        let s = reg.standing(&std, c, today);
        let n = cases.get(&c.uscc).map_or(0, Vec::len);
        g.push(vec![
            c.uscc.clone(),
            c.name.clone(),
            c.managers.join("、"),
            n.to_string(),
            s.score.to_string(),
            grade_text(ctx, &s, false),
            s.status.label(zh(ctx)).to_string(),
        ]);
        rows.push(json!({
            "uscc": c.uscc, "name": c.name, "managers": c.managers, "committee": c.committee,
            "cases": n, "score": s.score, "grade": s.grade, "status": s.status,
        }));
    }
    match format {
        Format::Json => render::json(ctx.out, &rows)?,
        f => render::grid(ctx.out, f, ctx.style, &g, &[])?,
    }
    Ok(())
}

/// One company: its data and standing, then its records.
fn show(ctx: &mut Ctx, cr: &Credit, company: &str, format: Format) -> anyhow::Result<()> {
    let reg = &cr.reg;
    let std = reg.standard();
    let today = ctx.stamp.now.date_naive();
    let c = reg.company(company)?;
    let s = reg.standing(&std, c, today);
    let cases = reg
        .cases(&cr.ledger, &ctx.today())?
        .remove(&c.uscc)
        .unwrap_or_default();
    let records = records_grid(ctx, reg, &std, &c.uscc, today);
    if format == Format::Json {
        render::json(
            ctx.out,
            &json!({"company": c, "standing": s, "standard": std.name, "cases": cases}),
        )?;
        return Ok(());
    }
    let committee = if c.committee {
        ctx.text(Text::HasOwnersCommittee)
    } else {
        ctx.text(Text::NoOwnersCommittee)
    };
    let mut g = Grid::new([ctx.text(Text::Field), ctx.text(Text::Value)]);
    for (k, v) in [
        (ctx.text(Text::Company), c.name.clone()),
        (ctx.text(Text::CreditCode), c.uscc.clone()),
        (ctx.text(Text::Managers), c.managers.join("、")),
        (ctx.text(Text::OwnersCommittee), committee.to_string()),
        (
            ctx.text(Text::Score),
            format!("{} ({})", s.score, grade_text(ctx, &s, true)),
        ),
        (
            ctx.text(Text::ListStatus),
            s.status.label(zh(ctx)).to_string(),
        ),
        (ctx.text(Text::LinkedCases), cases.join(" ")),
        (ctx.text(Text::Standard), std.name.clone()),
    ] {
        g.push(vec![k.to_string(), v]);
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    render::grid(ctx.out, format, ctx.style, &records, &[])?;
    Ok(())
}
