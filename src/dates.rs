//! Dates and times as a clerk types them or an export writes them: the one
//! parser the command line and the imports share, so a form that works in
//! `add --received` also works in `list --from` and in an imported sheet.
//!
//! | form                                   | example                                  |
//! |----------------------------------------|------------------------------------------|
//! | year first, `-` `/` `.`, padded or not | `2026-11-01`, `2026/11/1`, `2026.11.1`   |
//! | eight digits                           | `20261101`                               |
//! | Chinese                                | `2026年11月1日` (`号` too)                |
//! | a time after a space or `T`            | `14:05`, `14:05:30`, `14:05:30.250`      |
//! | a Chinese time (space optional)        | `14时05分`, `14时05分30秒`, `9点`          |
//! | a month (`--from`/`--to` only)         | `2026-11`, `2026/11`, `2026年11月`         |
//!
//! Full-width digits and punctuation, as a Chinese input method types them
//! (`２０２６－１１－０１`, `14：05`, `2026。11。1`), read as their ASCII forms.
//! What only exports write (Excel serials, US month-first dates) stays in
//! `intake::dates`, on top of this parser.

use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::invalid::{Expected, Invalid};
use crate::text::normalize;

/// The text as a date parser reads it: normalised (NFKC, dash variants),
/// the ideographic full stop and comma as `.` and `/`, trimmed.
fn prepared(s: &str) -> String {
    normalize(s).replace('。', ".").replace('、', "/")
}

/// A date alone, in any form of the table above.
pub fn date(s: &str) -> Option<NaiveDate> {
    let t = prepared(s);
    match chinese_date(&t) {
        Some((d, "")) => Some(d),
        Some(_) => None,
        None => numeric_date(&t),
    }
}

/// A date with an optional time (midnight when none is given).
pub fn date_time(s: &str) -> Option<NaiveDateTime> {
    let t = prepared(s);
    let (d, rest) = match chinese_date(&t) {
        Some(found) => found,
        None => match t.find(|c: char| c.is_whitespace() || c == 'T') {
            Some(i) => (numeric_date(&t[..i])?, t[i + 1..].trim()),
            None => (numeric_date(&t)?, ""),
        },
    };
    Some(d.and_time(time(rest)?))
}

/// A calendar month, `2026-11` or `2026年11月`: its first and last day.
pub fn month(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let t = prepared(s);
    let (y, m) = match t.split_once('年') {
        Some((y, rest)) => (y.trim(), rest.trim().strip_suffix('月')?.trim()),
        None => {
            let sep = t.chars().find(|c| !c.is_ascii_digit())?;
            if !"-/.".contains(sep) {
                return None;
            }
            t.split_once(sep)?
        }
    };
    if !year(y) || !digits(m, 1, 2) {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }?;
    Some((first, next.pred_opt()?))
}

/// A year as typed: up to four digits. A short one (`26/11/3`) is read as
/// written, not guessed: `add` refuses the year 26 saying to write it in
/// full, and `DateArg`/`DayOrMonth` refuse it here.
fn year(y: &str) -> bool {
    digits(y, 1, 4)
}

/// The refusal of a date whose year was typed short (`26-11-03`).
fn short_year(s: &str, d: NaiveDate) -> Result<(), Invalid> {
    if d.year() < 100 {
        return Err(Invalid::new(s, Expected::ShortYear(d.year())));
    }
    Ok(())
}

/// `s` is `min..=max` ASCII digits.
fn digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// `2026年11月1日` and what follows it (trimmed): the time, if any.
fn chinese_date(t: &str) -> Option<(NaiveDate, &str)> {
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let rest = rest.trim_start();
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (d, rest) = rest.split_at(end);
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['日', '号']).unwrap_or(rest).trim();
    let (y, m) = (y.trim(), m.trim());
    if !year(y) || !digits(m, 1, 2) || !digits(d, 1, 2) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some((date, rest))
}

