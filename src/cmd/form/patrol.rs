//! `add`'s patrol options: what the 三联单's record form needs of a
//! violation a property company found on patrol.

use crate::domain::TimeArg;
use crate::ledger::event::CasePatrol;

/// Flattened into `add`'s arguments.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PatrolArgs {
    /// With --source patrol: who found the violation (巡查人).
    #[arg(
        long,
        value_name = "NAME",
        conflicts_with = "from",
        help_heading = "Patrol (巡查)"
    )]
    pub found_by: Option<String>,
    /// With --source patrol: when it was found, e.g. '2026-11-20 09:30'.
    #[arg(
        long,
        value_name = "DATE",
        conflicts_with = "from",
        help_heading = "Patrol (巡查)"
    )]
    pub found_at: Option<TimeArg>,
    /// With --source patrol: how the violation was dissuaded (劝阻情况).
    #[arg(
        long,
        value_name = "TEXT",
        conflicts_with = "from",
        help_heading = "Patrol (巡查)"
    )]
    pub dissuasion: Option<String>,
    /// With --source patrol: to whom it was reported (报告对象).
    #[arg(
        long,
        value_name = "TEXT",
        conflicts_with = "from",
        help_heading = "Patrol (巡查)"
    )]
    pub reported_to: Option<String>,
}

impl PatrolArgs {
    /// The patrol record the options make (`offset`: the clock's zone,
    /// for a time typed without one).
    pub fn record(self, offset: chrono::FixedOffset) -> CasePatrol {
        CasePatrol {
            found_by: self.found_by,
            found_at: self.found_at.map(|t| {
                t.resolve(offset)
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
            }),
            dissuasion: self.dissuasion,
            reported_to: self.reported_to,
        }
    }
}
