//! How tables, the CSV for people and Markdown read (issue 12): `list`
//! and report groups at 80 columns, empty results in one line, `list
//! --labels`, Markdown sub-rows and figures. Which cases and figures they
//! hold is `report_list`'s, `report`'s and `credit`'s.

use crate::common::report_district::fixture;
use crate::common::{TestEnv, add_args, five_cases};

// --- How the list reads (issue 12).

/// The lines of a table, each with its width in display columns (a
/// Chinese character takes two, as a terminal draws it).
fn widths(out: &str) -> Vec<(usize, &str)> {
    use unicode_width::UnicodeWidthStr;
    out.lines().map(|l| (l.width(), l)).collect()
}

// Regression: issue 12, `list` at 80 columns broke ids over three lines,
// dates over two and ran a summary over seven.
#[test]
fn list_at_80_columns_is_one_line_a_case_with_ids_and_dates_whole() {
    let (env, ids) = five_cases();
    let long =
        "物业以业主欠费为由停水停电，业主多次到物业服务中心交涉无果，要求街道协调尽快恢复供水";
    let c6 = env.add(&add_args(
        "幸福里小区三期东区北苑",
        long,
        &["--problem", "WY-06", "--key"],
    ));
    for lang in ["zh", "en"] {
        let out = env
            .run()
            .var("COLUMNS", "80")
            .ledger(&["--lang", lang, "list"])
            .ok()
            .stdout;
        for (w, line) in widths(&out) {
            assert!(w <= 80, "{w} columns: {line:?} in\n{out}");
        }
        // A header, its rule, and one line a case: nothing wrapped.
        assert_eq!(out.lines().count(), 2 + 6, "{out}");
        for id in ids.iter().chain([&c6]) {
            let line = out.lines().find(|l| l.contains(id.as_str()));
            let line = line.unwrap_or_else(|| panic!("{id} whole in\n{out}"));
            let case = env.case(id);
            let received = &case["received_at"].as_str().unwrap()[..10];
            assert!(line.contains(received), "received date whole: {line}");
        }
        // The long summary is cut with … (all of it stays in show).
        assert!(!out.contains(long) && out.contains('…'), "{out}");
    }
    let shown = env.ledger(&["show", &c6]).ok().stdout;
    assert!(shown.replace(['\n', ' ', '│', '┆'], "").contains(long));
    // Wide terminals show more of the summary; Markdown shows all of it.
    let wide = env.run().var("COLUMNS", "300").ledger(&["list"]).ok();
    assert!(wide.stdout.contains(long), "{}", wide.stdout);
    let md = env.ledger(&["list", "--format", "md"]).ok().stdout;
    assert!(md.contains(long), "{md}");
}

// Regression: issue 12, an empty list printed a header-only table.
#[test]
fn an_empty_list_says_so_in_one_line_and_stays_empty_in_json_and_csv() {
    let (env, _) = five_cases();
    let none = ["--office", "S99"];
    let zh = env.ledger(&[&["list"][..], &none].concat()).ok();
    assert_eq!(zh.stdout, "无\n");
    let en = env.ledger(&[&["--lang", "en", "list"][..], &none].concat());
    assert_eq!(en.ok().stdout, "none\n");
    let md = env.ledger(&[&["list", "--format", "md"][..], &none].concat());
    assert_eq!(md.ok().stdout, "无\n");
    let json = env.ledger(&[&["list", "--format", "json"][..], &none].concat());
    assert_eq!(json.ok().json(), serde_json::json!([]));
    let csv = env.ledger(&[&["list", "--format", "csv"][..], &none].concat());
    let csv = csv.ok().stdout;
    assert!(csv.starts_with("\u{feff}id,office,status,"), "{csv}");
    assert_eq!(csv.lines().count(), 1, "{csv}");
}

