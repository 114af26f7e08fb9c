//! Merging events from another ledger: idempotent union of the logs, then
//! deterministic replay of the cases that received events.
//!
//! A file is merged in one transaction: whole, or (refused) not at all.
//! Because replay order is (clock, origin, seq), the result does not depend
//! on the order in which files were merged. The receiver, not the file,
//! decides what the file may bring: who wrote it is proven by its seal
//! (`keys.rs`), what that writer may change is [`judge`], and every new
//! event passes the content rules of the commands (`rules.rs`).

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use super::case::{self, CaseState};
use super::error::{Error, Result};
use super::event::{Event, EventRecord};
use super::keys::{self, PublicKey, SealFields};
use super::rules::Rules;
use super::{Ledger, OfficeInfo, replay};
use crate::domain::CaseId;
use crate::refuse;

/// Who says they wrote an exchange file (its first row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exporter {
    pub code: String,
    pub name: String,
    pub district: bool,
    /// The exporter's public key, as text.
    pub key: String,
    /// The clock the export started after (0: everything).
    pub since: i64,
}

/// The end of an exchange file: what it holds, and the exporter's
/// signature over that and the [`Exporter`] fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seal {
    /// The line of the end row.
    pub line: u64,
    pub events: u64,
    pub max_clock: i64,
    /// SHA-256 of the event hashes, each followed by a newline (checked by
    /// the reader against the rows it read).
    pub digest: String,
    pub signature: String,
}

/// One item of an exchange stream: first the exporter, then the events
/// (with the file line each came from and its payload already parsed,
/// which a reader thread can do), last the seal.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // one Begin and one End per file; boxing events would cost an allocation each
pub enum Incoming {
    Begin(Exporter),
    Event {
        line: u64,
        rec: EventRecord,
        event: Result<Event, String>,
    },
    End(Seal),
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
    /// Cases on which this file's events conflict with work held here
    /// (see `case::apply`).
    pub conflicts: Vec<String>,
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
    /// The event, if its payload parsed.
    pub event: Option<&'a Event>,
    /// The hash this ledger holds for (origin, seq), if any.
    pub held_hash: Option<&'a str>,
    /// The office the event's case belongs to (from the case id).
    pub case_office: Option<&'a str>,
    /// Whether the event's origin is a district: the receiver itself if it
    /// is one, or the exporter if this ledger trusts it as its district.
    pub origin_is_district: bool,
    /// Who wrote the file (its seal is checked at the end).
    pub exporter: &'a Exporter,
    /// The receiving ledger.
    pub receiver: &'a OfficeInfo,
}

