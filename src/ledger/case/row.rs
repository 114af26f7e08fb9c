//! A case's row of the `cases` table: its columns, reading a row back,
//! and writing one.

use std::sync::LazyLock;

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::CaseState;
use crate::ledger::error::{Error, Result};
use crate::ledger::units_loop::work::Work;

pub(crate) const COLUMNS: &str = "id, office, year, seq, status, received_at, source, source_ref, \
     community, address, summary, details, complainant, phone, subject, problem, party, key_case, \
     unit, assigned_at, due, plan, defer_until, closed_at, result, resolution, duplicate_of, \
     updated_at, notes, problem_suggested, conflict, closed_by, links, co_units, acked_at, acked_by, \
     returned_by, extension_until, extensions_asked, extensions_approved, supervisions, \
     supervise_due, visited_at, satisfaction";

/// `verb INTO cases (COLUMNS) VALUES (?1, …)`, from the one column list.
fn insert_sql(verb: &str) -> String {
    let n = COLUMNS.split(',').count();
    let slots: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
    let slots = slots.join(", ");
    format!("{verb} INTO cases ({COLUMNS}) VALUES ({slots})")
}

fn code<T: std::str::FromStr>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    s.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown code '{s}'").into(),
        )
    })
}

fn opt_code<T: std::str::FromStr>(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(i)?;
    match s {
        None => Ok(None),
        Some(_) => code(r, i).map(Some),
    }
}

impl CaseState {
    pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<CaseState> {
        Ok(CaseState {
            id: r.get(0)?,
            office: r.get(1)?,
            year: r.get(2)?,
            seq: r.get(3)?,
            status: code(r, 4)?,
            received_at: r.get(5)?,
            source: code(r, 6)?,
            source_ref: r.get(7)?,
            community: r.get(8)?,
            address: r.get(9)?,
            summary: r.get(10)?,
            details: r.get(11)?,
            complainant: r.get(12)?,
            phone: r.get(13)?,
            subject: opt_code(r, 14)?,
            problem: r.get(15)?,
            party: r.get(16)?,
            key_case: r.get(17)?,
            unit: r.get(18)?,
            assigned_at: r.get(19)?,
            due: r.get(20)?,
            plan: r.get(21)?,
            defer_until: r.get(22)?,
            closed_at: r.get(23)?,
            result: opt_code(r, 24)?,
            resolution: r.get(25)?,
            duplicate_of: r.get(26)?,
            updated_at: r.get(27)?,
            notes: r.get(28)?,
            problem_suggested: r.get(29)?,
            conflict: r.get(30)?,
            closed_by: r.get(31)?,
            links: r.get(32)?,
            work: Work::from_row(r, 33)?,
        })
    }

    pub(crate) fn get(conn: &Connection, id: &str) -> Result<Option<CaseState>> {
        static SQL: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {COLUMNS} FROM cases WHERE id = ?1"));
        conn.prepare_cached(&SQL)?
            .query_row([id], CaseState::from_row)
            .optional()
            .map_err(|e| Error::Corrupt(format!("case {id}: {e}")))
    }

    /// Writes the row (insert or replace).
    pub(crate) fn save(&self, conn: &Connection) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| insert_sql("INSERT OR REPLACE"));
        self.write_row(conn, &SQL)
    }

    /// Writes the row of a case known to be new (cheaper than `save`: no
    /// statement journal for a possible replace).
    pub(crate) fn insert(&self, conn: &Connection) -> Result<()> {
        static SQL: LazyLock<String> = LazyLock::new(|| insert_sql("INSERT"));
        self.write_row(conn, &SQL)
    }

    fn write_row(&self, conn: &Connection, sql: &str) -> Result<()> {
        let own: &[&dyn rusqlite::ToSql] = params![
            self.id,
            self.office,
            self.year,
            self.seq,
            self.status.code(),
            self.received_at,
            self.source.code(),
            self.source_ref,
            self.community,
            self.address,
            self.summary,
            self.details,
            self.complainant,
            self.phone,
            self.subject.map(|s| s.code()),
            self.problem,
            self.party,
            self.key_case,
            self.unit,
            self.assigned_at,
            self.due,
            self.plan,
            self.defer_until,
            self.closed_at,
            self.result.map(|r| r.code()),
            self.resolution,
            self.duplicate_of,
            self.updated_at,
            self.notes,
            self.problem_suggested,
            self.conflict,
            self.closed_by,
            self.links,
        ];
        let work = self.work.values();
        let all: Vec<&dyn rusqlite::ToSql> = own
            .iter()
            .copied()
            .chain(work.iter().map(|b| &**b as _))
            .collect();
        conn.prepare_cached(sql)?.execute(all.as_slice())?;
        Ok(())
    }
}
