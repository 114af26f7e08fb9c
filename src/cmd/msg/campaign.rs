//! The campaign's phrases (issue 16): labels and headers of the community
//! register, the calendar, the acceptance check and the patrol forms, in
//! each language (`en/campaign.rs`, `zh/campaign.rs`).

use crate::domain::Lang;

/// A phrase the campaign's commands print beside their data.
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

/// The phrase in `lang`.
pub fn label(l: Label, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => super::zh::campaign::label(l),
        Lang::En => super::en::campaign::label(l),
    }
}
