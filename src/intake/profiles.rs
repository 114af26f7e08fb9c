//! Which column of an export becomes which field of a case: the built-in
//! profiles, and matching a profile or a clerk's own mapping file (`--map`,
//! read by `map_file`) to a file's header.
//!
//! A profile lists, for each field, the names the column goes by in real
//! exports; the first present is used, and a column already taken by an
//! earlier field is not taken again (so a file with only 诉求内容 gets it as
//! the summary, one with 诉求标题 too gets it as the details). Every column
//! but the summary is optional: a file without some, or with extra
//! columns, still imports. A mapping file names exact columns, and a
//! column it names that the file lacks is refused before anything is read.

use super::error::{MapLine, Mismatch};
use super::fields::Field;
use crate::domain::Source;

/// One line of a mapping: a field and the names its column may have.
#[derive(Clone, Debug)]
pub struct Entry {
    pub field: Field,
    /// Alternatives, first present wins (one name in a mapping file).
    pub columns: Vec<String>,
    /// Where a mapping file said it, for messages (`map.csv line 3`).
    pub origin: Option<MapLine>,
}

/// A profile or a mapping file.
#[derive(Clone, Debug)]
pub struct Mapping {
    /// `hotline`, or the mapping file's name.
    pub name: String,
    /// The source of rows that do not say theirs.
    pub source: Source,
    pub entries: Vec<Entry>,
    /// Built-in profiles are lenient: absent columns are skipped.
    pub builtin: bool,
}

/// The profiles `--profile` names.
pub const PROFILES: &[&str] = &["hotline", "petition", "tipdm", "nyc311"];

fn entry(field: Field, names: &[&str]) -> Entry {
    Entry {
        field,
        columns: names.iter().map(|s| s.to_string()).collect(),
        origin: None,
    }
}

/// A 12345 hotline work order or a petition (信访) register: the column
/// names differ between systems, so each field lists the usual ones.
fn hotline_entries() -> Vec<Entry> {
    vec![
        entry(
            Field::Ref,
            &[
                "工单编号",
                "工单号",
                "受理编号",
                "诉求编号",
                "信访件编号",
                "信访编号",
                "件号",
                "编号",
            ],
        ),
        entry(
            Field::Received,
            &[
                "来电时间",
                "受理时间",
                "登记时间",
                "来信时间",
                "来访时间",
                "信访日期",
                "诉求时间",
                "创建时间",
            ],
        ),
        entry(
            Field::Summary,
            &[
                "诉求标题",
                "标题",
                "诉求摘要",
                "内容摘要",
                "诉求内容",
                "来电内容",
                "反映内容",
                "信访事项",
                "主要诉求",
                "诉求描述",
            ],
        ),
        entry(
            Field::Details,
            &[
                "诉求内容",
                "来电内容",
                "反映内容",
                "信访事项",
                "主要诉求",
                "诉求描述",
                "详细内容",
            ],
        ),
        entry(
            Field::Complainant,
            &["诉求人", "来电人", "信访人", "反映人", "联系人", "姓名"],
        ),
        entry(
            Field::Phone,
            &[
                "联系电话",
                "来电号码",
                "诉求人电话",
                "联系方式",
                "电话",
                "手机",
            ],
        ),
        entry(
            Field::Address,
            &["事发地址", "诉求地址", "事发地点", "详细地址", "地址"],
        ),
        entry(Field::Community, &["所属小区", "小区名称", "小区"]),
        entry(
            Field::Party,
            &[
                "被投诉单位",
                "被反映单位",
                "被诉对象",
                "物业公司",
                "物业服务企业",
            ],
        ),
        entry(
            Field::Category,
            &["问题分类", "诉求分类", "业务分类", "问题类型", "诉求类型"],
        ),
        entry(Field::Source, &["来源", "诉求来源", "信访形式"]),
        entry(Field::Extra, &["承办单位", "责任单位"]),
        entry(Field::Extra, &["办理时限", "办结时限"]),
        entry(Field::Extra, &["所属街道"]),
        entry(Field::Extra, &["所属社区"]),
        entry(Field::Extra, &["办理状态", "工单状态"]),
    ]
}

/// A built-in profile by name.
pub fn profile(name: &str) -> Option<Mapping> {
    let (source, entries) = match name.trim().to_ascii_lowercase().as_str() {
        "hotline" | "12345" => (Source::Hotline, hotline_entries()),
        "petition" => (Source::Petition, hotline_entries()),
        // The public message board of PRODUCT.md §9 (留言板). Not the
        // hotline, not a registered petition: `other`, unless --source says.
        "tipdm" => (
            Source::Other,
            vec![
                entry(Field::Ref, &["留言编号"]),
                entry(Field::Complainant, &["留言用户"]),
                entry(Field::Summary, &["留言主题"]),
                entry(Field::Received, &["留言时间"]),
                entry(Field::Details, &["留言详情"]),
                entry(Field::Category, &["一级分类", "一级标签"]),
                entry(Field::Extra, &["答复意见"]),
            ],
        ),
        // NYC 311 service requests: the general case, English columns.
        "nyc311" => (
            Source::Hotline,
            vec![
                entry(Field::Ref, &["Unique Key"]),
                entry(Field::Received, &["Created Date"]),
                entry(Field::Summary, &["Complaint Type"]),
                entry(Field::Summary, &["Descriptor"]),
                entry(Field::Address, &["Incident Address"]),
                entry(Field::Community, &["Community Board"]),
                entry(Field::Category, &["Location Type"]),
                entry(Field::Extra, &["Agency"]),
                entry(Field::Extra, &["Borough"]),
                entry(Field::Extra, &["Incident Zip"]),
                entry(Field::Extra, &["Status"]),
            ],
        ),
        _ => return None,
    };
    Some(Mapping {
        name: name.trim().to_ascii_lowercase(),
        source,
        entries,
        builtin: true,
    })
}

