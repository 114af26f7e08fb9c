//! The `ledger` binary: everything is in the library (`cmd::entry`).

use std::process::ExitCode;

/// mimalloc: merges, imports and the generator make and drop millions of
/// small strings; the system allocator spent a quarter of their time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ledger::main()
}