/// Every merge rule, in the order they are tried:
///
/// | # | the incoming event …                                           | verdict |
/// |---|----------------------------------------------------------------|---------|
/// | 1 | is held here with the same hash                                | Known: nothing to do (idempotence) |
/// | 2 | is held here with a different hash                             | Refuse: the file rewrites history this ledger holds |
/// | 3 | is not the exporter's own, and the exporter is a street office | Refuse: an office's file brings new events of its own only (it relays what it received, which is held here) |
/// | 4 | is on a case of another office, and its origin is not a district | Refuse: an office writes only on its own cases |
/// | 5 | registers a case (case.add) of another office than its origin  | Refuse: only a case's own office registers it |
/// | 6 | is an office.init claiming a district, and its origin is not one | Refuse: no file makes a district |
/// | 7 | arrives at an office ledger, about another office's case       | Skip: an office keeps its own cases only |
/// | 8 | arrives at an office ledger, is not a case event nor a unit.add, and its origin is neither a district nor the office itself | Skip |
/// | 9 | otherwise                                                      | New: checked by the content rules, then inserted |
///
/// An event in the receiver's own name that it does not hold, relayed by
/// its district, is new: that is an office restoring what it lost with a
/// damaged file (`init --restore`).
///
/// Around the events: the file's first row names its exporter, whose key
/// must be registered here (`ledger trust`) and whose role must be the
/// other side's (an office takes its district's files, a district its
/// offices'); its last row's signature must verify with that key. Each
/// origin the file holds completely (the exporter's own; every origin in a
/// district's file) must be one unbroken run of sequence numbers that
/// continues what this ledger holds when it keeps all of that origin's
/// events. A duplicate close must name a case that exists wherever that
/// case's office's cases are kept.
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
    if r.origin != f.exporter.code && !f.exporter.district {
        return Verdict::Refuse(format!(
            "event {}/{} ({}) is not {}'s own and is not held here: a street office's file brings new events of that office only",
            r.origin, r.seq, r.kind, f.exporter.code
        ));
    }
    if let Some(office) = f.case_office
        && office != r.origin
    {
        if !f.origin_is_district {
            return Verdict::Refuse(format!(
                "event {}/{} is on case {} of office {office}: an office writes only on its own cases",
                r.origin,
                r.seq,
                r.case_id.as_deref().unwrap_or_default()
            ));
        }
        if matches!(f.event, Some(Event::CaseAdd(_))) {
            return Verdict::Refuse(format!(
                "event {}/{} registers case {} of office {office}: only a case's own office registers it",
                r.origin,
                r.seq,
                r.case_id.as_deref().unwrap_or_default()
            ));
        }
    }
    if let Some(Event::OfficeInit(o)) = f.event
        && o.district
        && !f.origin_is_district
    {
        return Verdict::Refuse(format!(
            "event {}/{} makes {} a district, which this ledger does not take it for: no file makes a district",
            r.origin, r.seq, r.origin
        ));
    }
    if !f.receiver.district {
        match f.case_office {
            Some(office) if office != f.receiver.code => return Verdict::Skip,
            None if !f.origin_is_district
                && r.origin != f.receiver.code
                && !matches!(f.event, Some(Event::UnitAdd(_))) =>
            {
                return Verdict::Skip;
            }
            _ => {}
        }
    }
    Verdict::New
}

/// Per origin: what the file holds of it, and what this ledger held.
#[derive(Clone, Copy, Debug)]
struct Run {
    min: i64,
    max: i64,
    count: i64,
    held_max: i64,
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
        let mut m = Merging {
            conn: &tx,
            receiver: &receiver,
            rules: Rules::load(&tx)?,
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
        };
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
                refuse!("line {line}: the file does not say who wrote it (no export.begin row)");
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
            refuse!("the file ends without its end row: it was cut short");
        }
        m.runs_unbroken()?;
        m.duplicates_exist()?;
        if m.non_case_new {
            rebuild_non_case(&tx, &receiver.code)?;
        }
        tx.execute("UPDATE clock SET max = max(max, ?1)", [m.max_clock])?;
        let (created, changed) = replay_touched(&tx, &mut m.conflicts)?;
        let mut stats = m.stats;
        stats.cases_created += created;
        stats.cases_changed += changed;
        stats.conflicts = m.conflicts.into_iter().collect();
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(stats)
    }
}

