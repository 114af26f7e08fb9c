//! Reading a ledger: the catalogue, units, one case, and filtered lists.

use rusqlite::{Connection, OptionalExtension, ToSql};

use chrono::NaiveDate;

use super::case::{self, CaseState};
use super::days::RECEIVED_DATE_SQL;
use super::error::{Error, Result};
use super::event::EventRecord;
use super::flags::period::Period;
use super::flags::{self, long_running_cutoff, repeat};
use super::{Ledger, OfficeInfo};
use crate::domain::{Status, Subject};

/// A problem type from the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: String,
    /// `None` for QT-00, which goes with any subject.
    pub subject: Option<Subject>,
    pub title: String,
    pub days: i64,
    pub default_unit: Option<String>,
}

/// A unit cases are forwarded to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub builtin: bool,
}

/// Which cases `list` shows; every filter narrows.
#[derive(Clone, Debug, Default)]
pub struct CaseFilter {
    pub statuses: Vec<Status>,
    pub overdue: bool,
    pub long_running: bool,
    /// Only repeat complaints (多次投诉): the rule is `flags::repeat`'s, the
    /// very code behind the report's `repeat` figure.
    pub repeat: bool,
    pub key: bool,
    /// Only cases marked `conflict` (see `case::apply`).
    pub conflicts: bool,
    pub unit: Option<String>,
    pub problem: Option<String>,
    pub subject: Option<Subject>,
    /// Substring of the community name.
    pub community: Option<String>,
    /// Other spellings `community` stands for in the community register
    /// (its canonical name and aliases): a case typed with any of them
    /// matches too (issue 16).
    pub community_spellings: Vec<String>,
    pub office: Option<String>,
    /// Received on or after / on or before.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only cases whose problem type is an unconfirmed suggestion.
    pub suggested: bool,
    /// Only cases with the placeholder community (`sweep::NO_COMMUNITY`).
    pub no_community: bool,
    /// Leave out cases that were split into parts.
    pub unsplit: bool,
    /// The units' loop's filters (`units_loop::figures`).
    pub work: super::units_loop::figures::WorkFilter,
}

pub(crate) fn problem(conn: &Connection, code: &str) -> Result<Option<Problem>> {
    Ok(conn
        .prepare_cached(
            "SELECT code, subject, title, days, default_unit FROM problems WHERE code = ?1",
        )?
        .query_row([code], problem_row)
        .optional()?)
}

fn problem_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Problem> {
    let subject: Option<String> = r.get(1)?;
    Ok(Problem {
        code: r.get(0)?,
        subject: subject.and_then(|s| s.parse().ok()),
        title: r.get(2)?,
        days: r.get(3)?,
        default_unit: r.get(4)?,
    })
}

/// A unit by code (any case) or by exact name.
pub(crate) fn find_unit(conn: &Connection, typed: &str) -> Result<Option<Unit>> {
    Ok(conn
        .prepare_cached(
            "SELECT code, name, builtin FROM units WHERE code = upper(?1) OR name = ?1
             ORDER BY code = upper(?1) DESC LIMIT 1",
        )?
        .query_row([typed], unit_row)
        .optional()?)
}

fn unit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        code: r.get(0)?,
        name: r.get(1)?,
        builtin: r.get(2)?,
    })
}

