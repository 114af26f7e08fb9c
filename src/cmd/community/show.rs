//! `ledger community show`: one community, its company, committee,
//! flags and cases.

use serde_json::json;

use super::{committee, l};
use crate::cmd::msg::Text;
use crate::cmd::msg::campaign::Label;
use crate::cmd::{Ctx, FormatArg};
use crate::ledger::campaign::usage;
use crate::render::{self, Format, Grid};

/// One community: its aliases, company, owners' committee, flags and cases.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  ledger community show 幸福里")]
pub struct Args {
    /// Its name or an alias.
    name: String,
    #[command(flatten)]
    format: FormatArg,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

pub(super) fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let reg = ledger.communities()?;
    let c = reg.lookup(&ledger.office().code, &a.name)?;
    let cases = usage::cases_of(ledger.conn(), &reg, &c.office, &c.name)?;
    if a.format.format == Format::Json {
        render::json(ctx.out, &json!({"community": c, "cases": cases}))?;
        return Ok(());
    }
    let dismissal = match c.committee {
        Some(cm) if cm.functions() => l(ctx, Label::OwnersCommittee),
        _ => l(ctx, Label::ResidentsCommittee),
    };
    let mut g = Grid::new([l(ctx, Label::Field), l(ctx, Label::Value)]);
    for (k, v) in [
        (Label::Community, c.name.clone()),
        (Label::Office, c.office.clone()),
        (Label::Aliases, c.aliases.join("、")),
        (Label::Company, c.company.clone().unwrap_or_default()),
        (Label::Committee, committee(ctx, c.committee)),
        (Label::DismissedBy, dismissal.to_string()),
        (
            Label::Demonstration,
            ctx.text(if c.demonstration { Text::Yes } else { Text::No })
                .to_string(),
        ),
        (Label::Cases, cases.len().to_string()),
    ] {
        g.push(vec![l(ctx, k).to_string(), v]);
    }
    render::grid(ctx.out, a.format.format, ctx.style, &g, &[])?;
    let mut list = Grid::new([
        ctx.text(Text::CaseId),
        ctx.text(Text::CaseStatus),
        ctx.text(Text::Received),
        l(ctx, Label::TypedText),
        ctx.text(Text::CaseSummary),
    ])
    .cut(&[(4, 3)]);
    for k in &cases {
        let status = k
            .status
            .parse::<crate::domain::Status>()
            .map_or_else(|_| k.status.clone(), |s| s.label(ctx.lang).to_string());
        list.push(vec![
            k.id.clone(),
            status,
            k.received.clone(),
            k.typed.clone(),
            k.summary.clone(),
        ]);
    }
    render::grid(ctx.out, a.format.format, ctx.style, &list, &[])?;
    Ok(())
}
