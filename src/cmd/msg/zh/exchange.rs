//! 中文: why an exchange file is refused, when reading it and when merging
//! it (the tail of `ledger.rs`'s refusal table, which sends them here).

use crate::exchange::{BEGIN_KIND, FORMAT, FORMAT_V1, HEADER};
use crate::ledger::error::Refusal;

use super::rules::{event, role, rule};

/// Refusals of an exchange file's content when merging it.
pub(super) fn merging(r: &Refusal) -> String {
    match r {
        Refusal::SecondBegin => "出现第二个 export.begin 行：文件是手工拼接的".into(),
        Refusal::RoleMismatch { code, theirs, ours } => format!(
            "文件自称来自{}{code}，但本台账的 {code} 是{}",
            role(*theirs),
            role(*ours)
        ),
        Refusal::KeyUnknown { code, name, key } => format!(
            "文件来自 {code} {name}，其公钥尚未在这里登记：请 {code} 念出其 `ledger key` 打印的内容，再执行 `ledger trust {code} 公钥`（本文件给出的公钥是 {key}）"
        ),
        Refusal::WrongRole {
            code,
            name,
            theirs,
            ours,
        } => format!(
            "文件来自{} {code} {name}，而本台账是{}：街道接收本区的文件，区接收其各街道的文件",
            role(*theirs),
            role(*ours)
        ),
        Refusal::KeyMismatch { code, key } => format!(
            "文件自称来自 {code}，但签名用的不是这里为 {code} 登记的公钥（{key}）：它不是 {code} 的台账写出的，或 {code} 重建了台账（那就用 `ledger trust {code} 公钥 --replace` 登记新公钥）"
        ),
        Refusal::EndWithoutBegin => "有结束行却没有开始行".into(),
        Refusal::BadSignature(code) => {
            format!("签名与 {code} 的公钥不符：文件被改动过，或不是 {code} 的台账写出的")
        }
        Refusal::RunBroken {
            origin,
            count,
            min,
            max,
        } => format!(
            "其中 {origin} 的事件不连续（{origin}/{min} 到 {origin}/{max} 之间只有 {count} 个事件）：有行被手工删除或添加"
        ),
        Refusal::RunGap {
            origin,
            min,
            held_max,
        } => format!(
            "其中 {origin} 的事件从 {origin}/{min} 开始，但本台账只有到 {origin}/{held_max} 为止的：中间缺一个文件；请先合并那个文件，或合并一份完整导出（不带 --since 的 `ledger export`）"
        ),
        Refusal::NoBegin => "文件没有写明由谁导出（缺少 export.begin 行）".into(),
        Refusal::NoEnd => "文件缺少结束行：内容不完整".into(),
        Refusal::EventBreaks { event: e, why } => format!("{}：{}", event(e), rule(why)),
        Refusal::CaseIdUnreadable { origin, seq, why } => {
            format!("事件 {origin}/{seq}：{}", super::invalid::say(why))
        }
        Refusal::Rewrites { origin, seq } => {
            format!("这里已有事件 {origin}/{seq}，内容却不同：文件改写了本台账已有的历史")
        }
        Refusal::RepeatedInFile { origin, seq } => format!(
            "事件 {origin}/{seq} 在文件里出现了两次（在电子表格里复制了一行？）：没有合并任何内容；请从台账重新导出，不要编辑文件"
        ),
        Refusal::NumberTwiceInFile { origin, seq } => format!(
            "文件里有两个不同的事件都编号为 {origin}/{seq}：文件是手工拼成的；没有合并任何内容；请从台账重新导出"
        ),
        Refusal::NotExportersOwn { event: e, exporter } => format!(
            "{} 不是 {exporter} 自己的事件，这里也没有：街道的文件只能带来该街道自己的新事件",
            event(e)
        ),
        Refusal::OthersCase {
            origin,
            seq,
            case_id,
            office,
        } => format!(
            "事件 {origin}/{seq} 写在单位 {office} 的问题 {case_id} 上：每个单位只能写自己的问题"
        ),
        Refusal::RegistersOthersCase {
            origin,
            seq,
            case_id,
            office,
        } => format!(
            "事件 {origin}/{seq} 登记了单位 {office} 的问题 {case_id}：问题只能由所属单位登记"
        ),
        Refusal::MakesDistrict { origin, seq } => format!(
            "事件 {origin}/{seq} 把 {origin} 设为区，而本台账不认它为区：任何文件都不能设立区"
        ),
        Refusal::CodeClash { code, ours, theirs } => format!(
            "单位代码 {code} 在这里已是 {ours}，但本文件的单位 {theirs} 也自称 {code}：每个单位须有自己的代码（请用另一个 `init --office` 重建那个单位的台账）"
        ),
        Refusal::DuplicateOfMissing(target) => {
            format!("有问题作为 {target} 的重复件销号，但 {target} 不存在")
        }
        _ => unreachable!("`refusal` sends only these here"),
    }
}

