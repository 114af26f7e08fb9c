//! The exchange file: a ledger's events as one CSV, for the nightly trip
//! from a street office to the district (and back).
//!
//! Format `ledger/2` (signed; `ledger/1` files, unsigned, are refused with
//! a message saying to upgrade the ledger that wrote them):
//!
//! - UTF-8 with a BOM (Excel/WPS on Chinese Windows then shows Chinese);
//!   RFC 4180 quoting, so fields may hold commas, quotes and newlines.
//! - A header row: `format,origin,seq,clock,at,actor,kind,case_id,payload,hash`.
//!   Every later row's `format` is `ledger/2`.
//! - A first row with `kind` = `export.begin`: `origin` is the exporting
//!   office, `seq` 0, `clock` the clock the export started after (0 for a
//!   full export), `payload` `{"district":…,"name":…,"key":"ed25519:…"}`,
//!   other columns empty. The receiver knows from it, before reading on,
//!   whether it takes files from that writer with that key.
//! - One row per event, exactly as stored (see `ledger::event`): `payload`
//!   is the event's JSON text; `hash` is its SHA-256 over the canonical
//!   form of the other columns (unchanged since `ledger/1`). Rows not
//!   about a case come first, in replay order (clock, origin, seq); then
//!   each case's rows together, cases by id, each in replay order. So the
//!   same ledger always gives the same bytes, a person reads a case's
//!   history in consecutive rows, and a receiver folds a new case in one
//!   pass.
//! - A last row with `kind` = `export.end`: `origin` the exporting office,
//!   `seq` the number of event rows, `clock` the largest clock (the `since`
//!   clock if that is larger: an empty incremental export carries the
//!   clock it was given), `hash` the SHA-256 of the event hashes (each
//!   followed by a newline), and `payload` `{"sig":…}`: the exporter's
//!   Ed25519 signature over the begin row's fields, the count, the clock
//!   and the digest (`ledger::keys::SealFields`). A file without it was
//!   cut short.
//!
//! Reading verifies every row's hash, the count and the digest, and names
//! the file's line and the event for anything that does not match; the
//! merge checks the signature against the key registered for the writer.

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ledger::error::EventRef;
use crate::ledger::keys::SealFields;
use crate::ledger::merge::{Exporter, Incoming, Seal};
use crate::ledger::{Error, Event, EventRecord, Ledger, Refusal, Result};
use crate::text::clip;

