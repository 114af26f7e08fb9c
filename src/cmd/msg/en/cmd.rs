//! English for what the command layer refuses (`cmd::error::Error`).

use crate::cmd::error::Error;

pub fn say(e: &Error) -> String {
    match e {
        Error::NoCase { id } => format!("no case {id} in this ledger (see `ledger list`)"),
        Error::MergeFormat => "merge prints a table or json (--format table|json)".into(),
        Error::FilesRefused {
            refused,
            files,
            dry_run,
        } => format!(
            "{refused} of {files} files refused; the others were {}",
            if *dry_run { "checked" } else { "merged" }
        ),
        Error::NoMatch { pattern } => format!(
            "no file matches {pattern}: check the folder and the name (* stands for any characters, ? for one)"
        ),
        Error::NoExchangeFile { dir } => format!(
            "no exchange file in {}: merge takes the .csv files `ledger export` writes",
            dir.display()
        ),
        Error::ReadFolder { dir, source } => {
            format!("cannot read the folder {}: {source}", dir.display())
        }
        Error::CreateDir { path, source } => format!("cannot create {}: {source}", path.display()),
        Error::CheckFailed { problem } => {
            format!("check failed: {}", super::ledger::problem(problem))
        }
        Error::NeedsOut { format } => format!(
            "--format {format} writes a file, not text for the screen: add --out FILE, e.g. --out report.{format}"
        ),
        Error::AcceptanceFormat { format } => format!(
            "report --acceptance has no {format} layout: use --format table, md, csv or json"
        ),
        Error::OneGrouping => {
            "several --by need --format xlsx or html; tables, csv, json and md group one way at a time".into()
        }
        Error::Workbook { why } => format!("cannot write the workbook: {why}; no file was written"),
        Error::Ledger(inner) => super::core(inner),
    }
}
