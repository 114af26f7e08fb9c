//! English: every error kind said as a sentence with what to do.

pub mod args;
pub mod campaign;
pub mod cmd;
pub mod credit;
pub mod intake;
pub mod invalid;
pub mod ledger;
pub mod list;
pub mod rules;
pub mod sweep;
pub mod text;
// Issue 17: the workbook and the page.
pub mod present;
pub mod units_loop;

/// SQLite's terse words about the disk, as what happened for the user.
pub fn plain_sqlite(e: &rusqlite::Error) -> Option<&'static str> {
    use rusqlite::ErrorCode as C;
    Some(match e.sqlite_error_code()? {
        C::DiskFull => "the disk is full: nothing was written",
        C::SystemIoFailure => {
            "the ledger file could not be written (disk full, a file-size limit, or the drive removed?): nothing was written"
        }
        C::ReadOnly => "the ledger file is read-only: nothing was written",
        C::CannotOpen => "the ledger file cannot be opened (check the path and permissions)",
        C::DatabaseBusy | C::DatabaseLocked => {
            "another program has held the ledger file for 30 seconds; try again when it is done: nothing was written"
        }
        _ => return None,
    })
}

pub(crate) fn sqlite(e: &rusqlite::Error) -> String {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        return format!(
            "what was asked does not fit what the ledger holds (its database refused it: {e}); nothing was written: run `ledger check`"
        );
    }
    plain_sqlite(e).map_or_else(|| e.to_string(), String::from)
}

/// The core's errors (feature errors delegate their `Ledger` variant here).
pub fn core(e: &crate::ledger::Error) -> String {
    ledger::say(e)
}
