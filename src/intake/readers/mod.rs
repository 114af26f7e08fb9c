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

mod delimited;
mod table;
mod workbook;

use std::path::Path;

use super::bounds;
use super::error::{Error, Result};
pub use table::{Encoding, RawRow, Table, What};

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
        return workbook::open_workbook(name, bytes, sheet);
    }
    if let Some(s) = sheet {
        return Err(Error::SheetForCsv {
            file: name,
            sheet: s.to_string(),
        });
    }
    delimited::open_csv(name, bytes, encoding)
}
