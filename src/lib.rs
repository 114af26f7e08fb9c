//! `ledger`: the property-management rectification case ledger (物业管理整治台账).
//!
//! `ledger` (the core) keeps the file and its rules; `cmd` turns the command
//! line into calls on it and renders what comes back.

pub mod cli;
pub mod clock;
pub mod cmd;
pub mod credit;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod intake;
pub mod ledger;
pub mod msg;
pub mod pii;
pub mod render;
pub mod uscc;
