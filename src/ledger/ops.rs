//! The operations a clerk performs. Each validates first, then appends its
//! event; which step is valid from which status is `case::allowed` (the
//! one lifecycle table, also used by replay), and each command says in its
//! own words why it refuses.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};

use super::Writer;
use super::case::{CaseState, Step, allowed};
use super::error::{Refusal, Result, What};
use super::event::{
    CaseAdd, CaseAssign, CaseClose, CaseDefer, CaseNote, CaseReopen, Event, UnitAdd,
};
use super::query::{self, Problem, Unit};
use crate::domain::{CaseId, Outcome, ProblemCode, Source, Subject, UnitCode};
use crate::ledger::error::refuse;

/// Days to the due date when the case has no problem type.
pub const DEFAULT_DAYS: u64 = 15;

/// A complaint to register.
#[derive(Clone, Debug)]
pub struct NewCase {
    pub received: Option<DateTime<FixedOffset>>,
    pub source: Source,
    pub source_ref: Option<String>,
    pub community: String,
    pub address: Option<String>,
    pub summary: String,
    pub details: Option<String>,
    pub complainant: Option<String>,
    pub phone: Option<String>,
    pub subject: Option<Subject>,
    pub problem: Option<ProblemCode>,
    pub party: Option<String>,
    pub key: bool,
    /// `problem` is a suggestion (bulk intake), for a clerk to confirm.
    pub problem_suggested: bool,
}

/// What `register` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// A new case, with its id.
    New(String),
    /// The source and reference were registered already, as this case.
    Known(String),
}

/// When an assigned case is due.
#[derive(Clone, Copy, Debug)]
pub enum Due {
    Date(NaiveDate),
    Days(u32),
    /// Today + the problem type's time limit (or 15 days).
    Default,
}

/// Forwarding a case to a unit.
#[derive(Clone, Debug)]
pub struct Assignment {
    /// `None`: the problem type's default unit.
    pub unit: Option<String>,
    pub due: Due,
    pub subject: Option<Subject>,
    pub problem: Option<ProblemCode>,
    pub party: Option<String>,
    pub note: Option<String>,
    /// Co-operating units (协办) beside the lead unit, as typed.
    pub co_units: Vec<String>,
}

/// What `assign` decided, for the command to report.
#[derive(Clone, Debug)]
pub struct Assigned {
    pub case: CaseState,
    pub unit: Unit,
    /// The unit came from the problem type's default.
    pub unit_defaulted: bool,
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Writer<'_> {
    fn case(&self, id: &CaseId) -> Result<CaseState> {
        match CaseState::get(self.conn(), &id.to_string())? {
            Some(c) => Ok(c),
            None => refuse!(Refusal::NoSuchCase(id.to_string())),
        }
    }

    fn problem(&self, code: &ProblemCode) -> Result<Problem> {
        match query::problem(self.conn(), code.as_str())? {
            Some(p) => Ok(p),
            None => refuse!(Refusal::UnknownProblem(code.to_string())),
        }
    }

    fn today(&self) -> NaiveDate {
        self.stamp().now.date_naive()
    }

