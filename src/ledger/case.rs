//! A case's current state, how an event changes it, and its table row.

use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::error::{Error, Result};
use super::event::{CaseAdd, Event, EventRecord};
use super::flags;
use crate::domain::{Outcome, Source, Status, Subject};

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
    /// Concurrent events on the case disagreed (see [`apply`]) and nobody
    /// has acted on the case since.
    pub conflict: bool,
    /// The office whose close is in force.
    pub closed_by: Option<String>,
}

/// A step in a case's lifecycle, as a command makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Assign,
    Defer,
    Close,
    Reopen,
    Note,
}

impl Step {
    /// The step an event takes (`None` for a case.add or a non-case event).
    pub fn of(ev: &Event) -> Option<Step> {
        Some(match ev {
            Event::CaseAssign(_) => Step::Assign,
            Event::CaseDefer(_) => Step::Defer,
            Event::CaseClose(_) => Step::Close,
            Event::CaseReopen(_) => Step::Reopen,
            Event::CaseNote(_) => Step::Note,
            _ => return None,
        })
    }
}

/// Whether `step` is valid from `status`: the one lifecycle rule, which the
/// commands enforce before appending (`ops.rs`, with their own messages)
/// and replay uses to spot concurrent work ([`apply`]).
///
/// | from \ step | assign | defer | close | reopen | note |
/// |-------------|--------|-------|-------|--------|------|
/// | open        | yes    | yes   | yes   | no     | yes  |
/// | assigned    | yes    | yes   | yes   | no     | yes  |
/// | deferred    | yes    | yes   | yes   | yes    | yes  |
/// | closed      | no     | no    | no    | yes    | yes  |
pub fn allowed(status: Status, step: Step) -> bool {
    match step {
        Step::Assign | Step::Defer | Step::Close => status != Status::Closed,
        Step::Reopen => matches!(status, Status::Closed | Status::Deferred),
        Step::Note => true,
    }
}

/// Applies one event to a case: the single place that says what each kind
/// of event does. Replay folds a case's events through it in (clock,
/// origin, seq) order, so the same events give the same state in every
/// file, whatever order they were merged in.
///
/// | event        | on no case      | on a case, a valid step ([`allowed`])               |
/// |--------------|-----------------|-----------------------------------------------------|
/// | case.add     | creates it      | — (a second add is a conflict, ignored)             |
/// | case.assign  | ignored         | assigned; unit, due set; classification updated if given; closure and plan cleared |
/// | case.defer   | ignored         | deferred; plan, until set                           |
/// | case.close   | ignored         | closed; result, resolution, duplicate_of, closed_at set |
/// | case.reopen  | ignored         | open; due, plan and closure cleared                 |
/// | case.note    | ignored         | note count + 1                                      |
///
/// The commands refuse a step that is not valid *before* appending, so an
/// event that is not a valid step on the replayed state was made without
/// seeing an earlier one in replay order: concurrent work on two ledgers.
/// Such an event is a **conflict**:
///
/// | # | conflicting event                                          | outcome |
/// |---|------------------------------------------------------------|---------|
/// | 1 | a close by the case's own office, on a case another origin (the district) closed | the office's close replaces it: a close by the office that owns the case is never undone |
/// | 2 | any other (an assign, defer or close on a closed case; a reopen of an open case; a second add) | not applied: the state stays as the earlier event left it |
///
/// Either way the case is marked `conflict` (listed by `list --conflicts`,
/// counted by `report`) until a later event applies as a valid step (a
/// note, or any command on the case): someone has looked at it. Every
/// event that applies sets `updated_at` to its time. This function is
/// total, so replaying concurrent edits never fails, and deterministic,
/// so both sides reach the same state.
pub fn apply(case: Option<CaseState>, rec: &EventRecord, ev: &Event) -> Option<CaseState> {
    let Some(id) = rec.case_id.as_deref() else {
        return case;
    };
    if let Event::CaseAdd(a) = ev {
        if let Some(mut c) = case {
            c.conflict = true;
            return Some(c);
        }
        return CaseState::registered(id, rec, a);
    }
    let mut c = case?;
    if Step::of(ev).is_some_and(|step| !allowed(c.status, step)) {
        c.conflict = true;
        let owner_close_over_other = matches!(ev, Event::CaseClose(_))
            && rec.origin == c.office
            && c.closed_by.as_deref() != Some(c.office.as_str());
        if !owner_close_over_other {
            return Some(c);
        }
    } else {
        c.conflict = false;
    }
    c.updated_at = rec.at.clone();
    match ev {
        Event::CaseAssign(a) => {
            c.status = Status::Assigned;
            c.unit = Some(a.unit.clone());
            c.due = Some(a.due.clone());
            c.assigned_at = Some(rec.at.clone());
            if a.subject.is_some() {
                c.subject = a.subject;
            }
            if a.problem.is_some() {
                c.problem = a.problem.clone();
                c.problem_suggested = false;
            }
            if a.party.is_some() {
                c.party = a.party.clone();
            }
            c.plan = None;
            c.defer_until = None;
            clear_closure(&mut c);
        }
        Event::CaseDefer(d) => {
            c.status = Status::Deferred;
            c.plan = Some(d.plan.clone());
            c.defer_until = d.until.clone();
        }
        Event::CaseClose(x) => {
            c.status = Status::Closed;
            c.closed_at = Some(rec.at.clone());
            c.result = Some(x.result);
            c.resolution = Some(x.resolution.clone());
            c.duplicate_of = x.duplicate_of.clone();
            c.closed_by = Some(rec.origin.clone());
        }
        Event::CaseReopen(_) => {
            c.status = Status::Open;
            c.due = None;
            c.plan = None;
            c.defer_until = None;
            clear_closure(&mut c);
        }
        Event::CaseNote(_) => c.notes += 1,
        // Not about a case: nothing to do here.
        _ => {}
    }
    Some(c)
}

