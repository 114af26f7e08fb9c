//! 中文: every error kind said as a sentence with what to do, mirroring
//! `en/` file for file (each match is exhaustive, so a new kind without a
//! Chinese sentence does not compile). Codes, ids, file names, flags and
//! commands stay as they are typed.

pub mod args;
pub mod campaign;
pub mod cmd;
pub mod credit;
mod exchange;
pub mod forms;
pub mod help;
pub mod intake;
pub mod invalid;
pub mod ledger;
pub mod list;
pub mod rules;
pub mod sweep;
pub mod text;
// Issue 17: the workbook and the page.
pub mod present;
pub mod units_loop;

/// SQLite's terse words about the disk, as what happened for the user.
pub fn plain_sqlite(e: &rusqlite::Error) -> Option<&'static str> {
    use rusqlite::ErrorCode as C;
    Some(match e.sqlite_error_code()? {
        C::DiskFull => "磁盘已满：没有写入任何内容",
        C::SystemIoFailure => {
            "无法写入台账文件（磁盘已满、超出文件大小限制，或驱动器被拔出？）：没有写入任何内容"
        }
        C::ReadOnly => "台账文件是只读的：没有写入任何内容",
        C::CannotOpen => "无法打开台账文件（请检查路径和权限）",
        C::DatabaseBusy | C::DatabaseLocked => {
            "另一个程序占用台账文件已达 30 秒；请等它结束后再试：没有写入任何内容"
        }
        _ => return None,
    })
}

pub(crate) fn sqlite(e: &rusqlite::Error) -> String {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) {
        return format!(
            "所要求的操作与台账已有内容不符（数据库拒绝：{e}）；没有写入任何内容：请运行 `ledger check`"
        );
    }
    plain_sqlite(e).map_or_else(|| e.to_string(), String::from)
}

/// The core's errors (feature errors delegate their `Ledger` variant here).
pub fn core(e: &crate::ledger::Error) -> String {
    ledger::say(e)
}
