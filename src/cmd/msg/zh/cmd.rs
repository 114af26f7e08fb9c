//! 中文: what the command layer refuses (`cmd::error::Error`).

use crate::cmd::error::Error;

pub fn say(e: &Error) -> String {
    match e {
        Error::NoCase { id } => format!("台账中没有问题 {id}（见 `ledger list`）"),
        Error::MergeFormat => "merge 只输出表格或 json（--format table|json）".into(),
        Error::FilesRefused {
            refused,
            files,
            dry_run,
        } => format!(
            "{files} 个文件中有 {refused} 个被拒收；其余的已{}",
            if *dry_run { "检查" } else { "合并" }
        ),
        Error::CreateDir { path, source } => {
            format!("无法创建 {}：{source}", path.display())
        }
        Error::CheckFailed { problem } => {
            format!("校验未通过：{}", super::ledger::problem(problem))
        }
        Error::Ledger(inner) => super::core(inner),
    }
}
