//! The core: a ledger file, its event log and the tables derived from it.
//!
//! Knows nothing of the command line or of tables on a terminal. Every
//! change goes through [`Ledger::write`], which runs in one immediate
//! transaction: the events are appended and the derived rows updated
//! together, or nothing is written at all.

pub mod campaign;
pub mod case;
pub mod catalogue;
pub(crate) mod days;
pub mod disclosures;
pub mod error;
pub mod event;
pub mod files;
pub mod flags;
pub mod keys;
pub mod merge;
pub mod ops;
pub mod query;
pub mod record;
pub mod replay;
pub mod report;
pub mod rules;
pub mod schema;
pub mod scoring;
pub mod sweep;
pub mod units_loop;
mod writer;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};

pub use case::CaseState;
pub use error::{Error, Refusal, Result};
use error::{NotLedger, What};
pub use event::{Event, EventRecord};
pub use writer::Writer;

use crate::domain::OfficeCode;
use crate::ledger::error::refuse;

/// How long a command waits for another process holding the file (a second
/// clerk on a shared file) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Who and when, for the events a command appends.
#[derive(Clone, Debug)]
pub struct Stamp {
    pub now: DateTime<FixedOffset>,
    pub actor: String,
}

impl Stamp {
    /// `now` as stored in events: RFC 3339 to the second, with its offset.
    pub fn at(&self) -> String {
        self.now.to_rfc3339_opts(SecondsFormat::Secs, false)
    }

    /// Today's date in the clock's zone, `YYYY-MM-DD`.
    pub fn today(&self) -> String {
        self.now.date_naive().to_string()
    }
}

/// The office a file belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeInfo {
    pub code: String,
    pub name: String,
    pub district: bool,
}

pub struct Ledger {
    conn: Connection,
    office: OfficeInfo,
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // The file travels on USB sticks and network shares: keep SQLite's
    // default rollback journal (WAL needs shared memory on one host).
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 32 MiB of page cache: a large merge spills to the file less often;
    // memory stays bounded whatever the input size.
    conn.pragma_update(None, "cache_size", -32768)?;
    Ok(())
}

/// Maps SQLite's "this is not a database" to a sentence about the file.
fn not_a_database(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotALedger {
            path: path.to_path_buf(),
            why: NotLedger::NotSqlite,
        },
        _ => Error::Sqlite(e),
    }
}

impl Ledger {
    /// Creates a new ledger file for an office. Refuses an existing path.
    pub fn create(
        path: &Path,
        code: &OfficeCode,
        name: &str,
        district: bool,
        stamp: &Stamp,
    ) -> Result<Ledger> {
        if path.exists() {
            refuse!(Refusal::LedgerExists(path.to_path_buf()));
        }
        let name = name.trim();
        if name.is_empty() {
            refuse!(Refusal::Empty(What::OfficeName));
        }
        files::folder_of(path)?;
        files::create_private(path)?;
        let result = Self::create_inner(path, code, name, district, stamp, true);
        if result.is_err() {
            // Leave no half-made file behind: it was ours, made just now.
            files::discard(path);
        }
        result
    }

