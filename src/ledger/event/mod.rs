//! Events: the typed changes, their payloads and how they are read back.
//! Their stable names are `kind.rs`; the stored form of an event is
//! `record.rs`.

mod kind;

use serde::{Deserialize, Serialize};

pub use super::record::{EventRecord, HASH_TAG};
use crate::domain::{Outcome, Source, Subject};
pub use kind::Kind;
// Issue 16: the campaign's payloads live with it.
pub use super::campaign::events::{
    CampaignDue, CampaignPhase, CasePatrol, CommunityAdd, CommunitySet, CreditCommittee,
};

pub use super::units_loop::payload::{
    CaseAck, CaseExtend, CaseExtendDecision, CaseReturn, CaseSupervise, CaseVisit,
};

fn is_false(b: &bool) -> bool {
    !*b
}

/// `office.init`: the file's office came into being (carries its name so a
/// district learns office names from their exports).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeInit {
    pub name: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub district: bool,
}

/// `unit.add`: a local unit (e.g. a community residents' committee).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitAdd {
    pub code: String,
    pub name: String,
}

/// `case.add`: a complaint registered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseAdd {
    pub received_at: String,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<String>,
    pub community: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complainant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub key: bool,
    /// `problem` is a suggestion of bulk intake, for a clerk to confirm.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[cfg(test)]
impl CaseAdd {
    /// A plain complaint, for unit tests.
    pub(crate) fn sample() -> CaseAdd {
        CaseAdd {
            received_at: "2026-11-20T09:00:00+08:00".into(),
            source: Source::Hotline,
            source_ref: None,
            community: "幸福里小区".into(),
            address: None,
            summary: "物业停水".into(),
            details: None,
            complainant: None,
            phone: None,
            subject: None,
            problem: None,
            party: None,
            key: false,
            suggested: false,
        }
    }
}

/// `case.assign`: classified and forwarded to a unit with a due date.
/// `None` fields leave the case's classification as it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseAssign {
    pub unit: String,
    pub due: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Co-operating units (协办) beside the lead `unit`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_units: Vec<String>,
}

/// `case.defer`: temporarily unsolvable, with a work plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseDefer {
    pub plan: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// `case.close`: closed out (销号).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseClose {
    pub result: Outcome,
    pub resolution: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// `case.reopen`: back to open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseReopen {
    pub reason: String,
}

/// `case.note`: a remark, in any state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseNote {
    pub text: String,
}

/// `key.trust`: this ledger accepts exchange files signed by `key` as
/// coming from office `office` (`replace`: it had another key before, e.g.
/// the office re-created its file). Only a ledger's own `key.trust` events
/// count there; others travel in the log but change nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTrust {
    pub office: String,
    pub key: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub replace: bool,
}

/// `credit.company`: a property service company registered for credit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditCompany {
    pub uscc: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managers: Vec<String>,
    /// Whether an owners' committee functions at its projects (else the
    /// community residents' committee acts for the owners).
    pub committee: bool,
}

/// `credit.standard`: the scoring standard every office now scores by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditStandard {
    pub standard: super::scoring::Standard,
}

/// `credit.record`: a good or bad credit record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditRecord {
    pub uscc: String,
    pub item: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `credit.blacklist`: a decision to put a company on the dishonesty list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditBlacklist {
    pub uscc: String,
    pub reason: String,
    pub date: String,
}

/// `credit.guarantee`: the written rectification guarantee and deposit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditGuarantee {
    pub uscc: String,
    pub deposit: String,
    pub date: String,
}

/// `credit.dismiss`: the company was dismissed from its projects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditDismiss {
    pub uscc: String,
    pub by: String,
    pub date: String,
}

