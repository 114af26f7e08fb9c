//! Figures for the leadership group: headline counts and per-group rows,
//! computed by SQL aggregation over the cases table.

use std::collections::HashMap;

use serde::Serialize;

use super::Ledger;
use super::case::long_running_cutoff;
use super::error::Result;

/// Days within which two complaints about the same problem type in the
/// same community make a repeat complaint (多次投诉).
pub const REPEAT_WINDOW_DAYS: i64 = 90;

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
    fn column(self) -> &'static str {
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

/// Restricts a report by received date (inclusive, `YYYY-MM-DD`).
#[derive(Clone, Debug, Default)]
pub struct Period {
    pub from: Option<String>,
    pub to: Option<String>,
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
    pub total: i64,
    /// Not closed (open, assigned or deferred).
    pub open: i64,
    pub closed: i64,
    pub closure_rate: f64,
    pub overdue: i64,
    /// Median days from received to closed, over the closed cases.
    pub median_days_to_close: Option<f64>,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub as_of: String,
    pub from: Option<String>,
    pub to: Option<String>,
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
    pub rows: Vec<GroupRow>,
}

/// `closed / total`, rounded to 4 places (0 for no cases).
pub fn rate(closed: i64, total: i64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (closed as f64 / total as f64 * 10000.0).round() / 10000.0
    }
}

/// An SQL string literal.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let m = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    Some((m * 10.0).round() / 10.0)
}

impl Ledger {
    /// Computes the report as of `today`.
    pub fn report(&self, today: &str, period: &Period, by: Option<GroupBy>) -> Result<Report> {
        // The values are dates this program formatted; quoted all the same.
        let mut wheres = vec!["1 = 1".to_string()];
        if let Some(f) = &period.from {
            wheres.push(format!("substr(received_at, 1, 10) >= {}", quote(f)));
        }
        if let Some(t) = &period.to {
            wheres.push(format!("substr(received_at, 1, 10) <= {}", quote(t)));
        }
        let filter = wheres.join(" AND ");
        let today_q = quote(today);
        let cutoff_q = quote(&long_running_cutoff(today));
        let overdue =
            format!("(status IN ('open', 'assigned') AND due IS NOT NULL AND due < {today_q})");
        let conn = self.conn();

        let head = conn.query_row(
            &format!(
                "SELECT count(*),
                    coalesce(sum(status = 'open'), 0), coalesce(sum(status = 'assigned'), 0),
                    coalesce(sum(status = 'deferred'), 0), coalesce(sum(status = 'closed'), 0),
                    coalesce(sum(result = 'resolved'), 0), coalesce(sum(result = 'unfounded'), 0),
                    coalesce(sum(result = 'duplicate'), 0), coalesce(sum(result = 'out_of_scope'), 0),
                    coalesce(sum({overdue}), 0),
                    coalesce(sum(key_case = 1 AND status <> 'closed'), 0),
                    coalesce(sum(status <> 'closed' AND substr(received_at, 1, 10) <= {cutoff_q}), 0)
                 FROM cases WHERE {filter}"
            ),
            [],
            |r| {
                let g = |i| r.get::<_, i64>(i);
                Ok((
                    g(0)?,
                    ByStatus {
                        open: g(1)?,
                        assigned: g(2)?,
                        deferred: g(3)?,
                        closed: g(4)?,
                    },
                    ByResult {
                        resolved: g(5)?,
                        unfounded: g(6)?,
                        duplicate: g(7)?,
                        out_of_scope: g(8)?,
                    },
                    g(9)?,
                    g(10)?,
                    g(11)?,
                ))
            },
        )?;
        let (total, by_status, by_result, overdue_n, key_open, long_running) = head;

        let repeat: i64 = conn.query_row(
            &format!(
                "SELECT count(*) FROM cases a WHERE {filter} AND a.problem IS NOT NULL AND EXISTS (
                    SELECT 1 FROM cases b
                    WHERE b.community = a.community AND b.problem = a.problem AND b.id <> a.id
                      AND abs(julianday(substr(b.received_at, 1, 10))
                              - julianday(substr(a.received_at, 1, 10))) <= {REPEAT_WINDOW_DAYS})"
            ),
            [],
            |r| r.get(0),
        )?;

        let mut rows = Vec::new();
        if let Some(by) = by {
            let col = by.column();
            let mut st = conn.prepare(&format!(
                "SELECT {col}, count(*), coalesce(sum(status <> 'closed'), 0),
                        coalesce(sum(status = 'closed'), 0), coalesce(sum({overdue}), 0)
                 FROM cases WHERE {filter} GROUP BY {col} ORDER BY count(*) DESC, {col}"
            ))?;
            let mut q = st.query([])?;
            while let Some(r) = q.next()? {
                let total: i64 = r.get(1)?;
                let closed: i64 = r.get(3)?;
                rows.push(GroupRow {
                    key: r.get(0)?,
                    total,
                    open: r.get(2)?,
                    closed,
                    closure_rate: rate(closed, total),
                    overdue: r.get(4)?,
                    median_days_to_close: None,
                });
            }
            // Medians: the closed cases' durations, sorted within each group.
            let mut st = conn.prepare(&format!(
                "SELECT {col}, julianday(closed_at) - julianday(received_at) AS d
                 FROM cases WHERE {filter} AND status = 'closed' ORDER BY {col}, d"
            ))?;
            let mut q = st.query([])?;
            let mut current: Option<Option<String>> = None;
            let mut days: Vec<f64> = Vec::new();
            let mut medians: HashMap<Option<String>, Option<f64>> = HashMap::new();
            while let Some(r) = q.next()? {
                let key: Option<String> = r.get(0)?;
                if current.as_ref() != Some(&key) {
                    if let Some(k) = current.take() {
                        medians.insert(k, median(&days));
                    }
                    days.clear();
                    current = Some(key);
                }
                days.push(r.get::<_, Option<f64>>(1)?.unwrap_or(0.0));
            }
            if let Some(k) = current {
                medians.insert(k, median(&days));
            }
            for row in &mut rows {
                row.median_days_to_close = medians.get(&row.key).copied().flatten();
            }
        }

        Ok(Report {
            as_of: today.to_string(),
            from: period.from.clone(),
            to: period.to.clone(),
            total,
            closed: by_status.closed,
            closure_rate: rate(by_status.closed, total),
            deferred: by_status.deferred,
            by_status,
            by_result,
            overdue: overdue_n,
            key_open,
            long_running,
            repeat,
            rows,
        })
    }
}
