//! A value typed or read that is not what its field takes, as a kind: the
//! value, and what the field takes. Every parser of a domain type returns
//! it; `cmd::msg` says it in the user's language (clap's value errors
//! included).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The value as typed or read.
    pub value: String,
    pub expected: Expected,
}

/// What a field takes (or, for a credit code, which check failed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    OfficeCode,
    CaseId,
    /// One of a closed set of codes (`what`: status, result, source…).
    Code {
        what: &'static str,
        codes: Vec<&'static str>,
    },
    Lang,
    ProblemCode,
    Unit,
    UnitCode,
    Text,
    Phone,
    Days,
    Date,
    DateOrMonth,
    DateTime,
    /// A year typed short (`26-11-03`): not guessed.
    ShortYear(i32),
    Key,
    Uscc(UsccFault),
}

/// Why a unified social credit code is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsccFault {
    Length(usize),
    Char { position: usize, char: char },
    Division { position: usize, char: char },
    OrgCheck { found: char, expected: char },
    Check { found: char, expected: char },
}

impl Invalid {
    /// `value` is kept to 60 characters on one line: it is echoed in the
    /// message, and a value may be a 100,000-digit paste or a hostile cell.
    pub fn new(value: &str, expected: Expected) -> Invalid {
        Invalid {
            value: crate::text::clip(value, 60),
            expected,
        }
    }
}

/// Terse, for logs; the sentence is `cmd::msg`'s.
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not {:?}", self.value, self.expected)
    }
}

impl std::error::Error for Invalid {}
