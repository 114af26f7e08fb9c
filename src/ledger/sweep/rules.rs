//! The content rules of the sweep's events, part of `ledger/rules/mod.rs`'s
//! table (incoming files are adversarial: every field is bounded):
//!
//! | event      | rule |
//! |------------|------|
//! | case.edit  | changes at least one field; community and summary not empty; a problem type in the catalogue (and of the new subject, when both change), never removed; every text at most [`MAX_TEXT`] characters, old and new |
//! | case.link  | `other` a canonical case id, not the case itself |

pub use super::errors::{Field, SweepBreak};
use super::{CaseEdit, CaseLink};
use crate::domain::{CaseId, Subject};
use crate::ledger::error::{Break, What};
use crate::ledger::rules::basic::case_id;

/// The longest text an edit may carry, in characters.
pub const MAX_TEXT: usize = 20_000;

fn bounded(field: Field, s: Option<&str>) -> Result<(), Break> {
    match s {
        Some(s) if s.chars().count() > MAX_TEXT => Err(Break::Sweep(SweepBreak::TooLong {
            field,
            max: MAX_TEXT,
        })),
        _ => Ok(()),
    }
}

/// The rules of a `case.edit`; `problem` checks a code (and its subject)
/// against the catalogue.
pub fn edit(
    e: &CaseEdit,
    problem: impl Fn(&str, Option<Subject>) -> Result<(), Break>,
) -> Result<(), Break> {
    if e.is_empty() {
        return Err(Break::Sweep(SweepBreak::NothingEdited));
    }
    for (field, what, c) in [
        (Field::Community, What::Community, &e.community),
        (Field::Summary, What::Summary, &e.summary),
    ] {
        if let Some(c) = c {
            if c.new.trim().is_empty() {
                return Err(Break::Empty(what));
            }
            bounded(field, Some(&c.old))?;
            bounded(field, Some(&c.new))?;
        }
    }
    for (field, c) in [(Field::Address, &e.address), (Field::Party, &e.party)] {
        if let Some(c) = c {
            bounded(field, c.old.as_deref())?;
            bounded(field, c.new.as_deref())?;
        }
    }
    if let Some(p) = &e.problem {
        bounded(Field::Problem, p.old.as_deref())?;
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
