//! 中文: the core's errors (commands on cases, keys, files, the exchange
//! format and its merge), mirroring `en/ledger.rs` arm for arm; the
//! exchange file's refusals are in `exchange.rs` (to keep files short).

use crate::domain::{Lang, Outcome, Status};
use crate::ledger::error::{Error, Refusal, What};
use crate::ledger::replay::{Problem, Table};

use super::rules::{event, rule, subject, what};
use super::sqlite;

/// The sentence for one of the core's errors.
pub fn say(e: &Error) -> String {
    match e {
        Error::Refusal(r) => refusal(r),
        Error::AtLine { line, why } => format!("第 {line} 行：{}", say(why)),
        Error::InFile { file, why } => format!("{file}：{}", say(why)),
        Error::NoLedger(path) => format!(
            "{} 处没有台账：用 `ledger init --office 代码 --name 名称` 新建一个，或用 --db（或 LEDGER_DB）指向已有的台账文件",
            path.display()
        ),
        Error::NotALedger { path, why } => {
            use crate::ledger::error::NotLedger as N;
            let why = match why {
                N::Folder => "它是文件夹".to_string(),
                N::NotRegular => "它不是普通文件（是管道或设备）".into(),
                N::NotSqlite => "它不是 SQLite 数据库".into(),
                N::NoSchema => "它是 SQLite 文件，但没有台账的表结构".into(),
                N::NoIdentity(k) => format!("缺少它的身份信息（'{k}'）"),
            };
            format!("{} 不是台账文件：{why}", path.display())
        }
        Error::TooNew {
            path,
            found,
            supported,
        } => format!(
            "{} 的结构版本是 {found}，比本程序能识别的（{supported}）新：请使用新版 `ledger`",
            path.display()
        ),
        Error::Corrupt(why) => format!("台账文件已损坏：{why}"),
        Error::Sqlite(r) => sqlite(r),
        Error::Json(j) => j.to_string(),
        Error::Io(io) => io.to_string(),
    }
}

fn outcome(o: &Option<Outcome>) -> String {
    o.map_or(String::new(), |r| format!("（{}）", r.label(Lang::Zh)))
}

fn status(s: &Status) -> &'static str {
    s.label(Lang::Zh)
}

