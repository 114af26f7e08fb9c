//! The kinds of event and their stored names (`case.close`): part of the
//! exchange format, written in this one table.

/// The kind of an event, as stored and shipped (`case.close`). The names
/// are part of the exchange format and never change with Rust names; this
/// table is the one place they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    OfficeInit,
    UnitAdd,
    CaseAdd,
    CaseAssign,
    CaseDefer,
    CaseClose,
    CaseReopen,
    CaseNote,
    KeyTrust,
    CreditCompany,
    CreditStandard,
    CreditRecord,
    CreditBlacklist,
    CreditGuarantee,
    CreditDismiss,
    CaseEdit,
    CaseLink,
    CaseAck,
    CaseReturn,
    CaseExtend,
    CaseExtendDecision,
    CaseSupervise,
    CaseVisit,
    CommunityAdd,
    CommunitySet,
    CampaignPhase,
    CampaignDue,
    CreditCommittee,
    CasePatrol,
}

impl Kind {
    pub const ALL: [Kind; 29] = [
        Kind::OfficeInit,
        Kind::UnitAdd,
        Kind::CaseAdd,
        Kind::CaseAssign,
        Kind::CaseDefer,
        Kind::CaseClose,
        Kind::CaseReopen,
        Kind::CaseNote,
        Kind::KeyTrust,
        Kind::CreditCompany,
        Kind::CreditStandard,
        Kind::CreditRecord,
        Kind::CreditBlacklist,
        Kind::CreditGuarantee,
        Kind::CreditDismiss,
        Kind::CaseEdit,
        Kind::CaseLink,
        Kind::CaseAck,
        Kind::CaseReturn,
        Kind::CaseExtend,
        Kind::CaseExtendDecision,
        Kind::CaseSupervise,
        Kind::CaseVisit,
        Kind::CommunityAdd,
        Kind::CommunitySet,
        Kind::CampaignPhase,
        Kind::CampaignDue,
        Kind::CreditCommittee,
        Kind::CasePatrol,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::OfficeInit => "office.init",
            Kind::UnitAdd => "unit.add",
            Kind::CaseAdd => "case.add",
            Kind::CaseAssign => "case.assign",
            Kind::CaseDefer => "case.defer",
            Kind::CaseClose => "case.close",
            Kind::CaseReopen => "case.reopen",
            Kind::CaseNote => "case.note",
            Kind::KeyTrust => "key.trust",
            Kind::CreditCompany => "credit.company",
            Kind::CreditStandard => "credit.standard",
            Kind::CreditRecord => "credit.record",
            Kind::CreditBlacklist => "credit.blacklist",
            Kind::CreditGuarantee => "credit.guarantee",
            Kind::CreditDismiss => "credit.dismiss",
            Kind::CaseEdit => "case.edit",
            Kind::CaseLink => "case.link",
            Kind::CaseAck => "case.ack",
            Kind::CaseReturn => "case.return",
            Kind::CaseExtend => "case.extend",
            Kind::CaseExtendDecision => "case.extend.decision",
            Kind::CaseSupervise => "case.supervise",
            Kind::CaseVisit => "case.visit",
            Kind::CommunityAdd => "community.add",
            Kind::CommunitySet => "community.set",
            Kind::CampaignPhase => "campaign.phase",
            Kind::CampaignDue => "campaign.due",
            Kind::CreditCommittee => "credit.committee",
            Kind::CasePatrol => "case.patrol",
        }
    }

    /// Whether events of this kind name a case.
    pub fn is_case(self) -> bool {
        matches!(
            self,
            Kind::CaseAdd
                | Kind::CaseAssign
                | Kind::CaseDefer
                | Kind::CaseClose
                | Kind::CaseReopen
                | Kind::CaseNote
                | Kind::CaseEdit
                | Kind::CaseLink
                | Kind::CaseAck
                | Kind::CaseReturn
                | Kind::CaseExtend
                | Kind::CaseExtendDecision
                | Kind::CaseSupervise
                | Kind::CaseVisit
                | Kind::CasePatrol
        )
    }
}

impl TryFrom<&str> for Kind {
    type Error = String;

    fn try_from(s: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                format!("unknown event kind '{s}' (known: {})", known.join(", "))
            })
    }
}

impl From<Kind> for &'static str {
    fn from(k: Kind) -> &'static str {
        k.name()
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
