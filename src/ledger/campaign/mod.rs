//! The campaign (issue 16): its calendar of phases and ledger due date,
//! and the community register with each community's owners' committee.
//! Both are events on the shared log, folded when a command needs them.

pub mod calendar;
pub mod community;
pub mod error;
pub mod events;
pub(crate) mod rules;
pub mod usage;

impl super::Ledger {
    /// The community register as this file holds it.
    pub fn communities(&self) -> super::Result<community::Communities> {
        community::Communities::load(self.conn())
    }

    /// The campaign calendar in force here.
    pub fn calendar(&self) -> super::Result<calendar::Calendar> {
        calendar::Calendar::load(self.conn(), &self.office().code)
    }
}
