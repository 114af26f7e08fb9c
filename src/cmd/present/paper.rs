//! The report laid out for a workbook or a page: a title, the headline
//! figures, then tables (the groups, the trend, the cases behind the
//! figures), every cell typed. Built from the report's JSON tree, so what
//! the core adds shows without an edit here. The paper's types are in the
//! leaf `model.rs`; `report.rs` adds the case lists and draws it.

use clap::ValueEnum;
use std::collections::HashMap;

use super::model::{Figure, Kind, Paper, Table, sheet_name};
use super::node::Node;
use super::{Cell, shown};
use crate::cmd::Ctx;
use crate::cmd::msg::{self, Text};
use crate::cmd::report::{self, By};
use crate::domain::{Lang, Status, Subject};
use crate::ledger::Ledger;
use crate::ledger::report::Report;

/// Fields of the report that say what was asked, not figures.
const META: &[&str] = &["as_of", "from", "to", "by", "period"];

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
