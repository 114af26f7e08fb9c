//! `ledger community set`: change a community this office registered.

use super::l;
use crate::cmd::Ctx;
use crate::cmd::msg::campaign::Label;
use crate::domain::Committee;
use crate::ledger::campaign::community::{self, Change};

/// Add aliases to a community, or change its company, committee or demonstration flag.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger community set 幸福里小区 --alias 幸福里社区 --committee expired --demonstration"
)]
pub struct Args {
    /// Its name or an alias.
    name: String,
    /// Another spelling cases use (repeat the flag for several).
    #[arg(long = "alias", value_name = "TEXT")]
    aliases: Vec<String>,
    /// The managing company: its registered name or credit code.
    #[arg(long, value_name = "NAME|USCC")]
    company: Option<String>,
    /// The owners' committee: formed, none, expired or proxy.
    #[arg(long, value_name = "formed|none|expired|proxy")]
    committee: Option<Committee>,
    /// Make it a demonstration community.
    #[arg(long, conflicts_with = "no_demonstration")]
    demonstration: bool,
    /// It is no longer a demonstration community.
    #[arg(long)]
    no_demonstration: bool,
}

pub(super) fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let reg = ledger.communities()?;
    let demonstration = match (a.demonstration, a.no_demonstration) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let name = ledger.write(&ctx.stamp, |w| {
        community::set(
            w,
            &reg,
            Change {
                name: a.name,
                aliases: a.aliases,
                company: a.company,
                committee: a.committee,
                demonstration,
            },
        )
    })?;
    writeln!(ctx.err, "{} {name}", l(ctx, Label::CommunityChanged))?;
    Ok(())
}
