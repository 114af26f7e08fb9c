//! Reception times in the forms hotline, petition and message-board exports use.
//!
//! | form                                   | example                    |
//! |----------------------------------------|----------------------------|
//! | what `ledger add --received` takes     | `2019-01-05 09:03`, `2019/1/5`, `20190105`, RFC 3339 |
//! | with seconds or fractions              | `2019/1/5 9:03:07`, `2019-01-05 09:03:07.250` |
//! | Chinese                                | `2019年1月5日 9时3分`, `2019年1月5日 09:03` |
//! | full-width (a Chinese input method)    | `２０１９－０１－０５ ０９：０３` |
//! | US (NYC 311), month first              | `03/24/2025 11:33:07 PM`, `03/24/2025` |
//! | Excel serial number (cell or text)     | `43856.8244` = 2020-01-26 19:47:08 |
//!
//! The first four rows are `crate::dates`, the parser the command line
//! uses too; this file adds the last two, which only exports write. A time
//! without a zone is read in the zone of the ledger's clock, as
//! `add --received` does.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::cell::{Cell, from_serial};
use super::error::BadDate;
use crate::domain::{TimeArg, normalize};

/// Reads a reception time from a cell: `Ok(None)` for an empty cell, the
/// value found (which the message sets beside the accepted forms) otherwise.
pub fn parse_cell(cell: &Cell) -> Result<Option<TimeArg>, BadDate> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Overlong { chars } => Err(BadDate::Text(format!("({chars} …)"))),
        Cell::Number(n) | Cell::Date(n) => from_serial(*n)
            .map(|t| Some(TimeArg::Local(t)))
            .ok_or(BadDate::Serial(*n)),
        Cell::Text(s) => {
            let t = s.trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_text(t)
                .map(Some)
                .ok_or_else(|| BadDate::Text(t.to_string()))
        }
    }
}

/// The text forms of the table above: the shared parser's (`crate::dates`:
/// what `add --received` takes, Chinese and full-width forms included), then
/// what only exports write.
pub fn parse_text(t: &str) -> Option<TimeArg> {
    if let Ok(a) = t.parse::<TimeArg>() {
        return Some(a);
    }
    let t = normalize(t);
    if let Some(n) = month_first(&t) {
        return Some(TimeArg::Local(n));
    }
    // An Excel serial saved as text (a CSV written from a sheet whose date
    // column had lost its format).
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') && t.len() <= 16 {
        return t
            .parse::<f64>()
            .ok()
            .and_then(from_serial)
            .map(TimeArg::Local);
    }
    None
}

/// US month-first dates, with a 12-hour (AM/PM) or 24-hour time. Only
/// tried after every year-first form: Chinese exports never put the month
/// first, and 311 exports always do.
fn month_first(t: &str) -> Option<NaiveDateTime> {
    for f in [
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, f) {
            return Some(n);
        }
    }
    NaiveDate::parse_from_str(t, "%m/%d/%Y")
        .ok()
        .map(|d| d.and_time(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> String {
        match parse_text(s).unwrap_or_else(|| panic!("{s} should parse")) {
            TimeArg::Local(n) => n.format("%Y-%m-%d %H:%M:%S").to_string(),
            TimeArg::Zoned(z) => z.to_rfc3339(),
        }
    }

    #[test]
    fn every_form_the_exports_use() {
        assert_eq!(local("2019/1/5 9:03:07"), "2019-01-05 09:03:07");
        assert_eq!(local("2019-01-05 09:03:07"), "2019-01-05 09:03:07");
        assert_eq!(local("2019-01-05"), "2019-01-05 00:00:00");
        assert_eq!(local("2019/1/5"), "2019-01-05 00:00:00");
        assert_eq!(local("2019-01-05 09:03:07.5"), "2019-01-05 09:03:07");
        assert_eq!(local("2019年1月5日"), "2019-01-05 00:00:00");
        assert_eq!(local("2019年1月5日 9时3分"), "2019-01-05 09:03:00");
        assert_eq!(local("2019年01月05日 09:03:07"), "2019-01-05 09:03:07");
        assert_eq!(local("03/24/2025 11:33:07 PM"), "2025-03-24 23:33:07");
        assert_eq!(local("03/24/2025 12:05:00 AM"), "2025-03-24 00:05:00");
        assert_eq!(local("43856.8244"), "2020-01-26 19:47:08");
        assert_eq!(local("43856"), "2020-01-26 00:00:00");
        assert_eq!(
            local("２０１９－０１－０５ ０９：０３"),
            "2019-01-05 09:03:00"
        );
        assert_eq!(local("20190105"), "2019-01-05 00:00:00");
    }

    #[test]
    fn what_is_not_a_date() {
        for bad in [
            "yesterday",
            "2019-13-01",
            "2019年2月30日",
            "12345678901",
            "0.5",
            "1/2",
        ] {
            assert!(parse_text(bad).is_none(), "{bad} should not parse");
        }
        assert!(parse_cell(&Cell::Number(188006.0)).is_err());
        assert_eq!(parse_cell(&Cell::Empty), Ok(None));
        assert_eq!(parse_cell(&Cell::Text("  ".into())), Ok(None));
    }

    #[test]
    fn serials_from_cells() {
        let t = parse_cell(&Cell::Date(43678.0)).unwrap().unwrap();
        assert_eq!(
            t,
            TimeArg::Local(
                NaiveDate::from_ymd_opt(2019, 8, 1)
                    .unwrap()
                    .and_time(NaiveTime::MIN)
            )
        );
    }
}
