//! How the units' loop (issue 15) shows in `list` and `show`: its events
//! in a case's history, its fields and its flags.

use crate::cmd::Ctx;
use crate::cmd::msg::loop_text::LoopText as L;
use crate::cmd::msg::{self, Text};
use crate::domain::Lang;
use crate::ledger::event::Kind;
use crate::ledger::{CaseState, Event, Ledger};

fn t(ctx: &Ctx, l: L) -> &'static str {
    ctx.text(Text::Loop(l))
}

/// A loop event's kind as a clerk says it.
pub fn kind_label(ctx: &Ctx, kind: Kind) -> Option<&'static str> {
    Some(t(
        ctx,
        match kind {
            Kind::CaseAck => L::EventAck,
            Kind::CaseReturn => L::EventReturn,
            Kind::CaseExtend => L::EventExtend,
            Kind::CaseExtendDecision => L::EventExtendDecision,
            Kind::CaseSupervise => L::EventSupervise,
            Kind::CaseVisit => L::EventVisit,
            _ => return None,
        },
    ))
}

/// One line saying what a loop event did (`None`: not a loop event).
pub fn describe(ctx: &Ctx, ledger: &Ledger, ev: &Event) -> anyhow::Result<Option<String>> {
    Ok(Some(match ev {
        Event::CaseAck(a) => a.by.clone().unwrap_or_default(),
        Event::CaseReturn(r) => {
            let unit = match ledger.unit(&r.unit)? {
                Some(u) => format!("{} {}", u.code, u.name),
                None => r.unit.clone(),
            };
            format!("{} {unit}: {}", t(ctx, L::ReturnedBy), r.reason)
        }
        Event::CaseExtend(x) => format!("→ {}: {}", x.until, x.reason),
        Event::CaseExtendDecision(d) => {
            let said = if d.approved {
                L::Approved
            } else {
                L::NotApproved
            };
            let mut s = format!("{} {}", t(ctx, said), d.until);
            if let Some(r) = &d.reason {
                s.push_str(&format!(": {r}"));
            }
            s
        }
        Event::CaseSupervise(s) => match &s.due {
            Some(d) => format!("{} ({} {d})", s.note, t(ctx, L::SuperviseBy)),
            None => s.note.clone(),
        },
        Event::CaseVisit(v) => {
            let mut s = v.satisfaction.label(ctx.lang).to_string();
            if let Some(n) = &v.note {
                s.push_str(&format!(": {n}"));
            }
            if v.reopen {
                s.push_str(&format!(" ({})", ctx.text(Text::EventReopened)));
            }
            s
        }
        _ => return Ok(None),
    }))
}

/// The loop's rows of `show`'s field table: (key, text), empty ones left
/// out.
pub fn fields(ctx: &Ctx, c: &CaseState) -> Vec<(&'static str, String)> {
    let w = &c.work;
    let short = |s: &Option<String>| s.as_deref().map(crate::cmd::msg::shown::short_time);
    let count = |n: i64| (n > 0).then(|| n.to_string());
    let rows = [
        ("co_units", Some(w.co_units.join(", "))),
        ("acknowledged_at", short(&w.acked_at)),
        ("acknowledged_by", w.acked_by.clone()),
        ("returned_by", Some(w.returned_by.join(", "))),
        ("extension_until", w.extension_until.clone()),
        ("extensions_asked", count(w.extensions_asked)),
        ("extensions_approved", count(w.extensions_approved)),
        ("supervisions", count(w.supervisions)),
        ("supervise_due", w.supervise_due.clone()),
        ("visited_at", short(&w.visited_at)),
        (
            "satisfaction",
            w.satisfaction.map(|s| s.label(ctx.lang).to_string()),
        ),
    ];
    rows.into_iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)))
        .collect()
}

/// The loop's flags for the flags column: supervised, acknowledged late,
/// closed late, plan overdue, not called back.
pub fn flags(ctx: &Ctx, c: &CaseState, today: &str) -> Vec<&'static str> {
    let mut f = Vec::new();
    if c.work.supervisions > 0 {
        f.push(t(ctx, L::EventSupervise));
    }
    if c.ack_late() {
        f.push(t(ctx, L::AckLate));
    }
    if c.closed_late() {
        f.push(t(ctx, L::ClosedLate));
    }
    if c.plan_overdue(today) {
        f.push(t(ctx, L::PlanOverdue));
    }
    if c.unvisited() {
        f.push(t(ctx, L::Unvisited));
    }
    f
}

/// Labels of the loop's fields ("" for a key that is not one).
pub fn field_label(lang: Lang, key: &str) -> &'static str {
    let l = match key {
        "co_units" => L::CoUnits,
        "acknowledged_at" => L::AckedAt,
        "acknowledged_by" => L::AckedBy,
        "ack_late" => L::AckLate,
        "returned_by" => L::ReturnedUnits,
        "extension_until" => L::ExtensionUntil,
        "extensions_asked" => L::ExtensionsAsked,
        "extensions_approved" => L::ExtensionsApproved,
        "supervisions" => L::Supervisions,
        "supervise_due" => L::SuperviseDue,
        "closed_late" => L::ClosedLate,
        "visited_at" => L::VisitedAt,
        "satisfaction" => L::Satisfaction,
        "plan_overdue" => L::PlanOverdue,
        "unvisited" => L::Unvisited,
        _ => return "",
    };
    msg::text(Text::Loop(l), lang)
}
