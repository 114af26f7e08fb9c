//! Merging events from another ledger: idempotent union of the logs, then
//! deterministic replay of the cases that received events.
//!
//! A file is merged in one transaction: whole, or (refused) not at all.
//! Because replay order is (clock, origin, seq), the result does not depend
//! on the order in which files were merged. The receiver, not the file,
//! decides what the file may bring: who wrote it is proven by its seal
//! (`keys.rs`), what that writer may change is [`judge`], and every new
//! event passes the content rules of the commands (`rules/mod.rs`).

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

mod file;
mod judge;
mod stream;

pub use judge::{Facts, Verdict, judge};
pub use stream::{Exporter, Incoming, Seal};

use super::case::{self, CaseState};
use super::error::{Break, Error, EventRef, Refusal, Result};
use super::event::{Event, EventRecord, Kind};
use super::keys::PublicKey;
use super::rules::Rules;
use super::{Ledger, OfficeInfo, Then, replay};
use crate::domain::CaseId;
use crate::ledger::error::refuse;

/// What merging one file did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeStats {
    pub new_events: u64,
    pub known_events: u64,
    /// Events this ledger does not keep (another office's cases, at an office).
    pub skipped_events: u64,
    pub cases_created: u64,
    pub cases_changed: u64,
    /// Cases on which this file's events conflict with work held here
    /// (see `case::apply`).
    pub conflicts: Vec<String>,
}

impl Ledger {
    /// Merges one exchange stream. On any refusal nothing is written; with
    /// [`Then::RollBack`] the work is done and then rolled back. `progress` is called
    /// now and then with the number of events read.
    pub fn merge(
        &mut self,
        items: impl Iterator<Item = Result<Incoming>>,
        then: Then,
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
        let mut m = Merging::new(&tx, &receiver)?;
        let mut sealed = false;
        let mut read = 0u64;
        for item in items {
            let (line, rec, event) = match item? {
                Incoming::Begin(e) => {
                    m.begin(e)?;
                    continue;
                }
                Incoming::Event { line, rec, event } => (line, rec, event),
                Incoming::End(seal) => {
                    m.case_run()?;
                    m.seal(&seal)?;
                    sealed = true;
                    continue;
                }
            };
            if m.exporter.is_none() {
                return Err(Refusal::NoBegin.at(line));
            }
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
        if !sealed {
            refuse!(Refusal::NoEnd);
        }
        m.runs_unbroken()?;
        m.duplicates_exist()?;
        if m.non_case_new {
            replay::rebuild_non_case(&tx, &receiver.code)?;
        }
        tx.execute("UPDATE clock SET max = max(max, ?1)", [m.max_clock])?;
        let (created, changed) = replay_touched(&tx, &mut m.conflicts)?;
        let mut stats = m.stats;
        stats.cases_created += created;
        stats.cases_changed += changed;
        stats.conflicts = m.conflicts.into_iter().collect();
        then.finish(tx)?;
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
    rules: Rules,
    /// From the file's first row, once its key is found registered.
    exporter: Option<Exporter>,
    key: Option<PublicKey>,
    stats: MergeStats,
    /// Every origin in the file (all its rows, whatever their verdict).
    origins: HashMap<String, file::Run>,
    non_case_new: bool,
    max_clock: i64,
    /// Per case office: did this ledger hold any event on its cases when
    /// the merge began?
    offices_held: HashMap<String, bool>,
    /// (line, duplicate_of) of new duplicate closes, checked at the end.
    duplicates: Vec<(u64, String)>,
    /// Cases that gained a conflict.
    conflicts: BTreeSet<String>,
    /// The current case's events, as read.
    run: Vec<(u64, EventRecord, Parsed)>,
}

impl<'a> Merging<'a> {
    fn new(conn: &'a Connection, receiver: &'a OfficeInfo) -> Result<Merging<'a>> {
        Ok(Merging {
            conn,
            receiver,
            rules: Rules::load(conn)?,
            exporter: None,
            key: None,
            stats: MergeStats::default(),
            origins: HashMap::new(),
            non_case_new: false,
            max_clock: 0,
            offices_held: HashMap::new(),
            duplicates: Vec::new(),
            conflicts: BTreeSet::new(),
            run: Vec::new(),
        })
    }
}

impl Merging<'_> {
    fn exporter(&self) -> &Exporter {
        self.exporter
            .as_ref()
            .expect("checked when the first event came")
    }

    /// Checks a new event's payload against the content rules and inserts
    /// it into the log.
    fn insert_new(&mut self, line: u64, rec: &EventRecord, parsed: Parsed) -> Result<Event> {
        let bad = |why: Break| {
            Refusal::EventBreaks {
                event: EventRef::of(rec),
                why,
            }
            .at(line)
        };
        let ev = parsed.map_err(|e| bad(Break::Payload(e)))?;
        self.rules.check(rec, &ev).map_err(bad)?;
        if let Event::CaseClose(c) = &ev
            && let Some(d) = &c.duplicate_of
        {
            self.duplicates.push((line, d.clone()));
        }
        if let Err(e) = rec.insert(self.conn) {
            return Err(match e {
                // Not held when this event was judged: an earlier row of
                // this same file took the number.
                Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                    if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                {
                    self.taken_in_file(rec)?.at(line)
                }
                e => e,
            });
        }
        self.stats.new_events += 1;
        self.max_clock = self.max_clock.max(rec.clock);
        Ok(ev)
    }

