//! What a workbook and a page are drawn from: the paper (a title, the
//! headline figures, the tables, every cell typed) and the sheet names
//! Excel takes. A leaf: `paper.rs` builds it, `cases.rs` adds the case
//! lists, `xlsx.rs` and `html.rs` draw it; it imports none of them.

use super::Cell;
use crate::domain::Lang;

pub struct Paper {
    pub lang: Lang,
    /// The office's (district's) name.
    pub office: String,
    /// The report's title line: the office, the date, the filters.
    pub title: String,
    pub headline: Vec<Figure>,
    pub tables: Vec<Table>,
}

/// One headline figure.
pub struct Figure {
    /// The JSON key (`by_status.open`).
    pub key: String,
    pub label: String,
    pub value: Cell,
    /// A sub-figure (`已解决` under `已销号`), indented.
    pub sub: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The rows of `--by`, grouped by this column (`office`).
    Groups(String),
    /// New and closed per period.
    Trend,
    /// Cases behind a figure.
    Cases,
    /// Any other list the report holds.
    Other,
}

pub struct Table {
    /// The sheet's name (at most 31 characters, Excel's limit).
    pub sheet: String,
    pub title: String,
    pub kind: Kind,
    /// JSON keys of the columns (the case fields for case lists).
    pub keys: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// How many rows there are in all (more than `rows` when a case list
    /// was cut), and the command that lists all of them.
    pub total: usize,
    pub drill: Option<String>,
}

/// A name Excel takes for a sheet: at most 31 characters, none of `[]:*?/\`.
pub fn sheet_name(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .filter(|c| !c.is_control())
        .take(31)
        .collect();
    let s = s.trim_matches('\'').to_string();
    if s.is_empty() { "_".into() } else { s }
}
