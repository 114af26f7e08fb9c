//! The core's errors as kinds: each carries the facts (which case, which
//! line, which value); the sentence a person reads is made from them in
//! `msg/`, in the user's language. The `Display` forms here are terse, for
//! logs and tests.

use std::path::PathBuf;

use crate::domain::{Outcome, Source, Status, Subject};
use crate::invalid::Invalid;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// What was asked makes no sense for the ledger as it is. Nothing was
    /// written.
    #[error("refused: {0:?}")]
    Refusal(Box<Refusal>),
    /// A file's line: the problem below was found there.
    #[error("line {line}: {why}")]
    AtLine { line: u64, why: Box<Error> },
    /// A file: the problem below was found in it.
    #[error("{file}: {why}")]
    InFile { file: String, why: Box<Error> },
    /// No ledger at the path.
    #[error("no ledger at {0}")]
    NoLedger(PathBuf),
    /// The file exists but is not a ledger (another SQLite file, or not SQLite).
    #[error("{path} is not a ledger file: {why:?}")]
    NotALedger { path: PathBuf, why: NotLedger },
    /// The file was written by a newer `ledger`.
    #[error("{path} has schema version {found}, newer than {supported}")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A stored row that cannot be read back: the file is damaged.
    #[error("the ledger file is damaged: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Error {
        Error::Refusal(Box::new(r))
    }
}

impl Refusal {
    /// This refusal, found at `line` of a file.
    pub fn at(self, line: u64) -> Error {
        Error::from(self).at_line(line)
    }
}

impl Error {
    /// This error, found at `line` of a file.
    pub fn at_line(self, line: u64) -> Error {
        Error::AtLine {
            line,
            why: Box::new(self),
        }
    }

    /// Whether this is a refusal (of a command, or of a file's content),
    /// as opposed to a failure of the disk or the database.
    pub fn is_refusal(&self) -> bool {
        match self {
            Error::Refusal(_) => true,
            Error::AtLine { why, .. } | Error::InFile { why, .. } => why.is_refusal(),
            _ => false,
        }
    }

    /// This error, found in the file `file` (unless it already names one).
    pub fn in_file(self, file: &str) -> Error {
        match self {
            e @ Error::InFile { .. } => e,
            e => Error::InFile {
                file: file.to_string(),
                why: Box::new(e),
            },
        }
    }
}

/// Returns early with a refusal: `refuse!(Refusal::…)`.
macro_rules! refuse {
    ($r:expr) => {
        return Err($crate::ledger::error::Error::from($r).into())
    };
}
pub(crate) use refuse;

/// An event as messages name it: `S01/12 (case.close on S01-2026-0003)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRef {
    pub origin: String,
    pub seq: i64,
    pub kind: String,
    pub case_id: Option<String>,
}

impl EventRef {
    pub fn of(rec: &super::EventRecord) -> EventRef {
        EventRef {
            origin: rec.origin.clone(),
            seq: rec.seq,
            kind: rec.kind.clone(),
            case_id: rec.case_id.clone(),
        }
    }
}

/// Which value of an event or a command a rule speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Origin,
    Time,
    CaseId,
    OfficeName,
    UnitName,
    ReceivedTime,
    Community,
    Summary,
    DueDate,
    WorkPlan,
    PlanDate,
    Resolution,
    DuplicateOf,
    Reason,
    Note,
    TrustedOffice,
    CompanyName,
    Item,
    RecordDate,
    RecordCase,
    Deposit,
    DismissedBy,
    DecisionDate,
    GuaranteeDate,
    DismissalDate,
    // The units' loop (issue 15).
    AckBy,
    ExtendUntil,
    SuperviseDue,
    VisitNote,
}

/// Why a path is not a ledger file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotLedger {
    Folder,
    /// A pipe, a socket or a device.
    NotRegular,
    NotSqlite,
    NoSchema,
    /// Its identity (`meta` key) is missing.
    NoIdentity(String),
}

/// A content rule an event breaks (`rules/mod.rs` has the table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    Empty(What),
    /// A received year outside 2000..now (`two_digit`: it looks like `26`).
    ReceivedYear {
        year: i32,
        now_year: i32,
    },
    NotATime {
        what: What,
        value: String,
    },
    TimeYears {
        what: What,
        value: String,
    },
    NotADate {
        what: What,
        value: String,
    },
    DateYears {
        what: What,
        value: String,
    },
    CaseIdForm {
        what: What,
        value: String,
        canonical: String,
    },
    CaseIdYear {
        what: What,
        value: String,
        year: i32,
    },
    OfficeForm {
        what: What,
        value: String,
    },
    /// A value the domain type refuses.
    Malformed(Invalid),
    /// A scoring standard that does not hold together (its own words).
    Standard(String),
    SeqRange(i64),
    ClockRange(i64),
    CaseIdPresence {
        kind: String,
        has: bool,
    },
    NumberedYear {
        id: String,
        numbered: i32,
        received: i32,
    },
    UnitCodeForm(String),
    BuiltinUnit(String),
    UnknownProblem(String),
    ProblemSubject {
        code: String,
        of: Subject,
        given: Subject,
    },
    UnknownUnit(String),
    DuplicateOfItself(String),
    DuplicateNamesNone,
    DuplicateOfNotDuplicate,
    /// The payload does not read as its kind (serde's words).
    Payload(String),
    /// A text longer than any a person types (`field`: the payload's key,
    /// or `actor`).
    TooLong {
        field: String,
        chars: usize,
        max: usize,
    },
    /// A rule of the sweep's events (`sweep::rules`).
    Sweep(super::sweep::errors::SweepBreak),
    /// The units' loop's rules (issue 15).
    Loop(super::units_loop::error::LoopBreak),
    /// A rule of the campaign's events (issue 16).
    Campaign(super::campaign::error::Fault),
}

