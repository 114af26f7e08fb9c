//! Chinese: every phrase the commands print beside their data.

use crate::cmd::msg::text::Text;

/// The phrase, in Chinese.
pub fn text(t: Text) -> &'static str {
    match t {
        // --- used by several commands (table headers, counts)
        Text::Code => "代码",
        Text::Subject => "责任主体",
        Text::Unit => "单位",
        Text::Closed => "已销号",
        Text::Manager => "负责人",
        Text::CreditCode => "信用代码",
        Text::Company => "企业名称",
        Text::Score => "得分",
        Text::Grade => "等级",
        Text::ListStatus => "名单状态",
        Text::Field => "项目",
        Text::Value => "内容",
        Text::Item => "项目",
        Text::Points => "分值",
        Text::Yes => "是",
        Text::Events => "条事件",
        Text::Cases => "件",
        Text::Received => "受理日期",
        Text::Overdue => "逾期",
        Text::EventClosed => "销号",

        // --- add
        Text::RejectReason => "拒收原因",
        Text::MappingColumn => "列名",
        Text::MappingSample => "示例",
        Text::MappingField => "字段",

        // --- assign
        Text::TypeDefaultUnit => "(问题类型默认单位)",
        Text::Due => "办结时限",

        // --- backup
        Text::BackedUp => "已备份",

        // --- catalog
        Text::NoLedger => "尚无台账",
        Text::BuiltInCatalogue => "列出内置目录(不含本地登记的单位)",
        Text::Problem => "问题",
        Text::Days => "时限(天)",
        Text::DefaultUnit => "默认单位",
        Text::AnyProblem => "任意",
        Text::UnitSource => "来源",
        Text::FromPlan => "行动方案",
        Text::LocalUnit => "本地登记",

        // --- close
        Text::RegisteredManager => "(登记的项目经理)",
        Text::NoManager => "未登记项目经理，无个人失信记录(可用 --manager 指定)",
        Text::CreditDeducted => "已记入信用扣分",

        // --- credit company
        Text::CompanyRegistered => "已登记企业",
        Text::Managers => "项目经理",
        Text::LinkedCases => "关联问题",
        Text::HasOwnersCommittee => "有",
        Text::NoOwnersCommittee => "无(由社区居委会代行)",
        Text::OwnersCommittee => "业主委员会",
        Text::Standard => "计分标准",

        // --- credit
        Text::Date => "日期",
        Text::Description => "说明",
        Text::CountsUntil => "有效至",
        Text::Counts => "计入",
        Text::LinkedCase => "关联问题",
        Text::NotInStandard => "(标准中无此项)",
        Text::No => "否",

        // --- credit notice
        Text::NoticeTitle => "物业服务行业失信情况通报",
        Text::NoticeStandard => "计分标准",
        Text::ListedCompanies => "失信名单企业",
        Text::PersonalRecords => "个人失信档案",
        Text::ScoreGrade => "得分/等级",
        Text::ListEntries => "列入失信名单",
        Text::Sanction => "处理",
        Text::ManagerName => "姓名",
        Text::ManagerCompany => "所在企业",
        Text::DishonestyRecords => "失信记录",

        // --- credit record
        Text::Recorded => "已记录",

        // --- credit score
        Text::ActiveRecords => "有效记录",
        Text::DismissedBy => "解聘主体",
        Text::CreditScores => "信用评分",
        Text::ScoreStandard => "标准",

        // --- credit standard
        Text::StandardLoaded => "已载入信用标准",
        Text::Items => "项",
        Text::Grades => "个等级",
        Text::BaseScore => "基础分",
        Text::DefaultNotLoaded => " (默认标准，未载入)",
        Text::Months => "有效期(月)",
        Text::TriggersDishonesty => "失信触发",
        Text::GradeLabel => "名称",
        Text::FromScore => "最低分",

        // --- defer
        Text::Deferred => "已暂缓",

        // --- demo
        Text::Try => "试一试",
        Text::DistrictMerged => "区级合并",
        Text::NewEventsCount => "条新事件",

        // --- export
        Text::Exported => "已导出",

        // --- init
        Text::RestoredLedger => "已恢复台账",
        Text::NewKeyTrustAtDistrict => "新台账有新的密钥，请在区台账上运行:",
        Text::CreatedLedger => "已建立台账",

        // --- key
        Text::TrustAtEachOffice => "在各街道办事处的台账上运行: ledger trust",
        Text::TrustAtDistrict => "在区台账上运行: ledger trust",

        // --- list
        Text::Type => "类型",
        Text::SuggestedMark => "(建议)",

        // --- man
        Text::ManualPagesWrittenTo => "页手册已写入",

        // --- merge
        Text::ConflictingCases => "件问题有冲突",
        Text::ConflictsHint => "见 ledger list --conflicts；查看后加备注即可清除",
        Text::File => "文件",
        Text::NewEvents => "新事件",
        Text::KnownEvents => "已有事件",
        Text::Skipped => "跳过",
        Text::CasesCreated => "新增问题",
        Text::CasesChanged => "变更问题",
        Text::Result => "结果",
        Text::Refused => "拒绝",
        Text::DryRunOk => "可合并(未写入)",
        Text::Merged => "已合并",

        // --- note
        Text::Noted => "已添加备注",

        // --- out
        Text::WrittenTo => "已写入",

        // --- rebuild
        Text::Rebuilt => "已从事件日志重建",

        // --- reopen
        Text::Reopened => "已重新打开",

        // --- report
        Text::ReportTitle => "物业管理整治台账",
        Text::AsOf => "截至",
        Text::By => "按",
        Text::PerWeek => "每周新增与销号",
        Text::PerMonth => "每月新增与销号",
        Text::ByOffice => "办事处",
        Text::ByStatus => "状态",
        Text::ByProblem => "问题类型",
        Text::ByUnit => "责任单位",
        Text::ByCommunity => "小区",
        Text::ByParty => "被投诉方",
        Text::TotalCases => "问题总数",
        Text::OverdueCases => "逾期未办结",
        Text::DeferredWithAPlan => "暂缓(已制定计划)",
        Text::KeyCasesNotClosed => "重点难点未销号",
        Text::HalfYearOpen => "半年未解决",
        Text::RepeatComplaints => "多次投诉(90天内同小区同类)",
        Text::ConflictsUnseen => "冲突待查看",
        Text::ClosureRate => "销号率",
        Text::MedianDaysToClose => "办结天数中位数",
        Text::Figure => "指标",
        Text::FigureValue => "数量",
        Text::NotFilled => "(未填)",
        Text::Rank => "排名",
        Text::Total => "总数",
        Text::Open => "未销号",
        Text::GrandTotal => "合计",
        Text::Period => "周期",
        Text::PeriodNew => "新增",

        // --- show
        Text::SuggestedToConfirm => "(系统建议，待确认)",
        Text::Time => "时间",
        Text::Actor => "经办",
        Text::Event => "事项",
        Text::Details => "内容",
        Text::EventRegistered => "登记",
        Text::EventAssigned => "转办",
        Text::EventDeferred => "暂缓",
        Text::EventReopened => "重新打开",
        Text::EventNote => "备注",
        Text::TimeLimit => "时限",
        Text::PlanUntil => "计划完成",

        // --- trust
        Text::NoKeysYet => "尚未登记任何密钥: ledger trust CODE KEY",
        Text::Office => "单位",
        Text::PublicKey => "公钥",
        Text::RegisteredAt => "登记时间",
        Text::KeyRegistered => "已登记公钥",
        Text::KeyReplaced => "已更换公钥",
        Text::KeyUnchanged => "公钥已登记，无变化",

        // --- unit
        Text::UnitRegistered => "已登记单位",

        // --- view
        Text::LongRunning => "超半年",
        Text::KeyCase => "重点",
        Text::Repeat => "多次投诉",

        // --- case fields (view: list, show, export headers)
        Text::CaseId => "编号",
        Text::CaseOffice => "办事处",
        Text::CaseStatus => "状态",
        Text::CaseReceivedAt => "受理时间",
        Text::CaseSource => "来源",
        Text::CaseSourceRef => "来源编号",
        Text::CaseCommunity => "小区",
        Text::CaseAddress => "地址",
        Text::CaseSummary => "问题摘要",
        Text::CaseDetails => "详情",
        Text::CaseComplainant => "投诉人",
        Text::CasePhone => "联系电话",
        Text::CaseSubject => "责任主体",
        Text::CaseProblem => "问题类型",
        Text::CaseParty => "被投诉方",
        Text::CaseKey => "重点难点",
        Text::CaseUnit => "责任单位",
        Text::CaseAssignedAt => "转办时间",
        Text::CaseDue => "办结时限",
        Text::CasePlan => "工作计划",
        Text::CaseDeferUntil => "计划完成",
        Text::CaseClosedAt => "销号时间",
        Text::CaseResult => "办结结果",
        Text::CaseResolution => "办理情况",
        Text::CaseDuplicateOf => "重复于",
        Text::CaseFlags => "标记",
        Text::CaseNotes => "备注数",
        Text::CaseProblemSuggested => "类型为建议",
        Text::CaseOverdue => "逾期",
        Text::CaseLongRunning => "半年未解决",
        Text::CaseRepeat => "多次投诉",
        Text::CaseUpdatedAt => "更新时间",
        Text::NoDisclosures => "本台账还没有人用过 --show-pii",
        Text::When => "时间",
        Text::User => "操作人",
        Text::CommandLine => "命令",
        Text::Loop(t) => super::units_loop::text(t),
    }
}
