//! The sweep's operations on a write transaction: `edit` (and accepting a
//! suggested problem type, an edit too), `link` and `split`. Each checks
//! first, then appends; which status allows an edit is `case::allowed`.

use chrono::DateTime;

pub use super::errors::Refused;
use super::{CaseEdit, CaseLink, Change, Relation, is_split, links};
use crate::domain::{CaseId, ProblemCode, Subject};
use crate::ledger::Writer;
use crate::ledger::case::{CaseState, Step, allowed};
use crate::ledger::error::{Error, Refusal, Result, What, refuse};
use crate::ledger::event::Event;
use crate::ledger::ops::{Added, NewCase};
use crate::ledger::query;

impl From<Refused> for Error {
    fn from(r: Refused) -> Error {
        Refusal::Sweep(r).into()
    }
}

/// The corrections a clerk asks for; `None` leaves a field as it is. An
/// empty address or party clears it.
#[derive(Clone, Debug, Default)]
pub struct Edit {
    pub community: Option<String>,
    pub summary: Option<String>,
    pub address: Option<String>,
    pub party: Option<String>,
    pub subject: Option<Subject>,
    pub problem: Option<ProblemCode>,
    /// Confirm the suggested problem type as it is.
    pub accept_suggested: bool,
    pub key: Option<bool>,
}

/// One part of a complaint being split: its text and the problem type the
/// classifier suggests for it.
#[derive(Clone, Debug)]
pub struct Part {
    pub summary: String,
    pub suggested: Option<ProblemCode>,
}

/// `Some(change)` when `new` differs from `old`.
fn changed<T: PartialEq + Clone>(old: &T, new: Option<T>) -> Option<Change<T>> {
    new.filter(|n| n != old).map(|new| Change {
        old: old.clone(),
        new,
    })
}

fn text(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string())
}

fn optional(s: Option<String>) -> Option<Option<String>> {
    text(s).map(|s| (!s.is_empty()).then_some(s))
}

