//! Every phrase the commands print beside their data (success lines, table
//! headers, labels), by meaning. `msg/zh/text.rs` and `msg/en/text.rs` say
//! each one; adding a language is adding such a file.

/// A phrase a command prints, named for what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    // --- used by several commands (table headers, counts)
    Code,
    Subject,
    Unit,
    Closed,
    Manager,
    CreditCode,
    Company,
    Score,
    Grade,
    ListStatus,
    Field,
    Value,
    Item,
    Points,
    Yes,
    Events,
    Cases,
    Received,
    Overdue,
    EventClosed,

    // --- add
    RejectReason,
    MappingColumn,
    MappingSample,
    MappingField,

    // --- assign
    TypeDefaultUnit,
    Due,

    // --- backup
    BackedUp,

    // --- catalog
    NoLedger,
    BuiltInCatalogue,
    Problem,
    Days,
    DefaultUnit,
    AnyProblem,
    UnitSource,
    FromPlan,
    LocalUnit,

    // --- close
    RegisteredManager,
    NoManager,
    CreditDeducted,

    // --- credit company
    CompanyRegistered,
    Managers,
    LinkedCases,
    HasOwnersCommittee,
    NoOwnersCommittee,
    OwnersCommittee,
    Standard,

    // --- credit
    Date,
    Description,
    CountsUntil,
    Counts,
    LinkedCase,
    NotInStandard,
    No,

    // --- credit notice
    NoticeTitle,
    NoticeStandard,
    ListedCompanies,
    PersonalRecords,
    ScoreGrade,
    ListEntries,
    Sanction,
    ManagerName,
    ManagerCompany,
    DishonestyRecords,

    // --- credit record
    Recorded,

    // --- credit score
    ActiveRecords,
    DismissedBy,
    CreditScores,
    ScoreStandard,

    // --- credit standard
    StandardLoaded,
    Items,
    Grades,
    BaseScore,
    DefaultNotLoaded,
    Months,
    TriggersDishonesty,
    GradeLabel,
    FromScore,

    // --- defer
    Deferred,

    // --- demo
    Try,
    DistrictMerged,
    NewEventsCount,

    // --- export
    Exported,

    // --- init
    RestoredLedger,
    NewKeyTrustAtDistrict,
    CreatedLedger,

    // --- key
    TrustAtEachOffice,
    TrustAtDistrict,

    // --- list
    Type,
    SuggestedMark,

    // --- man
    ManualPagesWrittenTo,

    // --- merge
    ConflictingCases,
    ConflictsHint,
    File,
    NewEvents,
    KnownEvents,
    Skipped,
    CasesCreated,
    CasesChanged,
    Result,
    Refused,
    DryRunOk,
    Merged,

    // --- note
    Noted,

    // --- out
    WrittenTo,

    // --- rebuild
    Rebuilt,

    // --- reopen
    Reopened,

    // --- report
    ReportTitle,
    AsOf,
    By,
    PerWeek,
    PerMonth,
    ByOffice,
    ByStatus,
    ByProblem,
    ByUnit,
    ByCommunity,
    ByParty,
    TotalCases,
    OverdueCases,
    DeferredWithAPlan,
    KeyCasesNotClosed,
    HalfYearOpen,
    RepeatComplaints,
    ConflictsUnseen,
    ClosureRate,
    MedianDaysToClose,
    Figure,
    FigureValue,
    NotFilled,
    Rank,
    Total,
    Open,
    GrandTotal,
    Period,
    PeriodNew,

    // --- show
    SuggestedToConfirm,
    Time,
    Actor,
    Event,
    Details,
    EventRegistered,
    EventAssigned,
    EventDeferred,
    EventReopened,
    EventNote,
    TimeLimit,
    PlanUntil,

    // --- trust
    NoKeysYet,
    Office,
    PublicKey,
    RegisteredAt,
    KeyRegistered,
    KeyReplaced,
    KeyUnchanged,

    // --- unit
    UnitRegistered,

    // --- view
    LongRunning,
    KeyCase,
    Repeat,

    // --- case fields (view: list, show, export headers)
    CaseId,
    CaseOffice,
    CaseStatus,
    CaseReceivedAt,
    CaseSource,
    CaseSourceRef,
    CaseCommunity,
    CaseAddress,
    CaseSummary,
    CaseDetails,
    CaseComplainant,
    CasePhone,
    CaseSubject,
    CaseProblem,
    CaseParty,
    CaseKey,
    CaseUnit,
    CaseAssignedAt,
    CaseDue,
    CasePlan,
    CaseDeferUntil,
    CaseClosedAt,
    CaseResult,
    CaseResolution,
    CaseDuplicateOf,
    CaseFlags,
    CaseNotes,
    CaseProblemSuggested,
    CaseOverdue,
    CaseLongRunning,
    CaseRepeat,
    CaseUpdatedAt,

    // --- audit (uses of --show-pii)
    NoDisclosures,
    When,
    User,
    CommandLine,
    // --- the units' loop (issue 15)
    Loop(super::loop_text::LoopText),
}

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

/// A phrase the campaign's commands print beside their data (issue 16;
/// `msg::campaign` re-exports it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    CommunityRegistered,
    CommunityChanged,
    Community,
    Office,
    Aliases,
    Company,
    Committee,
    Demonstration,
    Cases,
    OpenCases,
    TypedText,
    DismissedBy,
    OwnersCommittee,
    ResidentsCommittee,
    Phase,
    From,
    To,
    DaysLeft,
    Current,
    LedgerDue,
    NoCalendar,
    PhaseSet,
    DueSet,
    PatrolRecord,
    CommitteeRecorded,
    CommitteeRecords,
    Records,
    Backlog,
    BacklogRate,
    New,
    NewRate,
    CurrentPhase,
    PhaseDaysLeft,
    DemonstrationTarget,
    PhaseNew,
    PhaseClosed,
    Total,
    Closed,
    ClosureRate,
    Overdue,
    DeferredWithPlan,
    KeyOpen,
    FirstMerged,
    ReachedInTime,
    OnTime,
    Late,
    AcceptanceTitle,
    Field,
    Value,
}
