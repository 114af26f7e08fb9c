//! 中文：责任单位办理环节（issue 15）的拒绝、规则与用语，与 `en/units_loop.rs` 一一对应。

use crate::cmd::msg::loop_text::LoopText;
use crate::domain::Lang;
use crate::ledger::units_loop::error::{LoopBreak, LoopRefusal};
use crate::ledger::units_loop::rules::MAX_CO_UNITS;

/// A stored time as `2026-11-27 09:00`.
fn short(at: &str) -> String {
    crate::cmd::msg::shown::short_time(at)
}

/// The sentence for a refusal of the loop.
pub fn refusal(r: &LoopRefusal) -> String {
    match r {
        LoopRefusal::NotAssigned { id, status } => format!(
            "{id} 的状态是{}：只有已转办的问题才能签收、退回或申请延期",
            status.label(Lang::Zh)
        ),
        LoopRefusal::AlreadyAcknowledged { id, at } => format!("{id} 已于 {} 签收", short(at)),
        LoopRefusal::ExtensionPending { id, until } => format!(
            "{id} 已申请延期至 {until}，尚未审批：请先审批（`ledger extend {id} --approve` 或 `--refuse --reason ...`）"
        ),
        LoopRefusal::ExtensionNotLater { id, until, due } => {
            format!("--until {until} 不晚于 {id} 的办结时限（{due}）或今天：请申请更晚的日期")
        }
        LoopRefusal::NoExtensionAsked(id) => format!(
            "{id} 没有待审批的延期申请：须先由责任单位申请（`ledger extend {id} --until 日期 --reason ...`）"
        ),
        LoopRefusal::RefusalNeedsReason => "--refuse 须附 --reason：请说明不批准的原因".into(),
        LoopRefusal::NeedsReason => "请给出 --reason 说明原因".into(),
        LoopRefusal::SuperviseClosed(id) => format!("{id} 已销号：无须督办"),
        LoopRefusal::DueInPast(d) => format!("--due {d} 已经过去"),
        LoopRefusal::NotClosedForVisit { id, status } => format!(
            "{id} 的状态是{}：回访在销号之后进行",
            status.label(Lang::Zh)
        ),
        LoopRefusal::ReopenNeedsDissatisfied => {
            "--reopen 只能与 --satisfaction dissatisfied（不满意）同用".into()
        }
        LoopRefusal::ReopenNeedsNote => "--reopen 须附 --note：作为重新打开的原因".into(),
        LoopRefusal::CoUnitIsLead(u) => format!("--co-unit {u} 就是主办单位：请写其他协办单位"),
        LoopRefusal::CoUnitTwice(u) => format!("--co-unit {u} 重复给出"),
        LoopRefusal::OthersCase { id, office } => format!(
            "{id} 是 {office} 的问题：其责任单位的签收、退回、延期和回访由该街道记录（区里可以督办）"
        ),
        LoopRefusal::OthersCaseInFile {
            origin,
            seq,
            kind,
            case_id,
        } => format!(
            "事件 {origin}/{seq}（{kind}）写在其他街道的问题 {case_id} 上：责任单位的答复和回访只能由转办该问题的街道记录"
        ),
    }
}

/// The rule a loop event breaks.
pub fn rule(b: &LoopBreak) -> String {
    match b {
        LoopBreak::CoUnitIsLead(u) => format!("协办单位 {u} 就是主办单位"),
        LoopBreak::CoUnitTwice(u) => format!("协办单位 {u} 重复出现"),
        LoopBreak::TooManyCoUnits(n) => format!("协办单位有 {n} 个，超过 {MAX_CO_UNITS} 个"),
        LoopBreak::ReopenNotDissatisfied => "只有回访不满意才能重新打开问题".into(),
        LoopBreak::ReopenWithoutNote => "重新打开问题的回访没有备注".into(),
        LoopBreak::RefusedWithoutReason => "不批准延期却没有说明原因".into(),
    }
}

/// The phrase, in Chinese.
pub fn text(t: LoopText) -> &'static str {
    match t {
        LoopText::Acknowledged => "已签收",
        LoopText::Returned => "已退回：重新变为待处理，没有责任单位",
        LoopText::ExtensionAsked => "已申请延期至",
        LoopText::ExtensionApproved => "延期已批准，办结时限",
        LoopText::ExtensionRefused => "延期未批准，办结时限仍为",
        LoopText::Supervised => "已督办",
        LoopText::Visited => "已回访",
        LoopText::VisitReopened => "已回访并重新打开",
        LoopText::EventAck => "签收",
        LoopText::EventReturn => "退回",
        LoopText::EventExtend => "申请延期",
        LoopText::EventExtendDecision => "延期审批",
        LoopText::EventSupervise => "督办",
        LoopText::EventVisit => "回访",
        LoopText::Approved => "批准",
        LoopText::NotApproved => "不批准",
        LoopText::SuperviseBy => "限",
        LoopText::ReturnedBy => "退回单位",
        LoopText::CoUnits => "协办单位",
        LoopText::AckedAt => "签收时间",
        LoopText::AckedBy => "签收人",
        LoopText::ReturnedUnits => "退回单位",
        LoopText::ExtensionUntil => "申请延期至",
        LoopText::ExtensionsAsked => "申请延期次数",
        LoopText::ExtensionsApproved => "批准延期次数",
        LoopText::Supervisions => "督办次数",
        LoopText::SuperviseDue => "督办时限",
        LoopText::VisitedAt => "回访时间",
        LoopText::Satisfaction => "回访满意度",
        LoopText::AckLate => "超时签收",
        LoopText::ClosedLate => "超期办结",
        LoopText::PlanOverdue => "计划逾期",
        LoopText::Unvisited => "未回访",
        LoopText::SupervisedCases => "督办问题",
        LoopText::ReturnedCases => "退回问题",
        LoopText::VisitedCases => "已回访",
        LoopText::SatisfactionRate => "满意率",
        LoopText::PlanOverdueCases => "暂缓超过计划日期",
        LoopText::AssignedCases => "转办",
        LoopText::AcknowledgedCases => "签收",
        LoopText::AcknowledgedLateCases => "超时签收",
        LoopText::ClosedOnTime => "按期办结",
        LoopText::OnTimeRate => "按期办结率",
        LoopText::DeferredCasesTitle => "暂缓问题及工作计划",
        LoopText::ExtensionAskedCases => "申请延期的问题",
        LoopText::ExtensionApprovedCases => "  其中批准延期",
    }
}