/// The format tag in every row's first column.
pub const FORMAT: &str = "ledger/2";
/// The format before files were signed.
pub const FORMAT_V1: &str = "ledger/1";
/// The header row.
pub const HEADER: [&str; 10] = [
    "format", "origin", "seq", "clock", "at", "actor", "kind", "case_id", "payload", "hash",
];
/// The kind of the opening row.
pub const BEGIN_KIND: &str = "export.begin";
/// The kind of the closing row.
pub const END_KIND: &str = "export.end";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BeginPayload {
    district: bool,
    name: String,
    key: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EndPayload {
    sig: String,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportStats {
    pub events: u64,
    pub max_clock: i64,
}

/// Writes the ledger's events with clock greater than `since` (all, for
/// `None`) as an exchange file.
pub fn export(ledger: &Ledger, out: &mut dyn Write, since: Option<i64>) -> Result<ExportStats> {
    let office = ledger.office();
    let key = ledger.public_key()?.to_string();
    let since = since.unwrap_or(0).max(0);
    out.write_all(crate::render::BOM.as_bytes())?;
    let mut w = csv::WriterBuilder::new().from_writer(out);
    w.write_record(HEADER).map_err(csv_err)?;
    let begin = serde_json::to_string(&BeginPayload {
        district: office.district,
        name: office.name.clone(),
        key: key.clone(),
    })?;
    w.write_record([
        FORMAT,
        &office.code,
        "0",
        &since.to_string(),
        "",
        "",
        BEGIN_KIND,
        "",
        &begin,
        "",
    ])
    .map_err(csv_err)?;
    let mut digest = Sha256::new();
    let mut stats = ExportStats {
        events: 0,
        max_clock: since,
    };
    ledger.each_event(since, |r| {
        let seq = r.seq.to_string();
        let clock = r.clock.to_string();
        w.write_record([
            FORMAT,
            &r.origin,
            &seq,
            &clock,
            &r.at,
            &r.actor,
            &r.kind,
            r.case_id.as_deref().unwrap_or(""),
            &r.payload,
            &r.hash,
        ])
        .map_err(csv_err)?;
        digest.update(r.hash.as_bytes());
        digest.update(b"\n");
        stats.events += 1;
        stats.max_clock = stats.max_clock.max(r.clock);
        Ok(())
    })?;
    let digest = hex::encode(digest.finalize());
    let sig = ledger.sign(&SealFields {
        code: &office.code,
        name: &office.name,
        district: office.district,
        key: &key,
        since,
        events: stats.events,
        max_clock: stats.max_clock,
        digest: &digest,
    })?;
    let end = serde_json::to_string(&EndPayload { sig })?;
    w.write_record([
        FORMAT,
        &office.code,
        &stats.events.to_string(),
        &stats.max_clock.to_string(),
        "",
        "",
        END_KIND,
        "",
        &end,
        &digest,
    ])
    .map_err(csv_err)?;
    w.flush()?;
    Ok(stats)
}

fn csv_err(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => Error::Io(e),
        k => Refusal::Csv(format!("{k:?}")).into(),
    }
}

/// A row's line in the file and its seq and clock columns.
#[derive(Clone, Copy)]
struct Numbers {
    line: u64,
    seq: i64,
    clock: i64,
}

/// Reads an exchange file as a stream of verified events and, last, the
/// exporter. Any problem ends the stream with a refusal naming the line.
pub struct Reader<R: Read> {
    name: String,
    rows: csv::Reader<Bounded<R>>,
    /// Reused for every row.
    record: csv::StringRecord,
    digest: Sha256,
    count: u64,
    begun: bool,
    ended: bool,
    failed: bool,
}

impl<R: Read> Reader<R> {
    /// Checks the header; `name` is the file name used in messages.
    pub fn new(name: &str, input: R) -> Result<Reader<R>> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(Bounded::new(input));
        let refuse = |why: Refusal| Error::from(why).in_file(name);
        let mut first = csv::StringRecord::new();
        let got = rdr
            .read_record(&mut first)
            .map_err(|e| refuse(read_problem(&e)))?;
        if !got {
            return Err(refuse(Refusal::EmptyFile));
        }
        let fields: Vec<&str> = first
            .iter()
            .enumerate()
            .map(|(i, f)| {
                if i == 0 {
                    f.trim_start_matches('\u{feff}')
                } else {
                    f
                }
            })
            .collect();
        if fields != HEADER {
            return Err(refuse(Refusal::NotExchange {
                found: clip(&fields.join(","), 80),
            }));
        }
        Ok(Reader {
            name: name.to_string(),
            rows: rdr,
            record: csv::StringRecord::new(),
            digest: Sha256::new(),
            count: 0,
            begun: false,
            ended: false,
            failed: false,
        })
    }

    fn refuse(&mut self, line: u64, why: Refusal) -> Error {
        self.failed = true;
        // Line 0: the reader could not say where (it failed mid-line).
        match line {
            0 => Error::from(why),
            n => why.at(n),
        }
        .in_file(&self.name)
    }

    fn row(&mut self) -> Result<Incoming> {
        let rec = std::mem::take(&mut self.record);
        let out = self.parse_row(&rec);
        self.record = rec;
        out
    }

    fn parse_row(&mut self, rec: &csv::StringRecord) -> Result<Incoming> {
        let line = rec.position().map_or(0, |p| p.line());
        if self.ended {
            return Err(self.refuse(line, Refusal::RowsAfterEnd));
        }
        if rec.len() != HEADER.len() {
            return Err(self.refuse(
                line,
                Refusal::FieldCount {
                    found: rec.len(),
                    expected: HEADER.len(),
                },
            ));
        }
        let format = &rec[0];
        if format != FORMAT {
            let why = if format == FORMAT_V1 {
                Refusal::FormatV1
            } else if format.starts_with("ledger/") {
                Refusal::FormatNewer(clip(format, 20))
            } else {
                Refusal::FormatColumn(clip(format, 20))
            };
            return Err(self.refuse(line, why));
        }
        let int = |i: usize, this: &mut Self| -> Result<i64> {
            rec[i].parse::<i64>().map_err(|_| {
                this.refuse(
                    line,
                    Refusal::NotANumber {
                        column: HEADER[i].to_string(),
                        value: clip(&rec[i], 20),
                    },
                )
            })
        };
        let seq = int(2, self)?;
        let clock = int(3, self)?;
        if !self.begun {
            return self.begin_row(rec, line, clock);
        }
        if &rec[6] == BEGIN_KIND {
            return Err(self.refuse(line, Refusal::SecondBegin));
        }
        if &rec[6] == END_KIND {
            return self.end_row(rec, Numbers { line, seq, clock });
        }
        self.event_row(rec, Numbers { line, seq, clock })
    }

    /// The first row: who wrote the file, from which clock on.
    fn begin_row(&mut self, rec: &csv::StringRecord, line: u64, clock: i64) -> Result<Incoming> {
        if &rec[6] != BEGIN_KIND {
            return Err(self.refuse(line, Refusal::FirstNotBegin));
        }
        self.begun = true;
        let begin: BeginPayload =
            serde_json::from_str(&rec[8]).map_err(|_| self.refuse(line, Refusal::BeginPayload))?;
        Ok(Incoming::Begin(Exporter {
            code: rec[1].to_string(),
            name: begin.name,
            district: begin.district,
            key: begin.key,
            since: clock,
        }))
    }

    /// The end row: the count and digest of what came before, and the seal.
    fn end_row(&mut self, rec: &csv::StringRecord, n: Numbers) -> Result<Incoming> {
        let Numbers { line, seq, clock } = n;
        self.ended = true;
        let digest = hex::encode(std::mem::take(&mut self.digest).finalize());
        if seq as u64 != self.count {
            return Err(self.refuse(
                line,
                Refusal::EndCount {
                    counted: seq,
                    held: self.count,
                },
            ));
        }
        if rec[9] != digest {
            return Err(self.refuse(line, Refusal::Digest));
        }
        let end: EndPayload =
            serde_json::from_str(&rec[8]).map_err(|_| self.refuse(line, Refusal::EndPayload))?;
        Ok(Incoming::End(Seal {
            line,
            events: self.count,
            max_clock: clock,
            digest,
            signature: end.sig,
        }))
    }

    /// An event row, verified against its own hash and added to the digest.
    fn event_row(&mut self, rec: &csv::StringRecord, n: Numbers) -> Result<Incoming> {
        let Numbers { line, seq, clock } = n;
        let case_id = match &rec[7] {
            "" => None,
            s => Some(s.to_string()),
        };
        let r = EventRecord {
            origin: rec[1].to_string(),
            seq,
            clock,
            at: rec[4].to_string(),
            actor: rec[5].to_string(),
            kind: rec[6].to_string(),
            case_id,
            payload: rec[8].to_string(),
            hash: rec[9].to_string(),
        };
        if r.compute_hash() != r.hash {
            return Err(self.refuse(line, Refusal::HashMismatch(EventRef::of(&r))));
        }
        self.digest.update(r.hash.as_bytes());
        self.digest.update(b"\n");
        self.count += 1;
        let event = Event::parse(&r.kind, &r.payload);
        Ok(Incoming::Event {
            line,
            rec: r,
            event,
        })
    }
}

