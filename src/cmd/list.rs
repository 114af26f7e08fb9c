//! `ledger list`: the cases, filtered, as a table, CSV or JSON.

use crate::cmd::error::Filter;
use crate::cmd::msg::Text;
use crate::cmd::present::Output;
use crate::cmd::view::{self, CaseView, field_label};
use crate::cmd::{Ctx, args};
use crate::domain::{DayOrMonth, OfficeCode, ProblemCode, Status, Subject, UnitRef};
use crate::ledger::Ledger;
use crate::ledger::flags::period::Period;
use crate::ledger::query::CaseFilter;
use crate::render::{self, CsvOut, Format, Grid, JsonArray};

/// List cases; without filters every case, closed ones too.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger list --status open,assigned --community 幸福里\n  ledger list --overdue --format csv > overdue.csv\n  ledger list --format csv --labels > 台账.csv\n  ledger list --repeat --from 2026-11-01 --to 2026-11-30\n  ledger list --office S03 --problem WY-06 --format json\n  ledger list --plan-overdue\n  ledger list --unit ZJ --ack-late\n  ledger list --unvisited\n  ledger list --overdue --format xlsx --out 逾期清单.xlsx\n  ledger list --suggested --no-community"
)]
pub struct Args {
    /// Only these statuses (comma-separated): open, assigned, deferred, closed.
    #[arg(long, value_delimiter = ',', value_name = "STATUS", value_parser = crate::cmd::offered::statuses(), hide_possible_values = true)]
    pub status: Vec<Status>,
    /// Only cases past their due date (not closed or deferred).
    #[arg(long)]
    pub overdue: bool,
    /// Only cases not closed 180 days after they were received (半年未解决).
    #[arg(long)]
    pub long_running: bool,
    /// Only repeat complaints (多次投诉): another case with the same community and problem type received within 90 days.
    #[arg(long)]
    pub repeat: bool,
    /// Only key cases (重点难点).
    #[arg(long)]
    pub key: bool,
    /// Only cases where concurrent work conflicted and nobody has acted on the case since (a note clears it).
    #[arg(long)]
    pub conflicts: bool,
    /// Only cases forwarded to this unit (code or name).
    #[arg(long, value_parser = crate::cmd::offered::units(), hide_possible_values = true)]
    pub unit: Option<UnitRef>,
    /// Only this problem type.
    #[arg(long, value_name = "CODE", value_parser = crate::cmd::offered::problems(), hide_possible_values = true)]
    pub problem: Option<ProblemCode>,
    /// Only this responsible subject.
    #[arg(long, value_parser = crate::cmd::offered::subjects(), hide_possible_values = true)]
    pub subject: Option<Subject>,
    /// Only communities whose name contains this text.
    #[arg(long)]
    pub community: Option<String>,
    /// Only this office's cases.
    #[arg(long)]
    pub office: Option<OfficeCode>,
    /// Received on or after this date (a month, 2026-11: from its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<DayOrMonth>,
    /// Received on or before this date (a month, 2026-11: to its last day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<DayOrMonth>,
    /// Output format: table, csv, json or xlsx (a workbook, with --out).
    #[arg(long, default_value = "table", value_name = "table|csv|json|xlsx", value_parser = crate::cmd::present::outputs(&["table", "csv", "json", "md", "xlsx"]), hide_possible_values = true)]
    pub format: Output,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
    /// Show names, phones and addresses unmasked (each use is recorded: `ledger audit`).
    #[arg(long)]
    pub show_pii: bool,
    /// CSV for people: headers and labels in the --lang language (已转办, 是/否) and times as 2026-04-05 09:23; without it CSV has the stable codes scripts read.
    #[arg(long)]
    pub labels: bool,
    /// Only cases whose problem type is a suggestion of bulk intake, not yet confirmed.
    #[arg(long)]
    pub suggested: bool,
    /// Only cases whose community is the placeholder (未注明) of bulk intake.
    #[arg(long)]
    pub no_community: bool,
    #[command(flatten)]
    pub units_loop: crate::cmd::loop_filters::LoopFilters,
}

