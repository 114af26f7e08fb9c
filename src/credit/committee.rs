//! Owners' committees in the credit register (issue 16): a YW case's
//! party is its community's owners' committee, a substantiated close
//! records the violation against it (`credit.committee`), and who may
//! dismiss a company comes from the committee status of the communities
//! it manages (the community register), not a flag of the company.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Company, Register};
use crate::domain::{Committee, Subject};
use crate::ledger::campaign::community::Communities;
use crate::ledger::event::CreditCommittee;
use crate::ledger::{CaseState, Event, Writer};

pub use crate::ledger::campaign::community::committee_name;

/// A record against an owners' committee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitteeRecord {
    pub office: String,
    pub community: String,
    pub item: String,
    pub date: NaiveDate,
    pub case: Option<String>,
}

/// Whether a case is against an owners' committee: its subject, or a YW
/// problem type.
pub fn against_committee(case: &CaseState) -> bool {
    case.subject == Some(Subject::OwnersCommittee)
        || case
            .problem
            .as_deref()
            .is_some_and(|p| p.starts_with("YW-"))
}

impl Register {
    /// Takes the community register: which communities each company
    /// manages (a community's company names it by code or name).
    pub(super) fn link_communities(&mut self, names: &Communities) {
        let mut by: BTreeMap<String, Vec<(String, Option<Committee>)>> = BTreeMap::new();
        for c in &names.list {
            if let Some(co) = c.company.as_deref().and_then(|t| self.find(t)) {
                by.entry(co.uscc.clone())
                    .or_default()
                    .push((c.name.clone(), c.committee));
            }
        }
        self.managed = by;
    }

    /// The communities a company manages, with their committee status.
    pub fn managed(&self, uscc: &str) -> &[(String, Option<Committee>)] {
        self.managed.get(uscc).map_or(&[], Vec::as_slice)
    }

    /// Who dismisses a company (the plan's second sanction): for each
    /// community it manages, that community's owners' committee where one
    /// functions, else its residents' committee; a status not recorded
    /// (and a company with no registered community) goes by the company's
    /// own `--no-committee` flag.
    pub fn dismisser(&self, c: &Company) -> String {
        let managed = self.managed(&c.uscc);
        if managed.is_empty() {
            return super::dismisser(c);
        }
        let by: Vec<String> = managed
            .iter()
            .map(|(name, status)| {
                let functions = status.map_or(c.committee, Committee::functions);
                if functions {
                    committee_name(name)
                } else {
                    format!("{name}社区居民委员会(代行业主委员会职责)")
                }
            })
            .collect();
        by.join("、")
    }
}

/// Records a substantiated violation against the owners' committee of
/// the case's community (its canonical name where registered); returns
/// the committee's name.
pub(super) fn record(w: &mut Writer, case: &CaseState) -> crate::ledger::Result<String> {
    let names = Communities::load(w.conn())?;
    let (office, community) = match names.find(&case.office, &case.community) {
        Some(c) => (c.office.clone(), c.name.clone()),
        None => (case.office.clone(), case.community.trim().to_string()),
    };
    let item = case.problem.clone().unwrap_or_else(|| "QT-00".into());
    w.append(
        None,
        Event::CreditCommittee(CreditCommittee {
            office,
            community: community.clone(),
            item,
            date: w.stamp().today(),
            case: Some(case.id.clone()),
        }),
    )?;
    Ok(committee_name(&community))
}
