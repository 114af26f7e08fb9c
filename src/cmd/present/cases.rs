//! Cases as sheet rows: the lists behind the report's figures (逾期清单,
//! 重点难点, 暂缓计划) and `list --format xlsx`. Personal data is masked as
//! in every listing (`CaseView`); cells are typed by field, so received
//! times and due dates are dates in a workbook.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::{Kind, Table, sheet_name};
use super::{Cell, shown, xlsx};
use crate::cmd::Ctx;
use crate::cmd::error::Error;
use crate::cmd::out::OutArg;
use crate::cmd::view::{CaseView, field_label};
use crate::domain::Status;
use crate::ledger::Ledger;
use crate::ledger::flags::period::Period;
use crate::ledger::query::CaseFilter;
use crate::ledger::report::Report;

/// At most this many cases a list in a report's workbook: a district's
/// overdue cases may be a hundred thousand, which is a listing's job
/// (the sheet ends with the `list` command that writes them all). Writing
/// a cell costs a few microseconds: 10,000 a list took the workbook of a
/// million cases to 2.7 times the JSON's time and 216 MB; 2,000 keep it
/// within twice (`bench/report.sh`).
pub const CAP: usize = 2_000;

/// The columns a clerk works a case from.
const COLUMNS: &[&str] = &[
    "id",
    "office",
    "status",
    "received_at",
    "community",
    "address",
    "summary",
    "complainant",
    "phone",
    "problem",
    "party",
    "unit",
    "due",
];

/// One list: its label key, which cases (the `list` filter of its figure,
/// and its arguments), its extra columns, and its figure in the report.
struct Wanted {
    key: &'static str,
    filter: fn() -> CaseFilter,
    drill: &'static str,
    extra: &'static [&'static str],
    figure: fn(&Report) -> i64,
}

const LISTS: &[Wanted] = &[
    Wanted {
        key: "overdue_cases",
        filter: || CaseFilter {
            overdue: true,
            ..CaseFilter::default()
        },
        drill: "--overdue",
        extra: &[],
        figure: |r| r.overdue,
    },
    Wanted {
        key: "key_cases",
        filter: || CaseFilter {
            key: true,
            statuses: vec![Status::Open, Status::Assigned, Status::Deferred],
            ..CaseFilter::default()
        },
        drill: "--key --status open,assigned,deferred",
        extra: &[],
        figure: |r| r.key_open,
    },
    Wanted {
        key: "deferred_cases",
        filter: || CaseFilter {
            statuses: vec![Status::Deferred],
            ..CaseFilter::default()
        },
        drill: "--status deferred",
        extra: &["plan", "defer_until"],
        figure: |r| r.deferred,
    },
];

/// The lists behind the overdue, key and deferred figures of `r`: the
/// first `cap` cases of each, as `list` gives them (its very filters),
/// read until the list is full and no further.
pub fn report_lists(
    ctx: &Ctx,
    ledger: &Ledger,
    period: &Period,
    r: &Report,
    cap: usize,
) -> anyhow::Result<Vec<Table>> {
    let today = ctx.today();
    let (lang, zone) = (ctx.lang, *ctx.stamp.now.offset());
    let all = CaseView::csv_headers();
    let mut tables = Vec::new();
    for w in LISTS {
        let keys: Vec<String> = COLUMNS
            .iter()
            .chain(w.extra)
            .map(|k| k.to_string())
            .collect();
        let at: Vec<usize> = keys
            .iter()
            .filter_map(|k| all.iter().position(|h| h == k))
            .collect();
        let title = crate::cmd::msg::present::label(lang, w.key).unwrap_or(w.key);
        let filter = CaseFilter {
            from: period.from,
            to: period.to,
            ..(w.filter)()
        };
        let mut rows = Vec::new();
        let mut full = false;
        let read = ledger.each_case(&filter, &today, |c| {
            let cells = CaseView::new(&c, &today, false, false).labelled_row(lang, zone);
            rows.push(at.iter().map(|&i| typed(&all[i], &cells[i])).collect());
            if rows.len() < cap {
                return Ok(());
            }
            // Enough: an error is the one way to stop the stream early.
            full = true;
            Err(std::io::Error::from(std::io::ErrorKind::Interrupted).into())
        });
        if !full {
            read?;
        }
        tables.push(Table {
            sheet: sheet_name(title),
            title: title.to_string(),
            kind: Kind::Cases,
            headers: keys
                .iter()
                .map(|k| field_label(lang, k).to_string())
                .collect(),
            keys,
            rows,
            total: usize::try_from((w.figure)(r)).unwrap_or(0),
            drill: Some(drill(w.drill, period, title)),
        });
    }
    Ok(tables)
}

