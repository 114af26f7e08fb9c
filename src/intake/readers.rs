//! Reading a spreadsheet export as a header and rows of cells: CSV in the
//! encodings Excel and WPS save on Chinese Windows, and workbooks (xlsx,
//! xls, ods) through calamine.
//!
//! | file starts with / is        | read as                                    |
//! |------------------------------|--------------------------------------------|
//! | `PK\x03\x04`, `.xlsx` `.xlsm` `.ods` | a workbook (first sheet, or `--sheet`) |
//! | `D0 CF 11 E0`, `.xls`        | an old Excel workbook                      |
//! | UTF-8 BOM `EF BB BF`         | UTF-8 CSV                                  |
//! | UTF-16 BOM `FF FE` / `FE FF` | UTF-16 text ("Unicode text" from Excel)    |
//! | valid UTF-8 throughout       | UTF-8 CSV                                  |
//! | anything else                | GB18030 CSV (a superset of GBK and GB2312) |
//!
//! `--encoding` overrides the guess for CSV. The delimiter is a comma, or a
//! tab when the header line has tabs and no commas. Fields are decoded one
//! by one after the CSV structure is parsed on bytes: GBK and GB18030 never
//! use the bytes of `,` `"` CR or LF inside a character, so that is safe.

use std::path::Path;

use calamine::{Data, Reader as _};

use super::bounds;
use super::cell::Cell;
use super::error::{Error, Result, Unit};

/// A character encoding `--encoding` can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

impl std::str::FromStr for Encoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            // encoding_rs decodes GBK with the GB18030 decoder (as the
            // WHATWG standard does): GB18030 is a superset of both.
            "gb18030" | "gbk" | "gb2312" | "cp936" => Ok(Encoding::Gb18030),
            _ => Err(format!(
                "'{s}' is not an encoding this reads: use utf-8, gb18030 or gbk"
            )),
        }
    }
}

/// One data row: where it is in the file, and its cells.
#[derive(Clone, Debug)]
pub struct RawRow {
    /// The line (CSV) or row (workbook) number a clerk finds it at.
    pub at: u64,
    /// How far through the file this row ends (bytes for CSV, rows for a
    /// workbook), for the progress bar.
    pub pos: u64,
    pub cells: Vec<Cell>,
}

/// An open export: its header and an iterator over its data rows.
/// What a table was read from; messages say it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A workbook's sheet, by name.
    Sheet(String),
    /// A CSV file in this encoding (`UTF-8 (BOM)`, `GB18030`).
    Csv(String),
}

pub struct Table {
    /// The file as named on the command line.
    pub name: String,
    /// Lines for CSV, rows for a workbook: how messages locate a row.
    pub unit: Unit,
    /// What was read: a workbook's sheet, or CSV in an encoding.
    pub what: What,
    pub headers: Vec<String>,
    /// The end of the file in the units of [`RawRow::pos`].
    pub total: u64,
    pub rows: Box<dyn Iterator<Item = Result<RawRow>>>,
}

/// Opens an export; refuses, naming the file, what cannot be read.
pub fn open(path: &Path, sheet: Option<&str>, encoding: Option<Encoding>) -> Result<Table> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| Error::CannotRead {
        file: name.clone(),
        source,
    })?;
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let bytes = bounds::read_capped(&name, file, size)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let workbook = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        || matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods");
    if workbook {
        if encoding.is_some() {
            return Err(Error::EncodingForWorkbook { file: name });
        }
        return open_workbook(name, bytes, sheet);
    }
    if let Some(s) = sheet {
        return Err(Error::SheetForCsv {
            file: name,
            sheet: s.to_string(),
        });
    }
    open_csv(name, bytes, encoding)
}

