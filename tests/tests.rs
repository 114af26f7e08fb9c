//! The integration tests: one binary that drives the real `ledger`
//! executable in temporary folders.