/// The `list` command that writes every case of a list.
fn drill(args: &str, period: &Period, title: &str) -> String {
    let mut s = format!("ledger list {args}");
    if let Some(f) = period.from {
        s.push_str(&format!(" --from {f}"));
    }
    if let Some(t) = period.to {
        s.push_str(&format!(" --to {t}"));
    }
    s.push_str(&format!(" --format xlsx --out {title}.xlsx"));
    s
}

/// A case field (as `list --labels` writes it) as a typed cell.
pub fn typed(key: &str, s: &str) -> Cell {
    if s.is_empty() {
        return Cell::Empty;
    }
    let parsed = match key {
        "received_at" | "assigned_at" | "closed_at" | "updated_at" => {
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
                .ok()
                .map(Cell::Time)
        }
        "due" | "defer_until" => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .map(Cell::Date),
        "notes" => s.parse().ok().map(Cell::Int),
        _ => None,
    };
    parsed.unwrap_or_else(|| Cell::Text(shown(s)))
}

/// The writer's refusal as the command's.
pub fn workbook(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Workbook { why: e.to_string() }
}

/// `list --format xlsx --out FILE`: every case the filter passes, every
/// field, streamed into one sheet (a workbook of a million cases is held
/// in a temporary file, not in memory).
pub fn list_file(
    ctx: &mut Ctx,
    ledger: &Ledger,
    filter: &CaseFilter,
    show_pii: bool,
    out: &OutArg,
) -> anyhow::Result<()> {
    let Some(path) = &out.out else {
        return Err(Error::NeedsOut { format: "xlsx" }.into());
    };
    let dir = crate::ledger::files::folder_of(path)?;
    let today = ctx.today();
    let (lang, zone) = (ctx.lang, *ctx.stamp.now.offset());
    let keys = CaseView::csv_headers();
    let headers = CaseView::labelled_headers(lang);
    let name = crate::cmd::msg::present::label(lang, "sheet.cases").unwrap_or("cases");
    let mut book = xlsx::Streamed::new(&dir, name, &keys, &headers).map_err(workbook)?;
    let mut n = 0usize;
    let mut failed = None;
    let read = ledger.each_case_with_repeat(filter, &today, |c, repeat| {
        let cells = CaseView::new(&c, &today, show_pii, repeat).labelled_row(lang, zone);
        let row: Vec<Cell> = keys.iter().zip(&cells).map(|(k, s)| typed(k, s)).collect();
        n += 1;
        book.push(&row).map_err(|e| {
            // Kept to be said; an error is the one way to stop the stream.
            failed = Some(e);
            std::io::Error::from(std::io::ErrorKind::Interrupted).into()
        })
    });
    if let Some(e) = failed {
        return Err(workbook(e).into());
    }
    read?;
    let bytes = book.finish().map_err(workbook)?;
    // `--out` is the command's own (`cmd::dispatch`): ctx.out is the file.
    ctx.out.write_all(&bytes)?;
    writeln!(ctx.err, "{} {}", n, ctx.text(crate::cmd::msg::Text::Cases))?;
    Ok(())
}
