//! The page: one self-contained HTML file (no script, no link, no font
//! file) with the headline as large figures, inline SVG charts and the
//! tables; printed on A4 with the title (office, date, filters) on every
//! page: the page is one layout table whose header row holds the title,
//! and browsers repeat a table's header on each printed page (a fixed
//! element would be repeated too, but over the text). Every figure carries its JSON key and value (`data-key`,
//! `data-value`), so a test or a script reads them back exactly.

use std::fmt::Write;

use super::model::{Kind, Paper, Table};
use super::svg::{self, BLUE, ORANGE, RED, esc};
use super::{Cell, word};
use crate::cmd::msg;

/// Case lists on the page stop here (the workbook holds up to
/// `cases::CAP`, `list` every one).
pub const PAGE_CAP: usize = 200;
/// Bars in a group chart: the groups with the most cases.
const TOP: usize = 15;

const STYLE: &str = r#"
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; margin: 24px; }
header.run { font-size: 12px; color: #555; border-bottom: 1px solid #aaa; padding-bottom: 4px; margin-bottom: 12px; }
h1 { font-size: 22px; margin: 4px 0 16px; }
h2 { font-size: 17px; margin: 24px 0 8px; break-after: avoid; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; }
.fig { border: 1px solid #ccd; border-radius: 6px; padding: 8px 12px; min-width: 110px; }
.fig .v { display: block; font-size: 28px; font-weight: bold; color: #1f4e79; }
.fig .l { font-size: 13px; color: #444; }
.fig.sub { min-width: 80px; }
.fig.sub .v { font-size: 18px; }
.charts svg { display: block; margin: 8px 0; max-width: 100%; height: auto; break-inside: avoid; }
svg .ttl { font-size: 15px; font-weight: bold; fill: #222; }
svg .lab { font-size: 12px; fill: #333; }
svg .val { font-size: 11px; fill: #555; }
table { border-collapse: collapse; font-size: 12px; margin-bottom: 8px; }
table.layout, table.layout > * > tr > td { border: none; padding: 0; width: 100%; }
table.data th, table.data td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; }
table.data th { background: #dde6f0; }
td.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
p.more { font-size: 12px; color: #555; }
@page { size: A4; margin: 14mm 12mm 14mm 12mm; }
@media print { body { margin: 0; } }
"#;

pub fn page(p: &Paper) -> String {
    let label = |k: &str| word(p.lang, k);
    let lang = match p.lang {
        crate::domain::Lang::Zh => "zh-CN",
        crate::domain::Lang::En => "en",
    };
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{t}</title><style>{STYLE}</style></head><body>\n<table class=\"layout\"><thead><tr><td><header class=\"run\">{t}</header></td></tr></thead><tbody><tr><td>\n<h1>{o}</h1>\n<section class=\"figures\">",
        t = esc(&p.title),
        o = esc(&p.office),
    );
    for f in &p.headline {
        let _ = write!(
            s,
            "<div class=\"fig{sub}\"><span class=\"v\" data-key=\"{k}\" data-value=\"{raw}\">{v}</span><span class=\"l\">{l}</span></div>",
            sub = if f.sub { " sub" } else { "" },
            k = esc(&f.key),
            raw = esc(&raw(&f.value)),
            v = esc(&f.value.shown()),
            l = esc(&f.label),
        );
    }
    s.push_str("</section>\n<section class=\"charts\">");
    for t in &p.tables {
        s.push_str(&charts(t, &label));
    }
    s.push_str("</section>\n");
    for t in &p.tables {
        table(&mut s, t, p);
    }
    s.push_str("</td></tr></tbody></table></body></html>\n");
    s
}

/// A value as JSON gives it (`0.6129`, not `61.3%`).
fn raw(c: &Cell) -> String {
    match c {
        Cell::Int(n) => n.to_string(),
        // As JSON writes it (`3.0`, not `3`).
        Cell::Num(x) | Cell::Rate(x) => {
            serde_json::Number::from_f64(*x).map_or_else(|| x.to_string(), |n| n.to_string())
        }
        other => other.shown(),
    }
}

fn charts(t: &Table, label: &dyn Fn(&str) -> String) -> String {
    let col = |k: &str| t.keys.iter().position(|x| x == k);
    let values = |c: usize| -> Vec<f64> {
        t.rows
            .iter()
            .map(|r| r.get(c).and_then(Cell::number).unwrap_or(0.0))
            .collect()
    };
    match &t.kind {
        Kind::Trend => {
            let (Some(p), Some(n), Some(c)) = (col("period"), col("new"), col("closed")) else {
                return String::new();
            };
            let cats: Vec<String> = t.rows.iter().map(|r| r[p].shown()).collect();
            svg::columns(
                &format!("{}：{}", t.title, label("chart.trend")),
                &cats,
                &[
                    (t.headers[n].clone(), values(n), BLUE),
                    (t.headers[c].clone(), values(c), ORANGE),
                ],
            )
        }
        Kind::Groups(_) => {
            let name = col("name").or(col("key")).unwrap_or(0);
            // A problem type's text is long and alike at its start: the
            // code goes first (`WY-06 以业主欠费…`).
            let code = col("key").filter(|_| t.kind == Kind::Groups("problem".into()));
            let names: Vec<String> = t
                .rows
                .iter()
                .map(|r| match code.map(|c| r[c].shown()) {
                    Some(k) if !k.is_empty() => format!("{k} {}", r[name].shown()),
                    _ => r[name].shown(),
                })
                .collect();
            let top = |c: usize| -> Vec<(String, f64)> {
                names.iter().cloned().zip(values(c)).take(TOP).collect()
            };
            let mut s = String::new();
            if let Some(c) = col("total") {
                let title = format!("{}：{}", t.title, label("chart.total"));
                s.push_str(&svg::bars(&title, &top(c), |v| format!("{v:.0}"), BLUE));
            }
            if let Some(c) = col("closure_rate") {
                let title = format!("{}：{}", t.title, label("chart.rate"));
                let pct = |v: f64| format!("{:.1}%", v * 100.0);
                s.push_str(&svg::bars(&title, &top(c), pct, ORANGE));
            }
            if let Some(c) = col("overdue") {
                let title = format!("{}：{}", t.title, label("chart.overdue"));
                s.push_str(&svg::bars(&title, &top(c), |v| format!("{v:.0}"), RED));
            }
            s
        }
        _ => String::new(),
    }
}

fn table(s: &mut String, t: &Table, p: &Paper) {
    let _ = writeln!(s, "<h2>{}</h2>", esc(&t.title));
    if t.rows.is_empty() {
        let none = crate::render::none_word(&t.headers);
        let _ = writeln!(s, "<p class=\"more\">{none}</p>");
        return;
    }
    let _ = write!(
        s,
        "<table class=\"data\" data-table=\"{}\"><thead><tr>",
        esc(&t.sheet)
    );
    for (h, k) in t.headers.iter().zip(&t.keys) {
        let _ = write!(s, "<th data-key=\"{}\">{}</th>", esc(k), esc(h));
    }
    s.push_str("</tr></thead><tbody>\n");
    let shown_rows = if t.kind == Kind::Cases {
        PAGE_CAP
    } else {
        usize::MAX
    };
    for row in t.rows.iter().take(shown_rows) {
        s.push_str("<tr>");
        for c in row {
            if c.number().is_some() {
                let _ = write!(
                    s,
                    "<td class=\"n\" data-value=\"{}\">{}</td>",
                    esc(&raw(c)),
                    esc(&c.shown())
                );
            } else {
                let _ = write!(s, "<td>{}</td>", esc(&c.shown()));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
    let listed = t.rows.len().min(shown_rows);
    if t.total > listed
        && let Some(cmd) = &t.drill
    {
        let more = msg::present::more(p.lang, t.total - listed, cmd);
        let _ = writeln!(s, "<p class=\"more\">{}</p>", esc(&more));
    }
}