    /// Why an event's number is taken by an earlier row of the file.
    fn taken_in_file(&self, rec: &EventRecord) -> Result<Refusal> {
        let held: String = self.conn.query_row(
            "SELECT hash FROM events WHERE origin = ?1 AND seq = ?2",
            params![rec.origin, rec.seq],
            |r| r.get(0),
        )?;
        let (origin, seq) = (rec.origin.clone(), rec.seq);
        Ok(if held == rec.hash {
            Refusal::RepeatedInFile { origin, seq }
        } else {
            Refusal::NumberTwiceInFile { origin, seq }
        })
    }

    fn verdict(
        &self,
        line: u64,
        rec: &EventRecord,
        parsed: &Parsed,
        held: Option<&str>,
    ) -> Result<Verdict> {
        let case_office = match &rec.case_id {
            None => None,
            Some(c) => Some(
                c.parse::<CaseId>()
                    .map_err(|why| {
                        Refusal::CaseIdUnreadable {
                            origin: rec.origin.clone(),
                            seq: rec.seq,
                            why,
                        }
                        .at(line)
                    })?
                    .office,
            ),
        };
        let exporter = self.exporter();
        let origin_is_district = (rec.origin == self.receiver.code && self.receiver.district)
            || (rec.origin == exporter.code && exporter.district);
        Ok(judge(&Facts {
            rec,
            event: parsed.as_ref().ok(),
            held_hash: held,
            case_office: case_office.as_ref().map(|o| o.as_str()),
            origin_is_district,
            exporter,
            receiver: self.receiver,
        }))
    }

    /// An event not about a case (an office's, a unit's, a key's, credit).
    fn non_case(&mut self, line: u64, rec: EventRecord, parsed: Parsed) -> Result<()> {
        let held: Option<String> = self
            .conn
            .prepare_cached("SELECT hash FROM events WHERE origin = ?1 AND seq = ?2")?
            .query_row(params![rec.origin, rec.seq], |r| r.get(0))
            .optional()?;
        // Units a file names may be assigned to by its later rows, whether
        // or not this ledger keeps the unit.add itself.
        if let Ok(Event::UnitAdd(u)) = &parsed {
            self.rules.learn_unit(&u.code);
        }
        self.saw(&rec)?;
        match self.verdict(line, &rec, &parsed, held.as_deref())? {
            Verdict::Known => self.stats.known_events += 1,
            Verdict::Skip => self.stats.skipped_events += 1,
            // Two offices given one code: say so, rather than "history".
            Verdict::Refuse(_) if rec.kind == Kind::OfficeInit.name() && held.is_some() => {
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
                return Err(Refusal::CodeClash {
                    code: rec.origin.clone(),
                    ours: ours.unwrap_or_default(),
                    theirs,
                }
                .at(line));
            }
            Verdict::Refuse(why) => return Err(why.at(line)),
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
        let held = self.held(&id)?;
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
            self.saw(&rec)?;
            match self.verdict(line, &rec, &parsed, held_hash)? {
                Verdict::Known => self.stats.known_events += 1,
                Verdict::Skip => self.stats.skipped_events += 1,
                Verdict::Refuse(why) => return Err(why.at(line)),
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
        self.save_run(&id, fold, touched, inserted)
    }

    /// The (origin, seq, hash) of the events this ledger holds on case `id`.
    fn held(&mut self, id: &str) -> Result<Vec<(String, i64, String)>> {
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
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            Vec::new()
        };
        Ok(held)
    }

    /// Saves the case a run folded in memory, or marks it for replay.
    fn save_run(
        &mut self,
        id: &str,
        fold: Option<(Option<CaseState>, (i64, String, i64))>,
        mut touched: bool,
        inserted: bool,
    ) -> Result<()> {
        // A run that makes no case (no add in it: its add is held, or came
        // in an earlier run of this file) is replayed too.
        if matches!(fold, Some((None, _))) && inserted {
            touched = true;
        }
        if !touched && let Some((Some(state), _)) = fold {
            match state.insert(self.conn) {
                Ok(()) => {
                    if state.conflict {
                        self.conflicts.insert(state.id.clone());
                    }
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
                .execute([id])?;
        }
        Ok(())
    }
}

/// Replays every case in `merge_touched`; returns (created, changed).
/// Case by case: a join would tempt the planner into walking the whole
/// case index for a handful of touched cases.
fn replay_touched(conn: &Connection, conflicts: &mut BTreeSet<String>) -> Result<(u64, u64)> {
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
        let before = CaseState::get(conn, &id)?;
        if after.conflict && !before.as_ref().is_some_and(|b| b.conflict) {
            conflicts.insert(id.clone());
        }
        match before {
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
