//! What the sweep's rules and commands refuse, as kinds: a leaf the core's
//! error types name without importing the sweep's logic.

/// A sweep rule an event breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SweepBreak {
    NothingEdited,
    ProblemRemoved,
    LinkToItself(String),
}

/// What the sweep's commands refuse; `msg/*/sweep.rs` says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    EditClosed(String),
    NothingToEdit(String),
    NoSuggestion(String),
    /// `assign` without `--problem` of a case whose type is a suggestion.
    AssignNeedsProblem {
        id: String,
        suggested: String,
    },
    LinkItself(String),
    AlreadyLinked {
        id: String,
        other: String,
    },
    SplitClosed(String),
    SplitAgain(String),
    SplitParts(usize),
    /// A split is registered by the case's own office (its parts are its cases).
    SplitOthers {
        id: String,
        office: String,
    },
}
