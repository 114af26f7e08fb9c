//! Day numbers: the date arithmetic the report and the repeat rule do on
//! the file's stored text, a million times a report.
//!
//! Bytes, not `str`: the report reads the file's text as bytes (checking
//! UTF-8 on every cell cost more than the counting), and no parsing
//! library runs in the loop.

use chrono::NaiveDate;

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
    })
}

/// `YYYY-MM-DD…` → (year, month, day).
pub(crate) fn ymd(b: &[u8]) -> Option<(i64, i64, i64)> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&b[..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The day number (days since 1970-01-01) of a text's leading date.
pub(crate) fn day_number(s: &[u8]) -> Option<i64> {
    ymd(s).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// The day number of a date.
pub(crate) fn day_of_date(d: NaiveDate) -> i64 {
    (d - epoch()).num_days()
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch")
}

/// The date of a day number.
pub(crate) fn date_of_day(day: i64) -> NaiveDate {
    epoch() + chrono::Duration::days(day)
}

/// Seconds since the epoch of an RFC 3339 time as the ledger stores them
/// (`2026-11-26T10:00:00+08:00`); other shapes go through chrono. What
/// SQLite's `julianday` difference gave: offsets are applied.
pub(crate) fn epoch_seconds(b: &[u8]) -> Option<i64> {
    if b.len() == 25 && b[10] == b'T' && (b[19] == b'+' || b[19] == b'-') && b[22] == b':' {
        let day = day_number(b)?;
        let hms = digits(&b[11..13])? * 3600 + digits(&b[14..16])? * 60 + digits(&b[17..19])?;
        let off = digits(&b[20..22])? * 3600 + digits(&b[23..25])? * 60;
        let off = if b[19] == b'-' { -off } else { off };
        return Some(day * 86_400 + hms - off);
    }
    chrono::DateTime::parse_from_rfc3339(std::str::from_utf8(b).ok()?)
        .ok()
        .map(|t| t.timestamp())
}

/// The leading `YYYY-MM-DD` of a stored time: the local date the clerk
/// recorded, what [`RECEIVED_DATE_SQL`] gives in SQL.
pub(crate) fn date_part(t: &[u8]) -> &[u8] {
    t.get(..10).unwrap_or(t)
}

/// The SQL twin of [`date_part`] on the received time: the local date a
/// case was received, as lists filter and compare it.
pub(crate) const RECEIVED_DATE_SQL: &str = "substr(received_at, 1, 10)";

/// Working days (the units' loop, issue 15): Monday to Friday. The
/// campaign has no holiday calendar yet, so a public holiday counts as a
/// working day; the rule lives here alone so one can be added.
pub(crate) fn is_working_day(day: i64) -> bool {
    // Day 0, 1970-01-01, was a Thursday: Monday is 0 below.
    (day + 3).rem_euclid(7) < 5
}

/// The day `n` working days after `day` (`day` itself not counted).
pub(crate) fn add_working_days(day: i64, n: u32) -> i64 {
    let (mut d, mut left) = (day, n);
    while left > 0 {
        d += 1;
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_agree_with_chrono() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2026-11-26",
            "2027-01-01",
            "1969-12-31",
        ] {
            let n = NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            assert_eq!(date_of_day(day_number(s.as_bytes()).unwrap()), n, "{s}");
            assert_eq!(day_of_date(n), day_number(s.as_bytes()).unwrap(), "{s}");
        }
        assert_eq!(day_number(b"2026-13-01"), None);
        assert_eq!(day_number(b"2026/11/26"), None);
    }

    #[test]
    fn epoch_seconds_apply_the_offset() {
        for s in [
            "2026-11-26T10:00:00+08:00",
            "2026-11-26T10:00:00-05:30",
            "2026-11-26T10:00:00Z",
            "2026-11-26T10:00:00.5+08:00",
        ] {
            let want = chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp();
            assert_eq!(epoch_seconds(s.as_bytes()), Some(want), "{s}");
        }
    }

    #[test]
    fn working_days_skip_the_weekend() {
        let day = |s: &str| day_number(s.as_bytes()).unwrap();
        // 2026-11-27 is a Friday: one working day later is Monday.
        assert!(is_working_day(day("2026-11-27")));
        assert!(!is_working_day(day("2026-11-28")));
        assert_eq!(add_working_days(day("2026-11-27"), 1), day("2026-11-30"));
        assert_eq!(add_working_days(day("2026-11-26"), 1), day("2026-11-27"));
        // Assigned on a Saturday: due by Monday.
        assert_eq!(add_working_days(day("2026-11-28"), 1), day("2026-11-30"));
    }
}
