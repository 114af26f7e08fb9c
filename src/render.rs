//! Writers for what commands print: tables for people, CSV for
//! spreadsheets, JSON for scripts, Markdown for documents.
//!
//! CSV and JSON are byte-stable (no colour, no terminal width). CSV opens
//! with a UTF-8 BOM so Excel/WPS on Chinese Windows shows Chinese, and
//! neutralises cells a spreadsheet would run as a formula.

use std::io::{self, Write};

use serde::Serialize;

mod flat;
mod table;

pub use flat::{csv_cells, csv_header};
pub use table::table;

use crate::invalid::{Expected, Invalid};

/// How listing commands print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
    Md,
}

impl std::str::FromStr for Format {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Self, Invalid> {
        match crate::domain::normalize(s).to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "md" | "markdown" => Ok(Format::Md),
            _ => Err(Invalid::new(
                s,
                Expected::Code {
                    what: "format",
                    codes: vec!["table", "csv", "json", "md"],
                },
            )),
        }
    }
}

/// Table drawing style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    /// Plain ASCII borders, for old Windows consoles.
    pub ascii: bool,
}

/// Headers and rows of text, the common shape of tables, CSV and Markdown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns of free text a terminal table cuts to one line with `…`
    /// when it is too wide, with their shares (see [`Grid::cut`]).
    cut: Vec<(usize, usize)>,
}

impl Grid {
    pub fn new(headers: impl IntoIterator<Item = impl Into<String>>) -> Grid {
        Grid {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            cut: Vec::new(),
        }
    }

    /// Marks columns of long free text (summaries, names) that a terminal
    /// table may cut to one line with `…` to fit: a listing stays one line
    /// a row, and the full text is a `show` or a CSV away. Other columns
    /// with long text wrap instead. Each is `(column, share)`: the room
    /// left is shared in proportion (a summary deserves more than a name).
    pub fn cut(mut self, cols: &[(usize, usize)]) -> Grid {
        self.cut.extend_from_slice(cols);
        self
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
}

pub const BOM: &str = "\u{feff}";

/// Control characters made visible (␛ for ESC…) so that text from a
/// complaint or a file cannot drive the terminal, and bidirectional
/// overrides shown as `<U+202E>` so that text cannot reorder what is
/// printed after it; line breaks stay.
pub fn visible(cell: &str) -> std::borrow::Cow<'_, str> {
    shown_with(cell, |c| c == '\n')
}

/// As [`visible`], keeping tabs and carriage returns too: for CSV cells,
/// whose text a spreadsheet shows as it is.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    shown_with(cell, |c| matches!(c, '\n' | '\t' | '\r'))
}

/// A writer for messages to people (stderr): control characters and
/// bidirectional overrides in whatever passes through are made visible as
/// [`inert`] does, so no message — whatever text of a file or a case it
/// quotes — can drive the terminal. A character split across two writes is
/// held back until it is whole.
pub struct Visible<W: Write> {
    inner: W,
    carry: Vec<u8>,
}

impl<W: Write> Visible<W> {
    pub fn new(inner: W) -> Self {
        Visible {
            inner,
            carry: Vec::new(),
        }
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.carry.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.carry) {
            Ok(_) => self.carry.len(),
            // An incomplete character at the end waits for the next write;
            // an invalid byte (none are written here) passes as it is.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.carry.len(),
        };
        let rest = self.carry.split_off(whole);
        let text = String::from_utf8_lossy(&self.carry);
        self.inner.write_all(inert(&text).as_bytes())?;
        self.carry = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.carry.is_empty() {
            self.inner.write_all(&std::mem::take(&mut self.carry))?;
        }
        self.inner.flush()
    }
}

/// Bidirectional formatting characters: embeddings, overrides, isolates
/// and marks.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

fn shown_with(cell: &str, keep: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    let risky = |c: char| (c.is_control() || is_bidi(c)) && !keep(c);
    if !cell.chars().any(risky) {
        return cell.into();
    }
    let mut s = String::with_capacity(cell.len() + 8);
    for c in cell.chars() {
        match c {
            c if !risky(c) => s.push(c),
            '\u{7f}' => s.push('\u{2421}'),
            c if (c as u32) < 0x20 => s.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            c if is_bidi(c) => s.push_str(&format!("<U+{:04X}>", c as u32)),
            _ => s.push('\u{fffd}'),
        }
    }
    s.into()
}

/// A cell a spreadsheet would treat as a formula gets a leading `'`
/// (numbers such as `-3` are left alone).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A CSV writer for people: BOM first, formulas neutralised.
pub struct CsvOut<'a> {
    w: csv::Writer<&'a mut dyn Write>,
}

impl<'a> CsvOut<'a> {
    pub fn new(out: &'a mut dyn Write, headers: &[String]) -> io::Result<CsvOut<'a>> {
        out.write_all(BOM.as_bytes())?;
        let mut w = csv::Writer::from_writer(out);
        w.write_record(headers.iter().map(|h| inert(h).into_owned()))
            .map_err(csv_io)?;
        Ok(CsvOut { w })
    }

    pub fn row(&mut self, cells: &[String]) -> io::Result<()> {
        self.w
            .write_record(cells.iter().map(|c| neutralise(&inert(c)).into_owned()))
            .map_err(csv_io)
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.w.flush()
    }
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        k => io::Error::other(format!("{k:?}")),
    }
}

