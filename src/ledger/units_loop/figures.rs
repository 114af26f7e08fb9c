//! The loop's flags, each stated once: a case's own rule, used by `show`,
//! `list`'s filters ([`WorkFilter`]) and the report's figures alike, so a
//! drill-down finds exactly the cases behind a figure.

use crate::domain::{Outcome, Satisfaction, Status};
use crate::ledger::case::state::CaseState;
use crate::ledger::days::{add_working_days, date_part, day_number};

/// **Acknowledged late**: acknowledged after the first working day after
/// the day of assignment (local dates; `days::is_working_day`).
pub(crate) fn ack_late(assigned_at: Option<&[u8]>, acked_at: Option<&[u8]>) -> bool {
    match (
        assigned_at.and_then(|a| day_number(date_part(a))),
        acked_at.and_then(|a| day_number(date_part(a))),
    ) {
        (Some(assigned), Some(acked)) => acked > add_working_days(assigned, 1),
        _ => false,
    }
}

/// **Closed late**: closed on a day after the due date as it stands, or
/// after the latest supervision's due date. A closed case closes on time
/// otherwise.
pub(crate) fn closed_late(
    status: Status,
    closed_at: Option<&[u8]>,
    due: Option<&[u8]>,
    supervise_due: Option<&[u8]>,
) -> bool {
    let Some(day) = closed_at.map(date_part) else {
        return false;
    };
    status == Status::Closed
        && (due.is_some_and(|d| day > d) || supervise_due.is_some_and(|d| day > d))
}

/// **Plan overdue**: deferred, and the plan's `--until` date has passed.
pub(crate) fn plan_overdue(status: Status, until: Option<&[u8]>, today: &[u8]) -> bool {
    status == Status::Deferred && until.is_some_and(|u| u < today)
}

/// Satisfied or basically satisfied: what the satisfaction rate counts.
pub fn contented(s: Satisfaction) -> bool {
    matches!(s, Satisfaction::Satisfied | Satisfaction::Basic)
}

/// **Unvisited**: closed `resolved` and not called back since.
pub(crate) fn unvisited(
    status: Status,
    result: Option<Outcome>,
    satisfaction: Option<Satisfaction>,
) -> bool {
    status == Status::Closed && result == Some(Outcome::Resolved) && satisfaction.is_none()
}

fn b(s: &Option<String>) -> Option<&[u8]> {
    s.as_deref().map(str::as_bytes)
}

impl CaseState {
    pub fn ack_late(&self) -> bool {
        ack_late(b(&self.assigned_at), b(&self.work.acked_at))
    }

    pub fn closed_late(&self) -> bool {
        closed_late(
            self.status,
            b(&self.closed_at),
            b(&self.due),
            b(&self.work.supervise_due),
        )
    }

    pub fn plan_overdue(&self, today: &str) -> bool {
        plan_overdue(self.status, b(&self.defer_until), today.as_bytes())
    }

    pub fn unvisited(&self) -> bool {
        unvisited(self.status, self.result, self.work.satisfaction)
    }
}

/// Which extensions `list --extension` finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtensionFilter {
    /// Asked at least once (the report's `extensions.asked` counts asks).
    Asked,
    /// Approved at least once.
    Approved,
    /// Asked and not yet decided.
    Pending,
}

/// The loop's filters of `list`; every one narrows.
#[derive(Clone, Debug, Default)]
pub struct WorkFilter {
    pub supervised: bool,
    pub unvisited: bool,
    pub plan_overdue: bool,
    pub acknowledged: bool,
    pub ack_late: bool,
    pub closed_late: bool,
    pub visited: bool,
    /// Only call-backs with one of these (empty: any).
    pub satisfaction: Vec<Satisfaction>,
    /// Only cases some unit returned (this one, if given).
    pub returned: bool,
    pub returned_by: Option<String>,
    pub extension: Option<ExtensionFilter>,
}

impl WorkFilter {
    /// Whether `c` passes every filter asked.
    pub fn keeps(&self, c: &CaseState, today: &str) -> bool {
        let w = &c.work;
        let ext = match self.extension {
            None => true,
            Some(ExtensionFilter::Asked) => w.extensions_asked > 0,
            Some(ExtensionFilter::Approved) => w.extensions_approved > 0,
            Some(ExtensionFilter::Pending) => w.extension_until.is_some(),
        };
        let satisfaction = self.satisfaction.is_empty()
            || w.satisfaction
                .is_some_and(|s| self.satisfaction.contains(&s));
        ext && satisfaction
            && (!self.supervised || w.supervisions > 0)
            && (!self.unvisited || c.unvisited())
            && (!self.plan_overdue || c.plan_overdue(today))
            && (!self.acknowledged || w.acked_at.is_some())
            && (!self.ack_late || c.ack_late())
            && (!self.closed_late || c.closed_late())
            && (!self.visited || w.satisfaction.is_some())
            && (!self.returned || !w.returned_by.is_empty())
            && self
                .returned_by
                .as_ref()
                .is_none_or(|u| w.returned_by.contains(u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acknowledging_after_the_next_working_day_is_late() {
        let at = |d: &str| format!("{d}T09:00:00+08:00");
        let late = |a: &str, k: &str| ack_late(Some(at(a).as_bytes()), Some(at(k).as_bytes()));
        // Thursday → Friday on time, Saturday late.
        assert!(!late("2026-11-26", "2026-11-27"));
        assert!(late("2026-11-26", "2026-11-28"));
        // Friday → Monday on time, Tuesday late.
        assert!(!late("2026-11-27", "2026-11-30"));
        assert!(late("2026-11-27", "2026-12-01"));
        assert!(!ack_late(Some(at("2026-11-26").as_bytes()), None));
    }

    #[test]
    fn a_close_after_the_due_or_the_supervision_due_is_late() {
        let closed = Some("2026-11-20T10:00:00+08:00".as_bytes());
        let c = |due: &str, sup: Option<&str>| {
            closed_late(
                Status::Closed,
                closed,
                Some(due.as_bytes()),
                sup.map(str::as_bytes),
            )
        };
        assert!(!c("2026-11-20", None));
        assert!(c("2026-11-19", None));
        assert!(c("2026-11-30", Some("2026-11-19")));
        assert!(!c("2026-11-30", Some("2026-11-20")));
    }

    #[test]
    fn a_plan_is_overdue_the_day_after_its_date() {
        let t = b"2026-11-26".as_slice();
        assert!(plan_overdue(Status::Deferred, Some(b"2026-11-25"), t));
        assert!(!plan_overdue(Status::Deferred, Some(b"2026-11-26"), t));
        assert!(!plan_overdue(Status::Deferred, None, t));
        assert!(!plan_overdue(Status::Open, Some(b"2026-11-25"), t));
    }
}
