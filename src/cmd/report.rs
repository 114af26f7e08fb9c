//! `ledger report`: the figures the district takes to the leadership group.

use crate::cli::Ctx;
use crate::domain::{DateArg, Outcome, Status, Subject};
use crate::ledger::Ledger;
use crate::ledger::report::{GroupBy, Period, Report};
use crate::render::{self, Format, Grid};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum By {
    Office,
    Status,
    Subject,
    Problem,
    Unit,
    Community,
    Party,
}

impl From<By> for GroupBy {
    fn from(b: By) -> GroupBy {
        match b {
            By::Office => GroupBy::Office,
            By::Status => GroupBy::Status,
            By::Subject => GroupBy::Subject,
            By::Problem => GroupBy::Problem,
            By::Unit => GroupBy::Unit,
            By::Community => GroupBy::Community,
            By::Party => GroupBy::Party,
        }
    }
}

/// Figures for the leadership group (领导小组): totals, closure rate, overdue, deferred, key and long-running cases, repeat complaints; with --by, one row per group.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger report\n  ledger report --by office --from 2026-11-01 --to 2026-11-30\n  ledger report --by problem --format md > 周报.md"
)]
pub struct Args {
    /// One row per office, status, subject, problem, unit, community or party.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Only cases received on or after this date.
    #[arg(long, value_name = "DATE")]
    pub from: Option<DateArg>,
    /// Only cases received on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<DateArg>,
    /// Output format: table, csv, json or md.
    #[arg(long, default_value = "table", value_name = "table|csv|json|md")]
    pub format: Format,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let period = Period {
        from: a.from.map(|d| d.0.to_string()),
        to: a.to.map(|d| d.0.to_string()),
    };
    let report = ledger.report(&ctx.today(), &period, a.by.map(Into::into))?;
    let headline = headline(ctx, &report);
    let rows = a.by.map(|by| rows(ctx, &ledger, by, &report)).transpose()?;
    match a.format {
        Format::Json => render::json(ctx.out, &report)?,
        Format::Csv => match &rows {
            Some(g) => render::csv(ctx.out, g)?,
            None => render::csv(ctx.out, &headline)?,
        },
        Format::Md => {
            writeln!(ctx.out, "# {}\n", title(ctx, &ledger, &report))?;
            render::md(ctx.out, &headline)?;
            if let Some(g) = &rows {
                writeln!(ctx.out)?;
                render::md(ctx.out, g)?;
            }
        }
        Format::Table => {
            writeln!(ctx.out, "{}", title(ctx, &ledger, &report))?;
            render::table(ctx.out, &headline, ctx.style)?;
            if let Some(g) = &rows {
                render::table(ctx.out, g, ctx.style)?;
            }
        }
    }
    Ok(())
}

fn title(ctx: &Ctx, ledger: &Ledger, r: &Report) -> String {
    let office = ledger.office();
    let mut t = format!(
        "{} {} — {} {}",
        office.name,
        ctx.t("物业管理整治台账", "property-management case ledger"),
        ctx.t("截至", "as of"),
        r.as_of
    );
    if r.from.is_some() || r.to.is_some() {
        t.push_str(&format!(
            " ({} {} ~ {})",
            ctx.t("受理日期", "received"),
            r.from.as_deref().unwrap_or(""),
            r.to.as_deref().unwrap_or("")
        ));
    }
    t
}

fn pct(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

fn headline(ctx: &Ctx, r: &Report) -> Grid {
    let mut g = Grid::new([ctx.t("指标", "figure"), ctx.t("数量", "value")]);
    let mut row = |k: &str, v: String| g.push(vec![k.to_string(), v]);
    row(ctx.t("问题总数", "total cases"), r.total.to_string());
    for (s, n) in [
        (Status::Open, r.by_status.open),
        (Status::Assigned, r.by_status.assigned),
        (Status::Deferred, r.by_status.deferred),
        (Status::Closed, r.by_status.closed),
    ] {
        row(s.label(ctx.lang), n.to_string());
    }
    row(ctx.t("销号率", "closure rate"), pct(r.closure_rate));
    for (o, n) in [
        (Outcome::Resolved, r.by_result.resolved),
        (Outcome::Unfounded, r.by_result.unfounded),
        (Outcome::Duplicate, r.by_result.duplicate),
        (Outcome::OutOfScope, r.by_result.out_of_scope),
    ] {
        row(&format!("  {}", o.label(ctx.lang)), n.to_string());
    }
    row(ctx.t("逾期未办结", "overdue"), r.overdue.to_string());
    row(
        ctx.t("暂缓(已制定计划)", "deferred with a plan"),
        r.deferred.to_string(),
    );
    row(
        ctx.t("重点难点未销号", "key cases not closed"),
        r.key_open.to_string(),
    );
    row(
        ctx.t("半年未解决", "not closed after 180 days"),
        r.long_running.to_string(),
    );
    row(ctx.t("多次投诉", "repeat complaints"), r.repeat.to_string());
    g
}

fn rows(ctx: &Ctx, ledger: &Ledger, by: By, r: &Report) -> anyhow::Result<Grid> {
    let first = match by {
        By::Office => ctx.t("办事处", "office"),
        By::Status => ctx.t("状态", "status"),
        By::Subject => ctx.t("责任主体", "subject"),
        By::Problem => ctx.t("问题类型", "problem"),
        By::Unit => ctx.t("责任单位", "unit"),
        By::Community => ctx.t("小区", "community"),
        By::Party => ctx.t("被投诉方", "party"),
    };
    let mut g = Grid::new([
        first,
        ctx.t("总数", "total"),
        ctx.t("未销号", "open"),
        ctx.t("已销号", "closed"),
        ctx.t("销号率", "closure rate"),
        ctx.t("逾期", "overdue"),
        ctx.t("办结天数中位数", "median days to close"),
    ]);
    let offices = ledger.offices()?;
    for row in &r.rows {
        let none = ctx.t("(未填)", "(none)").to_string();
        let name = match (&row.key, by) {
            (None, _) => none,
            (Some(k), By::Office) => match offices.iter().find(|o| &o.code == k) {
                Some(o) => format!("{k} {}", o.name),
                None => k.clone(),
            },
            (Some(k), By::Status) => k
                .parse::<Status>()
                .map_or(k.clone(), |s| s.label(ctx.lang).into()),
            (Some(k), By::Subject) => k
                .parse::<Subject>()
                .map_or(k.clone(), |s| s.label(ctx.lang).into()),
            (Some(k), By::Problem) => match ledger.problem(k)? {
                Some(p) => format!("{k} {}", p.title),
                None => k.clone(),
            },
            (Some(k), By::Unit) => match ledger.unit(k)? {
                Some(u) => format!("{k} {}", u.name),
                None => k.clone(),
            },
            (Some(k), _) => k.clone(),
        };
        g.push(vec![
            name,
            row.total.to_string(),
            row.open.to_string(),
            row.closed.to_string(),
            pct(row.closure_rate),
            row.overdue.to_string(),
            row.median_days_to_close
                .map_or_else(String::new, |m| format!("{m:.1}")),
        ]);
    }
    Ok(g)
}
