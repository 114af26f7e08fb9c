//! English: every phrase the commands print beside their data.

use crate::cmd::msg::text::Text;

/// The phrase, in English.
pub fn text(t: Text) -> &'static str {
    match t {
        // --- used by several commands (table headers, counts)
        Text::Code => "code",
        Text::Subject => "subject",
        Text::Unit => "unit",
        Text::Closed => "closed",
        Text::Manager => "manager",
        Text::CreditCode => "credit code",
        Text::Company => "company",
        Text::Score => "score",
        Text::Grade => "grade",
        Text::ListStatus => "list status",
        Text::Field => "field",
        Text::Value => "value",
        Text::Item => "item",
        Text::Points => "points",
        Text::Yes => "yes",
        Text::Events => "events",
        Text::Cases => "cases",
        Text::Received => "received",
        Text::Overdue => "overdue",
        Text::EventClosed => "closed",

        // --- add
        Text::RejectReason => "reason",
        Text::MappingColumn => "column",
        Text::MappingSample => "sample",
        Text::MappingField => "field",

        // --- assign
        Text::TypeDefaultUnit => " (the problem type's default unit)",
        Text::Due => "due",

        // --- backup
        Text::BackedUp => "backed up",

        // --- catalog
        Text::NoLedger => "no ledger",
        Text::BuiltInCatalogue => "the built-in catalogue (without local units)",
        Text::Problem => "problem",
        Text::Days => "days",
        Text::DefaultUnit => "default unit",
        Text::AnyProblem => "any",
        Text::UnitSource => "kind",
        Text::FromPlan => "plan",
        Text::LocalUnit => "local",

        // --- close
        Text::RegisteredManager => "(the registered manager)",
        Text::NoManager => "no registered manager, so no personal record (name one with --manager)",
        Text::CreditDeducted => "credit deduction recorded:",

        // --- credit company
        Text::CompanyRegistered => "registered",
        Text::Managers => "managers",
        Text::LinkedCases => "cases",
        Text::HasOwnersCommittee => "functions",
        Text::NoOwnersCommittee => "none (residents' committee acts)",
        Text::OwnersCommittee => "owners' committee",
        Text::Standard => "standard",

        // --- credit
        Text::Date => "date",
        Text::Description => "description",
        Text::CountsUntil => "counts until",
        Text::Counts => "counts",
        Text::LinkedCase => "case",
        Text::NotInStandard => "(not in the standard)",
        Text::No => "no",

        // --- credit notice
        Text::NoticeTitle => "Industry-wide notice of dishonesty",
        Text::NoticeStandard => "Standard",
        Text::ListedCompanies => "Companies on the dishonesty list",
        Text::PersonalRecords => "Personal dishonesty records",
        Text::ScoreGrade => "score/grade",
        Text::ListEntries => "entries",
        Text::Sanction => "sanction",
        Text::ManagerName => "manager",
        Text::ManagerCompany => "company",
        Text::DishonestyRecords => "records",

        // --- credit record
        Text::Recorded => "recorded",

        // --- credit score
        Text::ActiveRecords => "active records",
        Text::DismissedBy => "dismissed by",
        Text::CreditScores => "credit scores",
        Text::ScoreStandard => "standard",

        // --- credit standard
        Text::StandardLoaded => "loaded standard",
        Text::Items => "items",
        Text::Grades => "grades",
        Text::BaseScore => "base score",
        Text::DefaultNotLoaded => " (the default, not loaded)",
        Text::Months => "months",
        Text::TriggersDishonesty => "dishonesty",
        Text::GradeLabel => "label",
        Text::FromScore => "from score",

        // --- defer
        Text::Deferred => "deferred",

        // --- demo
        Text::Try => "try",
        Text::DistrictMerged => "district merged",
        Text::NewEventsCount => "new events",

        // --- export
        Text::Exported => "exported",

        // --- init
        Text::RestoredLedger => "restored ledger",
        Text::NewKeyTrustAtDistrict => "the new file has a new key; at the district run:",
        Text::CreatedLedger => "created ledger",

        // --- key
        Text::TrustAtEachOffice => "at each street office run: ledger trust",
        Text::TrustAtDistrict => "at the district run: ledger trust",

        // --- list
        Text::Type => "type",
        Text::SuggestedMark => "?",

        // --- man
        Text::ManualPagesWrittenTo => "manual pages written to",

        // --- merge
        Text::ConflictingCases => "cases with conflicting work",
        Text::ConflictsHint => "see ledger list --conflicts; a note on the case clears it",
        Text::File => "file",
        Text::NewEvents => "new events",
        Text::KnownEvents => "known events",
        Text::Skipped => "skipped",
        Text::CasesCreated => "cases created",
        Text::CasesChanged => "cases changed",
        Text::Result => "result",
        Text::Refused => "refused",
        Text::DryRunOk => "ok (dry run)",
        Text::Merged => "merged",

        // --- note
        Text::Noted => "noted",

        // --- out
        Text::WrittenTo => "written to",

        // --- rebuild
        Text::Rebuilt => "rebuilt from the event log",

        // --- reopen
        Text::Reopened => "reopened",

        // --- report
        Text::ReportTitle => "property-management case ledger",
        Text::AsOf => "as of",
        Text::By => "by ",
        Text::PerWeek => "new and closed per week",
        Text::PerMonth => "new and closed per month",
        Text::ByOffice => "office",
        Text::ByStatus => "status",
        Text::ByProblem => "problem",
        Text::ByUnit => "unit",
        Text::ByCommunity => "community",
        Text::ByParty => "party",
        Text::TotalCases => "total cases",
        Text::OverdueCases => "overdue",
        Text::DeferredWithAPlan => "deferred with a plan",
        Text::KeyCasesNotClosed => "key cases not closed",
        Text::HalfYearOpen => "not closed after 180 days",
        Text::RepeatComplaints => "repeat complaints (90 days)",
        Text::ConflictsUnseen => "conflicts not yet looked at",
        Text::ClosureRate => "closure rate",
        Text::MedianDaysToClose => "median days to close",
        Text::Figure => "figure",
        Text::FigureValue => "value",
        Text::NotFilled => "(none)",
        Text::Rank => "rank",
        Text::Total => "total",
        Text::Open => "open",
        Text::GrandTotal => "total",
        Text::Period => "period",
        Text::PeriodNew => "new",

        // --- show
        Text::SuggestedToConfirm => "(suggested, to confirm)",
        Text::Time => "time",
        Text::Actor => "by",
        Text::Event => "event",
        Text::Details => "details",
        Text::EventRegistered => "registered",
        Text::EventAssigned => "assigned",
        Text::EventDeferred => "deferred",
        Text::EventReopened => "reopened",
        Text::EventNote => "note",
        Text::TimeLimit => "due",
        Text::PlanUntil => "until",

        // --- trust
        Text::NoKeysYet => "no keys registered yet: ledger trust CODE KEY",
        Text::Office => "office",
        Text::PublicKey => "key",
        Text::RegisteredAt => "registered",
        Text::KeyRegistered => "registered the key of",
        Text::KeyReplaced => "replaced the key of",
        Text::KeyUnchanged => "already registered, unchanged:",

        // --- unit
        Text::UnitRegistered => "registered unit",

        // --- view
        Text::LongRunning => "long-running",
        Text::KeyCase => "key",
        Text::Repeat => "repeat",

        // --- case fields (view: list, show, export headers)
        Text::CaseId => "id",
        Text::CaseOffice => "office",
        Text::CaseStatus => "status",
        Text::CaseReceivedAt => "received",
        Text::CaseSource => "source",
        Text::CaseSourceRef => "source ref",
        Text::CaseCommunity => "community",
        Text::CaseAddress => "address",
        Text::CaseSummary => "summary",
        Text::CaseDetails => "details",
        Text::CaseComplainant => "complainant",
        Text::CasePhone => "phone",
        Text::CaseSubject => "subject",
        Text::CaseProblem => "problem",
        Text::CaseParty => "party",
        Text::CaseKey => "key case",
        Text::CaseUnit => "unit",
        Text::CaseAssignedAt => "assigned",
        Text::CaseDue => "due",
        Text::CasePlan => "plan",
        Text::CaseDeferUntil => "plan until",
        Text::CaseClosedAt => "closed",
        Text::CaseResult => "result",
        Text::CaseResolution => "resolution",
        Text::CaseDuplicateOf => "duplicate of",
        Text::CaseFlags => "flags",
        Text::CaseNotes => "notes",
        Text::CaseProblemSuggested => "problem suggested",
        Text::CaseOverdue => "overdue",
        Text::CaseLongRunning => "long-running",
        Text::CaseRepeat => "repeat",
        Text::CaseUpdatedAt => "updated",
        Text::NoDisclosures => "--show-pii has not been used on this ledger",
        Text::When => "when",
        Text::User => "user",
        Text::CommandLine => "command",
        Text::Loop(t) => super::units_loop::text(t),
    }
}
