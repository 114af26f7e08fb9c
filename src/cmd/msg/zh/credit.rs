//! 中文: the credit register's errors as sentences.

use crate::credit::Error;
use crate::credit::error::{Dated, Number, StandardFault};

/// The sentence for a credit error.
pub fn say(e: &Error) -> String {
    match e {
        Error::NoCompany { typed } => format!(
            "没有登记的公司“{typed}”：请给出其登记名称或统一社会信用代码（见 `ledger credit company list`；用 `ledger credit company add` 登记）"
        ),
        Error::Future { what, on, today } => {
            let what = match what {
                Dated::Record => "信用记录",
                Dated::Blacklist => "列入失信名单决定",
                Dated::Guarantee => "保证",
                Dated::Dismissal => "解聘",
            };
            format!("{what}日期 {on} 在将来（今天是 {today}）：请检查 --date")
        }
        Error::EmptyName => "公司名称不能为空".into(),
        Error::UsccTaken { uscc, name } => {
            format!("统一社会信用代码 {uscc} 已经登记，公司名称为 {name}")
        }
        Error::NameTaken { name, uscc } => {
            format!("名为 {name} 的公司已经登记，统一社会信用代码为 {uscc}")
        }
        Error::UnknownItem {
            item,
            standard,
            codes,
        } => format!(
            "项目 {item} 不在评分标准 {standard} 中：请使用 {} 之一",
            codes.join("、")
        ),
        Error::NoSuchCase { case } => format!("--case {case}：台账中没有这件问题"),
        Error::EmptyManager => "--manager 不能为空：请写明项目负责人".into(),
        Error::ManagerWithoutSubstantiated => {
            "--manager 须与 --substantiated 同用：它写明违规属实销号时所记信用记录上的项目负责人"
                .into()
        }
        Error::SubstantiatedNotResolved { result } => format!(
            "--substantiated 须与 --result resolved 同用（结果为 {} 的投诉不构成违规）",
            result.code()
        ),
        Error::NoParty { case } => format!(
            "--substantiated 需要问题的被投诉方：用 `ledger assign {case} --party 名称` 设定"
        ),
        Error::NotRegistered { party } => format!(
            "--substantiated：{party} 不是已登记的公司（用 `ledger credit company add --name {party} --uscc 代码` 登记）"
        ),
        Error::NoProblem { case } => {
            format!("--substantiated 需要问题类型（ledger assign {case} --problem WY-xx）")
        }
        Error::NotScored { problem } => format!(
            "--substantiated：信用评分标准中没有 {problem} 的项目（只对物业服务企业的问题计分）"
        ),
        Error::NoReason => "列入失信名单须写明理由（--reason）".into(),
        Error::NotSuspended { company, status } => format!(
            "{company} 的状态是“{}”：书面保证只对第一次列入失信名单后被暂停的公司记录",
            status.label(true)
        ),
        Error::BadDeposit { deposit } => {
            format!("--deposit“{deposit}”不是金额（如 50000）")
        }
        Error::DismissalNotRequired { company, status } => format!(
            "{company} 的状态是“{}”：须在应予解聘（作出保证后再次列入）后才能记录解聘",
            status.label(true)
        ),
        Error::NoticeNotJson => "通报只输出 md 或 csv（--format md|csv）".into(),
        Error::CannotRead { file, source } => {
            format!("无法读取 {}：{source}", file.display())
        }
        Error::StandardFile { file, line, fault } => match line {
            Some(line) => format!("{file} 第 {line} 行：{}", standard(fault)),
            None => format!("{file}：{}", standard(fault)),
        },
        Error::DamagedDate { event, kind, value } => format!(
            "台账文件已损坏：{kind} 事件 {event} 的日期是“{value}”，不是日期（YYYY-MM-DD）；请运行 `ledger check`"
        ),
        Error::Ledger(inner) => super::core(inner),
    }
}

/// What is wrong with a standard file.
fn standard(f: &StandardFault) -> String {
    match f {
        StandardFault::Csv(e) => e.to_string(),
        StandardFault::Header { expected, found } => {
            format!("表头应为 `{expected}`，实际是 `{found}`")
        }
        StandardFault::EmptyCode => "代码为空".into(),
        StandardFault::SecondStandard => "出现第二个 `standard` 行：一个文件只含一个标准".into(),
        StandardFault::NotWhole { number, value } => {
            let what = match number {
                Number::Base => "基础分",
                Number::Points => "分值",
                Number::BandMin => "等级的最低分",
            };
            format!("{what}“{value}”不是整数")
        }
        StandardFault::PointsRange { points } => {
            format!("分值 {points}：良好记录写作 +1..+100，扣分写作 -1..-100")
        }
        StandardFault::Months { value } => {
            format!("有效月数“{value}”不在 1 到 120 个月之内")
        }
        StandardFault::Dishonesty { value } => {
            format!("dishonesty“{value}”：请写 yes 或 no")
        }
        StandardFault::ItemTwice { code } => format!("项目 {code} 定义了两次"),
        StandardFault::BandOrder {
            code,
            min,
            above,
            above_min,
        } => format!(
            "等级 {code} 从 {min} 分起，不低于等级 {above}（{above_min}）：请按分数从高到低列出等级"
        ),
        StandardFault::Type { value } => {
            format!("type“{value}”不是 standard、item、grade 之一")
        }
        StandardFault::NoStandardRow => "没有 `standard` 行（名称和基础分）".into(),
        StandardFault::NoItems => "没有 `item` 行".into(),
        StandardFault::Bands { count } => {
            format!("有 {count} 个等级；一个标准应有 2 到 8 个（通常 4 或 5 个）")
        }
    }
}
