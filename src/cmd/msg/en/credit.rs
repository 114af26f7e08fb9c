//! English: the credit register's errors as sentences.

use crate::credit::Error;
use crate::credit::error::{Dated, Number, StandardFault};

/// The sentence for a credit error.
pub fn say(e: &Error) -> String {
    match e {
        Error::NoCompany { typed } => format!(
            "no registered company '{typed}': give its registered name or credit code (see `ledger credit company list`; register it with `ledger credit company add`)"
        ),
        Error::Future { what, on, today } => {
            let what = match what {
                Dated::Record => "record",
                Dated::Blacklist => "blacklist decision",
                Dated::Guarantee => "guarantee",
                Dated::Dismissal => "dismissal",
            };
            format!("the {what} date {on} is in the future (now is {today}): check --date")
        }
        Error::EmptyName => "the company name must not be empty".into(),
        Error::UsccTaken { uscc, name } => {
            format!("credit code {uscc} is registered already, as {name}")
        }
        Error::NameTaken { name, uscc } => {
            format!("a company named {name} is registered already, with credit code {uscc}")
        }
        Error::UnknownItem {
            item,
            standard,
            codes,
        } => format!(
            "item {item} is not in the standard {standard}: use one of {}",
            codes.join(", ")
        ),
        Error::NoSuchCase { case } => format!("--case {case}: no such case in this ledger"),
        Error::EmptyManager => {
            "--manager must not be empty: name the project manager (负责人)".into()
        }
        Error::ManagerWithoutSubstantiated => "--manager goes with --substantiated: it names the manager on the credit record a substantiated close makes".into(),
        Error::SubstantiatedNotResolved { result } => format!(
            "--substantiated goes with --result resolved (a {} complaint was not a violation)",
            result.code()
        ),
        Error::NoParty { case } => format!(
            "--substantiated needs the case's party: set it with `ledger assign {case} --party NAME`"
        ),
        Error::NotRegistered { party } => format!(
            "--substantiated: {party} is not a registered company (register it with `ledger credit company add --name {party} --uscc CODE`)"
        ),
        Error::NoProblem { case } => format!(
            "--substantiated needs the case's problem type (ledger assign {case} --problem WY-xx)"
        ),
        Error::NotScored { problem } => format!(
            "--substantiated: the credit standard has no item for {problem} (only property-company problems are scored)"
        ),
        Error::NoReason => "a blacklist decision needs a reason (--reason)".into(),
        Error::NotSuspended { company, status } => format!(
            "{company} is {}: a guarantee is recorded for a company suspended after its first entry on the dishonesty list",
            status.label(false)
        ),
        Error::BadDeposit { deposit } => {
            format!("--deposit '{deposit}' is not an amount of money (e.g. 50000)")
        }
        Error::DismissalNotRequired { company, status } => format!(
            "{company} is {}: dismissal is recorded once it is required (a second entry after a guarantee)",
            status.label(false)
        ),
        Error::NoticeNotJson => "notice prints md or csv (--format md|csv)".into(),
        Error::CannotRead { file, source } => {
            format!("cannot read {}: {source}", file.display())
        }
        Error::StandardFile { file, line, fault } => match line {
            Some(line) => format!("{file}, line {line}: {}", standard(fault)),
            None => format!("{file}: {}", standard(fault)),
        },
        Error::DamagedDate { event, kind, value } => format!(
            "the ledger file is damaged: the {kind} event {event} has the date '{value}', which is not a day (YYYY-MM-DD); run `ledger check`"
        ),
        Error::Ledger(inner) => super::core(inner),
    }
}

/// What is wrong with a standard file.
fn standard(f: &StandardFault) -> String {
    match f {
        StandardFault::Csv(e) => e.to_string(),
        StandardFault::Header { expected, found } => {
            format!("the header should be `{expected}`, found `{found}`")
        }
        StandardFault::EmptyCode => "the code is empty".into(),
        StandardFault::SecondStandard => {
            "a second `standard` row: a file holds one standard".into()
        }
        StandardFault::NotWhole { number, value } => {
            let what = match number {
                Number::Base => "the base score",
                Number::Points => "points",
                Number::BandMin => "the band's lowest score",
            };
            format!("{what} '{value}' is not a whole number")
        }
        StandardFault::PointsRange { points } => {
            format!("points {points}: give a good record as +1..+100 and a deduction as -1..-100")
        }
        StandardFault::Months { value } => {
            format!("months '{value}' is not a validity of 1 to 120 months")
        }
        StandardFault::Dishonesty { value } => format!("dishonesty '{value}': write yes or no"),
        StandardFault::ItemTwice { code } => format!("item {code} is defined twice"),
        StandardFault::BandOrder {
            code,
            min,
            above,
            above_min,
        } => format!(
            "grade {code} starts at {min}, not below grade {above} ({above_min}): list bands from highest to lowest"
        ),
        StandardFault::Type { value } => {
            format!("type '{value}' is not one of standard, item, grade")
        }
        StandardFault::NoStandardRow => "no `standard` row (name and base score)".into(),
        StandardFault::NoItems => "no `item` rows".into(),
        StandardFault::Bands { count } => {
            format!("{count} grade bands; a standard has 2 to 8 (typically 4 or 5)")
        }
    }
}
