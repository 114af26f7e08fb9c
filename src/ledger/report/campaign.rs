//! The report's campaign figures (issue 16): today's phase and its days
//! left, the backlog (received before the campaign began: the deploy
//! phase's first day) and the new complaints with a closure rate each,
//! new and closed cases per phase, and the demonstration communities
//! against the plan's target.
//!
//! Counted in the report's one pass, over the same cases as the headline
//! (`--from/--to`): `backlog.total + new.total = total` once the deploy
//! phase is set, and the phases' `new` add up to `new.total` where the
//! phases leave no gap.

use serde::Serialize;

use super::rate;
use crate::domain::Phase;
use crate::ledger::campaign::calendar::Calendar;
use crate::ledger::campaign::community::Communities;

/// The plan's target: at least two demonstration communities (示范小区)
/// per district.
pub const DEMONSTRATION_TARGET: i64 = 2;

/// Cases and how many of them are closed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Split {
    pub total: i64,
    pub closed: i64,
    pub closure_rate: f64,
}

/// One phase: cases received in it, and cases closed in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PhaseRow {
    pub phase: Phase,
    pub from: String,
    pub to: String,
    pub new: i64,
    pub closed: i64,
}

/// The demonstration communities registered, against the target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Demonstration {
    pub count: i64,
    pub target: i64,
    pub names: Vec<String>,
}

/// The campaign's figures of a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CampaignFigures {
    /// Today's phase, if today falls in one.
    pub phase: Option<Phase>,
    /// Days left in today's phase after today.
    pub days_left: Option<i64>,
    /// The day the campaign began (the deploy phase's first day).
    pub start: Option<String>,
    /// Cases received before `start` (none without a deploy phase).
    pub backlog: Split,
    /// Cases received on or after `start` (all, without a deploy phase).
    pub new: Split,
    pub phases: Vec<PhaseRow>,
    pub demonstration: Demonstration,
}

/// The running counts.
pub(super) struct CampaignTally {
    start: Option<String>,
    /// (from, to) of each phase set, as `YYYY-MM-DD` text.
    spans: Vec<(String, String)>,
    backlog: (i64, i64),
    new: (i64, i64),
    per_phase: Vec<(i64, i64)>,
}

impl CampaignTally {
    pub(super) fn new(cal: &Calendar) -> CampaignTally {
        CampaignTally {
            start: cal.start().map(|d| d.to_string()),
            spans: cal
                .phases
                .iter()
                .map(|s| (s.from.to_string(), s.to.to_string()))
                .collect(),
            backlog: (0, 0),
            new: (0, 0),
            per_phase: vec![(0, 0); cal.phases.len()],
        }
    }

    fn phase_of(&self, day: &[u8]) -> Option<usize> {
        self.spans
            .iter()
            .position(|(f, t)| f.as_bytes() <= day && day <= t.as_bytes())
    }

    /// A counted case received on `received` (a date), closed on `closed`
    /// (its local date) if closed.
    pub(super) fn count(&mut self, received: &[u8], closed: Option<&[u8]>) {
        let backlog = self
            .start
            .as_deref()
            .is_some_and(|s| received < s.as_bytes());
        let split = if backlog {
            &mut self.backlog
        } else {
            &mut self.new
        };
        split.0 += 1;
        split.1 += i64::from(closed.is_some());
        if let Some(i) = self.phase_of(received) {
            self.per_phase[i].0 += 1;
        }
        if let Some(i) = closed.and_then(|c| self.phase_of(c)) {
            self.per_phase[i].1 += 1;
        }
    }

    pub(super) fn finish(
        self,
        cal: &Calendar,
        names: &Communities,
        today: &str,
    ) -> CampaignFigures {
        let today = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").ok();
        let current = today.and_then(|d| cal.phase_on(d).map(|s| (s, d)));
        let split = |(total, closed): (i64, i64)| Split {
            total,
            closed,
            closure_rate: rate(closed, total),
        };
        let demo: Vec<String> = names
            .list
            .iter()
            .filter(|c| c.demonstration)
            .map(|c| c.name.clone())
            .collect();
        CampaignFigures {
            phase: current.map(|(s, _)| s.phase),
            days_left: current.map(|(s, d)| s.days_left(d)),
            start: self.start,
            backlog: split(self.backlog),
            new: split(self.new),
            phases: cal
                .phases
                .iter()
                .zip(self.per_phase)
                .map(|(s, (new, closed))| PhaseRow {
                    phase: s.phase,
                    from: s.from.to_string(),
                    to: s.to.to_string(),
                    new,
                    closed,
                })
                .collect(),
            demonstration: Demonstration {
                count: demo.len() as i64,
                target: DEMONSTRATION_TARGET,
                names: demo,
            },
        }
    }
}
