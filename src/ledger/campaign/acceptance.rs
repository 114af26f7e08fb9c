//! The acceptance check (总结验收) per office: closure rate, overdue
//! cases, deferred cases (each has its work plan: `defer` needs one), key
//! cases still open, and whether the office's ledger reached the district
//! by the due date (the day the district first merged its file).
//!
//! The figures are those of `report` (the same flags, `super::flags`),
//! over every case, grouped by office: an office's row here is its
//! `report --by office` row.

use serde::Serialize;

use crate::ledger::Ledger;
use crate::ledger::error::Result;
use crate::ledger::flags::overdue_sql;

/// One office's acceptance figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfficeCheck {
    pub office: String,
    pub name: String,
    pub total: i64,
    pub closed: i64,
    pub closure_rate: f64,
    pub overdue: i64,
    /// Deferred cases, each with its work plan.
    pub deferred: i64,
    pub key_open: i64,
    /// The day the district first merged the office's file.
    pub first_merged: Option<String>,
    /// Whether that was on or before the ledger due date (`None`: no due
    /// date set, not received yet and the due date not passed, or this is
    /// an office's file, which does not know).
    pub on_time: Option<bool>,
}

/// The acceptance check of every office this file knows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Acceptance {
    pub as_of: String,
    pub ledger_due: Option<String>,
    pub offices: Vec<OfficeCheck>,
}

impl Ledger {
    /// The acceptance check as of `today` (`YYYY-MM-DD`).
    pub fn acceptance(&self, today: &str) -> Result<Acceptance> {
        let cal = self.calendar()?;
        let due = cal.ledger_due.map(|d| d.to_string());
        let sql = format!(
            // `offices` has no status or due column: the flag's SQL twin
            // reads the case's.
            "SELECT o.code, o.name, count(id),
                    coalesce(sum(status = 'closed'), 0),
                    coalesce(sum({}), 0),
                    coalesce(sum(status = 'deferred'), 0),
                    coalesce(sum(key_case <> 0 AND status <> 'closed'), 0)
             FROM offices o LEFT JOIN cases ON cases.office = o.code
             WHERE o.district = 0 OR EXISTS (SELECT 1 FROM cases k WHERE k.office = o.code)
             GROUP BY o.code ORDER BY o.code",
            overdue_sql("?1")
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([today], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
            ))
        })?;
        let mut offices = Vec::new();
        for row in rows {
            let (office, name, [total, closed, overdue, deferred, key_open]): (_, _, [i64; 5]) =
                row?;
            let first_merged = cal.arrivals.get(&office).map(|d| d.to_string());
            // Only a district knows when files reached it.
            let on_time = match (&due, &first_merged) {
                _ if !self.office().district => None,
                (Some(d), Some(m)) => Some(m <= d),
                (Some(d), None) if today > d.as_str() => Some(false),
                _ => None,
            };
            offices.push(OfficeCheck {
                office,
                name,
                total,
                closed,
                closure_rate: crate::ledger::report::rate(closed, total),
                overdue,
                deferred,
                key_open,
                first_merged,
                on_time,
            });
        }
        Ok(Acceptance {
            as_of: today.to_string(),
            ledger_due: due,
            offices,
        })
    }
}
