//! `ledger show`: one case with its whole history, oldest first.

use serde_json::{Value, json};

use crate::cmd::msg::Text;
use crate::cmd::msg::campaign::{Label, label as campaign_label};
use crate::cmd::msg::sweep::{self, SweepText};
use crate::cmd::view::{self, CaseView, field_label, short_time};
use crate::cmd::{Ctx, FormatArg};
use crate::domain::{CaseId, Outcome};
use crate::ledger::event::Kind;
use crate::ledger::{CaseState, Event, EventRecord, Ledger};
use crate::pii::{self, Personal};
use crate::render::{self, Format, Grid};

/// Show one case and its whole history (who, what, when), oldest first.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  ledger show S07-2026-0001\n  ledger show s07-2026-1 --format json --show-pii"
)]
pub struct Args {
    /// The case id.
    pub case: CaseId,
    #[command(flatten)]
    pub format: FormatArg,
    #[command(flatten)]
    pub out: crate::cmd::out::OutArg,
    /// Show names, phones and addresses unmasked (each use is recorded: `ledger audit`).
    #[arg(long)]
    pub show_pii: bool,
}

pub fn run(ctx: &mut Ctx, a: Args) -> anyhow::Result<()> {
    let ledger = ctx.open()?;
    let id = a.case.to_string();
    let Some(case) = ledger.case(&id)? else {
        return Err(crate::cmd::error::Error::NoCase { id }.into());
    };
    let events = ledger.events_for(&id)?;
    let today = ctx.today();
    let repeat = ledger.is_repeat(&id)?;
    if a.show_pii {
        crate::cmd::audit::disclose(ctx, &ledger, std::slice::from_ref(&id))?;
    }
    let v = CaseView::new(&case, &today, a.show_pii, repeat);
    match a.format.format {
        Format::Json => {
            let evs: Vec<Value> = events
                .iter()
                .map(|r| event_json(r, a.show_pii))
                .collect::<anyhow::Result<_>>()?;
            let case = v.with_links(&case);
            render::json(ctx.out, &json!({"case": case, "events": evs}))?;
        }
        Format::Csv => {
            let mut grid = Grid::new(["origin", "seq", "at", "actor", "kind", "description"]);
            for r in &events {
                grid.push(vec![
                    r.origin.clone(),
                    r.seq.to_string(),
                    r.at.clone(),
                    r.actor.clone(),
                    r.kind.clone(),
                    describe(ctx, &ledger, r, a.show_pii)?,
                ]);
            }
            render::csv(ctx.out, &grid)?;
        }
        Format::Table | Format::Md => {
            let shown = Shown {
                ledger: &ledger,
                case: &case,
                view: &v,
                flags: view::flags(ctx, &case, &today, repeat),
            };
            let fields = fields(ctx, &shown)?;
            let history = history(ctx, &ledger, &events, a.show_pii)?;
            if a.format.format == Format::Md {
                writeln!(ctx.out, "## {}\n", case.id)?;
                render::md(ctx.out, &fields)?;
                writeln!(ctx.out)?;
                render::md(ctx.out, &history)?;
            } else {
                render::table(ctx.out, &fields, ctx.style)?;
                render::table(ctx.out, &history, ctx.style)?;
            }
        }
    }
    Ok(())
}

/// What the field table shows of a case.
struct Shown<'a> {
    ledger: &'a Ledger,
    case: &'a CaseState,
    view: &'a CaseView,
    flags: String,
}

/// The case's fields as a two-column table: codes as labels, times short,
/// empty fields left out.
fn fields(ctx: &Ctx, s: &Shown) -> anyhow::Result<Grid> {
    let (case, lang) = (s.case, ctx.lang);
    let value = serde_json::to_value(s.view)?;
    let problem = problem_text(s.ledger, case.problem.as_deref())?.map(|p| {
        if case.problem_suggested {
            format!("{p} {}", ctx.text(Text::SuggestedToConfirm))
        } else {
            p
        }
    });
    let mut grid = Grid::new([ctx.text(Text::Field), ctx.text(Text::Value)]);
    let loop_fields = crate::cmd::view_loop::fields(ctx, case);
    for (key, shown) in [
        ("id", None),
        ("status", Some(case.status.label(lang).to_string())),
        ("received_at", Some(short_time(&case.received_at))),
        ("source", Some(case.source.label(lang).to_string())),
        ("source_ref", None),
        ("community", None),
        ("address", None),
        ("summary", None),
        ("details", None),
        ("complainant", None),
        ("phone", None),
        ("subject", case.subject.map(|x| x.label(lang).to_string())),
        ("problem", problem),
        ("party", None),
        ("unit", unit_text(s.ledger, case.unit.as_deref())?),
        ("due", None),
        ("plan", None),
        ("defer_until", None),
        ("result", case.result.map(|r| r.label(lang).to_string())),
        ("resolution", None),
        ("duplicate_of", None),
        ("closed_at", case.closed_at.as_deref().map(short_time)),
    ]
    .into_iter()
    .chain(loop_fields.into_iter().map(|(k, v)| (k, Some(v))))
    .chain([
        ("flags", Some(s.flags.clone())),
        ("links", Some(links_text(ctx, case))),
    ]) {
        let text = shown.unwrap_or_else(|| match value.get(key) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        });
        if !text.is_empty() {
            grid.push(vec![field_label(lang, key).to_string(), text]);
        }
    }
    Ok(grid)
}

