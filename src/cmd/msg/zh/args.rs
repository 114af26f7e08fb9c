//! 中文：参数之间说不通（`cmd::args::Error`）。

use crate::cmd::args::Error;

pub fn say(e: &Error) -> String {
    match e {
        Error::FromAfterTo { from, to } => {
            format!("--from {from} 晚于 --to {to}：这段时间里不可能有受理的问题；请把两个日期对调")
        }
    }
}
