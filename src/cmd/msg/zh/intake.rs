//! 中文: bulk intake (`ledger add --from`): why a file, a mapping or a row
//! was refused, with what to do about it.

use crate::intake::error::{BadDate, Error, MapLine, Mismatch, Reason, Unit};
use crate::intake::fields::Field;
use crate::intake::profiles::PROFILES;
use crate::intake::readers::What;

/// Where a row is: a CSV file's line, a workbook's row.
fn at(u: Unit, n: u64) -> String {
    match u {
        Unit::Line => format!("第 {n} 行"),
        Unit::Row => format!("工作表第 {n} 行"),
    }
}

fn line(at: &MapLine) -> String {
    format!("{} 第 {} 行", at.file, at.line)
}

const MAP_SHAPE: &str = "应写作 字段 = \"列名\"、字段 = [\"列名\", ...] 或 \"列名\" = \"字段\"";

/// The sentence for an intake error.
pub fn say(e: &Error) -> String {
    match e {
        Error::Ledger(inner) => super::core(inner),
        Error::Mismatch { file, why } => format!("{file}：{}", mismatch(why)),
        Error::RowRefused {
            file,
            unit: u,
            at: n,
            source,
        } => format!(
            "{file} {}：{}；没有导入任何内容",
            at(*u, *n),
            super::core(source)
        ),
        Error::Suggestion { file, why, .. } => format!("{file}：{}", super::invalid::say(why)),
        Error::UnknownProfile { name } => format!(
            "没有列映射方案“{name}”：请使用 {} 之一，或给出 --map 文件",
            PROFILES.join("、")
        ),
        Error::Undetected { file, headers } => format!(
            "{file}：无法判断各列的含义（各列为：{}）：请给出 --profile {} 或 --map 文件（`ledger add --from {file} --show-columns` 列出各列）",
            crate::cmd::msg::shown::columns(headers, "、"),
            PROFILES.join("|"),
        ),
        Error::RejectsIsInput { path } => {
            format!("--rejects {} 就是输入文件：请换一个文件名", path.display())
        }
        Error::RejectsNoFolder { path, dir } => format!(
            "--rejects {}：文件夹 {} 不存在",
            path.display(),
            dir.display()
        ),
        Error::RejectsWrite { path, source } => format!("--rejects {}：{source}", path.display()),
        Error::RejectsCsv { path, source } => format!("--rejects {}：{source}", path.display()),
        e @ (Error::MapNotText { .. }
        | Error::MapCsv { .. }
        | Error::MapCells { .. }
        | Error::MapShape { .. }
        | Error::MapSyntax { .. }
        | Error::NotAField { .. }
        | Error::NeitherField { .. }
        | Error::MapSource { .. }
        | Error::MapNoSummary { .. }) => map_file(e),
        e @ (Error::CannotRead { .. }
        | Error::FileTooBig { .. }
        | Error::LineTooLong { .. }
        | Error::TooManyParts { .. }
        | Error::PartTooBig { .. }
        | Error::UnzipsTooBig { .. }
        | Error::TooManyCells { .. }
        | Error::TooManyColumns { .. }
        | Error::HeaderCellTooLong { .. }
        | Error::EncodingForWorkbook { .. }
        | Error::SheetForCsv { .. }
        | Error::NotAWorkbook { .. }
        | Error::NoSuchSheet { .. }
        | Error::NoSheets { .. }
        | Error::SheetUnreadable { .. }
        | Error::EmptySheet { .. }
        | Error::BomNotGb18030 { .. }
        | Error::BadUtf16 { .. }
        | Error::EmptyCsv { .. }
        | Error::Csv { .. }
        | Error::NotUtf8 { .. }
        | Error::NotGb18030 { .. }) => export(e),
    }
}

/// What is wrong with a mapping file.
fn map_file(e: &Error) -> String {
    match e {
        Error::MapNotText { file } => format!("{file}：不是 UTF-8 或 GB18030 文本"),
        Error::MapCsv { file, source } => format!("{file}：{source}"),
        Error::MapCells { at } => {
            format!("{}：应为两个单元格：列名,字段（如 工单编号,ref）", line(at))
        }
        Error::MapShape { at } => format!("{}：{MAP_SHAPE}", line(at)),
        Error::MapSyntax {
            file,
            line: Some(n),
            why,
        } => format!("{file} 第 {n} 行：{MAP_SHAPE}（{why}）"),
        Error::MapSyntax {
            file,
            line: None,
            why,
        } => format!("{file}：{MAP_SHAPE}（{why}）"),
        Error::NotAField { at, value } => {
            format!("{}：“{value}”不是字段：请使用 {}", line(at), Field::list())
        }
        Error::NeitherField { at, key, value } => format!(
            "{}：“{key}”和“{value}”都不是字段：请使用 {}",
            line(at),
            Field::list()
        ),
        Error::MapSource { at, why } => format!("{}：{}", line(at), super::invalid::say(why)),
        Error::MapNoSummary { file } => format!(
            "{file} 没有把任何列映射到 summary：每件问题都需要摘要（如一行 诉求内容,summary）"
        ),
        _ => unreachable!("`say` sends only these here"),
    }
}

