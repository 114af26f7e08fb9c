//! `ledger community`: the community register (小区), one file per
//! subcommand.

mod add;
mod list;
mod set;
mod show;
mod unmatched;

use crate::cmd::Ctx;
use crate::cmd::msg::campaign::{Label, label};
use crate::domain::Committee;

/// The community register (小区): canonical names and aliases, managing company, owners' committee, demonstration communities.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger community add 幸福里小区 --alias 幸福里 --company 鑫源物业服务有限公司 --committee formed\n  ledger community set 幸福里小区 --alias 幸福里社区 --demonstration\n  ledger community list\n  ledger community show 幸福里\n  ledger community unmatched"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: CommunityCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum CommunityCommand {
    Add(add::Args),
    Set(set::Args),
    List(list::Args),
    Show(show::Args),
    Unmatched(unmatched::Args),
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    match a.command {
        CommunityCommand::Add(a) => add::run(ctx, a),
        CommunityCommand::Set(a) => set::run(ctx, a),
        CommunityCommand::List(a) => a.out.clone().run(ctx, |c| list::run(c, a)),
        CommunityCommand::Show(a) => a.out.clone().run(ctx, |c| show::run(c, a)),
        CommunityCommand::Unmatched(a) => a.out.clone().run(ctx, |c| unmatched::run(c, a)),
    }
}

/// The phrase in the user's language.
fn l(ctx: &Ctx, what: Label) -> &'static str {
    label(what, ctx.lang)
}

/// A committee status as tables show it (empty when not recorded).
fn committee(ctx: &Ctx, c: Option<Committee>) -> String {
    c.map(|c| c.label(ctx.lang).to_string()).unwrap_or_default()
}
