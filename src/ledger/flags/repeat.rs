//! The repeat-complaint rule (多次投诉, PRODUCT.md §3), the one definition
//! behind `report`'s `repeat` figure, `list --repeat` and `show`'s flag:
//!
//! > A case is a **repeat** when it has a confirmed problem type (not a
//! > suggestion of bulk intake), a community that is not the placeholder
//! > `(未注明)`, was not split into parts, and at least one
//! > *other* case has the same community (its canonical name in the
//! > community register, else the same text exactly) and the
//! > same problem type and was received no more than 90 days before or
//! > after it, counting whole calendar days between the two received
//! > dates (the local date the clerk recorded: `received_at`'s first ten
//! > characters; 90 days apart counts, 91 does not).
//!
//! Both cases of such a pair are repeats; three complaints within a season
//! make three. Every status counts, closed cases too: a complaint made is a
//! complaint made, whatever came of it. The other case may have been
//! received outside `--from/--to`: a period chooses which cases are
//! counted, not which neighbours they may have. Cases of every office count
//! as neighbours (on a district file, a community is one place whichever
//! office registered the complaint).

use fnv::FnvHashMap;
use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::period::Period;
use crate::ledger::campaign::community::Communities;
use crate::ledger::days::{date_part, day_number};
use crate::ledger::error::Result;

/// Days within which two complaints about the same problem type in the
/// same community make a repeat complaint.
const REPEAT_WINDOW_DAYS: i64 = 90;

/// The SQL twin of "has a confirmed problem type, a named community and
/// was not split": only such a case can be a repeat (issue 14: unconfirmed
/// suggestions and the placeholder community paired unrelated cases).
pub(crate) const REPEAT_CANDIDATE_SQL: &str = "problem IS NOT NULL AND problem_suggested = 0 \
     AND community <> '(未注明)' AND instr(links, 'split_into:') = 0";

/// The received dates whose cases can be a repeat of a case received in
/// `period`: the period widened by the window on both sides.
pub(crate) fn neighbourhood(period: &Period) -> Period {
    period.widened(REPEAT_WINDOW_DAYS)
}

/// The rule run over cases pushed one by one.
///
/// How: cases are bucketed by (community, problem type) in a hash map
/// holding each case's day number and a payload; each bucket is sorted by
/// day, and a case is a repeat when the case just before or just after it
/// is within the window (the nearest other case is always one of those
/// two). That is O(n log n) in time and 8 to 16 bytes a case in memory
/// (a day number and a payload), without a sort of the table by SQLite or
/// an index on `cases` (every index on `cases` slows a merge). FNV: the
/// maps are looked up once or twice per case with short keys from the
/// file; std's SipHash (proof against crafted keys) cost a tenth of the
/// report's time for nothing here.
pub(crate) struct RepeatWindow<T> {
    communities: FnvHashMap<Vec<u8>, u32>,
    problems: FnvHashMap<Vec<u8>, u32>,
    buckets: FnvHashMap<u64, Vec<(i32, T)>>,
}

impl<T: Copy> RepeatWindow<T> {
    pub(crate) fn new() -> Self {
        RepeatWindow {
            communities: FnvHashMap::default(),
            problems: FnvHashMap::default(),
            buckets: FnvHashMap::default(),
        }
    }

    fn intern(map: &mut FnvHashMap<Vec<u8>, u32>, s: &[u8]) -> u32 {
        if let Some(&i) = map.get(s) {
            return i;
        }
        let i = map.len() as u32;
        map.insert(s.to_vec(), i);
        i
    }

    /// One case with a problem type, received on `received` (text starting
    /// `YYYY-MM-DD`; a case whose date cannot be read is nobody's repeat).
    pub(crate) fn push(&mut self, community: &[u8], problem: &[u8], received: &[u8], item: T) {
        let Some(day) = day_number(received).and_then(|d| i32::try_from(d).ok()) else {
            return;
        };
        let c = Self::intern(&mut self.communities, community);
        let p = Self::intern(&mut self.problems, problem);
        self.buckets
            .entry(u64::from(c) << 32 | u64::from(p))
            .or_default()
            .push((day, item));
    }

