//! `ledger add`: register a complaint; prints its new id alone on stdout.

use crate::cli::Ctx;
use crate::domain::{Phone, ProblemCode, Source, Subject, Text, TimeArg};
use crate::ledger::ops::NewCase;

/// Register a complaint as a new case; prints its id (e.g. S07-2026-0001).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  ledger add --community 幸福里小区 --summary '物业以欠费为由停水三天' \\\n      --source hotline --ref 12345-20261103-0087 --received '2026-11-03 14:05' \\\n      --complainant 张三 --phone 13812345678 --problem WY-06 --party 某某物业公司"
)]
pub struct Args {
    /// The residential community (小区).
    #[arg(long)]
    pub community: String,
    /// One line saying what the complaint is.
    #[arg(long)]
    pub summary: Text,
    /// Where it came from: hotline, petition, patrol, visit, other.
    #[arg(long, default_value = "other")]
    pub source: Source,
    /// The source's own reference (hotline work order number, petition number).
    #[arg(long = "ref", value_name = "REF")]
    pub source_ref: Option<String>,
    /// When it was received: 2026-11-03, 2026/11/3 or '2026-11-03 14:05' (default: now).
    #[arg(long, value_name = "DATE")]
    pub received: Option<TimeArg>,
    /// Street address.
    #[arg(long)]
    pub address: Option<String>,
    /// Longer text kept beside the summary.
    #[arg(long)]
    pub details: Option<String>,
    /// Complainant's name (personal data: masked in list/show).
    #[arg(long, value_name = "NAME")]
    pub complainant: Option<String>,
    /// Complainant's phone (personal data: masked in list/show).
    #[arg(long)]
    pub phone: Option<Phone>,
    /// Responsible subject: property_company, owners_committee, developer, department.
    #[arg(long)]
    pub subject: Option<Subject>,
    /// Problem type from `ledger catalog problems`, e.g. WY-06.
    #[arg(long, value_name = "CODE")]
    pub problem: Option<ProblemCode>,
    /// The company, committee, developer or department complained about.
    #[arg(long)]
    pub party: Option<String>,
    /// A key case (重点难点) the leadership group follows.
    #[arg(long)]
    pub key: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let mut ledger = ctx.open()?;
    let offset = *ctx.stamp.now.offset();
    let new = NewCase {
        received: a.received.map(|t| t.resolve(offset)),
        source: a.source,
        source_ref: a.source_ref,
        community: a.community,
        address: a.address,
        summary: a.summary.0,
        details: a.details,
        complainant: a.complainant,
        phone: a.phone.map(|p| p.0),
        subject: a.subject,
        problem: a.problem,
        party: a.party,
        key: a.key,
        problem_suggested: false,
    };
    let id = ledger.write(&ctx.stamp, |w| w.add_case(new))?;
    writeln!(ctx.out, "{id}")?;
    Ok(())
}
