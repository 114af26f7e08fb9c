//! The credit register of property service companies (信用管理): companies,
//! the scoring standard, good and bad records, scores and grades, and the
//! dishonesty list (失信名单) with the plan's sanctions.
//!
//! Everything here is derived from `credit.*` events on the shared log, so
//! the register travels through export and merge like cases do; the
//! register is folded from the events when a command needs it (they are
//! few, and the non-case events have an index of their own).

pub mod committee;
pub mod error;
mod ops;
pub mod standard;
mod standing;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::ledger::query::CaseFilter;
use crate::ledger::{Event, EventRecord, Ledger};
pub use error::{Error, Result};
pub use ops::{
    ManagerFrom, NewRecord, Substantiated, add_company, add_record, blacklist, close_substantiated,
    dismiss, guarantee, load_standard,
};
use standard::Standard;
use standing::Decision;
pub use standing::{ListStatus, Standing};

/// A registered company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Company {
    pub uscc: String,
    pub name: String,
    pub managers: Vec<String>,
    pub committee: bool,
}

/// A credit record as registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The event that made it (`S03/42`).
    pub event: String,
    /// Its place among the credit events in replay order (breaks ties
    /// between things that happened on one day).
    #[serde(skip)]
    pub order: usize,
    pub uscc: String,
    pub item: String,
    pub date: NaiveDate,
    pub case: Option<String>,
    pub manager: Option<String>,
    pub note: Option<String>,
}

impl Record {
    /// The day the record stops counting under `std` (it counts from its
    /// date up to the day before); `None` for an item the standard lacks.
    pub fn ends(&self, std: &Standard) -> Option<NaiveDate> {
        let item = std.item(&self.item)?;
        self.date.checked_add_months(Months::new(item.months))
    }

    /// The record's points if it counts on `on` under `std`.
    pub fn points_on(&self, std: &Standard, on: NaiveDate) -> Option<i64> {
        let points = std.item(&self.item)?.points;
        let ends = self.ends(std)?;
        (self.date <= on && on < ends).then_some(points)
    }
}

/// The register folded from the log.
#[derive(Clone, Debug, Default)]
pub struct Register {
    pub companies: BTreeMap<String, Company>,
    /// The standard loaded last (in replay order), if any.
    pub loaded: Option<Standard>,
    pub records: Vec<Record>,
    decisions: BTreeMap<String, Vec<Decision>>,
    /// Issue 16: records against owners' committees, and the communities
    /// each company manages (`committee.rs`).
    pub committee_records: Vec<committee::CommitteeRecord>,
    managed: BTreeMap<String, Vec<(String, Option<crate::domain::Committee>)>>,
}

/// A date a credit event stored; one that is not a day means a damaged
/// file (the content rules refuse it on entry), never a default.
fn stored_date(rec: &EventRecord, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| Error::DamagedDate {
        event: format!("{}/{}", rec.origin, rec.seq),
        kind: rec.kind.clone(),
        value: crate::text::clip(value, 40),
    })
}

impl Register {
    /// Folds every `credit.*` event of the ledger, in replay order.
    ///
    /// A scoring standard counts where it was loaded and, coming from the
    /// district, at its offices: an office's own standard never replaces
    /// the district's (nor another office's).
    pub fn load(ledger: &Ledger) -> Result<Register> {
        let mut reg = Register::default();
        let own = ledger.office().code.clone();
        let districts: BTreeSet<String> = ledger
            .conn()
            .prepare("SELECT code FROM offices WHERE district = 1")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = ledger.conn().prepare(&format!(
            "SELECT {} FROM events WHERE case_id IS NULL AND kind LIKE 'credit.%'
             ORDER BY clock, origin, seq",
            EventRecord::COLUMNS
        ))?;
        let mut rows = st.query([])?;
        let mut order = 0;
        while let Some(row) = rows.next()? {
            let rec = EventRecord::from_row(row)?;
            order += 1;
            let counts = rec.origin == own || districts.contains(&rec.origin);
            reg.fold(&rec, order, counts)?;
        }
        reg.link_communities(&ledger.communities()?);
        Ok(reg)
    }