/// What a command or a file asked that the ledger refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    // --- commands on cases
    NoSuchCase(String),
    UnknownProblem(String),
    AlreadyRegistered {
        source: Source,
        reference: String,
        id: String,
    },
    ReceivedInFuture {
        received: String,
        now: String,
    },
    ReceivedBad {
        received: String,
        why: Break,
    },
    Empty(What),
    ClosedCannotAssign(String),
    UnknownUnit(String),
    DefaultUnitMissing(String),
    NoDefaultUnit {
        problem: Option<String>,
    },
    DueBeforeReceived {
        id: String,
        due: String,
        received: String,
    },
    ClosedCannotDefer(String),
    UntilInPast(String),
    AlreadyClosed {
        id: String,
        result: Option<Outcome>,
    },
    DuplicateNeedsCase,
    DuplicateOfItself(String),
    DuplicateOfUnknown(String),
    DuplicateOfWithoutResult(Outcome),
    NotReopenable {
        id: String,
        status: Status,
    },
    UnitCodeTaken {
        code: String,
        name: String,
    },
    UnitNameTaken {
        name: String,
        code: String,
    },
    ProblemSubject {
        problem: String,
        of: Subject,
        given: Subject,
    },
    CaseProblemSubject {
        id: String,
        problem: String,
        of: Subject,
        given: Subject,
    },
    /// A local event that the exchange's rules would refuse.
    LocalBreak {
        kind: String,
        why: Break,
    },
    // --- files and keys
    NoFolder {
        path: PathBuf,
        dir: PathBuf,
    },
    FileExists(PathBuf),
    CannotWrite {
        path: PathBuf,
        why: String,
    },
    CannotRead(String),
    NotAFileName(PathBuf),
    /// `--out` names a device, a folder or the like.
    NotAFile(PathBuf),
    /// `--out` names a ledger (or another SQLite database).
    WouldOverwriteLedger(PathBuf),
    CannotMove {
        path: PathBuf,
        why: String,
    },
    LedgerExists(PathBuf),
    RestoreTargetExists(PathBuf),
    NotUtf8Path(PathBuf),
    RestoreNoBegin,
    RestoreFromOffice {
        code: String,
        name: String,
    },
    RestoreNothingOf(String),
    TrustOwnCode(String),
    TrustSecondDistrict(String),
    KeyHeld {
        code: String,
        key: String,
    },
    // --- merging an exchange file (wrapped in the line it was found at)
    SecondBegin,
    RoleMismatch {
        code: String,
        theirs: bool,
        ours: bool,
    },
    KeyUnknown {
        code: String,
        name: String,
        key: String,
    },
    WrongRole {
        code: String,
        name: String,
        theirs: bool,
        ours: bool,
    },
    KeyMismatch {
        code: String,
        key: String,
    },
    EndWithoutBegin,
    BadSignature(String),
    RunBroken {
        origin: String,
        count: i64,
        min: i64,
        max: i64,
    },
    RunGap {
        origin: String,
        min: i64,
        held_max: i64,
    },
    NoBegin,
    NoEnd,
    EventBreaks {
        event: EventRef,
        why: Break,
    },
    CaseIdUnreadable {
        origin: String,
        seq: i64,
        why: Invalid,
    },
    Rewrites {
        origin: String,
        seq: i64,
    },
    /// The same event twice in one file (a row copied in a spreadsheet).
    RepeatedInFile {
        origin: String,
        seq: i64,
    },
    /// Two different events with one number in one file.
    NumberTwiceInFile {
        origin: String,
        seq: i64,
    },
    NotExportersOwn {
        event: EventRef,
        exporter: String,
    },
    OthersCase {
        origin: String,
        seq: i64,
        case_id: String,
        office: String,
    },
    RegistersOthersCase {
        origin: String,
        seq: i64,
        case_id: String,
        office: String,
    },
    MakesDistrict {
        origin: String,
        seq: i64,
    },
    CodeClash {
        code: String,
        ours: String,
        theirs: String,
    },
    DuplicateOfMissing(String),
    // --- reading an exchange file
    EmptyFile,
    NotExchange {
        found: String,
    },
    RowsAfterEnd,
    FieldCount {
        found: usize,
        expected: usize,
    },
    FormatV1,
    FormatNewer(String),
    FormatColumn(String),
    NotANumber {
        column: String,
        value: String,
    },
    FirstNotBegin,
    BeginPayload,
    EndCount {
        counted: i64,
        held: u64,
    },
    Digest,
    EndPayload,
    HashMismatch(EventRef),
    NotUtf8,
    /// The CSV reader's own words (also for the I/O below it).
    Csv(String),
    CutShort {
        events: u64,
    },
    /// A line longer than an export ever writes (`exchange::MAX_LINE`).
    LineTooLong {
        max: usize,
    },
    // --- the sweep (edit, link, split, triage)
    Sweep(super::sweep::errors::Refused),
    // --- the units' loop (issue 15)
    Loop(super::units_loop::error::LoopRefusal),
    // --- the campaign: calendar and community register (issue 16)
    Campaign(super::campaign::error::Refused),
}
