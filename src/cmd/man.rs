//! `ledger man`: the manual pages, in roff: `ledger.1` on stdout, or with
//! `--dir` that page and one per subcommand (`ledger-add.1`,
//! `ledger-credit-score.1`, …), the pages `ledger.1` refers to.

use std::path::{Path, PathBuf};

use clap::{Command, CommandFactory};

use crate::cmd::Ctx;
use crate::cmd::cli::Cli;
use crate::cmd::error::Error;
use crate::cmd::msg::Text;
use crate::cmd::out::{self, OutArg, Readers};

/// Print the manual page (roff), or write every page into a folder.
///
/// `ledger.1` lists the subcommands as `ledger-add(1)` and so on; `--dir`
/// writes those pages too, so that `man ledger-add` finds one.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger man --dir /usr/local/share/man/man1    # ledger.1, ledger-add.1, …\n  ledger man > ledger.1"
)]
pub struct Args {
    /// Write ledger.1 and one page per subcommand into this folder (made if missing).
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutArg,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let Some(dir) = a.dir else {
        return a.out.run_for(ctx, Readers::Everyone, |ctx| {
            Ok(clap_mangen::Man::new(pages()).render(ctx.out)?)
        });
    };
    std::fs::create_dir_all(&dir).map_err(|source| Error::CreateDir {
        path: dir.clone(),
        source,
    })?;
    // As clap_mangen::generate_to, but through `--out`'s atomic writer,
    // each page named by the command's display name, `ledger-credit-score`.
    let mut written = 0;
    write_pages(ctx, &pages(), &dir, &mut written)?;
    let said = ctx.text(Text::ManualPagesWrittenTo);
    writeln!(ctx.err, "{written} {said} {}", dir.display())?;
    Ok(())
}

/// The command tree the pages describe: built, so that subcommands carry
/// their display names, and without clap's `help` subcommand, which has no
/// page of its own (and `ledger.1` must name none that does not exist).
fn pages() -> Command {
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    top
}

/// Writes the page of `cmd` and, depth first, of each of its subcommands.
fn write_pages(ctx: &mut Ctx, cmd: &Command, dir: &Path, pages: &mut usize) -> anyhow::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(ctx, sub, dir, pages)?;
    }
    let man = clap_mangen::Man::new(cmd.clone());
    let path = dir.join(man.get_filename());
    out::write(
        ctx,
        &path,
        Readers::Everyone,
        |ctx| Ok(man.render(ctx.out)?),
    )?;
    *pages += 1;
    Ok(())
}
