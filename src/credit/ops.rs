//! The credit register's writes: each checks the register's rules and
//! appends one `credit.*` event (the substantiated close, a case event and
//! one), inside the caller's transaction.

use chrono::NaiveDate;

use super::error::{Dated, Error, Result};
use super::standard::Standard;
use super::standing::{Decision, ListStatus};
use super::{Company, Register};
use crate::domain::{CaseId, Outcome};
use crate::ledger::event::{
    CreditBlacklist, CreditCompany, CreditDismiss, CreditGuarantee, CreditRecord, CreditStandard,
};
use crate::ledger::{CaseState, Event, Writer};
use crate::uscc::Uscc;

/// Refuses a date that records something as having happened when it lies
/// after today (the clock's date, `LEDGER_NOW`).
fn not_in_future(w: &Writer, what: Dated, on: NaiveDate) -> Result<()> {
    let today = w.stamp().now.date_naive();
    if on > today {
        return Err(Error::Future { what, on, today });
    }
    Ok(())
}

/// A name as registered: trimmed, and none when only blanks were given.
fn given(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Registers a company.
pub fn add_company(
    w: &mut Writer,
    reg: &Register,
    uscc: &Uscc,
    name: &str,
    managers: &[String],
    committee: bool,
) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::EmptyName);
    }
    if let Some(c) = reg.companies.get(uscc.as_str()) {
        return Err(Error::UsccTaken {
            uscc: uscc.to_string(),
            name: c.name.clone(),
        });
    }
    if let Some(c) = reg.companies.values().find(|c| c.name == name) {
        return Err(Error::NameTaken {
            name: name.to_string(),
            uscc: c.uscc.clone(),
        });
    }
    w.append(
        None,
        Event::CreditCompany(CreditCompany {
            uscc: uscc.to_string(),
            name: name.to_string(),
            managers: managers
                .iter()
                .filter_map(|m| given(Some(m.clone())))
                .collect(),
            committee,
        }),
    )?;
    Ok(())
}

/// Loads a scoring standard for every office and the district.
pub fn load_standard(w: &mut Writer, standard: Standard) -> Result<()> {
    w.append(None, Event::CreditStandard(CreditStandard { standard }))?;
    Ok(())
}

/// A credit record to add.
pub struct NewRecord {
    pub company: String,
    pub item: String,
    pub case: Option<String>,
    pub date: NaiveDate,
    pub manager: Option<String>,
    pub note: Option<String>,
}

/// Adds a credit record; returns the company's code.
pub fn add_record(w: &mut Writer, reg: &Register, r: NewRecord) -> Result<String> {
    let company = reg.company(&r.company)?;
    let std = reg.standard();
    let item = r.item.trim().to_ascii_uppercase();
    if std.item(&item).is_none() {
        return Err(Error::UnknownItem {
            item,
            standard: std.name.clone(),
            codes: std.items.iter().map(|i| i.code.clone()).collect(),
        });
    }
    not_in_future(w, Dated::Record, r.date)?;
    if let Some(c) = &r.case
        && CaseState::get(w.conn(), c)?.is_none()
    {
        return Err(Error::NoSuchCase { case: c.clone() });
    }
    w.append(
        None,
        Event::CreditRecord(CreditRecord {
            uscc: company.uscc.clone(),
            item,
            date: r.date.to_string(),
            case: r.case,
            manager: given(r.manager),
            note: given(r.note),
        }),
    )?;
    Ok(company.uscc.clone())
}

/// What a substantiated close recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deduction {
    /// The company's credit code.
    pub uscc: String,
    /// The manager the record names (who gets a personal record), if any.
    pub manager: Option<String>,
    /// Where the manager came from.
    pub manager_from: ManagerFrom,
    /// Issue 16: the record is against an owners' committee (`uscc` holds
    /// its name).
    pub committee: bool,
}

/// Where the manager of a substantiated close's record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManagerFrom {
    /// Given by the clerk.
    Given,
    /// The company's registered manager (the first registered, when it
    /// has several).
    Registered,
    /// Neither: the company has no registered manager and none was given.
    None,
}

/// A close the clerk calls substantiated (违规属实).
pub struct Substantiated<'a> {
    pub case: &'a CaseId,
    pub result: Outcome,
    pub resolution: &'a str,
    pub duplicate_of: Option<&'a CaseId>,
    /// The project manager the record names, if the clerk gives one.
    pub manager: Option<&'a str>,
}

/// Closes a case as substantiated: the close, then the automatic deduction
/// of the case's problem type against the registered company its party
/// names. Only a resolved case was a violation.
pub fn close_substantiated(
    w: &mut Writer,
    reg: &Register,
    s: Substantiated,
) -> Result<(CaseState, Deduction)> {
    let c = w.close(s.case, s.result, s.resolution, s.duplicate_of)?;
    if s.result != Outcome::Resolved {
        return Err(Error::SubstantiatedNotResolved { result: s.result });
    }
    // Issue 16: an owners' committee's violation is recorded against it.
    if super::committee::against_committee(&c) {
        let name = super::committee::record(w, &c)?;
        let d = Deduction {
            uscc: name,
            manager: None,
            manager_from: ManagerFrom::None,
            committee: true,
        };
        return Ok((c, d));
    }
    let d = record_substantiated(w, reg, &c, s.manager)?;
    Ok((c, d))
}

