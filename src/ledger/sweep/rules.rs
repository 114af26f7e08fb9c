//! The content rules of the sweep's events, part of `ledger/rules/mod.rs`'s
//! table (incoming files are adversarial: every field is bounded):
//!
//! | event      | rule |
//! |------------|------|
//! | case.edit  | changes at least one field; community and summary not empty; a problem type in the catalogue (and of the new subject, when both change), never removed; its texts bounded by the rule every event obeys (`rules::basic::texts_bounded`) |
//! | case.link  | `other` a canonical case id, not the case itself |

pub use super::errors::SweepBreak;
use super::{CaseEdit, CaseLink};
use crate::domain::{CaseId, Subject};
use crate::ledger::error::{Break, What};
use crate::ledger::rules::basic::case_id;

/// The rules of a `case.edit`; `problem` checks a code (and its subject)
/// against the catalogue.
pub fn edit(
    e: &CaseEdit,
    problem: impl Fn(&str, Option<Subject>) -> Result<(), Break>,
) -> Result<(), Break> {
    if e.is_empty() {
        return Err(Break::Sweep(SweepBreak::NothingEdited));
    }
    for (what, c) in [(What::Community, &e.community), (What::Summary, &e.summary)] {
        if c.as_ref().is_some_and(|c| c.new.trim().is_empty()) {
            return Err(Break::Empty(what));
        }
    }
    if let Some(p) = &e.problem {
        let Some(new) = &p.new else {
            return Err(Break::Sweep(SweepBreak::ProblemRemoved));
        };
        problem(new, e.subject.as_ref().and_then(|s| s.new))?;
    }
    Ok(())
}

/// The rules of a `case.link` on case `id`.
pub fn link(l: &CaseLink, id: Option<&CaseId>) -> Result<(), Break> {
    let other = case_id(What::CaseId, &l.other)?;
    if Some(&other) == id {
        return Err(Break::Sweep(SweepBreak::LinkToItself(other.to_string())));
    }
    Ok(())
}
