//! The demo's units' loop (issue 15): acknowledgements, extensions asked
//! and approved, supervision and call-backs, scheduled beside each case's
//! lifecycle and written as the events the commands would make.

use chrono::{Days, Duration};

use super::{Rng, Step, Steps};
use crate::domain::{Outcome, Satisfaction};
use crate::ledger::case::{self, CaseState, allowed};
use crate::ledger::event::{
    CaseAck, CaseExtend, CaseExtendDecision, CaseSupervise, CaseVisit, Event,
};
use crate::ledger::units_loop::LoopStep;

/// A step of the units' loop; a call-back's roll picks its satisfaction.
#[derive(Clone, Copy)]
pub(super) enum Unit {
    Ack,
    Ask,
    Approve,
    Supervise,
    Visit(u64),
}

/// Schedules the units' side of the case whose lifecycle steps are
/// `steps[first..]`: after its assignment most units acknowledge within
/// days, a few ask for more time (approved), some cases are supervised;
/// after a resolved close most are called back. Steps the lifecycle
/// overtakes are left out when written ([`applies`]).
pub(super) fn schedule(rng: &mut Rng, first: usize, steps: &mut Steps) {
    let mut more = Vec::new();
    for (t, _, step) in &steps[first..] {
        match *step {
            Step::Assign(i) => {
                let t = *t + Duration::hours(1 + rng.below(60) as i64);
                for (pct, u) in [(85, Unit::Ack), (8, Unit::Ask), (10, Unit::Supervise)] {
                    if rng.chance(pct) {
                        more.push((t, 2, Step::Loop(i, u)));
                        if let Unit::Ask = u {
                            more.push((t, 2, Step::Loop(i, Unit::Approve)));
                        }
                    }
                }
            }
            Step::Close(i, Outcome::Resolved) if rng.chance(60) => {
                let call = *t + Duration::hours(1 + rng.below(72) as i64);
                more.push((call, 4, Step::Loop(i, Unit::Visit(rng.below(10)))));
            }
            _ => {}
        }
    }
    steps.extend(more);
}

/// Whether the step is still one the case takes as it stands.
pub(super) fn applies(state: Option<&CaseState>, u: Unit) -> bool {
    let Some(c) = state else {
        return false;
    };
    let step = match u {
        Unit::Ack => LoopStep::Ack,
        Unit::Ask => LoopStep::Extend,
        Unit::Approve => LoopStep::Decide,
        Unit::Supervise => LoopStep::Supervise,
        Unit::Visit(_) => LoopStep::Visit,
    };
    let pending = c.work.extension_until.is_some();
    allowed(c.status, case::Step::Loop(step))
        && match u {
            Unit::Ack => c.work.acked_at.is_none(),
            Unit::Ask => !pending,
            Unit::Approve => pending,
            _ => true,
        }
}

/// The event of a loop step on a case as it stands (an asked extension
/// is ten days past the due date).
pub(super) fn event(state: Option<&CaseState>, u: Unit) -> Event {
    let due = state.and_then(|s| s.due.as_deref()).unwrap_or("2026-01-01");
    let later = due.parse::<chrono::NaiveDate>().map(|d| d + Days::new(10));
    match u {
        Unit::Ack => Event::CaseAck(CaseAck { by: None }),
        Unit::Ask => Event::CaseExtend(CaseExtend {
            until: later.map_or_else(|_| due.to_string(), |d| d.to_string()),
            reason: "需协调相关部门共同处理".into(),
        }),
        Unit::Approve => Event::CaseExtendDecision(CaseExtendDecision {
            approved: true,
            until: state
                .and_then(|s| s.work.extension_until.clone())
                .unwrap_or_else(|| due.to_string()),
            reason: None,
        }),
        Unit::Supervise => Event::CaseSupervise(CaseSupervise {
            note: "区物业办督办：请加快办理".into(),
            due: None,
        }),
        Unit::Visit(roll) => Event::CaseVisit(CaseVisit {
            satisfaction: match roll {
                0..7 => Satisfaction::Satisfied,
                7..9 => Satisfaction::Basic,
                _ => Satisfaction::Dissatisfied,
            },
            note: None,
            reopen: false,
        }),
    }
}
