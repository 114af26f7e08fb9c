//! The forger's kit (issue 10): exchange files written by hand, with every
//! event hash, the digest and the signature recomputed, as someone with a
//! text editor and a few lines of script would. The signing key is any
//! 32 bytes: one nobody registered, or an office's own (read from its file,
//! as the clerk who holds the file could).

use std::path::Path;

use ed25519_dalek::{Signer, SigningKey};
use ledger::ledger::EventRecord;
use ledger::ledger::keys::SealFields;
use sha2::Digest;

/// Who a forged file says wrote it, and the key it is signed with.
pub struct Forger {
    pub code: String,
    pub name: String,
    pub district: bool,
    pub secret: [u8; 32],
    pub since: i64,
}

impl Forger {
    /// An exporter signing with a key of its own choosing.
    pub fn new(code: &str, district: bool, secret: [u8; 32]) -> Forger {
        Forger {
            code: code.into(),
            name: "x".into(),
            district,
            secret,
            since: 0,
        }
    }

    /// An exporter signing with the key held in the ledger file `db`.
    pub fn holding(db: &Path, name: &str) -> Forger {
        let conn = rusqlite::Connection::open(db).unwrap();
        let get = |k: &str| -> String {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))
                .unwrap()
        };
        let secret: [u8; 32] = hex::decode(get("signing_key")).unwrap().try_into().unwrap();
        Forger {
            code: get("office"),
            name: name.into(),
            district: get("district") == "1",
            secret,
            since: 0,
        }
    }

    /// The public key as `ledger key` prints it.
    pub fn key(&self) -> String {
        format!(
            "ed25519:{}",
            hex::encode(
                SigningKey::from_bytes(&self.secret)
                    .verifying_key()
                    .as_bytes()
            )
        )
    }

    /// A complete, well-formed, signed exchange file holding `events`.
    pub fn file(&self, events: &[EventRecord]) -> String {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(vec![]);
        let key = self.key();
        let begin = serde_json::json!({"district": self.district, "name": self.name, "key": key});
        w.write_record([
            "ledger/2",
            &self.code,
            "0",
            &self.since.to_string(),
            "",
            "",
            "export.begin",
            "",
            &begin.to_string(),
            "",
        ])
        .unwrap();
        let mut digest = sha2::Sha256::new();
        let mut max_clock = self.since;
        for e in events {
            w.write_record([
                "ledger/2",
                &e.origin,
                &e.seq.to_string(),
                &e.clock.to_string(),
                &e.at,
                &e.actor,
                &e.kind,
                e.case_id.as_deref().unwrap_or(""),
                &e.payload,
                &e.hash,
            ])
            .unwrap();
            digest.update(e.hash.as_bytes());
            digest.update(b"\n");
            max_clock = max_clock.max(e.clock);
        }
        let digest = hex::encode(digest.finalize());
        let seal = SealFields {
            code: &self.code,
            name: &self.name,
            district: self.district,
            key: &key,
            since: self.since,
            events: events.len() as u64,
            max_clock,
            digest: &digest,
        };
        let sig = hex::encode(
            SigningKey::from_bytes(&self.secret)
                .sign(&seal.message())
                .to_bytes(),
        );
        w.write_record([
            "ledger/2",
            &self.code,
            &events.len().to_string(),
            &max_clock.to_string(),
            "",
            "",
            "export.end",
            "",
            &serde_json::json!({ "sig": sig }).to_string(),
            &digest,
        ])
        .unwrap();
        format!(
            "\u{feff}format,origin,seq,clock,at,actor,kind,case_id,payload,hash\n{}",
            String::from_utf8(w.into_inner().unwrap()).unwrap()
        )
    }
}

/// The event rows of an exchange file, to alter and sign again.
pub fn events_of(text: &str) -> Vec<EventRecord> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|x| x.unwrap())
        .filter(|x| !x[6].starts_with("export."))
        .map(|x| EventRecord {
            origin: x[1].into(),
            seq: x[2].parse().unwrap(),
            clock: x[3].parse().unwrap(),
            at: x[4].into(),
            actor: x[5].into(),
            kind: x[6].into(),
            case_id: (!x[7].is_empty()).then(|| x[7].to_string()),
            payload: x[8].into(),
            hash: x[9].into(),
        })
        .collect()
}

/// An event with its hash computed.
pub fn event(
    origin: &str,
    seq: i64,
    kind: &str,
    case_id: Option<&str>,
    payload: &str,
) -> EventRecord {
    let mut e = EventRecord {
        origin: origin.into(),
        seq,
        clock: seq,
        at: "2026-11-20T09:00:00+08:00".into(),
        actor: "x".into(),
        kind: kind.into(),
        case_id: case_id.map(Into::into),
        payload: payload.into(),
        hash: String::new(),
    };
    e.hash = e.compute_hash();
    e
}

/// Sets a field and recomputes the hash, as a forger would.
pub fn rehash(mut e: EventRecord, f: impl FnOnce(&mut EventRecord)) -> EventRecord {
    f(&mut e);
    e.hash = e.compute_hash();
    e
}

/// Writes `e` straight into the ledger file `db` with SQL, as a clerk with
/// `sqlite3` could (nothing checks it on the way in).
pub fn insert_raw(db: &Path, e: &EventRecord) {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute(
            "INSERT INTO events (origin, seq, clock, at, actor, kind, case_id, payload, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                e.origin, e.seq, e.clock, e.at, e.actor, e.kind, e.case_id, e.payload, e.hash
            ],
        )
        .unwrap();
}