/// A column of the file chosen for a field.
#[derive(Clone, Debug)]
pub struct Column {
    pub field: Field,
    pub index: usize,
    pub header: String,
}

/// A mapping matched to a file's header.
#[derive(Clone, Debug)]
pub struct Plan {
    pub mapping: String,
    pub source: Source,
    pub columns: Vec<Column>,
}

impl Plan {
    /// The columns for a field, in mapping order.
    pub fn of(&self, f: Field) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(move |c| c.field == f)
    }

    /// The field a column index goes to, if any.
    pub fn field_of(&self, index: usize) -> Option<Field> {
        self.columns
            .iter()
            .find(|c| c.index == index)
            .map(|c| c.field)
    }
}

/// Header names compare without case and surrounding space
/// (`unique key` is `Unique Key`).
pub(super) fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Matches a mapping to a header. `Err` says why, without the file's name
/// (the caller adds it).
pub fn resolve(m: &Mapping, headers: &[String]) -> Result<Plan, Mismatch> {
    let mut used = vec![false; headers.len()];
    let mut columns = Vec::new();
    for e in &m.entries {
        let found = e.columns.iter().find_map(|name| {
            headers
                .iter()
                .enumerate()
                .find(|(i, h)| !used[*i] && same(h, name))
                .map(|(i, h)| (i, h.clone()))
        });
        match found {
            Some((index, header)) => {
                used[index] = true;
                columns.push(Column {
                    field: e.field,
                    index,
                    header,
                });
            }
            None if m.builtin => {}
            None => {
                let name = &e.columns[0];
                return Err(Mismatch::MissingColumn {
                    origin: e.origin.clone(),
                    column: name.clone(),
                    field: e.field,
                    taken: headers.iter().any(|h| same(h, name)),
                    headers: headers.to_vec(),
                });
            }
        }
    }
    if !columns.iter().any(|c| c.field == Field::Summary) {
        let wanted: Vec<String> = m
            .entries
            .iter()
            .filter(|e| e.field == Field::Summary)
            .flat_map(|e| e.columns.iter().cloned())
            .collect();
        return Err(if wanted.is_empty() {
            Mismatch::NoSummaryMapped {
                mapping: m.name.clone(),
            }
        } else {
            Mismatch::NoSummaryColumn {
                profile: m.name.clone(),
                wanted,
                headers: headers.to_vec(),
            }
        });
    }
    Ok(Plan {
        mapping: m.name.clone(),
        source: m.source,
        columns,
    })
}

/// The built-in profile that fits a header best (most fields found, a
/// summary among them), for when neither --profile nor --map is given.
pub fn detect(headers: &[String]) -> Option<Plan> {
    PROFILES
        .iter()
        .filter_map(|p| resolve(&profile(p)?, headers).ok())
        // `petition` ties with `hotline` on every file; the first wins.
        .fold(None, |best: Option<Plan>, p| match &best {
            Some(b) if b.columns.len() >= p.columns.len() => best,
            _ => Some(p),
        })
        // One summary column alone (编号 and 标题 are common words) is too
        // little to go on.
        .filter(|p| p.columns.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(s: &str) -> Vec<String> {
        s.split(',').map(String::from).collect()
    }

    #[test]
    fn a_profile_takes_what_the_file_has() {
        let h = headers("工单编号,来电时间,诉求内容,联系电话,其他列");
        let p = resolve(&profile("hotline").unwrap(), &h).unwrap();
        let got: Vec<(&str, usize)> = p
            .columns
            .iter()
            .map(|c| (c.field.name(), c.index))
            .collect();
        assert_eq!(
            got,
            [("ref", 0), ("received", 1), ("summary", 2), ("phone", 3)]
        );
        // With a title column the content becomes the details.
        let h = headers("标题,诉求内容");
        let p = resolve(&profile("hotline").unwrap(), &h).unwrap();
        assert_eq!(p.of(Field::Summary).next().unwrap().header, "标题");
        assert_eq!(p.of(Field::Details).next().unwrap().header, "诉求内容");
        let e = resolve(&profile("hotline").unwrap(), &headers("a,b")).unwrap_err();
        assert!(format!("{e:?}").contains("Summary"), "{e:?}");
    }

    #[test]
    fn detection_picks_the_best_fit() {
        let h = headers("留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数");
        assert_eq!(detect(&h).unwrap().mapping, "tipdm");
        let h = headers("Unique Key,Created Date,Complaint Type,Descriptor");
        assert_eq!(detect(&h).unwrap().mapping, "nyc311");
        assert!(detect(&headers("标题,x")).is_none());
    }
}
