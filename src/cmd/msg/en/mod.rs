//! English: every error kind said as a sentence with what to do.

pub mod args;
pub mod cmd;
pub mod credit;
pub mod intake;
pub mod invalid;
pub mod ledger;
pub mod list;
pub mod text;

use crate::ledger::Error;

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

/// The sentence for a failed command: the contexts the command layer added,
/// outermost first, then the sentence for the typed error at the bottom.
pub fn describe(e: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for link in e.chain() {
        if let Some(said) = say(link) {
            parts.push(said);
            break;
        }
        parts.push(link.to_string());
    }
    parts.join(": ")
}

/// The sentence for one typed error, or `None` for an error of a type this
/// file does not know (its `Display` is used).
fn say(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    if let Some(r) = e.downcast_ref::<rusqlite::Error>() {
        return Some(sqlite(r));
    }
    if let Some(ce) = e.downcast_ref::<crate::cmd::error::Error>() {
        return Some(cmd::say(ce));
    }
    if let Some(le) = e.downcast_ref::<Error>() {
        return Some(core(le));
    }
    if let Some(ce) = e.downcast_ref::<crate::credit::Error>() {
        return Some(credit::say(ce));
    }
    if let Some(ie) = e.downcast_ref::<crate::intake::Error>() {
        return Some(intake::say(ie));
    }
    if let Some(ae) = e.downcast_ref::<crate::cmd::args::Error>() {
        return Some(args::say(ae));
    }
    if let Some(le) = e.downcast_ref::<crate::cmd::list::Error>() {
        return Some(list::say(le));
    }
    None
}

pub(crate) fn sqlite(e: &rusqlite::Error) -> String {
    plain_sqlite(e).map_or_else(|| e.to_string(), String::from)
}

/// The core's errors (feature errors delegate their `Ledger` variant here).
pub fn core(e: &Error) -> String {
    ledger::say(e)
}
