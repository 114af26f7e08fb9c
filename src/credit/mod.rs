//! The credit register of property service companies (信用管理): companies,
//! the scoring standard, good and bad records, scores and grades, and the
//! dishonesty list (失信名单) with the plan's sanctions.
//!
//! Everything here is derived from `credit.*` events on the shared log, so
//! the register travels through export and merge like cases do; the
//! register is folded from the events when a command needs it (they are
//! few, and the non-case events have an index of their own).

pub mod standard;

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::ledger::event::{
    CreditBlacklist, CreditCompany, CreditDismiss, CreditGuarantee, CreditRecord, CreditStandard,
};
use crate::ledger::{CaseState, Event, EventRecord, Ledger, Result, Writer};
use crate::refuse;
use crate::uscc::Uscc;
use standard::Standard;

/// A registered company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Company {
    pub uscc: String,
    pub name: String,
    pub managers: Vec<String>,
    pub committee: bool,
}

/// A credit record as registered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The event that made it (`S03/42`).
    pub event: String,
    /// Its place among the credit events in replay order (breaks ties
    /// between things that happened on one day).
    #[serde(skip)]
    pub order: usize,
    pub uscc: String,
    pub item: String,
    pub date: NaiveDate,
    pub case: Option<String>,
    pub manager: Option<String>,
    pub note: Option<String>,
}

/// A decision on the dishonesty list.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Decision {
    Blacklist {
        date: NaiveDate,
        order: usize,
        reason: String,
    },
    Guarantee {
        date: NaiveDate,
        order: usize,
        deposit: String,
    },
    Dismiss {
        date: NaiveDate,
        order: usize,
        by: String,
    },
}

/// Where a company stands on the dishonesty list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListStatus {
    /// Not on the list.
    Clear,
    /// First entry: may not keep working until it gives a written
    /// guarantee and pays a deposit.
    Suspended,
    /// Guarantee and deposit given after its first entry.
    Guaranteed,
    /// Entered again after its guarantee: to be dismissed by the owners'
    /// committee (or the residents' committee where none functions).
    DismissalRequired,
    /// Dismissal recorded.
    Dismissed,
}

impl ListStatus {
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (ListStatus::Clear, true) => "正常",
            (ListStatus::Suspended, true) => "失信(首次)：暂停从业，待书面保证并缴纳保证金",
            (ListStatus::Guaranteed, true) => "失信：已书面保证整改并缴纳保证金",
            (ListStatus::DismissalRequired, true) => "再次失信：应予解聘",
            (ListStatus::Dismissed, true) => "已解聘",
            (ListStatus::Clear, false) => "clear",
            (ListStatus::Suspended, false) => "suspended (guarantee and deposit due)",
            (ListStatus::Guaranteed, false) => "guaranteed",
            (ListStatus::DismissalRequired, false) => "dismissal required",
            (ListStatus::Dismissed, false) => "dismissed",
        }
    }

    /// Whether a company in this status is graded. A grade rates a working
    /// company's service by its score; a suspended company (first entry,
    /// before its guarantee) may not work and a dismissed one no longer
    /// does, so neither is graded: its standing reads as its status
    /// (see [`Standing::grade`]).
    pub fn graded(self) -> bool {
        !matches!(self, ListStatus::Suspended | ListStatus::Dismissed)
    }

    /// What stands in the grade's place for a company that is not graded:
    /// `不评级：已解聘`, `不评级：暂停从业`.
    pub fn ungraded_label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (ListStatus::Suspended, true) => "不评级：暂停从业",
            (ListStatus::Dismissed, true) => "不评级：已解聘",
            (ListStatus::Suspended, false) => "not graded: suspended",
            (ListStatus::Dismissed, false) => "not graded: dismissed",
            (_, true) => "不评级",
            (_, false) => "not graded",
        }
    }
}

/// Why and when a company entered the dishonesty list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub date: NaiveDate,
    /// `grade` (fell to the lowest band), `item` (a dishonesty item), or
    /// `decision`.
    pub by: &'static str,
    pub detail: String,
}

/// One company's standing on a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Standing {
    pub uscc: String,
    pub name: String,
    /// base + good − bad records that count on the day, whatever the status.
    pub score: i64,
    /// The grade band of the score, for a company that is graded; `None`
    /// (JSON `null`) for a suspended or dismissed company, which is not
    /// graded (see [`ListStatus::graded`]): tables show its status in the
    /// grade's place (`不评级：已解聘`), and the notice lists it with that
    /// status beside its score, never as `A 守信(优秀)`.
    pub grade: Option<String>,
    pub grade_label: Option<String>,
    pub active_records: usize,
    pub status: ListStatus,
    pub entries: Vec<Entry>,
    /// Who dismisses, when dismissal is required.
    pub dismissed_by: Option<String>,
}

