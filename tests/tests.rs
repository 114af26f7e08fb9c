//! The integration tests: one binary that drives the real `ledger`
//! executable in temporary folders, one module per subject.

mod common;

mod campaign;
mod cli;
mod community;
mod converge;
mod credit;
mod desk;
mod exchange;
mod forms;
mod fuzz;
mod intake;
mod lang;
mod lifecycle;
mod registration;
mod reliability;
mod report;
mod report_list;
mod security;
mod setup;
mod tables;
mod typing;
mod upgrade;
