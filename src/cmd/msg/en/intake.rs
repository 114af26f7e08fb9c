//! English for bulk intake (`ledger add --from`): why a file, a mapping or
//! a row was refused, with what to do about it.

use crate::intake::error::{BadDate, Error, MapLine, Mismatch, Reason, Unit};
use crate::intake::fields::Field;
use crate::intake::profiles::PROFILES;
use crate::intake::readers::What;

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Line => "line",
        Unit::Row => "row",
    }
}

fn line(at: &MapLine) -> String {
    format!("{} line {}", at.file, at.line)
}

const MAP_SHAPE: &str =
    "expected field = \"column\", field = [\"column\", ...] or \"column\" = \"field\"";

/// The sentence for an intake error.
pub fn say(e: &Error) -> String {
    match e {
        Error::Ledger(inner) => super::core(inner),
        Error::Mismatch { file, why } => format!("{file}: {}", mismatch(why)),
        Error::RowRefused {
            file,
            unit: u,
            at,
            source,
        } => format!(
            "{file} {} {at}: {}; nothing was imported",
            unit(*u),
            super::core(source)
        ),
        Error::Suggestion { file, why, .. } => format!("{file}: {}", super::invalid::say(why)),
        Error::UnknownProfile { name } => format!(
            "unknown profile '{name}': use one of {} or give --map FILE",
            PROFILES.join(", ")
        ),
        Error::Undetected { file, headers } => format!(
            "{file}: cannot tell which column is which (columns: {}): give --profile {} or --map FILE (`ledger add --from {file} --show-columns` lists the columns)",
            crate::cmd::msg::shown::columns(headers, ", "),
            PROFILES.join("|"),
        ),
        Error::RejectsIsInput { path } => format!(
            "--rejects {} is the input file: name another file",
            path.display()
        ),
        Error::RejectsNoFolder { path, dir } => format!(
            "--rejects {}: the folder {} does not exist",
            path.display(),
            dir.display()
        ),
        Error::RejectsWrite { path, source } => format!("--rejects {}: {source}", path.display()),
        Error::RejectsCsv { path, source } => format!("--rejects {}: {source}", path.display()),
        e @ (Error::MapNotText { .. }
        | Error::MapCsv { .. }
        | Error::MapCells { .. }
        | Error::MapShape { .. }
        | Error::MapSyntax { .. }
        | Error::NotAField { .. }
        | Error::NeitherField { .. }
        | Error::MapSource { .. }
        | Error::MapNoSummary { .. }) => map_file(e),
        e @ (Error::CannotRead { .. }
        | Error::FileTooBig { .. }
        | Error::LineTooLong { .. }
        | Error::TooManyParts { .. }
        | Error::PartTooBig { .. }
        | Error::UnzipsTooBig { .. }
        | Error::TooManyCells { .. }
        | Error::TooManyColumns { .. }
        | Error::HeaderCellTooLong { .. }
        | Error::EncodingForWorkbook { .. }
        | Error::SheetForCsv { .. }
        | Error::NotAWorkbook { .. }
        | Error::NoSuchSheet { .. }
        | Error::NoSheets { .. }
        | Error::SheetUnreadable { .. }
        | Error::EmptySheet { .. }
        | Error::BomNotGb18030 { .. }
        | Error::BadUtf16 { .. }
        | Error::EmptyCsv { .. }
        | Error::Csv { .. }
        | Error::NotUtf8 { .. }
        | Error::NotGb18030 { .. }) => export(e),
    }
}

/// What is wrong with a mapping file.
fn map_file(e: &Error) -> String {
    match e {
        Error::MapNotText { file } => format!("{file}: not UTF-8 or GB18030 text"),
        Error::MapCsv { file, source } => format!("{file}: {source}"),
        Error::MapCells { at } => format!(
            "{}: expected two cells, column,field (e.g. 工单编号,ref)",
            line(at)
        ),
        Error::MapShape { at } => format!("{}: {MAP_SHAPE}", line(at)),
        Error::MapSyntax {
            file,
            line: Some(n),
            why,
        } => format!("{file} line {n}: {MAP_SHAPE} ({why})"),
        Error::MapSyntax {
            file,
            line: None,
            why,
        } => format!("{file}: {MAP_SHAPE} ({why})"),
        Error::NotAField { at, value } => format!(
            "{}: '{value}' is not a field: use {}",
            line(at),
            Field::list()
        ),
        Error::NeitherField { at, key, value } => format!(
            "{}: neither '{key}' nor '{value}' is a field: use {}",
            line(at),
            Field::list()
        ),
        Error::MapSource { at, why } => format!("{}: {}", line(at), super::invalid::say(why)),
        Error::MapNoSummary { file } => format!(
            "{file} maps no column to summary: every case needs one (e.g. a line 诉求内容,summary)"
        ),
        _ => unreachable!("`say` sends only these here"),
    }
}

