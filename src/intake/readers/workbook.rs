//! Workbooks (xlsx, xls, ods) through calamine, within `bounds`: an xlsx
//! sheet is read cell by cell into sparse rows.

use calamine::{Data, Reader as _};

use super::super::bounds;
use super::super::cell::Cell;
use super::super::error::{Error, Result, Unit};
use super::table::{RawRow, Table, What, header_names};

pub(super) fn open_workbook(name: String, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table> {
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