fn open_workbook(name: String, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table> {
    bounds::check_zip(&name, &bytes)?;
    let mut wb =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|source| {
            Error::NotAWorkbook {
                file: name.clone(),
                source,
            }
        })?;
    let names = wb.sheet_names().to_vec();
    let chosen = match sheet {
        Some(s) => match names
            .iter()
            .find(|n| n.as_str() == s || n.trim() == s.trim())
        {
            Some(n) => n.clone(),
            None => {
                return Err(Error::NoSuchSheet {
                    file: name,
                    sheet: s.to_string(),
                    sheets: names,
                });
            }
        },
        None => match names.first() {
            Some(n) => n.clone(),
            None => return Err(Error::NoSheets { file: name }),
        },
    };
    let unreadable = |source: calamine::Error| Error::SheetUnreadable {
        file: name.clone(),
        sheet: chosen.clone(),
        source,
    };
    let mut sheet_rows = Sparse::new(&name, &chosen);
    match &mut wb {
        // Cell by cell: a dense range of a sheet with one far cell would
        // not fit in memory (see `bounds`).
        calamine::Sheets::Xlsx(x) => {
            let mut cells = x
                .worksheet_cells_reader(&chosen)
                .map_err(|e| unreadable(e.into()))?;
            while let Some(c) = cells.next_cell().map_err(|e| unreadable(e.into()))? {
                let (r, col) = c.get_position();
                sheet_rows.put(r, col, cell_ref(c.get_value()))?;
            }
        }
        // Old .xls (at most 65,536 × 256 cells) and .ods are read whole.
        wb => {
            let range = wb.worksheet_range(&chosen).map_err(unreadable)?;
            for (r, c, d) in range.used_cells() {
                sheet_rows.put(r as u32, c as u32, cell(d))?;
            }
        }
    }
    sheet_rows.into_table()
}

/// A sheet's non-blank rows by their number, each as long as its last
/// non-empty cell, within [`bounds::MAX_CELLS`].
struct Sparse<'a> {
    file: &'a str,
    sheet: &'a str,
    rows: std::collections::BTreeMap<u32, Vec<Cell>>,
    slots: usize,
}

impl<'a> Sparse<'a> {
    fn new(file: &'a str, sheet: &'a str) -> Self {
        Sparse {
            file,
            sheet,
            rows: Default::default(),
            slots: 0,
        }
    }

    fn put(&mut self, row: u32, col: u32, value: Cell) -> Result<()> {
        if value.is_blank() {
            return Ok(());
        }
        // A cell past the widest header there can be is kept as one extra
        // cell at the row's end: the row is then turned away as too long.
        let col = (col as usize).min(bounds::MAX_COLUMNS);
        let cells = self.rows.entry(row).or_default();
        if col >= cells.len() {
            self.slots += col + 1 - cells.len();
            if self.slots > bounds::MAX_CELLS {
                return Err(Error::TooManyCells {
                    file: self.file.to_string(),
                    sheet: self.sheet.to_string(),
                    max: bounds::MAX_CELLS,
                });
            }
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = value;
        Ok(())
    }

    fn into_table(self) -> Result<Table> {
        let (file, sheet) = (self.file.to_string(), self.sheet.to_string());
        let mut rows = self.rows.into_iter();
        // Row numbers as the spreadsheet shows them (1-based).
        let Some((_, header)) = rows.next() else {
            return Err(Error::EmptySheet { file, sheet });
        };
        let headers = header_names(&file, header.iter().map(|c| c.text().into_owned()))?;
        let data: Vec<RawRow> = rows
            .map(|(r, cells)| RawRow {
                at: u64::from(r) + 1,
                pos: u64::from(r) + 1,
                cells,
            })
            .collect();
        let total = data.last().map_or(0, |r| r.at);
        // A row ends at its last non-empty cell; the empty ones up to the
        // header's width are added as each row is read, not all at once.
        let width = headers.len();
        let rows = data.into_iter().map(move |mut r| {
            if r.cells.len() < width {
                r.cells.resize(width, Cell::Empty);
            }
            Ok(r)
        });
        Ok(Table {
            name: file,
            unit: Unit::Row,
            what: What::Sheet(sheet),
            headers,
            total,
            rows: Box::new(rows),
        })
    }
}

/// A header's column names, cleaned; refuses a header no clerk made: wider
/// than [`bounds::MAX_COLUMNS`], or a name longer than a sentence.
fn header_names(file: &str, cells: impl Iterator<Item = String>) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for (i, text) in cells.enumerate() {
        if i >= bounds::MAX_COLUMNS {
            return Err(Error::TooManyColumns {
                file: file.to_string(),
                columns: i + 1,
                max: bounds::MAX_COLUMNS,
            });
        }
        let chars = text.chars().count();
        if chars > bounds::MAX_HEADER_CHARS {
            return Err(Error::HeaderCellTooLong {
                file: file.to_string(),
                column: i + 1,
                chars,
                max: bounds::MAX_HEADER_CHARS,
            });
        }
        names.push(clean_header(&text));
    }
    Ok(names)
}

