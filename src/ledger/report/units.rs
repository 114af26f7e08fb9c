//! The units' loop's figures (issue 15): the headline's supervised,
//! returned, extensions, call-backs, satisfaction and overdue plans, and
//! the columns of `report --by unit`. Each case is counted by the rules of
//! `units_loop::figures`, the very ones behind `list`'s filters.

use rusqlite::Row;
use serde::Serialize;

use super::rate;
use crate::domain::{Satisfaction, Status};
use crate::ledger::error::Result;
use crate::ledger::flags::repeat::text;
use crate::ledger::units_loop::figures::{ack_late, closed_late, contented, plan_overdue};

/// The columns the loop's figures read, after the report's own (their
/// indices in the row are [`FIRST`] on).
pub(super) const COLUMNS: &str = "defer_until, assigned_at, acked_at, returned_by, \
     extensions_asked, extensions_approved, supervisions, supervise_due, satisfaction";

/// The index of the first of [`COLUMNS`] in the report's row (after the
/// repeat-candidate flag at 10 and the office at 11).
pub(super) const FIRST: usize = 12;

/// Extensions asked and approved: cases with at least one
/// (`list --extension asked|approved`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extensions {
    pub asked: i64,
    pub approved: i64,
}

/// The headline's loop figures, summed over the counted cases.
#[derive(Default)]
pub(super) struct LoopTally {
    pub supervised: i64,
    pub returned: i64,
    pub extensions: Extensions,
    pub visited: i64,
    pub contented: i64,
    pub plan_overdue: i64,
}

/// What one case contributes to its unit's row.
pub(super) struct CaseFacts<'r> {
    acknowledged: bool,
    ack_late: bool,
    closed_on_time: bool,
    visited: bool,
    contented: bool,
    /// The units that returned it (each gets one on its `returned`).
    pub returned_by: Option<&'r [u8]>,
}

impl LoopTally {
    /// Counts one case of `status`; `closed_at` and `due` as the report
    /// read them. Returns what its unit's row counts.
    pub(super) fn count<'r>(
        &mut self,
        r: &'r Row<'_>,
        status: Status,
        today: &[u8],
        closed_at: Option<&[u8]>,
        due: Option<&[u8]>,
    ) -> Result<CaseFacts<'r>> {
        let col = |i: usize| r.get_ref(FIRST + i).map(text);
        let satisfaction = col(8)?
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.parse::<Satisfaction>().ok());
        let returned_by = col(3)?.filter(|b| !b.is_empty());
        let asked: i64 = r.get(FIRST + 4)?;
        let approved: i64 = r.get(FIRST + 5)?;
        let supervisions: i64 = r.get(FIRST + 6)?;
        let acked = col(2)?;
        let facts = CaseFacts {
            acknowledged: acked.is_some(),
            ack_late: ack_late(col(1)?, acked),
            closed_on_time: status == Status::Closed
                && !closed_late(status, closed_at, due, col(7)?),
            visited: satisfaction.is_some(),
            contented: satisfaction.is_some_and(contented),
            returned_by,
        };
        self.supervised += i64::from(supervisions > 0);
        self.returned += i64::from(returned_by.is_some());
        self.extensions.asked += i64::from(asked > 0);
        self.extensions.approved += i64::from(approved > 0);
        self.visited += i64::from(facts.visited);
        self.contented += i64::from(facts.contented);
        self.plan_overdue += i64::from(plan_overdue(status, col(0)?, today));
        Ok(facts)
    }

    /// Satisfied and basically satisfied over the cases called back.
    pub(super) fn satisfaction_rate(&self) -> f64 {
        rate(self.contented, self.visited)
    }
}

/// The loop's columns of one unit's row (`report --by unit`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct UnitFigures {
    /// Cases whose lead unit it is (`list --unit U`).
    pub assigned: i64,
    pub acknowledged: i64,
    pub acknowledged_late: i64,
    /// Cases it returned (`list --returned-by U`); they have no unit now.
    pub returned: i64,
    pub closed_on_time: i64,
    /// Closed on time over closed.
    pub on_time_rate: f64,
    pub visited: i64,
    pub satisfaction_rate: f64,
    /// Satisfied or basic: the rate's numerator, for totals.
    #[serde(skip)]
    pub contented: i64,
}

/// A unit's running loop counts.
#[derive(Default)]
pub(super) struct UnitAcc {
    acknowledged: i64,
    acknowledged_late: i64,
    pub returned: i64,
    closed_on_time: i64,
    visited: i64,
    contented: i64,
}

impl UnitAcc {
    /// One case whose lead unit this is.
    pub(super) fn count(&mut self, f: &CaseFacts) {
        self.acknowledged += i64::from(f.acknowledged);
        self.acknowledged_late += i64::from(f.ack_late);
        self.closed_on_time += i64::from(f.closed_on_time);
        self.visited += i64::from(f.visited);
        self.contented += i64::from(f.contented);
    }

    /// The row's figures; `assigned` (the group's total) and `closed` are
    /// the group's.
    pub(super) fn figures(&self, assigned: i64, closed: i64) -> UnitFigures {
        UnitFigures {
            assigned,
            acknowledged: self.acknowledged,
            acknowledged_late: self.acknowledged_late,
            returned: self.returned,
            closed_on_time: self.closed_on_time,
            on_time_rate: rate(self.closed_on_time, closed),
            visited: self.visited,
            satisfaction_rate: rate(self.contented, self.visited),
            contented: self.contented,
        }
    }
}
