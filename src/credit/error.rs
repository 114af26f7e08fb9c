//! What can go wrong in the credit register, as kinds carrying the facts;
//! `msg::en::credit` says them as sentences.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::ListStatus;
use crate::domain::Outcome;

/// A credit operation's failure. The `#[error]` texts are for logs; the
/// user reads `msg::en::credit::say`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no registered company {typed:?}")]
    NoCompany { typed: String },
    #[error("{what:?} date {on} is after today ({today})")]
    Future {
        what: Dated,
        on: NaiveDate,
        today: NaiveDate,
    },
    #[error("empty company name")]
    EmptyName,
    #[error("credit code {uscc} already registered as {name}")]
    UsccTaken { uscc: String, name: String },
    #[error("company name {name} already registered with {uscc}")]
    NameTaken { name: String, uscc: String },
    #[error("item {item} not in standard {standard}")]
    UnknownItem {
        item: String,
        standard: String,
        /// The standard's item codes, in its order.
        codes: Vec<String>,
    },
    #[error("no case {case}")]
    NoSuchCase { case: String },
    #[error("empty manager")]
    EmptyManager,
    #[error("a manager given without a substantiated close")]
    ManagerWithoutSubstantiated,
    #[error("substantiated close with result {result:?}")]
    SubstantiatedNotResolved { result: Outcome },
    #[error("case {case} has no party")]
    NoParty { case: String },
    #[error("party {party} is not a registered company")]
    NotRegistered { party: String },
    #[error("case {case} has no problem type")]
    NoProblem { case: String },
    #[error("problem {problem} is not in the standard")]
    NotScored { problem: String },
    #[error("blacklist decision without a reason")]
    NoReason,
    #[error("{company} is {status:?}, not suspended")]
    NotSuspended { company: String, status: ListStatus },
    #[error("deposit {deposit:?} is not an amount")]
    BadDeposit { deposit: String },
    #[error("{company} is {status:?}, dismissal not required")]
    DismissalNotRequired { company: String, status: ListStatus },
    #[error("notice asked for JSON")]
    NoticeNotJson,
    #[error("cannot read {}", file.display())]
    CannotRead {
        file: PathBuf,
        source: std::io::Error,
    },
    /// A standard file that does not read as a standard; `line` is the
    /// file's line where the fault is in one row.
    #[error("{file}, line {line:?}: {fault:?}")]
    StandardFile {
        file: String,
        line: Option<u64>,
        fault: StandardFault,
    },
    /// A date stored in a credit event that is not a day: the content
    /// rules refuse such an event on entry, so the file is damaged.
    #[error("credit event {event} ({kind}) has date {value:?}")]
    DamagedDate {
        /// `ORIGIN/SEQ`.
        event: String,
        kind: String,
        /// The stored text, clipped.
        value: String,
    },
    #[error(transparent)]
    Ledger(#[from] crate::ledger::Error),
}

/// Queries the register makes fail as the core's do.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Ledger(e.into())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Which date of a credit decision or record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dated {
    Record,
    Blacklist,
    Guarantee,
    Dismissal,
}

/// Which number of a standard file's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    Base,
    Points,
    BandMin,
}

/// Why a standard file is refused.
#[derive(Debug)]
pub enum StandardFault {
    /// The CSV itself does not read.
    Csv(csv::Error),
    Header {
        expected: String,
        found: String,
    },
    EmptyCode,
    SecondStandard,
    NotWhole {
        number: Number,
        value: String,
    },
    PointsRange {
        points: i64,
    },
    Months {
        value: String,
    },
    Dishonesty {
        value: String,
    },
    ItemTwice {
        code: String,
    },
    BandOrder {
        code: String,
        min: i64,
        above: String,
        above_min: i64,
    },
    Type {
        value: String,
    },
    NoStandardRow,
    NoItems,
    Bands {
        count: usize,
    },
}
