//! `report`'s campaign parts (issue 16): the headline's phase, backlog,
//! new complaints and demonstration communities; `--by phase`; and
//! `--acceptance`, the acceptance check per office.

use crate::cmd::Ctx;
use crate::cmd::msg::campaign::{Label, label};
use crate::ledger::Ledger;
use crate::ledger::report::Report;
use crate::render::{self, Format, Grid};

fn l(ctx: &Ctx, what: Label) -> &'static str {
    label(what, ctx.lang)
}

fn pct(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

/// The campaign's headline figures: (stable key, label, value as a table
/// shows it, value as CSV gives it), after the report's own.
pub(crate) fn figures(ctx: &Ctx, r: &Report) -> Vec<(String, String, String, String)> {
    let Some(c) = &r.campaign else {
        return Vec::new();
    };
    let mut v = Vec::new();
    let mut push = |key: &str, what: Label, shown: String, csv: String| {
        v.push((key.to_string(), l(ctx, what).to_string(), shown, csv));
    };
    if let Some(p) = c.phase {
        push(
            "campaign.phase",
            Label::CurrentPhase,
            p.label(ctx.lang).into(),
            p.code().into(),
        );
    }
    if let Some(d) = c.days_left {
        push(
            "campaign.days_left",
            Label::PhaseDaysLeft,
            d.to_string(),
            d.to_string(),
        );
    }
    if c.start.is_some() {
        for (key, what, rate_what, s) in [
            ("backlog", Label::Backlog, Label::BacklogRate, &c.backlog),
            ("new", Label::New, Label::NewRate, &c.new),
        ] {
            let n = s.total.to_string();
            push(&format!("campaign.{key}"), what, n.clone(), n);
            push(
                &format!("campaign.{key}_closure_rate"),
                rate_what,
                pct(s.closure_rate),
                s.closure_rate.to_string(),
            );
        }
    }
    let d = &c.demonstration;
    push(
        "campaign.demonstration",
        Label::DemonstrationTarget,
        format!("{}/{}", d.count, d.target),
        d.count.to_string(),
    );
    v
}

/// New and closed cases per phase (`--by phase`).
pub(crate) fn phases(ctx: &Ctx, r: &Report, csv: bool) -> Grid {
    let mut g = if csv {
        Grid::new(["phase", "from", "to", "new", "closed"])
    } else {
        Grid::new([
            l(ctx, Label::Phase),
            l(ctx, Label::From),
            l(ctx, Label::To),
            l(ctx, Label::PhaseNew),
            l(ctx, Label::PhaseClosed),
        ])
    };
    for p in r.campaign.iter().flat_map(|c| &c.phases) {
        g.push(vec![
            if csv {
                p.phase.code()
            } else {
                p.phase.label(ctx.lang)
            }
            .to_string(),
            p.from.clone(),
            p.to.clone(),
            p.new.to_string(),
            p.closed.to_string(),
        ]);
    }
    g
}

/// `report --acceptance`: one row per office.
pub(crate) fn acceptance(ctx: &mut Ctx, ledger: &Ledger, format: Format) -> anyhow::Result<()> {
    let a = ledger.acceptance(&ctx.today())?;
    if format == Format::Json {
        render::json(ctx.out, &a)?;
        return Ok(());
    }
    let csv = format == Format::Csv;
    let mut g = if csv {
        Grid::new([
            "office",
            "name",
            "total",
            "closed",
            "closure_rate",
            "overdue",
            "deferred",
            "key_open",
            "first_merged",
            "on_time",
        ])
    } else {
        Grid::new([
            l(ctx, Label::Office),
            l(ctx, Label::Total),
            l(ctx, Label::Closed),
            l(ctx, Label::ClosureRate),
            l(ctx, Label::Overdue),
            l(ctx, Label::DeferredWithPlan),
            l(ctx, Label::KeyOpen),
            l(ctx, Label::FirstMerged),
            l(ctx, Label::ReachedInTime),
        ])
    };
    for o in &a.offices {
        let mut row = if csv {
            vec![o.office.clone(), o.name.clone()]
        } else {
            vec![format!("{} {}", o.office, o.name)]
        };
        row.extend([
            o.total.to_string(),
            o.closed.to_string(),
            if csv {
                o.closure_rate.to_string()
            } else {
                pct(o.closure_rate)
            },
            o.overdue.to_string(),
            o.deferred.to_string(),
            o.key_open.to_string(),
            o.first_merged.clone().unwrap_or_default(),
        ]);
        row.push(match (o.on_time, csv) {
            (None, _) => String::new(),
            (Some(t), true) => t.to_string(),
            (Some(true), false) => l(ctx, Label::OnTime).to_string(),
            (Some(false), false) => l(ctx, Label::Late).to_string(),
        });
        g.push(row);
    }
    if format == Format::Csv {
        render::csv(ctx.out, &g)?;
        return Ok(());
    }
    let due = a.ledger_due.as_deref().unwrap_or("");
    let title = format!(
        "{} {} — {} {due}",
        ledger.office().name,
        l(ctx, Label::AcceptanceTitle),
        l(ctx, Label::LedgerDue)
    );
    if format == Format::Md {
        writeln!(ctx.out, "# {title}\n")?;
        render::md(ctx.out, &g)?;
    } else {
        writeln!(ctx.out, "{title}")?;
        render::table(ctx.out, &g, ctx.style)?;
    }
    Ok(())
}
