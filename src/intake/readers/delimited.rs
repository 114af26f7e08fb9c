//! CSV in the encodings Excel and WPS save on Chinese Windows (see the
//! table in `readers`), parsed on bytes and decoded field by field.

use super::super::bounds;
use super::super::cell::Cell;
use super::super::error::{Error, Result, Unit};
use super::table::{Encoding, RawRow, Table, What, header_names};

pub(super) fn open_csv(
    name: String,
    mut bytes: Vec<u8>,
    forced: Option<Encoding>,
) -> Result<Table> {
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