/// The arguments as a filter, the unit and problem type looked up.
fn filter(ledger: &Ledger, a: &Args, period: Period) -> Result<CaseFilter, Filter> {
    let unit = match &a.unit {
        None => None,
        Some(u) => match ledger.unit(&u.0)? {
            Some(u) => Some(u.code),
            None => return Err(Filter::UnknownUnit(u.0.clone())),
        },
    };
    if let Some(p) = &a.problem
        && ledger.problem(p.as_str())?.is_none()
    {
        return Err(Filter::UnknownProblem(p.clone()));
    }
    Ok(CaseFilter {
        statuses: a.status.clone(),
        overdue: a.overdue,
        long_running: a.long_running,
        repeat: a.repeat,
        key: a.key,
        conflicts: a.conflicts,
        unit,
        problem: a.problem.as_ref().map(|p| p.as_str().to_string()),
        subject: a.subject,
        community: a.community.clone(),
        community_spellings: match &a.community {
            Some(c) => ledger.communities()?.spellings(c),
            None => Vec::new(),
        },
        office: a.office.as_ref().map(|o| o.as_str().to_string()),
        from: period.from,
        to: period.to,
        suggested: a.suggested,
        no_community: a.no_community,
        unsplit: false,
        work: a.units_loop.filter(ledger)?,
    })
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let period = args::period(a.from, a.to)?;
    let ledger = ctx.open()?;
    let filter = filter(&ledger, &a, period)?;
    let today = ctx.today();
    if a.show_pii {
        let mut ids = Vec::new();
        ledger.each_case_with_repeat(&filter, &today, |c, _| {
            ids.push(c.id);
            Ok(())
        })?;
        crate::cmd::audit::disclose(ctx, &ledger, &ids)?;
    }
    let format = match a.format {
        Output::Text(f) => f,
        _ => return crate::cmd::present::list_file(ctx, &ledger, &filter, a.show_pii, &a.out),
    };
    match format {
        Format::Json => {
            let mut arr = JsonArray::new(ctx.out)?;
            ledger.each_case_with_repeat(&filter, &today, |c, repeat| {
                let v = CaseView::new(&c, &today, a.show_pii, repeat);
                Ok(arr.item(&v.with_links(&c))?)
            })?;
            arr.finish()?;
        }
        Format::Csv => {
            let (lang, zone) = (ctx.lang, *ctx.stamp.now.offset());
            let headers = if a.labels {
                CaseView::labelled_headers(lang)
            } else {
                CaseView::csv_headers()
            };
            let mut w = CsvOut::new(ctx.out, &headers)?;
            ledger.each_case_with_repeat(&filter, &today, |c, repeat| {
                let v = CaseView::new(&c, &today, a.show_pii, repeat);
                Ok(w.row(&if a.labels {
                    v.labelled_row(lang, zone)
                } else {
                    v.csv_row()
                })?)
            })?;
            w.finish()?;
        }
        Format::Table | Format::Md => table(ctx, &ledger, &filter, format)?,
    }
    Ok(())
}

/// The cases as a table for people (or Markdown, with the whole text), the
/// count after it.
fn table(
    ctx: &mut Ctx,
    ledger: &Ledger,
    filter: &CaseFilter,
    format: Format,
) -> anyhow::Result<()> {
    let today = ctx.today();
    let keys = [
        "id",
        "status",
        "received_at",
        "community",
        "summary",
        "problem",
        "unit",
        "due",
        "flags",
    ];
    // The table shows the received day, not the time; short headers over
    // short codes leave an 80-column terminal room for the summary.
    let mut grid = Grid::new(keys.map(|k| match k {
        "received_at" => ctx.text(Text::Received),
        "problem" => ctx.text(Text::Type),
        "unit" => ctx.text(Text::Unit),
        k => field_label(ctx.lang, k),
    }))
    // Community, summary and flags are cut to fit, one line a case (the
    // whole text in `show`, CSV and JSON); ids, dates and codes never are.
    // The summary says what the case is: it gets twice the room.
    .cut(&[(3, 1), (4, 2), (8, 1)]);
    let lang = ctx.lang;
    let mut n = 0;
    ledger.each_case_with_repeat(filter, &today, |c, repeat| {
        n += 1;
        grid.push(vec![
            c.id.clone(),
            c.status.label(lang).to_string(),
            c.received_date().to_string(),
            c.community.clone(),
            c.summary.replace(['\n', '\r'], " "),
            match (&c.problem, c.problem_suggested) {
                (Some(p), true) => format!("{p}{}", ctx.text(Text::SuggestedMark)),
                (Some(p), false) => p.clone(),
                (None, _) => String::new(),
            },
            // The lead unit, then its co-units (协办): `CG+GA+ZJ`.
            std::iter::once(c.unit.clone().unwrap_or_default())
                .chain(c.work.co_units.iter().cloned())
                .collect::<Vec<_>>()
                .join("+"),
            c.due.clone().unwrap_or_default(),
            view::flags(ctx, &c, &today, repeat),
        ]);
        Ok(())
    })?;
    if format == Format::Md {
        render::md(ctx.out, &grid)?;
    } else {
        render::table(ctx.out, &grid, ctx.style)?;
    }
    writeln!(ctx.err, "{} {}", n, ctx.text(Text::Cases))?;
    Ok(())
}
