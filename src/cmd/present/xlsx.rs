//! The workbook (rust_xlsxwriter): 总表 with the headline figures, a sheet
//! per table of the paper, numbers as numbers and dates as dates, the
//! header row frozen, columns as wide as their Chinese text, native charts
//! on the trend (new vs closed) and group sheets (closure rate), printed
//! A4 landscape with the title on each page.

use std::path::Path;

use chrono::{Datelike, NaiveDate, Timelike};
use rust_xlsxwriter::{
    Chart, ChartType, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::model::{Kind, Paper, Table, sheet_name};
use super::{Cell, shown, word};
use crate::cmd::msg;

/// The title row, then the header row: data starts on the third row.
const TOP: u32 = 2;
/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Excel's limit of characters in a cell.
const CELL_MAX: usize = 32_767;
/// At most this many groups in a chart (the groups with the most cases).
const CHART_GROUPS: u32 = 20;

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    sub: Format,
    int: Format,
    num: Format,
    rate: Format,
    date: Format,
    time: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color("#DDE6F0")
            .set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header,
            text: Format::new(),
            sub: Format::new().set_indent(1),
            int: Format::new().set_num_format("0"),
            num: Format::new().set_num_format("0.0"),
            rate: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            time: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

/// A report's workbook, as the bytes of an .xlsx file.
pub fn report(paper: &Paper) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let label = |k: &str| word(paper.lang, k);
    let mut names: Vec<String> = Vec::new();
    let mut unique = |name: &str| {
        let mut n = sheet_name(name);
        let mut i = 2;
        while names.iter().any(|m| m.eq_ignore_ascii_case(&n)) {
            n = sheet_name(&format!("{name} {i}"));
            i += 1;
        }
        names.push(n.clone());
        n
    };
    let ws = wb.add_worksheet();
    ws.set_name(unique(&label("sheet.headline")))?;
    page(ws, &paper.title);
    ws.write_string_with_format(0, 0, &paper.title, &f.title)?;
    let heads = [label("col.figure"), label("col.value"), label("col.code")];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, h, &f.header)?;
    }
    for (i, fig) in paper.headline.iter().enumerate() {
        let r = TOP + i as u32;
        let fmt = if fig.sub { &f.sub } else { &f.text };
        ws.write_string_with_format(r, 0, &fig.label, fmt)?;
        write(ws, r, 1, &fig.value, &f)?;
        ws.write_string(r, 2, &fig.key)?;
    }
    let width = |s: &str| s.width();
    let w0 = paper
        .headline
        .iter()
        .map(|x| width(&x.label))
        .max()
        .unwrap_or(8);
    ws.set_column_width(0, (w0 + 4).clamp(10, 40) as f64)?;
    ws.set_column_width(1, 12)?;
    ws.set_column_width(2, 24)?;
    ws.set_freeze_panes(TOP, 0)?;
    for t in &paper.tables {
        let name = unique(&t.sheet);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        table(ws, &name, t, paper, &f)?;
    }
    wb.save_to_buffer()
}

/// A4 landscape, the title on each printed page, the header row repeated.
fn page(ws: &mut Worksheet, title: &str) {
    ws.set_paper_size(A4);
    ws.set_landscape();
    // Excel takes at most 255 characters of header.
    let title = crate::text::clip(title, 200).replace('&', "&&");
    ws.set_header(format!("&C{title}"));
    ws.set_footer("&C&P / &N");
    let _ = ws.set_repeat_rows(1, 1);
}

fn table(
    ws: &mut Worksheet,
    name: &str,
    t: &Table,
    paper: &Paper,
    f: &Formats,
) -> Result<(), XlsxError> {
    page(ws, &paper.title);
    ws.write_string_with_format(0, 0, &t.title, &f.title)?;
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, h, &f.header)?;
    }
    for (i, row) in t.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            write(ws, TOP + i as u32, c as u16, cell, f)?;
        }
    }
    let last = TOP + t.rows.len() as u32;
    if t.total > t.rows.len()
        && let Some(cmd) = &t.drill
    {
        let more = msg::present::more(paper.lang, t.total - t.rows.len(), cmd);
        ws.write_string(last + 1, 0, more)?;
    }
    widths(ws, t)?;
    ws.set_freeze_panes(TOP, 0)?;
    if !t.rows.is_empty() && t.kind == Kind::Cases {
        ws.autofilter(1, 0, last - 1, t.headers.len().saturating_sub(1) as u16)?;
    }
    chart(ws, name, t, paper)
}

/// Each column as wide as its widest line (display columns: a Chinese
/// character takes two), between 6 and 60.
fn widths(ws: &mut Worksheet, t: &Table) -> Result<(), XlsxError> {
    for (c, h) in t.headers.iter().enumerate() {
        let widest = t
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|cell| match cell {
                Cell::Date(_) => 10,
                Cell::Time(_) => 16,
                other => other.shown().lines().map(|l| l.width()).max().unwrap_or(0),
            })
            .max()
            .unwrap_or(0)
            .max(h.width());
        ws.set_column_width(c as u16, (widest + 2).clamp(6, 60) as f64)?;
    }
    Ok(())
}

