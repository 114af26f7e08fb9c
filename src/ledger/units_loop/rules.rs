//! The content rules of the loop's events (see the table in
//! `ledger/rules/mod.rs`): what every ledger checks of them, whoever made
//! them.

use super::error::LoopBreak;
use crate::ledger::error::{Break, What};
use crate::ledger::event::Event;
use crate::ledger::rules::basic::{date, not_empty};

/// The most co-operating units an assignment names: more is no one's
/// job, and a file's list is bounded.
pub const MAX_CO_UNITS: usize = 12;

/// Co-units: known units, not the lead, each once, at most [`MAX_CO_UNITS`].
pub(crate) fn co_units(
    lead: &str,
    co: &[String],
    known: impl Fn(&str) -> bool,
) -> Result<(), Break> {
    if co.len() > MAX_CO_UNITS {
        return Err(Break::Loop(LoopBreak::TooManyCoUnits(co.len())));
    }
    for (i, u) in co.iter().enumerate() {
        if !known(u) {
            return Err(Break::UnknownUnit(u.clone()));
        }
        if u == lead {
            return Err(Break::Loop(LoopBreak::CoUnitIsLead(u.clone())));
        }
        if co[..i].contains(u) {
            return Err(Break::Loop(LoopBreak::CoUnitTwice(u.clone())));
        }
    }
    Ok(())
}

/// The rules of one loop event (others pass).
pub(crate) fn check(ev: &Event, known: impl Fn(&str) -> bool) -> Result<(), Break> {
    match ev {
        Event::CaseAck(a) => {
            if let Some(by) = &a.by {
                not_empty(What::AckBy, by)?;
            }
        }
        Event::CaseReturn(r) => {
            if !known(&r.unit) {
                return Err(Break::UnknownUnit(r.unit.clone()));
            }
            not_empty(What::Reason, &r.reason)?;
        }
        Event::CaseExtend(x) => {
            date(What::ExtendUntil, &x.until)?;
            not_empty(What::Reason, &x.reason)?;
        }
        Event::CaseExtendDecision(d) => {
            date(What::ExtendUntil, &d.until)?;
            match &d.reason {
                Some(r) => not_empty(What::Reason, r)?,
                None if !d.approved => {
                    return Err(Break::Loop(LoopBreak::RefusedWithoutReason));
                }
                None => {}
            }
        }
        Event::CaseSupervise(s) => {
            not_empty(What::Note, &s.note)?;
            if let Some(d) = &s.due {
                date(What::SuperviseDue, d)?;
            }
        }
        Event::CaseVisit(v) => {
            if let Some(n) = &v.note {
                not_empty(What::VisitNote, n)?;
            }
            if v.reopen && v.satisfaction != crate::domain::Satisfaction::Dissatisfied {
                return Err(Break::Loop(LoopBreak::ReopenNotDissatisfied));
            }
            if v.reopen && v.note.is_none() {
                return Err(Break::Loop(LoopBreak::ReopenWithoutNote));
            }
        }
        _ => {}
    }
    Ok(())
}
