//! 中文：排查（更正、关联、拆分、逐件过目）的拒绝、规则与用语。

use crate::cmd::msg::text::SweepText;
use crate::ledger::sweep::Relation;
use crate::ledger::sweep::errors::Refused;
use crate::ledger::sweep::errors::SweepBreak;

pub fn refusal(r: &Refused) -> String {
    match r {
        Refused::EditClosed(id) => {
            format!("{id} 已销号：如需更正，先重新打开（ledger reopen {id} --reason …）")
        }
        Refused::NothingToEdit(id) => format!("{id} 没有要更正的内容：给出的值与现有的相同"),
        Refused::NoSuggestion(id) => {
            format!("{id} 没有系统建议的问题类型可确认：请用 --problem 给出类型")
        }
        Refused::AssignNeedsProblem { id, suggested } => format!(
            "{id} 的问题类型 {suggested} 只是系统建议：用 --accept-suggested 确认，或用 --problem 给出类型"
        ),
        Refused::LinkItself(id) => format!("{id} 不能与自己关联"),
        Refused::AlreadyLinked { id, other } => format!("{id} 与 {other} 已经关联"),
        Refused::SplitClosed(id) => format!("{id} 已销号：如需拆分，先重新打开"),
        Refused::SplitAgain(id) => {
            format!("{id} 已经拆分过（见 ledger show {id}）：可再拆分其中一件")
        }
        Refused::SplitOthers { id, office } => {
            format!("{id} 是 {office} 的问题：由 {office} 拆分，各部分登记为它的问题")
        }
        Refused::SplitParts(n) => format!(
            "拆分需要两个或更多 --part（现有 {n} 个）：只改一件问题的说法请用 ledger edit --summary"
        ),
    }
}

pub fn rule(b: &SweepBreak) -> String {
    match b {
        SweepBreak::NothingEdited => "更正事件没有更改任何内容".into(),
        SweepBreak::ProblemRemoved => "更正事件删去了问题类型".into(),
        SweepBreak::LinkToItself(id) => format!("{id} 与自己关联"),
    }
}

pub fn text(t: SweepText) -> &'static str {
    match t {
        SweepText::Edited => "更正",
        SweepText::Linked => "关联",
        SweepText::Links => "关联问题",
        SweepText::Suggestion => "系统建议",
        SweepText::Keys => {
            "[a]确认建议  [p]改填类型  [c]改填小区  [x]非物业问题销号  [s]跳过  [q]退出（按键后回车）"
        }
        SweepText::AskCode => "问题类型代码：",
        SweepText::AskCommunity => "小区名称：",
        SweepText::OutOfScopeResolution => "排查：非物业管理问题",
        SweepText::UnknownKey => "请输入 a、p、c、x、s 或 q 后回车",
        SweepText::NothingToTriage => "没有需要过目的问题",
    }
}

pub fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Related => "相关",
        Relation::SplitInto => "拆分为",
        Relation::PartOf => "拆分自",
    }
}

pub fn accepted(n: usize, of: usize) -> String {
    format!("已确认 {n} 件问题的建议类型（共选中 {of} 件）")
}

pub fn triaged(decided: usize, skipped: usize, left: usize) -> String {
    format!("已处理 {decided} 件，跳过 {skipped} 件，未过目 {left} 件")
}
