//! How a case looks in every format: the JSON/CSV record with stable keys,
//! and the table labels. Shared by `list` and `show`.

use std::str::FromStr;
use std::sync::LazyLock;

use chrono::FixedOffset;
use serde::Serialize;

use crate::cmd::Ctx;
use crate::cmd::msg::{self, Text};
use crate::domain::{Lang, Outcome, Source, Status, Subject};
use crate::ledger::CaseState;
use crate::pii::{self, Personal};
use crate::render;

/// Re-exported where `show` and the loop's view have always found it.
pub use crate::cmd::msg::shown::short_time;

/// The CSV header of [`CaseView`], made once from its serde form.
static HEADER: LazyLock<Vec<String>> = LazyLock::new(render::csv_header::<CaseView>);

/// A case as `list --format json|csv` and `show --format json` print it.
/// Field names are the stable keys scripts use.
#[derive(Debug, Default, Serialize)]
pub struct CaseView {
    pub id: String,
    pub office: String,
    pub status: &'static str,
    pub received_at: String,
    pub source: &'static str,
    pub source_ref: Option<String>,
    pub community: String,
    pub address: Option<String>,
    pub summary: String,
    pub details: Option<String>,
    pub complainant: Option<String>,
    pub phone: Option<String>,
    pub subject: Option<&'static str>,
    pub problem: Option<String>,
    pub problem_suggested: bool,
    pub party: Option<String>,
    pub key: bool,
    pub unit: Option<String>,
    pub assigned_at: Option<String>,
    pub due: Option<String>,
    pub plan: Option<String>,
    pub defer_until: Option<String>,
    pub closed_at: Option<String>,
    pub result: Option<&'static str>,
    pub resolution: Option<String>,
    pub duplicate_of: Option<String>,
    pub overdue: bool,
    pub long_running: bool,
    /// A repeat complaint (多次投诉: see `ledger::flags::repeat`).
    pub repeat: bool,
    pub notes: i64,
    pub updated_at: String,
    // The units' loop (issue 15): lists joined by commas.
    pub co_units: Option<String>,
    pub acknowledged_at: Option<String>,
    pub acknowledged_by: Option<String>,
    pub ack_late: bool,
    pub returned_by: Option<String>,
    pub extension_until: Option<String>,
    pub extensions_asked: i64,
    pub extensions_approved: i64,
    pub supervisions: i64,
    pub supervise_due: Option<String>,
    pub closed_late: bool,
    pub visited_at: Option<String>,
    pub satisfaction: Option<&'static str>,
    pub plan_overdue: bool,
    pub unvisited: bool,
}

impl CaseView {
    /// `repeat`: whether the case is a repeat complaint, as the ledger
    /// found it (`Ledger::each_case_with_repeat`, `Ledger::is_repeat`).
    pub fn new(c: &CaseState, today: &str, show_pii: bool, repeat: bool) -> CaseView {
        let shown = |p: Personal, v: &Option<String>| v.as_deref().map(|v| p.shown(v, show_pii));
        let text = |v: &str| pii::text_shown(v, show_pii);
        let texts = |v: &Option<String>| v.as_deref().map(text);
        CaseView {
            id: c.id.clone(),
            office: c.office.clone(),
            status: c.status.code(),
            received_at: c.received_at.clone(),
            source: c.source.code(),
            source_ref: c.source_ref.clone(),
            community: c.community.clone(),
            address: shown(Personal::Address, &c.address),
            summary: text(&c.summary),
            details: texts(&c.details),
            complainant: shown(Personal::Name, &c.complainant),
            phone: shown(Personal::Phone, &c.phone),
            subject: c.subject.map(|s| s.code()),
            problem: c.problem.clone(),
            problem_suggested: c.problem_suggested,
            party: c.party.clone(),
            key: c.key_case,
            unit: c.unit.clone(),
            assigned_at: c.assigned_at.clone(),
            due: c.due.clone(),
            plan: texts(&c.plan),
            defer_until: c.defer_until.clone(),
            closed_at: c.closed_at.clone(),
            result: c.result.map(|r| r.code()),
            resolution: texts(&c.resolution),
            duplicate_of: c.duplicate_of.clone(),
            overdue: c.overdue(today),
            long_running: c.long_running(today),
            repeat,
            notes: c.notes,
            updated_at: c.updated_at.clone(),
            co_units: Some(c.work.co_units.join(",")).filter(|s| !s.is_empty()),
            acknowledged_at: c.work.acked_at.clone(),
            acknowledged_by: c.work.acked_by.clone(),
            ack_late: c.ack_late(),
            returned_by: Some(c.work.returned_by.join(",")).filter(|s| !s.is_empty()),
            extension_until: c.work.extension_until.clone(),
            extensions_asked: c.work.extensions_asked,
            extensions_approved: c.work.extensions_approved,
            supervisions: c.work.supervisions,
            supervise_due: c.work.supervise_due.clone(),
            closed_late: c.closed_late(),
            visited_at: c.work.visited_at.clone(),
            satisfaction: c.work.satisfaction.map(|s| s.code()),
            plan_overdue: c.plan_overdue(today),
            unvisited: c.unvisited(),
        }
    }

    /// The JSON of `list` and `show`: the view, and the case's links when
    /// it has any (`"links": [{"relation": "split_into", "case": "S07-2026-0002"}]`;
    /// see `ledger::sweep`). A case without links prints as before them.
    pub fn with_links<'a>(&'a self, c: &'a CaseState) -> WithLinks<'a> {
        let links = crate::ledger::sweep::links(c)
            .into_iter()
            .map(|(r, case)| LinkView {
                relation: r.code(),
                case,
            })
            .collect();
        WithLinks { view: self, links }
    }

