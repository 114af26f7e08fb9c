//! How a case looks in every format: the JSON/CSV record with stable keys,
//! and the table labels. Shared by `list` and `show`.

use serde::Serialize;

use crate::cmd::Ctx;
use crate::domain::{Lang, mask_name, mask_phone};
use crate::ledger::CaseState;

/// A case as `list --format json|csv` and `show --format json` print it.
/// Field names are the stable keys scripts use.
#[derive(Debug, Serialize)]
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
    /// A repeat complaint (多次投诉: see `ledger::report::RepeatWindow`).
    pub repeat: bool,
    pub notes: i64,
    pub updated_at: String,
}

/// Personal data as shown: masked unless `--show-pii`.
pub fn pii(
    name: Option<&str>,
    phone: Option<&str>,
    show: bool,
) -> (Option<String>, Option<String>) {
    if show {
        (name.map(str::to_string), phone.map(str::to_string))
    } else {
        (name.map(mask_name), phone.map(mask_phone))
    }
}

impl CaseView {
    /// `repeat`: whether the case is a repeat complaint, as the ledger
    /// found it (`Ledger::each_case_with_repeat`, `Ledger::is_repeat`).
    pub fn new(c: &CaseState, today: &str, show_pii: bool, repeat: bool) -> CaseView {
        let (complainant, phone) = pii(c.complainant.as_deref(), c.phone.as_deref(), show_pii);
        CaseView {
            id: c.id.clone(),
            office: c.office.clone(),
            status: c.status.code(),
            received_at: c.received_at.clone(),
            source: c.source.code(),
            source_ref: c.source_ref.clone(),
            community: c.community.clone(),
            address: c.address.clone(),
            summary: c.summary.clone(),
            details: c.details.clone(),
            complainant,
            phone,
            subject: c.subject.map(|s| s.code()),
            problem: c.problem.clone(),
            problem_suggested: c.problem_suggested,
            party: c.party.clone(),
            key: c.key_case,
            unit: c.unit.clone(),
            assigned_at: c.assigned_at.clone(),
            due: c.due.clone(),
            plan: c.plan.clone(),
            defer_until: c.defer_until.clone(),
            closed_at: c.closed_at.clone(),
            result: c.result.map(|r| r.code()),
            resolution: c.resolution.clone(),
            duplicate_of: c.duplicate_of.clone(),
            overdue: c.overdue(today),
            long_running: c.long_running(today),
            repeat,
            notes: c.notes,
            updated_at: c.updated_at.clone(),
        }
    }

    /// The CSV header: the JSON keys, in order.
    pub fn csv_headers() -> Vec<String> {
        [
            "id",
            "office",
            "status",
            "received_at",
            "source",
            "source_ref",
            "community",
            "address",
            "summary",
            "details",
            "complainant",
            "phone",
            "subject",
            "problem",
            "problem_suggested",
            "party",
            "key",
            "unit",
            "assigned_at",
            "due",
            "plan",
            "defer_until",
            "closed_at",
            "result",
            "resolution",
            "duplicate_of",
            "overdue",
            "long_running",
            "repeat",
            "notes",
            "updated_at",
        ]
        .map(String::from)
        .to_vec()
    }

    pub fn csv_row(&self) -> Vec<String> {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let s = |v: Option<&str>| v.unwrap_or_default().to_string();
        vec![
            self.id.clone(),
            self.office.clone(),
            self.status.to_string(),
            self.received_at.clone(),
            self.source.to_string(),
            o(&self.source_ref),
            self.community.clone(),
            o(&self.address),
            self.summary.clone(),
            o(&self.details),
            o(&self.complainant),
            o(&self.phone),
            s(self.subject),
            o(&self.problem),
            self.problem_suggested.to_string(),
            o(&self.party),
            self.key.to_string(),
            o(&self.unit),
            o(&self.assigned_at),
            o(&self.due),
            o(&self.plan),
            o(&self.defer_until),
            o(&self.closed_at),
            s(self.result),
            o(&self.resolution),
            o(&self.duplicate_of),
            self.overdue.to_string(),
            self.long_running.to_string(),
            self.repeat.to_string(),
            self.notes.to_string(),
            self.updated_at.clone(),
        ]
    }
}

/// The short flags column of tables: overdue, long-running, key case,
/// repeat complaint (`repeat`: as the ledger found it).
pub fn flags(ctx: &Ctx, c: &CaseState, today: &str, repeat: bool) -> String {
    let mut f = Vec::new();
    if c.overdue(today) {
        f.push(ctx.t("逾期", "overdue"));
    }
    if c.long_running(today) {
        f.push(ctx.t("超半年", "long-running"));
    }
    if c.key_case {
        f.push(ctx.t("重点", "key"));
    }
    if repeat {
        f.push(ctx.t("多次投诉", "repeat"));
    }
    f.join(" ")
}

/// A stored RFC 3339 time shown as `YYYY-MM-DD HH:MM`.
pub fn short_time(t: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(t) {
        Ok(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        Err(_) => t.to_string(),
    }
}

/// Labels of the case fields, for `show`.
pub fn field_label(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = match key {
        "id" => ("编号", "id"),
        "office" => ("办事处", "office"),
        "status" => ("状态", "status"),
        "received_at" => ("受理时间", "received"),
        "source" => ("来源", "source"),
        "source_ref" => ("来源编号", "source ref"),
        "community" => ("小区", "community"),
        "address" => ("地址", "address"),
        "summary" => ("问题摘要", "summary"),
        "details" => ("详情", "details"),
        "complainant" => ("投诉人", "complainant"),
        "phone" => ("联系电话", "phone"),
        "subject" => ("责任主体", "subject"),
        "problem" => ("问题类型", "problem"),
        "party" => ("被投诉方", "party"),
        "key" => ("重点难点", "key case"),
        "unit" => ("责任单位", "unit"),
        "assigned_at" => ("转办时间", "assigned"),
        "due" => ("办结时限", "due"),
        "plan" => ("工作计划", "plan"),
        "defer_until" => ("计划完成", "plan until"),
        "closed_at" => ("销号时间", "closed"),
        "result" => ("办结结果", "result"),
        "resolution" => ("办理情况", "resolution"),
        "duplicate_of" => ("重复于", "duplicate of"),
        "flags" => ("标记", "flags"),
        "notes" => ("备注数", "notes"),
        _ => ("", ""),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