/// Native charts: new vs closed on the trend sheet, the closure rate of
/// the biggest groups on a group sheet.
fn chart(ws: &mut Worksheet, name: &str, t: &Table, paper: &Paper) -> Result<(), XlsxError> {
    if t.rows.is_empty() {
        return Ok(());
    }
    let col = |k: &str| t.keys.iter().position(|x| x == k).map(|c| c as u16);
    let label = |k: &str| word(paper.lang, k);
    let (mut chart, cat, series, rows) = match &t.kind {
        Kind::Trend => {
            let series: Vec<u16> = ["new", "closed"].iter().filter_map(|k| col(k)).collect();
            let chart = Chart::new(ChartType::Column);
            (chart, col("period"), series, t.rows.len() as u32)
        }
        Kind::Groups(_) => {
            let rows = (t.rows.len() as u32).min(CHART_GROUPS);
            let mut chart = Chart::new(ChartType::Bar);
            chart.y_axis().set_num_format("0%");
            chart.legend().set_hidden();
            let cat = col("name").or(col("key"));
            (chart, cat, col("closure_rate").into_iter().collect(), rows)
        }
        _ => return Ok(()),
    };
    let Some(cat) = cat else {
        return Ok(());
    };
    if series.is_empty() {
        return Ok(());
    }
    let last = TOP + rows - 1;
    for c in series {
        chart
            .add_series()
            .set_categories((name, TOP, cat, last, cat))
            .set_values((name, TOP, c, last, c))
            .set_name((name, 1, c));
    }
    let title = match t.kind {
        Kind::Trend => label("chart.trend"),
        _ => label("chart.rate"),
    };
    chart.title().set_name(&title);
    chart.set_width(720).set_height(360 + 12 * rows);
    ws.insert_chart(1, t.headers.len() as u16 + 1, &chart)?;
    Ok(())
}

fn write(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, f: &Formats) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            // A cell holds at most 32,767 characters; a longer text (a
            // pasted complaint) is cut rather than fail the whole file.
            let mut s = shown(s);
            if s.len() > CELL_MAX {
                s = crate::text::clip(&s, CELL_MAX);
            }
            ws.write_string(r, c, s)?;
        }
        Cell::Int(n) => {
            ws.write_number_with_format(r, c, *n as f64, &f.int)?;
        }
        Cell::Num(x) => {
            ws.write_number_with_format(r, c, *x, &f.num)?;
        }
        Cell::Rate(x) => {
            ws.write_number_with_format(r, c, *x, &f.rate)?;
        }
        Cell::Date(d) => {
            ws.write_datetime_with_format(r, c, date(*d)?, &f.date)?;
        }
        Cell::Time(t) => {
            let x = date(t.date())?.and_hms(t.hour() as u16, t.minute() as u8, 0)?;
            ws.write_datetime_with_format(r, c, x, &f.time)?;
        }
    }
    Ok(())
}

fn date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// A one-sheet workbook written a row at a time, for listings of any
/// length (`list --format xlsx`): rows go to a temporary file as they come
/// (rust_xlsxwriter's constant-memory mode), so a million cases do not
/// sit in memory.
pub struct Streamed {
    wb: Workbook,
    f: Formats,
    row: u32,
}

impl Streamed {
    /// `dir`: where the rows wait (the folder of the file to write: the
    /// rows hold what the listing holds, and stay beside it, owner-only).
    pub fn new(
        dir: &Path,
        name: &str,
        keys: &[String],
        headers: &[String],
    ) -> Result<Streamed, XlsxError> {
        let mut wb = Workbook::new();
        wb.set_tempdir(dir)?;
        let f = Formats::new();
        let ws = wb.add_worksheet_with_constant_memory()?;
        ws.set_name(sheet_name(name))?;
        // Widths before any row: this mode writes rows out as they come.
        for (c, k) in keys.iter().enumerate() {
            ws.set_column_width(c as u16, field_width(k).max(headers[c].width() + 2) as f64)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &f.header)?;
        }
        Ok(Streamed { wb, f, row: 1 })
    }

    pub fn push(&mut self, cells: &[Cell]) -> Result<(), XlsxError> {
        let ws = self.wb.worksheet_from_index(0)?;
        for (c, cell) in cells.iter().enumerate() {
            write(ws, self.row, c as u16, cell, &self.f)?;
        }
        self.row += 1;
        Ok(())
    }

    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        self.wb.save_to_buffer()
    }
}

/// A listing's column width by field, for a sheet whose rows are not
/// known when its widths are set.
fn field_width(key: &str) -> usize {
    match key {
        "summary" | "details" | "resolution" | "plan" | "address" => 40,
        "community" | "party" => 20,
        "received_at" | "assigned_at" | "closed_at" | "updated_at" => 17,
        "id" | "due" | "defer_until" | "source_ref" | "duplicate_of" => 15,
        _ => 10,
    }
}