    /// The CSV header: the JSON keys, in order.
    pub fn csv_headers() -> Vec<String> {
        HEADER.clone()
    }

    /// The CSV cells: the JSON values, in order.
    pub fn csv_row(&self) -> Vec<String> {
        render::csv_cells(self)
    }

    /// The CSV header for people (`list --format csv --labels`): the
    /// fields' labels in the reader's language, in the same order.
    pub fn labelled_headers(lang: Lang) -> Vec<String> {
        HEADER.iter().map(|k| field_label(lang, k).into()).collect()
    }

    /// The CSV cells for people: labels for codes (已转办, not `assigned`),
    /// 是/否 for flags, times as `2026-04-05 09:23` in the clock's zone
    /// `zone`. Dates, problem and unit codes and free text stay as they
    /// are, so the columns line up with the coded CSV.
    pub fn labelled_row(&self, lang: Lang, zone: FixedOffset) -> Vec<String> {
        HEADER
            .iter()
            .zip(self.csv_row())
            .map(|(key, cell)| labelled(lang, zone, key, cell))
            .collect()
    }
}

/// A case's JSON with its links (see [`CaseView::with_links`]).
#[derive(Serialize)]
pub struct WithLinks<'a> {
    #[serde(flatten)]
    view: &'a CaseView,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<LinkView<'a>>,
}

/// One link in JSON: the relation's code and the other case.
#[derive(Serialize)]
pub struct LinkView<'a> {
    relation: &'static str,
    case: &'a str,
}

/// One CSV cell for people, by its field's key.
fn labelled(lang: Lang, zone: FixedOffset, key: &str, cell: String) -> String {
    fn label<T: FromStr + Copy>(cell: String, f: impl Fn(T) -> &'static str) -> String {
        cell.parse::<T>().map_or(cell, |v| f(v).to_string())
    }
    match key {
        "status" => label(cell, |s: Status| s.label(lang)),
        "source" => label(cell, |s: Source| s.label(lang)),
        "subject" => label(cell, |s: Subject| s.label(lang)),
        "result" => label(cell, |o: Outcome| o.label(lang)),
        "received_at" | "assigned_at" | "closed_at" | "updated_at" => local_time(&cell, zone),
        "problem_suggested" | "key" | "overdue" | "long_running" | "repeat" => {
            match (cell.as_str(), lang) {
                ("true", Lang::Zh) => "是".into(),
                ("false", Lang::Zh) => "否".into(),
                ("true", Lang::En) => "yes".into(),
                ("false", Lang::En) => "no".into(),
                _ => cell,
            }
        }
        "ack_late" | "closed_late" | "plan_overdue" | "unvisited" => {
            labelled(lang, zone, "key", cell)
        }
        "satisfaction" => label(cell, |s: crate::domain::Satisfaction| s.label(lang)),
        "acknowledged_at" | "visited_at" => local_time(&cell, zone),
        _ => cell,
    }
}

/// A stored RFC 3339 time as `YYYY-MM-DD HH:MM` in `zone` (a spreadsheet
/// reads that as a time; an offset it does not); anything else as it is.
pub fn local_time(t: &str, zone: FixedOffset) -> String {
    match chrono::DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
        Err(_) => t.to_string(),
    }
}

/// The short flags column of tables: overdue, long-running, key case,
/// repeat complaint (`repeat`: as the ledger found it).
pub fn flags(ctx: &Ctx, c: &CaseState, today: &str, repeat: bool) -> String {
    let mut f = Vec::new();
    if c.overdue(today) {
        f.push(ctx.text(Text::Overdue));
    }
    if c.long_running(today) {
        f.push(ctx.text(Text::LongRunning));
    }
    if c.key_case {
        f.push(ctx.text(Text::KeyCase));
    }
    if repeat {
        f.push(ctx.text(Text::Repeat));
    }
    f.extend(super::view_loop::flags(ctx, c, today));
    f.join(" ")
}

/// Labels of the case fields, for `show`.
pub fn field_label(lang: Lang, key: &str) -> &'static str {
    let t = match key {
        "id" => Text::CaseId,
        "office" => Text::CaseOffice,
        "status" => Text::CaseStatus,
        "received_at" => Text::CaseReceivedAt,
        "source" => Text::CaseSource,
        "source_ref" => Text::CaseSourceRef,
        "community" => Text::CaseCommunity,
        "address" => Text::CaseAddress,
        "summary" => Text::CaseSummary,
        "details" => Text::CaseDetails,
        "complainant" => Text::CaseComplainant,
        "phone" => Text::CasePhone,
        "subject" => Text::CaseSubject,
        "problem" => Text::CaseProblem,
        "party" => Text::CaseParty,
        "key" => Text::CaseKey,
        "unit" => Text::CaseUnit,
        "assigned_at" => Text::CaseAssignedAt,
        "due" => Text::CaseDue,
        "plan" => Text::CasePlan,
        "defer_until" => Text::CaseDeferUntil,
        "closed_at" => Text::CaseClosedAt,
        "result" => Text::CaseResult,
        "resolution" => Text::CaseResolution,
        "duplicate_of" => Text::CaseDuplicateOf,
        "flags" => Text::CaseFlags,
        "notes" => Text::CaseNotes,
        "problem_suggested" => Text::CaseProblemSuggested,
        "overdue" => Text::CaseOverdue,
        "long_running" => Text::CaseLongRunning,
        "repeat" => Text::CaseRepeat,
        "updated_at" => Text::CaseUpdatedAt,
        "links" => return msg::sweep::text(msg::sweep::SweepText::Links, lang),
        _ => return super::view_loop::field_label(lang, key),
    };
    msg::text(t, lang)
}
