//! The stored event: exactly what the exchange file ships — origin, seq,
//! clock, at, actor, kind, case id, payload (JSON text) and hash. The
//! payload text is stored as written and hashed as stored, so a record is
//! verified byte for byte wherever it travels; it is never re-serialised.

use rusqlite::{Connection, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::error::{Error, Result};
use super::event::Event;

/// The version tag mixed into every hash; bump it only with a new exchange
/// format.
pub const HASH_TAG: &str = "ledger-event-v1";

/// One stored event, exactly as it is kept and shipped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub origin: String,
    pub seq: i64,
    pub clock: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub case_id: Option<String>,
    pub payload: String,
    pub hash: String,
}

impl EventRecord {
    /// The SHA-256 (hex) of the record's canonical form: the tag, then
    /// every column but the hash, each as `<byte length>:<bytes>\n` (a
    /// missing case id as `-\n`). Length prefixes make the form
    /// unambiguous without escaping anything.
    pub fn compute_hash(&self) -> String {
        /// Decimal digits of `n` into `buf`, without allocating (this runs
        /// for every row of every merge).
        fn digits(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
            let mut i = buf.len();
            loop {
                i -= 1;
                buf[i] = b'0' + (n % 10) as u8;
                n /= 10;
                if n == 0 {
                    return &buf[i..];
                }
            }
        }
        fn field(h: &mut Sha256, bytes: &[u8]) {
            h.update(digits(bytes.len() as u64, &mut [0; 20]));
            h.update(b":");
            h.update(bytes);
            h.update(b"\n");
        }
        fn number(h: &mut Sha256, n: i64) {
            let mut buf = [0; 20];
            let text = digits(n.unsigned_abs(), &mut buf);
            if n < 0 {
                field(h, &[b"-", text].concat());
            } else {
                field(h, text);
            }
        }
        let mut h = Sha256::new();
        field(&mut h, HASH_TAG.as_bytes());
        field(&mut h, self.origin.as_bytes());
        number(&mut h, self.seq);
        number(&mut h, self.clock);
        field(&mut h, self.at.as_bytes());
        field(&mut h, self.actor.as_bytes());
        field(&mut h, self.kind.as_bytes());
        match &self.case_id {
            Some(c) => field(&mut h, c.as_bytes()),
            None => h.update(b"-\n"),
        }
        field(&mut h, self.payload.as_bytes());
        hex::encode(h.finalize())
    }

    pub fn event(&self) -> Result<Event> {
        Event::parse(&self.kind, &self.payload)
            .map_err(|e| Error::Corrupt(format!("event {}/{}: {e}", self.origin, self.seq)))
    }

    pub(crate) const COLUMNS: &'static str =
        "origin, seq, clock, at, actor, kind, case_id, payload, hash";

    pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRecord> {
        Ok(EventRecord {
            origin: r.get(0)?,
            seq: r.get(1)?,
            clock: r.get(2)?,
            at: r.get(3)?,
            actor: r.get(4)?,
            kind: r.get(5)?,
            case_id: r.get(6)?,
            payload: r.get(7)?,
            hash: r.get(8)?,
        })
    }

    pub(crate) fn insert(&self, conn: &Connection) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO events (origin, seq, clock, at, actor, kind, case_id, payload, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            self.origin,
            self.seq,
            self.clock,
            self.at,
            self.actor,
            self.kind,
            self.case_id,
            self.payload,
            self.hash
        ])?;
        Ok(())
    }

    /// A case's events in replay order.
    pub(crate) fn for_case(conn: &Connection, case_id: &str) -> Result<Vec<EventRecord>> {
        let mut st = conn.prepare_cached(&format!(
            "SELECT {} FROM events WHERE case_id = ?1 ORDER BY clock, origin, seq",
            Self::COLUMNS
        ))?;
        let rows = st.query_map([case_id], Self::from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::event::CaseNote;

    fn record() -> EventRecord {
        let mut r = EventRecord {
            origin: "S03".into(),
            seq: 1,
            clock: 1,
            at: "2026-11-03T09:00:00+08:00".into(),
            actor: "clerk".into(),
            kind: "case.note".into(),
            case_id: Some("S03-2026-0001".into()),
            payload: Event::CaseNote(CaseNote {
                text: "电话回访".into(),
            })
            .payload(),
            hash: String::new(),
        };
        r.hash = r.compute_hash();
        r
    }

    #[test]
    fn any_change_to_a_record_changes_its_hash() {
        let r = record();
        assert_eq!(r.hash.len(), 64);
        let mut s = r.clone();
        s.payload = s.payload.replace("回访", "回复");
        assert_ne!(s.compute_hash(), r.hash);
        let mut s = r.clone();
        s.at = "2026/11/3 9:00".into();
        assert_ne!(s.compute_hash(), r.hash);
        let mut s = r.clone();
        s.case_id = None;
        assert_ne!(s.compute_hash(), r.hash);
    }

    #[test]
    fn payloads_round_trip_and_unknown_kinds_are_named() {
        let r = record();
        assert_eq!(r.event().unwrap().payload(), r.payload);
        let e = Event::parse("case.frobnicate", "{}").unwrap_err();
        assert!(e.contains("case.frobnicate"), "{e}");
        let e = Event::parse("case.note", "{\"txt\":1}").unwrap_err();
        assert!(e.contains("case.note"), "{e}");
    }
}