/// Every kind of change. The stored kind names (`kind()`) are part of the
/// exchange format and never change with Rust names.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    OfficeInit(OfficeInit),
    UnitAdd(UnitAdd),
    CaseAdd(CaseAdd),
    CaseAssign(CaseAssign),
    CaseDefer(CaseDefer),
    CaseClose(CaseClose),
    CaseReopen(CaseReopen),
    CaseNote(CaseNote),
    KeyTrust(KeyTrust),
    CreditCompany(CreditCompany),
    CreditStandard(CreditStandard),
    CreditRecord(CreditRecord),
    CreditBlacklist(CreditBlacklist),
    CreditGuarantee(CreditGuarantee),
    CreditDismiss(CreditDismiss),
    CaseEdit(super::sweep::payload::CaseEdit),
    CaseLink(super::sweep::payload::CaseLink),
    // The units' loop (`units_loop`).
    CaseAck(CaseAck),
    CaseReturn(CaseReturn),
    CaseExtend(CaseExtend),
    CaseExtendDecision(CaseExtendDecision),
    CaseSupervise(CaseSupervise),
    CaseVisit(CaseVisit),
    CommunityAdd(CommunityAdd),
    CommunitySet(CommunitySet),
    CampaignPhase(CampaignPhase),
    CampaignDue(CampaignDue),
    CreditCommittee(CreditCommittee),
    CasePatrol(CasePatrol),
}

impl Event {
    pub fn kind(&self) -> Kind {
        match self {
            Event::OfficeInit(_) => Kind::OfficeInit,
            Event::UnitAdd(_) => Kind::UnitAdd,
            Event::CaseAdd(_) => Kind::CaseAdd,
            Event::CaseAssign(_) => Kind::CaseAssign,
            Event::CaseDefer(_) => Kind::CaseDefer,
            Event::CaseClose(_) => Kind::CaseClose,
            Event::CaseReopen(_) => Kind::CaseReopen,
            Event::CaseNote(_) => Kind::CaseNote,
            Event::KeyTrust(_) => Kind::KeyTrust,
            Event::CreditCompany(_) => Kind::CreditCompany,
            Event::CreditStandard(_) => Kind::CreditStandard,
            Event::CreditRecord(_) => Kind::CreditRecord,
            Event::CreditBlacklist(_) => Kind::CreditBlacklist,
            Event::CreditGuarantee(_) => Kind::CreditGuarantee,
            Event::CreditDismiss(_) => Kind::CreditDismiss,
            Event::CaseEdit(_) => Kind::CaseEdit,
            Event::CaseLink(_) => Kind::CaseLink,
            Event::CaseAck(_) => Kind::CaseAck,
            Event::CaseReturn(_) => Kind::CaseReturn,
            Event::CaseExtend(_) => Kind::CaseExtend,
            Event::CaseExtendDecision(_) => Kind::CaseExtendDecision,
            Event::CaseSupervise(_) => Kind::CaseSupervise,
            Event::CaseVisit(_) => Kind::CaseVisit,
            Event::CommunityAdd(_) => Kind::CommunityAdd,
            Event::CommunitySet(_) => Kind::CommunitySet,
            Event::CampaignPhase(_) => Kind::CampaignPhase,
            Event::CampaignDue(_) => Kind::CampaignDue,
            Event::CreditCommittee(_) => Kind::CreditCommittee,
            Event::CasePatrol(_) => Kind::CasePatrol,
        }
    }

    /// Whether records of this stored kind name a case (an unknown kind
    /// names none).
    pub fn is_case_kind(kind: &str) -> bool {
        Kind::try_from(kind).is_ok_and(Kind::is_case)
    }

    pub fn payload(&self) -> String {
        let r = match self {
            Event::OfficeInit(p) => serde_json::to_string(p),
            Event::UnitAdd(p) => serde_json::to_string(p),
            Event::CaseAdd(p) => serde_json::to_string(p),
            Event::CaseAssign(p) => serde_json::to_string(p),
            Event::CaseDefer(p) => serde_json::to_string(p),
            Event::CaseClose(p) => serde_json::to_string(p),
            Event::CaseReopen(p) => serde_json::to_string(p),
            Event::CaseNote(p) => serde_json::to_string(p),
            Event::KeyTrust(p) => serde_json::to_string(p),
            Event::CreditCompany(p) => serde_json::to_string(p),
            Event::CreditStandard(p) => serde_json::to_string(p),
            Event::CreditRecord(p) => serde_json::to_string(p),
            Event::CreditBlacklist(p) => serde_json::to_string(p),
            Event::CreditGuarantee(p) => serde_json::to_string(p),
            Event::CreditDismiss(p) => serde_json::to_string(p),
            Event::CaseEdit(p) => serde_json::to_string(p),
            Event::CaseLink(p) => serde_json::to_string(p),
            Event::CaseAck(p) => serde_json::to_string(p),
            Event::CaseReturn(p) => serde_json::to_string(p),
            Event::CaseExtend(p) => serde_json::to_string(p),
            Event::CaseExtendDecision(p) => serde_json::to_string(p),
            Event::CaseSupervise(p) => serde_json::to_string(p),
            Event::CaseVisit(p) => serde_json::to_string(p),
            Event::CommunityAdd(p) => serde_json::to_string(p),
            Event::CommunitySet(p) => serde_json::to_string(p),
            Event::CampaignPhase(p) => serde_json::to_string(p),
            Event::CampaignDue(p) => serde_json::to_string(p),
            Event::CreditCommittee(p) => serde_json::to_string(p),
            Event::CasePatrol(p) => serde_json::to_string(p),
        };
        r.expect("event payloads are plain data")
    }

