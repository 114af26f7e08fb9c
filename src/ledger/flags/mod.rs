//! The rules that flag a case — overdue, long-running, repeat (多次投诉) —
//! and the periods reports count by, each stated once: in Rust for a case
//! in hand, and beside it the SQL twin lists filter with.
//!
//! Replay's case rows, `list`'s filters, `show`'s flags and the report's
//! figures all come here, so a drill-down (`list --overdue`) always finds
//! the cases behind a figure (`report`'s `overdue`).

pub mod period;
pub(crate) mod repeat;

use crate::domain::Status;

/// The statuses in which a case is being worked on: only these can be
/// overdue (a deferred case has a plan and no due date to miss).
const WORKING: [Status; 2] = [Status::Open, Status::Assigned];

/// Days after which a case not closed is long-running (半年未解决).
const LONG_RUNNING_DAYS: u64 = 180;

/// `'open', 'assigned'`: statuses as an SQL list, from their stable codes.
pub(crate) fn sql_statuses(statuses: &[Status]) -> String {
    let quoted: Vec<String> = statuses.iter().map(|s| format!("'{}'", s.code())).collect();
    quoted.join(", ")
}

/// **Overdue**: open or assigned, with a due date before `today` (dates as
/// `YYYY-MM-DD` text, compared as text).
pub(crate) fn overdue(status: Status, due: Option<&[u8]>, today: &[u8]) -> bool {
    WORKING.contains(&status) && due.is_some_and(|d| d < today)
}

/// The SQL twin of [`overdue`]; `today` is the placeholder of the date.
pub(crate) fn overdue_sql(today: &str) -> String {
    format!(
        "status IN ({}) AND due IS NOT NULL AND due < {today}",
        sql_statuses(&WORKING)
    )
}

/// **Long-running**: not closed, and received on or before the cutoff of
/// [`long_running_cutoff`] (the local received date, as text).
pub(crate) fn long_running(status: Status, received_date: &[u8], cutoff: &[u8]) -> bool {
    status != Status::Closed && received_date <= cutoff
}

/// The SQL twin of [`long_running`]; `cutoff` is the placeholder of
/// [`long_running_cutoff`].
pub(crate) fn long_running_sql(cutoff: &str) -> String {
    format!(
        "status <> '{}' AND {} <= {cutoff}",
        Status::Closed.code(),
        crate::ledger::days::RECEIVED_DATE_SQL
    )
}

/// Cases received on or before this date are long-running `today`
/// (`None` when `today` is not a date: then no case is).
pub(crate) fn long_running_cutoff(today: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d")
        .ok()
        .map(|d| (d - chrono::Days::new(LONG_RUNNING_DAYS)).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_is_working_and_past_due() {
        let t = b"2026-11-26".as_slice();
        assert!(overdue(Status::Open, Some(b"2026-11-25"), t));
        assert!(overdue(Status::Assigned, Some(b"2026-11-25"), t));
        assert!(!overdue(Status::Assigned, Some(b"2026-11-26"), t));
        assert!(!overdue(Status::Deferred, Some(b"2026-11-25"), t));
        assert!(!overdue(Status::Open, None, t));
        assert_eq!(
            overdue_sql("?1"),
            "status IN ('open', 'assigned') AND due IS NOT NULL AND due < ?1"
        );
    }

    #[test]
    fn long_running_is_180_days_not_closed() {
        let cut = long_running_cutoff("2026-11-26").unwrap();
        assert_eq!(cut, "2026-05-30");
        assert!(long_running(
            Status::Deferred,
            b"2026-05-30",
            cut.as_bytes()
        ));
        assert!(!long_running(Status::Open, b"2026-05-31", cut.as_bytes()));
        assert!(!long_running(Status::Closed, b"2026-01-01", cut.as_bytes()));
        assert_eq!(long_running_cutoff("soon"), None);
        assert_eq!(
            long_running_sql("?2"),
            "status <> 'closed' AND substr(received_at, 1, 10) <= ?2"
        );
    }
}