/// `2026-11-01`, `2026/11/1`, `2026.11.1` (one separator throughout) or
/// `20261101`.
fn numeric_date(t: &str) -> Option<NaiveDate> {
    let (y, m, d) = if digits(t, 8, 8) {
        (&t[..4], &t[4..6], &t[6..])
    } else {
        let sep = t.chars().find(|c| !c.is_ascii_digit())?;
        if !"-/.".contains(sep) {
            return None;
        }
        let mut parts = t.split(sep);
        let ymd = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        ymd
    };
    if !year(y) || !digits(m, 1, 2) || !digits(d, 1, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A time of day: empty (midnight), `14:05[:30[.250]]`, or the Chinese
/// `14时05分[30秒]` / `14点[05分]`.
fn time(t: &str) -> Option<NaiveTime> {
    if t.is_empty() {
        return Some(NaiveTime::MIN);
    }
    let chinese = t.contains(['时', '点']);
    let colons = if chinese {
        let c = t.replace(['时', '点', '分'], ":").replace('秒', "");
        c.trim_end_matches(':').to_string()
    } else {
        t.to_string()
    };
    let parts: Vec<&str> = colons.split(':').map(str::trim).collect();
    // A bare hour is Chinese only (`9点`); `14` alone is not a time.
    let least = if chinese { 1 } else { 2 };
    if parts.len() < least || parts.len() > 3 {
        return None;
    }
    let (s, nanos) = match parts.get(2) {
        None => ("0", 0),
        Some(s) => match s.split_once('.') {
            None => (*s, 0),
            Some((s, f)) => (s, fraction(f)?),
        },
    };
    let num = |s: &str| digits(s, 1, 2).then(|| s.parse::<u32>().ok()).flatten();
    let m = parts.get(1).copied().unwrap_or("0");
    NaiveTime::from_hms_nano_opt(num(parts[0])?, num(m)?, num(s)?, nanos)
}

/// The digits after a seconds' point, as nanoseconds.
fn fraction(f: &str) -> Option<u32> {
    if !digits(f, 1, 9) {
        return None;
    }
    format!("{f:0<9}").parse().ok()
}

/// A calendar date as typed, in any form of the table above.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateArg(pub NaiveDate);

impl FromStr for DateArg {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let d = date(s).ok_or_else(|| Invalid::new(s, Expected::Date))?;
        short_year(s, d)?;
        Ok(DateArg(d))
    }
}

/// A day or a whole month, as `--from` and `--to` take them: `--from`
/// uses the first day, `--to` the last (`--from 2026-11 --to 2026-11` is
/// November).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayOrMonth {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl FromStr for DayOrMonth {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        let (first, last) = date(s)
            .map(|d| (d, d))
            .or_else(|| month(s))
            .ok_or_else(|| Invalid::new(s, Expected::DateOrMonth))?;
        short_year(s, first)?;
        Ok(DayOrMonth { first, last })
    }
}

/// A date or a date and time as typed, without a zone (`2026-11-03`,
/// `2026/11/3 14:05`, `2026年11月3日 14时05分`), or an RFC 3339 time. A time
/// without a zone is read in the zone of the ledger's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeArg {
    Local(NaiveDateTime),
    Zoned(DateTime<FixedOffset>),
}

impl TimeArg {
    pub fn resolve(self, offset: FixedOffset) -> DateTime<FixedOffset> {
        match self {
            TimeArg::Zoned(t) => t,
            TimeArg::Local(n) => offset
                .from_local_datetime(&n)
                .single()
                .expect("a fixed offset maps every local time"),
        }
    }
}

impl FromStr for TimeArg {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        if let Ok(z) = DateTime::parse_from_rfc3339(&normalize(s)) {
            return Ok(TimeArg::Zoned(z));
        }
        date_time(s)
            .map(TimeArg::Local)
            .ok_or_else(|| Invalid::new(s, Expected::DateTime))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> String {
        date(s)
            .unwrap_or_else(|| panic!("{s} should be a date"))
            .to_string()
    }

    fn local(s: &str) -> String {
        let t = date_time(s).unwrap_or_else(|| panic!("{s} should be a time"));
        t.format("%Y-%m-%d %H:%M:%S%.f").to_string()
    }

    #[test]
    fn each_date_form() {
        for s in [
            "2026-11-01",
            "2026/11/1",
            "2026.11.1",
            "2026-11-1",
            "20261101",
            "2026年11月1日",
            "2026年11月01号",
            " 2026 年 11 月 1 日 ",
        ] {
            assert_eq!(ymd(s), "2026-11-01", "{s}");
        }
    }

    #[test]
    fn full_width_dates_read_as_ascii() {
        for s in [
            "２０２６－１１－０１",
            "２０２６／１１／１",
            "2026。11。1",
            "2026、11、1",
            "2026—11—01",
            "２０２６年１１月１日",
            "２０２６１１０１",
        ] {
            assert_eq!(ymd(s), "2026-11-01", "{s}");
        }
    }