    /// Makes an office's ledger anew from an exchange stream that holds its
    /// events (the district's export, after the office lost its file): its
    /// own events, and the district's on its cases, come back; it goes on
    /// numbering where it stopped. The office's name comes from the stream.
    ///
    /// The file must be the district's, signed with `district_key` (read
    /// out by the district, as for `ledger trust`); the new file has a new
    /// key of its own, which the district registers with `trust --replace`.
    pub fn restore(
        path: &Path,
        code: &OfficeCode,
        mut items: impl Iterator<Item = Result<merge::Incoming>>,
        district_key: &keys::PublicKey,
        stamp: &Stamp,
    ) -> Result<(Ledger, merge::MergeStats)> {
        if path.exists() {
            refuse!(Refusal::RestoreTargetExists(path.to_path_buf()));
        }
        files::folder_of(path)?;
        files::create_private(path)?;
        let result = (|| {
            let mut ledger = Self::create_inner(path, code, code.as_str(), false, stamp, false)?;
            let first = items.next().transpose()?;
            let Some(merge::Incoming::Begin(exporter)) = &first else {
                refuse!(Refusal::RestoreNoBegin);
            };
            if !exporter.district {
                refuse!(Refusal::RestoreFromOffice {
                    code: exporter.code.clone(),
                    name: exporter.name.clone(),
                });
            }
            let district = exporter.code.clone();
            // Trusted for this merge only: the key.trust event follows it,
            // numbered after the office's restored events.
            keys::set_trusted(
                &ledger.conn,
                &district,
                &district_key.to_string(),
                &stamp.at(),
            )?;
            let stats = ledger.merge(
                first.into_iter().map(Ok).chain(items),
                Then::Commit,
                &mut |_| {},
            )?;
            let Some(me) = ledger
                .offices()?
                .into_iter()
                .find(|o| o.code == code.as_str())
            else {
                refuse!(Refusal::RestoreNothingOf(code.to_string()));
            };
            ledger.conn.execute_batch("BEGIN IMMEDIATE")?;
            ledger
                .conn
                .execute("UPDATE meta SET value = ?1 WHERE key = 'name'", [&me.name])?;
            ledger.conn.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'district'",
                [if me.district { "1" } else { "0" }],
            )?;
            ledger.conn.execute_batch("COMMIT")?;
            ledger.office = me;
            ledger.write(stamp, |w| w.trust(&district, district_key, true))?;
            Ok((ledger, stats))
        })();
        if result.is_err() {
            files::discard(path);
        }
        result
    }

    fn create_inner(
        path: &Path,
        code: &OfficeCode,
        name: &str,
        district: bool,
        stamp: &Stamp,
        announce: bool,
    ) -> Result<Ledger> {
        // The caller made the (empty, owner-only) file.
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        // Larger pages suit the wide event rows (fewer splits on merge).
        conn.pragma_update(None, "page_size", 8192)?;
        schema::migrate(&mut conn, path, true)?;
        let office = OfficeInfo {
            code: code.as_str().to_string(),
            name: name.to_string(),
            district,
        };
        let mut ledger = Ledger { conn, office };
        ledger.write(stamp, |w| {
            let tx = w.conn();
            for (k, v) in [
                ("office", code.as_str()),
                ("name", name),
                ("district", if district { "1" } else { "0" }),
                ("created_at", &stamp.at()),
            ] {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                    params![k, v],
                )?;
            }
            if announce {
                w.append(
                    None,
                    Event::OfficeInit(event::OfficeInit {
                        name: name.to_string(),
                        district,
                    }),
                )?;
            }
            Ok(())
        })?;
        Ok(ledger)
    }

    /// Opens an existing ledger file, upgrading its schema if it is older.
    pub fn open(path: &Path) -> Result<Ledger> {
        if !path.exists() {
            return Err(Error::NoLedger(path.to_path_buf()));
        }
        if path.is_dir() {
            return Err(Error::NotALedger {
                path: path.to_path_buf(),
                why: NotLedger::Folder,
            });
        }
        // A pipe or a device would block or be read as garbage.
        if !path.is_file() {
            return Err(Error::NotALedger {
                path: path.to_path_buf(),
                why: NotLedger::NotRegular,
            });
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_database(path, e))?;
        configure(&conn).map_err(|e| match e {
            Error::Sqlite(e) => not_a_database(path, e),
            e => e,
        })?;
        schema::user_version(&conn).map_err(|e| match e {
            Error::Sqlite(e) => not_a_database(path, e),
            e => e,
        })?;
        schema::migrate(&mut conn, path, false)?;
        let office = {
            let get = |k: &str| -> Result<String> {
                conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))
                    .map_err(|_| Error::NotALedger {
                        path: path.to_path_buf(),
                        why: NotLedger::NoIdentity(k.to_string()),
                    })
            };
            OfficeInfo {
                code: get("office")?,
                name: get("name")?,
                district: get("district")? == "1",
            }
        };
        Ok(Ledger { conn, office })
    }

    pub fn office(&self) -> &OfficeInfo {
        &self.office
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: taking the write lock up front
    /// means two clerks on one file queue behind the busy timeout instead of
    /// failing on a lock upgrade. Commits only if `f` succeeds.
    pub fn write<T>(
        &mut self,
        stamp: &Stamp,
        f: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<T> {
        self.write_as(stamp, Then::Commit, f)
    }

    /// [`Ledger::write`], or with [`Then::RollBack`] a dry run: every
    /// check and every derived row as for real, then nothing kept. The
    /// work may fail with a feature's own error type.
    pub fn write_as<T, E: From<Error>>(
        &mut self,
        stamp: &Stamp,
        then: Then,
        f: impl FnOnce(&mut Writer) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(Error::from)?;
        let (next_seq, next_clock): (i64, i64) = tx
            .query_row(
                "SELECT (SELECT coalesce(max(seq), 0) + 1 FROM events WHERE origin = ?1),
                    (SELECT max + 1 FROM clock)",
                [&self.office.code],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(Error::from)?;
        let mut w = Writer {
            tx: &tx,
            office: &self.office,
            stamp: stamp.clone(),
            next_seq,
            next_clock,
            next_case: std::collections::HashMap::new(),
            rules: None,
        };
        let out = f(&mut w)?;
        tx.execute("UPDATE clock SET max = ?1", [w.next_clock - 1])
            .map_err(Error::from)?;
        then.finish(tx)?;
        Ok(out)
    }
}

/// What a write does with its transaction once the work succeeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Commit,
    /// A dry run: the work is done and checked, then undone.
    RollBack,
}

impl Then {
    pub fn dry_run(dry: bool) -> Then {
        if dry { Then::RollBack } else { Then::Commit }
    }

    pub(crate) fn finish(self, tx: rusqlite::Transaction) -> Result<()> {
        match self {
            Then::Commit => tx.commit()?,
            Then::RollBack => tx.rollback()?,
        }
        Ok(())
    }
}

impl Ledger {
    /// Writes a consistent copy of the file to `to` (which must not
    /// exist): `VACUUM INTO` reads one snapshot, so writers may go on. The
    /// copy is readable by its owner only, like the ledger.
    pub fn backup(&self, to: &Path) -> Result<()> {
        let target = to
            .to_str()
            .ok_or_else(|| Refusal::NotUtf8Path(to.to_path_buf()))?;
        files::folder_of(to)?;
        files::create_private(to)?;
        let result = self.conn.execute("VACUUM INTO ?1", [target]);
        if let Err(e) = result {
            files::discard(to);
            return Err(e.into());
        }
        Ok(())
    }

    /// Rebuilds every derived table from the event log, in one transaction.
    pub fn rebuild(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        replay::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
