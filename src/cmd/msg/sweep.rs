//! The sweep's phrases and sentences (edit, link, split, triage), by
//! meaning; `en/sweep.rs` and `zh/sweep.rs` say them.

use crate::domain::Lang;
use crate::ledger::sweep::Relation;

use super::{en, zh};

/// A phrase the sweep's commands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepText {
    /// The history's name of a `case.edit`, and `edit`'s success word.
    Edited,
    /// The history's name of a `case.link`.
    Linked,
    /// The label of a case's links (show, labelled CSV).
    Links,
    /// Triage: the suggestion line's label.
    Suggestion,
    /// Triage: what each key does.
    Keys,
    /// Triage: asking for a problem code.
    AskCode,
    /// Triage: asking for a community.
    AskCommunity,
    /// Triage: the resolution of a case closed as out of scope.
    OutOfScopeResolution,
    /// Triage: a key it does not know.
    UnknownKey,
    /// Triage: nothing to go through.
    NothingToTriage,
}

/// The phrase, in `lang`.
pub fn text(t: SweepText, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => zh::sweep::text(t),
        Lang::En => en::sweep::text(t),
    }
}

/// A relation's label, in `lang`.
pub fn relation(r: Relation, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => zh::sweep::relation(r),
        Lang::En => en::sweep::relation(r),
    }
}

/// `triage --accept`: how many suggestions were accepted, of how many cases.
pub fn accepted(n: usize, of: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh::sweep::accepted(n, of),
        Lang::En => en::sweep::accepted(n, of),
    }
}

/// The end of an interactive triage: decided, skipped, left.
pub fn triaged(decided: usize, skipped: usize, left: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh::sweep::triaged(decided, skipped, left),
        Lang::En => en::sweep::triaged(decided, skipped, left),
    }
}
