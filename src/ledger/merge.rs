//! Merging events from another ledger: idempotent union of the logs, then
//! deterministic replay of the cases that received events.
//!
//! A file is merged in one transaction: whole, or (refused) not at all.
//! Because replay order is (clock, origin, seq), the result does not depend
//! on the order in which files are merged.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, TransactionBehavior, params};
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
        let mut districts: HashMap<String, bool> = tx
            .prepare("SELECT code, district FROM offices")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let held_max: HashMap<String, i64> = tx
            .prepare("SELECT origin, max(seq) FROM events GROUP BY origin")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stats = MergeStats::default();
        let mut new_origins: BTreeSet<String> = BTreeSet::new();
        let mut non_case_new = false;
        let mut exporter: Option<Exporter> = None;
        let mut read = 0u64;
        let mut run = CaseRun::default();
        {
            let mut held_st =
                tx.prepare_cached("SELECT hash FROM events WHERE origin = ?1 AND seq = ?2")?;
            let mut touch_st =
                tx.prepare_cached("INSERT OR IGNORE INTO temp.merge_touched (id) VALUES (?1)")?;
            for item in items {
                let (line, rec, parsed) = match item? {
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
                let refuse = |why: String| Error::Refused(format!("line {line}: {why}"));
                // Past the largest seq held for its origin, an event cannot
                // be held: no need to look.
                let beyond = held_max.get(&rec.origin).is_none_or(|m| rec.seq > *m);
                let held: Option<String> = if beyond {
                    None
                } else {
                    held_st
                        .query_row(params![rec.origin, rec.seq], |r| r.get(0))
                        .map(Some)
                        .or_else(|e| match e {
                            rusqlite::Error::QueryReturnedNoRows => Ok(None),
                            e => Err(e),
                        })?
                };
                // Known events were checked when they first arrived.
                let ev = if held.is_none() {
                    let ev = parsed
                        .map_err(|e| refuse(format!("event {}/{}: {e}", rec.origin, rec.seq)))?;
                    if Event::is_case_kind(&rec.kind) != rec.case_id.is_some() {
                        return Err(refuse(format!(
                            "event {}/{} ({}) {} a case id",
                            rec.origin,
                            rec.seq,
                            rec.kind,
                            if rec.case_id.is_some() {
                                "should not have"
                            } else {
                                "lacks"
                            }
                        )));
                    }
                    if let Event::OfficeInit(o) = &ev {
                        districts.insert(rec.origin.clone(), o.district);
                    }
                    Some(ev)
                } else {
                    None
                };
                let case_office = match &rec.case_id {
                    None => None,
                    Some(c) => Some(
                        c.parse::<CaseId>()
                            .map_err(|e| refuse(format!("event {}/{}: {e}", rec.origin, rec.seq)))?
                            .office,
                    ),
                };
                let facts = Facts {
                    rec: &rec,
                    held_hash: held.as_deref(),
                    case_office: case_office.as_ref().map(|o| o.as_str()),
                    origin_is_district: districts.get(&rec.origin).copied().unwrap_or(false),
                    receiver: &receiver,
                };
                match judge(&facts) {
                    Verdict::Known => stats.known_events += 1,
                    Verdict::Skip => stats.skipped_events += 1,
                    Verdict::Refuse(why) => return Err(refuse(why)),
                    Verdict::New => {
                        let ev = ev.expect("a new event was parsed");
                        match &rec.case_id {
                            Some(_) => run.event(&tx, &rec, &ev, &mut touch_st)?,
                            None => non_case_new = true,
                        }
                        rec.insert(&tx)?;
                        stats.new_events += 1;
                        new_origins.insert(rec.origin.clone());
                    }
                }
            }
        }
        progress(read);
        let Some(exp) = exporter else {
            refuse!("the file ends without its end row: it was cut short");
        };
        if let Some(&d) = districts.get(&exp.code)
            && d != exp.district
        {
            refuse!(
                "the file says it comes from {} {}, but that office is {} a district",
                exp.code,
                exp.name,
                if d { "" } else { "not" }
            );
        }
        for o in &new_origins {
            let o_district = districts.get(o).copied().unwrap_or(false);
            if *o != exp.code && !exp.district && !o_district {
                refuse!(
                    "{} is a street office's file but carries new events of office {o}: only a district file relays other offices' events",
                    exp.code
                );
            }
        }
        if non_case_new {
            rebuild_non_case(&tx)?;
        }
        run.finish(&tx)?;
        let (created, changed) = replay_touched(&tx)?;
        stats.cases_created = run.created + created;
        stats.cases_changed = changed;
        if dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
        }
        Ok(stats)
    }
}

/// Folds the new events of a case this ledger has never seen, as they
/// stream in: an exchange file holds each case's events in one run, in
/// replay order, so a new case is built without reading anything back.
/// Any other case (one with events here already, or whose run is broken or
/// out of order) goes to `merge_touched`, to be replayed from the log.
#[derive(Default)]
struct CaseRun {
    current: Option<Run>,
    created: u64,
}

struct Run {
    id: String,
    state: Option<CaseState>,
    last: (i64, String, i64),
}

impl CaseRun {
    /// Call before the event is inserted into the log.
    fn event(
        &mut self,
        conn: &Connection,
        rec: &EventRecord,
        ev: &Event,
        touch: &mut rusqlite::CachedStatement<'_>,
    ) -> Result<()> {
        let id = rec.case_id.as_deref().expect("a case event");
        let key = (rec.clock, rec.origin.clone(), rec.seq);
        if let Some(run) = &mut self.current
            && run.id == id
        {
            if key > run.last {
                run.state = case::apply(run.state.take(), rec, ev);
                run.last = key;
            } else {
                self.current = None;
                touch.execute([id])?;
            }
            return Ok(());
        }
        self.finish(conn)?;
        let seen: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM events WHERE case_id = ?1)")?
            .query_row([id], |r| r.get(0))?;
        if seen {
            touch.execute([id])?;
        } else {
            self.current = Some(Run {
                id: id.to_string(),
                state: case::apply(None, rec, ev),
                last: key,
            });
        }
        Ok(())
    }

    /// Writes out the case being folded.
    fn finish(&mut self, conn: &Connection) -> Result<()> {
        if let Some(Run {
            state: Some(state), ..
        }) = self.current.take()
        {
            state.insert(conn)?;
            self.created += 1;
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

/// Replays every case that received events; returns (created, changed).
fn replay_touched(conn: &Connection) -> Result<(u64, u64)> {
    let sql = format!(
        "SELECT {} FROM temp.merge_touched t JOIN events e ON e.case_id = t.id
         ORDER BY e.case_id, e.clock, e.origin, e.seq",
        EventRecord::COLUMNS
            .split(", ")
            .map(|c| format!("e.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let (mut created, mut changed) = (0, 0);
    replay::fold_cases_sql(conn, &sql, |after| {
        match CaseState::get(conn, &after.id)? {
            None => {
                created += 1;
                after.insert(conn)
            }
            Some(before) if before != after => {
                changed += 1;
                after.save(conn)
            }
            Some(_) => Ok(()),
        }
    })?;
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
