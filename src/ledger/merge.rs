//! Merging events from another ledger: idempotent union of the logs, then
//! deterministic replay of the cases that received events.
//!
//! A file is merged in one transaction: whole, or (refused) not at all.
//! Because replay order is (clock, origin, seq), the result does not depend
//! on the order in which files are merged.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use super::case::{self, CaseState};
use super::error::{Error, Result};
use super::event::{Event, EventRecord};
use super::{Ledger, OfficeInfo, replay};
use crate::domain::CaseId;
use crate::refuse;

/// Who wrote an exchange file (from its end row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exporter {
    pub code: String,
    pub name: String,
    pub district: bool,
    pub max_clock: i64,
}

/// One item of an exchange stream: an event (with the file line it came
/// from and its payload already parsed, which a reader thread can do), and
/// last the exporter.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // one End per file; boxing events would cost an allocation each
pub enum Incoming {
    Event {
        line: u64,
        rec: EventRecord,
        event: Result<Event, String>,
    },
    End(Exporter),
}

/// What merging one file did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeStats {
    pub new_events: u64,
    pub known_events: u64,
    /// Events this ledger does not keep (another office's cases, at an office).
    pub skipped_events: u64,
    pub cases_created: u64,
    pub cases_changed: u64,
}

/// What to do with one incoming event.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    New,
    Known,
    Skip,
    Refuse(String),
}

/// Facts about an incoming event that the rules look at.
#[derive(Debug)]
pub struct Facts<'a> {
    pub rec: &'a EventRecord,
    /// The hash this ledger holds for (origin, seq), if any.
    pub held_hash: Option<&'a str>,
    /// The office the event's case belongs to (from the case id).
    pub case_office: Option<&'a str>,
    /// Whether the event's origin is a district file.
    pub origin_is_district: bool,
    /// The receiving ledger.
    pub receiver: &'a OfficeInfo,
}

/// Every merge rule, in the order they are tried:
///
/// | # | the incoming event …                                           | verdict |
/// |---|----------------------------------------------------------------|---------|
/// | 1 | is held here with the same hash                                | Known: nothing to do (idempotence) |
/// | 2 | is held here with a different hash                             | Refuse: the file rewrites history this ledger holds |
/// | 3 | is on a case of another office, and its origin is not a district | Refuse: an office writes only on its own cases |
/// | 4 | arrives at an office ledger, about another office's case       | Skip: an office keeps its own cases only |
/// | 5 | arrives at an office ledger, is not a case event, and its origin is neither a district nor the office itself | Skip |
/// | 6 | otherwise                                                      | New: insert it |
///
/// An event in the receiver's own name that it does not hold is new: that
/// is an office restoring, from the district's export, what it lost with a
/// damaged file. (It must merge before making new events, or its new events
/// would reuse the lost sequence numbers and the district would refuse them
/// by rule 2.)
///
/// After the whole file is read, one more rule looks at the exporter: a
/// street office's file may carry new events of its own origin and of
/// districts (those it merged back) only; a district's file relays anyone's.
pub fn judge(f: &Facts) -> Verdict {
    let r = f.rec;
    match f.held_hash {
        Some(h) if h == r.hash => return Verdict::Known,
        Some(_) => {
            return Verdict::Refuse(format!(
                "event {}/{} is already held here with different content: the file rewrites history this ledger holds",
                r.origin, r.seq
            ));
        }
        None => {}
    }
    if let Some(office) = f.case_office
        && office != r.origin
        && !f.origin_is_district
    {
        return Verdict::Refuse(format!(
            "event {}/{} is on case {} of office {office}: an office writes only on its own cases",
            r.origin,
            r.seq,
            r.case_id.as_deref().unwrap_or_default()
        ));
    }
    if !f.receiver.district {
        match f.case_office {
            Some(office) if office != f.receiver.code => return Verdict::Skip,
            None if !f.origin_is_district && r.origin != f.receiver.code => return Verdict::Skip,
            _ => {}
        }
    }
    Verdict::New
}

