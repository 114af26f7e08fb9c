//! Replay: rebuilding the derived tables from the event log, and `check`,
//! which proves the tables are what the log says.
//!
//! Replay order is (clock, origin, seq) within a case; cases are folded one
//! at a time in id order, so memory stays flat however large the file.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::case::{self, CaseState};
use super::error::{Break, Error, EventRef, Result};
use super::event::{Event, EventRecord};

/// Applies an event that is not about a case to the derived tables. The
/// first `office.init` of an origin and the first `unit.add` of a code in
/// replay order win; later ones are kept in the log but change nothing.
/// A `key.trust` counts only in the ledger that made it (`own` is this
/// file's office): no file can make a ledger trust a key.
pub(crate) fn apply_non_case(
    conn: &Connection,
    own: &str,
    rec: &EventRecord,
    ev: &Event,
) -> Result<()> {
    match ev {
        Event::KeyTrust(k) if rec.origin == own => {
            super::keys::set_trusted(conn, &k.office, &k.key, &rec.at)?;
        }
        Event::OfficeInit(o) => {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO offices (code, name, district) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![rec.origin, o.name, o.district])?;
        }
        Event::UnitAdd(u) => {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO units (code, name, builtin) VALUES (?1, ?2, 0)",
            )?
            .execute(params![u.code, u.name])?;
        }
        _ => {}
    }
    Ok(())
}

/// This file's office code.
pub(crate) fn own_code(conn: &Connection) -> Result<String> {
    Ok(
        conn.query_row("SELECT value FROM meta WHERE key = 'office'", [], |r| {
            r.get(0)
        })?,
    )
}

/// Streams the case events in (case_id, clock, origin, seq) order and hands
/// each case's folded state to `f`.
fn fold_cases(conn: &Connection, f: impl FnMut(CaseState) -> Result<()>) -> Result<()> {
    let sql = format!(
        "SELECT {} FROM events WHERE case_id IS NOT NULL ORDER BY case_id, clock, origin, seq",
        EventRecord::COLUMNS
    );
    fold_cases_sql(conn, &sql, f)
}

/// Folds the events `sql` selects (event columns, ordered by case id then
/// replay order) into one state per case.
pub(crate) fn fold_cases_sql(
    conn: &Connection,
    sql: &str,
    mut f: impl FnMut(CaseState) -> Result<()>,
) -> Result<()> {
    let mut st = conn.prepare(sql)?;
    let mut rows = st.query([])?;
    let mut current: Option<(String, Option<CaseState>)> = None;
    while let Some(row) = rows.next()? {
        let rec = EventRecord::from_row(row)?;
        let ev = rec.event()?;
        let id = rec.case_id.clone().unwrap_or_default();
        match &mut current {
            Some((cid, state)) if *cid == id => {
                *state = case::apply(state.take(), &rec, &ev);
            }
            _ => {
                if let Some((_, Some(done))) = current.take() {
                    f(done)?;
                }
                current = Some((id, case::apply(None, &rec, &ev)));
            }
        }
    }
    if let Some((_, Some(done))) = current {
        f(done)?;
    }
    Ok(())
}

/// Rebuilds every derived table from the log. Call inside a transaction.
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM cases", [])?;
    rebuild_non_case(conn, &own_code(conn)?)?;
    conn.execute(
        "UPDATE clock SET max = (SELECT coalesce(max(clock), 0) FROM events)",
        [],
    )?;
    fold_cases(conn, |c| c.save(conn))
}

/// Rebuilds the offices, local units and trusted keys from the non-case
/// events, in replay order (they decide first-wins).
pub(super) fn rebuild_non_case(conn: &Connection, own: &str) -> Result<()> {
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
        apply_non_case(conn, own, &rec, &rec.event()?)?;
    }
    Ok(())
}

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub events: i64,
    pub cases: i64,
    /// The first problem found, if any.
    pub problem: Option<Problem>,
}

/// A way the file is not whole; `msg/` says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Integrity(String),
    ForeignKey(String),
    Hash {
        origin: String,
        seq: i64,
    },
    /// An event whose payload does not read (the core's words).
    Unreadable(String),
    /// An event an earlier version let in that today's rules refuse;
    /// `own`: it is this ledger's own event.
    BreaksRules {
        event: EventRef,
        why: Break,
        own: bool,
    },
    Clock {
        kept: i64,
        max: i64,
    },
    TableDiffers {
        table: Table,
        in_table: String,
        in_log: String,
    },
    OnlyInLog(String),
    OnlyInTable(String),
    CaseDiffers {
        id: String,
        in_table: String,
        in_log: String,
    },
    Differs(String),
}

/// The derived tables other than `cases`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Offices,
    Units,
    Trust,
}

/// The non-case tables as the log folds them.
#[derive(Default)]
struct Folded {
    offices: BTreeMap<String, (String, bool)>,
    units: BTreeMap<String, String>,
    trust: BTreeMap<String, String>,
    max_clock: i64,
}

/// Verifies the file: SQLite's integrity check, every event's hash and
/// content rules, and that replaying the log gives exactly the derived
/// tables.
pub fn check(conn: &Connection) -> Result<CheckReport> {
    let mut report = CheckReport {
        problem: integrity(conn)?,
        ..CheckReport::default()
    };
    if report.problem.is_some() {
        return Ok(report);
    }
    let folded = match events(conn, &mut report.events)? {
        Ok(f) => f,
        Err(p) => {
            report.problem = Some(p);
            return Ok(report);
        }
    };
    report.problem = non_case_tables(conn, &folded)?;
    if report.problem.is_none() {
        report.problem = cases(conn, &mut report.cases)?;
    }
    Ok(report)
}

