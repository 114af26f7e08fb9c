//! Writers for what commands print: tables for people, CSV for
//! spreadsheets, JSON for scripts, Markdown for documents.
//!
//! CSV and JSON are byte-stable (no colour, no terminal width). CSV opens
//! with a UTF-8 BOM so Excel/WPS on Chinese Windows shows Chinese, and
//! neutralises cells a spreadsheet would run as a formula.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "md" | "markdown" => Ok(Format::Md),
            _ => Err(format!("'{s}' is not a format: use table, csv, json or md")),
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
}

impl Grid {
    pub fn new(headers: impl IntoIterator<Item = impl Into<String>>) -> Grid {
        Grid {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
}

pub const BOM: &str = "\u{feff}";

pub fn table(out: &mut dyn Write, grid: &Grid, style: Style) -> io::Result<()> {
    let mut t = Table::new();
    t.load_style(if style.ascii {
        presets::ASCII_FULL_CONDENSED
    } else {
        presets::UTF8_FULL_CONDENSED
    });
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(&grid.headers);
    for r in &grid.rows {
        t.add_row(r.iter().map(|c| visible(c)));
    }
    writeln!(out, "{t}")
}

/// Control characters made visible (␛ for ESC…) so that text from a
/// complaint cannot drive the terminal; line breaks stay.
pub fn visible(cell: &str) -> std::borrow::Cow<'_, str> {
    if !cell.chars().any(|c| c.is_control() && c != '\n') {
        return cell.into();
    }
    cell.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\u{7f}' => '\u{2421}',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('?'),
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Cuts text to one line of `n` characters, for a table cell or a message
/// (the full text stays in the ledger and in CSV/JSON).
pub fn clip(s: &str, n: usize) -> String {
    let one_line = s.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
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
        w.write_record(headers).map_err(csv_io)?;
        Ok(CsvOut { w })
    }

    pub fn row(&mut self, cells: &[String]) -> io::Result<()> {
        self.w
            .write_record(cells.iter().map(|c| neutralise(c).into_owned()))
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

/// The CSV header of a flat serde record: its field names, in order
/// (`T::default()` only stands in for a row).
pub fn csv_header<T: Serialize + Default>() -> Vec<String> {
    flat(&T::default())
        .keys
        .into_iter()
        .map(String::from)
        .collect()
}

/// A flat record's cells in field order, each value as the csv crate writes
/// it: text as is, integers and flags as text, nothing as an empty cell. A
/// struct is thereby the one field list behind its JSON and its CSV.
pub fn csv_cells(v: &impl Serialize) -> Vec<String> {
    flat(v).cells
}

fn flat(v: &impl Serialize) -> Flat {
    let mut f = Flat::default();
    v.serialize(&mut f)
        .expect("a flat record of text, integers and flags");
    f
}

/// The fields of a struct of plain values, collected in order. (The csv
/// crate's own serializer writes cells straight out; these go through
/// `CsvOut::row` first, which neutralises formulas.)
#[derive(Default)]
struct Flat {
    keys: Vec<&'static str>,
    cells: Vec<String>,
}

macro_rules! as_text {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), std::fmt::Error> {
            self.cells.push(v.to_string());
            Ok(())
        }
    )*};
}

macro_rules! refused {
    ($($method:ident($($arg:ty),*) -> $ok:ty),*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ok, std::fmt::Error> {
            Err(std::fmt::Error)
        }
    )*};
}

impl serde::Serializer for &mut Flat {
    type Ok = ();
    type Error = std::fmt::Error;
    type SerializeSeq = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeTuple = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeTupleStruct = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeTupleVariant = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeMap = serde::ser::Impossible<(), std::fmt::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = serde::ser::Impossible<(), std::fmt::Error>;

    as_text!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str);
    // Floats: the csv crate's shortest form is not `to_string`'s; no record has one.
    refused!(serialize_f32(f32) -> (), serialize_f64(f64) -> (), serialize_bytes(&[u8]) -> (),
        serialize_seq(Option<usize>) -> Self::SerializeSeq,
        serialize_tuple(usize) -> Self::SerializeTuple,
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct,
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant,
        serialize_map(Option<usize>) -> Self::SerializeMap,
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant);

    fn serialize_none(self) -> Result<(), std::fmt::Error> {
        self.serialize_str("")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), std::fmt::Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), std::fmt::Error> {
        self.serialize_str("")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), std::fmt::Error> {
        self.serialize_str("")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), std::fmt::Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), std::fmt::Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), std::fmt::Error> {
        Err(std::fmt::Error)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, std::fmt::Error> {
        Ok(self)
    }
}

impl serde::ser::SerializeStruct for &mut Flat {
    type Ok = ();
    type Error = std::fmt::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), std::fmt::Error> {
        self.keys.push(key);
        v.serialize(&mut **self)
    }

    fn end(self) -> Result<(), std::fmt::Error> {
        Ok(())
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
pub fn md(out: &mut dyn Write, grid: &Grid) -> io::Result<()> {
    let esc = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    writeln!(
        out,
        "| {} |",
        grid.headers
            .iter()
            .map(|h| esc(h))
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    writeln!(out, "|{}", "---|".repeat(grid.headers.len()))?;
    for r in &grid.rows {
        writeln!(
            out,
            "| {} |",
            r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
        )?;
    }
    Ok(())
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
    }

    #[test]
    fn a_flat_record_gives_its_header_and_cells_in_field_order() {
        #[derive(Default, Serialize)]
        struct R {
            b: &'static str,
            a: Option<String>,
            n: i64,
            yes: bool,
        }
        assert_eq!(csv_header::<R>(), ["b", "a", "n", "yes"]);
        let r = R {
            b: "x,y",
            a: None,
            n: -3,
            yes: true,
        };
        assert_eq!(csv_cells(&r), ["x,y", "", "-3", "true"]);
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
