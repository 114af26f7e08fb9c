//! Which column of an export becomes which field of a case: the built-in
//! profiles, a clerk's own mapping file (`--map`), and matching either to
//! a file's header.
//!
//! Fields: `ref` (the source's number: 工单编号, 留言编号; duplicates are
//! found by it), `received`, `summary` (required), `details`, `community`,
//! `address`, `complainant`, `phone`, `party`, `category` (the source's own
//! classification: kept in the details and read by the property rule),
//! `source` (hotline, petition, 市长热线, 信访 … per row), and `extra` (any
//! other column worth keeping: appended to the details as `列名：值`).
//! A field named more than once takes every column, joined.
//!
//! A profile lists, for each field, the names the column goes by in real
//! exports; the first present is used, and a column already taken by an
//! earlier field is not taken again (so a file with only 诉求内容 gets it as
//! the summary, one with 诉求标题 too gets it as the details). Every column
//! but the summary is optional: a file without some, or with extra
//! columns, still imports. A mapping file names exact columns, and a
//! column it names that the file lacks is refused before anything is read.
//!
//! Mapping files are CSV (`column,field` per line, a header line allowed)
//! or a small TOML file (`.toml`): `field = "column"`, `field = ["a", "b"]`
//! or `"column" = "field"`, plus `source = "petition"` for the default
//! source; `#` starts a comment. See `examples/hotline-map.toml`.

use std::path::Path;

use crate::domain::Source;
use crate::ledger::{Error, Result};
use crate::refuse;

/// A case field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Ref,
    Received,
    Summary,
    Details,
    Community,
    Address,
    Complainant,
    Phone,
    Party,
    Category,
    Source,
    Extra,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Ref,
        Field::Received,
        Field::Summary,
        Field::Details,
        Field::Community,
        Field::Address,
        Field::Complainant,
        Field::Phone,
        Field::Party,
        Field::Category,
        Field::Source,
        Field::Extra,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Ref => "ref",
            Field::Received => "received",
            Field::Summary => "summary",
            Field::Details => "details",
            Field::Community => "community",
            Field::Address => "address",
            Field::Complainant => "complainant",
            Field::Phone => "phone",
            Field::Party => "party",
            Field::Category => "category",
            Field::Source => "source",
            Field::Extra => "extra",
        }
    }

    pub fn parse(s: &str) -> Option<Field> {
        let t = s.trim().to_ascii_lowercase();
        let t = match t.as_str() {
            "source_ref" | "reference" => "ref",
            "received_at" | "date" => "received",
            "detail" => "details",
            other => other,
        };
        Field::ALL.iter().copied().find(|f| f.name() == t)
    }

    fn list() -> String {
        Field::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One line of a mapping: a field and the names its column may have.
#[derive(Clone, Debug)]
pub struct Entry {
    pub field: Field,
    /// Alternatives, first present wins (one name in a mapping file).
    pub columns: Vec<String>,
    /// Where a mapping file said it, for messages (`map.csv line 3`).
    pub origin: Option<String>,
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
    pub fn has(&self, f: Field) -> bool {
        self.columns.iter().any(|c| c.field == f)
    }

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
fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Matches a mapping to a header. `Err` says why in a sentence without the
/// file's name (the caller adds it).
pub fn resolve(m: &Mapping, headers: &[String]) -> Result<Plan, String> {
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
                let taken = headers.iter().any(|h| same(h, name));
                return Err(format!(
                    "{}names column '{name}' for {}, {}: the columns are {}",
                    e.origin
                        .as_deref()
                        .map(|o| format!("{o} "))
                        .unwrap_or_default(),
                    e.field.name(),
                    if taken {
                        "which an earlier line already maps"
                    } else {
                        "which the file does not have"
                    },
                    headers.join(", ")
                ));
            }
        }
    }
    if !columns.iter().any(|c| c.field == Field::Summary) {
        let wanted: Vec<&str> = m
            .entries
            .iter()
            .filter(|e| e.field == Field::Summary)
            .flat_map(|e| e.columns.iter().map(String::as_str))
            .collect();
        return Err(if wanted.is_empty() {
            format!("mapping {} maps no column to summary", m.name)
        } else {
            format!(
                "it has no summary column for profile {} (looked for {}); its columns are {}: give --map FILE (see --show-columns)",
                m.name,
                wanted.join(", "),
                headers.join(", ")
            )
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

/// Reads a mapping file (CSV or the TOML subset of the module comment).
pub fn read_map(path: &Path) -> Result<Mapping> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| Error::Refused(format!("{name}: cannot read it: {e}")))?;
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)) {
        Ok(t) => t.to_string(),
        // A mapping file saved by Excel on Chinese Windows.
        Err(_) => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(t) => t.into_owned(),
                None => refuse!("{name}: not UTF-8 or GB18030 text"),
            }
        }
    };
    let toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let mut m = Mapping {
        name: name.clone(),
        source: Source::Other,
        entries: Vec::new(),
        builtin: false,
    };
    if toml {
        read_toml(&name, &text, &mut m)?;
    } else {
        read_csv_map(&name, &text, &mut m)?;
    }
    if !m.entries.iter().any(|e| e.field == Field::Summary) {
        refuse!(
            "{name} maps no column to summary: every case needs one (e.g. a line 诉求内容,summary)"
        );
    }
    Ok(m)
}

