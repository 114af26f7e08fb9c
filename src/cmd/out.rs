//! `--out FILE`, shared by every command that prints data: the same bytes
//! as on stdout, but written straight to a file. A clerk on Windows then
//! never redirects (`> 周报.md`), which PowerShell 5.1 re-encodes and so
//! garbles Chinese; and a job that dies leaves the old file, not half a new
//! one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::ledger::files;

/// The `--out FILE` option; flattened into a command's args.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct OutArg {
    /// Write to this file instead of the screen (put in place only once whole).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Who may read a file `--out` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// Its owner only: anything drawn from the ledger may name complainants.
    Owner,
    /// Everyone: completion scripts and manual pages hold no personal data
    /// and are read by every user's shell or `man`.
    Everyone,
}

impl OutArg {
    /// Runs `print` with its data going to stdout, or with `--out`
    /// into the file (owner-only), then says on stderr where it went.
    pub fn run<T>(
        &self,
        ctx: &mut Ctx,
        print: impl FnOnce(&mut Ctx) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        self.run_for(ctx, Readers::Owner, print)
    }

    /// As [`OutArg::run`], the file readable by `readers`.
    pub fn run_for<T>(
        &self,
        ctx: &mut Ctx,
        readers: Readers,
        print: impl FnOnce(&mut Ctx) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let Some(path) = &self.out else {
            return print(ctx);
        };
        let done = write(ctx, path, readers, print)?;
        let said = ctx.text(Text::WrittenTo);
        writeln!(ctx.err, "{said} {}", path.display())?;
        Ok(done)
    }
}

/// Writes what `print` prints into `path` through
/// [`files::write_atomically`]: a temporary file beside it, renamed over it
/// once whole, so a failed command leaves the previous file as it was.
pub fn write<T>(
    ctx: &mut Ctx,
    path: &Path,
    readers: Readers,
    print: impl FnOnce(&mut Ctx) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let done = files::write_atomically(path, |w| print(&mut ctx.with_out(w)))?;
    if readers == Readers::Everyone {
        share(path)?;
    }
    Ok(done)
}

/// Makes a file readable by every user (0644).
#[cfg(unix)]
fn share(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

/// On Windows a new file inherits its folder's access list; there is no
/// owner-only mode to undo, so nothing to do.
#[cfg(not(unix))]
fn share(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

impl Ctx<'_> {
    /// The same context printing its data into `out` (a file `--out` names).
    /// Every field but the data stream is the caller's.
    pub fn with_out<'b>(&'b mut self, out: &'b mut dyn Write) -> Ctx<'b> {
        Ctx {
            db: self.db.clone(),
            lang: self.lang,
            style: self.style,
            stamp: self.stamp.clone(),
            out,
            err: &mut *self.err,
        }
    }
}
