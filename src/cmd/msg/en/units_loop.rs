//! English: the units' loop (issue 15): its refusals, rules and phrases.

use crate::cmd::msg::loop_text::LoopText;
use crate::ledger::units_loop::error::{LoopBreak, LoopRefusal};
use crate::ledger::units_loop::rules::MAX_CO_UNITS;

/// A stored time as `2026-11-27 09:00`.
fn short(at: &str) -> String {
    crate::cmd::msg::shown::short_time(at)
}

/// The sentence for a refusal of the loop.
pub fn refusal(r: &LoopRefusal) -> String {
    match r {
        LoopRefusal::NotAssigned { id, status } => format!(
            "{id} is {}: only a case forwarded to a unit (assigned) is acknowledged, returned or extended",
            status.code()
        ),
        LoopRefusal::AlreadyAcknowledged { id, at } => {
            format!("{id} was acknowledged already, at {}", short(at))
        }
        LoopRefusal::ExtensionPending { id, until } => format!(
            "{id} has an extension to {until} waiting: decide it first (`ledger extend {id} --approve` or `--refuse --reason ...`)"
        ),
        LoopRefusal::ExtensionNotLater { id, until, due } => format!(
            "--until {until} is not after {id}'s due date ({due}) and today: ask for a later date"
        ),
        LoopRefusal::NoExtensionAsked(id) => format!(
            "{id} has no extension waiting: the unit asks first (`ledger extend {id} --until DATE --reason ...`)"
        ),
        LoopRefusal::RefusalNeedsReason => "--refuse needs --reason: say why".into(),
        LoopRefusal::NeedsReason => "give --reason TEXT: say why".into(),
        LoopRefusal::SuperviseClosed(id) => {
            format!("{id} is closed: there is nothing left to supervise")
        }
        LoopRefusal::DueInPast(d) => format!("--due {d} is in the past"),
        LoopRefusal::NotClosedForVisit { id, status } => {
            format!("{id} is {}: a call-back follows a close", status.code())
        }
        LoopRefusal::ReopenNeedsDissatisfied => {
            "--reopen goes with --satisfaction dissatisfied".into()
        }
        LoopRefusal::ReopenNeedsNote => {
            "--reopen needs --note: it is the reason the case is reopened".into()
        }
        LoopRefusal::CoUnitIsLead(u) => {
            format!("--co-unit {u} is the lead unit: name the other units")
        }
        LoopRefusal::CoUnitTwice(u) => format!("--co-unit {u} is given twice"),
        LoopRefusal::OthersCase { id, office } => format!(
            "{id} is office {office}'s case: its units' answers and call-backs are recorded there (a district may supervise it)"
        ),
        LoopRefusal::OthersCaseInFile {
            origin,
            seq,
            kind,
            case_id,
        } => format!(
            "event {origin}/{seq} ({kind}) is on {case_id}, another office's case: only the office that forwarded a case records its units' answers and call-backs"
        ),
    }
}

/// The rule a loop event breaks.
pub fn rule(b: &LoopBreak) -> String {
    match b {
        LoopBreak::CoUnitIsLead(u) => format!("co-unit {u} is the lead unit"),
        LoopBreak::CoUnitTwice(u) => format!("co-unit {u} is named twice"),
        LoopBreak::TooManyCoUnits(n) => {
            format!("{n} co-units, more than {MAX_CO_UNITS}")
        }
        LoopBreak::ReopenNotDissatisfied => {
            "a call-back reopens the case only when dissatisfied".into()
        }
        LoopBreak::ReopenWithoutNote => "a call-back that reopens has no note".into(),
        LoopBreak::RefusedWithoutReason => "a refused extension gives no reason".into(),
    }
}

/// The phrase, in English.
pub fn text(t: LoopText) -> &'static str {
    match t {
        LoopText::Acknowledged => "acknowledged",
        LoopText::Returned => "returned: open again, with no unit",
        LoopText::ExtensionAsked => "extension asked to",
        LoopText::ExtensionApproved => "extension approved, due",
        LoopText::ExtensionRefused => "extension refused, due stays",
        LoopText::Supervised => "supervised",
        LoopText::Visited => "called back",
        LoopText::VisitReopened => "called back and reopened",
        LoopText::EventAck => "acknowledged",
        LoopText::EventReturn => "returned",
        LoopText::EventExtend => "extension asked",
        LoopText::EventExtendDecision => "extension decided",
        LoopText::EventSupervise => "supervised",
        LoopText::EventVisit => "call-back",
        LoopText::Approved => "approved",
        LoopText::NotApproved => "refused",
        LoopText::SuperviseBy => "by",
        LoopText::ReturnedBy => "returned by",
        LoopText::CoUnits => "co-units",
        LoopText::AckedAt => "acknowledged",
        LoopText::AckedBy => "acknowledged by",
        LoopText::ReturnedUnits => "returned by",
        LoopText::ExtensionUntil => "extension asked to",
        LoopText::ExtensionsAsked => "extensions asked",
        LoopText::ExtensionsApproved => "extensions approved",
        LoopText::Supervisions => "supervisions",
        LoopText::SuperviseDue => "supervision due",
        LoopText::VisitedAt => "called back",
        LoopText::Satisfaction => "satisfaction",
        LoopText::AckLate => "ack late",
        LoopText::ClosedLate => "closed late",
        LoopText::PlanOverdue => "plan overdue",
        LoopText::Unvisited => "not called back",
        LoopText::SupervisedCases => "supervised cases",
        LoopText::ReturnedCases => "returned cases",
        LoopText::VisitedCases => "called back",
        LoopText::SatisfactionRate => "satisfaction rate",
        LoopText::PlanOverdueCases => "deferred past their plan date",
        LoopText::AssignedCases => "assigned",
        LoopText::AcknowledgedCases => "acknowledged",
        LoopText::AcknowledgedLateCases => "acknowledged late",
        LoopText::ClosedOnTime => "closed on time",
        LoopText::OnTimeRate => "on-time rate",
        LoopText::DeferredCasesTitle => "Deferred cases and their work plans",
        LoopText::ExtensionAskedCases => "extension asked",
        LoopText::ExtensionApprovedCases => "  of which approved",
    }
}
