//! What stops an import, or turns a row away, as kinds carrying the facts
//! (file, line or row, column, the value found). `msg::en::intake` says
//! them; the short texts here are for logs.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::fields::Field;

/// How a file locates a data row: CSV by line, a workbook by row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Line,
    Row,
}

/// A line of a mapping file, where a mistake in it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapLine {
    pub file: String,
    pub line: usize,
}

/// Why the whole import (or `--show-columns`) stops; nothing is written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {file}")]
    CannotRead {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: over {max} bytes")]
    FileTooBig { file: String, max: u64 },
    #[error("{file} line {line}: over {max} bytes")]
    LineTooLong { file: String, line: u64, max: usize },
    #[error("{file}: {parts} parts")]
    TooManyParts {
        file: String,
        parts: usize,
        max: usize,
    },
    #[error("{file}: part {part} unzips past {max} bytes")]
    PartTooBig {
        file: String,
        part: String,
        max: u64,
    },
    #[error("{file}: unzips past {max} bytes")]
    UnzipsTooBig { file: String, max: u64 },
    #[error("{file}: sheet {sheet} over {max} cells")]
    TooManyCells {
        file: String,
        sheet: String,
        max: usize,
    },
    #[error("{file}: header of {columns} columns")]
    TooManyColumns {
        file: String,
        columns: usize,
        max: usize,
    },
    #[error("{file}: header cell {column} of {chars} characters")]
    HeaderCellTooLong {
        file: String,
        /// 1-based, as a spreadsheet counts columns.
        column: usize,
        chars: usize,
        max: usize,
    },
    #[error("{file}: an encoding was given for a workbook")]
    EncodingForWorkbook { file: String },
    #[error("{file}: a sheet was named for a CSV file")]
    SheetForCsv { file: String, sheet: String },
    #[error("{file}: not a workbook")]
    NotAWorkbook {
        file: String,
        #[source]
        source: calamine::Error,
    },
    #[error("{file}: no sheet {sheet}")]
    NoSuchSheet {
        file: String,
        sheet: String,
        sheets: Vec<String>,
    },
    #[error("{file}: no sheets")]
    NoSheets { file: String },
    #[error("{file}: sheet {sheet} unreadable")]
    SheetUnreadable {
        file: String,
        sheet: String,
        #[source]
        source: calamine::Error,
    },
    #[error("{file}: sheet {sheet} is empty")]
    EmptySheet { file: String, sheet: String },
    #[error("{file}: UTF-8 BOM but GB18030 forced")]
    BomNotGb18030 { file: String },
    #[error("{file}: bad UTF-16")]
    BadUtf16 { file: String },
    #[error("{file}: empty")]
    EmptyCsv { file: String },
    #[error("{file}: bad CSV at line {line:?}")]
    Csv {
        file: String,
        line: Option<u64>,
        #[source]
        source: csv::Error,
    },
    /// `other_fits`: the whole file is valid in the other encoding (so
    /// naming it helps); otherwise the file is damaged or in neither.
    #[error("{file} line {line}: not UTF-8")]
    NotUtf8 {
        file: String,
        line: u64,
        other_fits: bool,
    },
    #[error("{file} line {line}: not GB18030")]
    NotGb18030 {
        file: String,
        line: u64,
        other_fits: bool,
    },

    #[error("unknown profile {name}")]
    UnknownProfile { name: String },
    #[error("{file}: no profile fits the header")]
    Undetected { file: String, headers: Vec<String> },
    #[error("{file}: the mapping does not fit")]
    Mismatch {
        file: String,
        #[source]
        why: Mismatch,
    },

    #[error("{file}: mapping file not text")]
    MapNotText { file: String },
    #[error("{file}: mapping file not CSV")]
    MapCsv {
        file: String,
        #[source]
        source: csv::Error,
    },
    #[error("{}:{}: not two cells", at.file, at.line)]
    MapCells { at: MapLine },
    #[error("{}:{}: not a field mapping", at.file, at.line)]
    MapShape { at: MapLine },
    #[error("{file}: not TOML at line {line:?}: {why}")]
    MapSyntax {
        file: String,
        line: Option<usize>,
        /// The TOML parser's words, on one line.
        why: String,
    },
    #[error("{}:{}: {value} is not a field", at.file, at.line)]
    NotAField { at: MapLine, value: String },
    #[error("{}:{}: neither {key} nor {value} is a field", at.file, at.line)]
    NeitherField {
        at: MapLine,
        key: String,
        value: String,
    },
    #[error("{}:{}: bad source: {why}", at.file, at.line)]
    MapSource {
        at: MapLine,
        why: crate::invalid::Invalid,
    },
    #[error("{file}: no summary mapped")]
    MapNoSummary { file: String },

    /// Registering a prepared row was refused: the whole import stops.
    #[error("{file} {unit:?} {at}: refused")]
    RowRefused {
        file: String,
        unit: Unit,
        at: u64,
        #[source]
        source: crate::ledger::Error,
    },
    /// A code of the suggestion table is not a problem code (a bug the
    /// classifier's tests guard against).
    #[error("{file}: suggested code {code}: {why}")]
    Suggestion {
        file: String,
        code: &'static str,
        why: crate::invalid::Invalid,
    },

    #[error("rejects file {path:?} is the input")]
    RejectsIsInput { path: PathBuf },
    #[error("rejects file {path:?}: no folder {dir:?}")]
    RejectsNoFolder { path: PathBuf, dir: PathBuf },
    #[error("rejects file {path:?} not written")]
    RejectsWrite {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("rejects file {path:?} not written as CSV")]
    RejectsCsv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },

    #[error(transparent)]
    Ledger(#[from] crate::ledger::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a mapping does not fit a file's header.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Mismatch {
    /// A mapping file names a column the header lacks, or one an earlier
    /// line already took (`taken`).
    #[error("no column {column} for {field:?}")]
    MissingColumn {
        origin: Option<MapLine>,
        column: String,
        field: Field,
        taken: bool,
        headers: Vec<String>,
    },
    #[error("mapping {mapping} maps no summary")]
    NoSummaryMapped { mapping: String },
    #[error("no summary column for profile {profile}")]
    NoSummaryColumn {
        profile: String,
        wanted: Vec<String>,
        headers: Vec<String>,
    },
}

/// Why one row is turned away (counted as rejected, the import goes on).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Reason {
    #[error("short row: no {missing} cell")]
    ShortRow {
        cells: usize,
        width: usize,
        missing: String,
    },
    #[error("cell of {chars} characters")]
    LongCell {
        column: String,
        chars: usize,
        max: usize,
    },
    #[error("long row")]
    LongRow { cells: usize, width: usize },
    #[error("no summary")]
    NoSummary { columns: Vec<String> },
    #[error("{column}: {bad}")]
    Date { column: String, bad: BadDate },
    #[error("received in the future")]
    Future {
        received: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    },
    #[error("received year: {why:?}")]
    Year {
        received: DateTime<FixedOffset>,
        /// The core's rule (`ledger::rules::received_year`).
        why: crate::ledger::error::Break,
    },
    #[error("{column}: {value} is not a source")]
    NotASource { column: String, value: String },
}

/// A reception time cell that is not a date.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BadDate {
    /// A number outside the serials a reception date can have.
    #[error("serial {0} out of range")]
    Serial(f64),
    /// Text in none of the accepted forms (trimmed).
    #[error("{0:?} is not a date")]
    Text(String),
}
