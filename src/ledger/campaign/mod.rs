//! The campaign (issue 16): its calendar of phases and ledger due date,
//! and the community register with each community's owners' committee.
//! Both are events on the shared log, folded when a command needs them.

pub mod acceptance;
pub mod calendar;
pub mod community;
pub mod error;
pub mod events;
pub mod patrol;
pub(crate) mod rules;
pub mod usage;

use super::error::{Break, Error, Refusal};

impl From<error::Refused> for Error {
    fn from(r: error::Refused) -> Self {
        Refusal::Campaign(r).into()
    }
}

impl From<error::Fault> for Break {
    fn from(f: error::Fault) -> Self {
        Break::Campaign(f)
    }
}

impl super::Ledger {
    /// The community register as this file holds it.
    pub fn communities(&self) -> super::Result<community::Communities> {
        community::Communities::load(self.conn())
    }

    /// At a district, records today as the arrival of the offices whose
    /// ledgers reached it for the first time (see `calendar`).
    pub fn record_arrivals(&mut self, today: &str) -> super::Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = calendar::record_arrivals(&tx, today)?;
        tx.commit()?;
        Ok(n)
    }

    /// The campaign calendar in force here.
    pub fn calendar(&self) -> super::Result<calendar::Calendar> {
        calendar::Calendar::load(self.conn(), &self.office().code)
    }
}