fn bad_field(name: &str, line: usize, s: &str) -> Error {
    Error::Refused(format!(
        "{name} line {line}: '{s}' is not a field: use {}",
        Field::list()
    ))
}

fn read_csv_map(name: &str, text: &str, m: &mut Mapping) -> Result<()> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| Error::Refused(format!("{name}: {e}")))?;
        let line = rec.position().map_or(i + 1, |p| p.line() as usize);
        let cells: Vec<&str> = rec.iter().map(str::trim).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if cells.len() != 2 || cells[0].is_empty() {
            refuse!("{name} line {line}: expected two cells, column,field (e.g. 工单编号,ref)");
        }
        // A header line such as "column,field" or "列名,字段".
        if i == 0 && Field::parse(cells[1]).is_none() {
            continue;
        }
        if same(cells[0], "source") && Field::parse(cells[1]).is_none() {
            m.source = source(name, line, cells[1])?;
            continue;
        }
        let field = Field::parse(cells[1]).ok_or_else(|| bad_field(name, line, cells[1]))?;
        m.entries.push(Entry {
            field,
            columns: vec![cells[0].to_string()],
            origin: Some(format!("{name} line {line}")),
        });
    }
    Ok(())
}

fn source(name: &str, line: usize, s: &str) -> Result<Source> {
    s.parse::<Source>()
        .map_err(|e| Error::Refused(format!("{name} line {line}: {e}")))
}

/// A TOML basic string (`"..."` with `\"` and `\\`), a literal string
/// (`'...'`), or, where `bare` allows (keys), a bare word.
fn toml_string(s: &str, bare: bool) -> Option<(String, &str)> {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((out, &rest[i + 1..])),
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, c)) => out.push(c),
                    None => return None,
                },
                c => out.push(c),
            }
        }
        return None;
    }
    if let Some(rest) = s.strip_prefix('\'') {
        let end = rest.find('\'')?;
        return Some((rest[..end].to_string(), &rest[end + 1..]));
    }
    if !bare {
        return None;
    }
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    Some((s[..end].to_string(), &s[end..]))
}

fn strip_comment(rest: &str) -> &str {
    let rest = rest.trim();
    if rest.starts_with('#') { "" } else { rest }
}