    /// Takes one credit event; `standard_counts` says whether a standard
    /// it loads is in force here.
    fn fold(&mut self, rec: &EventRecord, order: usize, standard_counts: bool) -> Result<()> {
        let decide = |uscc: String, d: Decision, reg: &mut Register| {
            reg.decisions.entry(uscc).or_default().push(d);
        };
        match rec.event()? {
            Event::CreditCompany(c) => {
                // The first registration of a code wins; later ones
                // (another office's, crossing in the post) add managers.
                let e = self.companies.entry(c.uscc.clone()).or_insert(Company {
                    uscc: c.uscc,
                    name: c.name,
                    managers: Vec::new(),
                    committee: c.committee,
                });
                for m in c.managers {
                    if !e.managers.contains(&m) {
                        e.managers.push(m);
                    }
                }
            }
            Event::CreditStandard(s) if standard_counts => self.loaded = Some(s.standard),
            Event::CreditStandard(_) => {}
            Event::CreditRecord(r) => self.records.push(Record {
                event: format!("{}/{}", rec.origin, rec.seq),
                order,
                date: stored_date(rec, &r.date)?,
                uscc: r.uscc,
                item: r.item,
                case: r.case,
                manager: r.manager,
                note: r.note,
            }),
            Event::CreditBlacklist(b) => {
                let date = stored_date(rec, &b.date)?;
                let reason = b.reason;
                decide(
                    b.uscc,
                    Decision::Blacklist {
                        date,
                        order,
                        reason,
                    },
                    self,
                )
            }
            Event::CreditGuarantee(g) => {
                let date = stored_date(rec, &g.date)?;
                let deposit = g.deposit;
                decide(
                    g.uscc,
                    Decision::Guarantee {
                        date,
                        order,
                        deposit,
                    },
                    self,
                )
            }
            Event::CreditDismiss(d) => {
                let date = stored_date(rec, &d.date)?;
                decide(
                    d.uscc,
                    Decision::Dismiss {
                        date,
                        order,
                        by: d.by,
                    },
                    self,
                )
            }
            Event::CreditCommittee(c) => self.committee_records.push(committee::CommitteeRecord {
                date: stored_date(rec, &c.date)?,
                office: c.office,
                community: c.community,
                item: c.item,
                case: c.case,
            }),
            _ => {}
        }
        Ok(())
    }

    /// The standard in force: the one loaded last, else the default.
    pub fn standard(&self) -> Standard {
        self.loaded.clone().unwrap_or_else(Standard::builtin)
    }

    /// The company a text names: its credit code in any case, or its
    /// registered name. The one rule for what a clerk types and for the
    /// party a case names.
    pub fn find(&self, typed: &str) -> Option<&Company> {
        let t = typed.trim();
        self.companies
            .get(&t.to_ascii_uppercase())
            .or_else(|| self.companies.values().find(|c| c.name == t))
    }

    /// A company by name or code, or a refusal saying how to register it.
    pub fn company(&self, typed: &str) -> Result<&Company> {
        self.find(typed).ok_or_else(|| Error::NoCompany {
            typed: typed.to_string(),
        })
    }

    /// The cases of each company (by credit code), in case order: those
    /// whose party names it (see [`Register::find`]). One pass over the
    /// cases, not one per company.
    pub fn cases(&self, ledger: &Ledger, today: &str) -> Result<BTreeMap<String, Vec<String>>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        ledger.each_case(&CaseFilter::default(), today, |k| {
            if let Some(c) = k.party.as_deref().and_then(|p| self.find(p)) {
                out.entry(c.uscc.clone()).or_default().push(k.id);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The records of a company that count on `on` under `std`, with
    /// their points.
    pub fn active<'a>(
        &'a self,
        std: &'a Standard,
        uscc: &'a str,
        on: NaiveDate,
    ) -> impl Iterator<Item = (&'a Record, i64)> + 'a {
        self.records
            .iter()
            .filter(move |r| r.uscc == uscc)
            .filter_map(move |r| Some((r, r.points_on(std, on)?)))
    }

    /// Score on a date: base + good − bad records within their validity.
    pub fn score(&self, std: &Standard, uscc: &str, on: NaiveDate) -> i64 {
        std.base + self.active(std, uscc, on).map(|(_, p)| p).sum::<i64>()
    }

    /// Managers named on deduction records (个人失信档案), with them.
    pub fn manager_entries(&self, std: &Standard) -> BTreeMap<(String, String), Vec<&Record>> {
        let mut out: BTreeMap<(String, String), Vec<&Record>> = BTreeMap::new();
        for r in &self.records {
            let bad = std.item(&r.item).is_some_and(|i| i.points < 0);
            if let (true, Some(m)) = (bad, &r.manager) {
                out.entry((r.uscc.clone(), m.clone())).or_default().push(r);
            }
        }
        out
    }
}

/// Who dismisses a company: its projects' owners' committee, or the
/// community residents' committee where none functions.
pub fn dismisser(c: &Company) -> String {
    if c.committee {
        "业主委员会".into()
    } else {
        "社区居民委员会(代行业主委员会职责)".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 11: a stored date that does not parse used to become 1970-01-01.
    #[test]
    fn a_stored_credit_date_that_is_not_a_day_is_a_damaged_file() {
        let rec = EventRecord {
            origin: "S01".into(),
            seq: 7,
            clock: 7,
            at: "2026-11-20T09:00:00+08:00".into(),
            actor: "clerk".into(),
            kind: "credit.record".into(),
            case_id: None,
            payload: r#"{"uscc":"91440300708461136T","item":"WY-06","date":"2026-13-45"}"#.into(),
            hash: String::new(),
        };
        let e = Register::default().fold(&rec, 1, true).unwrap_err();
        assert!(
            matches!(&e, Error::DamagedDate { event, kind, value }
                if event == "S01/7" && kind == "credit.record" && value == "2026-13-45"),
            "{e:?}"
        );
    }
}