impl Ledger {
    /// Merges one exchange stream. On any refusal nothing is written; with
    /// `dry_run` the work is done and then rolled back. `progress` is called
    /// now and then with the number of events read.
    pub fn merge(
        &mut self,
        items: impl Iterator<Item = Result<Incoming>>,
        dry_run: bool,
        progress: &mut dyn FnMut(u64),
    ) -> Result<MergeStats> {
        let receiver = self.office().clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS merge_touched (id TEXT PRIMARY KEY) WITHOUT ROWID;
             DELETE FROM temp.merge_touched;",
        )?;
        let districts: HashMap<String, bool> = tx
            .prepare("SELECT code, district FROM offices")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut m = Merging {
            conn: &tx,
            receiver: &receiver,
            districts,
            stats: MergeStats::default(),
            new_origins: BTreeSet::new(),
            non_case_new: false,
            max_clock: 0,
            offices_held: HashMap::new(),
            run: Vec::new(),
        };
        let mut exporter: Option<Exporter> = None;
        let mut read = 0u64;
        for item in items {
            let (line, rec, event) = match item? {
                Incoming::Event { line, rec, event } => (line, rec, event),
                Incoming::End(e) => {
                    exporter = Some(e);
                    continue;
                }
            };
            read += 1;
            if read.is_multiple_of(8192) {
                progress(read);
            }
            let breaks_run = m
                .run
                .first()
                .is_some_and(|(_, r, _)| r.case_id != rec.case_id || m.run.len() >= MAX_RUN);
            if breaks_run {
                m.case_run()?;
            }
            if rec.case_id.is_some() {
                m.run.push((line, rec, event));
            } else {
                m.non_case(line, rec, event)?;
            }
        }
        m.case_run()?;
        progress(read);
        let Some(exp) = exporter else {
            refuse!("the file ends without its end row: it was cut short");
        };
        if let Some(&d) = m.districts.get(&exp.code)
            && d != exp.district
        {
            refuse!(
                "the file says it comes from {} {}, but that office is {} a district",
                exp.code,
                exp.name,
                if d { "" } else { "not" }
            );
        }
        for o in &m.new_origins {
            let o_district = m.districts.get(o).copied().unwrap_or(false);
            if *o != exp.code && !exp.district && !o_district {
                refuse!(
                    "{} is a street office's file but carries new events of office {o}: only a district file relays other offices' events",
                    exp.code
                );
            }
        }
        if m.non_case_new {
            rebuild_non_case(&tx)?;
        }
        tx.execute("UPDATE clock SET max = max(max, ?1)", [m.max_clock])?;
        let (created, changed) = replay_touched(&tx)?;
        let mut stats = m.stats;
        stats.cases_created += created;
        stats.cases_changed += changed;
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(stats)
    }
}

/// A case's run of events is handled in pieces of at most this many (a
/// longer run is legal, just unusual; later pieces are replayed).
const MAX_RUN: usize = 4096;

type Parsed = std::result::Result<Event, String>;

/// The state of one merge.
struct Merging<'a> {
    conn: &'a Connection,
    receiver: &'a OfficeInfo,
    /// Which origins are districts: what this ledger knows, plus the
    /// `office.init` events met in the file.
    districts: HashMap<String, bool>,
    stats: MergeStats,
    new_origins: BTreeSet<String>,
    non_case_new: bool,
    max_clock: i64,
    /// Per case office: did this ledger hold any event on its cases when
    /// the merge began?
    offices_held: HashMap<String, bool>,
    /// The current case's events, as read.
    run: Vec<(u64, EventRecord, Parsed)>,
}

fn refusal(line: u64, why: String) -> Error {
    Error::Refused(format!("line {line}: {why}"))
}

