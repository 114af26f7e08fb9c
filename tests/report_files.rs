//! `report --format xlsx` and `list --format xlsx` (issue 17): the
//! workbook, read back with calamine, carries exactly the figures of
//! `report --format json`, on the district's file and on an office's. The
//! page (`--format html`) is `report_page.rs`'s.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::common::TestEnv;
use crate::common::report_district::fixture;

/// Fields of the report that say what was asked, not figures.
pub(crate) const META: &[&str] = &["as_of", "from", "to", "by", "period"];

/// The headline figures of a report's JSON: every number, `a.b` for one
/// inside an object, `null` for none.
pub(crate) fn headline(json: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (k, v) in json.as_object().unwrap() {
        match v {
            _ if META.contains(&k.as_str()) => {}
            Value::Array(_) => {}
            Value::Object(m) => out.extend(m.iter().map(|(j, v)| (format!("{k}.{j}"), v.clone()))),
            v => out.push((k.clone(), v.clone())),
        }
    }
    out
}

/// The keys of the objects in the list `field`, in the order the JSON
/// text gives them (the workbook's columns follow it; serde_json's Value
/// sorts them).
fn key_order(text: &str, field: &str) -> Vec<String> {
    let start = text.find(&format!("\"{field}\": [")).expect("the list");
    text[start..]
        .lines()
        .skip(2)
        .take_while(|l| !l.starts_with("    }"))
        .filter(|l| l.starts_with("      \"") && !l.starts_with("       "))
        .map(|l| l.trim().split('"').nth(1).unwrap().to_string())
        .collect()
}

fn number(d: &Data) -> Option<f64> {
    match d {
        Data::Float(x) => Some(*x),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

/// A workbook cell equals a JSON value: numbers as numbers, text as text,
/// `null` as an empty cell.
fn same(d: &Data, v: &Value) -> bool {
    match v {
        Value::Null => matches!(d, Data::Empty),
        Value::Number(n) => number(d).is_some_and(|x| (x - n.as_f64().unwrap()).abs() < 1e-9),
        Value::String(s) => matches!(d, Data::String(t) if t == s),
        _ => false,
    }
}

type Rows = Vec<Vec<Data>>;

fn sheets(path: &Path) -> Vec<(String, Rows)> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("the workbook opens");
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, Rows)], name: &str) -> &'a Rows {
    let names: Vec<_> = all.iter().map(|s| &s.0).collect();
    &all.iter()
        .find(|s| s.0 == name)
        .unwrap_or_else(|| panic!("no sheet {name} in {names:?}"))
        .1
}

/// Data rows: from the third row (a title, then the header) to the first
/// row whose first cell is empty or a line of text under the table.
fn data(rows: &Rows, ncols: usize) -> Vec<&Vec<Data>> {
    rows.iter()
        .skip(2)
        .take_while(|r| r.iter().take(ncols).filter(|c| **c != Data::Empty).count() > 1)
        .collect()
}

/// Every headline figure of `json` is in 总表, by its key, with its value.
fn assert_headline(all: &[(String, Rows)], json: &Value) {
    let rows = sheet(all, "总表");
    let figures = headline(json);
    assert!(!figures.is_empty());
    for (key, value) in &figures {
        let row = rows
            .iter()
            .find(|r| r.get(2) == Some(&Data::String(key.clone())))
            .unwrap_or_else(|| panic!("no figure {key} in 总表"));
        assert!(
            same(&row[1], value),
            "{key}: {:?} in the workbook, {value} in JSON",
            row[1]
        );
    }
    assert_eq!(
        data(rows, 3).len(),
        figures.len(),
        "nothing more, nothing less"
    );
}

/// The rows of a list of the JSON (`rows`, `periods`) are those of a sheet,
/// column by column in the JSON's order (the group's name is the sheet's
/// own wording where JSON has none).
fn assert_rows(rows: &Rows, text: &str, field: &str) {
    let json: Value = serde_json::from_str(text).unwrap();
    let list = json[field].as_array().unwrap();
    let keys = key_order(text, field);
    let got = data(rows, keys.len());
    assert_eq!(got.len(), list.len(), "{field}: one row each");
    for (row, want) in got.iter().zip(list) {
        for (c, k) in keys.iter().enumerate() {
            if k == "name" && want[k].is_null() {
                continue;
            }
            assert!(
                same(&row[c], &want[k]),
                "{field}.{k}: {:?} vs {}",
                row[c],
                want[k]
            );
        }
    }
}