    /// The case registered with this source and source reference, if any
    /// (bulk intake counts such rows as duplicates instead of refusing).
    pub fn find_by_ref(&self, source: Source, source_ref: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .prepare_cached("SELECT id FROM cases WHERE source = ?1 AND source_ref = ?2")?
            .query_row([source.code(), source_ref.trim()], |row| row.get(0))
            .optional()?)
    }

    /// Registers a complaint and returns its new id; refuses one whose
    /// source reference is registered already.
    pub fn add_case(&mut self, new: NewCase) -> Result<String> {
        let (source, source_ref) = (new.source, new.source_ref.clone());
        match self.register(new)? {
            Added::New(id) => Ok(id),
            Added::Known(id) => refuse!(Refusal::AlreadyRegistered {
                source,
                reference: source_ref.unwrap_or_default().trim().to_string(),
                id,
            }),
        }
    }

    /// Registers a complaint, or says which case already has its source
    /// and reference (bulk intake counts those as duplicates).
    pub fn register(&mut self, new: NewCase) -> Result<Added> {
        let now = self.stamp().now;
        let received = new.received.unwrap_or(now);
        if received > now {
            refuse!(Refusal::ReceivedInFuture {
                received: received.format("%Y-%m-%d %H:%M").to_string(),
                now: now.format("%Y-%m-%d %H:%M").to_string(),
            });
        }
        if let Err(why) = super::rules::received_year(received.year(), now.year()) {
            refuse!(Refusal::ReceivedBad {
                received: received.format("%Y-%m-%d %H:%M").to_string(),
                why,
            });
        }
        let community = new.community.trim().to_string();
        if community.is_empty() {
            refuse!(Refusal::Empty(What::Community));
        }
        let summary = new.summary.trim().to_string();
        if summary.is_empty() {
            refuse!(Refusal::Empty(What::Summary));
        }
        let mut subject = new.subject;
        if let Some(code) = &new.problem {
            let p = self.problem(code)?;
            subject = reconcile_subject(&p, subject, None)?;
        }
        let source_ref = non_empty(new.source_ref);
        if let Some(r) = &source_ref
            && let Some(id) = self.find_by_ref(new.source, r)?
        {
            return Ok(Added::Known(id));
        }
        let office = self.office().code.clone();
        let year = received.year();
        let seq = self.next_case_seq(year)?;
        let id = CaseId::new(
            office
                .parse()
                .map_err(|e: crate::invalid::Invalid| super::Error::Corrupt(e.to_string()))?,
            year,
            seq,
        )
        .to_string();
        let ev = Event::CaseAdd(CaseAdd {
            received_at: received.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            source: new.source,
            source_ref,
            community,
            address: non_empty(new.address),
            summary,
            details: non_empty(new.details),
            complainant: non_empty(new.complainant),
            phone: non_empty(new.phone),
            subject,
            problem: new.problem.map(|p| p.as_str().to_string()),
            party: non_empty(new.party),
            key: new.key,
            suggested: new.problem_suggested,
        });
        self.append_new_case(&id, ev)?;
        Ok(Added::New(id))
    }

    /// Classifies and forwards a case to a unit with a due date.
    pub fn assign(&mut self, id: &CaseId, a: Assignment) -> Result<Assigned> {
        let c = self.case(id)?;
        if !allowed(c.status, Step::Assign) {
            refuse!(Refusal::ClosedCannotAssign(id.to_string()));
        }
        // Issue 14: an unconfirmed suggestion does not route a case.
        if let (None, Some(suggested), true) = (&a.problem, &c.problem, c.problem_suggested) {
            refuse!(super::sweep::errors::Refused::AssignNeedsProblem {
                id: id.to_string(),
                suggested: suggested.clone(),
            });
        }
        // The problem type in force after this assignment, and its subject.
        let new_problem = match &a.problem {
            Some(code) => Some(self.problem(code)?),
            None => None,
        };
        let current_problem = match (&new_problem, &c.problem) {
            (None, Some(code)) => query::problem(self.conn(), code)?,
            _ => None,
        };
        let subject = match (&new_problem, &current_problem) {
            (Some(p), _) => reconcile_subject(p, a.subject, None)?,
            (None, Some(p)) => reconcile_subject(p, a.subject, Some(id))?,
            (None, None) => a.subject,
        };
        let effective = new_problem.as_ref().or(current_problem.as_ref());
        let (unit, unit_defaulted) = match &a.unit {
            Some(typed) => match query::find_unit(self.conn(), typed)? {
                Some(u) => (u, false),
                None => refuse!(Refusal::UnknownUnit(typed.clone())),
            },
            None => match effective.and_then(|p| p.default_unit.clone()) {
                Some(code) => match query::find_unit(self.conn(), &code)? {
                    Some(u) => (u, true),
                    None => refuse!(Refusal::DefaultUnitMissing(code)),
                },
                None => refuse!(Refusal::NoDefaultUnit {
                    problem: effective.map(|p| p.code.clone()),
                }),
            },
        };
        let co_units = self.co_units(&unit.code, &a.co_units)?;
        let today = self.today();
        let due = match a.due {
            Due::Date(d) => d,
            Due::Days(n) => today + Days::new(n.into()),
            Due::Default => {
                today + Days::new(effective.map_or(DEFAULT_DAYS, |p| p.days.max(0) as u64))
            }
        };
        if due.to_string().as_str() < c.received_date() {
            refuse!(Refusal::DueBeforeReceived {
                id: id.to_string(),
                due: due.to_string(),
                received: c.received_date().to_string(),
            });
        }
        let ev = Event::CaseAssign(CaseAssign {
            unit: unit.code.clone(),
            due: due.to_string(),
            subject: subject.filter(|s| Some(*s) != c.subject),
            problem: new_problem.map(|p| p.code),
            party: non_empty(a.party),
            note: non_empty(a.note),
            co_units,
        });
        let case = self.append_case(&id.to_string(), ev)?;
        Ok(Assigned {
            case,
            unit,
            unit_defaulted,
        })
    }

    /// Defers a case with a work plan (暂缓).
    pub fn defer(
        &mut self,
        id: &CaseId,
        plan: &str,
        until: Option<NaiveDate>,
    ) -> Result<CaseState> {
        let c = self.case(id)?;
        if !allowed(c.status, Step::Defer) {
            refuse!(Refusal::ClosedCannotDefer(id.to_string()));
        }
        let plan = plan.trim();
        if plan.is_empty() {
            refuse!(Refusal::Empty(What::WorkPlan));
        }
        if let Some(u) = until
            && u < self.today()
        {
            refuse!(Refusal::UntilInPast(u.to_string()));
        }
        self.append_case(
            &id.to_string(),
            Event::CaseDefer(CaseDefer {
                plan: plan.to_string(),
                until: until.map(|d| d.to_string()),
            }),
        )
    }

    /// Closes a case out (销号).
    pub fn close(
        &mut self,
        id: &CaseId,
        result: Outcome,
        resolution: &str,
        duplicate_of: Option<&CaseId>,
    ) -> Result<CaseState> {
        let c = self.case(id)?;
        if !allowed(c.status, Step::Close) {
            refuse!(Refusal::AlreadyClosed {
                id: id.to_string(),
                result: c.result,
            });
        }
        let resolution = resolution.trim();
        if resolution.is_empty() {
            refuse!(Refusal::Empty(What::Resolution));
        }
        let duplicate_of = match (result, duplicate_of) {
            (Outcome::Duplicate, None) => {
                refuse!(Refusal::DuplicateNeedsCase)
            }
            (Outcome::Duplicate, Some(d)) => {
                if d == id {
                    refuse!(Refusal::DuplicateOfItself(id.to_string()));
                }
                if CaseState::get(self.conn(), &d.to_string())?.is_none() {
                    refuse!(Refusal::DuplicateOfUnknown(d.to_string()));
                }
                Some(d.to_string())
            }
            (_, Some(_)) => {
                refuse!(Refusal::DuplicateOfWithoutResult(result))
            }
            (_, None) => None,
        };
        self.append_case(
            &id.to_string(),
            Event::CaseClose(CaseClose {
                result,
                resolution: resolution.to_string(),
                duplicate_of,
            }),
        )
    }

    /// Puts a closed or deferred case back to open.
    pub fn reopen(&mut self, id: &CaseId, reason: &str) -> Result<CaseState> {
        let c = self.case(id)?;
        if !allowed(c.status, Step::Reopen) {
            refuse!(Refusal::NotReopenable {
                id: id.to_string(),
                status: c.status,
            });
        }
        let reason = reason.trim();
        if reason.is_empty() {
            refuse!(Refusal::Empty(What::Reason));
        }
        self.append_case(
            &id.to_string(),
            Event::CaseReopen(CaseReopen {
                reason: reason.to_string(),
            }),
        )
    }

    /// Appends a remark to a case in any state.
    pub fn note(&mut self, id: &CaseId, text: &str) -> Result<CaseState> {
        self.case(id)?;
        let text = text.trim();
        if text.is_empty() {
            refuse!(Refusal::Empty(What::Note));
        }
        self.append_case(
            &id.to_string(),
            Event::CaseNote(CaseNote {
                text: text.to_string(),
            }),
        )
    }

    /// Registers a local unit (e.g. a community residents' committee).
    pub fn add_unit(&mut self, code: &UnitCode, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            refuse!(Refusal::Empty(What::UnitName));
        }
        if let Some(u) = query::find_unit(self.conn(), &code.0)? {
            refuse!(Refusal::UnitCodeTaken {
                code: u.code,
                name: u.name,
            });
        }
        if let Some(u) = query::find_unit(self.conn(), name)? {
            refuse!(Refusal::UnitNameTaken {
                name: name.to_string(),
                code: u.code,
            });
        }
        self.append(
            None,
            Event::UnitAdd(UnitAdd {
                code: code.0.clone(),
                name: name.to_string(),
            }),
        )?;
        Ok(())
    }
}

/// The subject a case gets with problem type `p`: the problem's own
/// subject, unless the clerk named another, which is refused. QT-00 goes
/// with any subject. `keeping` names the case when `p` is its existing
/// problem (the message then suggests changing the problem too).
fn reconcile_subject(
    p: &Problem,
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
