//! English: the sweep's refusals, rules and phrases.

use crate::cmd::msg::text::SweepText;
use crate::ledger::sweep::Relation;
use crate::ledger::sweep::errors::Refused;
use crate::ledger::sweep::errors::SweepBreak;

pub fn refusal(r: &Refused) -> String {
    match r {
        Refused::EditClosed(id) => {
            format!(
                "{id} is closed: reopen it first (`ledger reopen {id} --reason …`) to correct it"
            )
        }
        Refused::NothingToEdit(id) => {
            format!("nothing to change on {id}: the values given are the ones it has")
        }
        Refused::NoSuggestion(id) => {
            format!("{id} has no suggested problem type to accept: give one with --problem")
        }
        Refused::AssignNeedsProblem { id, suggested } => format!(
            "{id}'s problem type {suggested} is only a suggestion: confirm it with --accept-suggested or give the type with --problem"
        ),
        Refused::LinkItself(id) => format!("{id} cannot be linked to itself"),
        Refused::AlreadyLinked { id, other } => format!("{id} and {other} are linked already"),
        Refused::SplitClosed(id) => format!("{id} is closed: reopen it first to split it"),
        Refused::SplitAgain(id) => {
            format!("{id} was split already (see `ledger show {id}`): split a part instead")
        }
        Refused::SplitOthers { id, office } => format!(
            "{id} is {office}'s case: its parts are registered by {office}, which splits it"
        ),
        Refused::SplitParts(n) => {
            format!(
                "a split needs two or more --part texts ({n} given): to reword one complaint, use `ledger edit --summary`"
            )
        }
    }
}

pub fn rule(b: &SweepBreak) -> String {
    match b {
        SweepBreak::NothingEdited => "an edit that changes nothing".into(),
        SweepBreak::ProblemRemoved => "an edit that removes the problem type".into(),
        SweepBreak::LinkToItself(id) => format!("a link of {id} to itself"),
    }
}

pub fn text(t: SweepText) -> &'static str {
    match t {
        SweepText::Edited => "edited",
        SweepText::Linked => "linked",
        SweepText::Links => "links",
        SweepText::Suggestion => "suggested",
        SweepText::Keys => {
            "[a] accept  [p] another code  [c] community  [x] close: not a property matter  [s] skip  [q] quit  (key, then Enter)"
        }
        SweepText::AskCode => "problem code: ",
        SweepText::AskCommunity => "community: ",
        SweepText::OutOfScopeResolution => "sweep: not a property-management matter",
        SweepText::UnknownKey => "type a, p, c, x, s or q, then Enter",
        SweepText::NothingToTriage => "no case to go through",
    }
}

pub fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Related => "related to",
        Relation::SplitInto => "split into",
        Relation::PartOf => "part of",
    }
}

pub fn accepted(n: usize, of: usize) -> String {
    format!("accepted the suggested problem type of {n} cases ({of} selected)")
}

pub fn triaged(decided: usize, skipped: usize, left: usize) -> String {
    format!("{decided} decided, {skipped} skipped, {left} left")
}
