//! What the units' loop derives of a case ([`Work`]) and its columns of
//! `cases`: a leaf that the case's state holds without importing the
//! loop's logic.

use rusqlite::{Row, ToSql};

use crate::domain::Satisfaction;

/// What the units' loop derived of a case: the columns of `cases` from
/// [`COLUMNS`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Co-operating units of the current assignment.
    pub co_units: Vec<String>,
    /// When the current assignment was acknowledged, and by whom.
    pub acked_at: Option<String>,
    pub acked_by: Option<String>,
    /// Every unit that returned the case, in order.
    pub returned_by: Vec<String>,
    /// The date an extension asks for, while undecided.
    pub extension_until: Option<String>,
    pub extensions_asked: i64,
    pub extensions_approved: i64,
    pub supervisions: i64,
    /// The latest supervision due date given.
    pub supervise_due: Option<String>,
    /// The call-back of the current close.
    pub visited_at: Option<String>,
    pub satisfaction: Option<Satisfaction>,
}

/// The columns, in `cases`, after `case::COLUMNS`' own (a test holds
/// the two lists together).
#[cfg(test)]
pub(crate) const COLUMNS: &str = "co_units, acked_at, acked_by, returned_by, extension_until, \
     extensions_asked, extensions_approved, supervisions, supervise_due, visited_at, satisfaction";

fn joined(v: &[String]) -> Option<String> {
    (!v.is_empty()).then(|| v.join(","))
}

fn split(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

impl Work {
    /// Reads the columns starting at `at`.
    pub(crate) fn from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<Work> {
        let satisfaction: Option<String> = r.get(at + 10)?;
        Ok(Work {
            co_units: split(r.get(at)?),
            acked_at: r.get(at + 1)?,
            acked_by: r.get(at + 2)?,
            returned_by: split(r.get(at + 3)?),
            extension_until: r.get(at + 4)?,
            extensions_asked: r.get(at + 5)?,
            extensions_approved: r.get(at + 6)?,
            supervisions: r.get(at + 7)?,
            supervise_due: r.get(at + 8)?,
            visited_at: r.get(at + 9)?,
            satisfaction: match satisfaction {
                None => None,
                Some(s) => Some(s.parse().map_err(|_| {
                    rusqlite::Error::FromSqlConversionFailure(
                        at + 10,
                        rusqlite::types::Type::Text,
                        format!("unknown satisfaction '{s}'").into(),
                    )
                })?),
            },
        })
    }

    /// The values of [`COLUMNS`], in order.
    pub(crate) fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        vec![
            Box::new(joined(&self.co_units)),
            Box::new(&self.acked_at),
            Box::new(&self.acked_by),
            Box::new(joined(&self.returned_by)),
            Box::new(&self.extension_until),
            Box::new(self.extensions_asked),
            Box::new(self.extensions_approved),
            Box::new(self.supervisions),
            Box::new(&self.supervise_due),
            Box::new(&self.visited_at),
            Box::new(self.satisfaction.map(|s| s.code())),
        ]
    }
}
