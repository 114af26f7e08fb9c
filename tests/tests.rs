//! The integration tests: one binary that drives the real `ledger`
//! executable in temporary folders.

mod common;

mod cli;
mod converge;
mod credit;
mod exchange;
mod fuzz;
mod intake;
mod lifecycle;
mod reliability;
mod report;
mod security;
mod upgrade;