/// The register folded from the log.
#[derive(Clone, Debug, Default)]
pub struct Register {
    pub companies: BTreeMap<String, Company>,
    /// The standard loaded last (in replay order), if any.
    pub loaded: Option<Standard>,
    pub records: Vec<Record>,
    decisions: BTreeMap<String, Vec<Decision>>,
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

impl Register {
    /// Folds every `credit.*` event of the ledger, in replay order.
    ///
    /// A scoring standard counts where it was loaded and, coming from the
    /// district, at its offices: an office's own standard never replaces
    /// the district's (nor another office's).
    pub fn load(ledger: &Ledger) -> Result<Register> {
        let mut reg = Register::default();
        let own = ledger.office().code.clone();
        let districts: std::collections::BTreeSet<String> = ledger
            .conn()
            .prepare("SELECT code FROM offices WHERE district = 1")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = ledger.conn().prepare(&format!(
            "SELECT {} FROM events WHERE case_id IS NULL AND kind LIKE 'credit.%'
             ORDER BY clock, origin, seq",
            EventRecord::COLUMNS
        ))?;
        let mut rows = st.query([])?;
        let mut order = 0;
        while let Some(row) = rows.next()? {
            let rec = EventRecord::from_row(row)?;
            order += 1;
            let event_id = format!("{}/{}", rec.origin, rec.seq);
            match rec.event()? {
                Event::CreditCompany(c) => {
                    // The first registration of a code wins; later ones
                    // (another office's, crossing in the post) add managers.
                    let e = reg.companies.entry(c.uscc.clone()).or_insert(Company {
                        uscc: c.uscc,
                        name: c.name,
                        managers: Vec::new(),
                        committee: c.committee,
                    });
                    for m in c.managers {
                        if !e.managers.contains(&m) {
                            e.managers.push(m);
                        }
                    }
                }
                Event::CreditStandard(s)
                    if rec.origin == own || districts.contains(&rec.origin) =>
                {
                    reg.loaded = Some(s.standard)
                }
                Event::CreditStandard(_) => {}
                Event::CreditRecord(r) => reg.records.push(Record {
                    event: event_id,
                    order,
                    uscc: r.uscc,
                    item: r.item,
                    date: date(&r.date),
                    case: r.case,
                    manager: r.manager,
                    note: r.note,
                }),
                Event::CreditBlacklist(b) => {
                    reg.decisions
                        .entry(b.uscc)
                        .or_default()
                        .push(Decision::Blacklist {
                            date: date(&b.date),
                            order,
                            reason: b.reason,
                        })
                }
                Event::CreditGuarantee(g) => {
                    reg.decisions
                        .entry(g.uscc)
                        .or_default()
                        .push(Decision::Guarantee {
                            date: date(&g.date),
                            order,
                            deposit: g.deposit,
                        })
                }
                Event::CreditDismiss(d) => {
                    reg.decisions
                        .entry(d.uscc)
                        .or_default()
                        .push(Decision::Dismiss {
                            date: date(&d.date),
                            order,
                            by: d.by,
                        })
                }
                _ => {}
            }
        }
        Ok(reg)
    }

    /// The standard in force: the one loaded last, else the default.
    pub fn standard(&self) -> Standard {
        self.loaded.clone().unwrap_or_else(Standard::builtin)
    }

    /// A company by registered name or by credit code.
    pub fn find(&self, typed: &str) -> Option<&Company> {
        let t = typed.trim();
        self.companies
            .get(&t.to_ascii_uppercase())
            .or_else(|| self.companies.values().find(|c| c.name == t))
    }

    /// A company by name or code, or a refusal saying how to register it.
    pub fn company(&self, typed: &str) -> Result<&Company> {
        match self.find(typed) {
            Some(c) => Ok(c),
            None => refuse!(
                "no registered company '{typed}': give its registered name or credit code (see `ledger credit company list`; register it with `ledger credit company add`)"
            ),
        }
    }

