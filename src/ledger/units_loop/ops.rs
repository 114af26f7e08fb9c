//! The loop's operations: each checks the case and its input with its own
//! refusal, then appends its event (the lifecycle rows are
//! `units_loop::allowed`, through `case::allowed`).

use chrono::NaiveDate;

use super::error::LoopRefusal;
use super::{CaseAck, CaseExtend, CaseExtendDecision, CaseReturn, CaseSupervise, CaseVisit};
use crate::domain::{CaseId, Satisfaction, Status};
use crate::ledger::Writer;
use crate::ledger::case::{CaseState, Step, allowed};
use crate::ledger::error::{Refusal, Result, What, refuse};
use crate::ledger::event::Event;
use crate::ledger::query;
use crate::ledger::units_loop::LoopStep;

/// What `extend` does: ask for more time, or decide the asked extension.
#[derive(Clone, Debug)]
pub enum Extension {
    Ask { until: NaiveDate, reason: String },
    Approve { reason: Option<String> },
    Refuse { reason: String },
}

fn trimmed(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

fn refuse_loop<T>(r: LoopRefusal) -> Result<T> {
    refuse!(Refusal::Loop(r))
}

impl Writer<'_> {
    /// The case, if `step` is valid on it here: it exists, its status
    /// allows the step, and a unit's answer is on this office's own case.
    fn loop_case(&self, id: &CaseId, step: LoopStep) -> Result<CaseState> {
        let Some(c) = CaseState::get(self.conn(), &id.to_string())? else {
            refuse!(Refusal::NoSuchCase(id.to_string()));
        };
        if step.owners_only() && c.office != self.office().code {
            return refuse_loop(LoopRefusal::OthersCase {
                id: c.id,
                office: c.office,
            });
        }
        if !allowed(c.status, Step::Loop(step)) {
            let (id, status) = (c.id, c.status);
            return refuse_loop(match step {
                LoopStep::Supervise => LoopRefusal::SuperviseClosed(id),
                LoopStep::Visit => LoopRefusal::NotClosedForVisit { id, status },
                _ => LoopRefusal::NotAssigned { id, status },
            });
        }
        Ok(c)
    }

    /// The co-operating units typed beside lead unit `lead`, as codes.
    pub(crate) fn co_units(&self, lead: &str, typed: &[String]) -> Result<Vec<String>> {
        let mut codes: Vec<String> = Vec::new();
        for t in typed {
            let Some(u) = query::find_unit(self.conn(), t)? else {
                refuse!(Refusal::UnknownUnit(t.clone()));
            };
            if u.code == lead {
                return refuse_loop(LoopRefusal::CoUnitIsLead(u.code));
            }
            if codes.contains(&u.code) {
                return refuse_loop(LoopRefusal::CoUnitTwice(u.code));
            }
            codes.push(u.code);
        }
        Ok(codes)
    }

    /// The unit acknowledges the case (签收).
    pub fn ack(&mut self, id: &CaseId, by: Option<&str>) -> Result<CaseState> {
        let c = self.loop_case(id, LoopStep::Ack)?;
        if let Some(at) = c.work.acked_at {
            return refuse_loop(LoopRefusal::AlreadyAcknowledged { id: c.id, at });
        }
        let by = by.and_then(trimmed);
        self.append_case(&c.id, Event::CaseAck(CaseAck { by }))
    }

    /// The unit sends a misrouted case back (退回): open again, no unit.
    pub fn return_case(&mut self, id: &CaseId, reason: &str) -> Result<CaseState> {
        let c = self.loop_case(id, LoopStep::Return)?;
        let Some(reason) = trimmed(reason) else {
            return refuse_loop(LoopRefusal::NeedsReason);
        };
        let unit = c.unit.clone().unwrap_or_default();
        self.append_case(&c.id, Event::CaseReturn(CaseReturn { unit, reason }))
    }

    /// Asks for more time, or decides the extension asked.
    pub fn extend(&mut self, id: &CaseId, x: Extension) -> Result<CaseState> {
        let step = match x {
            Extension::Ask { .. } => LoopStep::Extend,
            _ => LoopStep::Decide,
        };
        let c = self.loop_case(id, step)?;
        let pending = c.work.extension_until.clone();
        let ev = match (x, pending) {
            (Extension::Ask { .. }, Some(until)) => {
                return refuse_loop(LoopRefusal::ExtensionPending { id: c.id, until });
            }
            (Extension::Ask { until, reason }, None) => {
                let due = c.due.clone().unwrap_or_default();
                if until.to_string() <= due || until < self.stamp().now.date_naive() {
                    return refuse_loop(LoopRefusal::ExtensionNotLater {
                        id: c.id,
                        until: until.to_string(),
                        due,
                    });
                }
                let Some(reason) = trimmed(&reason) else {
                    return refuse_loop(LoopRefusal::NeedsReason);
                };
                Event::CaseExtend(CaseExtend {
                    until: until.to_string(),
                    reason,
                })
            }
            (_, None) => return refuse_loop(LoopRefusal::NoExtensionAsked(c.id)),
            (Extension::Approve { reason }, Some(until)) => {
                Event::CaseExtendDecision(CaseExtendDecision {
                    approved: true,
                    until,
                    reason: reason.as_deref().and_then(trimmed),
                })
            }
            (Extension::Refuse { reason }, Some(until)) => {
                let Some(reason) = trimmed(&reason) else {
                    return refuse_loop(LoopRefusal::RefusalNeedsReason);
                };
                Event::CaseExtendDecision(CaseExtendDecision {
                    approved: false,
                    until,
                    reason: Some(reason),
                })
            }
        };
        self.append_case(&c.id, ev)
    }

    /// Supervision (督办), with an optional due date.
    pub fn supervise(
        &mut self,
        id: &CaseId,
        note: &str,
        due: Option<NaiveDate>,
    ) -> Result<CaseState> {
        let c = self.loop_case(id, LoopStep::Supervise)?;
        let Some(note) = trimmed(note) else {
            refuse!(Refusal::Empty(What::Note));
        };
        if let Some(d) = due
            && d < self.stamp().now.date_naive()
        {
            return refuse_loop(LoopRefusal::DueInPast(d.to_string()));
        }
        let due = due.map(|d| d.to_string());
        self.append_case(&c.id, Event::CaseSupervise(CaseSupervise { note, due }))
    }

    /// The call-back after a close (回访); `reopen` reopens a case whose
    /// complainant is dissatisfied, with the note as the reason.
    pub fn visit(
        &mut self,
        id: &CaseId,
        satisfaction: Satisfaction,
        note: Option<&str>,
        reopen: bool,
    ) -> Result<CaseState> {
        let c = self.loop_case(id, LoopStep::Visit)?;
        let note = note.and_then(trimmed);
        if reopen && satisfaction != Satisfaction::Dissatisfied {
            return refuse_loop(LoopRefusal::ReopenNeedsDissatisfied);
        }
        if reopen && note.is_none() {
            return refuse_loop(LoopRefusal::ReopenNeedsNote);
        }
        debug_assert_eq!(c.status, Status::Closed);
        let ev = Event::CaseVisit(CaseVisit {
            satisfaction,
            note,
            reopen,
        });
        self.append_case(&c.id, ev)
    }
}
