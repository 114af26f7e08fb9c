//! One cell of an export as the file holds it, and Excel's serial dates:
//! shared by the readers (which make cells) and the date parser (which
//! reads them), so neither has to import the other.

use std::borrow::Cow;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// One cell as the file holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A numeric workbook cell.
    Number(f64),
    /// A workbook cell formatted as a date: its Excel serial number.
    Date(f64),
    /// A CSV field too long for any spreadsheet cell, not decoded (at
    /// least `chars` characters): its row is turned away.
    Overlong {
        chars: usize,
    },
}

impl Cell {
    /// The cell as text, as a clerk would read it in the sheet: whole
    /// numbers without `.0` (ids such as 留言编号 are stored as numbers),
    /// dates as `YYYY-MM-DD HH:MM:SS`.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty | Cell::Overlong { .. } => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s.as_str()),
            Cell::Number(n) => Cow::Owned(number_text(*n)),
            Cell::Date(n) => Cow::Owned(match from_serial(*n) {
                Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
                None => number_text(*n),
            }),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Excel's day 0 in the 1900 date system (serial 60, the 29 February 1900
/// that Lotus invented, is before every date a ledger holds).
fn excel_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .expect("a valid date")
        .and_time(NaiveTime::MIN)
}

/// Serials a reception time can plausibly have: 1990-01-01 to 2099-12-31.
/// Outside that a number is more likely an id or an amount than a date.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 32874.0..=73415.0;

/// An Excel serial date-time (days since 1899-12-30, the fraction is the
/// time of day), rounded to the second.
pub fn from_serial(serial: f64) -> Option<NaiveDateTime> {
    if !serial.is_finite() || !SERIAL_RANGE.contains(&serial) {
        return None;
    }
    let seconds = (serial * 86_400.0).round() as i64;
    excel_epoch().checked_add_signed(Duration::seconds(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_sheet_shows_them() {
        assert_eq!(Cell::Number(188006.0).text(), "188006");
        assert_eq!(Cell::Number(1.5).text(), "1.5");
        assert_eq!(Cell::Date(43856.5).text(), "2020-01-26 12:00:00");
    }
}
