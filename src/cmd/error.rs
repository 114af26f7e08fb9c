//! What the command layer itself refuses, as kinds carrying the facts; the
//! sentences are in `msg::en::cmd`.

use std::path::PathBuf;

use crate::domain::ProblemCode;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `show` of an id the ledger does not hold.
    #[error("no case {id}")]
    NoCase { id: String },
    /// `merge` asked for a format other than table or json.
    #[error("merge format not table or json")]
    MergeFormat,
    /// Some of several exchange files were refused (each was said already).
    #[error("{refused} of {files} files refused")]
    FilesRefused {
        refused: usize,
        files: usize,
        dry_run: bool,
    },
    /// `merge` of a name with `*` or `?` that matches no file.
    #[error("no file matches {pattern}")]
    NoMatch { pattern: String },
    /// `merge` of a folder that holds no exchange file.
    #[error("no exchange file in {}", dir.display())]
    NoExchangeFile { dir: PathBuf },
    /// A folder `merge` was to look in could not be listed.
    #[error("cannot read folder {}", dir.display())]
    ReadFolder {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A folder the command was to write in could not be made.
    #[error("cannot create {}", path.display())]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `check` found the file not whole; `problem` is the core's finding.
    #[error("check failed")]
    CheckFailed {
        problem: crate::ledger::replay::Problem,
    },
    /// A workbook asked for without `--out`: it is not text for a screen.
    #[error("--format {format} needs --out")]
    NeedsOut { format: &'static str },
    /// Several `--by` for a format that holds one table of groups.
    #[error("several --by need --format xlsx or html")]
    OneGrouping,
    /// `report --acceptance` in a file format it has no layout for.
    #[error("--acceptance with --format {format}")]
    AcceptanceFormat { format: &'static str },
    /// The workbook writer refused (a temporary file it could not make,
    /// more rows than a sheet holds); `why` is its own words.
    #[error("cannot write the workbook: {why}")]
    Workbook { why: String },
    #[error(transparent)]
    Ledger(#[from] crate::ledger::Error),
}

/// Why `list` refuses a filter before reading a case: it names nothing
/// the catalogue holds.
#[derive(Debug, thiserror::Error)]
pub enum Filter {
    /// `--unit` names no unit of the catalogue; the value as typed.
    #[error("unknown unit {0:?}")]
    UnknownUnit(String),
    /// `--problem` names no problem type of the catalogue.
    #[error("unknown problem code {0}")]
    UnknownProblem(ProblemCode),
    #[error(transparent)]
    Ledger(#[from] crate::ledger::Error),
}