    /// Calls `f` with the day number and payload of every case that is a
    /// repeat.
    pub(crate) fn finish(self, mut f: impl FnMut(i64, T)) {
        for (_, mut v) in self.buckets {
            v.sort_unstable_by_key(|&(day, _)| day);
            for i in 0..v.len() {
                let gap = |a: i32, b: i32| i64::from(b) - i64::from(a) <= REPEAT_WINDOW_DAYS;
                let near_before = i > 0 && gap(v[i - 1].0, v[i].0);
                let near_after = i + 1 < v.len() && gap(v[i].0, v[i + 1].0);
                if near_before || near_after {
                    f(i64::from(v[i].0), v[i].1);
                }
            }
        }
    }
}

/// A text cell's bytes (`None` for NULL or another type).
pub(crate) fn text(v: ValueRef<'_>) -> Option<&[u8]> {
    match v {
        ValueRef::Text(t) => Some(t),
        _ => None,
    }
}

/// What the repeat rule reads of a case: community, problem type, date.
type RepeatKey<'r> = (&'r [u8], &'r [u8], &'r [u8]);

/// Columns 1..=3 of a row (community, problem, received time) as the
/// repeat rule reads them, the community by its canonical name (column 4
/// is the case's office): `None` when one is missing.
fn repeat_key<'r>(
    r: &'r rusqlite::Row<'_>,
    names: &'r Communities,
) -> Result<Option<RepeatKey<'r>>> {
    let office = text(r.get_ref(4)?).unwrap_or_default();
    Ok(
        match (
            text(r.get_ref(1)?),
            text(r.get_ref(2)?),
            text(r.get_ref(3)?),
        ) {
            (Some(c), Some(p), Some(t)) => Some((names.canonical(office, c), p, date_part(t))),
            _ => None,
        },
    )
}

/// The rowids of the cases received within `period` that are repeats,
/// sorted, for `list --repeat` and the list's flag.
pub(crate) fn repeat_rowids(conn: &Connection, period: &Period) -> Result<Vec<i64>> {
    let wide = neighbourhood(period).text();
    let mut win = RepeatWindow::new();
    let names = Communities::load(conn)?;
    let mut st = conn.prepare(&format!(
        "SELECT rowid, community, problem, received_at, office FROM cases WHERE {REPEAT_CANDIDATE_SQL}"
    ))?;
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        if let Some((community, problem, date)) = repeat_key(r, &names)?
            && wide.holds(date)
        {
            win.push(community, problem, date, r.get::<_, i64>(0)?);
        }
    }
    // Whether a repeat is in the period is read off its day number, so the
    // payload is the rowid alone (16 bytes a case instead of 24).
    let (lo, hi) = period.days();
    let mut ids = Vec::new();
    win.finish(|day, rowid| {
        if (lo..=hi).contains(&day) {
            ids.push(rowid);
        }
    });
    ids.sort_unstable();
    Ok(ids)
}

/// Whether the case `id` is a repeat, for `show`: the rule run over the
/// cases of its problem type alone (the community is matched by its
/// canonical name, which SQL does not know).
pub(crate) fn is_repeat(conn: &Connection, id: &str) -> Result<bool> {
    let mut win = RepeatWindow::new();
    let names = Communities::load(conn)?;
    let mut st = conn.prepare(&format!(
        "SELECT o.id = c.id, o.community, o.problem, o.received_at, o.office
             FROM cases c JOIN cases o ON o.problem = c.problem
             WHERE c.id = ?1 AND o.rowid IN (SELECT rowid FROM cases WHERE {REPEAT_CANDIDATE_SQL})
             AND c.rowid IN (SELECT rowid FROM cases WHERE {REPEAT_CANDIDATE_SQL})"
    ))?;
    let mut q = st.query([id])?;
    while let Some(r) = q.next()? {
        if let Some((community, problem, date)) = repeat_key(r, &names)? {
            win.push(community, problem, date, r.get::<_, bool>(0)?);
        }
    }
    let mut repeat = false;
    win.finish(|_, this| repeat |= this);
    Ok(repeat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_within_ninety_days_either_way() {
        let mut w = RepeatWindow::new();
        w.push(b"A", b"WY-06", b"2026-01-01", 1);
        w.push(b"A", b"WY-06", b"2026-04-01", 2); // 90 days after 1
        w.push(b"A", b"WY-06", b"2026-07-01", 3); // 91 after 2
        w.push(b"A", b"WY-07", b"2026-07-02", 4); // other problem
        w.push(b"B", b"WY-06", b"2026-07-02", 5); // other community
        w.push(b"B", b"WY-06", b"2026-07-02", 6); // same day as 5
        let mut got = Vec::new();
        w.finish(|_, i| got.push(i));
        got.sort();
        assert_eq!(got, vec![1, 2, 5, 6]);
    }
}
