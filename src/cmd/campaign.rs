//! `ledger campaign`: the campaign's calendar — shows the phases and
//! today's, or with `set` sets a phase's dates or the ledger due date.

use serde_json::json;

use crate::cmd::msg::campaign::{Label, label};
use crate::cmd::{Ctx, FormatArg};
use crate::domain::{DateArg, Phase};
use crate::ledger::campaign::calendar;
use crate::ledger::campaign::error::Refused;
use crate::render::{self, Format, Grid};

/// The campaign calendar (四、工作步骤): its four phases, today's phase, and the day ledgers are due at the district.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger campaign set --phase deploy --from 2026-11-01 --to 2026-11-15\n  ledger campaign set --ledger-due 2026-11-20\n  ledger campaign"
)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Sub>,
    #[command(flatten)]
    format: FormatArg,
    #[command(flatten)]
    out: crate::cmd::out::OutArg,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Set a phase's dates, or the day each office's ledger is due at the district.
    #[command(
        after_help = "Examples:\n  ledger campaign set --phase rectify --from 2026-11-16 --to 2027-03-31\n  ledger campaign set --ledger-due 2026-11-20"
    )]
    Set {
        /// deploy (部署启动), rectify (集中整治), consolidate (巩固提升) or accept (总结验收).
        #[arg(long, value_name = "PHASE", requires_all = ["from", "to"])]
        phase: Option<Phase>,
        /// The phase's first day.
        #[arg(long, value_name = "DATE", requires = "phase")]
        from: Option<DateArg>,
        /// The phase's last day.
        #[arg(long, value_name = "DATE", requires = "phase")]
        to: Option<DateArg>,
        /// The day each office's ledger must reach the district.
        #[arg(long, value_name = "DATE")]
        ledger_due: Option<DateArg>,
    },
}

fn l(ctx: &Ctx, what: Label) -> &'static str {
    label(what, ctx.lang)
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    match a.command {
        Some(Sub::Set {
            phase,
            from,
            to,
            ledger_due,
        }) => set(ctx, phase.zip(from.zip(to)), ledger_due),
        None => a.out.clone().run(ctx, |c| show(c, a.format.format)),
    }
}

fn set(
    ctx: &mut Ctx,
    phase: Option<(Phase, (DateArg, DateArg))>,
    due: Option<DateArg>,
) -> anyhow::Result<()> {
    if phase.is_none() && due.is_none() {
        return Err(crate::ledger::Error::from(Refused::NothingToCalendar).into());
    }
    let mut ledger = ctx.open()?;
    let cal = ledger.calendar()?;
    ledger.write(&ctx.stamp, |w| {
        if let Some((p, (from, to))) = phase {
            calendar::set_phase(w, &cal, p, from.0, to.0)?;
        }
        if let Some(d) = due {
            calendar::set_due(w, d.0)?;
        }
        Ok(())
    })?;
    if let Some((p, (from, to))) = phase {
        let said = format!(
            "{} {} {} ~ {}",
            l(ctx, Label::PhaseSet),
            p.label(ctx.lang),
            from.0,
            to.0
        );
        writeln!(ctx.err, "{said}")?;
    }
    if let Some(d) = due {
        writeln!(ctx.err, "{} {}", l(ctx, Label::DueSet), d.0)?;
    }
    Ok(())
}

/// The calendar, today's phase marked, and the ledger due date.
fn show(ctx: &mut Ctx, format: Format) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let cal = ledger.calendar()?;
    let today = ctx.stamp.now.date_naive();
    let current = cal.phase_on(today);
    if format == Format::Json {
        let v = json!({
            "today": today, "phases": cal.phases, "ledger_due": cal.ledger_due,
            "current": current.map(|s| s.phase),
            "days_left": current.map(|s| s.days_left(today)),
        });
        render::json(ctx.out, &v)?;
        return Ok(());
    }
    if cal.phases.is_empty() && cal.ledger_due.is_none() {
        writeln!(ctx.err, "{}", l(ctx, Label::NoCalendar))?;
        return Ok(());
    }
    let mut g = Grid::new([
        l(ctx, Label::Phase),
        l(ctx, Label::From),
        l(ctx, Label::To),
        l(ctx, Label::DaysLeft),
        l(ctx, Label::Current),
    ]);
    for s in &cal.phases {
        let now = current.is_some_and(|c| c.phase == s.phase);
        g.push(vec![
            s.phase.label(ctx.lang).to_string(),
            s.from.to_string(),
            s.to.to_string(),
            if now {
                s.days_left(today).to_string()
            } else {
                String::new()
            },
            if now { "◀" } else { "" }.to_string(),
        ]);
    }
    if let Some(d) = cal.ledger_due {
        g.push(vec![
            l(ctx, Label::LedgerDue).to_string(),
            String::new(),
            d.to_string(),
            String::new(),
            String::new(),
        ]);
    }
    render::grid(ctx.out, format, ctx.style, &g, &[])?;
    Ok(())
}
