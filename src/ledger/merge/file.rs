//! Checks on an exchange file as a whole: who wrote it (its first row and
//! its seal), whether each origin's events form an unbroken run, and
//! whether the cases it refers to exist.

use super::Merging;
use super::stream::{Exporter, Seal};
use crate::ledger::error::refuse;
use crate::ledger::error::{Refusal, Result};
use crate::ledger::event::EventRecord;
use crate::ledger::keys::{self, PublicKey, SealFields};

/// Per origin: what the file holds of it, and what this ledger held.
#[derive(Clone, Copy, Debug)]
pub(super) struct Run {
    min: i64,
    max: i64,
    count: i64,
    held_max: i64,
}

impl Merging<'_> {
    /// The file's first row: is its writer one this ledger takes files from?
    pub(super) fn begin(&mut self, e: Exporter) -> Result<()> {
        if self.exporter.is_some() {
            return Err(Refusal::SecondBegin.at(2));
        }
        let me = self.receiver;
        let key = if e.code == me.code {
            if e.district != me.district {
                return Err(Refusal::RoleMismatch {
                    code: e.code.clone(),
                    theirs: e.district,
                    ours: me.district,
                }
                .at(2));
            }
            keys::public(self.conn)?
        } else {
            let Some(key) = keys::trusted(self.conn, &e.code)? else {
                return Err(Refusal::KeyUnknown {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    key: e
                        .key
                        .parse::<PublicKey>()
                        .map_or_else(|_| "(unreadable)".to_string(), |k| k.short()),
                }
                .at(2));
            };
            if e.district == me.district {
                return Err(Refusal::WrongRole {
                    code: e.code.clone(),
                    name: e.name.clone(),
                    theirs: e.district,
                    ours: me.district,
                }
                .at(2));
            }
            key
        };
        if key.to_string() != e.key {
            return Err(Refusal::KeyMismatch {
                code: e.code.clone(),
                key: key.short(),
            }
            .at(2));
        }
        self.key = Some(key);
        self.exporter = Some(e);
        Ok(())
    }

    /// The file's last row: the exporter's signature over what it holds.
    pub(super) fn seal(&mut self, seal: &Seal) -> Result<()> {
        let (Some(e), Some(key)) = (&self.exporter, &self.key) else {
            return Err(Refusal::EndWithoutBegin.at(seal.line));
        };
        let message = SealFields {
            code: &e.code,
            name: &e.name,
            district: e.district,
            key: &e.key,
            since: e.since,
            events: seal.events,
            max_clock: seal.max_clock,
            digest: &seal.digest,
        }
        .message();
        if !key.verifies(&message, &seal.signature) {
            return Err(Refusal::BadSignature(e.code.clone()).at(seal.line));
        }
        Ok(())
    }

    /// Counts a row of the file under its origin (before it is inserted, so
    /// that what this ledger held is read first).
    pub(super) fn saw(&mut self, rec: &EventRecord) -> Result<()> {
        if let Some(r) = self.origins.get_mut(&rec.origin) {
            r.min = r.min.min(rec.seq);
            r.max = r.max.max(rec.seq);
            r.count += 1;
            return Ok(());
        }
        let held_max: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(max(seq), 0) FROM events WHERE origin = ?1")?
            .query_row([&rec.origin], |r| r.get(0))?;
        self.origins.insert(
            rec.origin.clone(),
            Run {
                min: rec.seq,
                max: rec.seq,
                count: 1,
                held_max,
            },
        );
        Ok(())
    }

    /// Each origin the file holds completely is one unbroken run that
    /// continues what this ledger holds (where it keeps all of it).
    pub(super) fn runs_unbroken(&self) -> Result<()> {
        let e = self.exporter();
        let mut origins: Vec<_> = self.origins.iter().collect();
        origins.sort_by(|a, b| a.0.cmp(b.0));
        for (origin, r) in origins {
            let complete = *origin == e.code || e.district;
            if !complete {
                continue;
            }
            if r.count != r.max - r.min + 1 {
                refuse!(Refusal::RunBroken {
                    origin: origin.clone(),
                    count: r.count,
                    min: r.min,
                    max: r.max,
                });
            }
            let keeps_all = self.receiver.district || *origin == self.receiver.code;
            if keeps_all && r.min > r.held_max + 1 {
                refuse!(Refusal::RunGap {
                    origin: origin.clone(),
                    min: r.min,
                    held_max: r.held_max,
                });
            }
        }
        Ok(())
    }

    /// A duplicate close names a case that exists, wherever that case's
    /// office's cases are kept.
    pub(super) fn duplicates_exist(&self) -> Result<()> {
        for (line, target) in &self.duplicates {
            let office = target.split('-').next().unwrap_or_default();
            if !self.receiver.district && office != self.receiver.code {
                continue;
            }
            let exists: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM events WHERE case_id = ?1 AND kind = 'case.add')",
                )?
                .query_row([target], |r| r.get(0))?;
            if !exists {
                return Err(Refusal::DuplicateOfMissing(target.clone()).at(*line));
            }
        }
        Ok(())
    }
}