impl Writer<'_> {
    fn sweep_case(&self, id: &CaseId) -> Result<CaseState> {
        match CaseState::get(self.conn(), &id.to_string())? {
            Some(c) => Ok(c),
            None => refuse!(Refusal::NoSuchCase(id.to_string())),
        }
    }

    /// The suggested problem type of a case, refused when it has none.
    pub fn suggestion(&self, id: &CaseId) -> Result<ProblemCode> {
        let c = self.sweep_case(id)?;
        match (&c.problem, c.problem_suggested) {
            (Some(p), true) => p
                .parse()
                .map_err(|e: crate::invalid::Invalid| Error::Corrupt(e.to_string())),
            _ => refuse!(Refused::NoSuggestion(id.to_string())),
        }
    }

    /// Corrects a registered case: one `case.edit` with the old and new
    /// value of each field that changes.
    pub fn edit(&mut self, id: &CaseId, e: Edit) -> Result<CaseState> {
        let c = self.sweep_case(id)?;
        if !allowed(c.status, Step::Edit) {
            refuse!(Refused::EditClosed(id.to_string()));
        }
        let community = text(e.community);
        let summary = text(e.summary);
        for (v, what) in [(&community, What::Community), (&summary, What::Summary)] {
            if v.as_deref().is_some_and(str::is_empty) {
                refuse!(Refusal::Empty(what));
            }
        }
        let mut ev = CaseEdit {
            community: changed(&c.community, community),
            summary: changed(&c.summary, summary),
            address: changed(&c.address, optional(e.address)),
            party: changed(&c.party, optional(e.party)),
            key: changed(&c.key_case, e.key),
            ..CaseEdit::default()
        };
        let problem = match (e.problem, e.accept_suggested) {
            (Some(p), _) => Some(p),
            (None, true) => Some(self.suggestion(id)?),
            (None, false) => None,
        };
        let mut subject = e.subject;
        if let Some(code) = &problem {
            let Some(p) = query::problem(self.conn(), code.as_str())? else {
                refuse!(Refusal::UnknownProblem(code.to_string()));
            };
            subject = checked_subject(&p, subject, None)?;
            if c.problem.as_deref() != Some(p.code.as_str()) || c.problem_suggested {
                ev.problem = Some(Change {
                    old: c.problem.clone(),
                    new: Some(p.code),
                });
            }
        } else if let (Some(code), Some(_)) = (&c.problem, subject)
            && let Some(p) = query::problem(self.conn(), code)?
        {
            checked_subject(&p, subject, Some(id))?;
        }
        ev.subject = changed(&c.subject, subject.map(Some));
        if ev.is_empty() {
            refuse!(Refused::NothingToEdit(id.to_string()));
        }
        self.append_case(&id.to_string(), Event::CaseEdit(ev))
    }

    /// Links two cases of this ledger as related: one `case.link` on each.
    pub fn link(&mut self, id: &CaseId, other: &CaseId) -> Result<()> {
        if id == other {
            refuse!(Refused::LinkItself(id.to_string()));
        }
        let c = self.sweep_case(id)?;
        self.sweep_case(other)?;
        let o = other.to_string();
        if links(&c).iter().any(|(_, x)| *x == o) {
            refuse!(Refused::AlreadyLinked {
                id: id.to_string(),
                other: o,
            });
        }
        self.link_one(&id.to_string(), &o, Relation::Related)?;
        self.link_one(&o, &id.to_string(), Relation::Related)?;
        Ok(())
    }

    fn link_one(&mut self, id: &str, other: &str, relation: Relation) -> Result<CaseState> {
        let ev = Event::CaseLink(CaseLink {
            other: other.to_string(),
            relation,
        });
        self.append_case(id, ev)
    }

    /// Splits a complaint into parts: a new case for each (the original's
    /// source, time, place and complainant; the part's own text and
    /// suggested type), linked `part_of` the original, which is linked
    /// `split_into` each. Returns the parts' ids.
    pub fn split(&mut self, id: &CaseId, parts: Vec<Part>) -> Result<Vec<String>> {
        let c = self.sweep_case(id)?;
        if !allowed(c.status, Step::Edit) {
            refuse!(Refused::SplitClosed(id.to_string()));
        }
        if c.office != self.office().code {
            refuse!(Refused::SplitOthers {
                id: id.to_string(),
                office: c.office.clone(),
            });
        }
        if is_split(&c) {
            refuse!(Refused::SplitAgain(id.to_string()));
        }
        if parts.len() < 2 {
            refuse!(Refused::SplitParts(parts.len()));
        }
        let received = DateTime::parse_from_rfc3339(&c.received_at)
            .map_err(|e| Error::Corrupt(format!("case {id}: {e}")))?;
        let mut ids = Vec::new();
        for part in parts {
            let new = NewCase {
                received: Some(received),
                source: c.source,
                source_ref: None,
                community: c.community.clone(),
                address: c.address.clone(),
                summary: part.summary,
                details: None,
                complainant: c.complainant.clone(),
                phone: c.phone.clone(),
                subject: None,
                problem_suggested: part.suggested.is_some(),
                problem: part.suggested,
                party: None,
                key: c.key_case,
            };
            let Added::New(part_id) = self.register(new)? else {
                return Err(Error::Corrupt("a part without reference was known".into()));
            };
            self.link_one(&part_id, &c.id, Relation::PartOf)?;
            self.link_one(&c.id, &part_id, Relation::SplitInto)?;
            ids.push(part_id);
        }
        Ok(ids)
    }
}

/// The subject that goes with problem type `p` (see `ops::reconcile_subject`).
fn checked_subject(
    p: &query::Problem,
    given: Option<Subject>,
    keeping: Option<&CaseId>,
) -> Result<Option<Subject>> {
    match (p.subject, given) {
        (Some(ps), Some(g)) if ps != g => match keeping {
            None => refuse!(Refusal::ProblemSubject {
                problem: p.code.clone(),
                of: ps,
                given: g,
            }),
            Some(id) => refuse!(Refusal::CaseProblemSubject {
                id: id.to_string(),
                problem: p.code.clone(),
                of: ps,
                given: g,
            }),
        },
        (Some(ps), _) => Ok(Some(ps)),
        (None, g) => Ok(g),
    }
}
