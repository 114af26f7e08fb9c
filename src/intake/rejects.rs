//! The `--rejects` file: the rows an import turned away, as the export had
//! them, with the reason beside each, for a clerk to fix and import again.

use std::path::Path;

use super::error::{Error, Reason, Result, Unit};

/// A row that could not be taken, as the file had it.
#[derive(Clone, Debug)]
pub struct Reject {
    pub unit: Unit,
    pub at: u64,
    pub cells: Vec<String>,
    pub reason: Reason,
}

/// Refuses a rejects path that cannot be written or would overwrite the
/// input, before any work is done.
pub fn check_path(path: &Path, input: &Path) -> Result<()> {
    let same = match (path.canonicalize(), input.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::RejectsIsInput {
            path: path.to_path_buf(),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(Error::RejectsNoFolder {
            path: path.to_path_buf(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes the rejected rows as CSV (UTF-8 with a BOM, for Excel/WPS): the
/// file's own columns, then the reason, each already said in the reader's
/// language (`reasons`, one per reject).
pub fn write(
    path: &Path,
    headers: &[String],
    rejects: &[Reject],
    reasons: &[String],
    reason_header: &str,
) -> Result<()> {
    let io = |source| Error::RejectsWrite {
        path: path.to_path_buf(),
        source,
    };
    let csv_err = |source| Error::RejectsCsv {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        // Cells come from a file someone else made: one that a spreadsheet
        // would run as a formula (`=HYPERLINK(…)`, `=cmd|…`) is written inert.
        let inert = |c: &str| crate::render::neutralise(c).into_owned();
        let mut head: Vec<String> = headers.iter().map(|h| inert(h)).collect();
        head.push(reason_header.to_string());
        w.write_record(&head).map_err(csv_err)?;
        for (r, reason) in rejects.iter().zip(reasons) {
            let mut cells: Vec<String> = r.cells.iter().map(|c| inert(c)).collect();
            // Short rows are padded so the reason stays in its column.
            while cells.len() < headers.len() {
                cells.push(String::new());
            }
            cells.push(inert(reason));
            w.write_record(&cells).map_err(csv_err)?;
        }
        w.flush().map_err(io)?;
    }
    // Owner-only and whole or not at all, like every file with personal data.
    crate::ledger::files::write_atomically(path, |w| w.write_all(&bytes).map_err(io))
}
