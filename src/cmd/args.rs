//! Checks on arguments that no single value's parser can make: `--from`
//! after `--to` (each a date or a month) names an empty period, which is a
//! typing slip to point out, not `0 件` to print. The sentences are in
//! `msg::en::args`.

use chrono::NaiveDate;

use crate::domain::DayOrMonth;
use crate::ledger::flags::period::Period;

/// A range of arguments that cannot hold together, as the facts.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `--from` (its first day) is after `--to` (its last day).
    #[error("--from {from} is after --to {to}")]
    FromAfterTo { from: NaiveDate, to: NaiveDate },
}

/// The received dates `--from` and `--to` restrict to: from the first day
/// of `from` to the last day of `to` (a month counts whole at both ends).
pub fn period(from: Option<DayOrMonth>, to: Option<DayOrMonth>) -> Result<Period, Error> {
    let (from, to) = (from.map(|d| d.first), to.map(|d| d.last));
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(Error::FromAfterTo { from, to });
    }
    Ok(Period { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_counts_whole_and_a_reversed_range_is_refused() {
        let d = |s: &str| Some(s.parse::<DayOrMonth>().unwrap());
        let p = period(d("2026-11"), d("2026年11月")).unwrap();
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(p.to, NaiveDate::from_ymd_opt(2026, 11, 30));
        assert!(period(d("2026-11-30"), d("2026-11")).is_ok());
        assert!(period(d("2026-11-01"), None).is_ok());
        let e = period(d("2026-11-01"), d("2026-10")).unwrap_err();
        assert!(matches!(e, Error::FromAfterTo { .. }), "{e}");
    }
}
