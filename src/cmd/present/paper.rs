//! The report laid out for a workbook or a page: a title, the headline
//! figures, then tables (the groups, the trend, the cases behind the
//! figures), every cell typed. Built from the report's JSON tree, so what
//! the core adds shows without an edit here.

use clap::ValueEnum;
use std::collections::HashMap;

use super::node::Node;
use super::{Cell, Output, cases, html, shown, xlsx};
use crate::cmd::Ctx;
use crate::cmd::error::Error;
use crate::cmd::msg::{self, Text};
use crate::cmd::report::{self, By};
use crate::domain::{Lang, Status, Subject};
use crate::ledger::Ledger;
use crate::ledger::flags::period::Period;
use crate::ledger::report::Report;

/// Fields of the report that say what was asked, not figures.
const META: &[&str] = &["as_of", "from", "to", "by", "period"];

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

/// `report --format xlsx|html`: the reports (one per `--by`, the first
/// with the trend) and the cases behind the figures, into `--out` (or,
/// for a page, to stdout).
pub fn report_file(
    ctx: &mut Ctx,
    ledger: &Ledger,
    reports: &[Report],
    period: &Period,
    a: &report::Args,
) -> anyhow::Result<()> {
    if a.format == Output::Xlsx && a.out.out.is_none() {
        return Err(Error::NeedsOut { format: "xlsx" }.into());
    }
    let cap = match a.format {
        Output::Xlsx => cases::CAP,
        _ => html::PAGE_CAP,
    };
    let mut paper = paper(ctx, ledger, reports)?;
    paper
        .tables
        .extend(cases::report_lists(ctx, ledger, period, &reports[0], cap)?);
    let bytes = match a.format {
        Output::Xlsx => xlsx::report(&paper).map_err(cases::workbook)?,
        _ => html::page(&paper).into_bytes(),
    };
    // `--out` is the command's own (`cmd::dispatch`): ctx.out is the file.
    Ok(ctx.out.write_all(&bytes)?)
}

/// The paper of `reports`: the first one's headline and lists, the rows of
/// every one.
pub fn paper(ctx: &Ctx, ledger: &Ledger, reports: &[Report]) -> anyhow::Result<Paper> {
    let first = &reports[0];
    let labels = Labels::of(ctx, first);
    let mut title = report::title(ctx, ledger, first);
    let mut tables = Vec::new();
    let mut headline = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        let tree = Node::of(r)?;
        let Node::Map(fields) = &tree else {
            continue;
        };
        if let Some(by) = tree.get("by").and_then(Node::str) {
            let t = group_title(ctx, &labels, by);
            title.push_str(&format!(" · {t}"));
        }
        for (key, value) in fields {
            match value {
                Node::List(rows) if key == "rows" => {
                    let by = tree.get("by").and_then(Node::str).unwrap_or("");
                    tables.push(groups(ctx, &labels, by, rows));
                }
                // The trend only when asked; another list only when it
                // holds something.
                Node::List(_) if key == "periods" && first.period.is_none() => {}
                Node::List(rows) if key != "periods" && rows.is_empty() => {}
                Node::List(rows) if i == 0 => tables.push(list(&labels, key, rows, first)),
                _ if i > 0 || META.contains(&key.as_str()) => {}
                v => figures(&labels, key, v, &mut headline),
            }
        }
    }
    if let Some(p) = &first.period {
        title.push_str(&format!(" · {}", labels.get(&format!("period.{p}"))));
    }
    Ok(Paper {
        lang: ctx.lang,
        office: ledger.office().name.clone(),
        title: shown(&title),
        headline,
        tables,
    })
}

/// Labels by JSON key: the report table's own (`report::figures`, which
/// grows with the report), then `msg::present`'s, then the key itself.
pub struct Labels {
    lang: Lang,
    figures: HashMap<String, String>,
}

impl Labels {
    pub fn of(ctx: &Ctx, r: &Report) -> Labels {
        let figures = report::figures(ctx, r)
            .into_iter()
            .map(|(key, label, _, _)| (key, label))
            .collect();
        Labels {
            lang: ctx.lang,
            figures,
        }
    }

    pub fn get(&self, key: &str) -> String {
        if let Some(l) = self.figures.get(key) {
            return l.trim().to_string();
        }
        if let Some(l) = msg::present::label(self.lang, key) {
            return l.to_string();
        }
        // A column or a sheet the core added and no table names yet: its
        // headline label if it has one, else its key.
        match key.split_once('.') {
            Some(("col" | "sheet" | "period", rest)) => self.get(rest),
            _ => key.to_string(),
        }
    }

