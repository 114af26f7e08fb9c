//! The limits a file handed to `add --from` is read within, so that no
//! file — a damaged export or one made to hurt — can crash the tool or eat
//! the machine's memory (peak RSS stays under 256 MB whatever the file).
//!
//! | what                              | limit | over it |
//! |-----------------------------------|-------|---------|
//! | the file                          | 64 MiB | refused before it is parsed |
//! | parts of a workbook (a zip)       | 10,000 | refused |
//! | one part, decompressed            | 64 MiB | refused (a zip bomb, a huge shared string) |
//! | all parts together, decompressed  | 256 MiB | refused |
//! | a sheet's cells, counting the gaps up to each row's last cell | 2,000,000 | refused |
//! | header columns                    | 1,000 | refused; a data cell further right makes its row too long |
//! | a header cell                     | 200 characters | refused: it is no header |
//! | a data cell                       | 32,767 characters (Excel's own limit) | the row is turned away |
//! | a line of a CSV file              | 4 MiB | refused before parsing (the CSV parser would hold it whole) |
//!
//! Decompressed sizes are measured by decompressing, not read from the
//! zip's directory, which a forged file can make lie. A sheet is read cell
//! by cell (not as calamine's dense range, which one cell at `XFD1048576`
//! makes a 512 GiB allocation), rows kept sparse.

use std::io::Read;

use super::error::{Error, Result};

pub const MAX_FILE: u64 = 64 << 20;
pub const MAX_PARTS: usize = 10_000;
pub const MAX_PART: u64 = 64 << 20;
pub const MAX_UNZIPPED: u64 = 256 << 20;
pub const MAX_CELLS: usize = 2_000_000;
pub const MAX_COLUMNS: usize = 1_000;
pub const MAX_HEADER_CHARS: usize = 200;
pub const MAX_CELL_CHARS: usize = 32_767;
pub const MAX_LINE: usize = 4 << 20;

/// The first line (1-based) of a CSV file longer than [`MAX_LINE`] bytes.
pub fn overlong_line(bytes: &[u8]) -> Option<u64> {
    bytes
        .split(|b| *b == b'\n')
        .position(|l| l.len() > MAX_LINE)
        .map(|i| i as u64 + 1)
}

/// The file's bytes, or a refusal if there are more than [`MAX_FILE`] (read
/// through a cap, so a device or a growing file costs no more).
pub fn read_capped(file: &str, mut src: impl Read, size: Option<u64>) -> Result<Vec<u8>> {
    // A regular file says its size: one over the limit is not read at all,
    // and one within it is read into a buffer of its size, not doubled.
    if size.is_some_and(|n| n > MAX_FILE) {
        return Err(Error::FileTooBig {
            file: file.to_string(),
            max: MAX_FILE,
        });
    }
    let mut bytes = Vec::with_capacity(size.unwrap_or(0) as usize + 1);
    (&mut src)
        .take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::CannotRead {
            file: file.to_string(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(Error::FileTooBig {
            file: file.to_string(),
            max: MAX_FILE,
        });
    }
    Ok(bytes)
}

/// Checks a zip-based workbook's parts against the limits by decompressing
/// each into nothing, before calamine reads any of it. A file that is not a
/// zip passes: calamine says what it is.
pub fn check_zip(file: &str, bytes: &[u8]) -> Result<()> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    if zip.len() > MAX_PARTS {
        return Err(Error::TooManyParts {
            file: file.to_string(),
            parts: zip.len(),
            max: MAX_PARTS,
        });
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        // A part that cannot be opened is calamine's to report, if it
        // needs the part at all.
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let size =
            std::io::copy(&mut (&mut part).take(MAX_PART + 1), &mut std::io::sink()).unwrap_or(0);
        if size > MAX_PART {
            return Err(Error::PartTooBig {
                file: file.to_string(),
                part: crate::text::clip(&name, 60),
                max: MAX_PART,
            });
        }
        total += size;
        if total > MAX_UNZIPPED {
            return Err(Error::UnzipsTooBig {
                file: file.to_string(),
                max: MAX_UNZIPPED,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capped_read_refuses_what_is_over_the_limit() {
        let e = read_capped("zero", std::io::repeat(0), None).unwrap_err();
        assert!(matches!(e, Error::FileTooBig { .. }), "{e:?}");
        let e = read_capped("big", &b""[..], Some(MAX_FILE + 1)).unwrap_err();
        assert!(matches!(e, Error::FileTooBig { .. }), "{e:?}");
        assert_eq!(read_capped("f", &b"abc"[..], Some(3)).unwrap(), b"abc");
    }

    #[test]
    fn a_part_that_unzips_past_the_limit_is_refused() {
        use std::io::Write;
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/sharedStrings.xml", opts).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..=(MAX_PART >> 20) {
            z.write_all(&chunk).unwrap();
        }
        z.finish().unwrap();
        let bytes = buf.into_inner();
        assert!(bytes.len() < 1 << 20, "a bomb is small: {}", bytes.len());
        let e = check_zip("bomb.xlsx", &bytes).unwrap_err();
        assert!(
            matches!(&e, Error::PartTooBig { part, .. } if part == "xl/sharedStrings.xml"),
            "{e:?}"
        );
    }
}
