//! Figures for the leadership group: headline counts, per-group rows, new
//! and closed cases per week or month, and the repeat-complaint rule
//! (shared with `list --repeat`).
//!
//! Everything is counted in one pass over the cases table, in Rust, rather
//! than by SQL aggregation: the repeat figure needs each case's neighbours
//! by (community, problem type, received date), which SQL gets only from a
//! sort of the whole table or from an index the schema leaves out on
//! purpose (every index on `cases` slows a merge). Reading the nine columns
//! the report needs once costs one table scan whatever is asked, and memory
//! grows by a few bytes per case, not by the cases' text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use rusqlite::types::ValueRef;
use serde::Serialize;

use super::Ledger;
use super::case::long_running_cutoff;
use super::error::Result;

/// Days within which two complaints about the same problem type in the
/// same community make a repeat complaint (多次投诉). See [`RepeatWindow`].
pub const REPEAT_WINDOW_DAYS: i64 = 90;

/// What to group rows by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    Office,
    Status,
    Subject,
    Problem,
    Unit,
    Community,
    Party,
}

impl GroupBy {
    /// The column, which is also the stable name in JSON (`"by"`).
    pub fn column(self) -> &'static str {
        match self {
            GroupBy::Office => "office",
            GroupBy::Status => "status",
            GroupBy::Subject => "subject",
            GroupBy::Problem => "problem",
            GroupBy::Unit => "unit",
            GroupBy::Community => "community",
            GroupBy::Party => "party",
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
}

/// Restricts a report by received date (inclusive, `YYYY-MM-DD`).
#[derive(Clone, Debug, Default)]
pub struct Period {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Period {
    /// The case was received within the period (compared as the list's SQL
    /// does: the first ten characters of `received_at` as text).
    fn holds(&self, date: &[u8]) -> bool {
        self.from.as_deref().is_none_or(|f| date >= f.as_bytes())
            && self.to.as_deref().is_none_or(|t| date <= t.as_bytes())
    }

    /// The period as day numbers, inclusive (unbounded ends: the extremes).
    /// A bound that is not a date (the command line lets none through) is
    /// taken as no bound.
    fn days(&self) -> (i64, i64) {
        let day = |d: &Option<String>| d.as_deref().and_then(|s| day_number(s.as_bytes()));
        (
            day(&self.from).unwrap_or(i64::MIN),
            day(&self.to).unwrap_or(i64::MAX),
        )
    }

