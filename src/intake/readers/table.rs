//! What a reader gives: the encodings `--encoding` names, a table's
//! header and rows, and the header rule both readers share.

use super::super::bounds;
use super::super::cell::Cell;
use super::super::error::{Error, Result, Unit};

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

/// What a table was read from; messages say it in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A workbook's sheet, by name.
    Sheet(String),
    /// A CSV file in this encoding (`UTF-8 (BOM)`, `GB18030`).
    Csv(String),
}

/// An open export: its header and an iterator over its data rows.
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

/// A header's column names, cleaned; refuses a header no clerk made: wider
/// than [`bounds::MAX_COLUMNS`], or a name longer than a sentence.
pub(super) fn header_names(file: &str, cells: impl Iterator<Item = String>) -> Result<Vec<String>> {
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

/// Header names as clerks see them: no BOM, no surrounding whitespace or
/// line breaks (Excel headers often wrap).
pub(super) fn clean_header(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
