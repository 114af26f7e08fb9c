//! `ledger report`: the figures the district takes to the leadership group.
//!
//! Tables and Markdown carry labels for people (the headline, then the
//! groups, then the trend); CSV and JSON carry the stable codes and keys
//! for scripts and spreadsheets, as `list` does.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::present::Output;
use crate::domain::{DayOrMonth, Outcome, Status, Subject};
use crate::ledger::Ledger;
use crate::ledger::flags::period::Trend;
use crate::ledger::report::{GroupBy, GroupRow, Report};
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
    /// Issue 16: new and closed cases per phase of the campaign.
    Phase,
}

impl By {
    /// The core's grouping (`None`: phases, which the report always counts).
    fn group(self) -> Option<GroupBy> {
        Some(match self {
            By::Office => GroupBy::Office,
            By::Status => GroupBy::Status,
            By::Subject => GroupBy::Subject,
            By::Problem => GroupBy::Problem,
            By::Unit => GroupBy::Unit,
            By::Community => GroupBy::Community,
            By::Party => GroupBy::Party,
            By::Phase => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Week,
    Month,
}

impl From<PeriodArg> for Trend {
    fn from(p: PeriodArg) -> Trend {
        match p {
            PeriodArg::Week => Trend::Week,
            PeriodArg::Month => Trend::Month,
        }
    }
}

/// Figures for the leadership group (领导小组): totals, closure rate, overdue, deferred, key and long-running cases, repeat complaints; with --by, one row per group; with --period, new and closed cases per week or month.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every figure can be drilled into: `ledger list --overdue`, `--long-running`, `--repeat`, `--status deferred`, `--key --status open,assigned,deferred`, and for the units' loop `--supervised`, `--returned`, `--extension asked|approved`, `--visited`, `--plan-overdue` (with `--unit U` for a unit's row: `--acknowledged`, `--ack-late`, `--closed-late`, `--returned-by U`) (with the same --from/--to) list the cases behind it.\n\
CSV holds one table: the groups with --by, else the trend with --period, else the headline figures.\n\n\
Examples:\n  ledger report\n  ledger report --by office --from 2026-11-01 --to 2026-11-30\n  ledger report --by party --period month\n  ledger report --by problem --format md > 周报.md\n  ledger report --by office,problem,party --period month --format xlsx --out 周报.xlsx\n  ledger report --by office,party --period week --format html --out 周报.html"
)]
pub struct Args {
    /// One row per office, status, subject, problem, unit, community or party (the most cases first); phase: new and closed cases per phase of the campaign; with --format xlsx or html several, comma-separated (office,problem,party), a sheet or a section each.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub by: Vec<By>,
    /// Only cases received on or after this date (a month, 2026-11: from its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<DayOrMonth>,
    /// Only cases received on or before this date (a month, 2026-11: to its last day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<DayOrMonth>,
    /// A trend: new and closed cases per ISO week (2026-W48) or month (2026-11).
    #[arg(long, value_enum)]
    pub period: Option<PeriodArg>,
    /// Output format: table, csv, json, md, xlsx (a workbook with charts, with --out) or html (a page with charts, for screen and print).
    #[arg(long, default_value = "table", value_name = "table|csv|json|md|xlsx|html", value_parser = crate::cmd::present::outputs(&["table", "csv", "json", "md", "xlsx", "html"]), hide_possible_values = true)]
    pub format: Output,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
    /// The acceptance check per office: closure rate, overdue, deferred and key cases, and whether its ledger reached the district by the due date.
    #[arg(long, conflicts_with_all = ["by", "period", "from", "to"])]
    pub acceptance: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let period = crate::cmd::args::period(a.from, a.to)?;
    let file = matches!(a.format, Output::Xlsx | Output::Html);
    if a.by.len() > 1 && !file {
        return Err(crate::cmd::error::Error::OneGrouping.into());
    }
    let ledger = ctx.open()?;
    if a.acceptance {
        return match a.format {
            Output::Xlsx => {
                Err(crate::cmd::error::Error::AcceptanceFormat { format: "xlsx" }.into())
            }
            Output::Html => {
                Err(crate::cmd::error::Error::AcceptanceFormat { format: "html" }.into())
            }
            Output::Text(f) => super::report_campaign::acceptance(ctx, &ledger, f),
        };
    }
    let report = ledger.report(
        &ctx.today(),
        &period,
        a.by.first().copied().and_then(By::group),
        a.period.map(Into::into),
    )?;
    if !file {
        return print(ctx, &ledger, &report, &a);
    }
    // A workbook or a page: a report per grouping asked for (the trend
    // with the first), each what `--format json --by` that one gives.
    let mut reports = vec![report];
    for &by in a.by.iter().skip(1) {
        reports.push(ledger.report(&ctx.today(), &period, by.group(), None)?);
    }
    crate::cmd::present::report_file(ctx, &ledger, &reports, &period, &a)
}

/// Prints a report the core made, as `a` asks (`demo` prints its district's
/// report with this too).
pub fn print(ctx: &mut Ctx, ledger: &Ledger, report: &Report, a: &Args) -> anyhow::Result<()> {
    // Everything to print is made first: the writers borrow ctx.out.
    let title = title(ctx, ledger, report);
    let head = headline(ctx, report);
    let groups =
        a.by.first()
            .map(|&by| (by_title(ctx, by), rows(ctx, by, report)));
    let trend = a
        .period
        .map(|p| (period_title(ctx, p), periods_grid(ctx, report, false)));
    match a.format.text() {
        Format::Json => render::json(ctx.out, report)?,
        Format::Csv => {
            let grid = match a.by.first().copied() {
                Some(by) => rows_csv(ctx, by, report),
                None if a.period.is_some() => periods_grid(ctx, report, true),
                None => headline_csv(ctx, report),
            };
            render::csv(ctx.out, &grid)?;
        }
        Format::Md => {
            writeln!(ctx.out, "# {title}\n")?;
            render::md(ctx.out, &head)?;
            for (t, g) in [groups, trend.map(|(t, g)| (t.to_string(), g))]
                .into_iter()
                .flatten()
            {
                writeln!(ctx.out, "\n## {t}\n")?;
                render::md(ctx.out, &g)?;
            }
            super::report_loop::deferred_md(ctx, ledger, report)?;
        }
        Format::Table => {
            writeln!(ctx.out, "{title}")?;
            render::table(ctx.out, &head, ctx.style)?;
            for (t, g) in [groups, trend.map(|(t, g)| (t.to_string(), g))]
                .into_iter()
                .flatten()
            {
                writeln!(ctx.out, "{t}")?;
                render::table(ctx.out, &g, ctx.style)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn title(ctx: &Ctx, ledger: &Ledger, r: &Report) -> String {
    let office = ledger.office();
    let mut t = format!(
        "{} {} — {} {}",
        crate::render::visible(&office.name),
        ctx.text(Text::ReportTitle),
        ctx.text(Text::AsOf),
        r.as_of
    );
    if r.from.is_some() || r.to.is_some() {
        t.push_str(&format!(
            " ({} {} ~ {})",
            ctx.text(Text::Received),
            r.from.as_deref().unwrap_or(""),
            r.to.as_deref().unwrap_or("")
        ));
    }
    t
}

pub(crate) fn by_title(ctx: &Ctx, by: By) -> String {
    format!("{}{}", ctx.text(Text::By), by_label(ctx, by))
}

fn period_title(ctx: &Ctx, p: PeriodArg) -> &'static str {
    match p {
        PeriodArg::Week => ctx.text(Text::PerWeek),
        PeriodArg::Month => ctx.text(Text::PerMonth),
    }
}

fn by_label(ctx: &Ctx, by: By) -> &'static str {
    match by {
        By::Office => ctx.text(Text::ByOffice),
        By::Status => ctx.text(Text::ByStatus),
        By::Subject => ctx.text(Text::Subject),
        By::Problem => ctx.text(Text::ByProblem),
        By::Unit => ctx.text(Text::ByUnit),
        By::Community => ctx.text(Text::ByCommunity),
        By::Party => ctx.text(Text::ByParty),
        By::Phase => {
            crate::cmd::msg::campaign::label(crate::cmd::msg::campaign::Label::Phase, ctx.lang)
        }
    }
}

fn pct(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

fn days(m: Option<f64>) -> String {
    m.map_or_else(String::new, |m| format!("{m:.1}"))
}

/// The headline figures: (stable key as in JSON, label, value as a table
/// shows it, value as CSV gives it).
pub(crate) fn figures(ctx: &Ctx, r: &Report) -> Vec<(String, String, String, String)> {
    let mut v = Vec::new();
    let mut n = |key: &str, label: &str, n: i64| {
        v.push((key.into(), label.into(), n.to_string(), n.to_string()));
    };
    n("total", ctx.text(Text::TotalCases), r.total);
    for (s, x) in [
        (Status::Open, r.by_status.open),
        (Status::Assigned, r.by_status.assigned),
        (Status::Deferred, r.by_status.deferred),
        (Status::Closed, r.by_status.closed),
    ] {
        n(&format!("by_status.{}", s.code()), s.label(ctx.lang), x);
    }
    for (o, x) in [
        (Outcome::Resolved, r.by_result.resolved),
        (Outcome::Unfounded, r.by_result.unfounded),
        (Outcome::Duplicate, r.by_result.duplicate),
        (Outcome::OutOfScope, r.by_result.out_of_scope),
    ] {
        n(
            &format!("by_result.{}", o.code()),
            &format!("  {}", o.label(ctx.lang)),
            x,
        );
    }
    n("overdue", ctx.text(Text::OverdueCases), r.overdue);
    n("deferred", ctx.text(Text::DeferredWithAPlan), r.deferred);
    n("key_open", ctx.text(Text::KeyCasesNotClosed), r.key_open);
    n("long_running", ctx.text(Text::HalfYearOpen), r.long_running);
    n("repeat", ctx.text(Text::RepeatComplaints), r.repeat);
    n("conflicts", ctx.text(Text::ConflictsUnseen), r.conflicts);
    // The closure rate goes right after the closed count, where a reader
    // looks for it.
    let at = v
        .iter()
        .position(|f| f.0 == "by_status.closed")
        .unwrap_or(0)
        + 1;
    v.insert(
        at,
        (
            "closure_rate".into(),
            ctx.text(Text::ClosureRate).into(),
            pct(r.closure_rate),
            r.closure_rate.to_string(),
        ),
    );
    v.push((
        "median_days_to_close".into(),
        ctx.text(Text::MedianDaysToClose).into(),
        days(r.median_days_to_close),
        days(r.median_days_to_close),
    ));
    v.extend(super::report_loop::figures(ctx, r));
    v.extend(super::report_campaign::figures(ctx, r));
    v
}

fn headline(ctx: &Ctx, r: &Report) -> Grid {
    let mut g = Grid::new([ctx.text(Text::Figure), ctx.text(Text::FigureValue)]);
    for (_, label, shown, _) in figures(ctx, r) {
        g.push(vec![label, shown]);
    }
    g
}

fn headline_csv(ctx: &Ctx, r: &Report) -> Grid {
    let mut g = Grid::new(["figure", "name", "value"]);
    for (key, label, _, value) in figures(ctx, r) {
        g.push(vec![key, label.trim().to_string(), value]);
    }
    g
}

/// What a group's code stands for in the reader's language.
fn group_name(ctx: &Ctx, by: By, row: &GroupRow) -> String {
    let Some(k) = &row.key else {
        return ctx.text(Text::NotFilled).to_string();
    };
    match by {
        By::Status => k
            .parse::<Status>()
            .map_or(k.clone(), |s| s.label(ctx.lang).into()),
        By::Subject => k
            .parse::<Subject>()
            .map_or(k.clone(), |s| s.label(ctx.lang).into()),
        _ => row.name.clone().unwrap_or_default(),
    }
}

fn rows(ctx: &Ctx, by: By, r: &Report) -> Grid {
    if let By::Phase = by {
        return super::report_campaign::phases(ctx, r, false);
    }
    // Parties are ranked: the issue asks which companies have the most cases.
    let ranked = matches!(by, By::Party);
    let mut headers = Vec::new();
    if ranked {
        headers.push(ctx.text(Text::Rank));
    }
    headers.extend([
        by_label(ctx, by),
        ctx.text(Text::Total),
        ctx.text(Text::Open),
        ctx.text(Text::Closed),
        ctx.text(Text::ClosureRate),
        ctx.text(Text::Overdue),
        ctx.text(Text::MedianDaysToClose),
    ]);
    let unit = matches!(by, By::Unit);
    if unit {
        headers.extend(super::report_loop::headers(ctx));
    }
    // Names of problems, parties and communities are cut to fit a
    // terminal (whole in Markdown, CSV and JSON); the figures never are.
    let mut g = Grid::new(headers).cut(&[(usize::from(ranked), 1)]);
    if r.rows.is_empty() {
        // Nothing to group: the table says so in one line, no total.
        return g;
    }
    for (i, row) in r.rows.iter().enumerate() {
        let name = group_name(ctx, by, row);
        // Codes and their meaning side by side (`WY-06 以业主欠费为由…`,
        // `S03 建设路街道`); labels of statuses and subjects stand alone.
        let first = match (&row.key, by) {
            (Some(k), By::Office | By::Problem | By::Unit) if !name.is_empty() => {
                format!("{k} {name}")
            }
            (Some(k), By::Office | By::Problem | By::Unit | By::Community | By::Party) => k.clone(),
            _ => name,
        };
        let mut cells = Vec::new();
        if ranked {
            cells.push(if row.key.is_some() {
                (i + 1).to_string()
            } else {
                String::new()
            });
        }
        cells.extend([
            first,
            row.total.to_string(),
            row.open.to_string(),
            row.closed.to_string(),
            pct(row.closure_rate),
            row.overdue.to_string(),
            days(row.median_days_to_close),
        ]);
        match &row.units {
            Some(u) => cells.extend(super::report_loop::cells(u, true)),
            None if unit => cells.extend(super::report_loop::CSV_KEYS.map(|_| String::new())),
            None => {}
        }
        g.push(cells);
    }
    // A total line, so the groups visibly add up to the headline.
    let mut cells = Vec::new();
    if ranked {
        cells.push(String::new());
    }
    cells.extend([
        ctx.text(Text::GrandTotal).to_string(),
        r.total.to_string(),
        (r.total - r.closed).to_string(),
        r.closed.to_string(),
        pct(r.closure_rate),
        r.overdue.to_string(),
        days(r.median_days_to_close),
    ]);
    if unit {
        cells.extend(super::report_loop::total_cells(r));
    }
    g.push(cells);
    g
}

fn rows_csv(ctx: &Ctx, by: By, r: &Report) -> Grid {
    if let By::Phase = by {
        return super::report_campaign::phases(ctx, r, true);
    }
    let mut keys = vec![
        "key",
        "name",
        "total",
        "open",
        "closed",
        "closure_rate",
        "overdue",
        "median_days_to_close",
    ];
    if matches!(by, By::Unit) {
        keys.extend(super::report_loop::CSV_KEYS);
    }
    let mut g = Grid::new(keys);
    for row in &r.rows {
        let mut cells = vec![
            row.key.clone().unwrap_or_default(),
            if row.key.is_some() {
                group_name(ctx, by, row)
            } else {
                String::new()
            },
            row.total.to_string(),
            row.open.to_string(),
            row.closed.to_string(),
            row.closure_rate.to_string(),
            row.overdue.to_string(),
            days(row.median_days_to_close),
        ];
        match &row.units {
            Some(u) => cells.extend(super::report_loop::cells(u, false)),
            None if matches!(by, By::Unit) => {
                cells.extend(super::report_loop::CSV_KEYS.map(|_| String::new()))
            }
            None => {}
        }
        g.push(cells);
    }
    g
}

fn periods_grid(ctx: &Ctx, r: &Report, csv: bool) -> Grid {
    let mut g = if csv {
        Grid::new(["period", "new", "closed"])
    } else {
        Grid::new([
            ctx.text(Text::Period),
            ctx.text(Text::PeriodNew),
            ctx.text(Text::EventClosed),
        ])
    };
    for p in &r.periods {
        g.push(vec![
            p.period.clone(),
            p.new.to_string(),
            p.closed.to_string(),
        ]);
    }
    g
}
