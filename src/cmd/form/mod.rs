//! `ledger form`: the patrol forms (三联单, 实施方案 五.(二)) of a case as
//! printable pages — the record (记录表), the dissuasion notice (劝阻通知书)
//! and the report (报告书) — filled from the case, or blank.

mod html;
pub mod patrol;

use chrono::DateTime;

use crate::cmd::Ctx;
use crate::domain::{CaseId, Source};
use crate::ledger::campaign::patrol::FormData;
use html::Fill;

/// Which of the three forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// 住宅小区违规行为巡查、劝阻和报告处置记录表
    Record,
    /// 违规行为劝阻通知书
    Notice,
    /// 违规行为报告书
    Report,
}

/// A patrol form (三联单) of a case as a printable page (HTML, A4, Chinese): the record, the dissuasion notice or the report.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger form S07-2026-0002 --kind record --out 记录表.html\n  ledger form S07-2026-0002 --kind notice --out 劝阻通知书.html\n  ledger form --kind report --blank --out 报告书.html\n\nOpen the file in a browser and print it (A4)."
)]
pub struct Args {
    /// The case the form is filled from.
    #[arg(required_unless_present = "blank")]
    case: Option<CaseId>,
    /// record (记录表), notice (劝阻通知书) or report (报告书).
    #[arg(long, value_enum, value_name = "record|notice|report")]
    kind: Kind,
    /// An empty form, to fill in by hand.
    #[arg(long, conflicts_with = "case")]
    blank: bool,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let fill = match &a.case {
        Some(id) => filled(ctx.open()?.form_data(&id.to_string())?),
        None => Fill::default(),
    };
    let page = match a.kind {
        Kind::Record => html::record(&fill),
        Kind::Notice => html::notice(&fill),
        Kind::Report => html::report(&fill),
    };
    a.out
        .clone()
        .run(ctx, |c| Ok(c.out.write_all(page.as_bytes())?))
}

/// A stored time as the forms write it: `2026年11月20日 09:30`.
fn when(t: &str) -> String {
    DateTime::parse_from_rfc3339(t).map_or_else(
        |_| t.to_string(),
        |d| d.format("%Y年%m月%d日 %H:%M").to_string(),
    )
}

/// The form's values from the case: what a patrol recorded, else what
/// the case holds (a patrol case was received when it was found; it was
/// reported to the unit it was forwarded to).
fn filled(d: FormData) -> Fill {
    let p = d.patrol.unwrap_or_default();
    let c = d.case;
    let found_at = p
        .found_at
        .or_else(|| (c.source == Source::Patrol).then(|| c.received_at.clone()));
    let violation = match &c.details {
        Some(more) => format!("{}\n{more}", c.summary),
        None => c.summary.clone(),
    };
    let reported_to = p.reported_to.or_else(|| {
        d.unit_name
            .map(|u| format!("{} {u}", d.office_name))
            .or(Some(d.office_name))
    });
    Fill {
        number: Some(c.id),
        community: Some(d.community),
        company: d.company,
        place: c.address,
        found_at: found_at.as_deref().map(when),
        found_by: p.found_by,
        violation: Some(violation),
        dissuasion: p.dissuasion,
        reported_to,
        outcome: c.resolution,
    }
}
