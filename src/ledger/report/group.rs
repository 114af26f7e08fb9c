//! The report's rows: one per group, ranked.

use fnv::FnvHashMap;
use rusqlite::OptionalExtension;

use super::units::UnitAcc;
use super::{GroupBy, GroupRow, median, rate};
use crate::ledger::Ledger;
use crate::ledger::error::Result;

/// One group's running counts.
pub(super) struct GroupAcc {
    key: Option<String>,
    total: i64,
    open: i64,
    closed: i64,
    overdue: i64,
    days: Vec<f64>,
    /// The units' loop's counts (issue 15).
    pub(super) work: UnitAcc,
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
            work: UnitAcc::default(),
        }
    }

    /// One case of the group: closed or not, overdue or not, and its days
    /// to close if closed.
    pub(super) fn count(&mut self, closed: bool, overdue: bool, days: Option<f64>) {
        self.total += 1;
        if closed {
            self.closed += 1;
        } else {
            self.open += 1;
        }
        self.overdue += i64::from(overdue);
        if let Some(d) = days {
            self.days.push(d);
        }
    }
}

/// The groups met so far, in the order met, found by their code's bytes.
#[derive(Default)]
pub(super) struct Groups {
    list: Vec<GroupAcc>,
    index: FnvHashMap<Vec<u8>, usize>,
    /// The group of the cases without a code.
    none: Option<usize>,
}

impl Groups {
    /// The group of a code (`None`: the cases without one).
    pub(super) fn slot(&mut self, key: Option<&[u8]>) -> &mut GroupAcc {
        let list = &mut self.list;
        let mut add = |key: Option<String>| {
            list.push(GroupAcc::new(key));
            list.len() - 1
        };
        let ix = match key {
            None => *self.none.get_or_insert_with(|| add(None)),
            Some(k) => match self.index.get(k) {
                Some(&i) => i,
                None => {
                    let i = add(Some(String::from_utf8_lossy(k).into_owned()));
                    self.index.insert(k.to_vec(), i);
                    i
                }
            },
        };
        &mut self.list[ix]
    }

    /// The rows, ranked, named from the file's tables.
    pub(super) fn into_rows(self, ledger: &Ledger, by: GroupBy) -> Result<Vec<GroupRow>> {
        let mut groups = self.list;
        // The most cases first, ties by code; the cases without a code
        // (no party named, not yet assigned) last, whatever their number:
        // they are not a company or unit to rank.
        groups.sort_by(|a, b| {
            (a.key.is_none(), -a.total, &a.key).cmp(&(b.key.is_none(), -b.total, &b.key))
        });
        let mut rows = Vec::with_capacity(groups.len());
        for mut g in groups {
            let name = match &g.key {
                Some(k) => ledger.group_name(by, k)?,
                None => None,
            };
            // A unit's row has the loop's columns; the row of the cases
            // without a unit has none (no unit answered for them).
            let units =
                (by == GroupBy::Unit && g.key.is_some()).then(|| g.work.figures(g.total, g.closed));
            rows.push(GroupRow {
                units,
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
        Ok(rows)
    }
}

impl Ledger {
    /// What a group's code stands for, where the file has a table of them.
    fn group_name(&self, by: GroupBy, key: &str) -> Result<Option<String>> {
        let sql = match by {
            GroupBy::Office => "SELECT name FROM offices WHERE code = ?1",
            GroupBy::Problem => "SELECT title FROM problems WHERE code = ?1",
            GroupBy::Unit => "SELECT name FROM units WHERE code = ?1",
            _ => return Ok(None),
        };
        Ok(self
            .conn()
            .prepare_cached(sql)?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }
}