    /// The records of a company that count on `on` under `std`, with
    /// their points.
    pub fn active<'a>(
        &'a self,
        std: &'a Standard,
        uscc: &'a str,
        on: NaiveDate,
    ) -> impl Iterator<Item = (&'a Record, i64)> + 'a {
        self.records.iter().filter_map(move |r| {
            if r.uscc != uscc || r.date > on {
                return None;
            }
            let item = std.item(&r.item)?;
            let until = r.date.checked_add_months(Months::new(item.months))?;
            (on < until).then_some((r, item.points))
        })
    }

    /// Score on a date: base + good − bad records within their validity.
    pub fn score(&self, std: &Standard, uscc: &str, on: NaiveDate) -> i64 {
        std.base + self.active(std, uscc, on).map(|(_, p)| p).sum::<i64>()
    }

    /// A company's standing on `on`: score, grade, and its list status
    /// from the history of entries, guarantees and dismissals up to then.
    ///
    /// The history is walked moment by moment, by date and, within a day,
    /// in the order things were recorded (expiries first: a record stops
    /// counting at the start of its expiry day). Entries onto the list:
    /// the score falling into the lowest band, a record of a dishonesty
    /// item, a blacklist decision. Status: the first entry suspends; a
    /// guarantee lifts the suspension; an entry after a guarantee requires
    /// dismissal; a recorded dismissal ends it. A suspended or dismissed
    /// company has no grade on the day (see [`ListStatus::graded`]).
    pub fn standing(&self, std: &Standard, company: &Company, on: NaiveDate) -> Standing {
        enum Moment<'a> {
            Expire,
            Add(&'a Record),
            Decide(&'a Decision),
        }
        let uscc = company.uscc.as_str();
        let mine: Vec<&Record> = self.records.iter().filter(|r| r.uscc == uscc).collect();
        let mut moments: Vec<(NaiveDate, usize, Moment)> = Vec::new();
        for r in &mine {
            moments.push((r.date, r.order, Moment::Add(r)));
            if let Some(end) = std
                .item(&r.item)
                .and_then(|i| r.date.checked_add_months(Months::new(i.months)))
            {
                moments.push((end, 0, Moment::Expire));
            }
        }
        let decisions = self.decisions.get(uscc).map(Vec::as_slice).unwrap_or(&[]);
        for d in decisions {
            let (date, order) = match d {
                Decision::Blacklist { date, order, .. }
                | Decision::Guarantee { date, order, .. }
                | Decision::Dismiss { date, order, .. } => (*date, *order),
            };
            moments.push((date, order, Moment::Decide(d)));
        }
        moments.retain(|(d, _, _)| *d <= on);
        moments.sort_by_key(|(d, o, _)| (*d, *o));

        let mut status = ListStatus::Clear;
        let mut entries: Vec<Entry> = Vec::new();
        let mut low = false;
        let mut added: Vec<&Record> = Vec::new();
        let enter = |status: ListStatus| match status {
            ListStatus::Clear | ListStatus::Suspended => ListStatus::Suspended,
            ListStatus::Guaranteed | ListStatus::DismissalRequired => ListStatus::DismissalRequired,
            ListStatus::Dismissed => ListStatus::Dismissed,
        };
        for (date, _, m) in moments {
            match m {
                Moment::Add(r) => {
                    added.push(r);
                    if let Some(item) = std.item(&r.item).filter(|i| i.dishonesty) {
                        entries.push(Entry {
                            date,
                            by: "item",
                            detail: format!("{} {}", item.code, item.description),
                        });
                        status = enter(status);
                    }
                }
                Moment::Expire => {}
                Moment::Decide(Decision::Blacklist { reason, .. }) => {
                    entries.push(Entry {
                        date,
                        by: "decision",
                        detail: reason.clone(),
                    });
                    status = enter(status);
                    continue;
                }
                Moment::Decide(Decision::Guarantee { .. }) => {
                    if status == ListStatus::Suspended {
                        status = ListStatus::Guaranteed;
                    }
                    continue;
                }
                Moment::Decide(Decision::Dismiss { .. }) => {
                    status = ListStatus::Dismissed;
                    continue;
                }
            }
            let score = std.base + points_on(std, &added, date);
            let grade = std.grade(score);
            let now_low = std.is_lowest(grade);
            if now_low && !low {
                entries.push(Entry {
                    date,
                    by: "grade",
                    detail: format!("{} {score}", grade.code),
                });
                status = enter(status);
            }
            low = now_low;
        }
        let score = self.score(std, uscc, on);
        let grade = status.graded().then(|| std.grade(score));
        Standing {
            uscc: uscc.to_string(),
            name: company.name.clone(),
            score,
            grade: grade.map(|g| g.code.clone()),
            grade_label: grade.map(|g| g.label.clone()),
            active_records: self.active(std, uscc, on).count(),
            status,
            entries,
            dismissed_by: (status == ListStatus::DismissalRequired).then(|| dismisser(company)),
        }
    }

    /// Managers named on deduction records (个人失信档案), with them.
    pub fn manager_entries(&self, std: &Standard) -> BTreeMap<(String, String), Vec<&Record>> {
        let mut out: BTreeMap<(String, String), Vec<&Record>> = BTreeMap::new();
        for r in &self.records {
            let bad = std.item(&r.item).is_some_and(|i| i.points < 0);
            if let (true, Some(m)) = (bad, &r.manager) {
                out.entry((r.uscc.clone(), m.clone())).or_default().push(r);
            }
        }
        out
    }
}

/// The points of `records` that count on `on`.
fn points_on(std: &Standard, records: &[&Record], on: NaiveDate) -> i64 {
    records
        .iter()
        .filter_map(|r| {
            let item = std.item(&r.item)?;
            let until = r.date.checked_add_months(Months::new(item.months))?;
            (r.date <= on && on < until).then_some(item.points)
        })
        .sum()
}

/// Who dismisses a company: its projects' owners' committee, or the
/// community residents' committee where none functions.
pub fn dismisser(c: &Company) -> String {
    if c.committee {
        "业主委员会".into()
    } else {
        "社区居民委员会(代行业主委员会职责)".into()
    }
}

/// Refuses a date that records something as having happened when it lies
/// after today (the clock's date, `LEDGER_NOW`), worded as `add` words a
/// future received time. `what` names the date (every such date comes from
/// `--date`).
fn not_in_future(w: &Writer, what: &str, on: NaiveDate) -> Result<()> {
    let today = w.stamp().now.date_naive();
    if on > today {
        refuse!("the {what} date {on} is in the future (now is {today}): check --date");
    }
    Ok(())
}

/// Registers a company.
pub fn add_company(
    w: &mut Writer,
    reg: &Register,
    uscc: &Uscc,
    name: &str,
    managers: &[String],
    committee: bool,
) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        refuse!("the company name must not be empty");
    }
    if let Some(c) = reg.companies.get(uscc.as_str()) {
        refuse!("credit code {uscc} is registered already, as {}", c.name);
    }
    if let Some(c) = reg.companies.values().find(|c| c.name == name) {
        refuse!(
            "a company named {name} is registered already, with credit code {}",
            c.uscc
        );
    }
    w.append(
        None,
        Event::CreditCompany(CreditCompany {
            uscc: uscc.to_string(),
            name: name.to_string(),
            managers: managers
                .iter()
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect(),
            committee,
        }),
    )?;
    Ok(())
}

