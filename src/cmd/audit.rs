//! `ledger audit`: every use of `--show-pii` on this ledger file, and the
//! one way `list` and `show` record one before they show anything.

use crate::cmd::msg::Text;
use crate::cmd::{Ctx, FormatArg};
use crate::ledger::Ledger;
use crate::render::{self, Format, Grid};

/// List who saw personal data unmasked (`--show-pii`): when, who (LEDGER_USER), the command, the cases.
///
/// Each use is recorded in this ledger file before the data are shown; the
/// record is not exported.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  ledger audit\n  ledger audit --format csv > 查看记录.csv")]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let uses = ledger.disclosures()?;
    if a.format.format == Format::Json {
        return Ok(render::json(ctx.out, &uses)?);
    }
    if uses.is_empty() && a.format.format == Format::Table {
        writeln!(ctx.err, "{}", ctx.text(Text::NoDisclosures))?;
        return Ok(());
    }
    let mut grid = Grid::new([
        ctx.text(Text::When),
        ctx.text(Text::User),
        ctx.text(Text::CommandLine),
        ctx.text(Text::Cases),
    ]);
    for u in uses {
        // A table shows a few ids and the count; CSV has them all.
        let cases = if a.format.format == Format::Table && u.cases.len() > 3 {
            format!("{} … ({})", u.cases[..3].join(" "), u.cases.len())
        } else {
            u.cases.join(" ")
        };
        grid.push(vec![u.at, u.user, u.command, cases]);
    }
    render::grid(
        ctx.out,
        a.format.format,
        ctx.style,
        &grid,
        &["at", "user", "command", "cases"],
    )?;
    Ok(())
}

/// Records a use of `--show-pii` on `cases` by the command being run:
/// called before the data are printed, so a use that cannot be recorded
/// shows nothing.
pub fn disclose(ctx: &Ctx, ledger: &Ledger, cases: &[String]) -> anyhow::Result<()> {
    let command: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    ledger.record_disclosure(&ctx.stamp, &command.join(" "), cases)?;
    Ok(())
}