/// The sentence for a refusal: a table, one arm a kind.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::NoSuchCase(id) => format!("台账中没有问题 {id}（见 `ledger list`）"),
        Refusal::UnknownProblem(code) => format!(
            "没有问题代码 {code}：见 `ledger catalog problems`（WY-01..16、YW-01..08、KF-01..05、ZN-01..19、QT-00）"
        ),
        Refusal::AlreadyRegistered {
            source,
            reference,
            id,
        } => format!(
            "{}编号 {reference} 已登记为 {id}：请给它添加备注（`ledger note {id} ...`）",
            source.label(Lang::Zh)
        ),
        Refusal::ReceivedInFuture { received, now } => {
            format!("受理时间 {received} 在将来（现在是 {now}）：请检查 --received")
        }
        Refusal::ReceivedBad { received, why } => {
            format!("受理时间 {received}：{}：请检查 --received", rule(why))
        }
        Refusal::Empty(w) => empty(*w),
        Refusal::ClosedCannotAssign(id) => {
            format!("{id} 已销号：请先重新打开（`ledger reopen {id} --reason ...`）")
        }
        Refusal::UnknownUnit(typed) => format!(
            "没有责任单位“{typed}”：请给出单位代码或完整名称（见 `ledger catalog units`；本地单位用 `ledger unit add` 登记）"
        ),
        Refusal::DefaultUnitMissing(code) => format!("本台账中缺少默认单位 {code}"),
        Refusal::NoDefaultUnit { problem } => format!(
            "请给出 --unit：{}没有默认单位（通常是 JD 街道办事处或 ZJ 区物业办；见 `ledger catalog units`）",
            problem.as_deref().unwrap_or("没有问题类型的问题")
        ),
        Refusal::DueBeforeReceived { id, due, received } => {
            format!("办结时限 {due} 早于 {id} 的受理日期（{received}）：请检查 --due")
        }
        Refusal::ClosedCannotDefer(id) => {
            format!("{id} 已销号：只有待处理、已转办或暂缓的问题才能暂缓")
        }
        Refusal::UntilInPast(u) => format!("--until {u} 已经过去：请给出计划完成的日期"),
        Refusal::AlreadyClosed { id, result } => format!(
            "{id} 已经销号{}：如需继续办理，请先重新打开（`ledger reopen {id} --reason ...`）",
            outcome(result)
        ),
        Refusal::DuplicateNeedsCase => {
            "--result duplicate 需要 --duplicate-of 问题编号：写明与哪件问题重复".into()
        }
        Refusal::DuplicateOfItself(id) => {
            format!("{id} 不能是自己的重复件：请写明较早的那件问题")
        }
        Refusal::DuplicateOfUnknown(d) => format!("--duplicate-of {d}：台账中没有这件问题"),
        Refusal::DuplicateOfWithoutResult(result) => format!(
            "--duplicate-of 须与 --result duplicate 同用（本次销号结果是 {}）",
            result.code()
        ),
        Refusal::NotReopenable { id, status: s } => format!(
            "{id} 的状态是{}（{}）：只有已销号或暂缓的问题才能重新打开",
            status(s),
            s.code()
        ),
        Refusal::UnitCodeTaken { code, name } => format!("单位代码 {code} 已被 {name} 使用"),
        Refusal::UnitNameTaken { name, code } => {
            format!("已有名为 {name} 的单位，代码为 {code}")
        }
        Refusal::ProblemSubject { problem, of, given } => format!(
            "问题 {problem} 属于{}，不属于{}：请选用{}的问题代码，或不给 --subject",
            subject(of),
            subject(given),
            given.label(Lang::Zh)
        ),
        Refusal::CaseProblemSubject {
            id,
            problem,
            of,
            given,
        } => format!(
            "{id} 的问题类型是 {problem}，属于{}：要改为{}，请同时给出相应的 --problem",
            subject(of),
            subject(given)
        ),
        Refusal::LocalBreak { kind, why } => {
            format!("{kind} 不符合交换规则：{}", rule(why))
        }
        r @ (Refusal::NoFolder { .. }
        | Refusal::FileExists(_)
        | Refusal::CannotWrite { .. }
        | Refusal::CannotRead(_)
        | Refusal::NotAFileName(_)
        | Refusal::NotAFile(_)
        | Refusal::WouldOverwriteLedger(_)
        | Refusal::CannotMove { .. }
        | Refusal::LedgerExists(_)
        | Refusal::RestoreTargetExists(_)
        | Refusal::NotUtf8Path(_)
        | Refusal::RestoreNoBegin
        | Refusal::RestoreFromOffice { .. }
        | Refusal::RestoreNothingOf(_)
        | Refusal::TrustOwnCode(_)
        | Refusal::TrustSecondDistrict(_)
        | Refusal::KeyHeld { .. }) => files(r),
        r @ (Refusal::SecondBegin
        | Refusal::RoleMismatch { .. }
        | Refusal::KeyUnknown { .. }
        | Refusal::WrongRole { .. }
        | Refusal::KeyMismatch { .. }
        | Refusal::EndWithoutBegin
        | Refusal::BadSignature(_)
        | Refusal::RunBroken { .. }
        | Refusal::RunGap { .. }
        | Refusal::NoBegin
        | Refusal::NoEnd
        | Refusal::EventBreaks { .. }
        | Refusal::CaseIdUnreadable { .. }
        | Refusal::Rewrites { .. }
        | Refusal::RepeatedInFile { .. }
        | Refusal::NumberTwiceInFile { .. }
        | Refusal::NotExportersOwn { .. }
        | Refusal::OthersCase { .. }
        | Refusal::RegistersOthersCase { .. }
        | Refusal::MakesDistrict { .. }
        | Refusal::CodeClash { .. }
        | Refusal::DuplicateOfMissing(_)) => super::exchange::merging(r),
        r @ (Refusal::EmptyFile
        | Refusal::NotExchange { .. }
        | Refusal::RowsAfterEnd
        | Refusal::FieldCount { .. }
        | Refusal::FormatV1
        | Refusal::FormatNewer(_)
        | Refusal::FormatColumn(_)
        | Refusal::NotANumber { .. }
        | Refusal::FirstNotBegin
        | Refusal::BeginPayload
        | Refusal::EndCount { .. }
        | Refusal::Digest
        | Refusal::EndPayload
        | Refusal::HashMismatch(_)
        | Refusal::NotUtf8
        | Refusal::Csv(_)
        | Refusal::CutShort { .. }
        | Refusal::LineTooLong { .. }) => super::exchange::reading(r),
        Refusal::Sweep(r) => super::sweep::refusal(r),
        Refusal::Loop(r) => super::units_loop::refusal(r),
        Refusal::Campaign(r) => super::campaign::refused(r),
    }
}

