//! The content rules every event obeys, whoever made it: a command on this
//! ledger, or a row of a file from elsewhere.
//!
//! `Writer::record` checks each event a command makes, and `merge` each
//! new event a file brings, with the same [`Rules::check`]; so no command
//! or import can make an event the exchange would refuse, and `check`
//! finds events that older versions let in. The rules depend on nothing
//! but the event and the static catalogue (never on a clock), so every
//! ledger in the district judges a file alike.
//!
//! | what                  | rule |
//! |-----------------------|------|
//! | origin                | an office code in canonical form (upper-case ASCII) |
//! | seq, clock            | 1 ..= 2^40: no arithmetic on them can overflow |
//! | at, received time     | RFC 3339, year 2000 ..= 2099 |
//! | case id               | canonical `<OFFICE>-<YYYY>-<NNNN>`, year 2000 ..= 2099; present exactly on case events; a case.add's id has its received year |
//! | dates (due, until, credit) | `YYYY-MM-DD`, a real day, year 2000 ..= 2099 |
//! | texts a command requires | not empty (community, summary, plan, resolution, reason, note, names) |
//! | codes                 | problem in the catalogue (and of the subject given); unit built in or added; a unit.add does not take a built-in code |
//! | duplicate_of          | given exactly with result `duplicate`, a canonical id, not the case itself (that it exists is checked at the end of a merge) |
//! | credit                | a valid unified social credit code; a standard that parses back |
//! | key.trust             | a canonical office code and a well-formed key |

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate};
use rusqlite::Connection;

use super::error::Result;
use super::event::{Event, EventRecord};
use super::keys::PublicKey;
use crate::domain::{CaseId, OfficeCode, Outcome, Subject, UnitCode};

/// The first and last years any date may have.
pub const YEAR_MIN: i32 = 2000;
pub const YEAR_MAX: i32 = 2099;
/// The largest seq or clock an event may carry.
pub const MAX_COUNTER: i64 = 1 << 40;

/// What the rules need to know of the catalogue.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    problems: HashMap<String, Option<Subject>>,
    builtin_units: HashSet<String>,
    units: HashSet<String>,
}

fn year_ok(y: i32) -> bool {
    (YEAR_MIN..=YEAR_MAX).contains(&y)
}

fn not_empty(what: &str, s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        return Err(format!("{what} is empty"));
    }
    Ok(())
}

/// The year rule for a received time a clerk types or an import reads:
/// from 2000 to the current year. A two-digit year (`26/11/3`) is not
/// guessed: the row or command is refused, saying to write it in full.
pub fn received_year(year: i32, now_year: i32) -> Result<(), String> {
    if year < YEAR_MIN || year > now_year {
        let hint = if (1..100).contains(&year) {
            format!(" (a two-digit year is not guessed: write it in full, e.g. {now_year})")
        } else {
            String::new()
        };
        return Err(format!(
            "the year {year} is outside {YEAR_MIN}..{now_year}{hint}"
        ));
    }
    Ok(())
}

/// A stored time: RFC 3339 in the allowed years.
pub fn time(what: &str, s: &str) -> Result<DateTime<chrono::FixedOffset>, String> {
    let t = DateTime::parse_from_rfc3339(s)
        .map_err(|_| format!("{what} '{}' is not a time", crate::render::clip(s, 40)))?;
    if !year_ok(t.year()) {
        return Err(format!(
            "{what} '{s}' is outside the years {YEAR_MIN}..{YEAR_MAX}"
        ));
    }
    Ok(t)
}

/// A stored date: `YYYY-MM-DD`, a real day in the allowed years.
pub fn date(what: &str, s: &str) -> Result<NaiveDate, String> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| d.to_string() == s)
        .ok_or_else(|| {
            format!(
                "{what} '{}' is not a date (YYYY-MM-DD)",
                crate::render::clip(s, 40)
            )
        })?;
    if !year_ok(d.year()) {
        return Err(format!(
            "{what} {s} is outside the years {YEAR_MIN}..{YEAR_MAX}"
        ));
    }
    Ok(d)
}

/// A case id in canonical form, in the allowed years.
pub fn case_id(what: &str, s: &str) -> Result<CaseId, String> {
    let id: CaseId = s.parse()?;
    if id.to_string() != s {
        return Err(format!(
            "{what} '{s}' is not written as a case id is (it would be {id})"
        ));
    }
    if !year_ok(id.year) {
        return Err(format!(
            "{what} {s} has the year {}, outside {YEAR_MIN}..{YEAR_MAX}",
            id.year
        ));
    }
    Ok(id)
}

fn office(what: &str, s: &str) -> Result<(), String> {
    let o: OfficeCode = s.parse()?;
    if o.as_str() != s {
        return Err(format!("{what} '{s}' is not written as an office code is"));
    }
    Ok(())
}

fn uscc(s: &str) -> Result<(), String> {
    s.parse::<crate::uscc::Uscc>().map(|_| ())
}

