//! Periods: the received dates a report or list counts, and the weeks and
//! months of a trend.

use chrono::{Datelike, NaiveDate};

use crate::ledger::days::{date_of_day, day_of_date, days_from_civil, ymd};

/// Restricts a report or list by received date (inclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A period as the text its dates are compared as: the first ten
/// characters of `received_at`, compared as the list's SQL does.
pub(crate) struct TextPeriod {
    from: Option<String>,
    to: Option<String>,
}

impl TextPeriod {
    /// The case received on `date` (`YYYY-MM-DD`) is within the period.
    pub(crate) fn holds(&self, date: &[u8]) -> bool {
        self.from.as_deref().is_none_or(|f| date >= f.as_bytes())
            && self.to.as_deref().is_none_or(|t| date <= t.as_bytes())
    }
}

impl Period {
    pub(crate) fn text(&self) -> TextPeriod {
        TextPeriod {
            from: self.from.map(|d| d.to_string()),
            to: self.to.map(|d| d.to_string()),
        }
    }

    /// The period as day numbers, inclusive (unbounded ends: the extremes).
    pub(crate) fn days(&self) -> (i64, i64) {
        (
            self.from.map_or(i64::MIN, day_of_date),
            self.to.map_or(i64::MAX, day_of_date),
        )
    }

    /// The period with `days` more on both sides (an end pushed past the
    /// calendar's range: no bound).
    pub(crate) fn widened(&self, days: i64) -> Period {
        let shift = |d: Option<NaiveDate>, by: i64| {
            d.and_then(|d| d.checked_add_signed(chrono::Duration::days(by)))
        };
        Period {
            from: shift(self.from, -days),
            to: shift(self.to, days),
        }
    }
}

/// The length of the periods of a trend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// ISO weeks, Monday to Sunday, labelled `2026-W47`.
    Week,
    /// Calendar months, labelled `2026-11`.
    Month,
}

impl Trend {
    pub fn code(self) -> &'static str {
        match self {
            Trend::Week => "week",
            Trend::Month => "month",
        }
    }

    /// The period a date falls in, as a number that orders periods:
    /// months since year 0, or the day number of the week's Monday.
    pub(crate) fn key(self, date: &[u8]) -> Option<i64> {
        let (y, m, d) = ymd(date)?;
        Some(match self {
            Trend::Month => y * 12 + m - 1,
            Trend::Week => {
                let day = days_from_civil(y, m, d);
                // 1970-01-01 was a Thursday, 3 days after a Monday.
                day - (day + 3).rem_euclid(7)
            }
        })
    }

    pub(crate) fn next(self, key: i64) -> i64 {
        match self {
            Trend::Month => key + 1,
            Trend::Week => key + 7,
        }
    }

    pub(crate) fn label(self, key: i64) -> String {
        match self {
            Trend::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Trend::Week => {
                let w = date_of_day(key).iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_iso_weeks_and_months_are_calendar_months() {
        let w = Trend::Week;
        let d = |s: &'static str| s.as_bytes();
        // 2026-11-26 is a Thursday in ISO week 48; 2027-01-01 is in 2026-W53.
        assert_eq!(w.label(w.key(d("2026-11-26")).unwrap()), "2026-W48");
        assert_eq!(w.key(d("2026-11-23")), w.key(d("2026-11-29")));
        assert_ne!(w.key(d("2026-11-29")), w.key(d("2026-11-30")));
        assert_eq!(w.label(w.key(d("2027-01-01")).unwrap()), "2026-W53");
        assert_eq!(w.label(w.key(d("2027-01-04")).unwrap()), "2027-W01");
        let m = Trend::Month;
        assert_eq!(m.label(m.key(d("2026-12-31")).unwrap()), "2026-12");
        assert_eq!(m.label(m.next(m.key(d("2026-12-31")).unwrap())), "2027-01");
    }

    #[test]
    fn a_widened_period_keeps_its_open_ends() {
        let p = Period {
            from: NaiveDate::from_ymd_opt(2026, 4, 1),
            to: None,
        };
        let w = p.widened(90);
        assert_eq!(w.from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(w.to, None);
        assert!(w.text().holds(b"2026-01-01"));
        assert!(!w.text().holds(b"2025-12-31"));
    }
}
