//! The content rules every event obeys, whoever made it: a command on this
//! ledger, or a row of a file from elsewhere.
//!
//! `Writer::record` checks each event a command makes, and `merge` each
//! new event a file brings, with the same [`Rules::check`]; so no command
//! or import can make an event the exchange would refuse, and `check`
//! finds events that older versions let in. The rules depend on nothing
//! but the event and the static catalogue (never on a clock), so every
//! ledger in the district judges a file alike. The checks of single
//! values (times, dates, ids, texts) are `basic.rs`, which the features'
//! own rules (`sweep::rules`, `units_loop::rules`, `campaign::rules`) use
//! too; this file holds the table and dispatches each kind to its rules.
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
//! | every text            | at most 32,767 characters (a spreadsheet cell's limit); the actor at most 200 |
//! | case.edit, case.link  | `sweep::rules`: at least one change, texts bounded, codes known; a link to another canonical case id |
//! | the units' loop       | co-units known, not the lead, each once, at most 12; a returning unit known; dates as above; reasons and notes not empty; a refused extension says why; a call-back reopens only when dissatisfied, with a note (`units_loop/rules.rs`) |

pub mod basic;

use std::collections::{HashMap, HashSet};

use chrono::Datelike;
use rusqlite::Connection;

pub(crate) use basic::not_empty;
pub use basic::{
    MAX_ACTOR, MAX_COUNTER, MAX_TEXT, YEAR_MAX, YEAR_MIN, case_id, date, received_year, time,
};
use basic::{office, uscc};

use super::error::{Break, Result, What};
use super::event::{Event, EventRecord};
use super::keys::PublicKey;
use super::units_loop;
use crate::domain::{CaseId, Outcome, Subject, UnitCode};