    /// The received dates whose cases can be a repeat of a case in the
    /// period: the period widened by the repeat window on both sides.
    fn widened(&self) -> Period {
        let shift = |d: &Option<String>, days: i64| {
            d.as_deref().map(|s| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(|n| (n + chrono::Duration::days(days)).to_string())
                    // Not a date (the command line checks): compare as given.
                    .unwrap_or_else(|_| s.to_string())
            })
        };
        Period {
            from: shift(&self.from, -REPEAT_WINDOW_DAYS),
            to: shift(&self.to, REPEAT_WINDOW_DAYS),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByStatus {
    pub open: i64,
    pub assigned: i64,
    pub deferred: i64,
    pub closed: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByResult {
    pub resolved: i64,
    pub unfounded: i64,
    pub duplicate: i64,
    pub out_of_scope: i64,
}

/// One group's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    /// The group's code (`None`: cases without one, e.g. unassigned).
    pub key: Option<String>,
    /// What the code stands for, where the file knows: the office's name,
    /// the problem type's text, the unit's name.
    pub name: Option<String>,
    pub total: i64,
    /// Not closed (open, assigned or deferred).
    pub open: i64,
    pub closed: i64,
    pub closure_rate: f64,
    pub overdue: i64,
    /// Median days from received to closed, over the closed cases.
    pub median_days_to_close: Option<f64>,
}

/// New and closed cases in one week or month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodRow {
    /// `2026-11` or `2026-W47`.
    pub period: String,
    /// Cases received in the period.
    pub new: i64,
    /// Cases closed (销号) in the period, by the date of their closing.
    pub closed: i64,
}

/// The whole report. Field names are the stable JSON keys.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub as_of: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// What `rows` are grouped by (`None`: no rows). Rows come with the
    /// most cases first, ties by code, the row without a code last.
    pub by: Option<&'static str>,
    /// The length of the `periods` (`None`: no trend asked).
    pub period: Option<&'static str>,
    pub total: i64,
    pub by_status: ByStatus,
    pub closed: i64,
    pub closure_rate: f64,
    pub by_result: ByResult,
    pub overdue: i64,
    pub deferred: i64,
    pub key_open: i64,
    pub long_running: i64,
    pub repeat: i64,
    /// Cases whose concurrent work conflicted, not yet looked at
    /// (`list --conflicts`).
    pub conflicts: i64,
    /// Median days from received to closed, over all closed cases.
    pub median_days_to_close: Option<f64>,
    pub rows: Vec<GroupRow>,
    /// Oldest first, every period from the first to the last with a case
    /// received or closed (empty periods included, so a trend has no gaps).
    pub periods: Vec<PeriodRow>,
}

/// `closed / total`, rounded to 4 places (0 for no cases).
pub fn rate(closed: i64, total: i64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (closed as f64 / total as f64 * 10000.0).round() / 10000.0
    }
}

/// The median of `v` (sorted here), rounded to one decimal.
fn median(v: &mut [f64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    v.sort_unstable_by(f64::total_cmp);
    let m = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some((m * 10.0).round() / 10.0)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`): called a million times a report, so no parsing
/// library in the loop.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
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

/// `YYYY-MM-DD…` → (year, month, day). Bytes, not `str`: the report reads
/// the file's text as bytes (checking UTF-8 on every cell cost more than
/// the counting).
fn ymd(b: &[u8]) -> Option<(i64, i64, i64)> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&b[..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The day number (days since 1970-01-01) of a text's leading date.
fn day_number(s: &[u8]) -> Option<i64> {
    ymd(s).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// Seconds since the epoch of an RFC 3339 time as the ledger stores them
/// (`2026-11-26T10:00:00+08:00`); other shapes go through chrono. What
/// SQLite's `julianday` difference gave: offsets are applied.
fn epoch_seconds(b: &[u8]) -> Option<i64> {
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

fn date_of_day(day: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch") + chrono::Duration::days(day)
}

impl Trend {
    /// The period a date falls in, as a number that orders periods:
    /// months since year 0, or the day number of the week's Monday.
    fn key(self, date: &[u8]) -> Option<i64> {
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

    fn next(self, key: i64) -> i64 {
        match self {
            Trend::Month => key + 1,
            Trend::Week => key + 7,
        }
    }

    fn label(self, key: i64) -> String {
        match self {
            Trend::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Trend::Week => {
                let w = date_of_day(key).iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
        }
    }
}

/// FNV-1a: the maps below are looked up once or twice per case with short
/// keys from the file; std's SipHash (proof against crafted keys) cost a
/// tenth of the report's time for nothing here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The repeat-complaint rule (多次投诉, PRODUCT.md §3), the one definition
/// behind `report`'s `repeat` figure and `list --repeat`:
///
/// > A case is a **repeat** when it has a problem type and at least one
/// > *other* case has the same community (the same text, exactly) and the
/// > same problem type and was received no more than 90 days before or
/// > after it, counting whole calendar days between the two received
/// > dates (the local date the clerk recorded: `received_at`'s first ten
/// > characters; 90 days apart counts, 91 does not).
///
/// Both cases of such a pair are repeats; three complaints within a season
/// make three. Every status counts, closed cases too: a complaint made is a
/// complaint made, whatever came of it. The other case may have been
/// received outside `--from/--to`: a period chooses which cases are
/// counted, not which neighbours they may have. Cases of every office count
/// as neighbours (on a district file, a community is one place whichever
/// office registered the complaint).
///
/// How: cases are bucketed by (community, problem type) in a hash map
/// holding each case's day number and a payload; each bucket is sorted by
/// day, and a case is a repeat when the case just before or just after it
/// is within the window (the nearest other case is always one of those
/// two). That is O(n log n) in time and 8 to 16 bytes a case in memory
/// (a day number and a payload), without a sort of the table by SQLite or
/// an index on `cases`.
pub(crate) struct RepeatWindow<T> {
    communities: FastMap<Vec<u8>, u32>,
    problems: FastMap<Vec<u8>, u32>,
    buckets: FastMap<u64, Vec<(i32, T)>>,
}

impl<T: Copy> RepeatWindow<T> {
    pub(crate) fn new() -> Self {
        RepeatWindow {
            communities: FastMap::default(),
            problems: FastMap::default(),
            buckets: FastMap::default(),
        }
    }

    fn intern(map: &mut FastMap<Vec<u8>, u32>, s: &[u8]) -> u32 {
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
fn text(v: ValueRef<'_>) -> Option<&[u8]> {
    match v {
        ValueRef::Text(t) => Some(t),
        _ => None,
    }
}

/// The leading `YYYY-MM-DD` of a stored time: the local date the clerk
/// recorded, what `substr(received_at, 1, 10)` gives in `list`'s SQL.
fn date_part(t: &[u8]) -> &[u8] {
    t.get(..10).unwrap_or(t)
}

/// What the repeat rule reads of a case: community, problem type, date.
type RepeatKey<'r> = (&'r [u8], &'r [u8], &'r [u8]);

/// Columns 1..=3 of a row (community, problem, received time) as the
/// repeat rule reads them: `None` when one is missing.
fn repeat_key<'r>(r: &'r rusqlite::Row<'_>) -> Result<Option<RepeatKey<'r>>> {
    Ok(
        match (
            text(r.get_ref(1)?),
            text(r.get_ref(2)?),
            text(r.get_ref(3)?),
        ) {
            (Some(c), Some(p), Some(t)) => Some((c, p, date_part(t))),
            _ => None,
        },
    )
}

/// The rowids of the cases received within `period` that are repeats (see
/// [`RepeatWindow`]), sorted, for `list --repeat`.
pub(crate) fn repeat_rowids(conn: &Connection, period: &Period) -> Result<Vec<i64>> {
    let wide = period.widened();
    let mut win = RepeatWindow::new();
    let mut st = conn.prepare(
        "SELECT rowid, community, problem, received_at FROM cases WHERE problem IS NOT NULL",
    )?;
    let mut q = st.query([])?;
    while let Some(r) = q.next()? {
        if let Some((community, problem, date)) = repeat_key(r)?
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

/// Whether the case `id` is a repeat (see [`RepeatWindow`]), for `show`:
/// the rule run over the cases of its community and problem type alone.
pub(crate) fn is_repeat(conn: &Connection, id: &str) -> Result<bool> {
    let mut win = RepeatWindow::new();
    let mut st = conn.prepare(
        "SELECT o.id = c.id, o.community, o.problem, o.received_at
         FROM cases c JOIN cases o ON o.community = c.community AND o.problem = c.problem
         WHERE c.id = ?1",
    )?;
    let mut q = st.query([id])?;
    while let Some(r) = q.next()? {
        if let Some((community, problem, date)) = repeat_key(r)? {
            win.push(community, problem, date, r.get::<_, bool>(0)?);
        }
    }
    let mut repeat = false;
    win.finish(|_, this| repeat |= this);
    Ok(repeat)
}

/// One group's running counts.
struct GroupAcc {
    key: Option<String>,
    total: i64,
    open: i64,
    closed: i64,
    overdue: i64,
    days: Vec<f64>,
}

impl GroupAcc {
    fn new(key: Option<String>) -> GroupAcc {
        GroupAcc {
            key,
            total: 0,
            open: 0,
            closed: 0,
            overdue: 0,
            days: Vec::new(),
        }
    }
}

impl Ledger {
    /// Computes the report as of `today` over the cases received within
    /// `period`: the headline figures; with `by`, one row per group, the
    /// most cases first; with `trend`, new and closed cases per period.
    ///
    /// The flags are those of `list` (and `CaseState`): **overdue** — open
    /// or assigned with a due date before today; **long-running** — not
    /// closed and received 180 days or more before today; **key open** — a
    /// key case not closed; **repeat** — see [`RepeatWindow`]. Days to
    /// close are from `received_at` to `closed_at`, both with their
    /// offsets; a trend counts a case as new in the period of its received
    /// date and as closed in the period of its closing date (the local
    /// date recorded), so its `new` add up to `total` and its `closed` to
    /// `closed`.
    pub fn report(
        &self,
        today: &str,
        period: &Period,
        by: Option<GroupBy>,
        trend: Option<Trend>,
    ) -> Result<Report> {
        let cutoff = long_running_cutoff(today);
        let wide = period.widened();
        let conn = self.conn();
        let col = by.map_or("NULL", GroupBy::column);
        let mut st = conn.prepare(&format!(
            "SELECT status, result, due, key_case, received_at, community, problem, closed_at, {col},
                    conflict
             FROM cases"
        ))?;

        let mut total = 0;
        let mut by_status = ByStatus::default();
        let mut by_result = ByResult::default();
        let (mut overdue, mut key_open, mut long_running, mut conflicts) = (0, 0, 0, 0);
        let mut days_all: Vec<f64> = Vec::new();
        let mut repeats = RepeatWindow::<bool>::new();
        let mut groups: Vec<GroupAcc> = Vec::new();
        let mut group_ix: FastMap<Vec<u8>, usize> = FastMap::default();
        let mut none_ix: Option<usize> = None;
        let mut trend_counts: FastMap<i64, (i64, i64)> = FastMap::default();

        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let received = text(r.get_ref(4)?).unwrap_or_default();
            let date = date_part(received);
            if !wide.holds(date) {
                continue;
            }
            let counted = period.holds(date);
            if let (Some(community), Some(problem)) = (text(r.get_ref(5)?), text(r.get_ref(6)?)) {
                repeats.push(community, problem, date, counted);
            }
            if !counted {
                continue;
            }
            total += 1;
            let status = text(r.get_ref(0)?).unwrap_or_default();
            let closed = status == b"closed";
            match status {
                b"open" => by_status.open += 1,
                b"assigned" => by_status.assigned += 1,
                b"deferred" => by_status.deferred += 1,
                b"closed" => by_status.closed += 1,
                _ => {}
            }
            match text(r.get_ref(1)?) {
                Some(b"resolved") => by_result.resolved += 1,
                Some(b"unfounded") => by_result.unfounded += 1,
                Some(b"duplicate") => by_result.duplicate += 1,
                Some(b"out_of_scope") => by_result.out_of_scope += 1,
                _ => {}
            }
            let is_overdue = (status == b"open" || status == b"assigned")
                && text(r.get_ref(2)?).is_some_and(|due| due < today.as_bytes());
            overdue += i64::from(is_overdue);
            conflicts += i64::from(r.get::<_, i64>(9)? != 0);
            if !closed {
                key_open += i64::from(r.get::<_, i64>(3)? != 0);
                long_running += i64::from(date <= cutoff.as_bytes());
            }
            let closed_at = if closed { text(r.get_ref(7)?) } else { None };
            let days_to_close = closed.then(|| {
                match (closed_at.and_then(epoch_seconds), epoch_seconds(received)) {
                    (Some(c), Some(r)) => (c - r) as f64 / 86_400.0,
                    // An unreadable time (never written by this program).
                    _ => 0.0,
                }
            });
            if let Some(d) = days_to_close {
                days_all.push(d);
            }
            if by.is_some() {
                let key = text(r.get_ref(8)?);
                let ix = match key {
                    None => *none_ix.get_or_insert_with(|| {
                        groups.push(GroupAcc::new(None));
                        groups.len() - 1
                    }),
                    Some(k) => match group_ix.get(k) {
                        Some(&i) => i,
                        None => {
                            let name = String::from_utf8_lossy(k).into_owned();
                            groups.push(GroupAcc::new(Some(name)));
                            group_ix.insert(k.to_vec(), groups.len() - 1);
                            groups.len() - 1
                        }
                    },
                };
                let g = &mut groups[ix];
                g.total += 1;
                if closed {
                    g.closed += 1;
                } else {
                    g.open += 1;
                }
                g.overdue += i64::from(is_overdue);
                if let Some(d) = days_to_close {
                    g.days.push(d);
                }
            }
            if let Some(t) = trend {
                if let Some(k) = t.key(date) {
                    trend_counts.entry(k).or_default().0 += 1;
                }
                if let Some(k) = closed_at.and_then(|c| t.key(date_part(c))) {
                    trend_counts.entry(k).or_default().1 += 1;
                }
            }
        }
        drop(q);

        let mut repeat = 0;
        repeats.finish(|_, counted| repeat += i64::from(counted));

        // The most cases first, ties by code; the cases without a code
        // (no party named, not yet assigned) last, whatever their number:
        // they are not a company or unit to rank.
        groups.sort_by(|a, b| {
            (a.key.is_none(), -a.total, &a.key).cmp(&(b.key.is_none(), -b.total, &b.key))
        });
        let mut rows = Vec::with_capacity(groups.len());
        for mut g in groups {
            let name = match (by, &g.key) {
                (Some(by), Some(k)) => self.group_name(by, k)?,
                _ => None,
            };
            rows.push(GroupRow {
                name,
                total: g.total,
                open: g.open,
                closed: g.closed,
                closure_rate: rate(g.closed, g.total),
                overdue: g.overdue,
                median_days_to_close: median(&mut g.days),
                key: g.key,
            });
        }

        let mut periods = Vec::new();
        if let Some(t) = trend
            && let (Some(&first), Some(&last)) =
                (trend_counts.keys().min(), trend_counts.keys().max())
        {
            let mut k = first;
            while k <= last {
                let (new, closed) = trend_counts.get(&k).copied().unwrap_or_default();
                periods.push(PeriodRow {
                    period: t.label(k),
                    new,
                    closed,
                });
                k = t.next(k);
            }
        }

        Ok(Report {
            as_of: today.to_string(),
            from: period.from.clone(),
            to: period.to.clone(),
            by: by.map(GroupBy::column),
            period: trend.map(Trend::code),
            total,
            closed: by_status.closed,
            closure_rate: rate(by_status.closed, total),
            deferred: by_status.deferred,
            by_status,
            by_result,
            overdue,
            key_open,
            long_running,
            repeat,
            conflicts,
            median_days_to_close: median(&mut days_all),
            rows,
            periods,
        })
    }

    /// What a group's code stands for, where the file has a table of them.
    fn group_name(&self, by: GroupBy, key: &str) -> Result<Option<String>> {
        let sql = match by {
            GroupBy::Office => "SELECT name FROM offices WHERE code = ?1",
            GroupBy::Problem => "SELECT title FROM problems WHERE code = ?1",
            GroupBy::Unit => "SELECT name FROM units WHERE code = ?1",
            _ => return Ok(None),
        };
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .prepare_cached(sql)?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }
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
