//! The phrases of the units' loop (issue 15), by meaning: `Text::Loop`
//! carries them; `en/units_loop.rs` and `zh/units_loop.rs` say them.

/// A phrase of the units' loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopText {
    // --- the commands' success lines
    Acknowledged,
    Returned,
    ExtensionAsked,
    ExtensionApproved,
    ExtensionRefused,
    Supervised,
    Visited,
    VisitReopened,
    // --- show: the events
    EventAck,
    EventReturn,
    EventExtend,
    EventExtendDecision,
    EventSupervise,
    EventVisit,
    Approved,
    NotApproved,
    SuperviseBy,
    ReturnedBy,
    // --- the case's fields
    CoUnits,
    AckedAt,
    AckedBy,
    ReturnedUnits,
    ExtensionUntil,
    ExtensionsAsked,
    ExtensionsApproved,
    Supervisions,
    SuperviseDue,
    VisitedAt,
    Satisfaction,
    AckLate,
    ClosedLate,
    PlanOverdue,
    Unvisited,
    // --- report
    SupervisedCases,
    ReturnedCases,
    VisitedCases,
    SatisfactionRate,
    PlanOverdueCases,
    AssignedCases,
    AcknowledgedCases,
    AcknowledgedLateCases,
    ClosedOnTime,
    OnTimeRate,
    DeferredCasesTitle,
    ExtensionAskedCases,
    ExtensionApprovedCases,
}
