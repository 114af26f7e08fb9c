//! How `report` shows the units' loop (issue 15): the headline's figures,
//! the columns of `--by unit`, and the Markdown report's deferred cases
//! with their plans, for the leadership group.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::cmd::msg::loop_text::LoopText as L;
use crate::cmd::view::field_label;
use crate::domain::Status;
use crate::ledger::Ledger;
use crate::ledger::query::CaseFilter;
use crate::ledger::report::{Report, UnitFigures};
use crate::render::{self, Grid};

fn t(ctx: &Ctx, l: L) -> &'static str {
    ctx.text(Text::Loop(l))
}

fn pct(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

/// The loop's headline figures: (stable key, label, as a table shows it,
/// as CSV gives it).
pub fn figures(ctx: &Ctx, r: &Report) -> Vec<(String, String, String, String)> {
    let n = |key: &str, l: L, v: i64| (key.into(), t(ctx, l).into(), v.to_string(), v.to_string());
    vec![
        n("supervised", L::SupervisedCases, r.supervised),
        n("returned", L::ReturnedCases, r.returned),
        n(
            "extensions.asked",
            L::ExtensionAskedCases,
            r.extensions.asked,
        ),
        n(
            "extensions.approved",
            L::ExtensionApprovedCases,
            r.extensions.approved,
        ),
        n("visited", L::VisitedCases, r.visited),
        (
            "satisfaction_rate".into(),
            t(ctx, L::SatisfactionRate).into(),
            pct(r.satisfaction_rate),
            r.satisfaction_rate.to_string(),
        ),
        n("plan_overdue", L::PlanOverdueCases, r.plan_overdue),
    ]
}

/// The stable names of the `--by unit` columns the loop adds, for CSV.
pub const CSV_KEYS: [&str; 8] = [
    "assigned",
    "acknowledged",
    "acknowledged_late",
    "returned",
    "closed_on_time",
    "on_time_rate",
    "visited",
    "satisfaction_rate",
];

/// Their headers for people.
pub fn headers(ctx: &Ctx) -> Vec<&'static str> {
    [
        L::AssignedCases,
        L::AcknowledgedCases,
        L::AcknowledgedLateCases,
        L::ReturnedCases,
        L::ClosedOnTime,
        L::OnTimeRate,
        L::VisitedCases,
        L::SatisfactionRate,
    ]
    .map(|l| t(ctx, l))
    .to_vec()
}

/// One unit's cells (`people`: rates as percentages).
pub fn cells(u: &UnitFigures, people: bool) -> Vec<String> {
    let rate = |r: f64| if people { pct(r) } else { r.to_string() };
    vec![
        u.assigned.to_string(),
        u.acknowledged.to_string(),
        u.acknowledged_late.to_string(),
        u.returned.to_string(),
        u.closed_on_time.to_string(),
        rate(u.on_time_rate),
        u.visited.to_string(),
        rate(u.satisfaction_rate),
    ]
}

/// The total line's cells: the units' rows summed (each case is in one
/// row, a return in the row of the unit that made it), the rates over the
/// sums.
pub fn total_cells(r: &Report) -> Vec<String> {
    let units: Vec<&UnitFigures> = r.rows.iter().filter_map(|x| x.units.as_ref()).collect();
    let sum = |f: fn(&UnitFigures) -> i64| units.iter().map(|u| f(u)).sum::<i64>();
    let on_time = sum(|u| u.closed_on_time);
    let (visited, contented) = (sum(|u| u.visited), sum(|u| u.contented));
    let closed: i64 = r
        .rows
        .iter()
        .filter(|x| x.units.is_some())
        .map(|x| x.closed)
        .sum();
    let total = UnitFigures {
        assigned: sum(|u| u.assigned),
        acknowledged: sum(|u| u.acknowledged),
        acknowledged_late: sum(|u| u.acknowledged_late),
        returned: sum(|u| u.returned),
        closed_on_time: on_time,
        on_time_rate: if closed == 0 {
            0.0
        } else {
            on_time as f64 / closed as f64
        },
        visited,
        satisfaction_rate: if visited == 0 {
            0.0
        } else {
            contented as f64 / visited as f64
        },
        contented,
    };
    cells(&total, true)
}

/// The Markdown report's last section: every deferred case received in
/// the report's period, with its plan and date (`list --status deferred`).
pub fn deferred_md(ctx: &mut Ctx, ledger: &Ledger, r: &Report) -> anyhow::Result<()> {
    let filter = CaseFilter {
        statuses: vec![Status::Deferred],
        from: r.from.as_deref().and_then(|d| d.parse().ok()),
        to: r.to.as_deref().and_then(|d| d.parse().ok()),
        ..CaseFilter::default()
    };
    let lang = ctx.lang;
    let mut g = Grid::new(
        [
            "id",
            "community",
            "summary",
            "unit",
            "plan",
            "defer_until",
            "flags",
        ]
        .map(|k| field_label(lang, k)),
    );
    let today = ctx.today();
    ledger.each_case(&filter, &today, |c| {
        let overdue = if c.plan_overdue(&today) {
            t(ctx, L::PlanOverdue)
        } else {
            ""
        };
        g.push(vec![
            c.id.clone(),
            c.community.clone(),
            c.summary.replace(['\n', '\r'], " "),
            c.unit.clone().unwrap_or_default(),
            c.plan
                .clone()
                .unwrap_or_default()
                .replace(['\n', '\r'], " "),
            c.defer_until.clone().unwrap_or_default(),
            overdue.to_string(),
        ]);
        Ok(())
    })?;
    writeln!(ctx.out, "\n## {}\n", t(ctx, L::DeferredCasesTitle))?;
    render::md(ctx.out, &g)?;
    Ok(())
}
