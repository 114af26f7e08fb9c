//! A company's standing on a day: its score, its grade, and where it
//! stands on the dishonesty list after the entries, guarantees and
//! dismissals up to then.

use chrono::NaiveDate;
use serde::Serialize;

use super::standard::Standard;
use super::{Company, Record, Register};

/// A decision on the dishonesty list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Decision {
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

    /// The status after one more entry onto the list.
    fn enter(self) -> ListStatus {
        match self {
            ListStatus::Clear | ListStatus::Suspended => ListStatus::Suspended,
            ListStatus::Guaranteed | ListStatus::DismissalRequired => ListStatus::DismissalRequired,
            ListStatus::Dismissed => ListStatus::Dismissed,
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

/// Something that happens to a company's standing on a day.
enum Moment<'a> {
    /// A record stops counting.
    Expire,
    Add(&'a Record),
    Decide(&'a Decision),
}

/// The walk through a company's history: its list status and entries, and
/// whether its score was in the lowest band after the last moment.
struct Walk<'a> {
    std: &'a Standard,
    status: ListStatus,
    entries: Vec<Entry>,
    low: bool,
    added: Vec<&'a Record>,
}

impl<'a> Walk<'a> {
    fn enter(&mut self, date: NaiveDate, by: &'static str, detail: String) {
        self.entries.push(Entry { date, by, detail });
        self.status = self.status.enter();
    }

    fn step(&mut self, date: NaiveDate, m: Moment<'a>) {
        match m {
            Moment::Add(r) => {
                self.added.push(r);
                if let Some(item) = self.std.item(&r.item).filter(|i| i.dishonesty) {
                    let detail = format!("{} {}", item.code, item.description);
                    self.enter(date, "item", detail);
                }
            }
            Moment::Expire => {}
            Moment::Decide(Decision::Blacklist { reason, .. }) => {
                return self.enter(date, "decision", reason.clone());
            }
            Moment::Decide(Decision::Guarantee { .. }) => {
                if self.status == ListStatus::Suspended {
                    self.status = ListStatus::Guaranteed;
                }
                return;
            }
            Moment::Decide(Decision::Dismiss { .. }) => {
                self.status = ListStatus::Dismissed;
                return;
            }
        }
        // Records change the score: falling into the lowest band is an entry.
        let points: i64 = self
            .added
            .iter()
            .filter_map(|r| r.points_on(self.std, date))
            .sum();
        let score = self.std.base + points;
        let grade = self.std.grade(score);
        let now_low = self.std.is_lowest(grade);
        if now_low && !self.low {
            self.enter(date, "grade", format!("{} {score}", grade.code));
        }
        self.low = now_low;
    }
}

impl Register {
    /// A company's moments up to `on`, by date and, within a day, in the
    /// order things were recorded (expiries first: a record stops counting
    /// at the start of its expiry day).
    fn moments<'a>(
        &'a self,
        std: &Standard,
        uscc: &str,
        on: NaiveDate,
    ) -> Vec<(NaiveDate, usize, Moment<'a>)> {
        let mut moments = Vec::new();
        for r in self.records.iter().filter(|r| r.uscc == uscc) {
            moments.push((r.date, r.order, Moment::Add(r)));
            if let Some(end) = r.ends(std) {
                moments.push((end, 0, Moment::Expire));
            }
        }
        for d in self.decisions.get(uscc).map(Vec::as_slice).unwrap_or(&[]) {
            let (date, order) = match d {
                Decision::Blacklist { date, order, .. }
                | Decision::Guarantee { date, order, .. }
                | Decision::Dismiss { date, order, .. } => (*date, *order),
            };
            moments.push((date, order, Moment::Decide(d)));
        }
        moments.retain(|(d, _, _)| *d <= on);
        moments.sort_by_key(|(d, o, _)| (*d, *o));
        moments
    }

    /// A company's standing on `on`: score, grade, and its list status
    /// from the history of entries, guarantees and dismissals up to then.
    ///
    /// Entries onto the list: the score falling into the lowest band, a
    /// record of a dishonesty item, a blacklist decision. Status: the first
    /// entry suspends; a guarantee lifts the suspension; an entry after a
    /// guarantee requires dismissal; a recorded dismissal ends it. A
    /// suspended or dismissed company has no grade on the day (see
    /// [`ListStatus::graded`]).
    pub fn standing(&self, std: &Standard, company: &Company, on: NaiveDate) -> Standing {
        let uscc = company.uscc.as_str();
        let mut walk = Walk {
            std,
            status: ListStatus::Clear,
            entries: Vec::new(),
            low: false,
            added: Vec::new(),
        };
        for (date, _, m) in self.moments(std, uscc, on) {
            walk.step(date, m);
        }
        let status = walk.status;
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
            entries: walk.entries,
            dismissed_by: (status == ListStatus::DismissalRequired)
                .then(|| self.dismisser(company)),
        }
    }

    /// The register with one more decision, as if recorded last: to say
    /// a decision's effect before the register is read again.
    pub(super) fn with_decision(&self, uscc: &str, d: Decision) -> Register {
        let mut after = self.clone();
        after.decisions.entry(uscc.to_string()).or_default().push(d);
        after
    }
}
