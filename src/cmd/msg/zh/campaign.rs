//! 中文：整治行动（阶段、小区台账、巡查表单）的拒绝理由和用语。

use crate::cmd::msg::text::Label;
use crate::ledger::campaign::error::{Fault, Field, Refused};

fn field(f: Field) -> &'static str {
    match f {
        Field::Name => "小区名称",
        Field::Alias => "别名",
        Field::Company => "物业服务企业",
        Field::Patrol => "巡查记录的文字",
    }
}

/// 事件违反的内容规则。
pub fn fault(f: &Fault) -> String {
    match f {
        Fault::Empty(f) => format!("{}不能为空", field(*f)),
        Fault::TooLong { field: f, max } => format!("{}超过 {max} 个字", field(*f)),
        Fault::TooManyAliases { max } => format!("一个事件的别名超过 {max} 个"),
        Fault::NotADate { value } => format!("“{value}”不是日期（YYYY-MM-DD，2000–2099 年）"),
        Fault::Backwards { from, to } => format!("阶段的开始日期 {from} 晚于结束日期 {to}"),
    }
}

/// 被拒绝的命令。
pub fn refused(r: &Refused) -> String {
    match r {
        Refused::CommunityExists { name } => {
            format!("{name} 已登记：修改请用 `ledger community set {name} …`")
        }
        Refused::NoCommunity { name } => format!(
            "没有登记名为“{name}”的小区（见 `ledger community list`；用 `ledger community add` 登记）"
        ),
        Refused::AliasTaken { alias, community } => {
            format!("“{alias}”已是 {community} 的名称或别名")
        }
        Refused::PatrolOnly => "--found-by、--found-at、--dissuasion 和 --reported-to 须与 --source patrol 一起使用".into(),
        Refused::NothingToSet => "没有要修改的内容：请给出 --alias、--company、--committee、--demonstration 或 --no-demonstration".into(),
        Refused::NothingToCalendar => {
            "没有要设置的内容：请给出 --phase 及 --from、--to，或 --ledger-due".into()
        }
        Refused::PhaseNeedsDates => "--phase 须同时给出 --from 和 --to".into(),
        Refused::FromAfterTo { from, to } => format!("--from {from} 晚于 --to {to}"),
        Refused::Overlaps { phase, other } => format!(
            "{}阶段与{}阶段的日期重叠：各阶段应先后相接",
            phase.label(crate::domain::Lang::Zh),
            other.label(crate::domain::Lang::Zh)
        ),
    }
}

pub fn label(l: Label) -> &'static str {
    match l {
        Label::CommunityRegistered => "已登记小区",
        Label::CommunityChanged => "已修改小区",
        Label::Community => "小区",
        Label::Office => "街道",
        Label::Aliases => "别名",
        Label::Company => "物业服务企业",
        Label::Committee => "业主委员会",
        Label::Demonstration => "示范小区",
        Label::Cases => "问题数",
        Label::OpenCases => "未销号",
        Label::TypedText => "登记时所填小区",
        Label::DismissedBy => "解聘决定方",
        Label::OwnersCommittee => "业主委员会",
        Label::ResidentsCommittee => "社区居委会",
        Label::Phase => "阶段",
        Label::From => "开始",
        Label::To => "结束",
        Label::DaysLeft => "剩余天数",
        Label::Current => "当前",
        Label::LedgerDue => "台账报区截止日",
        Label::NoCalendar => "尚未设置整治行动日程（ledger campaign set --phase …）",
        Label::PhaseSet => "已设置阶段",
        Label::DueSet => "已设置台账报区截止日",
        Label::PatrolRecord => "巡查记录",
        Label::CommitteeRecorded => "已记录业主委员会问责",
        Label::CommitteeRecords => "有问责记录的业主委员会",
        Label::Records => "记录",
        Label::Backlog => "存量问题(行动开始前受理)",
        Label::BacklogRate => "  存量销号率",
        Label::New => "新增问题(行动开始后受理)",
        Label::NewRate => "  新增销号率",
        Label::CurrentPhase => "当前阶段",
        Label::PhaseDaysLeft => "  本阶段剩余天数",
        Label::DemonstrationTarget => "示范小区(目标 2 个)",
        Label::PhaseNew => "新增",
        Label::PhaseClosed => "销号",
        Label::Total => "问题总数",
        Label::Closed => "已销号",
        Label::ClosureRate => "销号率",
        Label::Overdue => "逾期未办结",
        Label::DeferredWithPlan => "暂缓(已制定计划)",
        Label::KeyOpen => "重点难点未销号",
        Label::FirstMerged => "台账首次报区",
        Label::ReachedInTime => "按时报区",
        Label::OnTime => "是",
        Label::Late => "逾期",
        Label::AcceptanceTitle => "总结验收",
        Label::Field => "项目",
        Label::Value => "内容",
    }
}