impl Rules {
    /// The catalogue as this file holds it.
    pub fn load(conn: &Connection) -> Result<Rules> {
        let mut r = Rules::default();
        let mut st = conn.prepare("SELECT code, subject FROM problems")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            let code: String = row.get(0)?;
            let subject: Option<String> = row.get(1)?;
            r.problems
                .insert(code, subject.and_then(|s| s.parse().ok()));
        }
        let mut st = conn.prepare("SELECT code, builtin FROM units")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            let code: String = row.get(0)?;
            if row.get::<_, bool>(1)? {
                r.builtin_units.insert(code.clone());
            }
            r.units.insert(code);
        }
        Ok(r)
    }

    /// A unit some event added (it may be assigned to from now on).
    pub fn learn_unit(&mut self, code: &str) {
        self.units.insert(code.to_string());
    }

    fn problem(&self, code: &str, subject: Option<Subject>) -> Result<(), String> {
        match self.problems.get(code) {
            None => Err(format!("problem code '{code}' is not in the catalogue")),
            Some(Some(ps)) if subject.is_some_and(|s| s != *ps) => Err(format!(
                "problem {code} is a {} problem, but the subject given is {}",
                ps.code(),
                subject.map_or("", |s| s.code())
            )),
            Some(_) => Ok(()),
        }
    }

    /// Checks one event against every rule of the table above; the error
    /// says which rule and which value.
    pub fn check(&self, rec: &EventRecord, ev: &Event) -> Result<(), String> {
        office("the origin", &rec.origin)?;
        if !(1..=MAX_COUNTER).contains(&rec.seq) {
            return Err(format!("seq {} is outside 1..2^40", rec.seq));
        }
        if !(1..=MAX_COUNTER).contains(&rec.clock) {
            return Err(format!("clock {} is outside 1..2^40", rec.clock));
        }
        time("the time", &rec.at)?;
        if Event::is_case_kind(&rec.kind) != rec.case_id.is_some() {
            return Err(format!(
                "a {} event {} a case id",
                rec.kind,
                if rec.case_id.is_some() {
                    "should not have"
                } else {
                    "needs"
                }
            ));
        }
        let id = match &rec.case_id {
            Some(c) => Some(case_id("the case id", c)?),
            None => None,
        };
        match ev {
            Event::OfficeInit(o) => not_empty("the office name", &o.name)?,
            Event::UnitAdd(u) => {
                let code: UnitCode = u.code.parse()?;
                if code.0 != u.code {
                    return Err(format!(
                        "unit code '{}' is not written as a code is",
                        u.code
                    ));
                }
                if self.builtin_units.contains(&u.code) {
                    return Err(format!("unit code {} is a built-in unit", u.code));
                }
                not_empty("the unit name", &u.name)?;
            }
            Event::CaseAdd(a) => {
                let received = time("the received time", &a.received_at)?;
                if let Some(id) = &id
                    && id.year != received.year()
                {
                    return Err(format!(
                        "case {id} is numbered in {} but was received in {}",
                        id.year,
                        received.year()
                    ));
                }
                not_empty("the community", &a.community)?;
                not_empty("the summary", &a.summary)?;
                if let Some(p) = &a.problem {
                    self.problem(p, a.subject)?;
                }
            }
            Event::CaseAssign(a) => {
                if !self.units.contains(&a.unit) {
                    return Err(format!("unit '{}' is not known here", a.unit));
                }
                date("the due date", &a.due)?;
                if let Some(p) = &a.problem {
                    self.problem(p, a.subject)?;
                }
            }
            Event::CaseDefer(d) => {
                not_empty("the work plan", &d.plan)?;
                if let Some(u) = &d.until {
                    date("the plan's date", u)?;
                }
            }
            Event::CaseClose(c) => {
                not_empty("the resolution", &c.resolution)?;
                match (&c.duplicate_of, c.result) {
                    (Some(d), Outcome::Duplicate) => {
                        let d = case_id("duplicate_of", d)?;
                        if Some(&d) == id.as_ref() {
                            return Err(format!("case {d} is closed as a duplicate of itself"));
                        }
                    }
                    (None, Outcome::Duplicate) => {
                        return Err("a duplicate close names no case (duplicate_of)".into());
                    }
                    (Some(_), _) => {
                        return Err(
                            "duplicate_of is given on a close that is not a duplicate".into()
                        );
                    }
                    (None, _) => {}
                }
            }
            Event::CaseReopen(r) => not_empty("the reason", &r.reason)?,
            Event::CaseNote(n) => not_empty("the note", &n.text)?,
            Event::KeyTrust(k) => {
                office("the trusted office", &k.office)?;
                k.key.parse::<PublicKey>()?;
            }
            Event::CreditCompany(c) => {
                uscc(&c.uscc)?;
                not_empty("the company name", &c.name)?;
            }
            Event::CreditStandard(s) => s.standard.validate()?,
            Event::CreditRecord(r) => {
                uscc(&r.uscc)?;
                not_empty("the item", &r.item)?;
                date("the record's date", &r.date)?;
                if let Some(c) = &r.case {
                    case_id("the record's case", c)?;
                }
            }
            Event::CreditBlacklist(b) => {
                uscc(&b.uscc)?;
                not_empty("the reason", &b.reason)?;
                date("the decision's date", &b.date)?;
            }
            Event::CreditGuarantee(g) => {
                uscc(&g.uscc)?;
                not_empty("the deposit", &g.deposit)?;
                date("the guarantee's date", &g.date)?;
            }
            Event::CreditDismiss(d) => {
                uscc(&d.uscc)?;
                not_empty("who dismissed it", &d.by)?;
                date("the dismissal's date", &d.date)?;
            }
        }
        Ok(())
    }
}
