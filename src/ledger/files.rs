//! Making the files that hold personal data: owner-only, never over an
//! existing file, in a folder that exists, and gone again if not finished.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::error::Result;
use crate::refuse;

/// The folder `path` goes in ("." for a bare name); refuses a missing one.
pub fn folder_of(path: &Path) -> Result<PathBuf> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        refuse!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    Ok(dir)
}

/// Creates a new file readable and writable by its owner only (ledgers,
/// exports and backups hold complainants' personal data). Refuses an
/// existing path rather than overwrite it.
pub fn create_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    match opts.open(path) {
        Ok(f) => Ok(f),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            refuse!("{} exists already: give a new file name", path.display())
        }
        Err(e) => refuse!("cannot write {}: {e}", path.display()),
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
}
