//! The report's one pass over the cases table: each case counted once into
//! the headline, its group and its trend periods.

use rusqlite::Connection;

use super::group::Groups;
use super::trend::TrendCounts;
use super::units::{self, LoopTally};
use super::{ByResult, ByStatus, GroupBy};
use crate::domain::{Outcome, Status};
use crate::ledger::campaign::community::{Communities, committee_name};
use crate::ledger::days::{date_part, epoch_seconds};
use crate::ledger::error::{Error, Result};
use crate::ledger::flags::period::{Period, TextPeriod, Trend};
use crate::ledger::flags::repeat::{REPEAT_CANDIDATE_SQL, RepeatWindow, neighbourhood, text};
use crate::ledger::flags::{self, long_running_cutoff};
use crate::ledger::sweep::NOT_SPLIT_SQL;

/// The running counts of a report.
pub(super) struct Tally {
    today: String,
    /// `None` when `today` is not a date: then no case is long-running.
    cutoff: Option<String>,
    period: TextPeriod,
    /// The received dates whose cases can be a counted case's neighbour.
    wide: TextPeriod,
    by: Option<GroupBy>,
    pub total: i64,
    pub by_status: ByStatus,
    pub by_result: ByResult,
    pub overdue: i64,
    pub key_open: i64,
    pub long_running: i64,
    pub conflicts: i64,
    /// Days to close of every closed case counted.
    pub days: Vec<f64>,
    /// Every case in `wide`, marked whether it is counted.
    pub repeats: RepeatWindow<bool>,
    pub groups: Option<Groups>,
    pub trend: Option<TrendCounts>,
    /// The units' loop's figures (issue 15).
    pub units: LoopTally,
    /// The community register: repeats and `--by community` count a
    /// case under its community's canonical name (issue 16).
    pub names: Communities,
    /// The campaign's backlog, new cases and phases (issue 16).
    pub campaign: Option<super::campaign::CampaignTally>,
}

/// A stored code as bytes → the value whose code it is.
fn decode<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str, b: &[u8]) -> Option<T> {
    all.iter().copied().find(|v| code(*v).as_bytes() == b)
}

impl ByStatus {
    fn count(&mut self, s: Status) {
        *match s {
            Status::Open => &mut self.open,
            Status::Assigned => &mut self.assigned,
            Status::Deferred => &mut self.deferred,
            Status::Closed => &mut self.closed,
        } += 1;
    }
}

impl ByResult {
    fn count(&mut self, o: Outcome) {
        *match o {
            Outcome::Resolved => &mut self.resolved,
            Outcome::Unfounded => &mut self.unfounded,
            Outcome::Duplicate => &mut self.duplicate,
            Outcome::OutOfScope => &mut self.out_of_scope,
        } += 1;
    }
}

/// Days from received to closed, both times with their offsets.
fn days_to_close(received: &[u8], closed_at: Option<&[u8]>) -> Option<f64> {
    let (c, r) = (epoch_seconds(closed_at?)?, epoch_seconds(received)?);
    Some((c - r) as f64 / 86_400.0)
}

impl Tally {
    pub(super) fn new(
        today: &str,
        period: &Period,
        by: Option<GroupBy>,
        trend: Option<Trend>,
    ) -> Tally {
        Tally {
            today: today.to_string(),
            cutoff: long_running_cutoff(today),
            period: period.text(),
            wide: neighbourhood(period).text(),
            by,
            total: 0,
            by_status: ByStatus::default(),
            by_result: ByResult::default(),
            overdue: 0,
            key_open: 0,
            long_running: 0,
            conflicts: 0,
            days: Vec::new(),
            repeats: RepeatWindow::new(),
            groups: by.map(|_| Groups::default()),
            trend: trend.map(TrendCounts::new),
            units: LoopTally::default(),
            names: Communities::default(),
            campaign: None,
        }
    }