/// Loads a scoring standard for every office and the district.
pub fn load_standard(w: &mut Writer, standard: Standard) -> Result<()> {
    w.append(None, Event::CreditStandard(CreditStandard { standard }))?;
    Ok(())
}

/// A credit record to add.
pub struct NewRecord {
    pub company: String,
    pub item: String,
    pub case: Option<String>,
    pub date: NaiveDate,
    pub manager: Option<String>,
    pub note: Option<String>,
}

/// Adds a credit record; returns the company's code.
pub fn add_record(w: &mut Writer, reg: &Register, r: NewRecord) -> Result<String> {
    let company = reg.company(&r.company)?;
    let std = reg.standard();
    let item = r.item.trim().to_ascii_uppercase();
    if std.item(&item).is_none() {
        let codes: Vec<&str> = std.items.iter().map(|i| i.code.as_str()).collect();
        refuse!(
            "item {item} is not in the standard {}: use one of {}",
            std.name,
            codes.join(", ")
        );
    }
    not_in_future(w, "record", r.date)?;
    if let Some(c) = &r.case
        && CaseState::get(w.conn(), c)?.is_none()
    {
        refuse!("--case {c}: no such case in this ledger");
    }
    w.append(
        None,
        Event::CreditRecord(CreditRecord {
            uscc: company.uscc.clone(),
            item,
            date: r.date.to_string(),
            case: r.case,
            manager: r
                .manager
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty()),
            note: r
                .note
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty()),
        }),
    )?;
    Ok(company.uscc.clone())
}

/// What a substantiated close recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deduction {
    /// The company's credit code.
    pub uscc: String,
    /// The manager the record names (who gets a personal record), if any.
    pub manager: Option<String>,
    /// Where the manager came from.
    pub manager_from: ManagerFrom,
}

/// Where the manager of a substantiated close's record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManagerFrom {
    /// `close --manager NAME`.
    Given,
    /// The company's registered manager (the first registered, when it
    /// has several).
    Registered,
    /// Neither: the company has no registered manager and none was given.
    None,
}

