//! What an exchange stream brings to a merge, in order: who says they
//! wrote it ([`Exporter`]), its events, and its end ([`Seal`]). Plain data
//! that the file reader makes and the merge and its judge read.

use crate::ledger::error::Result;
use crate::ledger::event::{Event, EventRecord};

/// Who says they wrote an exchange file (its first row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exporter {
    pub code: String,
    pub name: String,
    pub district: bool,
    /// The exporter's public key, as text.
    pub key: String,
    /// The clock the export started after (0: everything).
    pub since: i64,
}

/// The end of an exchange file: what it holds, and the exporter's
/// signature over that and the [`Exporter`] fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seal {
    /// The line of the end row.
    pub line: u64,
    pub events: u64,
    pub max_clock: i64,
    /// SHA-256 of the event hashes, each followed by a newline (checked by
    /// the reader against the rows it read).
    pub digest: String,
    pub signature: String,
}

/// One item of an exchange stream: first the exporter, then the events
/// (with the file line each came from and its payload already parsed,
/// which a reader thread can do), last the seal.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // one Begin and one End per file; boxing events would cost an allocation each
pub enum Incoming {
    Begin(Exporter),
    Event {
        line: u64,
        rec: EventRecord,
        event: Result<Event, String>,
    },
    End(Seal),
}