    /// Reads a stored kind and payload back; an unknown kind or a payload
    /// that does not fit it is an error naming both.
    pub fn parse(kind: &str, payload: &str) -> Result<Event, String> {
        fn p<T: serde::de::DeserializeOwned>(kind: &str, payload: &str) -> Result<T, String> {
            // serde's words quote the offending value (a phone number, a
            // name): only where and what kind of fault is said.
            serde_json::from_str(payload).map_err(|e| {
                let fault = match e.classify() {
                    serde_json::error::Category::Data => {
                        "a field of the wrong type, missing or unknown"
                    }
                    serde_json::error::Category::Syntax => "not JSON",
                    serde_json::error::Category::Eof => "cut short",
                    serde_json::error::Category::Io => "unreadable",
                };
                format!("bad {kind} payload at column {}: {fault}", e.column())
            })
        }
        Ok(match Kind::try_from(kind)? {
            Kind::OfficeInit => Event::OfficeInit(p(kind, payload)?),
            Kind::UnitAdd => Event::UnitAdd(p(kind, payload)?),
            Kind::CaseAdd => Event::CaseAdd(p(kind, payload)?),
            Kind::CaseAssign => Event::CaseAssign(p(kind, payload)?),
            Kind::CaseDefer => Event::CaseDefer(p(kind, payload)?),
            Kind::CaseClose => Event::CaseClose(p(kind, payload)?),
            Kind::CaseReopen => Event::CaseReopen(p(kind, payload)?),
            Kind::CaseNote => Event::CaseNote(p(kind, payload)?),
            Kind::KeyTrust => Event::KeyTrust(p(kind, payload)?),
            Kind::CreditCompany => Event::CreditCompany(p(kind, payload)?),
            Kind::CreditStandard => Event::CreditStandard(p(kind, payload)?),
            Kind::CreditRecord => Event::CreditRecord(p(kind, payload)?),
            Kind::CreditBlacklist => Event::CreditBlacklist(p(kind, payload)?),
            Kind::CreditGuarantee => Event::CreditGuarantee(p(kind, payload)?),
            Kind::CreditDismiss => Event::CreditDismiss(p(kind, payload)?),
            Kind::CaseEdit => Event::CaseEdit(p(kind, payload)?),
            Kind::CaseLink => Event::CaseLink(p(kind, payload)?),
            Kind::CaseAck => Event::CaseAck(p(kind, payload)?),
            Kind::CaseReturn => Event::CaseReturn(p(kind, payload)?),
            Kind::CaseExtend => Event::CaseExtend(p(kind, payload)?),
            Kind::CaseExtendDecision => Event::CaseExtendDecision(p(kind, payload)?),
            Kind::CaseSupervise => Event::CaseSupervise(p(kind, payload)?),
            Kind::CaseVisit => Event::CaseVisit(p(kind, payload)?),
            Kind::CommunityAdd => Event::CommunityAdd(p(kind, payload)?),
            Kind::CommunitySet => Event::CommunitySet(p(kind, payload)?),
            Kind::CampaignPhase => Event::CampaignPhase(p(kind, payload)?),
            Kind::CampaignDue => Event::CampaignDue(p(kind, payload)?),
            Kind::CreditCommittee => Event::CreditCommittee(p(kind, payload)?),
            Kind::CasePatrol => Event::CasePatrol(p(kind, payload)?),
        })
    }
}