impl Merging<'_> {
    /// Checks a new event's payload and inserts it into the log.
    fn insert_new(&mut self, line: u64, rec: &EventRecord, parsed: Parsed) -> Result<Event> {
        let ev =
            parsed.map_err(|e| refusal(line, format!("event {}/{}: {e}", rec.origin, rec.seq)))?;
        if Event::is_case_kind(&rec.kind) != rec.case_id.is_some() {
            return Err(refusal(
                line,
                format!(
                    "event {}/{} ({}) {} a case id",
                    rec.origin,
                    rec.seq,
                    rec.kind,
                    if rec.case_id.is_some() {
                        "should not have"
                    } else {
                        "lacks"
                    }
                ),
            ));
        }
        rec.insert(self.conn).map_err(|e| match e {
            Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                refusal(
                    line,
                    format!(
                        "event {}/{} is already held here with different content: the file rewrites history this ledger holds",
                        rec.origin, rec.seq
                    ),
                )
            }
            e => e,
        })?;
        self.stats.new_events += 1;
        self.max_clock = self.max_clock.max(rec.clock);
        self.new_origins.insert(rec.origin.clone());
        Ok(ev)
    }

    fn verdict(&self, line: u64, rec: &EventRecord, held: Option<&str>) -> Result<Verdict> {
        let case_office = match &rec.case_id {
            None => None,
            Some(c) => Some(
                c.parse::<CaseId>()
                    .map_err(|e| refusal(line, format!("event {}/{}: {e}", rec.origin, rec.seq)))?
                    .office,
            ),
        };
        Ok(judge(&Facts {
            rec,
            held_hash: held,
            case_office: case_office.as_ref().map(|o| o.as_str()),
            origin_is_district: self.districts.get(&rec.origin).copied().unwrap_or(false),
            receiver: self.receiver,
        }))
    }

    /// An event not about a case (an office's or a unit's).
    fn non_case(&mut self, line: u64, rec: EventRecord, parsed: Parsed) -> Result<()> {
        let held: Option<String> = self
            .conn
            .prepare_cached("SELECT hash FROM events WHERE origin = ?1 AND seq = ?2")?
            .query_row(params![rec.origin, rec.seq], |r| r.get(0))
            .optional()?;
        if held.is_none()
            && let Ok(Event::OfficeInit(o)) = &parsed
        {
            self.districts.insert(rec.origin.clone(), o.district);
        }
        match self.verdict(line, &rec, held.as_deref())? {
            Verdict::Known => self.stats.known_events += 1,
            Verdict::Skip => self.stats.skipped_events += 1,
            // Two offices given one code: say so, rather than "history".
            Verdict::Refuse(_) if rec.kind == "office.init" && held.is_some() => {
                let ours: Option<String> = self
                    .conn
                    .query_row(
                        "SELECT name FROM offices WHERE code = ?1",
                        [&rec.origin],
                        |r| r.get(0),
                    )
                    .optional()?;
                let theirs = match &parsed {
                    Ok(Event::OfficeInit(o)) => o.name.clone(),
                    _ => String::from("?"),
                };
                return Err(refusal(
                    line,
                    format!(
                        "office code {} is already {} here, but this file's office {} also calls itself {0}: every office needs its own code (re-create that office's ledger with another `init --office`)",
                        rec.origin,
                        ours.unwrap_or_default(),
                        theirs
                    ),
                ));
            }
            Verdict::Refuse(why) => return Err(refusal(line, why)),
            Verdict::New => {
                self.insert_new(line, &rec, parsed)?;
                self.non_case_new = true;
            }
        }
        Ok(())
    }

    /// One case's run of events. What this ledger holds of the case comes
    /// from one look at the (covering) case index. A case it has never seen
    /// is folded from the run as it goes, without reading anything back;
    /// any other case that gets new events is replayed from the log at the
    /// end.
    fn case_run(&mut self) -> Result<()> {
        let run = std::mem::take(&mut self.run);
        let Some((_, first, _)) = run.first() else {
            return Ok(());
        };
        let id = first.case_id.clone().expect("a case run");
        // A ledger that held nothing of this office's cases when the merge
        // began need not look (the common first merge of an office).
        let office = id.split('-').next().unwrap_or_default().to_string();
        let office_held = match self.offices_held.get(&office) {
            Some(h) => *h,
            None => {
                let h: bool = self
                    .conn
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM events WHERE case_id >= ?1 AND case_id < ?2)",
                    )?
                    .query_row([format!("{office}-"), format!("{office}.")], |r| r.get(0))?;
                self.offices_held.insert(office, h);
                h
            }
        };
        let held: Vec<(String, i64, String)> = if office_held {
            self.conn
                .prepare_cached("SELECT origin, seq, hash FROM events WHERE case_id = ?1")?
                .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            Vec::new()
        };
        // Some while the case is new here and its events come in replay
        // order: the state so far and the last event's replay key.
        let mut fold: Option<(Option<CaseState>, (i64, String, i64))> =
            held.is_empty().then(|| (None, (0, String::new(), 0)));
        let mut touched = false;
        let mut inserted = false;
        for (line, rec, parsed) in run {
            let held_hash = held
                .iter()
                .find(|h| h.0 == rec.origin && h.1 == rec.seq)
                .map(|h| h.2.as_str());
            match self.verdict(line, &rec, held_hash)? {
                Verdict::Known => self.stats.known_events += 1,
                Verdict::Skip => self.stats.skipped_events += 1,
                Verdict::Refuse(why) => return Err(refusal(line, why)),
                Verdict::New => {
                    let ev = self.insert_new(line, &rec, parsed)?;
                    inserted = true;
                    let key = (rec.clock, rec.origin.clone(), rec.seq);
                    match &mut fold {
                        Some((state, last)) if key > *last => {
                            *state = case::apply(state.take(), &rec, &ev);
                            *last = key;
                        }
                        _ => {
                            fold = None;
                            touched = true;
                        }
                    }
                }
            }
        }
        // A run that makes no case (no add in it: its add is held, or came
        // in an earlier run of this file) is replayed too.
        if matches!(fold, Some((None, _))) && inserted {
            touched = true;
        }
        if !touched && let Some((Some(state), _)) = fold {
            match state.insert(self.conn) {
                Ok(()) => {
                    self.stats.cases_created += 1;
                    return Ok(());
                }
                // Made earlier in this merge: the file split the case's
                // events into two runs. Replay sorts it out.
                Err(Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    self.stats.cases_created = self.stats.cases_created.saturating_sub(1);
                    touched = true;
                }
                Err(e) => return Err(e),
            }
        }
        if touched {
            self.conn
                .prepare_cached("INSERT OR IGNORE INTO temp.merge_touched (id) VALUES (?1)")?
                .execute([&id])?;
        }
        Ok(())
    }
}

