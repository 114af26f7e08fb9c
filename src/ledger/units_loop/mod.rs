//! The responsible units' side of a case (issue 15): acknowledgement (签收),
//! returns (退回), extensions (延期), co-operating units (协办), supervision
//! (督办) and the call-back after a close (回访).
//!
//! Each step is one case event. `case::allowed` says from which status
//! each is valid and `case::apply` folds them, through [`apply`] here,
//! into the case's [`Work`]: the derived columns of `cases` this issue
//! adds (`schema::V3_UNITS`). The payloads are `payload.rs` and `Work`
//! is `work.rs`, leaves that the event list and the case's state name
//! without importing this logic.

pub mod error;
pub mod figures;
mod ops;
pub mod payload;
pub(crate) mod rules;
pub mod work;

pub use ops::Extension;
pub use payload::{CaseAck, CaseExtend, CaseExtendDecision, CaseReturn, CaseSupervise, CaseVisit};
#[cfg(test)]
pub(crate) use work::COLUMNS;
pub use work::Work;

use super::case::state::{CaseState, clear_closure};
use super::event::{Event, EventRecord};
use crate::domain::Status;

/// The steps of the units' loop, as `case::Step::Loop` carries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopStep {
    Ack,
    Return,
    Extend,
    Decide,
    Supervise,
    Visit,
}

impl LoopStep {
    /// The step an event takes, if it is one of the loop's.
    pub fn of(ev: &Event) -> Option<LoopStep> {
        Some(match ev {
            Event::CaseAck(_) => LoopStep::Ack,
            Event::CaseReturn(_) => LoopStep::Return,
            Event::CaseExtend(_) => LoopStep::Extend,
            Event::CaseExtendDecision(_) => LoopStep::Decide,
            Event::CaseSupervise(_) => LoopStep::Supervise,
            Event::CaseVisit(_) => LoopStep::Visit,
            _ => return None,
        })
    }

    /// Whether only the case's own office makes this step: a unit's answer
    /// and the call-back go through the office that forwarded the case; a
    /// district may supervise an office's case (`merge::judge`, rule 5a).
    pub fn owners_only(self) -> bool {
        self != LoopStep::Supervise
    }
}

/// The loop's rows of the lifecycle table (`case::allowed`).
pub fn allowed(status: Status, step: LoopStep) -> bool {
    match step {
        LoopStep::Ack | LoopStep::Return | LoopStep::Extend | LoopStep::Decide => {
            status == Status::Assigned
        }
        LoopStep::Supervise => status != Status::Closed,
        LoopStep::Visit => status == Status::Closed,
    }
}

/// What an event does to the units' side of a case, after `case::apply`
/// has found it a valid step and applied its own part:
///
/// | event                | on the case |
/// |----------------------|-------------|
/// | case.assign          | co-units set; acknowledgement and an undecided extension cleared (a new assignment is acknowledged anew) |
/// | case.close           | call-back cleared (a new close is called back anew) |
/// | case.ack             | acknowledged at, by (the first acknowledgement stands) |
/// | case.return          | open; unit, due, co-units, acknowledgement, undecided extension cleared; the unit added to `returned_by` |
/// | case.extend          | extension asked: its date undecided; asked + 1 |
/// | case.extend.decision | of the date still asked (else nothing): approved moves the due date, approved + 1; either way no longer undecided |
/// | case.supervise       | supervisions + 1; its due date, if given, replaces the earlier one |
/// | case.visit           | visited at, satisfaction; with `reopen`: open, due, plan and closure cleared |
pub(crate) fn apply(c: &mut CaseState, rec: &EventRecord, ev: &Event) {
    let w = &mut c.work;
    match ev {
        Event::CaseAssign(a) => {
            w.co_units = a.co_units.clone();
            w.acked_at = None;
            w.acked_by = None;
            w.extension_until = None;
        }
        Event::CaseClose(_) => {
            w.visited_at = None;
            w.satisfaction = None;
        }
        // The first acknowledgement stands.
        Event::CaseAck(a) if w.acked_at.is_none() => {
            w.acked_at = Some(rec.at.clone());
            w.acked_by = a.by.clone();
        }
        Event::CaseReturn(r) => {
            w.returned_by.push(r.unit.clone());
            w.co_units.clear();
            w.acked_at = None;
            w.acked_by = None;
            w.extension_until = None;
            c.status = Status::Open;
            c.unit = None;
            c.due = None;
        }
        Event::CaseExtend(x) => {
            w.extension_until = Some(x.until.clone());
            w.extensions_asked += 1;
        }
        // A decision counts for the date still asked only.
        Event::CaseExtendDecision(d) if w.extension_until.as_ref() == Some(&d.until) => {
            w.extension_until = None;
            if d.approved {
                w.extensions_approved += 1;
                c.due = Some(d.until.clone());
            }
        }
        Event::CaseSupervise(s) => {
            w.supervisions += 1;
            if s.due.is_some() {
                w.supervise_due = s.due.clone();
            }
        }
        Event::CaseVisit(v) => {
            w.visited_at = Some(rec.at.clone());
            w.satisfaction = Some(v.satisfaction);
            if v.reopen {
                c.status = Status::Open;
                c.due = None;
                c.plan = None;
                c.defer_until = None;
                clear_closure(c);
            }
        }
        _ => {}
    }
}
