//! The migration runner: brings a file's schema up to this binary's version.
//!
//! `MIGRATIONS[i]` takes a file from `user_version` i to i + 1. Version 1 is
//! `schema.sql` itself. A later change appends a script here (never edits
//! one that has shipped: files in the field were made by it). Pending
//! scripts run in one exclusive transaction together with the version bump,
//! so a file is either wholly at the old version or wholly at the new one.
//! A file whose version is newer than `MIGRATIONS.len()` was written by a
//! newer `ledger` and is refused rather than misread.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Error, Result};

const MIGRATIONS: &[&str] = &[include_str!("../../schema.sql")];

/// The schema version this binary writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies what is pending. `fresh` allows starting from version 0 (a file
/// being created); otherwise a version-0 file is not a ledger.
pub fn migrate(conn: &mut Connection, path: &Path, fresh: bool) -> Result<()> {
    let found = user_version(conn)?;
    if found > VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found,
            supported: VERSION,
        });
    }
    if found == 0 && !fresh {
        return Err(Error::NotALedger {
            path: path.to_path_buf(),
            why: "it is an SQLite file without a ledger schema".into(),
        });
    }
    if found == VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    // Read again inside the lock: another process may have migrated it.
    let now = user_version(&tx)?;
    for script in &MIGRATIONS[now as usize..] {
        tx.execute_batch(script)?;
    }
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    Ok(())
}