/// The records of a CSV (after its BOM), the header first.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("a BOM first");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The cell of `col` in the row of case `id`.
fn cell<'a>(rows: &'a [Vec<String>], id: &str, col: &str) -> &'a str {
    let i = rows[0].iter().position(|h| h == col);
    let i = i.unwrap_or_else(|| panic!("column {col} in {:?}", rows[0]));
    let row = rows.iter().find(|r| r[0] == id).expect("the case's row");
    &row[i]
}

// Regression: issue 12, the CSV for people had English headers and codes
// (`assigned`, `property_company`, `false`) and ISO times with offsets.
#[test]
fn list_csv_with_labels_is_for_people_and_without_stays_for_scripts() {
    let (env, [c1, _, c3, _, _]) = five_cases();
    let rows = csv_records(
        &env.ledger(&["list", "--format", "csv", "--labels"])
            .ok()
            .stdout,
    );
    assert_eq!(&rows[0][..4], ["编号", "办事处", "状态", "受理时间"]);
    assert!(rows[0].iter().all(|h| !h.is_empty()), "{:?}", rows[0]);
    assert_eq!(cell(&rows, &c1, "状态"), "已转办");
    assert_eq!(cell(&rows, &c1, "责任主体"), "物业服务企业");
    assert_eq!(cell(&rows, &c1, "重点难点"), "是");
    assert_eq!(cell(&rows, &c1, "逾期"), "否");
    assert_eq!(cell(&rows, &c1, "来源"), "其他");
    assert_eq!(cell(&rows, &c3, "办结结果"), "已解决");
    // Local times a spreadsheet reads: no seconds, no offset.
    let received = cell(&rows, &c1, "受理时间");
    assert!(
        chrono::NaiveDateTime::parse_from_str(received, "%Y-%m-%d %H:%M").is_ok(),
        "{received}"
    );
    // Codes people know stay codes; dates stay dates.
    assert_eq!(cell(&rows, &c1, "问题类型"), "WY-06");
    assert_eq!(cell(&rows, &c1, "办结时限"), "2026-11-27");

    let en = env
        .ledger(&["--lang", "en", "list", "--format", "csv", "--labels"])
        .ok()
        .stdout;
    let rows = csv_records(&en);
    assert_eq!(cell(&rows, &c1, "status"), "assigned");
    assert_eq!(cell(&rows, &c1, "subject"), "property company");
    assert_eq!(cell(&rows, &c1, "key case"), "yes");

    // Without --labels: the stable codes scripts read, unchanged.
    let rows = csv_records(&env.ledger(&["list", "--format", "csv"]).ok().stdout);
    assert_eq!(&rows[0][..4], ["id", "office", "status", "received_at"]);
    assert_eq!(cell(&rows, &c1, "status"), "assigned");
    assert_eq!(cell(&rows, &c1, "subject"), "property_company");
    assert_eq!(cell(&rows, &c1, "key"), "true");
    assert!(cell(&rows, &c1, "received_at").contains('T'));
}

// --- How the report reads (issue 12).

// Regression: issue 12, the Markdown report lost the indent of sub-rows
// (已解决 looked like a peer of 已销号) and left-aligned numbers.
#[test]
fn markdown_report_keeps_sub_row_indent_and_right_aligns_numbers() {
    let f = fixture();
    let out = f
        .ledger(&["report", "--by", "office", "--format", "md"])
        .stdout;
    // An entity, not spaces: every Markdown reader trims spaces in cells.
    for line in ["| &nbsp;&nbsp;已解决 | 3 |", "| &nbsp;&nbsp;不属实 | 1 |"] {
        assert!(out.lines().any(|l| l == line), "{line} in:\n{out}");
    }
    assert!(out.lines().any(|l| l == "| 已销号 | 6 |"), "{out}");
    // Labels left, figures (counts, rates, days) right.
    assert!(out.contains("| 指标 | 数量 |\n|---|---:|\n"), "{out}");
    assert!(
        out.contains("|---|---:|---:|---:|---:|---:|---:|\n"),
        "{out}"
    );
    // The terminal table indents them too, and aligns figures right.
    let table = f.ledger(&["report"]).stdout;
    assert!(table.contains("│   已解决 "), "{table}");
    assert!(table.contains("┆    14 │"), "{table}");
}