/// What the rules need to know of the catalogue.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    problems: HashMap<String, Option<Subject>>,
    builtin_units: HashSet<String>,
    units: HashSet<String>,
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

    fn problem(&self, code: &str, subject: Option<Subject>) -> Result<(), Break> {
        match (self.problems.get(code), subject) {
            (None, _) => Err(Break::UnknownProblem(code.to_string())),
            (Some(Some(ps)), Some(given)) if given != *ps => Err(Break::ProblemSubject {
                code: code.to_string(),
                of: *ps,
                given,
            }),
            (Some(_), _) => Ok(()),
        }
    }

    /// Checks one event against every rule of the table above; the error
    /// says which rule and which value.
    pub fn check(&self, rec: &EventRecord, ev: &Event) -> Result<(), Break> {
        office(What::Origin, &rec.origin)?;
        if !(1..=MAX_COUNTER).contains(&rec.seq) {
            return Err(Break::SeqRange(rec.seq));
        }
        if !(1..=MAX_COUNTER).contains(&rec.clock) {
            return Err(Break::ClockRange(rec.clock));
        }
        time(What::Time, &rec.at)?;
        basic::texts_bounded(&rec.actor, &rec.payload)?;
        if Event::is_case_kind(&rec.kind) != rec.case_id.is_some() {
            return Err(Break::CaseIdPresence {
                kind: rec.kind.clone(),
                has: rec.case_id.is_some(),
            });
        }
        let id = match &rec.case_id {
            Some(c) => Some(case_id(What::CaseId, c)?),
            None => None,
        };
        self.event(ev, id.as_ref())
    }

    /// The rules of the events that make the office, its units and cases.
    fn event(&self, ev: &Event, id: Option<&CaseId>) -> Result<(), Break> {
        match ev {
            Event::OfficeInit(o) => not_empty(What::OfficeName, &o.name)?,
            Event::UnitAdd(u) => {
                let code: UnitCode = u.code.parse().map_err(Break::Malformed)?;
                if code.0 != u.code {
                    return Err(Break::UnitCodeForm(u.code.clone()));
                }
                if self.builtin_units.contains(&u.code) {
                    return Err(Break::BuiltinUnit(u.code.clone()));
                }
                not_empty(What::UnitName, &u.name)?;
            }
            Event::CaseAdd(a) => {
                let received = time(What::ReceivedTime, &a.received_at)?;
                if let Some(id) = &id
                    && id.year != received.year()
                {
                    return Err(Break::NumberedYear {
                        id: id.to_string(),
                        numbered: id.year,
                        received: received.year(),
                    });
                }
                not_empty(What::Community, &a.community)?;
                not_empty(What::Summary, &a.summary)?;
                if let Some(p) = &a.problem {
                    self.problem(p, a.subject)?;
                }
            }
            Event::CaseAssign(a) => {
                if !self.units.contains(&a.unit) {
                    return Err(Break::UnknownUnit(a.unit.clone()));
                }
                date(What::DueDate, &a.due)?;
                if let Some(p) = &a.problem {
                    self.problem(p, a.subject)?;
                }
                units_loop::rules::co_units(&a.unit, &a.co_units, |u| self.units.contains(u))?;
            }
            Event::CaseDefer(d) => {
                not_empty(What::WorkPlan, &d.plan)?;
                if let Some(u) = &d.until {
                    date(What::PlanDate, u)?;
                }
            }
            Event::CaseClose(c) => {
                not_empty(What::Resolution, &c.resolution)?;
                match (&c.duplicate_of, c.result) {
                    (Some(d), Outcome::Duplicate) => {
                        let d = case_id(What::DuplicateOf, d)?;
                        if Some(&d) == id {
                            return Err(Break::DuplicateOfItself(d.to_string()));
                        }
                    }
                    (None, Outcome::Duplicate) => return Err(Break::DuplicateNamesNone),
                    (Some(_), _) => return Err(Break::DuplicateOfNotDuplicate),
                    (None, _) => {}
                }
            }
            Event::CaseReopen(r) => not_empty(What::Reason, &r.reason)?,
            Event::CaseNote(n) => not_empty(What::Note, &n.text)?,
            Event::KeyTrust(k) => {
                office(What::TrustedOffice, &k.office)?;
                k.key.parse::<PublicKey>().map_err(Break::Malformed)?;
            }
            Event::CaseEdit(e) => {
                super::sweep::rules::edit(e, |code, subject| self.problem(code, subject))?
            }
            Event::CaseLink(l) => super::sweep::rules::link(l, id)?,
            ev @ (Event::CaseAck(_)
            | Event::CaseReturn(_)
            | Event::CaseExtend(_)
            | Event::CaseExtendDecision(_)
            | Event::CaseSupervise(_)
            | Event::CaseVisit(_)) => units_loop::rules::check(ev, |u| self.units.contains(u))?,
            _ => credit(ev)?,
        }
        Ok(())
    }
}

/// The rules of the credit register's events.
fn credit(ev: &Event) -> Result<(), Break> {
    match ev {
        Event::CreditCompany(c) => {
            uscc(&c.uscc)?;
            not_empty(What::CompanyName, &c.name)?;
        }
        Event::CreditStandard(s) => s.standard.validate().map_err(Break::Standard)?,
        Event::CreditRecord(r) => {
            uscc(&r.uscc)?;
            not_empty(What::Item, &r.item)?;
            date(What::RecordDate, &r.date)?;
            if let Some(c) = &r.case {
                case_id(What::RecordCase, c)?;
            }
        }
        Event::CreditBlacklist(b) => {
            uscc(&b.uscc)?;
            not_empty(What::Reason, &b.reason)?;
            date(What::DecisionDate, &b.date)?;
        }
        Event::CreditGuarantee(g) => {
            uscc(&g.uscc)?;
            not_empty(What::Deposit, &g.deposit)?;
            date(What::GuaranteeDate, &g.date)?;
        }
        Event::CreditDismiss(d) => {
            uscc(&d.uscc)?;
            not_empty(What::DismissedBy, &d.by)?;
            date(What::DismissalDate, &d.date)?;
        }
        // Issue 16: the campaign's events have their own table of rules.
        _ => super::campaign::rules::check(ev)?,
    }
    Ok(())
}
