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
    let bytes = std::fs::read(path).map_err(|source| Error::CannotRead {
        file: name.clone(),
        source,
    })?;
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
    let range = wb
        .worksheet_range(&chosen)
        .map_err(|source| Error::SheetUnreadable {
            file: name.clone(),
            sheet: chosen.clone(),
            source,
        })?;
    // Row numbers as the spreadsheet shows them (1-based, counting any
    // empty rows above the used range).
    let first_row = range.start().map_or(0, |(r, _)| u64::from(r)) + 1;
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i as u64, r));
    let header = loop {
        match rows.next() {
            None => {
                return Err(Error::EmptySheet {
                    file: name,
                    sheet: chosen,
                });
            }
            Some((_, r)) if r.iter().all(|c| cell(c).is_blank()) => continue,
            Some((_, r)) => break r,
        }
    };
    let headers: Vec<String> = header
        .iter()
        .map(|c| clean_header(&cell(c).text()))
        .collect();
    let total = first_row + range.height() as u64;
    let data: Vec<RawRow> = rows
        .map(|(at, r)| RawRow {
            at,
            pos: at,
            cells: r.iter().map(cell).collect(),
        })
        .collect();
    Ok(Table {
        name,
        unit: Unit::Row,
        what: What::Sheet(chosen.to_string()),
        headers,
        total,
        rows: Box::new(data.into_iter().map(Ok)),
    })
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
    } else if std::str::from_utf8(&bytes).is_ok() {
        (Encoding::Utf8, "UTF-8")
    } else {
        (Encoding::Gb18030, "GB18030")
    };
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
                let mut h = Vec::with_capacity(rec.len());
                for f in rec.iter() {
                    h.push(clean_header(&decode(&name, line, f, encoding)?));
                }
                break h;
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
/// the import (the whole file is then in another encoding than assumed).
fn decode(name: &str, line: u64, field: &[u8], enc: Encoding) -> Result<String> {
    let file = || name.to_string();
    match enc {
        Encoding::Utf8 => match std::str::from_utf8(field) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Err(Error::NotUtf8 { file: file(), line }),
        },
        Encoding::Gb18030 => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(field) {
                Some(s) => Ok(s.into_owned()),
                None => Err(Error::NotGb18030 { file: file(), line }),
            }
        }
    }
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
                match decode(&self.name, at, f, self.encoding) {
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
            matches!(&e, Error::NotUtf8 { file, line: 3 } if file == "t.csv"),
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
