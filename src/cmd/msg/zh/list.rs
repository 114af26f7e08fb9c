//! 中文: `list`'s refusals.

use crate::cmd::error::Filter as Error;

pub fn say(e: &Error) -> String {
    match e {
        Error::UnknownUnit(typed) => {
            format!("没有责任单位“{typed}”：见 `ledger catalog units`")
        }
        Error::UnknownProblem(code) => {
            format!("没有问题代码 {code}：见 `ledger catalog problems`")
        }
        Error::Ledger(inner) => super::core(inner),
    }
}
