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
mod hostile;
mod intake;
mod lang;
mod lifecycle;
mod personal;
mod registration;
mod reliability;
mod report;
mod report_list;
mod security;
mod setup;
mod sweep;
mod tables;
mod typing;
mod units_loop;
mod units_loop_report;
mod upgrade;
// Issue 17: the workbook and the page.
mod report_files;
mod report_page;
