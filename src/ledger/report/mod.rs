//! Figures for the leadership group: headline counts, per-group rows, and
//! new and closed cases per week or month.
//!
//! Everything is counted in one pass over the cases table, in Rust, rather
//! than by SQL aggregation: the repeat figure needs each case's neighbours
//! by (community, problem type, received date), which SQL gets only from a
//! sort of the whole table or from an index the schema leaves out on
//! purpose (every index on `cases` slows a merge). Reading the ten columns
//! the report needs once costs one table scan whatever is asked, and memory
//! grows by a few bytes per case, not by the cases' text.
//!
//! The pass is [`accumulate`]; [`group`] ranks the rows and [`trend`] lays
//! out the periods. The rules counted are those of `super::flags`.

mod accumulate;
pub mod campaign;
mod group;
mod trend;
mod units;

pub use units::{Extensions, UnitFigures};

use serde::Serialize;

use super::Ledger;
use super::error::Result;
use super::flags::period::{Period, Trend};
use accumulate::Tally;

/// What to group rows by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    Office,
    Status,
    Subject,
    Problem,
    Unit,
    Community,
    Party,
}

impl GroupBy {
    /// The column, which is also the stable name in JSON (`"by"`).
    pub fn column(self) -> &'static str {
        match self {
            GroupBy::Office => "office",
            GroupBy::Status => "status",
            GroupBy::Subject => "subject",
            GroupBy::Problem => "problem",
            GroupBy::Unit => "unit",
            GroupBy::Community => "community",
            GroupBy::Party => "party",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByStatus {
    pub open: i64,
    pub assigned: i64,
    pub deferred: i64,
    pub closed: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByResult {
    pub resolved: i64,
    pub unfounded: i64,
    pub duplicate: i64,
    pub out_of_scope: i64,
}

/// One group's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    /// The group's code (`None`: cases without one, e.g. unassigned).
    pub key: Option<String>,
    /// What the code stands for, where the file knows: the office's name,
    /// the problem type's text, the unit's name.
    pub name: Option<String>,
    pub total: i64,
    /// Not closed (open, assigned or deferred).
    pub open: i64,
    pub closed: i64,
    pub closure_rate: f64,
    pub overdue: i64,
    /// Median days from received to closed, over the closed cases.
    pub median_days_to_close: Option<f64>,
    /// `report --by unit`: the units' loop's columns (issue 15).
    #[serde(flatten)]
    pub units: Option<UnitFigures>,
}

/// New and closed cases in one week or month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodRow {
    /// `2026-11` or `2026-W47`.
    pub period: String,
    /// Cases received in the period.
    pub new: i64,
    /// Cases closed (销号) in the period, by the date of their closing.
    pub closed: i64,
}

/// The whole report. Field names are the stable JSON keys.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub as_of: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// What `rows` are grouped by (`None`: no rows). Rows come with the
    /// most cases first, ties by code, the row without a code last.
    pub by: Option<&'static str>,
    /// The length of the `periods` (`None`: no trend asked).
    pub period: Option<&'static str>,
    pub total: i64,
    pub by_status: ByStatus,
    pub closed: i64,
    pub closure_rate: f64,
    pub by_result: ByResult,
    pub overdue: i64,
    pub deferred: i64,
    pub key_open: i64,
    pub long_running: i64,
    pub repeat: i64,
    /// Cases whose concurrent work conflicted, not yet looked at
    /// (`list --conflicts`).
    pub conflicts: i64,
    /// Median days from received to closed, over all closed cases.
    pub median_days_to_close: Option<f64>,
    pub rows: Vec<GroupRow>,
    /// Oldest first, every period from the first to the last with a case
    /// received or closed (empty periods included, so a trend has no gaps).
    pub periods: Vec<PeriodRow>,
    // The units' loop (issue 15); each drills into `list`: --supervised,
    // --returned, --extension asked|approved, --visited, --plan-overdue.
    pub supervised: i64,
    pub returned: i64,
    pub extensions: Extensions,
    pub visited: i64,
    /// Satisfied and basically satisfied over the cases called back.
    pub satisfaction_rate: f64,
    /// Deferred past their plan's date.
    pub plan_overdue: i64,
    /// The campaign's figures (issue 16), when a calendar is set or a
    /// community registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<campaign::CampaignFigures>,
}

/// `closed / total`, rounded to 4 places (0 for no cases).
pub(crate) fn rate(closed: i64, total: i64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (closed as f64 / total as f64 * 10000.0).round() / 10000.0
    }
}

/// The median of `v` (sorted here), rounded to one decimal.
fn median(v: &mut [f64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    v.sort_unstable_by(f64::total_cmp);
    let m = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some((m * 10.0).round() / 10.0)
}

impl Ledger {
    /// Computes the report as of `today` over the cases received within
    /// `period`: the headline figures; with `by`, one row per group, the
    /// most cases first; with `trend`, new and closed cases per period.
    ///
    /// The flags are those of `list` (and `CaseState`), from
    /// `super::flags`: overdue, long-running, repeat; **key open** is a key
    /// case not closed. Days to close are from `received_at` to
    /// `closed_at`, both with their offsets; a trend counts a case as new
    /// in the period of its received date and as closed in the period of
    /// its closing date (the local date recorded), so its `new` add up to
    /// `total` and its `closed` to `closed`.
    pub fn report(
        &self,
        today: &str,
        period: &Period,
        by: Option<GroupBy>,
        trend: Option<Trend>,
    ) -> Result<Report> {
        let mut tally = Tally::new(today, period, by, trend);
        let cal = self.calendar()?;
        tally.campaign = Some(campaign::CampaignTally::new(&cal));
        tally.scan(self.conn())?;
        let campaign = tally.campaign.take().and_then(|c| {
            (!cal.phases.is_empty() || !tally.names.is_empty())
                .then(|| c.finish(&cal, &tally.names, today))
        });
        let Tally {
            total,
            by_status,
            by_result,
            overdue,
            key_open,
            long_running,
            conflicts,
            mut days,
            repeats,
            groups,
            trend: trend_counts,
            units: loop_tally,
            ..
        } = tally;
        let mut repeat = 0;
        repeats.finish(|_, counted| repeat += i64::from(counted));
        let rows = match (by, groups) {
            (Some(by), Some(groups)) => groups.into_rows(self, by)?,
            _ => Vec::new(),
        };
        Ok(Report {
            as_of: today.to_string(),
            from: period.from.map(|d| d.to_string()),
            to: period.to.map(|d| d.to_string()),
            by: by.map(GroupBy::column),
            period: trend.map(Trend::code),
            total,
            closed: by_status.closed,
            closure_rate: rate(by_status.closed, total),
            deferred: by_status.deferred,
            by_status,
            by_result,
            overdue,
            key_open,
            long_running,
            repeat,
            conflicts,
            median_days_to_close: median(&mut days),
            rows,
            periods: trend_counts
                .map(trend::TrendCounts::into_rows)
                .unwrap_or_default(),
            satisfaction_rate: loop_tally.satisfaction_rate(),
            supervised: loop_tally.supervised,
            returned: loop_tally.returned,
            extensions: loop_tally.extensions,
            visited: loop_tally.visited,
            plan_overdue: loop_tally.plan_overdue,
            campaign,
        })
    }
}
