//! `ledger backup`: a consistent copy of the ledger, even while clerks write.

use std::path::PathBuf;

use crate::cmd::Ctx;
use crate::cmd::msg::Text;

/// Copy the ledger to a new file, consistently, while other processes may be writing to it.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger backup --to /mnt/usb/S07-$(date +%F).db && ledger --db /mnt/usb/S07-$(date +%F).db check"
)]
pub struct Args {
    /// The copy to make (must not exist yet).
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    ledger.backup(&a.to)?;
    writeln!(
        ctx.err,
        "{} {} → {}",
        ctx.text(Text::BackedUp),
        ctx.db.display(),
        a.to.display()
    )?;
    Ok(())
}
