//! The sweep's phrases and sentences (edit, link, split, triage), by
//! meaning; `en/sweep.rs` and `zh/sweep.rs` say them.

use crate::domain::Lang;
use crate::ledger::sweep::Relation;

use super::{en, zh};

pub use super::text::SweepText;

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
