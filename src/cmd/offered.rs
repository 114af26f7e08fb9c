//! Parsers that offer the values a flag takes to shell completion (and
//! zsh/fish/PowerShell show each value's Chinese label), while each type's
//! own `FromStr` still decides what is accepted.

use std::ffi::OsStr;
use std::marker::PhantomData;
use std::str::FromStr;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Arg, Command};

use crate::domain::{Lang, Outcome, ProblemCode, Source, Status, Subject, UnitRef};
use crate::ledger::catalogue;
use crate::render::Format;

/// Parses a value with the type's own `FromStr` (its leniency, `wy6` or
/// `已转办`, and its message listing what is accepted) and offers clap the
/// values to complete. The values are made only when asked for (writing a
/// completion script, a usage error), not on every run.
#[derive(Clone)]
pub struct Offered<T> {
    values: fn() -> Vec<PossibleValue>,
    words: &'static [&'static str],
    parses: PhantomData<fn() -> T>,
}

impl<T> Offered<T> {
    fn new(values: fn() -> Vec<PossibleValue>) -> Offered<T> {
        Offered {
            values,
            words: &[],
            parses: PhantomData,
        }
    }
}

impl<T> TypedValueParser for Offered<T>
where
    T: FromStr<Err = crate::invalid::Invalid> + Clone + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> clap::error::Result<T> {
        // The very parser clap derives for a `FromStr` type, so a refused
        // value reads as it did before completion knew the values.
        StringValueParser::new()
            .try_map(|s| T::from_str(&s))
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let mut all = (self.values)();
        all.extend(self.words.iter().map(|w| PossibleValue::new(*w)));
        Some(Box::new(all.into_iter()))
    }
}

/// A code with its Chinese label, which zsh, fish and PowerShell show
/// beside it.
fn value(code: &str, label: &str) -> PossibleValue {
    PossibleValue::new(code.to_string()).help(label.to_string())
}

/// Case statuses: open, assigned, deferred, closed.
pub fn statuses() -> Offered<Status> {
    Offered::new(|| {
        let all = Status::ALL.iter();
        all.map(|s| value(s.code(), s.label(Lang::Zh))).collect()
    })
}

/// Close-out results: resolved, unfounded, duplicate, out_of_scope.
pub fn results() -> Offered<Outcome> {
    Offered::new(|| {
        let all = Outcome::ALL.iter();
        all.map(|s| value(s.code(), s.label(Lang::Zh))).collect()
    })
}

/// Call-back satisfaction: satisfied, basic, dissatisfied (issue 15).
pub fn satisfactions() -> Offered<crate::domain::Satisfaction> {
    Offered::new(|| {
        let all = crate::domain::Satisfaction::ALL.iter();
        all.map(|s| value(s.code(), s.label(Lang::Zh))).collect()
    })
}

/// Responsible subjects.
pub fn subjects() -> Offered<Subject> {
    Offered::new(|| {
        let all = Subject::ALL.iter();
        all.map(|s| value(s.code(), s.label(Lang::Zh))).collect()
    })
}

/// Where complaints come from.
pub fn sources() -> Offered<Source> {
    Offered::new(|| {
        let all = Source::ALL.iter();
        all.map(|s| value(s.code(), s.label(Lang::Zh))).collect()
    })
}

/// Languages: zh, en.
pub fn langs() -> Offered<Lang> {
    Offered::new(|| vec![value("zh", "中文"), value("en", "English")])
}

/// The formats one command prints, e.g. `&["table", "csv", "json"]`.
pub fn formats(words: &'static [&'static str]) -> Offered<Format> {
    Offered {
        words,
        ..Offered::new(Vec::new)
    }
}

/// Problem codes of the built-in catalogue, with their titles. A ledger's
/// catalogue is the same (problem types are not added locally).
pub fn problems() -> Offered<ProblemCode> {
    Offered::new(|| {
        let c = catalogue::builtin().map(|c| c.problems).unwrap_or_default();
        c.iter().map(|p| value(&p.code, &p.title)).collect()
    })
}

/// Unit codes of the built-in catalogue, with their names (a unit a
/// ledger adds locally is still accepted, by code or by name).
pub fn units() -> Offered<UnitRef> {
    Offered::new(|| {
        let c = catalogue::builtin().map(|c| c.units).unwrap_or_default();
        c.iter().map(|u| value(&u.code, &u.name)).collect()
    })
}
