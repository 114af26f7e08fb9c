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
        Error::NoMatch { pattern } => format!(
            "没有文件符合 {pattern}：请检查文件夹和文件名（* 代表任意多个字符，? 代表一个）"
        ),
        Error::NoExchangeFile { dir } => format!(
            "{} 中没有交换文件：merge 只接收 `ledger export` 写出的 .csv 文件",
            dir.display()
        ),
        Error::ReadFolder { dir, source } => {
            format!("无法读取文件夹 {}：{source}", dir.display())
        }
        Error::CreateDir { path, source } => {
            format!("无法创建 {}：{source}", path.display())
        }
        Error::CheckFailed { problem } => {
            format!("校验未通过：{}", super::ledger::problem(problem))
        }
        Error::NeedsOut { format } => format!(
            "--format {format} 写出的是文件，不能显示在屏幕上：请加 --out 文件名，如 --out 周报.{format}"
        ),
        Error::AcceptanceFormat { format } => {
            format!("report --acceptance 没有 {format} 格式：请用 --format table、md、csv 或 json")
        }
        Error::OneGrouping => {
            "多个 --by 只能用于 --format xlsx 或 html；表格、csv、json 和 md 一次只按一种方式分组"
                .into()
        }
        Error::Workbook { why } => format!("无法写出工作簿：{why}；没有写入任何文件"),
        Error::Ledger(inner) => super::core(inner),
    }
}