fn read_problem(e: &csv::Error) -> Refusal {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => Refusal::NotUtf8,
        csv::ErrorKind::Io(io)
            if io
                .get_ref()
                .is_some_and(|inner| inner.downcast_ref::<LineTooLong>().is_some()) =>
        {
            Refusal::LineTooLong { max: MAX_LINE }
        }
        csv::ErrorKind::Io(io) => Refusal::Csv(io.to_string()),
        _ => Refusal::Csv(e.to_string()),
    }
}

/// The longest line an exchange file may have, in bytes. An event row is
/// a few kilobytes at most (a long complaint's details); a longer line is
/// not an export, and reading it whole would let any file (`/dev/zero`, a
/// corrupt copy, a crafted one) take the machine's memory.
pub const MAX_LINE: usize = 4 << 20;

/// The error a [`Bounded`] reader stops with.
#[derive(Debug)]
struct LineTooLong;

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a line longer than {MAX_LINE} bytes")
    }
}

impl std::error::Error for LineTooLong {}

/// A reader that fails once a line (bytes between newlines) passes
/// [`MAX_LINE`], before the CSV reader has buffered it.
pub struct Bounded<R> {
    inner: R,
    since_newline: usize,
}

impl<R> Bounded<R> {
    fn new(inner: R) -> Bounded<R> {
        Bounded {
            inner,
            since_newline: 0,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let got = &buf[..n];
        self.since_newline = match got.iter().rposition(|&b| b == b'\n') {
            Some(i) => n - i - 1,
            None => self.since_newline + n,
        };
        if self.since_newline > MAX_LINE {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                LineTooLong,
            ));
        }
        Ok(n)
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Incoming>;

    fn next(&mut self) -> Option<Result<Incoming>> {
        if self.failed {
            return None;
        }
        match self.rows.read_record(&mut self.record) {
            Ok(true) => Some(self.row()),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let why = read_problem(&e);
                Some(Err(self.refuse(line, why)))
            }
            Ok(false) if !self.ended => {
                self.failed = true;
                Some(Err(
                    Error::from(Refusal::CutShort { events: self.count }).in_file(&self.name)
                ))
            }
            Ok(false) => None,
        }
    }
}

/// Runs `reader` on its own thread, so that reading, hashing and parsing
/// the file overlap with writing the ledger on this one. Items come in
/// batches through a bounded channel: memory stays flat.
pub fn read_ahead<R: Read + Send + 'static>(
    reader: Reader<R>,
) -> impl Iterator<Item = Result<Incoming>> {
    const BATCH: usize = 512;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Incoming>>>(8);
    std::thread::spawn(move || {
        let mut batch = Vec::with_capacity(BATCH);
        for item in reader {
            batch.push(item);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if tx.send(full).is_err() {
                    return;
                }
            }
        }
        let _ = tx.send(batch);
    });
    rx.into_iter().flatten()
}
