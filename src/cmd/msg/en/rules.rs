//! English: the content rules an event breaks, and the words sentences
//! share (how a value is named, an event, a district or a street office).

use crate::ledger::error::{Break, EventRef, What};

/// How a value is named in a sentence.
pub fn what(w: What) -> &'static str {
    match w {
        What::Origin => "the origin",
        What::Time => "the time",
        What::CaseId => "the case id",
        What::OfficeName => "the office name",
        What::UnitName => "the unit name",
        What::ReceivedTime => "the received time",
        What::Community => "the community",
        What::Summary => "the summary",
        What::DueDate => "the due date",
        What::WorkPlan => "the work plan",
        What::PlanDate => "the plan's date",
        What::Resolution => "the resolution",
        What::DuplicateOf => "duplicate_of",
        What::Reason => "the reason",
        What::Note => "the note",
        What::TrustedOffice => "the trusted office",
        What::CompanyName => "the company name",
        What::Item => "the item",
        What::RecordDate => "the record's date",
        What::RecordCase => "the record's case",
        What::Deposit => "the deposit",
        What::DismissedBy => "who dismissed it",
        What::DecisionDate => "the decision's date",
        What::GuaranteeDate => "the guarantee's date",
        What::DismissalDate => "the dismissal's date",
        What::AckBy => "who acknowledged",
        What::ExtendUntil => "the extension's date",
        What::SuperviseDue => "the supervision's due date",
        What::VisitNote => "the call-back's note",
    }
}

/// The rule an event breaks.
pub fn rule(b: &Break) -> String {
    use crate::ledger::rules::{YEAR_MAX, YEAR_MIN};
    match b {
        Break::Empty(w) => format!("{} is empty", what(*w)),
        Break::ReceivedYear { year, now_year } => {
            let hint = if (1..100).contains(year) {
                format!(" (a two-digit year is not guessed: write it in full, e.g. {now_year})")
            } else {
                String::new()
            };
            format!("the year {year} is outside {YEAR_MIN}..{now_year}{hint}")
        }
        Break::NotATime { what: w, value } => format!("{} '{value}' is not a time", what(*w)),
        Break::TimeYears { what: w, value } => {
            format!(
                "{} '{value}' is outside the years {YEAR_MIN}..{YEAR_MAX}",
                what(*w)
            )
        }
        Break::NotADate { what: w, value } => {
            format!("{} '{value}' is not a date (YYYY-MM-DD)", what(*w))
        }
        Break::DateYears { what: w, value } => {
            format!(
                "{} {value} is outside the years {YEAR_MIN}..{YEAR_MAX}",
                what(*w)
            )
        }
        Break::CaseIdForm {
            what: w,
            value,
            canonical,
        } => format!(
            "{} '{value}' is not written as a case id is (it would be {canonical})",
            what(*w)
        ),
        Break::CaseIdYear {
            what: w,
            value,
            year,
        } => format!(
            "{} {value} has the year {year}, outside {YEAR_MIN}..{YEAR_MAX}",
            what(*w)
        ),
        Break::OfficeForm { what: w, value } => {
            format!("{} '{value}' is not written as an office code is", what(*w))
        }
        Break::Malformed(why) => super::invalid::say(why),
        Break::Standard(why) | Break::Payload(why) => why.clone(),
        Break::TooLong { field, chars, max } => {
            format!("{field} is {chars} characters long; a text holds at most {max}")
        }
        Break::Campaign(f) => super::campaign::fault(f),
        Break::SeqRange(n) => format!("seq {n} is outside 1..2^40"),
        Break::ClockRange(n) => format!("clock {n} is outside 1..2^40"),
        Break::CaseIdPresence { kind, has } => format!(
            "a {kind} event {} a case id",
            if *has { "should not have" } else { "needs" }
        ),
        Break::NumberedYear {
            id,
            numbered,
            received,
        } => format!("case {id} is numbered in {numbered} but was received in {received}"),
        Break::UnitCodeForm(code) => format!("unit code '{code}' is not written as a code is"),
        Break::BuiltinUnit(code) => format!("unit code {code} is a built-in unit"),
        Break::UnknownProblem(code) => format!("problem code '{code}' is not in the catalogue"),
        Break::ProblemSubject { code, of, given } => format!(
            "problem {code} is a {} problem, but the subject given is {}",
            of.code(),
            given.code()
        ),
        Break::UnknownUnit(code) => format!("unit '{code}' is not known here"),
        Break::DuplicateOfItself(id) => format!("case {id} is closed as a duplicate of itself"),
        Break::DuplicateNamesNone => "a duplicate close names no case (duplicate_of)".into(),
        Break::DuplicateOfNotDuplicate => {
            "duplicate_of is given on a close that is not a duplicate".into()
        }
        Break::Sweep(b) => super::sweep::rule(b),
        Break::Loop(b) => super::units_loop::rule(b),
    }
}

pub fn event(e: &EventRef) -> String {
    format!("event {}/{} ({})", e.origin, e.seq, e.kind)
}

pub fn role(district: bool) -> &'static str {
    if district {
        "a district"
    } else {
        "a street office"
    }
}
