//! The payloads of the units' loop's events (`case.ack`, `.return`,
//! `.extend`, `.extend.decision`, `.supervise`, `.visit`): plain data, a
//! leaf that `event.rs` names without importing the loop's logic.

use serde::{Deserialize, Serialize};

use crate::domain::Satisfaction;

fn is_false(b: &bool) -> bool {
    !*b
}

/// `case.ack`: the unit acknowledged the case (签收).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseAck {
    /// Who at the unit signed for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// `case.return`: the unit sent a misrouted case back (退回).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseReturn {
    /// The unit that returned it (the lead unit when it was made).
    pub unit: String,
    pub reason: String,
}

/// `case.extend`: the unit asks for more time (延期申请).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseExtend {
    pub until: String,
    pub reason: String,
}

/// `case.extend.decision`: the asked extension approved or refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseExtendDecision {
    pub approved: bool,
    /// The date approved (the asked one: what moves the due date).
    pub until: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `case.supervise`: supervision (督办), usually by the district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseSupervise {
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

/// `case.visit`: the call-back after a close (回访).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseVisit {
    pub satisfaction: Satisfaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Reopens the case (only when dissatisfied; the note is the reason).
    #[serde(default, skip_serializing_if = "is_false")]
    pub reopen: bool,
}