/// The case's history, oldest first: when, who, what.
fn history(
    ctx: &Ctx,
    ledger: &Ledger,
    events: &[EventRecord],
    show_pii: bool,
) -> anyhow::Result<Grid> {
    let mut grid = Grid::new([
        ctx.text(Text::Time),
        ctx.text(Text::Actor),
        ctx.text(Text::Event),
        ctx.text(Text::Details),
    ]);
    for r in events {
        let by = if r.actor.is_empty() {
            r.origin.clone()
        } else {
            format!("{} {}", r.origin, r.actor)
        };
        grid.push(vec![
            short_time(&r.at),
            by,
            kind_label(ctx, &r.kind).to_string(),
            describe(ctx, ledger, r, show_pii)?,
        ]);
    }
    Ok(grid)
}

fn problem_text(ledger: &Ledger, code: Option<&str>) -> anyhow::Result<Option<String>> {
    Ok(match code {
        None => None,
        Some(c) => Some(match ledger.problem(c)? {
            Some(p) => format!("{} {}", p.code, p.title),
            None => c.to_string(),
        }),
    })
}

fn unit_text(ledger: &Ledger, code: Option<&str>) -> anyhow::Result<Option<String>> {
    Ok(match code {
        None => None,
        Some(c) => Some(match ledger.unit(c)? {
            Some(u) => format!("{} {}", u.code, u.name),
            None => c.to_string(),
        }),
    })
}

/// A case event's kind as a clerk says it; other kinds by their stored name.
fn kind_label<'a>(ctx: &Ctx, kind: &'a str) -> &'a str {
    match Kind::try_from(kind) {
        Ok(Kind::CaseAdd) => ctx.text(Text::EventRegistered),
        Ok(Kind::CaseAssign) => ctx.text(Text::EventAssigned),
        Ok(Kind::CaseDefer) => ctx.text(Text::EventDeferred),
        Ok(Kind::CaseClose) => ctx.text(Text::EventClosed),
        Ok(Kind::CaseReopen) => ctx.text(Text::EventReopened),
        Ok(Kind::CaseNote) => ctx.text(Text::EventNote),
        Ok(Kind::CaseEdit) => sweep::text(SweepText::Edited, ctx.lang),
        Ok(Kind::CaseLink) => sweep::text(SweepText::Linked, ctx.lang),
        Ok(Kind::CasePatrol) => campaign_label(Label::PatrolRecord, ctx.lang),
        Ok(k) => crate::cmd::view_loop::kind_label(ctx, k).unwrap_or(kind),
        Err(_) => kind,
    }
}

