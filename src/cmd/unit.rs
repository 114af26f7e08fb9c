//! `ledger unit add`: register a local unit.

use crate::cmd::Ctx;
use crate::cmd::msg::Text;
use crate::domain::UnitCode;

#[derive(Debug, clap::Subcommand)]
pub enum UnitCommand {
    /// Register a local unit, e.g. a community residents' committee (社区居委会).
    #[command(after_help = "Example:\n  ledger unit add SQ01 幸福里社区居委会")]
    Add {
        /// Its code: 1 to 12 letters, digits, '_' or '-'.
        code: UnitCode,
        /// Its name as tables print it.
        name: String,
    },
}

/// Register units beyond the plan's list (see `ledger catalog units`).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger unit add SQ01 幸福里社区居委会")]
pub struct Args {
    #[command(subcommand)]
    pub command: UnitCommand,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    match a.command {
        UnitCommand::Add { code, name } => {
            ledger.write(&ctx.stamp, |w| w.add_unit(&code, &name))?;
            writeln!(
                ctx.err,
                "{} {} {}",
                ctx.text(Text::UnitRegistered),
                code.0,
                name.trim()
            )?;
        }
    }
    Ok(())
}
