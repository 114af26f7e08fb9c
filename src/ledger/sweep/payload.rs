//! The payloads of the sweep's events (`case.edit`, `case.link`): plain
//! data, a leaf that `event.rs` names without importing the sweep's logic.

use serde::{Deserialize, Serialize};

use crate::domain::Subject;

/// One field's value before and after an edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change<T> {
    pub old: T,
    pub new: T,
}

/// `case.edit`: corrections of a registered case, each with the value it
/// replaces (for the history and for a reader checking a file). A
/// `problem` whose old and new codes are equal confirms a suggestion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseEdit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<Change<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Change<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Change<Option<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<Change<Option<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Change<Option<Subject>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Change<Option<String>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Change<bool>>,
}

impl CaseEdit {
    /// Whether it changes nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == CaseEdit::default()
    }
}

/// How a link relates its case to the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Related,
    SplitInto,
    PartOf,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Related, Relation::SplitInto, Relation::PartOf];

    /// The stable code (in the exchange, JSON and the `links` column).
    pub fn code(self) -> &'static str {
        match self {
            Relation::Related => "related",
            Relation::SplitInto => "split_into",
            Relation::PartOf => "part_of",
        }
    }
}

/// `case.link`: this case is related to `other`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseLink {
    pub other: String,
    pub relation: Relation,
}
