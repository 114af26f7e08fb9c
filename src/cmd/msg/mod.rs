//! The messages a person reads when a command fails: the one place where
//! errors become sentences. The core and the feature modules return errors
//! as kinds carrying facts (`ledger::Error`, `credit::Error`, …); this module
//! picks the language's file (`en/`, and later others) and says them.

pub mod en;
pub mod zh;

use crate::domain::Lang;

/// A failure whose message was already printed: exit 1 without another line.
#[derive(Debug)]
pub struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("failed")
    }
}

impl std::error::Error for Reported {}

/// The one-sentence message for a failed command, in `lang`.
pub fn describe(e: &anyhow::Error, lang: Lang) -> String {
    // Only English is written so far; Chinese follows with issue 12.
    let _ = lang;
    en::describe(e)
}

/// The sentence for one of the core's errors, in `lang`.
pub fn say(e: &crate::ledger::Error, lang: Lang) -> String {
    let _ = lang;
    en::ledger::say(e)
}
