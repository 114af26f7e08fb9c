//! `ledger community add`: register a community of this office.

use super::l;
use crate::cmd::Ctx;
use crate::cmd::msg::campaign::Label;
use crate::domain::Committee;
use crate::ledger::campaign::community::{self, NewCommunity};

/// Register a community under its canonical name.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger community add 幸福里小区 --alias 幸福里 --alias 幸福里社区 --company 91440300708461136T --committee formed --demonstration"
)]
pub struct Args {
    /// The canonical name (cases typed with it or an alias are counted under it).
    name: String,
    /// Another spelling cases use (repeat the flag for several).
    #[arg(long = "alias", value_name = "TEXT")]
    aliases: Vec<String>,
    /// The managing company: its registered name or credit code.
    #[arg(long, value_name = "NAME|USCC")]
    company: Option<String>,
    /// The owners' committee: formed, none, expired (overdue for re-election) or proxy (the residents' committee acts).
    #[arg(long, value_name = "formed|none|expired|proxy")]
    committee: Option<Committee>,
    /// One of the campaign's demonstration communities (示范小区).
    #[arg(long)]
    demonstration: bool,
}

pub(super) fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let reg = ledger.communities()?;
    let name = a.name.trim().to_string();
    ledger.write(&ctx.stamp, |w| {
        community::add(
            w,
            &reg,
            NewCommunity {
                name: a.name,
                aliases: a.aliases,
                company: a.company,
                committee: a.committee,
                demonstration: a.demonstration,
            },
        )
    })?;
    writeln!(ctx.err, "{} {name}", l(ctx, Label::CommunityRegistered))?;
    Ok(())
}