/// What is wrong with the export itself.
fn export(e: &Error) -> String {
    match e {
        Error::CannotRead { file, source } => format!("{file}: cannot read it: {source}"),
        Error::FileTooBig { file, max } => format!(
            "{file} is larger than {} MB, more than an export is read at once: split it into parts (by month, say) and import each",
            max >> 20
        ),
        Error::LineTooLong { file, line, max } => format!(
            "{file} line {line} is longer than {} MB: no spreadsheet writes such a line; the file is damaged or not an export",
            max >> 20
        ),
        Error::TooManyParts { file, parts, max } => format!(
            "{file} holds {parts} parts; a workbook has a few dozen (at most {max} are read): it is damaged or not a spreadsheet"
        ),
        Error::PartTooBig { file, part, max } => format!(
            "{file}: its part {part} unpacks to more than {} MB: the workbook is damaged or made to exhaust memory; save it again from Excel or WPS, or export it as CSV",
            max >> 20
        ),
        Error::UnzipsTooBig { file, max } => format!(
            "{file} unpacks to more than {} MB in all: split it into smaller workbooks",
            max >> 20
        ),
        Error::TooManyCells { file, sheet, max } => format!(
            "{file}, sheet {sheet}: more than {max} cells (counting empty cells left of each row's last one): split the sheet, or delete stray cells far to the right or below the table"
        ),
        Error::TooManyColumns { file, columns, max } => format!(
            "{file}: the header row has {columns} or more columns (at most {max} are read): the first non-empty row is not a header"
        ),
        Error::HeaderCellTooLong {
            file,
            column,
            chars,
            max,
        } => format!(
            "{file}: column {column} of the header row is {chars} characters long (a column name has at most {max}): the first non-empty row is not a header"
        ),
        Error::EncodingForWorkbook { file } => {
            format!("{file} is a workbook: --encoding is for CSV files (a workbook says its own)")
        }
        Error::SheetForCsv { file, sheet } => {
            format!("{file} is a CSV file: --sheet {sheet} is for workbooks (xlsx)")
        }
        Error::NotAWorkbook { file, source } => {
            format!("{file}: not a readable workbook: {source}")
        }
        Error::NoSuchSheet {
            file,
            sheet,
            sheets,
        } => format!(
            "{file} has no sheet '{sheet}': its sheets are {}",
            sheets.join(", ")
        ),
        Error::NoSheets { file } => format!("{file} has no sheets"),
        Error::SheetUnreadable {
            file,
            sheet,
            source,
        } => format!("{file}, sheet {sheet}: cannot read it: {source}"),
        Error::EmptySheet { file, sheet } => {
            format!("{file}, sheet {sheet}: the sheet is empty (no header row)")
        }
        Error::BomNotGb18030 { file } => format!(
            "{file} starts with a UTF-8 BOM: it is UTF-8, not GB18030 (leave out --encoding)"
        ),
        Error::BadUtf16 { file } => format!("{file}: not valid UTF-16 text"),
        Error::EmptyCsv { file } => {
            format!("{file} is empty: expected a header row with the column names")
        }
        Error::Csv { file, line, source } => {
            let at = line.map(|n| format!(" line {n}")).unwrap_or_default();
            format!("{file}{at}: cannot read it as CSV: {source}")
        }
        Error::NotUtf8 {
            file,
            line,
            other_fits: false,
        } => format!(
            "{file} line {line}: not valid UTF-8, nor is the file valid GB18030/GBK: it is damaged or in another encoding; open it in Excel or WPS and save it as \"CSV UTF-8\""
        ),
        Error::NotGb18030 {
            file,
            line,
            other_fits: false,
        } => format!(
            "{file} line {line}: not valid GB18030/GBK, nor is the file valid UTF-8: it is damaged or in another encoding; open it in Excel or WPS and save it as \"CSV UTF-8\""
        ),
        Error::NotUtf8 { file, line, .. } => format!(
            "{file} line {line}: not valid UTF-8: the file is probably GBK/GB18030 (try --encoding gb18030, or leave --encoding out to detect it)"
        ),
        Error::NotGb18030 { file, line, .. } => format!(
            "{file} line {line}: not valid GB18030/GBK: the file is probably UTF-8 (try --encoding utf-8)"
        ),
        _ => unreachable!("`say` sends only these here"),
    }
}