fn cell_ref(d: &calamine::DataRef<'_>) -> Cell {
    use calamine::DataRef as D;
    match d {
        D::SharedString(s) => Cell::Text(s.to_string()),
        D::String(s) => Cell::Text(s.clone()),
        D::Empty => Cell::Empty,
        D::Int(i) => Cell::Number(*i as f64),
        D::Float(f) => Cell::Number(*f),
        D::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        D::DateTime(t) if t.is_datetime() => Cell::Date(t.as_f64()),
        D::DateTime(t) => Cell::Number(t.as_f64()),
        D::DateTimeIso(s) | D::DurationIso(s) => Cell::Text(s.clone()),
        D::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(t) if t.is_datetime() => Cell::Date(t.as_f64()),
        Data::DateTime(t) => Cell::Number(t.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// Header names as clerks see them: no BOM, no surrounding whitespace or
/// line breaks (Excel headers often wrap).
fn clean_header(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn open_csv(name: String, mut bytes: Vec<u8>, forced: Option<Encoding>) -> Result<Table> {
    let (encoding, what_enc) = if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        if forced == Some(Encoding::Gb18030) {
            return Err(Error::BomNotGb18030 { file: name });
        }
        (Encoding::Utf8, "UTF-8 (BOM)")
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _, bad) = enc.decode(&bytes);
        if bad {
            return Err(Error::BadUtf16 { file: name });
        }
        bytes = text.into_owned().into_bytes();
        (Encoding::Utf8, "UTF-16")
    } else if let Some(e) = forced {
        let label = match e {
            Encoding::Utf8 => "UTF-8 (--encoding)",
            Encoding::Gb18030 => "GB18030 (--encoding)",
        };
        (e, label)
    } else if looks_utf8(&bytes) {
        (Encoding::Utf8, "UTF-8")
    } else {
        (Encoding::Gb18030, "GB18030")
    };
    if let Some(line) = bounds::overlong_line(&bytes) {
        return Err(Error::LineTooLong {
            file: name,
            line,
            max: bounds::MAX_LINE,
        });
    }
    let header_line = bytes.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let delimiter = if header_line.contains(&b'\t') && !header_line.contains(&b',') {
        b'\t'
    } else {
        b','
    };
    let total = bytes.len() as u64;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(std::io::Cursor::new(bytes));
    let mut rec = csv::ByteRecord::new();
    let header = loop {
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return Err(Error::EmptyCsv { file: name }),
            Ok(true) if rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) => continue,
            Ok(true) => {
                let mut h = Vec::with_capacity(rec.len().min(bounds::MAX_COLUMNS + 1));
                for (i, f) in rec.iter().take(bounds::MAX_COLUMNS + 1).enumerate() {
                    // Not decoded if no encoding could make it short enough.
                    if f.len() > 4 * bounds::MAX_HEADER_CHARS {
                        return Err(Error::HeaderCellTooLong {
                            file: name,
                            column: i + 1,
                            chars: least_chars(f),
                            max: bounds::MAX_HEADER_CHARS,
                        });
                    }
                    h.push(decode(rdr.get_ref().get_ref(), &name, line, f, encoding)?);
                }
                break header_names(&name, h.into_iter())?;
            }
            Err(e) => return Err(csv_error(&name, e)),
        }
    };
    let rows = CsvRows {
        name: name.clone(),
        rdr,
        rec,
        encoding,
        counted_to: 0,
        lines_before: 0,
    };
    Ok(Table {
        name,
        unit: Unit::Line,
        what: What::Csv(what_enc.to_string()),
        headers: header,
        total,
        rows: Box::new(rows),
    })
}

fn csv_error(name: &str, source: csv::Error) -> Error {
    Error::Csv {
        file: name.to_string(),
        line: source.position().map(|p| p.line()),
        source,
    }
}

/// Decodes one field; a byte sequence that is not in the encoding stops
/// the import (the whole file is then in another encoding than assumed,
/// or damaged: `all` is the whole file, to tell which).
fn decode(all: &[u8], name: &str, line: u64, field: &[u8], enc: Encoding) -> Result<String> {
    let file = || name.to_string();
    match enc {
        Encoding::Utf8 => match std::str::from_utf8(field) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Err(Error::NotUtf8 {
                file: file(),
                line,
                other_fits: gb18030(all).is_some(),
            }),
        },
        Encoding::Gb18030 => match gb18030(field) {
            Some(s) => Ok(s.into_owned()),
            None => Err(Error::NotGb18030 {
                file: file(),
                line,
                other_fits: std::str::from_utf8(all).is_ok(),
            }),
        },
    }
}

/// UTF-8 throughout, or UTF-8 Chinese up to a damaged spot: three or more
/// characters of two bytes or more before the first fault (GBK text gives
/// one by chance now and then, never a run), so a damaged UTF-8 file is
/// reported at its damage rather than read as GB18030 gibberish.
fn looks_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let text = std::str::from_utf8(good).unwrap_or_default();
            text.chars().filter(|c| !c.is_ascii()).nth(2).is_some()
        }
    }
}