    /// Whether the report table indents this figure (a sub-figure).
    fn sub(&self, key: &str) -> bool {
        self.figures.get(key).is_some_and(|l| l.starts_with(' '))
    }
}

/// A headline value (a number, or an object of numbers: `by_status`).
fn figures(labels: &Labels, key: &str, v: &Node, out: &mut Vec<Figure>) {
    if let Node::Map(inner) = v {
        for (k, v) in inner {
            figures(labels, &format!("{key}.{k}"), v, out);
        }
        return;
    }
    out.push(Figure {
        key: key.to_string(),
        label: labels.get(key),
        value: cell(key, v),
        sub: labels.sub(key),
    });
}

/// A value as a typed cell; `key` says whether a fraction is a rate.
fn cell(key: &str, v: &Node) -> Cell {
    match v {
        Node::Null => Cell::Empty,
        Node::Int(n) => Cell::Int(*n),
        Node::Float(x) if key.ends_with("rate") => Cell::Rate(*x),
        Node::Float(x) => Cell::Num(*x),
        Node::Bool(b) => Cell::Text(b.to_string()),
        Node::Str(s) => Cell::Text(shown(s)),
        Node::List(_) | Node::Map(_) => Cell::Empty,
    }
}

/// Rows of maps flattened into columns (`a.b` for a nested object), in
/// the order the first row gives them.
fn columns(rows: &[Node]) -> Vec<String> {
    fn walk(prefix: &str, n: &Node, out: &mut Vec<String>) {
        let Node::Map(m) = n else {
            return;
        };
        for (k, v) in m {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                Node::Map(_) => walk(&key, v, out),
                _ if !out.contains(&key) => out.push(key),
                _ => {}
            }
        }
    }
    let mut keys = Vec::new();
    for r in rows {
        walk("", r, &mut keys);
    }
    keys
}

fn at<'a>(row: &'a Node, key: &str) -> &'a Node {
    key.split('.')
        .try_fold(row, |n, k| n.get(k))
        .unwrap_or(&Node::Null)
}

fn group_title(ctx: &Ctx, labels: &Labels, by: &str) -> String {
    match By::from_str(by, true) {
        Ok(b) => report::by_title(ctx, b),
        Err(_) => labels.get(by),
    }
}

/// The `--by` rows: the group's code and name first, then its figures.
fn groups(ctx: &Ctx, labels: &Labels, by: &str, rows: &[Node]) -> Table {
    let mut keys = columns(rows);
    if keys.is_empty() {
        keys = vec!["key".into(), "name".into()];
    }
    let cells = rows
        .iter()
        .map(|r| {
            let code = r.get("key").and_then(Node::str);
            keys.iter()
                .map(|k| match (k.as_str(), code) {
                    ("name", None) => Cell::Text(ctx.text(Text::NotFilled).into()),
                    ("name", Some(c)) if at(r, k) == &Node::Null => name_of(ctx, by, c),
                    _ => cell(k, at(r, k)),
                })
                .collect()
        })
        .collect::<Vec<_>>();
    let title = group_title(ctx, labels, by);
    Table {
        sheet: sheet_name(&title),
        title,
        kind: Kind::Groups(by.to_string()),
        headers: keys
            .iter()
            .map(|k| labels.get(&format!("col.{k}")))
            .collect(),
        keys,
        total: cells.len(),
        rows: cells,
        drill: None,
    }
}

/// What a group's code means where the JSON gives no name: a status or a
/// subject in the reader's language; else the code is the name.
fn name_of(ctx: &Ctx, by: &str, code: &str) -> Cell {
    let label = match by {
        "status" => code.parse::<Status>().ok().map(|s| s.label(ctx.lang)),
        "subject" => code.parse::<Subject>().ok().map(|s| s.label(ctx.lang)),
        _ => None,
    };
    Cell::Text(shown(label.unwrap_or(code)))
}

/// Another list of the report: the trend (`periods`), or one the core adds.
fn list(labels: &Labels, key: &str, rows: &[Node], r: &Report) -> Table {
    let keys = columns(rows);
    let cells = rows
        .iter()
        .map(|row| keys.iter().map(|k| cell(k, at(row, k))).collect())
        .collect::<Vec<Vec<Cell>>>();
    let (kind, title) = match (key, r.period) {
        ("periods", Some(p)) => (Kind::Trend, labels.get(&format!("period.{p}"))),
        _ => (Kind::Other, labels.get(key)),
    };
    Table {
        sheet: sheet_name(&labels.get(&format!("sheet.{key}"))),
        title,
        kind,
        headers: keys
            .iter()
            .map(|k| labels.get(&format!("col.{k}")))
            .collect(),
        keys,
        total: cells.len(),
        rows: cells,
        drill: None,
    }
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
