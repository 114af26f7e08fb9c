//! 中文：事件违反的内容规则，以及各句共用的说法（值的名称、事件、区/街道）。

use crate::domain::{Lang, Subject};
use crate::ledger::error::{Break, EventRef, What};

/// How a value is named in a sentence.
pub fn what(w: What) -> &'static str {
    match w {
        What::Origin => "来源单位",
        What::Time => "时间",
        What::CaseId => "问题编号",
        What::OfficeName => "单位名称",
        What::UnitName => "责任单位名称",
        What::ReceivedTime => "受理时间",
        What::Community => "小区",
        What::Summary => "摘要",
        What::DueDate => "办结时限",
        What::WorkPlan => "工作计划",
        What::PlanDate => "计划完成日期",
        What::Resolution => "办理情况",
        What::DuplicateOf => "重复的问题（duplicate_of）",
        What::Reason => "原因",
        What::Note => "备注",
        What::TrustedOffice => "受信任的单位",
        What::CompanyName => "公司名称",
        What::Item => "评分项目",
        What::RecordDate => "信用记录日期",
        What::RecordCase => "信用记录所依据的问题",
        What::Deposit => "保证金",
        What::DismissedBy => "解聘决定人",
        What::DecisionDate => "决定日期",
        What::GuaranteeDate => "保证日期",
        What::DismissalDate => "解聘日期",
        What::AckBy => "签收人",
        What::ExtendUntil => "延期日期",
        What::SuperviseDue => "督办时限",
        What::VisitNote => "回访备注",
    }
}

pub fn subject(s: &Subject) -> String {
    format!("{}（{}）", s.label(Lang::Zh), s.code())
}

/// The rule an event breaks.
pub fn rule(b: &Break) -> String {
    use crate::ledger::rules::{YEAR_MAX, YEAR_MIN};
    match b {
        Break::Empty(w) => format!("{}为空", what(*w)),
        Break::ReceivedYear { year, now_year } => {
            let hint = if (1..100).contains(year) {
                format!("（两位数的年份不作猜测：请写完整，如 {now_year}）")
            } else {
                String::new()
            };
            format!("年份 {year} 不在 {YEAR_MIN}..{now_year} 之内{hint}")
        }
        Break::NotATime { what: w, value } => format!("{}“{value}”不是时间", what(*w)),
        Break::TimeYears { what: w, value } => {
            format!("{}“{value}”不在 {YEAR_MIN}..{YEAR_MAX} 年之内", what(*w))
        }
        Break::NotADate { what: w, value } => {
            format!("{}“{value}”不是日期（YYYY-MM-DD）", what(*w))
        }
        Break::DateYears { what: w, value } => {
            format!("{} {value} 不在 {YEAR_MIN}..{YEAR_MAX} 年之内", what(*w))
        }
        Break::CaseIdForm {
            what: w,
            value,
            canonical,
        } => format!(
            "{}“{value}”不是问题编号的写法（应写作 {canonical}）",
            what(*w)
        ),
        Break::CaseIdYear {
            what: w,
            value,
            year,
        } => format!(
            "{} {value} 的年份 {year} 不在 {YEAR_MIN}..{YEAR_MAX} 之内",
            what(*w)
        ),
        Break::OfficeForm { what: w, value } => {
            format!("{}“{value}”不是单位代码的写法", what(*w))
        }
        Break::Malformed(why) => super::invalid::say(why),
        Break::Standard(why) | Break::Payload(why) => why.clone(),
        Break::TooLong { field, chars, max } => {
            format!("{field} 长 {chars} 个字；一段文字最多 {max} 个字")
        }
        Break::Campaign(f) => super::campaign::fault(f),
        Break::SeqRange(n) => format!("序号 {n} 不在 1..2^40 之内"),
        Break::ClockRange(n) => format!("时钟 {n} 不在 1..2^40 之内"),
        Break::CaseIdPresence { kind, has } => format!(
            "{kind} 事件{}问题编号",
            if *has { "不应带有" } else { "需要" }
        ),
        Break::NumberedYear {
            id,
            numbered,
            received,
        } => format!("问题 {id} 按 {numbered} 年编号，却是 {received} 年受理的"),
        Break::UnitCodeForm(code) => format!("单位代码“{code}”不是代码的写法"),
        Break::BuiltinUnit(code) => format!("单位代码 {code} 是内置单位"),
        Break::UnknownProblem(code) => format!("问题代码“{code}”不在问题目录中"),
        Break::ProblemSubject { code, of, given } => format!(
            "问题 {code} 属于{}，但给出的责任主体是{}",
            subject(of),
            subject(given)
        ),
        Break::UnknownUnit(code) => format!("这里没有单位“{code}”"),
        Break::DuplicateOfItself(id) => format!("问题 {id} 作为自己的重复件销号"),
        Break::DuplicateNamesNone => "按重复销号却没有写明重复的是哪件问题（duplicate_of）".into(),
        Break::DuplicateOfNotDuplicate => "不是按重复销号，却给出了 duplicate_of".into(),
        Break::Sweep(b) => super::sweep::rule(b),
        Break::Loop(b) => super::units_loop::rule(b),
    }
}

pub fn event(e: &EventRef) -> String {
    format!("事件 {}/{}（{}）", e.origin, e.seq, e.kind)
}

pub fn role(district: bool) -> &'static str {
    if district { "区" } else { "街道" }
}