// Regression: issue 12, tables ran past an 80-column terminal.
#[test]
fn report_groups_fit_80_columns_with_names_cut_and_figures_whole() {
    use unicode_width::UnicodeWidthStr;
    let f = fixture();
    let at80 = f.env.run().var("COLUMNS", "80");
    for by in ["problem", "party", "community"] {
        let out = at80.ledger(&["report", "--by", by]).ok().stdout;
        for line in out.lines() {
            assert!(line.width() <= 80, "{by}: {line:?} in\n{out}");
        }
        let total = ["合计", "14", "8", "6", "42.9%", "2", "2.8"];
        // Parties are ranked: the total has an empty rank.
        let total: Vec<String> = if by == "party" {
            [&[""][..], &total].concat()
        } else {
            total.to_vec()
        }
        .into_iter()
        .map(String::from)
        .collect();
        // Bordered or (when borders do not fit) compact: cells between
        // column lines either way.
        let cells: Vec<Vec<String>> = out
            .lines()
            .filter(|l| l.contains(['│', '┆']) && !l.contains(['─', '═']))
            .map(|l| {
                let l = l.trim_end().trim_matches('│');
                l.split(['┆', '│']).map(|c| c.trim().to_string()).collect()
            })
            .collect();
        assert!(cells.contains(&total), "the total {total:?} in\n{out}");
    }
    let out = at80.ledger(&["report", "--by", "problem"]).ok().stdout;
    let cut = "WY-06 以业主";
    assert!(
        out.lines().any(|l| l.contains(cut) && l.contains('…')),
        "{out}"
    );
}

// Regression: issue 12, an empty grouping printed a header and a 合计 of 0.
#[test]
fn an_empty_report_says_none_where_groups_and_periods_would_be() {
    let env = TestEnv::init();
    let out = env
        .ledger(&["report", "--by", "problem", "--period", "month"])
        .ok()
        .stdout;
    assert!(out.contains("按问题类型\n无\n"), "{out}");
    assert!(out.contains("每月新增与销号\n无\n"), "{out}");
    let en = env
        .ledger(&["--lang", "en", "report", "--by", "party"])
        .ok();
    assert!(en.stdout.ends_with("by party\nnone\n"), "{}", en.stdout);
    let json = env.ledger(&["report", "--by", "party", "--format", "json"]);
    assert_eq!(json.ok().json()["rows"], serde_json::json!([]));
}

// Regression: issue 12, `credit score` and `credit notice` printed a
// header-only table when there was nothing.
#[test]
fn credit_score_and_notice_say_none_when_there_is_nothing() {
    let env = TestEnv::init();
    let score = env.ledger(&["credit", "score"]).ok().stdout;
    assert_eq!(score.lines().nth(1), Some("无"), "{score}");
    assert_eq!(score.lines().count(), 2, "{score}");
    let en = env.ledger(&["--lang", "en", "credit", "score"]).ok().stdout;
    assert_eq!(en.lines().nth(1), Some("none"), "{en}");
    let json = env.ledger(&["credit", "score", "--format", "json"]).ok();
    assert_eq!(json.json()["companies"], serde_json::json!([]));
    let list = env.ledger(&["credit", "company", "list"]).ok().stdout;
    assert_eq!(list, "无\n");
    // A company in good standing: the notice lists nobody, and says so.
    let env = TestEnv::init();
    let add = "credit company add --name 鑫源物业服务有限公司 --uscc 91440300708461136T";
    env.ledger(&add.split(' ').collect::<Vec<_>>()).ok();
    let notice = env.ledger(&["credit", "notice"]).ok().stdout;
    assert!(notice.contains("## 失信名单企业\n\n无\n"), "{notice}");
    assert!(notice.contains("## 个人失信档案\n\n无\n"), "{notice}");
    let csv = env.ledger(&["credit", "notice", "--format", "csv"]).ok();
    assert_eq!(csv.stdout.lines().count(), 1, "header only: {}", csv.stdout);
}