/// One line saying what an event did.
fn describe(ctx: &Ctx, ledger: &Ledger, r: &EventRecord, show_pii: bool) -> anyhow::Result<String> {
    let ev = r.event()?;
    if let Some(said) = crate::cmd::view_loop::describe(ctx, ledger, &ev)? {
        return Ok(pii::text_shown(&said, show_pii));
    }
    let line = match ev {
        Event::CaseAdd(a) => {
            let mut parts = vec![format!("{}: {}", a.source.label(ctx.lang), a.summary)];
            if let Some(x) = &a.source_ref {
                parts.push(format!("{} {x}", field_label(ctx.lang, "source_ref")));
            }
            if let Some(n) = &a.complainant {
                let n = Personal::Name.shown(n, show_pii);
                parts.push(format!("{} {n}", field_label(ctx.lang, "complainant")));
            }
            if let Some(p) = &a.phone {
                parts.push(Personal::Phone.shown(p, show_pii));
            }
            if let Some(p) = &a.problem {
                parts.push(p.clone());
            }
            parts.join("; ")
        }
        Event::CaseAssign(a) => {
            let mut s = format!(
                "→ {}, {} {}",
                unit_text(ledger, Some(&a.unit))?.unwrap_or_default(),
                ctx.text(Text::TimeLimit),
                a.due
            );
            if let Some(p) = &a.problem {
                s.push_str(&format!("; {p}"));
            }
            if let Some(x) = &a.subject {
                s.push_str(&format!("; {}", x.label(ctx.lang)));
            }
            if let Some(p) = &a.party {
                s.push_str(&format!("; {p}"));
            }
            if let Some(n) = &a.note {
                s.push_str(&format!("; {n}"));
            }
            s
        }
        Event::CaseDefer(d) => match &d.until {
            Some(u) => format!("{} ({} {u})", d.plan, ctx.text(Text::PlanUntil)),
            None => d.plan,
        },
        Event::CaseClose(c) => {
            let mut s = format!("{}: {}", c.result.label(ctx.lang), c.resolution);
            if let (Outcome::Duplicate, Some(d)) = (c.result, &c.duplicate_of) {
                s.push_str(&format!(" ({} {d})", field_label(ctx.lang, "duplicate_of")));
            }
            s
        }
        Event::CaseReopen(x) => x.reason,
        Event::CaseNote(n) => n.text,
        Event::OfficeInit(o) => o.name,
        Event::UnitAdd(u) => format!("{} {}", u.code, u.name),
        Event::CaseEdit(e) => edited(ctx, &e),
        Event::CaseLink(l) => format!("{} {}", sweep::relation(l.relation, ctx.lang), l.other),
        Event::CasePatrol(p) => [p.found_by, p.found_at, p.dissuasion, p.reported_to]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; "),
        other => other.kind().to_string(),
    };
    // Phones a clerk wrote into a note or a summary are masked too.
    Ok(pii::text_shown(&line, show_pii))
}

/// An event as `show --format json` prints it, personal data masked
/// unless asked.
fn event_json(r: &EventRecord, show_pii: bool) -> anyhow::Result<Value> {
    let mut data: Value = serde_json::from_str(&r.payload)?;
    if let Some(obj) = data.as_object_mut() {
        for (key, value) in obj.iter_mut() {
            if let Value::String(v) = &mut *value {
                *v = match Personal::of_field(key) {
                    Some(p) => p.shown(v, show_pii),
                    None => pii::text_shown(v, show_pii),
                };
            }
        }
    }
    Ok(json!({
        "origin": r.origin,
        "seq": r.seq,
        "at": r.at,
        "actor": r.actor,
        "kind": r.kind,
        "data": data,
    }))
}

/// A case's links for people: `拆分为 S07-2026-0002, 相关 S07-2026-0009`.
fn links_text(ctx: &Ctx, c: &CaseState) -> String {
    let all = crate::ledger::sweep::links(c);
    let shown: Vec<String> = all
        .iter()
        .map(|(r, id)| format!("{} {id}", sweep::relation(*r, ctx.lang)))
        .collect();
    shown.join(", ")
}

/// A `case.edit` for the history: each field, old → new.
fn edited(ctx: &Ctx, e: &crate::ledger::sweep::CaseEdit) -> String {
    let lang = ctx.lang;
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let subj =
        |v: &Option<crate::domain::Subject>| v.map_or("—".into(), |s| s.label(lang).into());
    let flag = |b: bool| ctx.text(if b { Text::Yes } else { Text::No }).to_string();
    let mut parts = Vec::new();
    let mut push = |key: &str, old: String, new: String| {
        parts.push(format!("{}: {old} → {new}", field_label(lang, key)));
    };
    if let Some(c) = &e.community {
        push("community", c.old.clone(), c.new.clone());
    }
    if let Some(c) = &e.summary {
        push("summary", c.old.clone(), c.new.clone());
    }
    if let Some(c) = &e.address {
        push("address", opt(&c.old), opt(&c.new));
    }
    if let Some(c) = &e.party {
        push("party", opt(&c.old), opt(&c.new));
    }
    if let Some(c) = &e.subject {
        push("subject", subj(&c.old), subj(&c.new));
    }
    if let Some(c) = &e.problem {
        let old = match (&c.old, c.old == c.new) {
            (Some(p), true) => format!("{p}{}", ctx.text(Text::SuggestedMark)),
            (old, _) => opt(old),
        };
        push("problem", old, opt(&c.new));
    }
    if let Some(c) = &e.key {
        push("key", flag(c.old), flag(c.new));
    }
    parts.join("; ")
}