fn clear_closure(c: &mut CaseState) {
    c.closed_by = None;
    c.closed_at = None;
    c.result = None;
    c.resolution = None;
    c.duplicate_of = None;
}

/// `S03-2026-0042` → (`S03`, 2026, 42).
fn split_id(id: &str) -> Option<(String, i32, i64)> {
    let mut it = id.rsplitn(3, '-');
    let seq = it.next()?.parse().ok()?;
    let year = it.next()?.parse().ok()?;
    Some((it.next()?.to_string(), year, seq))
}

pub(crate) const COLUMNS: &str = "id, office, year, seq, status, received_at, source, source_ref, \
     community, address, summary, details, complainant, phone, subject, problem, party, key_case, \
     unit, assigned_at, due, plan, defer_until, closed_at, result, resolution, duplicate_of, \
     updated_at, notes, problem_suggested, conflict, closed_by";

/// `verb INTO cases (COLUMNS) VALUES (?1, …)`, from the one column list.
fn insert_sql(verb: &str) -> String {
    let n = COLUMNS.split(',').count();
    let slots: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
    let slots = slots.join(", ");
    format!("{verb} INTO cases ({COLUMNS}) VALUES ({slots})")
}

fn code<T: std::str::FromStr>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    s.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown code '{s}'").into(),
        )
    })
}

fn opt_code<T: std::str::FromStr>(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(i)?;
    match s {
        None => Ok(None),
        Some(_) => code(r, i).map(Some),
    }
}

impl CaseState {
    /// A case as its `case.add` registers it (`None`: not a case id).
    fn registered(id: &str, rec: &EventRecord, a: &CaseAdd) -> Option<CaseState> {
        let (office, year, seq) = split_id(id)?;
        Some(CaseState {
            id: id.to_string(),
            office,
            year,
            seq,
            status: Status::Open,
            received_at: a.received_at.clone(),
            source: a.source,
            source_ref: a.source_ref.clone(),
            community: a.community.clone(),
            address: a.address.clone(),
            summary: a.summary.clone(),
            details: a.details.clone(),
            complainant: a.complainant.clone(),
            phone: a.phone.clone(),
            subject: a.subject,
            problem: a.problem.clone(),
            party: a.party.clone(),
            key_case: a.key,
            unit: None,
            assigned_at: None,
            due: None,
            plan: None,
            defer_until: None,
            closed_at: None,
            result: None,
            resolution: None,
            duplicate_of: None,
            updated_at: rec.at.clone(),
            notes: 0,
            problem_suggested: a.suggested && a.problem.is_some(),
            conflict: false,
            closed_by: None,
        })
    }

    pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<CaseState> {
        Ok(CaseState {
            id: r.get(0)?,
            office: r.get(1)?,
            year: r.get(2)?,
            seq: r.get(3)?,
            status: code(r, 4)?,
            received_at: r.get(5)?,
            source: code(r, 6)?,
            source_ref: r.get(7)?,
            community: r.get(8)?,
            address: r.get(9)?,
            summary: r.get(10)?,
            details: r.get(11)?,
            complainant: r.get(12)?,
            phone: r.get(13)?,
            subject: opt_code(r, 14)?,
            problem: r.get(15)?,
            party: r.get(16)?,
            key_case: r.get(17)?,
            unit: r.get(18)?,
            assigned_at: r.get(19)?,
            due: r.get(20)?,
            plan: r.get(21)?,
            defer_until: r.get(22)?,
            closed_at: r.get(23)?,
            result: opt_code(r, 24)?,
            resolution: r.get(25)?,
            duplicate_of: r.get(26)?,
            updated_at: r.get(27)?,
            notes: r.get(28)?,
            problem_suggested: r.get(29)?,
            conflict: r.get(30)?,
            closed_by: r.get(31)?,
        })
    }

    pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<CaseState>> {
        static SQL: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {COLUMNS} FROM cases WHERE id = ?1"));
        conn.prepare_cached(&SQL)?
            .query_row([id], CaseState::from_row)
            .optional()
            .map_err(|e| Error::Corrupt(format!("case {id}: {e}")))
    }

    /// Writes the row (insert or replace).
    pub(crate) fn save(&self, conn: &Connection) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| insert_sql("INSERT OR REPLACE"));
        self.write_row(conn, &SQL)
    }

    /// Writes the row of a case known to be new (cheaper than `save`: no
    /// statement journal for a possible replace).
    pub(crate) fn insert(&self, conn: &Connection) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| insert_sql("INSERT"));
        self.write_row(conn, &SQL)
    }

    fn write_row(&self, conn: &Connection, sql: &str) -> Result<()> {
        conn.prepare_cached(sql)?.execute(params![
            self.id,
            self.office,
            self.year,
            self.seq,
            self.status.code(),
            self.received_at,
            self.source.code(),
            self.source_ref,
            self.community,
            self.address,
            self.summary,
            self.details,
            self.complainant,
            self.phone,
            self.subject.map(|s| s.code()),
            self.problem,
            self.party,
            self.key_case,
            self.unit,
            self.assigned_at,
            self.due,
            self.plan,
            self.defer_until,
            self.closed_at,
            self.result.map(|r| r.code()),
            self.resolution,
            self.duplicate_of,
            self.updated_at,
            self.notes,
            self.problem_suggested,
            self.conflict,
            self.closed_by,
        ])?;
        Ok(())
    }

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

#[cfg(test)]
mod tests {
    use super::*;
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
}