/// What is wrong with the export itself.
fn export(e: &Error) -> String {
    match e {
        Error::CannotRead { file, source } => format!("{file}：无法读取：{source}"),
        Error::FileTooBig { file, max } => format!(
            "{file} 超过 {} MB，一次读不了这么大的导出文件：请拆成几份（例如按月）分别导入",
            max >> 20
        ),
        Error::LineTooLong { file, line, max } => format!(
            "{file} 第 {line} 行超过 {} MB：电子表格不会写出这样的行；文件已损坏或不是导出文件",
            max >> 20
        ),
        Error::TooManyParts { file, parts, max } => format!(
            "{file} 含有 {parts} 个部件（工作簿通常只有几十个，最多读 {max} 个）：文件已损坏或不是电子表格"
        ),
        Error::PartTooBig { file, part, max } => format!(
            "{file}：其中的部件 {part} 解压后超过 {} MB：工作簿已损坏或是为耗尽内存而制作的；请用 Excel 或 WPS 重新保存，或导出为 CSV",
            max >> 20
        ),
        Error::UnzipsTooBig { file, max } => format!(
            "{file} 解压后总共超过 {} MB：请拆成几个较小的工作簿",
            max >> 20
        ),
        Error::TooManyCells { file, sheet, max } => format!(
            "{file} 的工作表 {sheet}：单元格超过 {max} 个（含每行最后一个单元格左边的空格）：请拆分工作表，或删除表格右边、下边远处的零散单元格"
        ),
        Error::TooManyColumns { file, columns, max } => {
            format!("{file}：表头行有 {columns} 列以上（最多读 {max} 列）：第一个非空行不是表头")
        }
        Error::HeaderCellTooLong {
            file,
            column,
            chars,
            max,
        } => format!(
            "{file}：表头行第 {column} 列长 {chars} 个字（列名最多 {max} 个字）：第一个非空行不是表头"
        ),
        Error::EncodingForWorkbook { file } => {
            format!("{file} 是工作簿：--encoding 只用于 CSV 文件（工作簿自带编码）")
        }
        Error::SheetForCsv { file, sheet } => {
            format!("{file} 是 CSV 文件：--sheet {sheet} 只用于工作簿（xlsx）")
        }
        Error::NotAWorkbook { file, source } => {
            format!("{file}：不是可读的工作簿：{source}")
        }
        Error::NoSuchSheet {
            file,
            sheet,
            sheets,
        } => format!(
            "{file} 中没有工作表“{sheet}”：它的工作表有 {}",
            sheets.join("、")
        ),
        Error::NoSheets { file } => format!("{file} 中没有工作表"),
        Error::SheetUnreadable {
            file,
            sheet,
            source,
        } => format!("{file} 的工作表 {sheet}：无法读取：{source}"),
        Error::EmptySheet { file, sheet } => {
            format!("{file} 的工作表 {sheet}：工作表是空的（没有表头行）")
        }
        Error::BomNotGb18030 { file } => {
            format!("{file} 以 UTF-8 BOM 开头：它是 UTF-8 编码，不是 GB18030（请去掉 --encoding）")
        }
        Error::BadUtf16 { file } => format!("{file}：不是有效的 UTF-16 文本"),
        Error::EmptyCsv { file } => {
            format!("{file} 是空的：第一行应为列名组成的表头")
        }
        Error::Csv { file, line, source } => {
            let at = line.map(|n| format!(" 第 {n} 行")).unwrap_or_default();
            format!("{file}{at}：无法按 CSV 读取：{source}")
        }
        Error::NotUtf8 {
            file,
            line,
            other_fits: false,
        } => format!(
            "{file} 第 {line} 行：不是有效的 UTF-8，整个文件也不是有效的 GB18030/GBK：文件已损坏或是别的编码；请用 Excel 或 WPS 打开后另存为“CSV UTF-8”"
        ),
        Error::NotGb18030 {
            file,
            line,
            other_fits: false,
        } => format!(
            "{file} 第 {line} 行：不是有效的 GB18030/GBK，整个文件也不是有效的 UTF-8：文件已损坏或是别的编码；请用 Excel 或 WPS 打开后另存为“CSV UTF-8”"
        ),
        Error::NotUtf8 { file, line, .. } => format!(
            "{file} 第 {line} 行：不是有效的 UTF-8：文件可能是 GBK/GB18030 编码（试试 --encoding gb18030，或不给 --encoding 让程序自动识别）"
        ),
        Error::NotGb18030 { file, line, .. } => format!(
            "{file} 第 {line} 行：不是有效的 GB18030/GBK：文件可能是 UTF-8 编码（试试 --encoding utf-8）"
        ),
        _ => unreachable!("`say` sends only these here"),
    }
}

