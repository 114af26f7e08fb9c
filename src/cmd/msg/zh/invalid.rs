//! 中文：输入的值不是该项所要的（`invalid::Invalid`）。

use crate::invalid::{Expected, Invalid, UsccFault};

/// How a closed set of codes is named in Chinese.
fn code_list(what: &str) -> &str {
    match what {
        "status" => "状态",
        "result" => "办理结果",
        "source" => "来源",
        "subject" => "责任主体",
        "format" => "输出格式",
        "phase" => "阶段",
        "committee" => "业委会状态",
        other => other,
    }
}

pub fn say(e: &Invalid) -> String {
    let s = &e.value;
    match &e.expected {
        Expected::OfficeCode => {
            format!("“{s}”不是街道代码：请用 1 到 8 位英文字母或数字，如 S07 或 D")
        }
        Expected::CaseId => {
            format!("“{s}”不是问题编号：应为 街道-年份-序号，如 S03-2026-0042")
        }
        Expected::Code { what, codes } => format!(
            "“{s}”不是有效的{}：可用 {}",
            code_list(what),
            codes.join("、")
        ),
        Expected::Lang => format!("“{s}”不是语言：请用 zh 或 en"),
        Expected::ProblemCode => format!(
            "“{s}”不是问题类型代码：应为两个字母加数字，如 WY-06（见 `ledger catalog problems`）"
        ),
        Expected::Unit => "责任单位不能为空：请写单位代码（如 ZJ）或完整名称".into(),
        Expected::UnitCode => {
            format!("“{s}”不是单位代码：请用 1 到 12 位英文字母、数字、'_' 或 '-'，如 SQ01")
        }
        Expected::Text => "不能为空".into(),
        Expected::Phone => format!(
            "“{s}”不是电话号码：应为 5 到 20 位数字，可带空格、'-'、'+' 或括号，如 13812345678 或 0371-6666 8888"
        ),
        Expected::Days => format!("“{s}”不是天数：请写 0 到 3650 的整数，如 30"),
        Expected::Date => format!(
            "“{s}”不是日期：请写 YYYY-MM-DD，如 2026-11-03（2026/11/3、20261103、2026年11月3日 也可以）"
        ),
        Expected::DateOrMonth => format!(
            "“{s}”不是日期或月份：请写 YYYY-MM-DD 或 YYYY-MM，如 2026-11-03 或 2026-11（2026年11月3日、2026年11月 也可以）"
        ),
        Expected::DateTime => format!(
            "“{s}”不是日期或时间：请写 YYYY-MM-DD 或 “YYYY-MM-DD HH:MM”，如 2026-11-03 14:05（2026年11月3日 14时05分 也可以）"
        ),
        Expected::ShortYear(y) => {
            format!("“{s}”的年份是 {y}：两位年份不做猜测，请写完整年份（如 2026-11-03）")
        }
        Expected::Key => format!(
            "“{s}”不是台账密钥：应为 ed25519: 加 64 位十六进制数字，即 `ledger key` 打印的内容"
        ),
        Expected::Uscc(f) => uscc(s, f),
    }
}

fn uscc(s: &str, f: &UsccFault) -> String {
    match f {
        UsccFault::Length(n) => {
            format!("“{s}”不是统一社会信用代码：它有 {n} 位，信用代码应为 18 位")
        }
        UsccFault::Char { position, char } => format!(
            "“{s}”：第 {position} 位是“{char}”，信用代码不使用这个字符（没有 I、O、Z、S、V）"
        ),
        UsccFault::Division { position, char } => {
            format!("“{s}”：第 {position} 位是“{char}”，但第 3 至 8 位是行政区划码（应为数字）")
        }
        UsccFault::OrgCheck { found, expected } => {
            format!("“{s}”：第 17 位是“{found}”，但组织机构代码的校验码应为“{expected}”")
        }
        UsccFault::Check { found, expected } => {
            format!("“{s}”：第 18 位是“{found}”，但校验码应为“{expected}”（是否别的位置输错了？）")
        }
    }
}