/// Why a mapping does not fit a file's header (after the file's name).
pub fn mismatch(m: &Mismatch) -> String {
    match m {
        Mismatch::MissingColumn {
            origin,
            column,
            field,
            taken,
            headers,
        } => format!(
            "{}names column '{column}' for {}, {}: the columns are {}",
            origin
                .as_ref()
                .map(|o| format!("{} ", line(o)))
                .unwrap_or_default(),
            field.name(),
            if *taken {
                "which an earlier line already maps"
            } else {
                "which the file does not have"
            },
            crate::cmd::msg::shown::columns(headers, ", ")
        ),
        Mismatch::NoSummaryMapped { mapping } => {
            format!("mapping {mapping} maps no column to summary")
        }
        Mismatch::NoSummaryColumn {
            profile,
            wanted,
            headers,
        } => format!(
            "it has no summary column for profile {profile} (looked for {}); its columns are {}: give --map FILE (see --show-columns)",
            wanted.join(", "),
            crate::cmd::msg::shown::columns(headers, ", ")
        ),
    }
}

/// A row turned away, located: `line 7: no summary: 诉求内容 is empty`.
pub fn reject(u: Unit, at: u64, why: &Reason) -> String {
    format!("{} {at}: {}", unit(u), reason(why))
}

/// Why a row was turned away.
pub fn reason(r: &Reason) -> String {
    let minute = "%Y-%m-%d %H:%M";
    match r {
        Reason::ShortRow {
            cells,
            width,
            missing,
        } => format!("the row has {cells} cells where the header has {width}: no {missing} cell"),
        Reason::LongCell { column, chars, max } => format!(
            "{column}: a cell of {chars} characters (a spreadsheet cell holds at most {max})"
        ),
        Reason::LongRow { cells, width } => format!(
            "the row has {cells} cells where the header has {width} (a stray comma or quote?)"
        ),
        Reason::NoSummary { columns } => format!("no summary: {} is empty", columns.join(", ")),
        Reason::Date { column, bad } => format!("{column}: {}", bad_date(bad)),
        Reason::Future { received, now } => format!(
            "received {} is in the future (now is {})",
            received.format(minute),
            now.format(minute)
        ),
        Reason::Year { received, why } => format!(
            "received {}: {}",
            received.format(minute),
            super::rules::rule(why)
        ),
        Reason::NotASource { column, value } => format!(
            "{column}: '{value}' is not a source: use hotline (12345, 热线), petition (信访), patrol, visit or other"
        ),
    }
}

/// A reception time that is not a date, and the forms that are.
pub fn bad_date(b: &BadDate) -> String {
    match b {
        BadDate::Serial(n) => {
            format!("{n} is not a date (as an Excel serial date it is outside 1990–2099)")
        }
        BadDate::Text(t) => format!(
            "'{t}' is not a date: use 2019-01-05 09:03:07, 2019/1/5 9:03, 2019年1月5日, 01/05/2019 09:03:07 AM or an Excel serial number such as 43856.8244"
        ),
    }
}

/// What was read and how it maps: `file.xlsx (sheet Sheet1), profile tipdm`.
pub fn described(d: &crate::intake::Described) -> String {
    let what = match &d.what {
        What::Sheet(s) => format!("sheet {s}"),
        What::Csv(enc) => format!("{enc} CSV"),
    };
    match &d.profile {
        Some(p) => format!("{} ({what}), profile {p}", d.file),
        None => format!("{} ({what})", d.file),
    }
}
