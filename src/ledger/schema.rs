//! The migration runner: brings a file's schema up to this binary's version.
//!
//! `MIGRATIONS[i]` takes a file from `user_version` i to i + 1. Version 1 is
//! `schema.sql` itself. A later change appends a version here (never edits
//! one that has shipped: files in the field were made by it); a version may
//! be several scripts, one per feature, run in order. Pending
//! scripts run in one exclusive transaction together with the version bump,
//! so a file is either wholly at the old version or wholly at the new one.
//! A file whose version is newer than `MIGRATIONS.len()` was written by a
//! newer `ledger` and is refused rather than misread.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Error, Result};

const MIGRATIONS: &[&[&str]] = &[
    &[include_str!("../../schema.sql")],
    &[V2],
    &[V3_SWEEP, V3_UNITS, V3_CAMPAIGN, V3_DISCLOSURES],
];

/// Version 2: signed exchange files and conflicts shown.
///
/// - `trust`: the keys this ledger accepts exchange files from, derived
///   from its own `key.trust` events (the private key is `meta.signing_key`,
///   made by [`upgraded`] because SQL has no good randomness).
/// - `cases.conflict`: concurrent events on the case disagreed and nobody
///   has acted on the case since; `cases.closed_by`: whose close is in
///   force (an office's own close is never undone by a concurrent one).
///
/// Replay rules changed with it (an event that is no longer a valid step
/// is a conflict), so [`upgraded`] rebuilds the derived tables.
const V2: &str = "
CREATE TABLE trust (
    code          TEXT PRIMARY KEY,
    key           TEXT NOT NULL,
    registered_at TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE cases ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN closed_by TEXT;
";

/// Version 3, the sweep (issue 14): case edits, splits and links.
/// `cases.links`: the case's links to others, `relation:id` separated by
/// spaces (see `ledger::sweep`), derived from its `case.link` events.
const V3_SWEEP: &str = "
ALTER TABLE cases ADD COLUMN links TEXT NOT NULL DEFAULT '';
";

/// Version 3, the units' loop (issue 15): acknowledgement, returns,
/// extensions, co-units, supervision and call-backs, derived from their
/// events into `cases` (`units_loop::Work`; lists joined by commas).
const V3_UNITS: &str = "
ALTER TABLE cases ADD COLUMN co_units TEXT;
ALTER TABLE cases ADD COLUMN acked_at TEXT;
ALTER TABLE cases ADD COLUMN acked_by TEXT;
ALTER TABLE cases ADD COLUMN returned_by TEXT;
ALTER TABLE cases ADD COLUMN extension_until TEXT;
ALTER TABLE cases ADD COLUMN extensions_asked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN extensions_approved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN supervisions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN supervise_due TEXT;
ALTER TABLE cases ADD COLUMN visited_at TEXT;
ALTER TABLE cases ADD COLUMN satisfaction TEXT;
";

/// Version 3, the campaign (issue 16): calendar, community register, forms.
///
/// `arrivals`: the day a district first merged each office's file, for the
/// acceptance check (did the ledger reach the district by the due date).
/// The district's own record of what reached it, like `meta`: not derived
/// from events (an event made at merge time would make the log depend on
/// the order files came in), never exchanged, kept by `rebuild`. The
/// register and calendar themselves are folded from their events.
const V3_CAMPAIGN: &str = "
CREATE TABLE arrivals (
    office       TEXT PRIMARY KEY,
    first_merged TEXT NOT NULL
) WITHOUT ROWID;
";

/// Version 3, personal data (issue 13): each use of `--show-pii`, kept in
/// this file only (`disclosures.rs`).
const V3_DISCLOSURES: &str = "
CREATE TABLE disclosures (
    at      TEXT NOT NULL,
    user    TEXT NOT NULL,
    command TEXT NOT NULL,
    cases   TEXT NOT NULL
);
";

/// Work in Rust that goes with the scripts, in the same transaction:
/// `from` is the version the file had.
fn upgraded(tx: &Connection, from: i64) -> Result<()> {
    if from < 2 {
        super::keys::ensure_secret(tx)?;
    }
    // Each version so far changed what replay derives: rebuild the derived
    // tables from the events (a fresh file has none to rebuild).
    if from >= 1 {
        super::replay::rebuild(tx)?;
    }
    Ok(())
}

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
            why: super::error::NotLedger::NoSchema,
        });
    }
    if found == VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    // Read again inside the lock: another process may have migrated it.
    let now = user_version(&tx)?;
    for version in &MIGRATIONS[now as usize..] {
        for script in *version {
            tx.execute_batch(script)?;
        }
    }
    upgraded(&tx, now)?;
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    Ok(())
}
