//! English: a value that is not what its field takes (`invalid::Invalid`).

use crate::invalid::{Expected, Invalid, UsccFault};

pub fn say(e: &Invalid) -> String {
    let s = &e.value;
    match &e.expected {
        Expected::OfficeCode => {
            format!(
                "'{s}' is not an office code: use 1 to 8 ASCII letters or digits, e.g. S07 or D"
            )
        }
        Expected::CaseId => {
            format!("'{s}' is not a case id: expected <office>-<year>-<number>, e.g. S03-2026-0042")
        }
        Expected::Code { what, codes } => {
            format!("'{s}' is not a {what}: use one of {}", codes.join(", "))
        }
        Expected::Lang => format!("'{s}' is not a language: use zh or en"),
        Expected::ProblemCode => format!(
            "'{s}' is not a problem code: expected two letters and a number, e.g. WY-06 (see `ledger catalog problems`)"
        ),
        Expected::Unit => {
            "a unit must not be empty: give its code (e.g. ZJ) or its exact name".into()
        }
        Expected::UnitCode => format!(
            "'{s}' is not a unit code: use 1 to 12 ASCII letters, digits, '_' or '-', e.g. SQ01"
        ),
        Expected::Text => "must not be empty".into(),
        Expected::Phone => format!(
            "'{s}' is not a phone number: digits (5 to 20) with optional spaces, '-', '+' or parentheses, e.g. 13812345678 or 0371-6666 8888"
        ),
        Expected::Days => {
            format!("'{s}' is not a number of days: use a whole number from 0 to 3650, e.g. 30")
        }
        Expected::Date => format!(
            "'{s}' is not a date: use YYYY-MM-DD, e.g. 2026-11-03 (2026/11/3, 20261103 and 2026年11月3日 also work)"
        ),
        Expected::DateOrMonth => format!(
            "'{s}' is not a date or a month: use YYYY-MM-DD or YYYY-MM, e.g. 2026-11-03 or 2026-11 (2026年11月3日 and 2026年11月 also work)"
        ),
        Expected::DateTime => format!(
            "'{s}' is not a date or time: use YYYY-MM-DD or 'YYYY-MM-DD HH:MM', e.g. 2026-11-03 14:05 (2026年11月3日 14时05分 also works)"
        ),
        Expected::ShortYear(y) => format!(
            "'{s}' has the year {y}: a two-digit year is not guessed, write it in full (e.g. 2026-11-03)"
        ),
        Expected::Key => format!(
            "'{s}' is not a ledger key: expected ed25519: and 64 hex digits, as `ledger key` prints it"
        ),
        Expected::Uscc(f) => uscc(s, f),
    }
}

fn uscc(s: &str, f: &UsccFault) -> String {
    match f {
        UsccFault::Length(n) => format!(
            "'{s}' is not a unified social credit code: it has {n} characters, a code has 18"
        ),
        UsccFault::Char { position, char } => format!(
            "'{s}': position {position} is '{char}', which a credit code never uses (no I, O, Z, S or V)"
        ),
        UsccFault::Division { position, char } => format!(
            "'{s}': position {position} is '{char}', but positions 3-8 are the administrative division code (digits)"
        ),
        UsccFault::OrgCheck { found, expected } => format!(
            "'{s}': position 17 is '{found}', but the organisation code's check character should be '{expected}'"
        ),
        UsccFault::Check { found, expected } => format!(
            "'{s}': position 18 is '{found}', but the check character should be '{expected}' (a typo in another position?)"
        ),
    }
}