/// Refusals about files and keys.
fn files(r: &Refusal) -> String {
    match r {
        Refusal::NoFolder { path, dir } => format!(
            "无法写入 {}：文件夹 {} 不存在",
            path.display(),
            dir.display()
        ),
        Refusal::FileExists(path) => {
            format!("{} 已经存在：请换一个新的文件名", path.display())
        }
        Refusal::CannotWrite { path, why } => format!("无法写入 {}：{why}", path.display()),
        Refusal::CannotRead(why) => format!("无法读取：{why}"),
        Refusal::NotAFileName(path) => format!("{} 不是文件名", path.display()),
        Refusal::NotAFile(path) => format!(
            "{} 不是普通文件（是设备或文件夹）：请给出要写入的文件名",
            path.display()
        ),
        Refusal::WouldOverwriteLedger(path) => format!(
            "{} 是台账（SQLite）文件，不会被覆盖：请换一个文件名",
            path.display()
        ),
        Refusal::CannotMove { path, why } => {
            format!("无法把导出文件移到 {}：{why}", path.display())
        }
        Refusal::LedgerExists(path) => format!(
            "{} 已经存在：台账只新建一次（要重新开始，请先把旧文件移走）",
            path.display()
        ),
        Refusal::RestoreTargetExists(path) => format!(
            "{} 已经存在：请恢复到一个新文件（先把损坏的文件移走）",
            path.display()
        ),
        Refusal::NotUtf8Path(path) => format!("{} 不是 UTF-8 路径", path.display()),
        Refusal::RestoreNoBegin => "文件开头没有写明由谁导出的那一行".into(),
        Refusal::RestoreFromOffice { code, name } => {
            format!("这个文件来自街道 {code} {name}：请用区里导出的文件恢复")
        }
        Refusal::RestoreNothingOf(code) => {
            format!("文件中没有单位 {code} 的任何内容（缺少其第一个事件 office.init）：无可恢复")
        }
        Refusal::TrustOwnCode(code) => {
            format!("{code} 是本台账自己的代码：请登记要合并其文件的那本台账的公钥")
        }
        Refusal::TrustSecondDistrict(other) => {
            format!("本街道已接收区 {other} 的文件：街道只合并本区的文件")
        }
        Refusal::KeyHeld { code, key } => format!(
            "{code} 已在这里登记了公钥（{key}）：如果 {code} 重建了台账，请执行 `ledger trust {code} 公钥 --replace`"
        ),
        _ => unreachable!("`refusal` sends only these here"),
    }
}

/// A value a command was given empty.
fn empty(w: What) -> String {
    match w {
        What::Community => "--community 不能为空：请写明小区名称".into(),
        What::Summary => "--summary 不能为空：请用一句话说明投诉内容".into(),
        What::WorkPlan => "暂缓须有工作计划：请给出 --plan 内容".into(),
        What::Resolution => "销号须写明办理情况：请给出 --resolution 内容".into(),
        What::Reason => "重新打开须说明原因：请给出 --reason 内容".into(),
        What::Note => "备注不能为空".into(),
        What::UnitName => "单位名称不能为空".into(),
        What::OfficeName => "单位名称不能为空，如 --name 建设路街道".into(),
        w => format!("{}不能为空", what(w)),
    }
}

/// What `check` found wrong with a file.
pub fn problem(p: &Problem) -> String {
    match p {
        Problem::Integrity(why) => format!("SQLite 完整性检查：{why}"),
        Problem::ForeignKey(table) => format!("表 {table} 中有一行违反外键约束"),
        Problem::Hash { origin, seq } => {
            format!("事件 {origin}/{seq} 与其哈希不符：写入后被改动过")
        }
        Problem::Unreadable(why) => why.clone(),
        Problem::BreaksRules { event: e, why, own } => format!(
            "{} 不符合现行规则：{}。早先的版本接收了它，但带有它的文件任何区或街道都不会接收：{}",
            event(e),
            rule(why),
            if *own {
                "请原样保留本文件，并用区里最新的导出重建本街道的台账（`ledger init --office 代码 --restore 文件 --trust 公钥`），再补登区里没有的内容"
            } else {
                "请原样保留本文件并寻求帮助；在用合规的文件重建之前，本台账导出的文件都会被拒收"
            }
        ),
        Problem::Clock { kept, max } => {
            format!("记录的时钟是 {kept}，但日志中最大的时钟是 {max}")
        }
        Problem::TableDiffers {
            table,
            in_table,
            in_log,
        } => format!(
            "{}与日志不符：表中为 {in_table}，日志为 {in_log}",
            match table {
                Table::Offices => "单位表",
                Table::Units => "本地单位",
                Table::Trust => "受信任的公钥",
            }
        ),
        Problem::OnlyInLog(id) => format!("问题 {id} 在日志中有，表中却没有"),
        Problem::OnlyInTable(id) => format!("问题 {id} 在表中有，日志中却没有"),
        Problem::CaseDiffers {
            id,
            in_table,
            in_log,
        } => format!("问题 {id}：表中为 {in_table}，重放日志得到的却是 {in_log}"),
        Problem::Differs(id) => format!("问题 {id} 与重放结果不符"),
    }
}
