//! The rules of single values that every table of rules uses: the years
//! a date may have, the counters' and texts' bounds, and the checks of a
//! time, a date, a case id, an office code or a required text. A leaf of
//! the rules: it knows no event, so the features' rules import it alone.

use chrono::{DateTime, Datelike, NaiveDate};

use crate::domain::{CaseId, OfficeCode};
use crate::ledger::error::{Break, Result, What};
use crate::text::clip;

/// The first and last years any date may have.
pub const YEAR_MIN: i32 = 2000;
pub const YEAR_MAX: i32 = 2099;
/// The largest seq or clock an event may carry.
pub const MAX_COUNTER: i64 = 1 << 40;
/// The most characters any text of an event may have: what a spreadsheet
/// cell holds, so every text survives a round trip through Excel.
pub const MAX_TEXT: usize = 32_767;
/// The most characters of an actor (a user name).
pub const MAX_ACTOR: usize = 200;

/// The longest string in a JSON text, with the key it is the value of (or
/// an element of), in characters as written (an escape counts as its
/// characters): one pass over the bytes, so every event of a merge is
/// measured without parsing it again.
/// The text rule every event obeys, whatever its kind: the actor at most
/// [`MAX_ACTOR`] characters, every string of the payload at most
/// [`MAX_TEXT`] (named by its key).
pub fn texts_bounded(actor: &str, payload: &str) -> Result<(), Break> {
    let chars = actor.chars().count();
    if chars > MAX_ACTOR {
        return Err(Break::TooLong {
            field: "actor".into(),
            chars,
            max: MAX_ACTOR,
        });
    }
    match longest_text(payload) {
        Some((field, chars)) if chars > MAX_TEXT => Err(Break::TooLong {
            field,
            chars,
            max: MAX_TEXT,
        }),
        _ => Ok(()),
    }
}

pub(super) fn longest_text(json: &str) -> Option<(String, usize)> {
    let bytes = json.as_bytes();
    // (characters, key start, key end) of the longest; the last key's span.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut key: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        let mut chars = 0;
        while j < bytes.len() && bytes[j] != b'"' {
            if bytes[j] == b'\\' {
                j += 1;
            }
            if j < bytes.len() && (bytes[j] & 0xC0) != 0x80 {
                chars += 1;
            }
            j += 1;
        }
        let is_key = bytes
            .get(j + 1..)
            .unwrap_or_default()
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b':');
        if is_key {
            key = Some((start, j));
        } else if best.is_none_or(|(n, _, _)| chars > n) {
            let (ks, ke) = key.unwrap_or((start, start));
            best = Some((chars, ks, ke));
        }
        i = j + 1;
    }
    best.map(|(n, ks, ke)| (clip(&json[ks..ke], 40), n))
}

fn year_ok(y: i32) -> bool {
    (YEAR_MIN..=YEAR_MAX).contains(&y)
}

pub(crate) fn not_empty(what: What, s: &str) -> Result<(), Break> {
    if s.trim().is_empty() {
        return Err(Break::Empty(what));
    }
    Ok(())
}

/// The year rule for a received time a clerk types or an import reads:
/// from 2000 to the current year. A two-digit year (`26/11/3`) is not
/// guessed: the row or command is refused, saying to write it in full.
pub fn received_year(year: i32, now_year: i32) -> Result<(), Break> {
    if year < YEAR_MIN || year > now_year {
        return Err(Break::ReceivedYear { year, now_year });
    }
    Ok(())
}

/// A stored time: RFC 3339 in the allowed years.
pub fn time(what: What, s: &str) -> Result<DateTime<chrono::FixedOffset>, Break> {
    let t = DateTime::parse_from_rfc3339(s).map_err(|_| Break::NotATime {
        what,
        value: clip(s, 40),
    })?;
    if !year_ok(t.year()) {
        return Err(Break::TimeYears {
            what,
            value: s.to_string(),
        });
    }
    Ok(t)
}

/// A stored date: `YYYY-MM-DD`, a real day in the allowed years.
pub fn date(what: What, s: &str) -> Result<NaiveDate, Break> {
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|d| d.to_string() == s)
        .ok_or_else(|| Break::NotADate {
            what,
            value: clip(s, 40),
        })?;
    if !year_ok(d.year()) {
        return Err(Break::DateYears {
            what,
            value: s.to_string(),
        });
    }
    Ok(d)
}

/// A case id in canonical form, in the allowed years.
pub fn case_id(what: What, s: &str) -> Result<CaseId, Break> {
    let id: CaseId = s.parse().map_err(Break::Malformed)?;
    if id.to_string() != s {
        return Err(Break::CaseIdForm {
            what,
            value: s.to_string(),
            canonical: id.to_string(),
        });
    }
    if !year_ok(id.year) {
        return Err(Break::CaseIdYear {
            what,
            value: s.to_string(),
            year: id.year,
        });
    }
    Ok(id)
}

pub(super) fn office(what: What, s: &str) -> Result<(), Break> {
    let o: OfficeCode = s.parse().map_err(Break::Malformed)?;
    if o.as_str() != s {
        return Err(Break::OfficeForm {
            what,
            value: s.to_string(),
        });
    }
    Ok(())
}

pub(super) fn uscc(s: &str) -> Result<(), Break> {
    s.parse::<crate::uscc::Uscc>()
        .map(|_| ())
        .map_err(Break::Malformed)
}

#[cfg(test)]
mod tests {
    use super::longest_text;

    #[test]
    fn the_longest_text_is_found_with_its_key() {
        let j =
            r#"{"community":"幸福里","summary":"停水三天\"了\"","tags":["a","bbbbbbbbbb"],"n":3}"#;
        assert_eq!(longest_text(j), Some(("tags".into(), 10)));
        assert_eq!(
            longest_text(r#"{"summary":"停水三天"}"#),
            Some(("summary".into(), 4))
        );
        assert_eq!(longest_text("{}"), None);
        // Cut JSON does not panic.
        assert_eq!(longest_text(r#"{"a":"bc"#), Some(("a".into(), 2)));
    }
}
