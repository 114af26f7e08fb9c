//! The one place files are made and opened: personal data goes only into
//! owner-only files, never over an existing file, in a folder that exists,
//! written whole or not at all.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::error::{Error, Refusal, Result};
use crate::ledger::error::refuse;

/// The folder `path` goes in ("." for a bare name); refuses a missing one.
pub fn folder_of(path: &Path) -> Result<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        refuse!(Refusal::NoFolder {
            path: path.to_path_buf(),
            dir,
        });
    }
    Ok(dir)
}

/// Creates a new file readable and writable by its owner only (ledgers,
/// exports and backups hold complainants' personal data). Refuses an
/// existing path rather than overwrite it.
pub fn create_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    // Windows has no mode bits: the file inherits its folder's access list
    // (a user's own folders are private to them by default).
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    match opts.open(path) {
        Ok(f) => Ok(f),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            refuse!(Refusal::FileExists(path.to_path_buf()))
        }
        Err(e) => refuse!(Refusal::CannotWrite {
            path: path.to_path_buf(),
            why: e.to_string(),
        }),
    }
}

/// Writes `path` through a temporary owner-only file in the same folder,
/// synced, then renamed over it: a job that dies leaves no half file, and a
/// reader never sees one.
pub fn write_atomically<T, E: From<Error>>(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    let dir = folder_of(path)?;
    let Some(name) = path.file_name() else {
        return Err(Error::from(Refusal::NotAFileName(path.to_path_buf())).into());
    };
    overwritable(path)?;
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    remove_orphans(&dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    let result = (|| {
        let mut w = BufWriter::new(create_private(&tmp)?);
        let out = f(&mut w)?;
        let file = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        file.sync_all().map_err(Error::Io)?;
        if let Err(e) = std::fs::rename(&tmp, path) {
            return Err(Error::from(Refusal::CannotMove {
                path: path.to_path_buf(),
                why: e.to_string(),
            })
            .into());
        }
        Ok(out)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files of earlier writes of the same file whose
/// process is gone (killed mid-write: a cron job's SIGKILL, a power cut
/// cannot even get here). They hold personal data and nothing else would
/// ever remove them. On Windows a process's id cannot be asked about as
/// cheaply, so they are left there.
fn remove_orphans(dir: &Path, prefix: &str) {
    #[cfg(unix)]
    {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .and_then(|n| n.strip_prefix(prefix))
                .and_then(|p| p.parse::<libc::pid_t>().ok())
            else {
                continue;
            };
            // kill(pid, 0) sends nothing: it asks whether the process exists.
            let gone = unsafe { libc::kill(pid, 0) } == -1
                && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
            if gone {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, prefix);
}

/// What `--out` may replace: nothing, or a regular file that is not a
/// ledger. Renaming over a device (`/dev/full` as root) would replace the
/// device node, and over a ledger (`export --out s1.db` typed for
/// `--db s1.db`) would lose it.
fn overwritable(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Ok(());
    }
    if !meta.is_file() {
        refuse!(Refusal::NotAFile(path.to_path_buf()));
    }
    let mut head = [0u8; 16];
    let is_ledger = File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && &head == b"SQLite format 3\0";
    if is_ledger {
        refuse!(Refusal::WouldOverwriteLedger(path.to_path_buf()));
    }
    Ok(())
}

/// Opens a file to read (an exchange file, a spreadsheet to import),
/// refusing with its name when it cannot be read.
pub fn open_to_read(path: &Path) -> Result<BufReader<File>> {
    match File::open(path) {
        Ok(f) => Ok(BufReader::with_capacity(1 << 16, f)),
        Err(e) => {
            Err(Error::from(Refusal::CannotRead(e.to_string()))
                .in_file(&path.display().to_string()))
        }
    }
}

/// Removes a database file this process made and could not finish, with
/// SQLite's rollback journal beside it.
pub fn discard(path: &Path) {
    let _ = std::fs::remove_file(path);
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    let _ = std::fs::remove_file(journal);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discard_removes_the_file_and_its_journal_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["ledger.db", "office-file"] {
            let path = dir.path().join(name);
            create_private(&path).unwrap();
            std::fs::write(dir.path().join(format!("{name}-journal")), b"j").unwrap();
            assert!(
                create_private(&path).is_err(),
                "never over an existing file"
            );
            discard(&path);
            assert!(!path.exists());
            assert!(!dir.path().join(format!("{name}-journal")).exists());
        }
        assert!(folder_of(&dir.path().join("no/such/x.db")).is_err());
        assert_eq!(folder_of(Path::new("x.db")).unwrap(), PathBuf::from("."));
    }

    #[test]
    fn an_atomic_write_is_owner_only_and_leaves_nothing_when_it_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomically::<_, Error>(&path, |w| Ok(w.write_all(b"a,b\n")?)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"a,b\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let failed: Result<()> = write_atomically(&path, |w| {
            w.write_all(b"half")?;
            Err(Error::from(Refusal::EmptyFile))
        });
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"a,b\n",
            "the old file stays"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }
}