/// The automatic deduction of a substantiated (违规属实) close: the case's
/// problem type against the registered company it names.
///
/// The record names a manager, so that a personal record (个人失信档案)
/// follows: `manager` when the clerk gives one (`close --manager NAME`),
/// else the company's registered manager (the first one registered, when
/// it has several), else none.
pub fn record_substantiated(
    w: &mut Writer,
    reg: &Register,
    case: &CaseState,
    manager: Option<&str>,
) -> Result<Deduction> {
    let given = match manager.map(str::trim) {
        Some("") => refuse!("--manager must not be empty: name the project manager (负责人)"),
        m => m.map(str::to_string),
    };
    let Some(party) = case.party.as_deref() else {
        refuse!(
            "--substantiated needs the case's party: set it with `ledger assign {} --party NAME`",
            case.id
        );
    };
    let Some(company) = reg.find(party) else {
        refuse!(
            "--substantiated: {party} is not a registered company (register it with `ledger credit company add --name {party} --uscc CODE`)"
        );
    };
    let Some(problem) = case.problem.as_deref() else {
        refuse!(
            "--substantiated needs the case's problem type (ledger assign {} --problem WY-xx)",
            case.id
        );
    };
    if reg.standard().item(problem).is_none() {
        refuse!(
            "--substantiated: the credit standard has no item for {problem} (only property-company problems are scored)"
        );
    }
    let (manager, manager_from) = match (given, company.managers.first()) {
        (Some(m), _) => (Some(m), ManagerFrom::Given),
        (None, Some(m)) => (Some(m.clone()), ManagerFrom::Registered),
        (None, None) => (None, ManagerFrom::None),
    };
    let today = w.stamp().now.date_naive();
    let uscc = add_record(
        w,
        reg,
        NewRecord {
            company: company.uscc.clone(),
            item: problem.to_string(),
            case: Some(case.id.clone()),
            date: today,
            manager: manager.clone(),
            note: None,
        },
    )?;
    Ok(Deduction {
        uscc,
        manager,
        manager_from,
    })
}

/// Puts a company on the dishonesty list by decision.
pub fn blacklist(
    w: &mut Writer,
    reg: &Register,
    company: &str,
    reason: &str,
    on: NaiveDate,
) -> Result<ListStatus> {
    not_in_future(w, "blacklist decision", on)?;
    let c = reg.company(company)?;
    let reason = reason.trim();
    if reason.is_empty() {
        refuse!("a blacklist decision needs a reason (--reason)");
    }
    w.append(
        None,
        Event::CreditBlacklist(CreditBlacklist {
            uscc: c.uscc.clone(),
            reason: reason.to_string(),
            date: on.to_string(),
        }),
    )?;
    let mut after = reg.clone();
    after
        .decisions
        .entry(c.uscc.clone())
        .or_default()
        .push(Decision::Blacklist {
            date: on,
            order: usize::MAX,
            reason: reason.to_string(),
        });
    Ok(after.standing(&after.standard(), c, on).status)
}

/// Records the written guarantee and deposit of a suspended company.
pub fn guarantee(
    w: &mut Writer,
    reg: &Register,
    company: &str,
    deposit: &str,
    on: NaiveDate,
) -> Result<()> {
    not_in_future(w, "guarantee", on)?;
    let c = reg.company(company)?;
    let status = reg.standing(&reg.standard(), c, on).status;
    if status != ListStatus::Suspended {
        refuse!(
            "{} is {}: a guarantee is recorded for a company suspended after its first entry on the dishonesty list",
            c.name,
            status.label(false)
        );
    }
    let deposit = deposit.trim();
    if deposit.parse::<f64>().map_or(true, |d| d <= 0.0) {
        refuse!("--deposit '{deposit}' is not an amount of money (e.g. 50000)");
    }
    w.append(
        None,
        Event::CreditGuarantee(CreditGuarantee {
            uscc: c.uscc.clone(),
            deposit: deposit.to_string(),
            date: on.to_string(),
        }),
    )?;
    Ok(())
}

/// Records the dismissal of a company whose dismissal is required.
pub fn dismiss(w: &mut Writer, reg: &Register, company: &str, on: NaiveDate) -> Result<String> {
    not_in_future(w, "dismissal", on)?;
    let c = reg.company(company)?;
    let status = reg.standing(&reg.standard(), c, on).status;
    if status != ListStatus::DismissalRequired {
        refuse!(
            "{} is {}: dismissal is recorded once it is required (a second entry after a guarantee)",
            c.name,
            status.label(false)
        );
    }
    let by = dismisser(c);
    w.append(
        None,
        Event::CreditDismiss(CreditDismiss {
            uscc: c.uscc.clone(),
            by: by.clone(),
            date: on.to_string(),
        }),
    )?;
    Ok(by)
}
