//! The units' loop's refusals and content-rule breaks, as kinds (`msg/`
//! says them: `msg/en/units_loop.rs`, `msg/zh/units_loop.rs`).

use crate::domain::Status;

/// A step of the loop that the ledger refuses (`Refusal::Loop`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoopRefusal {
    /// Acknowledge, return or extend a case that is not assigned.
    NotAssigned {
        id: String,
        status: Status,
    },
    AlreadyAcknowledged {
        id: String,
        at: String,
    },
    /// An extension is asked already and not decided.
    ExtensionPending {
        id: String,
        until: String,
    },
    /// The asked date is not after the due date as it stands.
    ExtensionNotLater {
        id: String,
        until: String,
        due: String,
    },
    NoExtensionAsked(String),
    /// `--refuse` needs a reason.
    RefusalNeedsReason,
    /// Returning or asking for time needs `--reason`.
    NeedsReason,
    SuperviseClosed(String),
    /// A supervision due date before today.
    DueInPast(String),
    NotClosedForVisit {
        id: String,
        status: Status,
    },
    /// `--reopen` goes with `--satisfaction dissatisfied` and a note.
    ReopenNeedsDissatisfied,
    ReopenNeedsNote,
    /// A co-unit that is the lead unit, or named twice.
    CoUnitIsLead(String),
    CoUnitTwice(String),
    /// A unit's answer on another office's case: that office records it.
    OthersCase {
        id: String,
        office: String,
    },
    /// An incoming event of that kind, on another office's case.
    OthersCaseInFile {
        origin: String,
        seq: i64,
        kind: String,
        case_id: String,
    },
}

/// A content rule a loop event breaks (`Break::Loop`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoopBreak {
    CoUnitIsLead(String),
    CoUnitTwice(String),
    TooManyCoUnits(usize),
    /// A visit reopens only when dissatisfied, with a note.
    ReopenNotDissatisfied,
    ReopenWithoutNote,
    /// A refused extension says why.
    RefusedWithoutReason,
}
