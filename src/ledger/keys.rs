//! Signing keys: each ledger's own Ed25519 key, the keys it trusts, and the
//! seal that proves who wrote an exchange file.
//!
//! Ed25519 through `ed25519-dalek` (dalek-cryptography: pure Rust, audited,
//! no C to build on the clerks' Windows PCs, deterministic signatures so an
//! unchanged ledger still exports the same bytes). The private key is 32
//! random bytes from the OS (`getrandom`), kept in the file's `meta` table:
//! whoever holds the file is the office. The public key travels as text,
//! `ed25519:<64 hex digits>`, read out over the phone and typed into
//! `ledger trust` at the receiver.

use std::fmt;
use std::str::FromStr;

use crate::invalid::{Expected, Invalid};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rusqlite::{Connection, OptionalExtension, params};

use super::error::{Error, Refusal, Result};

/// A public key as it is read out and typed: `ed25519:<64 hex digits>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

const PREFIX: &str = "ed25519:";

impl PublicKey {
    /// Whether `sig` (hex) is this key's signature of `message`.
    pub fn verifies(&self, message: &[u8], sig: &str) -> bool {
        let Ok(bytes) = hex::decode(sig) else {
            return false;
        };
        let Ok(bytes) = <[u8; 64]>::try_from(bytes.as_slice()) else {
            return false;
        };
        self.0
            .verify_strict(message, &Signature::from_bytes(&bytes))
            .is_ok()
    }

    /// The first characters, enough to tell two keys apart in a message.
    pub fn short(&self) -> String {
        let s = self.to_string();
        format!("{}…", &s[..PREFIX.len() + 12])
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}{}", hex::encode(self.0.as_bytes()))
    }
}

impl FromStr for PublicKey {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new(&crate::text::clip(s, 24), Expected::Key);
        let t = s.trim();
        let hex_part = t.strip_prefix(PREFIX).ok_or_else(bad)?;
        let bytes = hex::decode(hex_part.to_ascii_lowercase()).map_err(|_| bad())?;
        let bytes = <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| bad())?;
        VerifyingKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| bad())
    }
}

/// 32 random bytes from the operating system: a new private key.
pub(crate) fn new_secret() -> Result<String> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| Error::Io(std::io::Error::other(format!("no randomness: {e}"))))?;
    Ok(hex::encode(seed))
}

/// Gives the file its private key if it has none (a new file, or one made
/// before keys existed). Call inside a write transaction.
pub(crate) fn ensure_secret(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('signing_key', ?1)",
        [new_secret()?],
    )?;
    Ok(())
}

/// This file's signing key.
pub(crate) fn secret(conn: &Connection) -> Result<SigningKey> {
    let text: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'signing_key'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::Corrupt("the file has no signing key".into()))?;
    let bytes = hex::decode(&text)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .ok_or_else(|| Error::Corrupt("the file's signing key is not 32 bytes".into()))?;
    Ok(SigningKey::from_bytes(&bytes))
}

/// This file's public key.
pub(crate) fn public(conn: &Connection) -> Result<PublicKey> {
    Ok(PublicKey(secret(conn)?.verifying_key()))
}

/// Signs `message` with this file's key; the signature as hex.
pub(crate) fn sign(conn: &Connection, message: &[u8]) -> Result<String> {
    Ok(hex::encode(secret(conn)?.sign(message).to_bytes()))
}

/// The key registered for `code`, if any.
pub(crate) fn trusted(conn: &Connection, code: &str) -> Result<Option<PublicKey>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT key FROM trust WHERE code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?;
    match text {
        None => Ok(None),
        Some(t) => t
            .parse()
            .map(Some)
            .map_err(|e: Invalid| Error::Corrupt(format!("the key trusted for {code}: {e}"))),
    }
}

/// Registers `key` for `code` (derived from this ledger's own `key.trust`
/// events; later ones replace earlier ones).
pub(crate) fn set_trusted(conn: &Connection, code: &str, key: &str, at: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO trust (code, key, registered_at) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![code, key, at])?;
    Ok(())
}

