//! `ledger`: the property-management rectification case ledger (物业管理整治台账).
//!
//! `ledger` (the core) keeps the file and its rules; `cmd` turns the command
//! line into calls on it and renders what comes back. The binary calls
//! [`main`]; the modules the integration tests drive directly (the core, the
//! exchange format, the generator and the domain types) are public, the rest
//! is the crate's own, so rustc sees what nothing uses.

mod clock;
mod cmd;
pub mod credit;
mod dates;
pub mod demo;
pub mod domain;
pub mod exchange;
mod intake;
pub mod invalid;
pub mod ledger;
mod pii;
mod render;
mod text;
mod uscc;

/// Runs `ledger` with the process's arguments and environment: the one
/// thing the binary calls.
pub fn main() -> std::process::ExitCode {
    cmd::entry::main()
}