fn read_toml(name: &str, text: &str, m: &mut Mapping) -> Result<()> {
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with('[') {
            // Comments, and a [columns] table header some write for clarity.
            continue;
        }
        let bad = || {
            Error::Refused(format!(
                "{name} line {line}: expected field = \"column\", field = [\"column\", ...] or \"column\" = \"field\""
            ))
        };
        let (key, rest) = toml_string(t, true).ok_or_else(bad)?;
        let rest = rest.trim_start().strip_prefix('=').ok_or_else(bad)?.trim();
        let mut values = Vec::new();
        if let Some(mut list) = rest.strip_prefix('[') {
            loop {
                list = list.trim_start();
                if let Some(after) = list.strip_prefix(']') {
                    if !strip_comment(after).is_empty() {
                        return Err(bad());
                    }
                    break;
                }
                let (v, after) = toml_string(list, false).ok_or_else(bad)?;
                values.push(v);
                list = after.trim_start();
                list = list.strip_prefix(',').unwrap_or(list);
            }
        } else {
            let (v, after) = toml_string(rest, false).ok_or_else(bad)?;
            if !strip_comment(after).is_empty() {
                return Err(bad());
            }
            values.push(v);
        }
        let origin = Some(format!("{name} line {line}"));
        if key == "source" && values.len() == 1 && Field::parse(&values[0]).is_none() {
            m.source = source(name, line, &values[0])?;
        } else if let Some(field) = Field::parse(&key) {
            // field = "column" or field = ["column", ...]
            for v in values {
                m.entries.push(Entry {
                    field,
                    columns: vec![v],
                    origin: origin.clone(),
                });
            }
        } else if values.len() == 1 {
            // "column" = "field". When neither side is a field, name the
            // side that looks like a misspelt one (field names are ASCII).
            let field = Field::parse(&values[0]).ok_or_else(|| {
                match (key.is_ascii(), values[0].is_ascii()) {
                    (true, false) => bad_field(name, line, &key),
                    (false, _) => bad_field(name, line, &values[0]),
                    (true, true) => Error::Refused(format!(
                        "{name} line {line}: neither '{key}' nor '{}' is a field: use {}",
                        values[0],
                        Field::list()
                    )),
                }
            })?;
            m.entries.push(Entry {
                field,
                columns: vec![key],
                origin,
            });
        } else {
            return Err(bad_field(name, line, &key));
        }
    }
    Ok(())
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
        assert!(e.contains("no summary column"), "{e}");
    }

    #[test]
    fn detection_picks_the_best_fit() {
        let h = headers("留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数");
        assert_eq!(detect(&h).unwrap().mapping, "tipdm");
        let h = headers("Unique Key,Created Date,Complaint Type,Descriptor");
        assert_eq!(detect(&h).unwrap().mapping, "nyc311");
        assert!(detect(&headers("标题,x")).is_none());
    }

    #[test]
    fn toml_maps_both_ways() {
        let mut m = Mapping {
            name: "m.toml".into(),
            source: Source::Other,
            entries: vec![],
            builtin: false,
        };
        read_toml(
            "m.toml",
            "# a map\nsource = \"petition\"\nref = \"件号\"\nextra = [\"承办单位\", '办理时限'] # two\n\"反映内容\" = \"summary\"\n",
            &mut m,
        )
        .unwrap();
        assert_eq!(m.source, Source::Petition);
        let got: Vec<(&str, &str)> = m
            .entries
            .iter()
            .map(|e| (e.field.name(), e.columns[0].as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("ref", "件号"),
                ("extra", "承办单位"),
                ("extra", "办理时限"),
                ("summary", "反映内容")
            ]
        );
        let e = read_toml("m.toml", "ref = 件号\n", &mut m)
            .unwrap_err()
            .to_string();
        assert!(e.contains("m.toml line 1"), "{e}");
        let e = read_toml("m.toml", "\"x\" = \"sumary\"\n", &mut m)
            .unwrap_err()
            .to_string();
        assert!(e.contains("nor 'sumary' is a field"), "{e}");
    }
}