/// The deduction of a substantiated close.
///
/// The record names a manager, so that a personal record (个人失信档案)
/// follows: `manager` when the clerk gives one, else the company's
/// registered manager (the first one registered, when it has several),
/// else none.
fn record_substantiated(
    w: &mut Writer,
    reg: &Register,
    case: &CaseState,
    manager: Option<&str>,
) -> Result<Deduction> {
    let given = match manager.map(str::trim) {
        Some("") => return Err(Error::EmptyManager),
        m => m.map(str::to_string),
    };
    let (company, problem) = party_company(reg, case)?;
    let (manager, manager_from) = match (given, company.managers.first()) {
        (Some(m), _) => (Some(m), ManagerFrom::Given),
        (None, Some(m)) => (Some(m.clone()), ManagerFrom::Registered),
        (None, None) => (None, ManagerFrom::None),
    };
    let record = NewRecord {
        company: company.uscc.clone(),
        item: problem.to_string(),
        case: Some(case.id.clone()),
        date: w.stamp().now.date_naive(),
        manager: manager.clone(),
        note: None,
    };
    let uscc = add_record(w, reg, record)?;
    Ok(Deduction {
        uscc,
        manager,
        manager_from,
        committee: false,
    })
}

/// The registered company a case's party names, and its problem type when
/// the standard scores it: what a substantiated close needs of the case.
fn party_company<'r, 'c>(reg: &'r Register, case: &'c CaseState) -> Result<(&'r Company, &'c str)> {
    let Some(party) = case.party.as_deref() else {
        return Err(Error::NoParty {
            case: case.id.clone(),
        });
    };
    let Some(company) = reg.find(party) else {
        return Err(Error::NotRegistered {
            party: party.to_string(),
        });
    };
    let Some(problem) = case.problem.as_deref() else {
        return Err(Error::NoProblem {
            case: case.id.clone(),
        });
    };
    if reg.standard().item(problem).is_none() {
        return Err(Error::NotScored {
            problem: problem.to_string(),
        });
    }
    Ok((company, problem))
}

/// Puts a company on the dishonesty list by decision; returns its status
/// after.
pub fn blacklist(
    w: &mut Writer,
    reg: &Register,
    company: &str,
    reason: &str,
    on: NaiveDate,
) -> Result<ListStatus> {
    not_in_future(w, Dated::Blacklist, on)?;
    let c = reg.company(company)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::NoReason);
    }
    w.append(
        None,
        Event::CreditBlacklist(CreditBlacklist {
            uscc: c.uscc.clone(),
            reason: reason.to_string(),
            date: on.to_string(),
        }),
    )?;
    let after = reg.with_decision(
        &c.uscc,
        Decision::Blacklist {
            date: on,
            order: usize::MAX,
            reason: reason.to_string(),
        },
    );
    Ok(after.standing(&after.standard(), c, on).status)
}

/// Records the written guarantee and deposit of a suspended company.
pub fn guarantee(
    w: &mut Writer,
    reg: &Register,
    company: &str,
    deposit: &str,
    on: NaiveDate,
) -> Result<()> {
    not_in_future(w, Dated::Guarantee, on)?;
    let c = reg.company(company)?;
    let status = reg.standing(&reg.standard(), c, on).status;
    if status != ListStatus::Suspended {
        return Err(Error::NotSuspended {
            company: c.name.clone(),
            status,
        });
    }
    let deposit = deposit.trim();
    if deposit.parse::<f64>().map_or(true, |d| d <= 0.0) {
        return Err(Error::BadDeposit {
            deposit: deposit.to_string(),
        });
    }
    w.append(
        None,
        Event::CreditGuarantee(CreditGuarantee {
            uscc: c.uscc.clone(),
            deposit: deposit.to_string(),
            date: on.to_string(),
        }),
    )?;
    Ok(())
}

/// Records the dismissal of a company whose dismissal is required;
/// returns who dismissed it.
pub fn dismiss(w: &mut Writer, reg: &Register, company: &str, on: NaiveDate) -> Result<String> {
    not_in_future(w, Dated::Dismissal, on)?;
    let c = reg.company(company)?;
    let status = reg.standing(&reg.standard(), c, on).status;
    if status != ListStatus::DismissalRequired {
        return Err(Error::DismissalNotRequired {
            company: c.name.clone(),
            status,
        });
    }
    let by = reg.dismisser(c);
    w.append(
        None,
        Event::CreditDismiss(CreditDismiss {
            uscc: c.uscc.clone(),
            by: by.clone(),
            date: on.to_string(),
        }),
    )?;
    Ok(by)
}
