//! Unit tests of `case/`: the conflict rules of replay.

use super::*;
use crate::domain::Outcome;
use crate::ledger::event::{CaseAdd, CaseAssign, CaseClose, CaseNote, CaseReopen};

fn rec(origin: &str, clock: i64) -> EventRecord {
    EventRecord {
        origin: origin.into(),
        seq: clock,
        clock,
        at: format!("2026-11-2{clock}T09:00:00+08:00"),
        actor: String::new(),
        kind: String::new(),
        case_id: Some("S01-2026-0001".into()),
        payload: String::new(),
        hash: String::new(),
    }
}

fn added() -> Option<CaseState> {
    let add = Event::CaseAdd(CaseAdd::sample());
    apply(None, &rec("S01", 1), &add)
}

fn close(result: Outcome) -> Event {
    Event::CaseClose(CaseClose {
        result,
        resolution: "r".into(),
        duplicate_of: None,
    })
}

fn assign() -> Event {
    Event::CaseAssign(CaseAssign {
        unit: "ZJ".into(),
        due: "2026-12-01".into(),
        subject: None,
        problem: None,
        party: None,
        note: None,
        co_units: Vec::new(),
    })
}

#[test]
fn conflict_row_1_the_owners_close_replaces_a_concurrent_district_close() {
    let c = apply(added(), &rec("D", 2), &close(Outcome::Unfounded));
    let c = apply(c, &rec("S01", 3), &close(Outcome::Resolved)).unwrap();
    assert_eq!(c.result, Some(Outcome::Resolved));
    assert_eq!(c.closed_by.as_deref(), Some("S01"));
    assert!(c.conflict);
    // And a district close after the owner's does not replace it.
    let c = apply(Some(c), &rec("D", 4), &close(Outcome::Unfounded)).unwrap();
    assert_eq!(c.result, Some(Outcome::Resolved));
}

#[test]
fn conflict_row_2_an_event_that_is_no_valid_step_is_not_applied() {
    // The office closed; the district, not having seen it, re-assigned.
    let closed = apply(added(), &rec("S01", 2), &close(Outcome::Resolved));
    let c = apply(closed.clone(), &rec("D", 3), &assign()).unwrap();
    assert_eq!(c.status, Status::Closed);
    assert!(c.conflict);
    assert_eq!(c.updated_at, closed.unwrap().updated_at);
    // A reopen of an open case, and a second close by the owner.
    let c = apply(
        added(),
        &rec("D", 2),
        &Event::CaseReopen(CaseReopen { reason: "r".into() }),
    )
    .unwrap();
    assert!(c.conflict && c.status == Status::Open);
    let c = apply(
        apply(added(), &rec("S01", 2), &close(Outcome::Resolved)),
        &rec("S01", 3),
        &close(Outcome::Unfounded),
    )
    .unwrap();
    assert_eq!(c.result, Some(Outcome::Resolved));
    assert!(c.conflict);
}

#[test]
fn a_later_valid_event_clears_the_conflict() {
    let c = apply(added(), &rec("S01", 2), &close(Outcome::Resolved));
    let c = apply(c, &rec("D", 3), &assign());
    let c = apply(
        c,
        &rec("D", 4),
        &Event::CaseNote(CaseNote {
            text: "看过".into(),
        }),
    )
    .unwrap();
    assert!(!c.conflict);
    assert_eq!(c.status, Status::Closed);
}

#[test]
fn the_units_loop_columns_close_the_column_list() {
    assert!(COLUMNS.ends_with(units_loop::COLUMNS));
}

#[test]
fn a_return_sends_the_case_back_open_and_remembers_the_unit() {
    use crate::ledger::event::{CaseAck, CaseReturn};
    let c = apply(added(), &rec("S01", 2), &assign());
    let c = apply(c, &rec("S01", 3), &Event::CaseAck(CaseAck { by: None }));
    let ret = Event::CaseReturn(CaseReturn {
        unit: "ZJ".into(),
        reason: "不属本单位".into(),
    });
    let c = apply(c, &rec("S01", 4), &ret).unwrap();
    assert_eq!((c.status, c.unit.as_deref()), (Status::Open, None));
    assert_eq!(c.work.returned_by, ["ZJ"]);
    assert_eq!(c.work.acked_at, None);
    // A second return of an open case is no valid step: a conflict.
    let c = apply(Some(c), &rec("D", 5), &ret).unwrap();
    assert!(c.conflict);
    assert_eq!(c.work.returned_by, ["ZJ"]);
}

#[test]
fn a_decision_counts_only_for_the_date_still_asked() {
    use crate::ledger::event::{CaseExtend, CaseExtendDecision};
    let c = apply(added(), &rec("S01", 2), &assign());
    let ask = |until: &str| {
        Event::CaseExtend(CaseExtend {
            until: until.into(),
            reason: "r".into(),
        })
    };
    let approve = |until: &str| {
        Event::CaseExtendDecision(CaseExtendDecision {
            approved: true,
            until: until.into(),
            reason: None,
        })
    };
    let c = apply(c, &rec("S01", 3), &ask("2026-12-20"));
    let c = apply(c, &rec("S01", 4), &approve("2026-12-30")).unwrap();
    assert_eq!(c.due.as_deref(), Some("2026-12-01"));
    let c = apply(Some(c), &rec("S01", 5), &approve("2026-12-20")).unwrap();
    assert_eq!(c.due.as_deref(), Some("2026-12-20"));
    assert_eq!(
        (c.work.extensions_asked, c.work.extensions_approved),
        (1, 1)
    );
    assert_eq!(c.work.extension_until, None);
}
