//! The campaign's events: the community register (`community.add`,
//! `community.set`) and the calendar (`campaign.phase`, `campaign.due`).

use serde::{Deserialize, Serialize};

use crate::domain::{Committee, Phase};

fn is_false(b: &bool) -> bool {
    !*b
}

/// `community.add`: a residential community (小区) registered by the
/// event's origin office, under its canonical name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunityAdd {
    pub name: String,
    /// Other spellings cases use for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The managing company: a credit code, or a name as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Committee>,
    /// A demonstration community (示范小区) of the campaign.
    #[serde(default, skip_serializing_if = "is_false")]
    pub demonstration: bool,
}

/// `community.set`: changes to a community the origin registered; `None`
/// leaves a field as it was, aliases are added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunitySet {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Committee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demonstration: Option<bool>,
}

/// `credit.committee`: a substantiated violation of an owners' committee
/// (a YW problem) recorded against the committee of the case's community,
/// for accountability (四.(四).2). `office` registered the community (or
/// typed it, when it is not registered).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditCommittee {
    pub office: String,
    pub community: String,
    pub item: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
}

/// `case.patrol`: what a property company's patrol recorded of a
/// violation it found (the 三联单's record form): who found it and when,
/// how it was dissuaded, to whom it was reported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePatrol {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_by: Option<String>,
    /// RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissuasion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_to: Option<String>,
}

/// `campaign.phase`: the dates of one phase (a later event for the same
/// phase replaces them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignPhase {
    pub phase: Phase,
    pub from: String,
    pub to: String,
}

/// `campaign.due`: the day each office's ledger must reach the district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignDue {
    pub date: String,
}
