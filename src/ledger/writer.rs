//! The handle a write transaction gives to operations: it numbers and
//! stamps each event, checks it against the content rules, appends it and
//! keeps the case's row in step.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, params};

use super::case::{self, CaseState};
use super::error::{Error, Refusal, Result};
use super::event::{Event, EventRecord};
use super::{OfficeInfo, Stamp, replay, rules};

/// The handle a write transaction gives to operations (see `ops.rs`).
pub struct Writer<'a> {
    pub(super) tx: &'a Connection,
    pub(super) office: &'a OfficeInfo,
    pub(super) stamp: Stamp,
    pub(super) next_seq: i64,
    pub(super) next_clock: i64,
    /// The next case number of each year, once looked up: this
    /// transaction holds the write lock, so only it numbers cases.
    pub(super) next_case: std::collections::HashMap<i32, i64>,
    /// The content rules, loaded with the first event.
    pub(super) rules: Option<rules::Rules>,
}

impl Writer<'_> {
    pub(crate) fn conn(&self) -> &Connection {
        self.tx
    }

    pub fn office(&self) -> &OfficeInfo {
        self.office
    }

    pub fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    /// Moves this transaction's clock (the demo generator replays months
    /// of work in one transaction).
    pub fn set_now(&mut self, now: DateTime<FixedOffset>) {
        self.stamp.now = now;
    }

    /// Appends an event of this office to the log (not yet applied).
    pub(crate) fn append(&mut self, case_id: Option<&str>, ev: Event) -> Result<EventRecord> {
        let rec = self.record(case_id, &ev)?;
        rec.insert(self.tx)?;
        replay::apply_non_case(self.tx, &self.office.code, &rec, &ev)?;
        Ok(rec)
    }

    /// Makes the record of a new event of this office (numbered, stamped
    /// and hashed) without storing it: the caller inserts it. Bulk writers
    /// use this to store events grouped by case.
    /// The event must pass the content rules the exchange applies
    /// (`rules/mod.rs`): the command checked its input with a message of its
    /// own, so a failure here names the rule for a bug report.
    pub(crate) fn record(&mut self, case_id: Option<&str>, ev: &Event) -> Result<EventRecord> {
        let mut rec = EventRecord {
            origin: self.office.code.clone(),
            seq: self.next_seq,
            clock: self.next_clock,
            at: self.stamp.at(),
            actor: self.stamp.actor.clone(),
            kind: ev.kind().to_string(),
            case_id: case_id.map(str::to_string),
            payload: ev.payload(),
            hash: String::new(),
        };
        rec.hash = rec.compute_hash();
        if self.rules.is_none() {
            self.rules = Some(rules::Rules::load(self.tx)?);
        }
        let rules = self.rules.as_mut().expect("just loaded");
        rules.check(&rec, ev).map_err(|why| Refusal::LocalBreak {
            kind: rec.kind.clone(),
            why,
        })?;
        if let Event::UnitAdd(u) = ev {
            rules.learn_unit(&u.code);
        }
        self.next_seq += 1;
        self.next_clock += 1;
        Ok(rec)
    }

    /// The next case number of this office for `year`.
    pub(crate) fn next_case_seq(&mut self, year: i32) -> Result<i64> {
        let seq = match self.next_case.get(&year) {
            Some(s) => *s,
            None => self
                .tx
                .prepare_cached(
                    "SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE office = ?1 AND year = ?2",
                )?
                .query_row(params![self.office.code, year], |r| r.get(0))?,
        };
        self.next_case.insert(year, seq + 1);
        Ok(seq)
    }

    /// Appends the `case.add` of a case numbered just now (so no row can
    /// exist for it) and inserts its row.
    pub(crate) fn append_new_case(&mut self, case_id: &str, ev: Event) -> Result<CaseState> {
        let rec = self.append(Some(case_id), ev.clone())?;
        let state = case::apply(None, &rec, &ev).ok_or_else(|| {
            Error::Corrupt(format!("event {}/{} makes no case", rec.origin, rec.seq))
        })?;
        state.insert(self.tx)?;
        Ok(state)
    }

    /// Appends a case event and updates the case row the same way replay
    /// would: the new event has the highest clock, so it applies last.
    pub(crate) fn append_case(&mut self, case_id: &str, ev: Event) -> Result<CaseState> {
        let before = CaseState::get(self.tx, case_id)?;
        let new = before.is_none();
        let rec = self.append(Some(case_id), ev.clone())?;
        let after = case::apply(before, &rec, &ev).ok_or_else(|| {
            Error::Corrupt(format!(
                "event {}/{} applies to no case",
                rec.origin, rec.seq
            ))
        })?;
        // A new case has no row to replace: a plain insert is cheaper.
        if new {
            after.insert(self.tx)?;
        } else {
            after.save(self.tx)?;
        }
        Ok(after)
    }
}
