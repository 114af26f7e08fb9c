//! `ledger credit`: the credit register of property service companies,
//! one file per subcommand.

mod blacklist;
mod company;
mod dismiss;
mod guarantee;
mod notice;
mod record;
mod score;
mod standard;

use chrono::NaiveDate;

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::credit::standard::Standard;
use crate::credit::{Register, Standing};
use crate::domain::{DateArg, Lang};
use crate::ledger::Ledger;
use crate::render::Grid;

/// The credit register (信用管理): companies, the scoring standard, records, scores, and the dishonesty list.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T --manager 李四\n  ledger credit record --company 鑫源物业服务有限公司 --item WY-06 --case S07-2026-0001\n  ledger credit score --as-of 2026-12-31\n  ledger credit notice --format md > 通报.md"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: CreditCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum CreditCommand {
    Company(company::Args),
    Standard(standard::Args),
    Record(record::Args),
    Score(score::Args),
    Blacklist(blacklist::Args),
    Guarantee(guarantee::Args),
    Dismiss(dismiss::Args),
    Notice(notice::Args),
}

/// What every credit subcommand runs with: the open ledger and the
/// register folded from it.
struct Credit {
    ledger: Ledger,
    reg: Register,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let reg = Register::load(&ledger)?;
    let mut cr = Credit { ledger, reg };
    match a.command {
        CreditCommand::Company(a) => company::run(ctx, &mut cr, a),
        CreditCommand::Standard(a) => standard::run(ctx, &mut cr, a),
        CreditCommand::Record(a) => record::run(ctx, &mut cr, a),
        CreditCommand::Score(a) => a.out.clone().run(ctx, |c| score::run(c, &cr, a)),
        CreditCommand::Blacklist(a) => blacklist::run(ctx, &mut cr, a),
        CreditCommand::Guarantee(a) => guarantee::run(ctx, &mut cr, a),
        CreditCommand::Dismiss(a) => dismiss::run(ctx, &mut cr, a),
        CreditCommand::Notice(a) => a.out.clone().run(ctx, |c| notice::run(c, &cr, a)),
    }
}

/// The day a `--date` or `--as-of` names, else today.
fn day(ctx: &Ctx, d: Option<DateArg>) -> NaiveDate {
    d.map_or_else(|| ctx.stamp.now.date_naive(), |d| d.0)
}

fn zh(ctx: &Ctx) -> bool {
    ctx.lang == Lang::Zh
}

/// The grade as tables show it: `A 守信(优秀)` (with the label) or `A`;
/// for a company that is not graded (suspended, dismissed: see
/// `ListStatus::graded`), its status in the grade's place.
fn grade_text(ctx: &Ctx, s: &Standing, with_label: bool) -> String {
    match (&s.grade, &s.grade_label) {
        (Some(g), Some(l)) if with_label => format!("{g} {l}"),
        (Some(g), _) => g.clone(),
        (None, _) => s.status.ungraded_label(zh(ctx)).to_string(),
    }
}

/// A company's records, with whether each counts on `on`.
fn records_grid(ctx: &Ctx, reg: &Register, std: &Standard, uscc: &str, on: NaiveDate) -> Grid {
    let mut g = Grid::new([
        ctx.text(Text::Date),
        ctx.text(Text::Item),
        ctx.text(Text::Description),
        ctx.text(Text::Points),
        ctx.text(Text::CountsUntil),
        ctx.text(Text::Counts),
        ctx.text(Text::LinkedCase),
        ctx.text(Text::Manager),
    ]);
    for r in reg.records.iter().filter(|r| r.uscc == uscc) {
        let item = std.item(&r.item);
        // The last day it counts: the day before it stops.
        let until = r
            .ends(std)
            .map(|d| (d - chrono::Days::new(1)).to_string())
            .unwrap_or_default();
        g.push(vec![
            r.date.to_string(),
            r.item.clone(),
            item.map_or_else(
                || ctx.text(Text::NotInStandard).to_string(),
                |i| i.description.clone(),
            ),
            item.map_or(0, |i| i.points).to_string(),
            until,
            if r.points_on(std, on).is_some() {
                ctx.text(Text::Yes)
            } else {
                ctx.text(Text::No)
            }
            .to_string(),
            r.case.clone().unwrap_or_default(),
            r.manager.clone().unwrap_or_default(),
        ]);
    }
    g
}