/// Rebuilds the offices and local units from the non-case events.
fn rebuild_non_case(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM units WHERE builtin = 0; DELETE FROM offices;")?;
    let mut st = conn.prepare(&format!(
        "SELECT {} FROM events WHERE case_id IS NULL ORDER BY clock, origin, seq",
        EventRecord::COLUMNS
    ))?;
    let recs = st.query_map([], EventRecord::from_row)?;
    for rec in recs {
        let rec = rec?;
        replay::apply_non_case(conn, &rec, &rec.event()?)?;
    }
    Ok(())
}

/// Replays every case in `merge_touched`; returns (created, changed).
/// Case by case: a join would tempt the planner into walking the whole
/// case index for a handful of touched cases.
fn replay_touched(conn: &Connection) -> Result<(u64, u64)> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM temp.merge_touched ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let (mut created, mut changed) = (0, 0);
    for id in ids {
        let mut after = None;
        for rec in EventRecord::for_case(conn, &id)? {
            let ev = rec.event()?;
            after = case::apply(after, &rec, &ev);
        }
        let Some(after) = after else { continue };
        match CaseState::get(conn, &id)? {
            None => {
                created += 1;
                after.insert(conn)?;
            }
            Some(before) if before != after => {
                changed += 1;
                after.save(conn)?;
            }
            Some(_) => {}
        }
    }
    Ok((created, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(origin: &str, case_id: Option<&str>) -> EventRecord {
        EventRecord {
            origin: origin.into(),
            seq: 5,
            clock: 9,
            at: "2026-11-26T10:00:00+08:00".into(),
            actor: String::new(),
            kind: if case_id.is_some() {
                "case.note"
            } else {
                "unit.add"
            }
            .into(),
            case_id: case_id.map(Into::into),
            payload: "{}".into(),
            hash: "h".into(),
        }
    }

    fn office(code: &str, district: bool) -> OfficeInfo {
        OfficeInfo {
            code: code.into(),
            name: String::new(),
            district,
        }
    }

    fn verdict(
        r: &EventRecord,
        held: Option<&str>,
        origin_is_district: bool,
        receiver: &OfficeInfo,
    ) -> Verdict {
        let case_office = r
            .case_id
            .as_deref()
            .map(|c| c.split('-').next().unwrap().to_string());
        judge(&Facts {
            rec: r,
            held_hash: held,
            case_office: case_office.as_deref(),
            origin_is_district,
            receiver,
        })
    }

    #[test]
    fn rule_1_a_held_identical_event_is_known() {
        let r = rec("S01", Some("S01-2026-0001"));
        assert_eq!(
            verdict(&r, Some("h"), false, &office("D", true)),
            Verdict::Known
        );
    }

    #[test]
    fn rule_2_a_held_event_with_other_content_is_refused() {
        let r = rec("S01", Some("S01-2026-0001"));
        let v = verdict(&r, Some("other"), false, &office("D", true));
        assert!(matches!(v, Verdict::Refuse(m) if m.contains("rewrites history")));
    }

    #[test]
    fn rule_3_an_office_writing_on_another_offices_case_is_refused() {
        let r = rec("S02", Some("S01-2026-0001"));
        let v = verdict(&r, None, false, &office("D", true));
        assert!(matches!(v, Verdict::Refuse(m) if m.contains("only on its own cases")));
        // A district may.
        let r = rec("D", Some("S01-2026-0001"));
        assert_eq!(verdict(&r, None, true, &office("S01", false)), Verdict::New);
    }

    #[test]
    fn rule_4_an_office_skips_other_offices_cases() {
        let r = rec("S02", Some("S02-2026-0001"));
        assert_eq!(
            verdict(&r, None, false, &office("S01", false)),
            Verdict::Skip
        );
        let r = rec("D", Some("S02-2026-0001"));
        assert_eq!(
            verdict(&r, None, true, &office("S01", false)),
            Verdict::Skip
        );
    }

    #[test]
    fn rule_5_an_office_skips_other_offices_non_case_events() {
        let r = rec("S02", None);
        assert_eq!(
            verdict(&r, None, false, &office("S01", false)),
            Verdict::Skip
        );
        let r = rec("D", None);
        assert_eq!(verdict(&r, None, true, &office("S01", false)), Verdict::New);
    }

    #[test]
    fn rule_6_everything_else_is_new() {
        let r = rec("S01", Some("S01-2026-0001"));
        assert_eq!(verdict(&r, None, false, &office("D", true)), Verdict::New);
        // Including an office taking back its own lost events.
        assert_eq!(
            verdict(&r, None, false, &office("S01", false)),
            Verdict::New
        );
        let r = rec("S01", None);
        assert_eq!(
            verdict(&r, None, false, &office("S01", false)),
            Verdict::New
        );
    }
}