impl Ledger {
    pub fn problems(&self) -> Result<Vec<Problem>> {
        let mut st = self.conn().prepare(
            "SELECT code, subject, title, days, default_unit FROM problems
             ORDER BY CASE substr(code, 1, 2) WHEN 'WY' THEN 1 WHEN 'YW' THEN 2 WHEN 'KF' THEN 3
                      WHEN 'ZN' THEN 4 ELSE 5 END, code",
        )?;
        let rows = st.query_map([], problem_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn problem(&self, code: &str) -> Result<Option<Problem>> {
        problem(self.conn(), code)
    }

    pub fn units(&self) -> Result<Vec<Unit>> {
        let mut st = self
            .conn()
            .prepare("SELECT code, name, builtin FROM units ORDER BY builtin DESC, rowid")?;
        let rows = st.query_map([], unit_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn unit(&self, typed: &str) -> Result<Option<Unit>> {
        find_unit(self.conn(), typed)
    }

    /// Every office this file knows of, by code.
    pub fn offices(&self) -> Result<Vec<OfficeInfo>> {
        let mut st = self
            .conn()
            .prepare("SELECT code, name, district FROM offices ORDER BY code")?;
        let rows = st.query_map([], |r| {
            Ok(OfficeInfo {
                code: r.get(0)?,
                name: r.get(1)?,
                district: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn case(&self, id: &str) -> Result<Option<CaseState>> {
        CaseState::get(self.conn(), id)
    }

    /// A case's events, oldest first (replay order).
    pub fn events_for(&self, id: &str) -> Result<Vec<EventRecord>> {
        EventRecord::for_case(self.conn(), id)
    }

    /// Streams the cases that pass `filter`, in office, year, number order,
    /// without holding them all in memory.
    pub fn each_case(
        &self,
        filter: &CaseFilter,
        today: &str,
        mut f: impl FnMut(CaseState) -> Result<()>,
    ) -> Result<()> {
        self.stream_cases(filter, today, false, |c, _| f(c))
    }

    /// Like [`Ledger::each_case`], and says of each case whether it is a
    /// repeat complaint (多次投诉, `flags::repeat`'s rule). The
    /// repeats are found once, before the rows stream (one pass over the
    /// table, a few bytes a case), whether or not the filter asks for them.
    pub fn each_case_with_repeat(
        &self,
        filter: &CaseFilter,
        today: &str,
        f: impl FnMut(CaseState, bool) -> Result<()>,
    ) -> Result<()> {
        self.stream_cases(filter, today, true, f)
    }

    /// Whether one case is a repeat complaint (`flags::repeat`'s
    /// rule); `false` for a case that is not in the ledger.
    pub fn is_repeat(&self, id: &str) -> Result<bool> {
        repeat::is_repeat(self.conn(), id)
    }

    fn stream_cases(
        &self,
        filter: &CaseFilter,
        today: &str,
        flag_repeats: bool,
        mut f: impl FnMut(CaseState, bool) -> Result<()>,
    ) -> Result<()> {
        // Which cases are repeats depends on their neighbours, not on the
        // row alone: found first by one pass over the table (a few bytes a
        // case), then matched by rowid as the rows stream by. The listed
        // cases all lie within --from/--to, so the repeats of that period
        // are all of theirs (their neighbours may lie outside it).
        let repeats = if filter.repeat || flag_repeats {
            let period = Period {
                from: filter.from,
                to: filter.to,
            };
            Some(repeat::repeat_rowids(self.conn(), &period)?)
        } else {
            None
        };
        let w = Wheres::of(filter, today);
        let sql = format!(
            "SELECT {}, rowid FROM cases {} ORDER BY office, year, seq",
            case::COLUMNS,
            w.clause()
        );
        // The rowid comes after the case's columns.
        let rowid_column = case::COLUMNS.split(',').count();
        let mut st = self.conn().prepare(&sql)?;
        let params: Vec<&dyn ToSql> = w.args.iter().map(|b| b.as_ref()).collect();
        let mut rows = st.query(params.as_slice())?;
        while let Some(row) = rows.next()? {
            let repeat = match &repeats {
                Some(ids) => ids.binary_search(&row.get(rowid_column)?).is_ok(),
                None => false,
            };
            if filter.repeat && !repeat {
                continue;
            }
            let c = CaseState::from_row(row).map_err(|e| Error::Corrupt(e.to_string()))?;
            if !filter.work.keeps(&c, today) {
                continue;
            }
            f(c, repeat)?;
        }
        Ok(())
    }

    /// Streams every event with clock greater than `since` in exchange
    /// order: the events that are not about a case first, in replay order
    /// (clock, origin, seq); then each case's events together, cases by id,
    /// each case's in replay order. A receiver can then fold a case it has
    /// never seen from one contiguous run of rows.
    pub fn each_event(
        &self,
        since: i64,
        mut f: impl FnMut(&EventRecord) -> Result<()>,
    ) -> Result<()> {
        for sql in [
            "WHERE case_id IS NULL AND clock > ?1 ORDER BY clock, origin, seq",
            "WHERE case_id IS NOT NULL AND clock > ?1 ORDER BY case_id, clock, origin, seq",
        ] {
            let mut st = self.conn().prepare(&format!(
                "SELECT {} FROM events {sql}",
                EventRecord::COLUMNS
            ))?;
            let mut rows = st.query([since])?;
            while let Some(row) = rows.next()? {
                f(&EventRecord::from_row(row)?)?;
            }
        }
        Ok(())
    }

    /// Verifies the file (see `replay::check`).
    pub fn check(&self) -> Result<super::replay::CheckReport> {
        super::replay::check(self.conn())
    }
}

/// The conditions of a list's SQL and the values they bind.
#[derive(Default)]
struct Wheres {
    conds: Vec<String>,
    args: Vec<Box<dyn ToSql>>,
}

impl Wheres {
    /// Binds `v`, returning its placeholder.
    fn bind(&mut self, v: impl ToSql + 'static) -> String {
        self.args.push(Box::new(v));
        format!("?{}", self.args.len())
    }

    /// A condition on a bound value: `cond` is given its placeholder.
    fn with(&mut self, v: impl ToSql + 'static, cond: impl FnOnce(&str) -> String) {
        let p = self.bind(v);
        self.conds.push(cond(&p));
    }

    /// The conditions of `filter`, the flags' from `flags`.
    fn of(filter: &CaseFilter, today: &str) -> Wheres {
        let mut w = Wheres::default();
        if !filter.statuses.is_empty() {
            let list = flags::sql_statuses(&filter.statuses);
            w.conds.push(format!("status IN ({list})"));
        }
        if filter.overdue {
            w.with(today.to_string(), flags::overdue_sql);
        }
        if filter.long_running {
            // No cutoff (today is not a date): no case is long-running.
            w.with(long_running_cutoff(today), flags::long_running_sql);
        }
        if filter.key {
            w.conds.push("key_case = 1".into());
        }
        if filter.conflicts {
            w.conds.push("conflict = 1".into());
        }
        if filter.repeat {
            w.conds.push(repeat::REPEAT_CANDIDATE_SQL.into());
        }
        if filter.suggested {
            w.conds.push("problem_suggested = 1".into());
        }
        if filter.no_community {
            w.with(super::sweep::NO_COMMUNITY, |p| format!("community = {p}"));
        }
        if filter.unsplit {
            w.conds.push(super::sweep::NOT_SPLIT_SQL.into());
        }
        if let Some(c) = &filter.community {
            let spellings = std::iter::once(c).chain(&filter.community_spellings);
            let any: Vec<String> = spellings
                .map(|s| format!("instr(community, {}) > 0", w.bind(s.clone())))
                .collect();
            w.conds.push(format!("({})", any.join(" OR ")));
        }
        let date = RECEIVED_DATE_SQL;
        let text = |v: &Option<String>| v.clone();
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        for (v, cond) in [
            (text(&filter.unit), "unit = {}".to_string()),
            (text(&filter.problem), "problem = {}".into()),
            (
                filter.subject.map(|s| s.code().to_string()),
                "subject = {}".into(),
            ),
            (text(&filter.office), "office = {}".into()),
            (day(filter.from), format!("{date} >= {{}}")),
            (day(filter.to), format!("{date} <= {{}}")),
        ] {
            if let Some(v) = v {
                w.with(v, |p| cond.replace("{}", p));
            }
        }
        w
    }

    fn clause(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conds.join(" AND "))
        }
    }
}
