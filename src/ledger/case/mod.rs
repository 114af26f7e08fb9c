//! A case: how an event changes it ([`apply`]) and which step is valid
//! from which status ([`allowed`]). Its state is `state.rs` (a leaf the
//! features' replay functions change) and its row of `cases` is `row.rs`.

mod row;
pub mod state;

pub(crate) use row::COLUMNS;
pub use state::CaseState;
use state::clear_closure;

use super::event::{CaseAdd, Event, EventRecord};
use super::units_loop::{self, LoopStep, Work};
use crate::domain::Status;

/// A step in a case's lifecycle, as a command makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Assign,
    Defer,
    Close,
    Reopen,
    Note,
    Edit,
    Link,
    /// A step of the units' loop (`units_loop`).
    Loop(LoopStep),
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
            Event::CaseEdit(_) => Step::Edit,
            Event::CaseLink(_) => Step::Link,
            ev => Step::Loop(LoopStep::of(ev)?),
        })
    }
}

/// Whether `step` is valid from `status`: the one lifecycle rule, which the
/// commands enforce before appending (`ops.rs`, with their own messages)
/// and replay uses to spot concurrent work ([`apply`]).
///
/// | from \ step | assign | defer | close | reopen | note | edit | link |
/// |-------------|--------|-------|-------|--------|------|------|------|
/// | open        | yes    | yes   | yes   | no     | yes  | yes  | yes  |
/// | assigned    | yes    | yes   | yes   | no     | yes  | yes  | yes  |
/// | deferred    | yes    | yes   | yes   | yes    | yes  | yes  | yes  |
/// | closed      | no     | no    | no    | yes    | yes  | no   | yes  |
///
/// The units' loop (`units_loop::allowed`):
///
/// | from \ step | ack, return, extend, decide | supervise | visit |
/// |-------------|-----------------------------|-----------|-------|
/// | open        | no                          | yes       | no    |
/// | assigned    | yes                         | yes       | no    |
/// | deferred    | no                          | yes       | no    |
/// | closed      | no                          | no        | yes   |
pub fn allowed(status: Status, step: Step) -> bool {
    match step {
        Step::Assign | Step::Defer | Step::Close => status != Status::Closed,
        Step::Reopen => matches!(status, Status::Closed | Status::Deferred),
        Step::Note => true,
        Step::Edit => status != Status::Closed,
        Step::Link => true,
        Step::Loop(step) => units_loop::allowed(status, step),
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
/// | case.edit    | ignored         | the edited fields set (a problem type confirmed)    |
/// | case.link    | ignored         | the link added, once (`sweep`)                      |
/// | the loop's (case.ack, .return, .extend, .extend.decision, .supervise, .visit) | ignored | as `units_loop::apply` says |
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
        Event::CaseEdit(e) => super::sweep::apply_edit(&mut c, e),
        Event::CaseLink(l) => super::sweep::apply_link(&mut c, l),
        // Not about a case: nothing to do here.
        _ => {}
    }
    units_loop::apply(&mut c, rec, ev);
    Some(c)
}

/// `S03-2026-0042` → (`S03`, 2026, 42).
fn split_id(id: &str) -> Option<(String, i32, i64)> {
    let mut it = id.rsplitn(3, '-');
    let seq = it.next()?.parse().ok()?;
    let year = it.next()?.parse().ok()?;
    Some((it.next()?.to_string(), year, seq))
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
            links: String::new(),
            work: Work::default(),
        })
    }
}

#[cfg(test)]
mod tests;
