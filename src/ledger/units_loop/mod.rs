//! The responsible units' side of a case (issue 15): acknowledgement (签收),
//! returns (退回), extensions (延期), co-operating units (协办), supervision
//! (督办) and the call-back after a close (回访).
//!
//! Each step is one case event. `case::allowed` says from which status
//! each is valid and `case::apply` folds them, through [`apply`] here,
//! into the case's [`Work`]: the derived columns of `cases` this issue
//! adds (`schema::V3_UNITS`).

pub mod error;
pub mod figures;
mod ops;
pub(crate) mod rules;

pub use ops::Extension;

use rusqlite::{Row, ToSql};
use serde::{Deserialize, Serialize};

use super::case::CaseState;
use super::event::{Event, EventRecord};
use crate::domain::{Satisfaction, Status};

fn is_false(b: &bool) -> bool {
    !*b
}

/// `case.ack`: the unit acknowledged the case (签收).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseAck {
    /// Who at the unit signed for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// `case.return`: the unit sent a misrouted case back (退回).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseReturn {
    /// The unit that returned it (the lead unit when it was made).
    pub unit: String,
    pub reason: String,
}

/// `case.extend`: the unit asks for more time (延期申请).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseExtend {
    pub until: String,
    pub reason: String,
}

/// `case.extend.decision`: the asked extension approved or refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseExtendDecision {
    pub approved: bool,
    /// The date approved (the asked one: what moves the due date).
    pub until: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `case.supervise`: supervision (督办), usually by the district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSupervise {
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

/// `case.visit`: the call-back after a close (回访).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseVisit {
    pub satisfaction: Satisfaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Reopens the case (only when dissatisfied; the note is the reason).
    #[serde(default, skip_serializing_if = "is_false")]
    pub reopen: bool,
}

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

/// What the units' loop derived of a case: the columns of `cases` from
/// [`COLUMNS`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Co-operating units of the current assignment.
    pub co_units: Vec<String>,
    /// When the current assignment was acknowledged, and by whom.
    pub acked_at: Option<String>,
    pub acked_by: Option<String>,
    /// Every unit that returned the case, in order.
    pub returned_by: Vec<String>,
    /// The date an extension asks for, while undecided.
    pub extension_until: Option<String>,
    pub extensions_asked: i64,
    pub extensions_approved: i64,
    pub supervisions: i64,
    /// The latest supervision due date given.
    pub supervise_due: Option<String>,
    /// The call-back of the current close.
    pub visited_at: Option<String>,
    pub satisfaction: Option<Satisfaction>,
}

/// The columns, in `cases`, after `case::COLUMNS`' own (a test holds
/// the two lists together).
#[cfg(test)]
pub(crate) const COLUMNS: &str = "co_units, acked_at, acked_by, returned_by, extension_until, \
     extensions_asked, extensions_approved, supervisions, supervise_due, visited_at, satisfaction";

fn joined(v: &[String]) -> Option<String> {
    (!v.is_empty()).then(|| v.join(","))
}

fn split(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

impl Work {
    /// Reads the columns starting at `at`.
    pub(crate) fn from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Work> {
        let satisfaction: Option<String> = r.get(at + 10)?;
        Ok(Work {
            co_units: split(r.get(at)?),
            acked_at: r.get(at + 1)?,
            acked_by: r.get(at + 2)?,
            returned_by: split(r.get(at + 3)?),
            extension_until: r.get(at + 4)?,
            extensions_asked: r.get(at + 5)?,
            extensions_approved: r.get(at + 6)?,
            supervisions: r.get(at + 7)?,
            supervise_due: r.get(at + 8)?,
            visited_at: r.get(at + 9)?,
            satisfaction: match satisfaction {
                None => None,
                Some(s) => Some(s.parse().map_err(|_| {
                    rusqlite::Error::FromSqlConversionFailure(
                        at + 10,
                        rusqlite::types::Type::Text,
                        format!("unknown satisfaction '{s}'").into(),
                    )
                })?),
            },
        })
    }

    /// The values of [`COLUMNS`], in order.
    pub(crate) fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        vec![
            Box::new(joined(&self.co_units)),
            Box::new(&self.acked_at),
            Box::new(&self.acked_by),
            Box::new(joined(&self.returned_by)),
            Box::new(&self.extension_until),
            Box::new(self.extensions_asked),
            Box::new(self.extensions_approved),
            Box::new(self.supervisions),
            Box::new(&self.supervise_due),
            Box::new(&self.visited_at),
            Box::new(self.satisfaction.map(|s| s.code())),
        ]
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
                super::case::clear_closure(c);
            }
        }
        _ => {}
    }
}