/// The canonical bytes an export's seal signs: a tag, then each field as
/// `<byte length>:<bytes>\n` (unambiguous without escaping, like event
/// hashes). Covers who wrote the file (code, name, role, key), what it
/// holds (since, count, largest clock) and the digest of its event hashes.
pub struct SealFields<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub district: bool,
    pub key: &'a str,
    pub since: i64,
    pub events: u64,
    pub max_clock: i64,
    pub digest: &'a str,
}

impl SealFields<'_> {
    pub fn message(&self) -> Vec<u8> {
        let mut m = Vec::with_capacity(256);
        let mut field = |b: &[u8]| {
            m.extend_from_slice(b.len().to_string().as_bytes());
            m.push(b':');
            m.extend_from_slice(b);
            m.push(b'\n');
        };
        field(b"ledger-export-v2");
        field(self.code.as_bytes());
        field(self.name.as_bytes());
        field(if self.district { b"1" } else { b"0" });
        field(self.key.as_bytes());
        field(self.since.to_string().as_bytes());
        field(self.events.to_string().as_bytes());
        field(self.max_clock.to_string().as_bytes());
        field(self.digest.as_bytes());
        m
    }
}

/// One key this ledger takes files from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trusted {
    pub code: String,
    pub key: String,
    pub registered_at: String,
}

/// What `trust` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registered {
    New,
    Replaced,
    /// The same key was registered already: nothing written.
    Unchanged,
}

impl super::Ledger {
    /// This ledger's public key, as `ledger key` prints it.
    pub fn public_key(&self) -> Result<PublicKey> {
        public(&self.conn)
    }

    /// Signs an export's seal with this ledger's key.
    pub fn sign(&self, seal: &SealFields) -> Result<String> {
        sign(&self.conn, &seal.message())
    }

    /// The keys this ledger takes files from, by office code.
    pub fn trusted_keys(&self) -> Result<Vec<Trusted>> {
        let mut st = self
            .conn
            .prepare("SELECT code, key, registered_at FROM trust ORDER BY code")?;
        let rows = st.query_map([], |r| {
            Ok(Trusted {
                code: r.get(0)?,
                key: r.get(1)?,
                registered_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl super::Writer<'_> {
    /// Registers the key an office (or, at an office, the district) read
    /// out from its own `ledger key`. Replacing a registered key needs
    /// `replace`; a street office takes files from one district only.
    pub fn trust(&mut self, code: &str, key: &PublicKey, replace: bool) -> Result<Registered> {
        let me = self.office().clone();
        if code == me.code {
            super::error::refuse!(Refusal::TrustOwnCode(code.to_string()));
        }
        let held = trusted(self.conn(), code)?;
        if !me.district {
            let other: Option<String> = self
                .conn()
                .query_row(
                    "SELECT code FROM trust WHERE code != ?1 LIMIT 1",
                    [code],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = other {
                super::error::refuse!(Refusal::TrustSecondDistrict(other));
            }
        }
        let outcome = match &held {
            Some(k) if k == key => return Ok(Registered::Unchanged),
            Some(k) if !replace => super::error::refuse!(Refusal::KeyHeld {
                code: code.to_string(),
                key: k.short(),
            }),
            Some(_) => Registered::Replaced,
            None => Registered::New,
        };
        self.append(
            None,
            super::Event::KeyTrust(super::event::KeyTrust {
                office: code.to_string(),
                key: key.to_string(),
                replace: outcome == Registered::Replaced,
            }),
        )?;
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_round_trips_as_text_and_verifies_only_its_own_signatures() {
        let a = SigningKey::from_bytes(&[7; 32]);
        let b = SigningKey::from_bytes(&[8; 32]);
        let pa = PublicKey(a.verifying_key());
        let text = pa.to_string();
        assert!(text.starts_with("ed25519:") && text.len() == 8 + 64);
        assert_eq!(text.parse::<PublicKey>().unwrap(), pa);
        let sig = hex::encode(a.sign(b"msg").to_bytes());
        assert!(pa.verifies(b"msg", &sig));
        assert!(!pa.verifies(b"msh", &sig));
        let other = hex::encode(b.sign(b"msg").to_bytes());
        assert!(!pa.verifies(b"msg", &other));
        assert!(!pa.verifies(b"msg", "zz"));
        for bad in ["", "ed25519:", "ed25519:abc", "rsa:00", &text[1..]] {
            assert!(bad.parse::<PublicKey>().is_err(), "{bad}");
        }
    }
}