    /// Reads the table once, counting every case.
    pub(super) fn scan(&mut self, conn: &Connection) -> Result<()> {
        let col = self.by.map_or("NULL", GroupBy::column);
        self.names = Communities::load(conn)?;
        let mut st = conn.prepare(&format!(
            "SELECT status, result, due, key_case, received_at, community, problem, closed_at, {col},
                    conflict, {REPEAT_CANDIDATE_SQL}, office, {}
             FROM cases WHERE {NOT_SPLIT_SQL}",
            units::COLUMNS
        ))?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            self.row(r)?;
        }
        Ok(())
    }

    fn row(&mut self, r: &rusqlite::Row<'_>) -> Result<()> {
        let received = text(r.get_ref(4)?).unwrap_or_default();
        let date = date_part(received);
        if !self.wide.holds(date) {
            return Ok(());
        }
        let counted = self.period.holds(date);
        let candidate = r.get::<_, i64>(10)? != 0;
        let office = text(r.get_ref(11)?).unwrap_or_default();
        let community = text(r.get_ref(5)?).map(|c| self.names.canonical(office, c));
        if let (true, Some(community), Some(problem)) = (candidate, community, text(r.get_ref(6)?))
        {
            self.repeats.push(community, problem, date, counted);
        }
        if !counted {
            return Ok(());
        }
        let status = text(r.get_ref(0)?).unwrap_or_default();
        let status = decode(Status::ALL, Status::code, status).ok_or_else(|| {
            Error::Corrupt(format!(
                "a case has status '{}'",
                String::from_utf8_lossy(status)
            ))
        })?;
        let closed = status == Status::Closed;
        self.total += 1;
        self.by_status.count(status);
        if let Some(o) = text(r.get_ref(1)?).and_then(|b| decode(Outcome::ALL, Outcome::code, b)) {
            self.by_result.count(o);
        }
        let overdue = flags::overdue(status, text(r.get_ref(2)?), self.today.as_bytes());
        self.overdue += i64::from(overdue);
        self.conflicts += i64::from(r.get::<_, i64>(9)? != 0);
        if !closed {
            self.key_open += i64::from(r.get::<_, i64>(3)? != 0);
        }
        self.long_running += i64::from(
            self.cutoff
                .as_deref()
                .is_some_and(|cut| flags::long_running(status, date, cut.as_bytes())),
        );
        let closed_at = if closed { text(r.get_ref(7)?) } else { None };
        let days = if closed {
            // Never written by this program: the file is damaged.
            Some(days_to_close(received, closed_at).ok_or_else(|| {
                Error::Corrupt("a closed case has no readable received or closing time".into())
            })?)
        } else {
            None
        };
        if let Some(d) = days {
            self.days.push(d);
        }
        let due = text(r.get_ref(2)?);
        let facts = self
            .units
            .count(r, status, self.today.as_bytes(), closed_at, due)?;
        if let Some(g) = &mut self.groups {
            // A case against an owners' committee with no party named is
            // against its community's committee (issue 16).
            let committee = match (self.by, text(r.get_ref(8)?), text(r.get_ref(6)?)) {
                (Some(GroupBy::Party), None, Some(p)) if p.starts_with(b"YW-") => {
                    community.map(|c| committee_name(&String::from_utf8_lossy(c)))
                }
                _ => None,
            };
            let key = match self.by {
                Some(GroupBy::Community) => community,
                _ if committee.is_some() => committee.as_deref().map(str::as_bytes),
                _ => text(r.get_ref(8)?),
            };
            let slot = g.slot(key);
            slot.count(closed, overdue, days);
            slot.work.count(&facts);
            // A return counts for the unit that made it, which is not the
            // case's unit any more.
            if self.by == Some(GroupBy::Unit) {
                for u in facts
                    .returned_by
                    .into_iter()
                    .flat_map(|b| b.split(|c| *c == b','))
                {
                    g.slot(Some(u)).work.returned += 1;
                }
            }
        }
        if let Some(t) = &mut self.trend {
            t.count(date, closed_at.map(date_part));
        }
        if let Some(c) = &mut self.campaign {
            c.count(date, closed_at.map(date_part));
        }
        Ok(())
    }
}