pub fn csv(out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
    let mut w = CsvOut::new(out, &grid.headers)?;
    for r in &grid.rows {
        w.row(r)?;
    }
    w.finish()
}

/// Pretty JSON with a trailing newline.
pub fn json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A JSON array written one element at a time.
pub struct JsonArray<'a> {
    out: &'a mut dyn Write,
    first: bool,
}

impl<'a> JsonArray<'a> {
    pub fn new(out: &'a mut dyn Write) -> io::Result<JsonArray<'a>> {
        out.write_all(b"[")?;
        Ok(JsonArray { out, first: true })
    }

    pub fn item(&mut self, value: &impl Serialize) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"\n  " } else { b",\n  " })?;
        self.first = false;
        let text = serde_json::to_string_pretty(value)?;
        self.out.write_all(text.replace('\n', "\n  ").as_bytes())
    }

    pub fn finish(self) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"]\n" } else { b"\n]\n" })
    }
}

/// A Markdown table; `|` in cells is escaped and newlines become spaces.
/// A cell's leading spaces (a sub-row's indent, `  已解决` under `已销号`)
/// become `&nbsp;`: Markdown readers trim spaces, and the Unicode spaces
/// (U+3000, U+00A0) too in the many that trim with JavaScript's `trim`,
/// but an entity is text until after the trim, in pandoc, GitHub and the
/// rest. Number columns are right-aligned (`---:`). No rows: one line.
pub fn md(out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
    if grid.rows.is_empty() {
        return writeln!(out, "{}", none_word(&grid.headers));
    }
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", line(&grid.headers))?;
    let rule: String = (0..grid.headers.len())
        .map(|i| {
            if numeric(&grid.rows, i) {
                "---:|"
            } else {
                "---|"
            }
        })
        .collect();
    writeln!(out, "|{rule}")?;
    for r in &grid.rows {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

fn md_cell(s: &str) -> String {
    let body = s.trim_start_matches(' ');
    let indent = "&nbsp;".repeat(s.len() - body.len());
    let flat = body.replace('|', "\\|").replace(['\n', '\r'], " ");
    indent + &visible(&flat)
}

/// Whether column `i` holds numbers (counts, rates such as `42.9%`, days)
/// in every row that has something in it: such columns align right.
pub fn numeric(rows: &[Vec<String>], i: usize) -> bool {
    let number = |s: &str| {
        let s = s.trim().trim_end_matches('%');
        s.parse::<f64>().is_ok() && s.bytes().any(|b| b.is_ascii_digit())
    };
    let mut cells = rows.iter().filter_map(|r| r.get(i)).map(|c| c.trim());
    let mut any = false;
    cells.all(|c| {
        any |= !c.is_empty();
        c.is_empty() || number(c)
    }) && any
}

/// The one line an empty table prints: `无`, or `none` when its headers
/// are not Chinese (the headers are in the reader's language already).
pub fn none_word(headers: &[String]) -> &'static str {
    let chinese = headers
        .iter()
        .flat_map(|h| h.chars())
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if chinese { "无" } else { "none" }
}

/// Writes a grid in any format; JSON takes the grid as an array of objects
/// keyed by `keys`.
pub fn grid(
    out: &mut dyn Write,
    format: Format,
    style: Style,
    grid: &Grid,
    keys: &[&str],
) -> io::Result<()> {
    match format {
        Format::Table => table(out, grid, style),
        Format::Csv => csv(out, grid),
        Format::Md => md(out, grid),
        Format::Json => {
            let rows: Vec<serde_json::Map<String, serde_json::Value>> = grid
                .rows
                .iter()
                .map(|r| {
                    keys.iter()
                        .zip(r)
                        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                        .collect()
                })
                .collect();
            json(out, &rows)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_are_not() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("-3"), "-3");
        assert_eq!(neutralise("+86 138"), "'+86 138");
        assert_eq!(neutralise("物业"), "物业");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\r=1"), "'\r=1");
    }

    #[test]
    fn control_characters_are_made_visible_in_tables() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(visible("行1\n行2"), "行1\n行2");
        assert_eq!(visible("x\ty\u{7f}"), "x\u{2409}y\u{2421}");
        assert_eq!(visible("abc\u{202e}fed"), "abc<U+202E>fed");
        let mut v = Visible::new(Vec::new());
        let bytes = "a\u{1b}[2J\u{202e}b\n".as_bytes();
        v.write_all(&bytes[..5]).unwrap(); // ends inside U+202E
        v.write_all(&bytes[5..]).unwrap();
        v.flush().unwrap();
        assert_eq!(
            String::from_utf8(v.inner).unwrap(),
            "a\u{241b}[2J<U+202E>b\n"
        );
        assert_eq!(
            inert("a\tb\u{0}c\u{1b}]0;x\u{7}"),
            "a\tb\u{2400}c\u{241b}]0;x\u{2407}"
        );
    }

    #[test]
    fn json_arrays_stream_valid_json() {
        let mut buf = Vec::new();
        let mut a = JsonArray::new(&mut buf).unwrap();
        a.item(&serde_json::json!({"a": 1})).unwrap();
        a.item(&serde_json::json!({"b": [1, 2]})).unwrap();
        a.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v, serde_json::json!([{"a": 1}, {"b": [1, 2]}]));
        let mut buf = Vec::new();
        JsonArray::new(&mut buf).unwrap().finish().unwrap();
        assert_eq!(buf, b"[]\n");
    }
}
