//! "Now" for every command: the system clock, or `LEDGER_NOW` when a script
//! or a test fixes it.

use chrono::{DateTime, FixedOffset, Local};

use crate::domain::TimeArg;

/// Reads `LEDGER_NOW` (a date, `YYYY-MM-DD HH:MM`, or RFC 3339); a value
/// without a zone is read in the machine's local zone. Unset or empty: the
/// system clock.
pub fn now_from_env() -> Result<DateTime<FixedOffset>, String> {
    let local = *Local::now().offset();
    match std::env::var("LEDGER_NOW") {
        Ok(v) if !v.trim().is_empty() => v
            .parse::<TimeArg>()
            .map(|t| t.resolve(local))
            .map_err(|e| format!("LEDGER_NOW: {e}")),
        _ => Ok(Local::now().fixed_offset()),
    }
}

/// Who is typing, for the events' actor column: `LEDGER_USER`, else the
/// login name, else empty.
pub fn actor_from_env() -> String {
    ["LEDGER_USER", "USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_default()
}
