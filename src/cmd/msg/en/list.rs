//! English for `list`'s refusals.

use crate::cmd::error::Filter as Error;

pub fn say(e: &Error) -> String {
    match e {
        Error::UnknownUnit(typed) => {
            format!("unknown unit '{typed}': see `ledger catalog units`")
        }
        Error::UnknownProblem(code) => {
            format!("unknown problem code {code}: see `ledger catalog problems`")
        }
        Error::Ledger(inner) => super::core(inner),
    }
}
