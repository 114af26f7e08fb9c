//! A case's derived state ([`CaseState`]: what the `cases` table holds) and
//! what it says of itself. A leaf of the case: the features' replay
//! functions change it without importing `case::apply`.

use crate::domain::{Outcome, Source, Status, Subject};
use crate::ledger::flags;
use crate::ledger::units_loop::work::Work;

/// The derived state of one case: what the `cases` table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseState {
    pub id: String,
    pub office: String,
    pub year: i32,
    pub seq: i64,
    pub status: Status,
    pub received_at: String,
    pub source: Source,
    pub source_ref: Option<String>,
    pub community: String,
    pub address: Option<String>,
    pub summary: String,
    pub details: Option<String>,
    pub complainant: Option<String>,
    pub phone: Option<String>,
    pub subject: Option<Subject>,
    pub problem: Option<String>,
    pub party: Option<String>,
    pub key_case: bool,
    pub unit: Option<String>,
    pub assigned_at: Option<String>,
    pub due: Option<String>,
    pub plan: Option<String>,
    pub defer_until: Option<String>,
    pub closed_at: Option<String>,
    pub result: Option<Outcome>,
    pub resolution: Option<String>,
    pub duplicate_of: Option<String>,
    pub updated_at: String,
    pub notes: i64,
    /// The problem type is a suggestion not yet confirmed by a clerk.
    pub problem_suggested: bool,
    /// Concurrent events on the case disagreed (see [`apply`](super::apply)) and nobody
    /// has acted on the case since.
    pub conflict: bool,
    /// The office whose close is in force.
    pub closed_by: Option<String>,
    /// Links to other cases, `relation:id` separated by spaces (`sweep`).
    pub links: String,
    /// The units' side: acknowledgement, returns, extensions, co-units,
    /// supervision, call-back (`units_loop`).
    pub work: Work,
}

impl CaseState {
    /// The local calendar date the case was received (`YYYY-MM-DD`).
    pub fn received_date(&self) -> &str {
        self.received_at.get(..10).unwrap_or(&self.received_at)
    }

    /// Due date passed and still being worked on (see `flags::overdue`).
    pub fn overdue(&self, today: &str) -> bool {
        flags::overdue(
            self.status,
            self.due.as_deref().map(str::as_bytes),
            today.as_bytes(),
        )
    }

    /// Not closed 180 days after it was received (see `flags::long_running`).
    pub fn long_running(&self, today: &str) -> bool {
        flags::long_running_cutoff(today).is_some_and(|cut| {
            flags::long_running(self.status, self.received_date().as_bytes(), cut.as_bytes())
        })
    }
}

/// Clears the close in force (a reopen, a new assignment, a call-back
/// that reopens).
pub(in crate::ledger) fn clear_closure(c: &mut CaseState) {
    c.closed_by = None;
    c.closed_at = None;
    c.result = None;
    c.resolution = None;
    c.duplicate_of = None;
}
