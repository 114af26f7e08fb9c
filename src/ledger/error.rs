//! The core's error type: a refusal the user can act on, or a failure below.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The operation makes no sense for the ledger as it is; the message says
    /// what was wrong and what is accepted. Nothing was written.
    #[error("{0}")]
    Refused(String),
    /// No ledger at the path.
    #[error(
        "no ledger at {0}: create one with `ledger init --office CODE --name NAME`, or point --db (or LEDGER_DB) at an existing file"
    )]
    NoLedger(PathBuf),
    /// The file exists but is not a ledger (another SQLite file, or not SQLite).
    #[error("{path} is not a ledger file: {why}")]
    NotALedger { path: PathBuf, why: String },
    /// The file was written by a newer `ledger`.
    #[error(
        "{path} has schema version {found}, newer than this ledger understands ({supported}): use a newer `ledger`"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A stored row that cannot be read back: the file is damaged.
    #[error("the ledger file is damaged: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Returns early with a refusal built like `format!`.
#[macro_export]
macro_rules! refuse {
    ($($arg:tt)*) => {
        return Err($crate::ledger::Error::Refused(format!($($arg)*)))
    };
}
