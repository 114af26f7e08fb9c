//! The campaign's errors as kinds: `Fault` for a content rule an event
//! breaks (`rules.rs`), `Refused` for a command the ledger turns down. A
//! leaf the core's error types name without importing the campaign's
//! logic; the conversions into them are in `campaign/mod.rs`. The
//! sentences are `cmd/msg/{en,zh}/campaign.rs`.

use crate::domain::Phase;

/// Which text of a community event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Alias,
    Company,
    Patrol,
}

/// A content rule of the campaign's events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    Empty(Field),
    TooLong { field: Field, max: usize },
    TooManyAliases { max: usize },
    NotADate { value: String },
    Backwards { from: String, to: String },
}

/// A campaign command the ledger refuses; nothing was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// This office registered the name already.
    CommunityExists {
        name: String,
    },
    NoCommunity {
        name: String,
    },
    /// The alias (or name) already stands for another community here.
    AliasTaken {
        alias: String,
        community: String,
    },
    /// `community set` with nothing to change.
    NothingToSet,
    /// `--found-by` and the like go with `--source patrol`.
    PatrolOnly,
    /// `campaign set` with neither a phase nor a due date.
    NothingToCalendar,
    /// `--phase` needs `--from` and `--to` (and they need it).
    PhaseNeedsDates,
    FromAfterTo {
        from: String,
        to: String,
    },
    /// The phase's dates overlap another phase's.
    Overlaps {
        phase: Phase,
        other: Phase,
    },
}
