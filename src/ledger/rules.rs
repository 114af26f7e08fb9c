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
//! | every text            | at most 32,767 characters (a spreadsheet cell's limit); the actor at most 200 |
//! | case.edit, case.link  | `sweep::rules`: at least one change, texts bounded, codes known; a link to another canonical case id |
//! | the units' loop       | co-units known, not the lead, each once, at most 12; a returning unit known; dates as above; reasons and notes not empty; a refused extension says why; a call-back reopens only when dissatisfied, with a note (`units_loop/rules.rs`) |

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate};
use rusqlite::Connection;

use super::error::{Break, Result, What};
use super::event::{Event, EventRecord};
use super::keys::PublicKey;
use super::units_loop;
use crate::domain::{CaseId, OfficeCode, Outcome, Subject, UnitCode};
use crate::text::clip;

/// The first and last years any date may have.
pub const YEAR_MIN: i32 = 2000;
pub const YEAR_MAX: i32 = 2099;
/// The largest seq or clock an event may carry.
pub const MAX_COUNTER: i64 = 1 << 40;
/// The most characters any text of an event may have: what a spreadsheet
/// cell holds, so every text survives a round trip through Excel.
pub const MAX_TEXT: usize = 32_767;
/// The most characters of an actor (a user name).
pub const MAX_ACTOR: usize = 200;

/// What the rules need to know of the catalogue.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    problems: HashMap<String, Option<Subject>>,
    builtin_units: HashSet<String>,
    units: HashSet<String>,
}

/// The longest string in a JSON text, with the key it is the value of (or
/// an element of), in characters as written (an escape counts as its
/// characters): one pass over the bytes, so every event of a merge is
/// measured without parsing it again.
fn longest_text(json: &str) -> Option<(String, usize)> {
    let bytes = json.as_bytes();
    // (characters, key start, key end) of the longest; the last key's span.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut key: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        let mut chars = 0;
        while j < bytes.len() && bytes[j] != b'"' {
            if bytes[j] == b'\\' {
                j += 1;
            }
            if j < bytes.len() && (bytes[j] & 0xC0) != 0x80 {
                chars += 1;
            }
            j += 1;
        }
        let is_key = bytes
            .get(j + 1..)
            .unwrap_or_default()
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b':');
        if is_key {
            key = Some((start, j));
        } else if best.is_none_or(|(n, _, _)| chars > n) {
            let (ks, ke) = key.unwrap_or((start, start));
            best = Some((chars, ks, ke));
        }
        i = j + 1;
    }
    best.map(|(n, ks, ke)| (clip(&json[ks..ke], 40), n))
}

fn year_ok(y: i32) -> bool {
    (YEAR_MIN..=YEAR_MAX).contains(&y)
}

pub(crate) fn not_empty(what: What, s: &str) -> Result<(), Break> {
    if s.trim().is_empty() {
        return Err(Break::Empty(what));
    }
    Ok(())
}

/// The year rule for a received time a clerk types or an import reads:
/// from 2000 to the current year. A two-digit year (`26/11/3`) is not
/// guessed: the row or command is refused, saying to write it in full.
pub fn received_year(year: i32, now_year: i32) -> Result<(), Break> {
    if year < YEAR_MIN || year > now_year {
        return Err(Break::ReceivedYear { year, now_year });
    }
    Ok(())
}

/// A stored time: RFC 3339 in the allowed years.
pub fn time(what: What, s: &str) -> Result<DateTime<chrono::FixedOffset>, Break> {
    let t = DateTime::parse_from_rfc3339(s).map_err(|_| Break::NotATime {
        what,
        value: clip(s, 40),
    })?;
    if !year_ok(t.year()) {
        return Err(Break::TimeYears {
            what,
            value: s.to_string(),
        });
    }
    Ok(t)
}

/// A stored date: `YYYY-MM-DD`, a real day in the allowed years.
pub fn date(what: What, s: &str) -> Result<NaiveDate, Break> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| d.to_string() == s)
        .ok_or_else(|| Break::NotADate {
            what,
            value: clip(s, 40),
        })?;
    if !year_ok(d.year()) {
        return Err(Break::DateYears {
            what,
            value: s.to_string(),
        });
    }
    Ok(d)
}

/// A case id in canonical form, in the allowed years.
pub fn case_id(what: What, s: &str) -> Result<CaseId, Break> {
    let id: CaseId = s.parse().map_err(Break::Malformed)?;
    if id.to_string() != s {
        return Err(Break::CaseIdForm {
            what,
            value: s.to_string(),
            canonical: id.to_string(),
        });
    }
    if !year_ok(id.year) {
        return Err(Break::CaseIdYear {
            what,
            value: s.to_string(),
            year: id.year,
        });
    }
    Ok(id)
}

fn office(what: What, s: &str) -> Result<(), Break> {
    let o: OfficeCode = s.parse().map_err(Break::Malformed)?;
    if o.as_str() != s {
        return Err(Break::OfficeForm {
            what,
            value: s.to_string(),
        });
    }
    Ok(())
}

fn uscc(s: &str) -> Result<(), Break> {
    s.parse::<crate::uscc::Uscc>()
        .map(|_| ())
        .map_err(Break::Malformed)
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
        let actor = rec.actor.chars().count();
        if actor > MAX_ACTOR {
            return Err(Break::TooLong {
                field: "actor".into(),
                chars: actor,
                max: MAX_ACTOR,
            });
        }
        if let Some((field, chars)) = longest_text(&rec.payload).filter(|(_, n)| *n > MAX_TEXT) {
            return Err(Break::TooLong {
                field,
                chars,
                max: MAX_TEXT,
            });
        }
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

#[cfg(test)]
mod tests {
    use super::longest_text;

    #[test]
    fn the_longest_text_is_found_with_its_key() {
        let j =
            r#"{"community":"幸福里","summary":"停水三天\"了\"","tags":["a","bbbbbbbbbb"],"n":3}"#;
        assert_eq!(longest_text(j), Some(("tags".into(), 10)));
        assert_eq!(
            longest_text(r#"{"summary":"停水三天"}"#),
            Some(("summary".into(), 4))
        );
        assert_eq!(longest_text("{}"), None);
        // Cut JSON does not panic.
        assert_eq!(longest_text(r#"{"a":"bc"#), Some(("a".into(), 2)));
    }
}