    #[test]
    fn each_time_form() {
        assert_eq!(local("2026-11-01"), "2026-11-01 00:00:00");
        assert_eq!(local("2026-11-01 14:05"), "2026-11-01 14:05:00");
        assert_eq!(local("2026/11/1 14:05:30"), "2026-11-01 14:05:30");
        assert_eq!(local("2026.11.1 9:03"), "2026-11-01 09:03:00");
        assert_eq!(local("20261101 14:05"), "2026-11-01 14:05:00");
        assert_eq!(local("2026-11-01T14:05:30"), "2026-11-01 14:05:30");
        assert_eq!(local("2026-11-01 14:05:30.25"), "2026-11-01 14:05:30.250");
        assert_eq!(local("2026年11月1日 14时05分"), "2026-11-01 14:05:00");
        assert_eq!(local("2026年11月1日14时05分30秒"), "2026-11-01 14:05:30");
        assert_eq!(local("2026年11月1日 14:05"), "2026-11-01 14:05:00");
        assert_eq!(local("2026年11月1日 9点"), "2026-11-01 09:00:00");
        assert_eq!(local("2026-11-01 １４：０５"), "2026-11-01 14:05:00");
        assert_eq!(local("2026-11-01\u{3000}14:05"), "2026-11-01 14:05:00");
    }

    #[test]
    fn months_give_their_first_and_last_day() {
        let m = |s: &str| {
            let (a, b) = month(s).unwrap_or_else(|| panic!("{s} should be a month"));
            format!("{a} {b}")
        };
        assert_eq!(m("2026-11"), "2026-11-01 2026-11-30");
        assert_eq!(m("2026/2"), "2026-02-01 2026-02-28");
        assert_eq!(m("2028.02"), "2028-02-01 2028-02-29");
        assert_eq!(m("2026年12月"), "2026-12-01 2026-12-31");
        assert_eq!(m("２０２６年１１月"), "2026-11-01 2026-11-30");
        for bad in [
            "2026-13",
            "2026",
            "20261-11",
            "2026-11-01",
            "2026年11月1日",
            "11/2026",
        ] {
            assert!(month(bad).is_none(), "{bad} is not a month");
        }
        let d: DayOrMonth = "2026年11月".parse().unwrap();
        assert_eq!(
            (d.first.to_string(), d.last.to_string()),
            ("2026-11-01".into(), "2026-11-30".into())
        );
        let d: DayOrMonth = "2026/11/3".parse().unwrap();
        assert_eq!(d.first, d.last);
    }

    #[test]
    fn what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2026-02-30",
            "2026-13-01",
            "2026-11/01",
            "20261-11-01",
            "2026-011-01",
            "2026-11-01-02",
            "2026年2月30日",
            "2026年11月",
            "202611011",
            "43856",
            "1/2",
        ] {
            assert!(date(bad).is_none(), "{bad} should not be a date");
        }
        for bad in [
            "2026-11-01 25:00",
            "2026-11-01 14",
            "2026-11-01 14:60",
            "2026-11-01 14:05:30:01",
            "2026-11-01 14:05:30.1234567890",
            "2026年11月1日 下午",
        ] {
            assert!(date_time(bad).is_none(), "{bad} should not be a time");
        }
    }

    #[test]
    fn arguments_say_what_they_accept() {
        assert_eq!(
            "2026/11/3".parse::<DateArg>().unwrap().0.to_string(),
            "2026-11-03"
        );
        let e = "2026-02-30".parse::<DateArg>().unwrap_err();
        assert_eq!(e.expected, Expected::Date);
        // A short year is read as written (the core says why it refuses
        // it), never guessed; a date argument refuses it at once.
        assert_eq!(ymd("26/11/3"), "0026-11-03");
        for short in ["26-11-03", "26年11月3日"] {
            let e = short.parse::<DateArg>().unwrap_err();
            assert_eq!(e.expected, Expected::ShortYear(26));
        }
        let e = "26-11".parse::<DayOrMonth>().unwrap_err();
        assert_eq!(e.expected, Expected::ShortYear(26));
        let e = "someday".parse::<DayOrMonth>().unwrap_err();
        assert_eq!(e.expected, Expected::DateOrMonth);
        let off = FixedOffset::east_opt(8 * 3600).unwrap();
        let t = |s: &str| s.parse::<TimeArg>().unwrap().resolve(off).to_rfc3339();
        assert_eq!(t("2026-11-03 14:05"), "2026-11-03T14:05:00+08:00");
        assert_eq!(t("2026年11月3日"), "2026-11-03T00:00:00+08:00");
        assert_eq!(t("2026-11-03T14:05:00Z"), "2026-11-03T14:05:00+00:00");
        assert!("yesterday".parse::<TimeArg>().is_err());
    }
}
