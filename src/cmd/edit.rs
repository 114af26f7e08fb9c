//! `ledger edit`: correct what registration recorded of a case.

use crate::cmd::Ctx;
use crate::cmd::msg::sweep::{self, SweepText};
use crate::domain::{CaseId, ProblemCode, Subject, Text};
use crate::ledger::sweep::ops::Edit;

/// Correct a case's community, summary, address, party, subject, type or key flag.
///
/// One event records each field's old and new value (shown in `show`'s
/// history, carried by the exchange). A closed case is reopened first.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger edit S07-2026-0012 --community 中海国际社区三期 --address 'A3区xx路1号'\n  ledger edit S07-2026-0013 --summary '物业停水三天' --party 鑫源物业服务有限公司 --key\n  ledger edit S07-2026-0014 --accept-suggested        # confirm the suggested problem type\n  ledger edit S07-2026-0015 --problem WY-02 --address ''   # '' clears the address"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    /// The community (小区).
    #[arg(long)]
    pub community: Option<Text>,
    /// The one-line summary.
    #[arg(long)]
    pub summary: Option<Text>,
    /// The address ('' clears it).
    #[arg(long)]
    pub address: Option<String>,
    /// The party complained about ('' clears it).
    #[arg(long)]
    pub party: Option<String>,
    /// The responsible subject.
    #[arg(long, value_parser = crate::cmd::offered::subjects(), hide_possible_values = true)]
    pub subject: Option<Subject>,
    /// The problem type (confirmed, not a suggestion).
    #[arg(long, value_name = "CODE", value_parser = crate::cmd::offered::problems(), hide_possible_values = true, conflicts_with = "accept_suggested")]
    pub problem: Option<ProblemCode>,
    /// Confirm the problem type bulk intake suggested.
    #[arg(long)]
    pub accept_suggested: bool,
    /// Mark it a key case (重点难点).
    #[arg(long, conflicts_with = "no_key")]
    pub key: bool,
    /// Take the key-case mark off.
    #[arg(long)]
    pub no_key: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let edit = Edit {
        community: a.community.map(|t| t.0),
        summary: a.summary.map(|t| t.0),
        address: a.address,
        party: a.party,
        subject: a.subject,
        problem: a.problem,
        accept_suggested: a.accept_suggested,
        key: match (a.key, a.no_key) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
    };
    let c = ledger.write(&ctx.stamp, |w| w.edit(&a.case, edit))?;
    writeln!(
        ctx.err,
        "{} {}",
        c.id,
        sweep::text(SweepText::Edited, ctx.lang)
    )?;
    Ok(())
}
