//! Reports and listings as files for people who do not use a terminal: a
//! workbook (`--format xlsx`) and a self-contained page with charts
//! (`--format html`).
//!
//! Both are drawn from one [`Paper`], and the paper is built from the
//! report's own JSON (the very value `report --format json` prints), walked
//! in field order: every number the core adds to `Report`, a headline
//! figure or a column of its rows, reaches the workbook and the page
//! without an edit here. Only labels need words (`msg::present`); a key
//! without one shows as itself.

mod cases;
mod html;
mod model;
mod node;
mod paper;
mod report;
mod svg;
mod xlsx;

use std::ffi::OsStr;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use crate::invalid::{Expected, Invalid};
use crate::render::Format;

pub use cases::list_file;
pub use report::report_file;

/// What `report` and `list` write: a text format, or a file for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text(Format),
    /// An Excel/WPS workbook (only with `--out`: it is not text).
    Xlsx,
    /// One HTML page with inline SVG charts.
    Html,
}

impl Output {
    fn code(self) -> &'static str {
        match self {
            Output::Text(Format::Table) => "table",
            Output::Text(Format::Csv) => "csv",
            Output::Text(Format::Json) => "json",
            Output::Text(Format::Md) => "md",
            Output::Xlsx => "xlsx",
            Output::Html => "html",
        }
    }

    /// The text format to print; a file format prints as a table would
    /// (only `report::print`'s callers ask, after the files are handled).
    pub fn text(self) -> Format {
        match self {
            Output::Text(f) => f,
            Output::Xlsx | Output::Html => Format::Table,
        }
    }
}

impl FromStr for Output {
    type Err = Invalid;
    fn from_str(s: &str) -> Result<Output, Invalid> {
        match crate::domain::normalize(s).to_ascii_lowercase().as_str() {
            "xlsx" => Ok(Output::Xlsx),
            "html" | "htm" => Ok(Output::Html),
            _ => Format::from_str(s).map(Output::Text).map_err(|_| {
                let codes = vec!["table", "csv", "json", "md", "xlsx", "html"];
                Invalid::new(
                    s,
                    Expected::Code {
                        what: "format",
                        codes,
                    },
                )
            }),
        }
    }
}

/// The `--format` parser of a command that writes only `words`
/// (`&["table", "csv", "json", "xlsx"]`): any other format is refused with
/// the list, and the words are offered to shell completion.
#[derive(Clone)]
pub struct Outputs(&'static [&'static str]);

pub fn outputs(words: &'static [&'static str]) -> Outputs {
    Outputs(words)
}

impl TypedValueParser for Outputs {
    type Value = Output;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> clap::error::Result<Output> {
        let words = self.0;
        StringValueParser::new()
            .try_map(move |s| {
                let refused = || {
                    let codes = words.to_vec();
                    Invalid::new(
                        &s,
                        Expected::Code {
                            what: "format",
                            codes,
                        },
                    )
                };
                let out = Output::from_str(&s).map_err(|_| refused())?;
                if words.contains(&out.code()) {
                    Ok(out)
                } else {
                    Err(refused())
                }
            })
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|w| PossibleValue::new(*w))))
    }
}

/// A label of the workbook and the page (`msg::present`), or the key.
pub fn word(lang: crate::domain::Lang, key: &str) -> String {
    crate::cmd::msg::present::label(lang, key).map_or_else(|| key.to_string(), String::from)
}

/// One cell of a sheet or a page table, typed: a workbook writes numbers as
/// numbers and dates as dates, a page aligns numbers right.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// A number such as a median of days (one decimal shown).
    Num(f64),
    /// A fraction shown as a percentage (the value as in JSON, `0.6129`).
    Rate(f64),
    Date(NaiveDate),
    Time(NaiveDateTime),
}

impl Cell {
    /// The number in the cell, for charts.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Int(n) => Some(*n as f64),
            Cell::Num(x) | Cell::Rate(x) => Some(*x),
            _ => None,
        }
    }

    /// The cell as a page shows it (a workbook formats it itself).
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x) => format!("{x:.1}"),
            Cell::Rate(x) => format!("{:.1}%", x * 100.0),
            Cell::Date(d) => d.to_string(),
            Cell::Time(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// Text from a complaint as a reader may see it: control characters made
/// visible as in tables (`render::visible`), and the invisible bidi
/// controls that reorder what follows them (U+202E…) named, so a summary
/// cannot show as something it is not.
pub fn shown(s: &str) -> String {
    let s = crate::render::visible(s);
    if !s.chars().any(bidi) {
        return s.into_owned();
    }
    s.chars()
        .map(|c| {
            if bidi(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn bidi(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_named_and_control_characters_made_visible() {
        assert_eq!(shown("ab\u{202e}cd"), "ab<U+202E>cd");
        assert_eq!(shown("a\u{1b}b"), "a\u{241b}b");
        assert_eq!(shown("幸福里"), "幸福里");
    }

    #[test]
    fn file_formats_parse_beside_the_text_ones() {
        assert_eq!("XLSX".parse::<Output>().unwrap(), Output::Xlsx);
        assert_eq!("html".parse::<Output>().unwrap(), Output::Html);
        assert_eq!("md".parse::<Output>().unwrap(), Output::Text(Format::Md));
        assert!("pdf".parse::<Output>().is_err());
    }

    #[test]
    fn cells_show_rates_as_percentages_and_days_with_one_decimal() {
        assert_eq!(Cell::Rate(0.6129).shown(), "61.3%");
        assert_eq!(Cell::Num(11.25).shown(), "11.2");
        assert_eq!(Cell::Int(-3).shown(), "-3");
    }
}