/// Why a mapping does not fit a file's header (after the file's name).
pub fn mismatch(m: &Mismatch) -> String {
    match m {
        Mismatch::MissingColumn {
            origin,
            column,
            field,
            taken,
            headers,
        } => format!(
            "{}把列“{column}”映射到 {}，{}：各列为 {}",
            origin
                .as_ref()
                .map(|o| format!("{} ", line(o)))
                .unwrap_or_default(),
            field.name(),
            if *taken {
                "但前面已有一行映射了这一列"
            } else {
                "但文件中没有这一列"
            },
            crate::cmd::msg::shown::columns(headers, "、")
        ),
        Mismatch::NoSummaryMapped { mapping } => {
            format!("映射 {mapping} 没有把任何列映射到 summary")
        }
        Mismatch::NoSummaryColumn {
            profile,
            wanted,
            headers,
        } => format!(
            "按方案 {profile} 找不到摘要列（找的是 {}）；文件的列为 {}：请给出 --map 文件（见 --show-columns）",
            wanted.join("、"),
            crate::cmd::msg::shown::columns(headers, "、")
        ),
    }
}

/// A row turned away, located: `第 7 行：没有摘要：诉求内容 为空`.
pub fn reject(u: Unit, n: u64, why: &Reason) -> String {
    format!("{}：{}", at(u, n), reason(why))
}

/// Why a row was turned away.
pub fn reason(r: &Reason) -> String {
    let minute = "%Y-%m-%d %H:%M";
    match r {
        Reason::ShortRow {
            cells,
            width,
            missing,
        } => format!("这一行有 {cells} 个单元格，表头有 {width} 个：缺少 {missing} 单元格"),
        Reason::LongCell { column, chars, max } => {
            format!("{column}：单元格长 {chars} 个字（电子表格的单元格最多 {max} 个字）")
        }
        Reason::LongRow { cells, width } => {
            format!("这一行有 {cells} 个单元格，表头只有 {width} 个（多了逗号或引号？）")
        }
        Reason::NoSummary { columns } => format!("没有摘要：{} 为空", columns.join("、")),
        Reason::Date { column, bad } => format!("{column}：{}", bad_date(bad)),
        Reason::Future { received, now } => format!(
            "受理时间 {} 在将来（现在是 {}）",
            received.format(minute),
            now.format(minute)
        ),
        Reason::Year { received, why } => format!(
            "受理时间 {}：{}",
            received.format(minute),
            super::rules::rule(why)
        ),
        Reason::NotASource { column, value } => format!(
            "{column}：“{value}”不是来源：请使用 hotline（12345、热线）、petition（信访）、patrol（巡查）、visit（来访）或 other（其他）"
        ),
    }
}

/// A reception time that is not a date, and the forms that are.
pub fn bad_date(b: &BadDate) -> String {
    match b {
        BadDate::Serial(n) => {
            format!("{n} 不是日期（作为 Excel 序列日期，它不在 1990–2099 年之内）")
        }
        BadDate::Text(t) => format!(
            "“{t}”不是日期：请写作 2019-01-05 09:03:07、2019/1/5 9:03、2019年1月5日、01/05/2019 09:03:07 AM，或 Excel 序列数如 43856.8244"
        ),
    }
}

/// 读了什么、按哪个方案映射：`file.xlsx（工作表 Sheet1），方案 tipdm`。
pub fn described(d: &crate::intake::Described) -> String {
    let what = match &d.what {
        What::Sheet(s) => format!("工作表 {s}"),
        What::Csv(enc) => format!("{enc} CSV"),
    };
    match &d.profile {
        Some(p) => format!("{}（{what}），方案 {p}", d.file),
        None => format!("{}（{what}）", d.file),
    }
}