/// Refusals of a file that does not read as an exchange file.
pub(super) fn reading(r: &Refusal) -> String {
    match r {
        Refusal::EmptyFile => "文件是空的：不是交换文件".into(),
        Refusal::NotExchange { found } => format!(
            "不是台账交换文件：第 1 行应为表头 `{}`，实际是 `{found}`",
            HEADER.join(",")
        ),
        Refusal::RowsAfterEnd => "导出的结束行之后还有内容".into(),
        Refusal::FieldCount { found, expected } => {
            format!("有 {found} 个字段，应为 {expected} 个：文件不完整或被编辑过")
        }
        Refusal::FormatV1 => format!(
            "它由旧版 `ledger` 写出（格式 {FORMAT_V1}，无签名），本程序已不再接收：请在导出方升级 `ledger`，在这里登记那本台账的公钥（那边 `ledger key`，这边 `ledger trust 代码 公钥`），然后重新导出"
        ),
        Refusal::FormatNewer(format) => {
            format!("格式 {format} 比本程序能读的（{FORMAT}）新：请使用新版 `ledger`")
        }
        Refusal::FormatColumn(found) => format!("format 列是“{found}”，应为 {FORMAT}"),
        Refusal::NotANumber { column, value } => {
            format!("{column}“{value}”不是整数（可能被电子表格改写了）")
        }
        Refusal::FirstNotBegin => {
            format!("第一行应是写明由谁导出的 {BEGIN_KIND} 行")
        }
        Refusal::BeginPayload => "开始行的内容不是导出时写的样子".into(),
        Refusal::EndCount { counted, held } => {
            format!("结束行记有 {counted} 个事件，文件中却有 {held} 个：有行被删除或添加")
        }
        Refusal::Digest => "结束行的摘要与事件不符：有行被改动、调换顺序或替换".into(),
        Refusal::EndPayload => "结束行的内容不是导出时写的样子".into(),
        Refusal::HashMismatch(e) => format!(
            "事件 {}/{}（{}{}）与其哈希不符：这一行在导出后被改动过（手工改动，或电子表格重新保存时改写了日期或数字）",
            e.origin,
            e.seq,
            e.kind,
            e.case_id
                .as_deref()
                .map(|c| format!("，问题 {c}"))
                .unwrap_or_default()
        ),
        Refusal::NotUtf8 => "文件不是 UTF-8 编码（是否被电子表格另存为其他编码？）".into(),
        Refusal::Csv(why) => why.clone(),
        Refusal::LineTooLong { max } => format!(
            "有一行超过 {} MiB：这不是交换文件（导出文件每行只有几 KB）；没有合并任何内容",
            max >> 20
        ),
        Refusal::CutShort { events } => {
            format!("文件在 {events} 个事件之后就结束了，没有结束行：内容不完整（请重新复制）")
        }
        _ => unreachable!("`refusal` sends only these here"),
    }
}