fn integrity(conn: &Connection) -> Result<Option<Problem>> {
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Ok(Some(Problem::Integrity(integrity)));
    }
    let fk: Option<String> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .ok();
    Ok(fk.map(Problem::ForeignKey))
}

/// Every event's hash and rules, the non-case tables folded in memory
/// (they are small). Non-case events in replay order (they decide
/// first-wins), then the case events in any order.
fn events(conn: &Connection, count: &mut i64) -> Result<Result<Folded, Problem>> {
    let own = own_code(conn)?;
    let mut rules = super::rules::Rules::load(conn)?;
    let mut f = Folded::default();
    let mut st = conn.prepare(&format!(
        "SELECT {0} FROM events WHERE case_id IS NULL ORDER BY clock, origin, seq;",
        EventRecord::COLUMNS
    ))?;
    let mut rows = st.query([])?;
    let mut all_case = conn.prepare(&format!(
        "SELECT {} FROM events WHERE case_id IS NOT NULL",
        EventRecord::COLUMNS
    ))?;
    let mut case_rows = all_case.query([])?;
    loop {
        let row = match rows.next()? {
            Some(r) => r,
            None => match case_rows.next()? {
                Some(r) => r,
                None => break,
            },
        };
        let rec = EventRecord::from_row(row)?;
        *count += 1;
        f.max_clock = f.max_clock.max(rec.clock);
        if rec.compute_hash() != rec.hash {
            return Ok(Err(Problem::Hash {
                origin: rec.origin,
                seq: rec.seq,
            }));
        }
        let ev = match rec.event() {
            Ok(ev) => ev,
            Err(e) => return Ok(Err(Problem::Unreadable(e.to_string()))),
        };
        if let Event::UnitAdd(u) = &ev {
            rules.learn_unit(&u.code);
        }
        if let Err(why) = rules.check(&rec, &ev) {
            return Ok(Err(Problem::BreaksRules {
                event: EventRef::of(&rec),
                why,
                own: rec.origin == own,
            }));
        }
        match ev {
            Event::OfficeInit(o) => {
                f.offices
                    .entry(rec.origin.clone())
                    .or_insert((o.name, o.district));
            }
            Event::UnitAdd(u) => {
                f.units.entry(u.code).or_insert(u.name);
            }
            Event::KeyTrust(k) if rec.origin == own => {
                f.trust.insert(k.office, k.key);
            }
            _ => {}
        }
    }
    Ok(Ok(f))
}

fn non_case_tables(conn: &Connection, f: &Folded) -> Result<Option<Problem>> {
    let kept: i64 = conn.query_row("SELECT max FROM clock", [], |r| r.get(0))?;
    if kept != f.max_clock {
        return Ok(Some(Problem::Clock {
            kept,
            max: f.max_clock,
        }));
    }
    let differs = |table, t: String, l: String| {
        Some(Problem::TableDiffers {
            table,
            in_table: t,
            in_log: l,
        })
    };
    let offices: BTreeMap<String, (String, bool)> = conn
        .prepare("SELECT code, name, district FROM offices")?
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    if offices != f.offices {
        return Ok(differs(
            Table::Offices,
            format!("{offices:?}"),
            format!("{:?}", f.offices),
        ));
    }
    let pairs = |sql: &str| -> Result<BTreeMap<String, String>> {
        Ok(conn
            .prepare(sql)?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let units = pairs("SELECT code, name FROM units WHERE builtin = 0")?;
    if units != f.units {
        return Ok(differs(
            Table::Units,
            format!("{units:?}"),
            format!("{:?}", f.units),
        ));
    }
    let trust = pairs("SELECT code, key FROM trust")?;
    if trust != f.trust {
        return Ok(differs(
            Table::Trust,
            format!("{trust:?}"),
            format!("{:?}", f.trust),
        ));
    }
    Ok(None)
}

/// The folded log and the cases table, both in id order, side by side.
fn cases(conn: &Connection, count: &mut i64) -> Result<Option<Problem>> {
    let mut st = conn.prepare(&format!("SELECT {} FROM cases ORDER BY id", case::COLUMNS))?;
    let mut table = st.query([])?;
    let mut problem: Option<Problem> = None;
    fold_cases(conn, |expected| {
        if problem.is_some() {
            return Ok(());
        }
        *count += 1;
        let row = match table.next()? {
            None => {
                problem = Some(Problem::OnlyInLog(expected.id));
                return Ok(());
            }
            Some(r) => CaseState::from_row(r).map_err(|e| Error::Corrupt(e.to_string()))?,
        };
        problem = match row.id.cmp(&expected.id) {
            std::cmp::Ordering::Less => Some(Problem::OnlyInTable(row.id)),
            std::cmp::Ordering::Greater => Some(Problem::OnlyInLog(expected.id)),
            std::cmp::Ordering::Equal if row != expected => Some(difference(&expected, &row)),
            std::cmp::Ordering::Equal => None,
        };
        Ok(())
    })?;
    if problem.is_none()
        && let Some(r) = table.next()?
    {
        problem = Some(Problem::OnlyInTable(r.get(0)?));
    }
    Ok(problem)
}

/// Names the first field where the table's row differs from the replay.
fn difference(expected: &CaseState, row: &CaseState) -> Problem {
    let e = format!("{expected:#?}");
    let r = format!("{row:#?}");
    for (el, rl) in e.lines().zip(r.lines()) {
        if el != rl {
            return Problem::CaseDiffers {
                id: expected.id.clone(),
                in_table: rl.trim().trim_end_matches(',').to_string(),
                in_log: el.trim().trim_end_matches(',').to_string(),
            };
        }
    }
    Problem::Differs(expected.id.clone())
}