/// How many characters `field` holds at least: its UTF-8 characters, or a
/// quarter of its bytes (no character of GB18030 takes more than four).
fn least_chars(field: &[u8]) -> usize {
    match std::str::from_utf8(field) {
        Ok(s) => s.chars().count(),
        Err(_) => field.len() / 4,
    }
}

fn gb18030(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
}

struct CsvRows {
    name: String,
    rdr: csv::Reader<std::io::Cursor<Vec<u8>>>,
    rec: csv::ByteRecord,
    encoding: Encoding,
    /// Line breaks counted in the bytes before `counted_to`.
    counted_to: usize,
    lines_before: u64,
}

impl CsvRows {
    /// The line a record starting at byte `start` is on. The csv crate's
    /// own line count lags behind a CRLF or a blank line before the
    /// record, so line breaks are counted here, once through the file.
    fn line_at(&mut self, start: u64) -> u64 {
        let bytes = self.rdr.get_ref().get_ref();
        let mut start = (start as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.counted_to {
            self.lines_before += bytes[self.counted_to..start]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.counted_to = start;
        }
        self.lines_before + 1
    }
}

impl Iterator for CsvRows {
    type Item = Result<RawRow>;

    fn next(&mut self) -> Option<Result<RawRow>> {
        loop {
            match self.rdr.read_byte_record(&mut self.rec) {
                Ok(false) => return None,
                Err(e) => return Some(Err(csv_error(&self.name, e))),
                Ok(true) => {}
            }
            // A blank line (Excel leaves some at the end) is no row.
            if self
                .rec
                .iter()
                .all(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            // The record's own start line: a quoted field may span lines.
            let start = self.rec.position().map_or(0, |p| p.byte());
            let at = self.line_at(start);
            let mut cells = Vec::with_capacity(self.rec.len());
            for f in self.rec.iter() {
                if f.is_empty() {
                    cells.push(Cell::Empty);
                    continue;
                }
                if f.len() > 4 * bounds::MAX_CELL_CHARS {
                    cells.push(Cell::Overlong {
                        chars: least_chars(f),
                    });
                    continue;
                }
                match decode(
                    self.rdr.get_ref().get_ref(),
                    &self.name,
                    at,
                    f,
                    self.encoding,
                ) {
                    Ok(s) => cells.push(Cell::Text(s)),
                    Err(e) => return Some(Err(e)),
                }
            }
            let pos = self.rdr.position().byte();
            return Some(Ok(RawRow { at, pos, cells }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(bytes: &[u8], enc: Option<Encoding>) -> Result<(Table, Vec<RawRow>)> {
        let mut t = open_csv("t.csv".into(), bytes.to_vec(), enc)?;
        let rows = t.rows.by_ref().collect::<Result<Vec<_>>>()?;
        Ok((t, rows))
    }

    #[test]
    fn encodings_are_detected() {
        let (t, r) = table("\u{feff}编号,内容\r\n1,停水\r\n".as_bytes(), None).unwrap();
        assert_eq!(t.headers, ["编号", "内容"]);
        assert_eq!(t.what, What::Csv("UTF-8 (BOM)".into()));
        assert_eq!(r[0].cells[1], Cell::Text("停水".into()));
        let (gbk, _, _) = encoding_rs::GBK.encode("编号,内容\r\n1,\"物业\"\"停水\"\",三天\"\r\n");
        let (t, r) = table(&gbk, None).unwrap();
        assert_eq!(t.what, What::Csv("GB18030".into()));
        assert_eq!(t.headers, ["编号", "内容"]);
        assert_eq!(r[0].cells[1], Cell::Text("物业\"停水\",三天".into()));
        assert_eq!(r[0].at, 2);
    }

    #[test]
    fn a_wrong_forced_encoding_names_the_line() {
        let mut bytes = "编号,内容\n1,a\n".as_bytes().to_vec();
        // GBK bytes that are not UTF-8 (some GBK pairs happen to be).
        bytes.extend_from_slice(&encoding_rs::GBK.encode("2,小区停水\n").0);
        let e = table(&bytes, Some(Encoding::Utf8)).err().unwrap();
        assert!(
            matches!(&e, Error::NotUtf8 { file, line: 3, other_fits: true } if file == "t.csv"),
            "{e:?}"
        );
    }

    #[test]
    fn tabs_blank_lines_and_multiline_fields() {
        let (t, r) = table(b"a\tb\n\n1\t\"x\ny\"\n2\tz\n", None).unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].at, 3);
        assert_eq!(r[1].at, 5);
    }
}
