//! `report --format xlsx|html`: the paper of the reports, the case lists
//! behind its figures, drawn as a workbook or a page. The one place that
//! calls the builders and the drawers, so they never call each other.

use super::paper::paper;
use super::{Output, cases, html, xlsx};
use crate::cmd::Ctx;
use crate::cmd::error::Error;
use crate::cmd::report;
use crate::ledger::Ledger;
use crate::ledger::flags::period::Period;
use crate::ledger::report::Report;

/// `report --format xlsx|html`: the reports (one per `--by`, the first
/// with the trend) and the cases behind the figures, into `--out` (or,
/// for a page, to stdout).
pub fn report_file(
    ctx: &mut Ctx,
    ledger: &Ledger,
    reports: &[Report],
    period: &Period,
    a: &report::Args,
) -> anyhow::Result<()> {
    if a.format == Output::Xlsx && a.out.out.is_none() {
        return Err(Error::NeedsOut { format: "xlsx" }.into());
    }
    let cap = match a.format {
        Output::Xlsx => cases::CAP,
        _ => html::PAGE_CAP,
    };
    let mut paper = paper(ctx, ledger, reports)?;
    paper
        .tables
        .extend(cases::report_lists(ctx, ledger, period, &reports[0], cap)?);
    let bytes = match a.format {
        Output::Xlsx => xlsx::report(&paper).map_err(cases::workbook)?,
        _ => html::page(&paper).into_bytes(),
    };
    // `--out` is the command's own (`cmd::dispatch`): ctx.out is the file.
    Ok(ctx.out.write_all(&bytes)?)
}
