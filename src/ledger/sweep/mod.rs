//! The sweep (issue 14): correcting what registration recorded
//! (`case.edit`) and tying related cases together (`case.link`, which
//! `split` also writes). How replay applies them, and the links as the
//! `cases.links` column holds them; the payloads are `payload.rs`, a leaf
//! that `event.rs` names without importing the sweep's logic.
//!
//! A link is written on both cases (one event each), so each case's own
//! events say everything about it and replay still folds one case at a
//! time. The relations:
//!
//! | relation     | on        | means |
//! |--------------|-----------|-------|
//! | `related`    | both      | `link A B`: the two complaints are about one matter |
//! | `split_into` | original  | `split`: this complaint was divided; the part is `other` |
//! | `part_of`    | each part | `split`: this case is a part of `other` |
//!
//! A split original is counted by `report` through its parts only, and is
//! nobody's repeat complaint ([`NOT_SPLIT_SQL`]).

pub mod errors;
pub mod ops;
pub mod payload;
pub mod rules;

pub use payload::{CaseEdit, CaseLink, Change, Relation};

use super::case::state::CaseState;

/// The community bulk intake records when a row names none: a
/// placeholder, not a place (`list --no-community` finds such cases; the
/// repeat rule never pairs them).
pub const NO_COMMUNITY: &str = "(未注明)";

/// The SQL condition of a case that was not split (a split original's
/// `links` names a `split_into`).
pub const NOT_SPLIT_SQL: &str = "instr(links, 'split_into:') = 0";

/// Replay of a `case.edit` (a valid step: the case is not closed).
pub(crate) fn apply_edit(c: &mut CaseState, e: &CaseEdit) {
    if let Some(x) = &e.community {
        c.community = x.new.clone();
    }
    if let Some(x) = &e.summary {
        c.summary = x.new.clone();
    }
    if let Some(x) = &e.address {
        c.address = x.new.clone();
    }
    if let Some(x) = &e.party {
        c.party = x.new.clone();
    }
    if let Some(x) = &e.subject {
        c.subject = x.new;
    }
    if let Some(x) = &e.problem {
        c.problem = x.new.clone();
        c.problem_suggested = false;
    }
    if let Some(x) = &e.key {
        c.key_case = x.new;
    }
}

/// Replay of a `case.link`: the link is added once, in replay order.
pub(crate) fn apply_link(c: &mut CaseState, l: &CaseLink) {
    let item = format!("{}:{}", l.relation.code(), l.other);
    if !c.links.split(' ').any(|x| x == item) {
        if !c.links.is_empty() {
            c.links.push(' ');
        }
        c.links.push_str(&item);
    }
}

/// A case's links as `(relation, other case)`, in the order made.
pub fn links(c: &CaseState) -> Vec<(Relation, &str)> {
    c.links
        .split(' ')
        .filter_map(|item| {
            let (rel, other) = item.split_once(':')?;
            let rel = Relation::ALL.into_iter().find(|r| r.code() == rel)?;
            Some((rel, other))
        })
        .collect()
}

/// Whether the case was split into parts.
pub fn is_split(c: &CaseState) -> bool {
    links(c).iter().any(|(r, _)| *r == Relation::SplitInto)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Subject;
    use crate::ledger::flags::repeat::REPEAT_CANDIDATE_SQL;

    #[test]
    fn the_repeat_rule_leaves_out_the_placeholder_and_split_originals() {
        assert!(REPEAT_CANDIDATE_SQL.contains(&format!("'{NO_COMMUNITY}'")));
        assert!(REPEAT_CANDIDATE_SQL.contains(NOT_SPLIT_SQL));
        assert!(REPEAT_CANDIDATE_SQL.contains("problem_suggested = 0"));
    }

    #[test]
    fn edit_rules_bound_every_text_and_need_a_change() {
        let known = |_: &str, _: Option<Subject>| Ok(());
        assert!(rules::edit(&CaseEdit::default(), known).is_err());
        let long = "长".repeat(crate::ledger::rules::MAX_TEXT + 1);
        let e = CaseEdit {
            party: Some(Change {
                old: Some(long),
                new: None,
            }),
            ..CaseEdit::default()
        };
        // Bounded by the rule every event's texts obey.
        let payload = serde_json::to_string(&e).unwrap();
        assert!(crate::ledger::rules::basic::texts_bounded("", &payload).is_err());
        let e = CaseEdit {
            problem: Some(Change {
                old: Some("WY-06".into()),
                new: None,
            }),
            ..CaseEdit::default()
        };
        assert!(
            rules::edit(&e, known).is_err(),
            "a problem type is never removed"
        );
        let l = CaseLink {
            other: "S07-2026-0001".into(),
            relation: Relation::Related,
        };
        let me: crate::domain::CaseId = "S07-2026-0001".parse().unwrap();
        assert!(rules::link(&l, Some(&me)).is_err());
        let l = CaseLink {
            other: "s07-2026-1".into(),
            ..l
        };
        assert!(rules::link(&l, None).is_err(), "not canonical");
    }
}
