//! A clerk's own column mapping (`--map FILE`): CSV (`column,field` per
//! line, a header line allowed) or TOML (`.toml`) with `field = "column"`,
//! `field = ["a", "b"]` (on one line or several) or `"column" = "field"`,
//! plus `source = "petition"` for the default source; a `[columns]` table
//! header is allowed. It is read by the `toml` crate, so TOML's own rules
//! hold: a key appears once (several columns for a field are a list) and a
//! Chinese column name as a key is quoted. See `examples/hotline-map.toml`.

use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{Error, MapLine, Result};
use super::fields::Field;
use super::profiles::{Entry, Mapping, same};
use crate::domain::Source;

/// Reads a mapping file; refuses, naming the file and line, what it cannot
/// use.
pub fn read_map(path: &Path) -> Result<Mapping> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::CannotRead {
        file: name.clone(),
        source,
    })?;
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)) {
        Ok(t) => t.to_string(),
        // A mapping file saved by Excel on Chinese Windows.
        Err(_) => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(t) => t.into_owned(),
                None => return Err(Error::MapNotText { file: name }),
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
        return Err(Error::MapNoSummary { file: name });
    }
    Ok(m)
}

fn at(name: &str, line: usize) -> MapLine {
    MapLine {
        file: name.to_string(),
        line,
    }
}

fn source(at: MapLine, s: &str) -> Result<Source> {
    s.parse::<Source>()
        .map_err(|why| Error::MapSource { at, why })
}

fn read_csv_map(name: &str, text: &str, m: &mut Mapping) -> Result<()> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|source| Error::MapCsv {
            file: name.to_string(),
            source,
        })?;
        let line = rec.position().map_or(i + 1, |p| p.line() as usize);
        let cells: Vec<&str> = rec.iter().map(str::trim).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if cells.len() != 2 || cells[0].is_empty() {
            return Err(Error::MapCells { at: at(name, line) });
        }
        // A header line such as "column,field" or "列名,字段".
        if i == 0 && Field::parse(cells[1]).is_none() {
            continue;
        }
        if same(cells[0], "source") && Field::parse(cells[1]).is_none() {
            m.source = source(at(name, line), cells[1])?;
            continue;
        }
        let field = Field::parse(cells[1]).ok_or_else(|| Error::NotAField {
            at: at(name, line),
            value: cells[1].to_string(),
        })?;
        m.entries.push(Entry {
            field,
            columns: vec![cells[0].to_string()],
            origin: Some(at(name, line)),
        });
    }
    Ok(())
}

/// The line a byte offset of `text` is on.
fn line_of(text: &str, offset: usize) -> usize {
    let before = &text.as_bytes()[..offset.min(text.len())];
    before.iter().filter(|b| **b == b'\n').count() + 1
}

fn read_toml(name: &str, text: &str, m: &mut Mapping) -> Result<()> {
    let doc = DeTable::parse(text).map_err(|e| Error::MapSyntax {
        file: name.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        // The parser's words may run over several lines; a refusal is one.
        why: e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
    })?;
    for (key, value) in doc.get_ref() {
        match value.get_ref() {
            // A [columns] table some write for clarity: its keys count as
            // if they stood at the top.
            DeValue::Table(t) => {
                for (k, v) in t {
                    toml_line(m, at(name, line_of(text, k.span().start)), k, v)?;
                }
            }
            _ => toml_line(m, at(name, line_of(text, key.span().start)), key, value)?,
        }
    }
    Ok(())
}

/// One `key = value` of a TOML mapping, in either direction.
fn toml_line(
    m: &mut Mapping,
    at: MapLine,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
) -> Result<()> {
    let key = key.get_ref().to_string();
    let text = |v: &DeValue| match v {
        DeValue::String(s) => Ok(s.to_string()),
        _ => Err(Error::MapShape { at: at.clone() }),
    };
    let values = match value.get_ref() {
        DeValue::Array(list) => list
            .iter()
            .map(|v| text(v.get_ref()))
            .collect::<Result<Vec<_>>>()?,
        v => vec![text(v)?],
    };
    if key == "source" && values.len() == 1 && Field::parse(&values[0]).is_none() {
        m.source = source(at, &values[0])?;
    } else if let Some(field) = Field::parse(&key) {
        // field = "column" or field = ["column", ...]
        for v in values {
            m.entries.push(Entry {
                field,
                columns: vec![v],
                origin: Some(at.clone()),
            });
        }
    } else if let [value] = values.as_slice() {
        // "column" = "field". When neither side is a field, name the side
        // that looks like a misspelt one (field names are ASCII).
        let field =
            Field::parse(value).ok_or_else(|| match (key.is_ascii(), value.is_ascii()) {
                (true, false) => Error::NotAField {
                    at: at.clone(),
                    value: key.clone(),
                },
                (false, _) => Error::NotAField {
                    at: at.clone(),
                    value: value.clone(),
                },
                (true, true) => Error::NeitherField {
                    at: at.clone(),
                    key: key.clone(),
                    value: value.clone(),
                },
            })?;
        m.entries.push(Entry {
            field,
            columns: vec![key],
            origin: Some(at),
        });
    } else {
        return Err(Error::NotAField { at, value: key });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts an error carries (its sentence is `msg`'s to test).
    fn say(e: &crate::intake::Error) -> String {
        format!("{e:?}")
    }

    fn mapping() -> Mapping {
        Mapping {
            name: "m.toml".into(),
            source: Source::Other,
            entries: vec![],
            builtin: false,
        }
    }

    fn fields(m: &Mapping) -> Vec<(&str, &str)> {
        m.entries
            .iter()
            .map(|e| (e.field.name(), e.columns[0].as_str()))
            .collect()
    }

    #[test]
    fn toml_maps_both_ways() {
        let mut m = mapping();
        read_toml(
            "m.toml",
            "# a map\nsource = \"petition\"\nref = \"件号\"\nextra = [\"承办单位\", '办理时限'] # two\n\"反映内容\" = \"summary\"\n",
            &mut m,
        )
        .unwrap();
        assert_eq!(m.source, Source::Petition);
        assert_eq!(
            fields(&m),
            [
                ("ref", "件号"),
                ("extra", "承办单位"),
                ("extra", "办理时限"),
                ("summary", "反映内容")
            ]
        );
        let e = say(&read_toml("m.toml", "ref = 件号\n", &mut m).unwrap_err());
        assert!(e.contains("m.toml") && e.contains("line: Some(1)"), "{e}");
        let e = say(&read_toml("m.toml", "\"x\" = \"sumary\"\n", &mut m).unwrap_err());
        assert!(e.contains("NeitherField") && e.contains("sumary"), "{e}");
    }

    #[test]
    fn toml_arrays_may_span_lines() {
        let mut m = mapping();
        let text = "[columns]\nsummary = \"事项\"\nextra = [\n  \"承办单位\",  # who\n  \"办理时限\",\n]\n\"来源\" = 3\n";
        let e = say(&read_toml("m.toml", text, &mut m).unwrap_err());
        assert!(e.contains("line: 7"), "{e}");
        let mut m = mapping();
        read_toml("m.toml", &text.replace("\"来源\" = 3\n", ""), &mut m).unwrap();
        assert_eq!(
            fields(&m),
            [
                ("summary", "事项"),
                ("extra", "承办单位"),
                ("extra", "办理时限")
            ]
        );
        assert_eq!(m.entries[2].origin, Some(at("m.toml", 3)));
    }
}