#[test]
fn the_district_workbook_carries_every_figure_of_the_json() {
    let f = fixture();
    let env = &f.env;
    env.ledger(&[
        "report",
        "--by",
        "office,party",
        "--period",
        "month",
        "--format",
        "xlsx",
        "--out",
        "周报.xlsx",
    ])
    .ok()
    .err_has("周报.xlsx");
    let all = sheets(&env.dir().join("周报.xlsx"));
    let names: Vec<_> = all.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "总表",
            "按办事处",
            "趋势",
            "按被投诉方",
            "逾期清单",
            "重点难点",
            "暂缓计划"
        ]
    );
    let by_office = env
        .ledger(&[
            "report", "--by", "office", "--period", "month", "--format", "json",
        ])
        .ok()
        .stdout;
    let json: Value = serde_json::from_str(&by_office).unwrap();
    assert_headline(&all, &json);
    assert_rows(sheet(&all, "按办事处"), &by_office, "rows");
    assert_rows(sheet(&all, "趋势"), &by_office, "periods");
    let by_party = env
        .ledger(&["report", "--by", "party", "--format", "json"])
        .ok()
        .stdout;
    assert_rows(sheet(&all, "按被投诉方"), &by_party, "rows");
    // The lists behind the figures: the very cases `list` gives.
    for (name, figure, args) in [
        ("逾期清单", "overdue", vec!["--overdue"]),
        (
            "重点难点",
            "key_open",
            vec!["--key", "--status", "open,assigned,deferred"],
        ),
        ("暂缓计划", "deferred", vec!["--status", "deferred"]),
    ] {
        let rows = data(sheet(&all, name), 13);
        assert_eq!(rows.len() as u64, json[figure].as_u64().unwrap(), "{name}");
        let ids: Vec<String> = rows.iter().map(|r| r[0].to_string()).collect();
        assert_eq!(ids, env.list_ids(&args), "{name}");
        // Received is a date-time and due a date, not text.
        for r in rows {
            assert!(matches!(r[3], Data::DateTime(_)), "{name}: {:?}", r[3]);
        }
    }
    assert!(!data(sheet(&all, "逾期清单"), 13).is_empty());
    // Native charts: on the trend sheet and on each group sheet.
    let bytes = std::fs::read(env.dir().join("周报.xlsx")).unwrap();
    for part in [
        "xl/charts/chart1.xml",
        "xl/charts/chart2.xml",
        "xl/charts/chart3.xml",
    ] {
        let found = bytes.windows(part.len()).any(|w| w == part.as_bytes());
        assert!(found, "{part} in the workbook");
    }
}

#[test]
fn an_office_workbook_matches_its_json_too() {
    let env = TestEnv::new();
    let dir = env.demo_office("120");
    let db = dir.join("S01.db");
    let db = db.to_str().unwrap();
    let out = env.dir().join("o.xlsx");
    env.ledger(&[
        "--db",
        db,
        "report",
        "--by",
        "problem",
        "--period",
        "week",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let text = env
        .ledger(&[
            "--db", db, "report", "--by", "problem", "--period", "week", "--format", "json",
        ])
        .ok()
        .stdout;
    let all = sheets(&out);
    assert_headline(&all, &serde_json::from_str(&text).unwrap());
    assert_rows(sheet(&all, "按问题类型"), &text, "rows");
    assert_rows(sheet(&all, "趋势"), &text, "periods");
}

#[test]
fn list_writes_a_workbook_of_the_cases_it_lists() {
    let (env, _) = crate::common::five_cases();
    env.ledger(&["list", "--format", "xlsx", "--out", "台账.xlsx"])
        .ok();
    let all = sheets(&env.dir().join("台账.xlsx"));
    let rows = &all[0].1;
    let json = env.ledger(&["list", "--format", "json"]).ok().json();
    let cases = json.as_array().unwrap();
    assert_eq!(rows.len(), cases.len() + 1, "a header, then a row a case");
    for (row, case) in rows[1..].iter().zip(cases) {
        assert_eq!(row[0].to_string(), case["id"].as_str().unwrap());
        assert!(
            matches!(row[3], Data::DateTime(_)),
            "received is a date-time"
        );
    }
}

#[test]
fn a_workbook_needs_out_and_several_groupings_need_a_file() {
    let env = TestEnv::init();
    env.refuses(&["report", "--format", "xlsx"], "add --out FILE");
    env.refuses(&["list", "--format", "xlsx"], "add --out FILE");
    env.refuses(&["report", "--by", "office,party"], "several --by");
    env.refuses(&["list", "--format", "html"], "html");
}

#[test]
fn an_english_workbook_names_its_sheets_in_english() {
    let (env, _) = crate::common::five_cases();
    env.ledger(&[
        "--lang", "en", "report", "--by", "status", "--format", "xlsx", "--out", "r.xlsx",
    ])
    .ok();
    let all = sheets(&env.dir().join("r.xlsx"));
    let names: Vec<_> = all.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "Summary",
            "by status",
            "Overdue cases",
            "Key cases",
            "Deferred with a plan"
        ]
    );
    let deferred = data(&all[4].1, 15);
    assert_eq!(deferred.len(), 1, "case 4 is deferred");
    assert_eq!(all[1].1[1][0], Data::String("code".into()));
}
