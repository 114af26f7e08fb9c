//! English: the campaign's refusals, rule faults and phrases.

use crate::cmd::msg::text::Label;
use crate::ledger::campaign::error::{Fault, Field, Refused};

fn field(f: Field) -> &'static str {
    match f {
        Field::Name => "the community's name",
        Field::Alias => "an alias",
        Field::Company => "the company",
        Field::Patrol => "a patrol record's text",
    }
}

/// A content rule of a campaign event, broken.
pub fn fault(f: &Fault) -> String {
    match f {
        Fault::Empty(f) => format!("{} must not be empty", field(*f)),
        Fault::TooLong { field: f, max } => {
            format!("{} is longer than {max} characters", field(*f))
        }
        Fault::TooManyAliases { max } => format!("more than {max} aliases in one event"),
        Fault::NotADate { value } => format!("'{value}' is not a date (YYYY-MM-DD, 2000–2099)"),
        Fault::Backwards { from, to } => format!("the phase runs backwards ({from} after {to})"),
    }
}

/// A campaign command refused.
pub fn refused(r: &Refused) -> String {
    match r {
        Refused::CommunityExists { name } => format!(
            "{name} is registered already: change it with `ledger community set {name} …`"
        ),
        Refused::NoCommunity { name } => format!(
            "no registered community '{name}' (see `ledger community list`; register it with `ledger community add`)"
        ),
        Refused::AliasTaken { alias, community } => {
            format!("'{alias}' already stands for {community}")
        }
        Refused::PatrolOnly => "--found-by, --found-at, --dissuasion and --reported-to go with --source patrol".into(),
        Refused::NothingToSet => "nothing to change: give --alias, --company, --committee, --demonstration or --no-demonstration".into(),
        Refused::NothingToCalendar => {
            "nothing to set: give --phase with --from and --to, or --ledger-due".into()
        }
        Refused::PhaseNeedsDates => "--phase goes with --from and --to".into(),
        Refused::FromAfterTo { from, to } => format!("--from {from} is after --to {to}"),
        Refused::Overlaps { phase, other } => format!(
            "the {} phase would overlap the {} phase: phases follow one another",
            phase.code(),
            other.code()
        ),
    }
}

pub fn label(l: Label) -> &'static str {
    match l {
        Label::CommunityRegistered => "registered community",
        Label::CommunityChanged => "changed community",
        Label::Community => "community",
        Label::Office => "office",
        Label::Aliases => "aliases",
        Label::Company => "company",
        Label::Committee => "owners' committee",
        Label::Demonstration => "demonstration",
        Label::Cases => "cases",
        Label::OpenCases => "not closed",
        Label::TypedText => "community as typed",
        Label::DismissedBy => "dismissal by",
        Label::OwnersCommittee => "owners' committee",
        Label::ResidentsCommittee => "residents' committee",
        Label::Phase => "phase",
        Label::From => "from",
        Label::To => "to",
        Label::DaysLeft => "days left",
        Label::Current => "current",
        Label::LedgerDue => "ledgers due at the district",
        Label::NoCalendar => "no campaign calendar set (ledger campaign set --phase …)",
        Label::PhaseSet => "phase set",
        Label::DueSet => "ledger due date set",
        Label::PatrolRecord => "patrol record",
        Label::CommitteeRecorded => "recorded against the owners' committee",
        Label::CommitteeRecords => "owners' committees with records",
        Label::Records => "records",
        Label::Backlog => "backlog (received before the campaign)",
        Label::BacklogRate => "  backlog closure rate",
        Label::New => "new (received since the campaign began)",
        Label::NewRate => "  new closure rate",
        Label::CurrentPhase => "current phase",
        Label::PhaseDaysLeft => "  days left in the phase",
        Label::DemonstrationTarget => "demonstration communities (target 2)",
        Label::PhaseNew => "new",
        Label::PhaseClosed => "closed",
        Label::Total => "total",
        Label::Closed => "closed",
        Label::ClosureRate => "closure rate",
        Label::Overdue => "overdue",
        Label::DeferredWithPlan => "deferred with a plan",
        Label::KeyOpen => "key cases open",
        Label::FirstMerged => "ledger first merged",
        Label::ReachedInTime => "reached by the due date",
        Label::OnTime => "yes",
        Label::Late => "late",
        Label::AcceptanceTitle => "acceptance check",
        Label::Field => "field",
        Label::Value => "value",
    }
}
