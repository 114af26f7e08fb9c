//! Replay: rebuilding the derived tables from the event log, and `check`,
//! which proves the tables are what the log says.
//!
//! Replay order is (clock, origin, seq) within a case; cases are folded one
//! at a time in id order, so memory stays flat however large the file.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};

use super::case::{self, CaseState};
use super::error::{Error, Result};
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
    conn.execute_batch(
        "DELETE FROM cases; DELETE FROM units WHERE builtin = 0; DELETE FROM offices;
         DELETE FROM trust;",
    )?;
    let own = own_code(conn)?;
    {
        let mut st = conn.prepare(&format!(
            "SELECT {} FROM events WHERE case_id IS NULL ORDER BY clock, origin, seq",
            EventRecord::COLUMNS
        ))?;
        let recs = st.query_map([], EventRecord::from_row)?;
        for rec in recs {
            let rec = rec?;
            apply_non_case(conn, &own, &rec, &rec.event()?)?;
        }
    }
    conn.execute(
        "UPDATE clock SET max = (SELECT coalesce(max(clock), 0) FROM events)",
        [],
    )?;
    fold_cases(conn, |c| c.save(conn))
}

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub events: i64,
    pub cases: i64,
    /// The first problem found, if any.
    pub problem: Option<String>,
}

/// Verifies the file: SQLite's integrity check, every event's hash, and
/// that replaying the log gives exactly the derived tables.
pub fn check(conn: &Connection) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        report.problem = Some(format!("SQLite integrity check: {integrity}"));
        return Ok(report);
    }
    let fk: Option<String> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .ok();
    if let Some(table) = fk {
        report.problem = Some(format!("a row of table {table} breaks a foreign key"));
        return Ok(report);
    }

    // Hashes, and the non-case tables folded in memory (they are small).
    let mut offices: BTreeMap<String, (String, bool)> = BTreeMap::new();
    let mut units: BTreeMap<String, String> = BTreeMap::new();
    let mut trust: BTreeMap<String, String> = BTreeMap::new();
    let own = own_code(conn)?;
    let mut rules = super::rules::Rules::load(conn)?;
    let mut max_clock = 0;
    {
        // Non-case events in replay order (they decide first-wins), then
        // the case events in any order: every event's hash is checked.
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
            report.events += 1;
            max_clock = max_clock.max(rec.clock);
            if rec.compute_hash() != rec.hash {
                report.problem = Some(format!(
                    "event {}/{} does not match its hash: it was altered after it was written",
                    rec.origin, rec.seq
                ));
                return Ok(report);
            }
            let ev = match rec.event() {
                Ok(ev) => ev,
                Err(e) => {
                    report.problem = Some(e.to_string());
                    return Ok(report);
                }
            };
            if let Event::UnitAdd(u) = &ev {
                rules.learn_unit(&u.code);
            }
            if let Err(why) = rules.check(&rec, &ev) {
                report.problem = Some(format!(
                    "event {}/{} ({}) breaks today's rules: {why}. An earlier version let it in, and no district or office will take a file that carries it: {}",
                    rec.origin,
                    rec.seq,
                    rec.kind,
                    if rec.origin == own {
                        "keep this file as it is, and make the office's ledger anew from the district's latest export (`ledger init --office CODE --restore FILE --trust KEY`), then register again what the district did not have"
                    } else {
                        "keep this file as it is and ask for help; the files this ledger exports will be refused until it is rebuilt from files that pass"
                    }
                ));
                return Ok(report);
            }
            match ev {
                Event::OfficeInit(o) => {
                    offices
                        .entry(rec.origin.clone())
                        .or_insert((o.name, o.district));
                }
                Event::UnitAdd(u) => {
                    units.entry(u.code).or_insert(u.name);
                }
                Event::KeyTrust(k) if rec.origin == own => {
                    trust.insert(k.office, k.key);
                }
                _ => {}
            }
        }
    }
    let kept: i64 = conn.query_row("SELECT max FROM clock", [], |r| r.get(0))?;
    if kept != max_clock {
        report.problem = Some(format!(
            "the kept clock is {kept} but the largest clock in the log is {max_clock}"
        ));
        return Ok(report);
    }
    let table_offices: BTreeMap<String, (String, bool)> = conn
        .prepare("SELECT code, name, district FROM offices")?
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    if table_offices != offices {
        report.problem = Some(format!(
            "the offices table differs from the log: table {table_offices:?}, log {offices:?}"
        ));
        return Ok(report);
    }
    let table_units: BTreeMap<String, String> = conn
        .prepare("SELECT code, name FROM units WHERE builtin = 0")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if table_units != units {
        report.problem = Some(format!(
            "the local units differ from the log: table {table_units:?}, log {units:?}"
        ));
        return Ok(report);
    }

    let table_trust: BTreeMap<String, String> = conn
        .prepare("SELECT code, key FROM trust")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if table_trust != trust {
        report.problem = Some(format!(
            "the trusted keys differ from the log: table {table_trust:?}, log {trust:?}"
        ));
        return Ok(report);
    }

    // Cases: the folded log and the table, both in id order, side by side.
    let mut st = conn.prepare(&format!("SELECT {} FROM cases ORDER BY id", case::COLUMNS))?;
    let mut table = st.query([])?;
    let mut problem: Option<String> = None;
    let mut cases = 0;
    fold_cases(conn, |expected| {
        if problem.is_some() {
            return Ok(());
        }
        cases += 1;
        let row = match table.next()? {
            None => {
                problem = Some(format!(
                    "case {} is in the log but not in the table",
                    expected.id
                ));
                return Ok(());
            }
            Some(r) => CaseState::from_row(r).map_err(|e| Error::Corrupt(e.to_string()))?,
        };
        problem = match row.id.cmp(&expected.id) {
            std::cmp::Ordering::Less => Some(format!(
                "case {} is in the table but not in the log",
                row.id
            )),
            std::cmp::Ordering::Greater => Some(format!(
                "case {} is in the log but not in the table",
                expected.id
            )),
            std::cmp::Ordering::Equal if row != expected => {
                Some(describe_difference(&expected, &row))
            }
            std::cmp::Ordering::Equal => None,
        };
        Ok(())
    })?;
    report.cases = cases;
    if problem.is_none()
        && let Some(r) = table.next()?
    {
        let id: String = r.get(0)?;
        problem = Some(format!("case {id} is in the table but not in the log"));
    }
    report.problem = problem;
    Ok(report)
}

/// Names the first field where the table's row differs from the replay.
fn describe_difference(expected: &CaseState, row: &CaseState) -> String {
    let e = format!("{expected:#?}");
    let r = format!("{row:#?}");
    for (el, rl) in e.lines().zip(r.lines()) {
        if el != rl {
            return format!(
                "case {}: the table has {} but replaying the log gives {}",
                expected.id,
                rl.trim().trim_end_matches(','),
                el.trim().trim_end_matches(',')
            );
        }
    }
    format!("case {} differs from its replay", expected.id)
}