fn role(district: bool) -> &'static str {
    if district {
        "the district"
    } else {
        "a street office"
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
    origins: HashMap<String, Run>,
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

fn refusal(line: u64, why: String) -> Error {
    Error::Refused(format!("line {line}: {why}"))
}

impl Merging<'_> {
    fn exporter(&self) -> &Exporter {
        self.exporter
            .as_ref()
            .expect("checked when the first event came")
    }

    /// The file's first row: is its writer one this ledger takes files from?
    fn begin(&mut self, e: Exporter) -> Result<()> {
        if self.exporter.is_some() {
            refuse!("line 2: a second export.begin row: the file was put together by hand");
        }
        let me = self.receiver;
        let key = if e.code == me.code {
            if e.district != me.district {
                refuse!(
                    "line 2: the file says it comes from {} as {}, but this ledger is {0} as {}",
                    e.code,
                    role(e.district),
                    role(me.district)
                );
            }
            keys::public(self.conn)?
        } else {
            let Some(key) = keys::trusted(self.conn, &e.code)? else {
                refuse!(
                    "line 2: it comes from {} {}, whose key is not registered here: ask {0} to read out what `ledger key` prints there, then run `ledger trust {0} KEY` (this file gives the key {})",
                    e.code,
                    e.name,
                    e.key
                        .parse::<PublicKey>()
                        .map_or_else(|_| "(unreadable)".to_string(), |k| k.short())
                );
            };
            if e.district == me.district {
                refuse!(
                    "line 2: it comes from {} {}, {}, and this ledger is {}: a street office takes its district's files, a district its offices'",
                    e.code,
                    e.name,
                    role(e.district),
                    role(me.district)
                );
            }
            key
        };
        if key.to_string() != e.key {
            refuse!(
                "line 2: it says it comes from {}, but not with the key registered here for {0} ({}): it was not written by {0}'s ledger, or {0} made its ledger anew (then register its new key with `ledger trust {0} KEY --replace`)",
                e.code,
                key.short()
            );
        }
        self.key = Some(key);
        self.exporter = Some(e);
        Ok(())
    }

    /// The file's last row: the exporter's signature over what it holds.
    fn seal(&mut self, seal: &Seal) -> Result<()> {
        let (Some(e), Some(key)) = (&self.exporter, &self.key) else {
            refuse!("line {}: an end row without a begin row", seal.line);
        };
        let message = SealFields {
            code: &e.code,
            name: &e.name,
            district: e.district,
            key: &e.key,
            since: e.since,
            events: seal.events,
            max_clock: seal.max_clock,
            digest: &seal.digest,
        }
        .message();
        if !key.verifies(&message, &seal.signature) {
            refuse!(
                "line {}: the signature does not verify with {}'s key: the file was altered, or not written by {0}'s ledger",
                seal.line,
                e.code
            );
        }
        Ok(())
    }

    /// Counts a row of the file under its origin (before it is inserted, so
    /// that what this ledger held is read first).
    fn saw(&mut self, rec: &EventRecord) -> Result<()> {
        if let Some(r) = self.origins.get_mut(&rec.origin) {
            r.min = r.min.min(rec.seq);
            r.max = r.max.max(rec.seq);
            r.count += 1;
            return Ok(());
        }
        let held_max: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(max(seq), 0) FROM events WHERE origin = ?1")?
            .query_row([&rec.origin], |r| r.get(0))?;
        self.origins.insert(
            rec.origin.clone(),
            Run {
                min: rec.seq,
                max: rec.seq,
                count: 1,
                held_max,
            },
        );
        Ok(())
    }

    /// Each origin the file holds completely is one unbroken run that
    /// continues what this ledger holds (where it keeps all of it).
    fn runs_unbroken(&self) -> Result<()> {
        let e = self.exporter();
        let mut origins: Vec<_> = self.origins.iter().collect();
        origins.sort_by(|a, b| a.0.cmp(b.0));
        for (origin, r) in origins {
            let complete = *origin == e.code || e.district;
            if !complete {
                continue;
            }
            if r.count != r.max - r.min + 1 {
                refuse!(
                    "the events of {origin} in it are not one unbroken run ({} events between {origin}/{} and {origin}/{}): rows were removed or added by hand",
                    r.count,
                    r.min,
                    r.max
                );
            }
            let keeps_all = self.receiver.district || *origin == self.receiver.code;
            if keeps_all && r.min > r.held_max + 1 {
                refuse!(
                    "its events of {origin} start at {origin}/{}, but this ledger holds {origin}'s only up to {origin}/{}: a file between them is missing; merge that first, or a full export (`ledger export` without --since)",
                    r.min,
                    r.held_max
                );
            }
        }
        Ok(())
    }

    /// A duplicate close names a case that exists, wherever that case's
    /// office's cases are kept.
    fn duplicates_exist(&self) -> Result<()> {
        for (line, target) in &self.duplicates {
            let office = target.split('-').next().unwrap_or_default();
            if !self.receiver.district && office != self.receiver.code {
                continue;
            }
            let exists: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM events WHERE case_id = ?1 AND kind = 'case.add')",
                )?
                .query_row([target], |r| r.get(0))?;
            if !exists {
                return Err(refusal(
                    *line,
                    format!("a case is closed as a duplicate of {target}, which does not exist"),
                ));
            }
        }
        Ok(())
    }

    /// Checks a new event's payload against the content rules and inserts
    /// it into the log.
    fn insert_new(&mut self, line: u64, rec: &EventRecord, parsed: Parsed) -> Result<Event> {
        let bad = |why: String| {
            refusal(
                line,
                format!("event {}/{} ({}): {why}", rec.origin, rec.seq, rec.kind),
            )
        };
        let ev = parsed.map_err(bad)?;
        self.rules.check(rec, &ev).map_err(bad)?;
        if let Event::CaseClose(c) = &ev
            && let Some(d) = &c.duplicate_of
        {
            self.duplicates.push((line, d.clone()));
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
        Ok(ev)
    }

    fn verdict(
        &mut self,
        line: u64,
        rec: &EventRecord,
        parsed: &Parsed,
        held: Option<&str>,
    ) -> Result<Verdict> {
        self.saw(rec)?;
        let case_office = match &rec.case_id {
            None => None,
            Some(c) => Some(
                c.parse::<CaseId>()
                    .map_err(|e| refusal(line, format!("event {}/{}: {e}", rec.origin, rec.seq)))?
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
        match self.verdict(line, &rec, &parsed, held.as_deref())? {
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
            match self.verdict(line, &rec, &parsed, held_hash)? {
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
                .execute([&id])?;
        }
        Ok(())
    }
}

/// Rebuilds the offices and local units from the non-case events.
fn rebuild_non_case(conn: &Connection, own: &str) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM units WHERE builtin = 0; DELETE FROM offices; DELETE FROM trust;",
    )?;
    let mut st = conn.prepare(&format!(
        "SELECT {} FROM events WHERE case_id IS NULL ORDER BY clock, origin, seq",
        EventRecord::COLUMNS
    ))?;
    let recs = st.query_map([], EventRecord::from_row)?;
    for rec in recs {
        let rec = rec?;
        replay::apply_non_case(conn, own, &rec, &rec.event()?)?;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::event::{CaseAdd, CaseNote, OfficeInit, UnitAdd};

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

    fn exporter(code: &str, district: bool) -> Exporter {
        Exporter {
            code: code.into(),
            name: String::new(),
            district,
            key: String::new(),
            since: 0,
        }
    }

    fn note() -> Event {
        Event::CaseNote(CaseNote { text: "x".into() })
    }

    fn unit() -> Event {
        Event::UnitAdd(UnitAdd {
            code: "SQ".into(),
            name: "x".into(),
        })
    }

    /// The verdict on `r` (whose payload is `ev`) in a file from `from`,
    /// at `receiver`, holding `held`.
    fn verdict(
        r: &EventRecord,
        ev: &Event,
        held: Option<&str>,
        from: &Exporter,
        receiver: &OfficeInfo,
    ) -> Verdict {
        let case_office = r
            .case_id
            .as_deref()
            .map(|c| c.split('-').next().unwrap().to_string());
        judge(&Facts {
            rec: r,
            event: Some(ev),
            held_hash: held,
            case_office: case_office.as_deref(),
            origin_is_district: (r.origin == receiver.code && receiver.district)
                || (r.origin == from.code && from.district),
            exporter: from,
            receiver,
        })
    }

    #[test]
    fn rule_1_a_held_identical_event_is_known() {
        let r = rec("S01", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            Some("h"),
            &exporter("S01", false),
            &office("D", true),
        );
        assert_eq!(v, Verdict::Known);
        // Even a district event relayed by an office, once held.
        let r = rec("D", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            Some("h"),
            &exporter("S01", false),
            &office("D", true),
        );
        assert_eq!(v, Verdict::Known);
    }

    #[test]
    fn rule_2_a_held_event_with_other_content_is_refused() {
        let r = rec("S01", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            Some("other"),
            &exporter("S01", false),
            &office("D", true),
        );
        assert!(matches!(v, Verdict::Refuse(m) if m.contains("rewrites history")));
    }

    #[test]
    fn rule_3_an_office_file_brings_no_new_event_of_another_origin() {
        // A clerk's forged event in the district's name (issue 10).
        let r = rec("D", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("S01", false),
            &office("D", true),
        );
        assert!(
            matches!(v, Verdict::Refuse(m) if m.contains("office's file brings new events of that office only"))
        );
        let r = rec("S02", None);
        let v = verdict(
            &r,
            &unit(),
            None,
            &exporter("S01", false),
            &office("D", true),
        );
        assert!(matches!(v, Verdict::Refuse(_)));
    }

    #[test]
    fn rule_4_an_office_writing_on_another_offices_case_is_refused() {
        let r = rec("S02", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("S02", false),
            &office("D", true),
        );
        assert!(matches!(v, Verdict::Refuse(m) if m.contains("only on its own cases")));
        // A district may.
        let r = rec("D", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_5_only_a_cases_own_office_registers_it() {
        let r = rec("D", Some("S01-2026-0001"));
        let add = Event::CaseAdd(CaseAdd {
            received_at: "2026-11-26T10:00:00+08:00".into(),
            source: crate::domain::Source::Hotline,
            source_ref: None,
            community: "c".into(),
            address: None,
            summary: "s".into(),
            details: None,
            complainant: None,
            phone: None,
            subject: None,
            problem: None,
            party: None,
            key: false,
            suggested: false,
        });
        let v = verdict(&r, &add, None, &exporter("D", true), &office("S01", false));
        assert!(matches!(v, Verdict::Refuse(m) if m.contains("only a case's own office")));
    }

    #[test]
    fn rule_6_no_file_makes_a_district() {
        let r = rec("S01", None);
        let init = Event::OfficeInit(OfficeInit {
            name: "x".into(),
            district: true,
        });
        let v = verdict(&r, &init, None, &exporter("S01", false), &office("D", true));
        assert!(matches!(v, Verdict::Refuse(m) if m.contains("no file makes a district")));
        let r = rec("D", None);
        let v = verdict(&r, &init, None, &exporter("D", true), &office("S01", false));
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_7_an_office_skips_other_offices_cases() {
        let r = rec("S02", Some("S02-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::Skip);
        let r = rec("D", Some("S02-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::Skip);
    }

    #[test]
    fn rule_8_an_office_skips_other_offices_non_case_events_but_units() {
        let r = rec("S02", None);
        let co = Event::CaseNote(CaseNote { text: "x".into() });
        let v = verdict(&r, &co, None, &exporter("D", true), &office("S01", false));
        assert_eq!(v, Verdict::Skip);
        let v = verdict(
            &r,
            &unit(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::New);
        let r = rec("D", None);
        let v = verdict(
            &r,
            &unit(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::New);
    }

    #[test]
    fn rule_9_everything_else_is_new() {
        let r = rec("S01", Some("S01-2026-0001"));
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("S01", false),
            &office("D", true),
        );
        assert_eq!(v, Verdict::New);
        // Including an office taking back, from its district, its own
        // lost events.
        let v = verdict(
            &r,
            &note(),
            None,
            &exporter("D", true),
            &office("S01", false),
        );
        assert_eq!(v, Verdict::New);
    }
}
