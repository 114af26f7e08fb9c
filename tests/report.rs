//! The report (issue 4): a district ledger built through the command line
//! from two office files (`common::report_district`), with every figure
//! worked out by hand below (not by calling the code under test), checked
//! in every format: the headline, the rows of every grouping, a period,
//! and the trend.

use serde_json::{Value, json};

use crate::common::report_district::{JINHUA, XINYUAN, fixture};

// --- The figures, worked out by hand.

/// The headline as of 2026-11-26, worked out from the table above:
/// - total 14 (12 + 2); open c3 c9 c12 d2 = 4; assigned c4 c6 c7 = 3;
///   deferred c5 = 1; closed c1 c2 c8 c10 c11 d1 = 6; rate 6/14 = 0.4286.
/// - resolved c1 c11 d1 = 3; unfounded c2; duplicate c8; out_of_scope c10.
/// - overdue: c4 (due 03-15), c7 (due 11-10) = 2; c5's due 06-10 passed
///   but it is deferred; c6 is due 12-31.
/// - key not closed: c4, c7 = 2 (c1 is closed).
/// - long-running (not closed, received on or before 11-26 − 180 days =
///   05-30): c4 03-01, c5 05-30 (exactly 180 days), c9 02-01, c12 01-11 = 4;
///   c6 05-31 is 179 days.
/// - repeat: 幸福里小区/WY-06 c1 01-10 & c2 04-10 are 90 days apart (in),
///   c3 07-10 is 91 days after c2 (out); 阳光花园/WY-12 c4 03-01, c5 05-30
///   (90 d), c6 05-31 (1 d), d1 08-15 (76 d, another office) all in;
///   和平小区/ZN-06 c7 & c8 (19 d) in; c12 is 幸福里二期 (another
///   community), c11 another problem, c9 no problem: 2 + 4 + 2 = 8.
/// - days to close 5.0 2.5 1.0 3.0 30.0 2.0 → sorted 1.0 2.0 2.5 3.0 5.0
///   30.0 → median (2.5 + 3.0) / 2 = 2.75 → 2.8.
fn headline() -> Value {
    json!({
        "as_of": "2026-11-26",
        "from": null,
        "to": null,
        "total": 14,
        "by_status": {"open": 4, "assigned": 3, "deferred": 1, "closed": 6},
        "closed": 6,
        "closure_rate": 0.4286,
        "by_result": {"resolved": 3, "unfounded": 1, "duplicate": 1, "out_of_scope": 1},
        "overdue": 2,
        "deferred": 1,
        "key_open": 2,
        "long_running": 4,
        "repeat": 8,
        "conflicts": 0,
        "median_days_to_close": 2.8,
        // The units' loop (issue 15): none in this ledger.
        "supervised": 0,
        "returned": 0,
        "extensions": {"asked": 0, "approved": 0},
        "visited": 0,
        "satisfaction_rate": 0.0,
        "plan_overdue": 0,
    })
}

/// `r` without the keys that depend on --by/--period.
fn head_of(r: &Value) -> Value {
    let mut h = r.clone();
    let m = h.as_object_mut().unwrap();
    for k in ["by", "period", "rows", "periods"] {
        assert!(m.remove(k).is_some(), "the report has the key {k}: {r}");
    }
    h
}

/// A unit's row with the units' loop's columns: assigned is its total;
/// nothing acknowledged, returned or called back.
fn with_units(mut row: Value, closed_on_time: i64, on_time_rate: f64) -> Value {
    let m = row.as_object_mut().unwrap();
    let total = m["total"].clone();
    m.extend([
        ("assigned".to_string(), total),
        ("acknowledged".into(), 0.into()),
        ("acknowledged_late".into(), 0.into()),
        ("returned".into(), 0.into()),
        ("closed_on_time".into(), closed_on_time.into()),
        ("on_time_rate".into(), on_time_rate.into()),
        ("visited".into(), 0.into()),
        ("satisfaction_rate".into(), 0.0.into()),
    ]);
    row
}

fn row(
    key: Option<&str>,
    name: Option<&str>,
    n: [i64; 4],
    rate: f64,
    median: Option<f64>,
) -> Value {
    let [total, open, closed, overdue] = n;
    json!({
        "key": key, "name": name, "total": total, "open": open, "closed": closed,
        "closure_rate": rate, "overdue": overdue, "median_days_to_close": median,
    })
}

/// The per-group rows worked out by hand (most cases first, ties by code,
/// the row without a code last).
fn rows(by: &str) -> Value {
    let wy06 = "以业主欠费为由停水、停电、停暖，或不予充值变相停水停电停暖";
    json!(match by {
        // S07: 12 cases, closed c1 c2 c8 c10 c11 = 5, rate 5/12, overdue c4
        // c7, days 5.0 2.5 1.0 3.0 30.0 → 3.0. S08: d1 closed (2.0 d), d2 open.
        "office" => vec![
            row(
                Some("S07"),
                Some("建设路街道"),
                [12, 7, 5, 2],
                0.4167,
                Some(3.0)
            ),
            row(
                Some("S08"),
                Some("解放路街道"),
                [2, 1, 1, 0],
                0.5,
                Some(2.0)
            ),
        ],
        // closed 6 > open 4 > assigned 3 (overdue c4 c7) > deferred 1.
        "status" => vec![
            row(Some("closed"), None, [6, 0, 6, 0], 1.0, Some(2.8)),
            row(Some("open"), None, [4, 4, 0, 0], 0.0, None),
            row(Some("assigned"), None, [3, 3, 0, 2], 0.0, None),
            row(Some("deferred"), None, [1, 1, 0, 0], 0.0, None),
        ],
        // WY-06 c1 c2 c3 c12 (closed c1 5.0, c2 2.5 → 3.75 → 3.8);
        // WY-12 c4 c5 c6 d1 (overdue c4, closed d1 2.0); ZN-06 c7 c8
        // (overdue c7, closed c8 1.0); then one each: WY-02 c10 (3.0),
        // WY-07 c11 (30.0), ZN-10 d2; c9 has no problem type.
        "problem" => vec![
            row(Some("WY-06"), Some(wy06), [4, 2, 2, 0], 0.5, Some(3.8)),
            row(
                Some("WY-12"),
                Some("擅自提高收费标准、增加收费项目"),
                [4, 3, 1, 1],
                0.25,
                Some(2.0)
            ),
            row(
                Some("ZN-06"),
                Some("未及时处理举报的私搭乱建、侵占绿地、占用公共通道"),
                [2, 1, 1, 1],
                0.5,
                Some(1.0)
            ),
            row(
                Some("WY-02"),
                Some("未按合同约定或行业标准提供物业服务，业主多次投诉"),
                [1, 0, 1, 0],
                1.0,
                Some(3.0)
            ),
            row(
                Some("WY-07"),
                Some("与业主委员会关系恶化、互不配合，业主反映强烈"),
                [1, 0, 1, 0],
                1.0,
                Some(30.0)
            ),
            row(
                Some("ZN-10"),
                Some("未及时处理故意堵塞小区主、次出入口"),
                [1, 1, 0, 0],
                0.0,
                None
            ),
            row(None, None, [1, 1, 0, 0], 0.0, None),
        ],
        // JD c1 c2 c5 c6 c11 (closed c1 c2 c11: 5.0 2.5 30.0 → 5.0; c5's
        // past due does not count, it is deferred); ZJ c4 d1 (overdue c4,
        // d1 2.0); CG c7 (overdue); unassigned c3 c8 c9 c10 c12 d2 (closed
        // c8 1.0, c10 3.0 → 2.0).
        // A unit's row has the units' loop's columns (issue 15): no
        // acknowledgement, return or call-back here; closed on time are
        // those closed by their due date (JD 2 of 3, ZJ 1 of 1).
        "unit" => vec![
            with_units(
                row(Some("JD"), Some("街道办事处"), [5, 2, 3, 0], 0.6, Some(5.0)),
                2,
                0.6667,
            ),
            with_units(
                row(
                    Some("ZJ"),
                    Some("区住房和城乡建设局(区物业办)"),
                    [2, 1, 1, 1],
                    0.5,
                    Some(2.0),
                ),
                1,
                1.0,
            ),
            with_units(
                row(
                    Some("CG"),
                    Some("区城市综合管理局"),
                    [1, 1, 0, 1],
                    0.0,
                    None,
                ),
                0,
                0.0,
            ),
            row(None, None, [6, 4, 2, 0], 0.3333, Some(2.0)),
        ],
        // The subject follows the problem type: WY-* c1–c6 c10 c11 c12 d1
        // (closed c1 c2 c10 c11 d1: 5.0 2.5 3.0 30.0 2.0 → 3.0; overdue
        // c4); ZN-* c7 c8 d2 (closed c8 1.0; overdue c7); c9 none.
        "subject" => vec![
            row(
                Some("property_company"),
                None,
                [10, 5, 5, 1],
                0.5,
                Some(3.0)
            ),
            row(Some("department"), None, [3, 2, 1, 1], 0.3333, Some(1.0)),
            row(None, None, [1, 1, 0, 0], 0.0, None),
        ],
        // Exact community text; 幸福里小区 sorts before 阳光花园 (by code
        // point) at 4 cases each.
        "community" => vec![
            row(Some("幸福里小区"), None, [4, 1, 3, 0], 0.75, Some(5.0)),
            row(Some("阳光花园"), None, [4, 3, 1, 1], 0.25, Some(2.0)),
            row(Some("和平小区"), None, [3, 2, 1, 1], 0.3333, Some(1.0)),
            row(Some("南湖小区"), None, [2, 1, 1, 0], 0.5, Some(3.0)),
            row(Some("幸福里二期"), None, [1, 1, 0, 0], 0.0, None),
        ],
        // 鑫源 c1 c2 c4 c6 (closed c1 c2 → 3.8, overdue c4); 锦华 c10 d1
        // (both closed: 3.0 2.0 → 2.5); no party: c3 c5 c7 c8 c9 c11 c12
        // d2 (closed c8 1.0, c11 30.0 → 15.5; overdue c7).
        "party" => vec![
            row(Some(XINYUAN), None, [4, 2, 2, 1], 0.5, Some(3.8)),
            row(Some(JINHUA), None, [2, 0, 2, 0], 1.0, Some(2.5)),
            row(None, None, [8, 6, 2, 1], 0.25, Some(15.5)),
        ],
        _ => unreachable!(),
    })
}

// --- Reading tables and CSV back.

/// Table cells: the lines of a comfy table that hold a row, split at the
/// column separators and trimmed.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| l.starts_with('│') || l.starts_with('|'))
        .map(|l| {
            l.trim_matches(|c| c == '│' || c == '|')
                .split(['┆', '|', '│'])
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

/// CSV records after the BOM (no quoting in these figures except names).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("report CSV starts with a BOM: {text:?}"));
    let mut r = csv::Reader::from_reader(body.as_bytes());
    let mut out = vec![r.headers().unwrap().iter().map(str::to_string).collect()];
    for rec in r.records() {
        out.push(rec.unwrap().iter().map(str::to_string).collect());
    }
    out
}

fn has_row(rows: &[Vec<String>], want: &[&str]) -> bool {
    rows.iter().any(|r| r == want)
}

#[track_caller]
fn assert_row(rows: &[Vec<String>], want: &[&str], text: &str) {
    assert!(has_row(rows, want), "expected the row {want:?} in:\n{text}");
}

// --- Known answers.

/// The headline in a table: each label and its value.
const HEADLINE_LABELS: [(&str, &str); 16] = [
    ("问题总数", "14"),
    ("待处理", "4"),
    ("已转办", "3"),
    ("暂缓", "1"),
    ("已销号", "6"),
    ("销号率", "42.9%"),
    ("已解决", "3"),
    ("不属实", "1"),
    ("重复", "1"),
    ("非物业问题", "1"),
    ("逾期未办结", "2"),
    ("暂缓(已制定计划)", "1"),
    ("重点难点未销号", "2"),
    ("半年未解决", "4"),
    ("多次投诉(90天内同小区同类)", "8"),
    ("办结天数中位数", "2.8"),
];

/// The headline in CSV: each figure (its JSON path) and its value.
const HEADLINE_CSV: [(&str, &str); 24] = [
    ("total", "14"),
    ("by_status.open", "4"),
    ("by_status.assigned", "3"),
    ("by_status.deferred", "1"),
    ("by_status.closed", "6"),
    ("closure_rate", "0.4286"),
    ("by_result.resolved", "3"),
    ("by_result.unfounded", "1"),
    ("by_result.duplicate", "1"),
    ("by_result.out_of_scope", "1"),
    ("overdue", "2"),
    ("deferred", "1"),
    ("key_open", "2"),
    ("long_running", "4"),
    ("repeat", "8"),
    ("conflicts", "0"),
    ("median_days_to_close", "2.8"),
    // The units' loop (issue 15): none in this ledger.
    ("supervised", "0"),
    ("returned", "0"),
    ("extensions.asked", "0"),
    ("extensions.approved", "0"),
    ("visited", "0"),
    ("satisfaction_rate", "0"),
    ("plan_overdue", "0"),
];

#[test]
fn headline_figures_match_the_hand_computed_answers_in_every_format() {
    let f = fixture();
    let r = f.json(&[]);
    assert_eq!(head_of(&r), headline());
    assert_eq!(r["by"], Value::Null);
    assert_eq!(r["rows"], json!([]));
    assert_eq!(r["period"], Value::Null);
    assert_eq!(r["periods"], json!([]));
    // The keys the issue lists are all there.
    for k in [
        "total",
        "by_status",
        "closed",
        "closure_rate",
        "overdue",
        "deferred",
        "key_open",
        "long_running",
        "repeat",
        "rows",
    ] {
        assert!(r.get(k).is_some(), "key {k}");
    }

    // Table: the title, then label | value.
    let out = f.ledger(&["report"]).stdout;
    assert!(
        out.starts_with("示范区 物业管理整治台账 — 截至 2026-11-26\n"),
        "{out}"
    );
    let cells = table_rows(&out);
    for (label, v) in HEADLINE_LABELS {
        assert_row(&cells, &[label, v], &out);
    }

    // CSV: figure (the JSON path), name, value.
    let out = f.ledger(&["report", "--format", "csv"]).stdout;
    let rows = csv_rows(&out);
    assert_eq!(rows[0], ["figure", "name", "value"]);
    let got: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(got, HEADLINE_CSV, "{out}");

    // Markdown: a heading, then the same figures as a table.
    let out = f.ledger(&["report", "--format", "md"]).stdout;
    assert!(
        out.starts_with(
            "# 示范区 物业管理整治台账 — 截至 2026-11-26\n\n| 指标 | 数量 |\n|---|---:|\n"
        ),
        "{out}"
    );
    for line in [
        "| 问题总数 | 14 |",
        "| 销号率 | 42.9% |",
        "| 逾期未办结 | 2 |",
        "| 暂缓(已制定计划) | 1 |",
        "| 重点难点未销号 | 2 |",
        "| 半年未解决 | 4 |",
        "| 多次投诉(90天内同小区同类) | 8 |",
        "| 办结天数中位数 | 2.8 |",
    ] {
        assert!(out.lines().any(|l| l == line), "{line} in:\n{out}");
    }

    // English labels, ASCII borders.
    let out = f.ledger(&["--lang", "en", "--ascii", "report"]).stdout;
    assert!(!out.contains(['│', '┆', '─', '═', '┌']), "{out}");
    let cells = table_rows(&out);
    assert_row(&cells, &["total cases", "14"], &out);
    assert_row(&cells, &["repeat complaints (90 days)", "8"], &out);
    assert_row(&cells, &["closure rate", "42.9%"], &out);
}

/// CSV: stable codes and plain numbers, one line a group.
#[track_caller]
fn assert_csv_groups(out: &str, want: &[Value]) {
    let got = csv_rows(out);
    assert_eq!(
        got[0][..8],
        [
            "key",
            "name",
            "total",
            "open",
            "closed",
            "closure_rate",
            "overdue",
            "median_days_to_close"
        ]
    );
    assert_eq!(got.len(), want.len() + 1, "{out}");
    for (g, w) in got[1..].iter().zip(want) {
        let num = |k: &str| w[k].to_string();
        assert_eq!(g[0], w["key"].as_str().unwrap_or(""), "{out}");
        assert_eq!(
            g[2..6],
            [
                num("total"),
                num("open"),
                num("closed"),
                w["closure_rate"].as_f64().unwrap().to_string()
            ],
            "{out}"
        );
        assert_eq!(g[6], num("overdue"), "{out}");
        assert_eq!(
            g[7],
            w["median_days_to_close"]
                .as_f64()
                .map_or(String::new(), |m| format!("{m:.1}")),
            "{out}"
        );
    }
}

/// The rows of `report --by BY` as tables and Markdown show them: the
/// labels a leadership group reads, with the codes beside them where codes
/// mean something.
fn labelled_rows() -> [(&'static str, Vec<Vec<String>>); 7] {
    [
        (
            "subject",
            vec![
                vec!["物业服务企业", "10", "5", "5", "50.0%", "1", "3.0"],
                vec!["职能部门", "3", "2", "1", "33.3%", "1", "1.0"],
                vec!["(未填)", "1", "1", "0", "0.0%", "0", ""],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
        (
            "community",
            vec![
                vec!["幸福里小区", "4", "1", "3", "75.0%", "0", "5.0"],
                vec!["幸福里二期", "1", "1", "0", "0.0%", "0", ""],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
        (
            "office",
            vec![
                vec!["S07 建设路街道", "12", "7", "5", "41.7%", "2", "3.0"],
                vec!["S08 解放路街道", "2", "1", "1", "50.0%", "0", "2.0"],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
        (
            "status",
            vec![
                vec!["已销号", "6", "0", "6", "100.0%", "0", "2.8"],
                vec!["待处理", "4", "4", "0", "0.0%", "0", ""],
                vec!["已转办", "3", "3", "0", "0.0%", "2", ""],
                vec!["暂缓", "1", "1", "0", "0.0%", "0", ""],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
        (
            "problem",
            vec![
                vec![
                    "WY-06 以业主欠费为由停水、停电、停暖，或不予充值变相停水停电停暖",
                    "4",
                    "2",
                    "2",
                    "50.0%",
                    "0",
                    "3.8",
                ],
                vec![
                    "WY-12 擅自提高收费标准、增加收费项目",
                    "4",
                    "3",
                    "1",
                    "25.0%",
                    "1",
                    "2.0",
                ],
                vec!["(未填)", "1", "1", "0", "0.0%", "0", ""],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
        (
            "unit",
            vec![
                vec![
                    "JD 街道办事处",
                    "5",
                    "2",
                    "3",
                    "60.0%",
                    "0",
                    "5.0",
                    "5",
                    "0",
                    "0",
                    "0",
                    "2",
                    "66.7%",
                    "0",
                    "0.0%",
                ],
                vec![
                    "(未填)", "6", "4", "2", "33.3%", "0", "2.0", "", "", "", "", "", "", "", "",
                ],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
        (
            "party",
            vec![
                // Ranked: the companies with the most cases first.
                vec!["1", XINYUAN, "4", "2", "2", "50.0%", "1", "3.8"],
                vec!["2", JINHUA, "2", "0", "2", "100.0%", "0", "2.5"],
                vec!["", "(未填)", "8", "6", "2", "25.0%", "1", "15.5"],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        ),
    ]
}

#[test]
fn rows_by_every_group_match_the_hand_computed_answers_in_every_format() {
    let f = fixture();
    for by in [
        "office",
        "status",
        "subject",
        "problem",
        "unit",
        "community",
        "party",
    ] {
        let r = f.json(&["--by", by]);
        assert_eq!(head_of(&r), headline(), "--by {by} keeps the headline");
        assert_eq!(r["by"], by);
        assert_eq!(r["rows"], rows(by), "--by {by}");
        let want = rows(by);
        let want = want.as_array().unwrap();

        // The groups add up to the headline.
        let sum = |k: &str| want.iter().map(|r| r[k].as_i64().unwrap()).sum::<i64>();
        assert_eq!(
            (sum("total"), sum("closed"), sum("overdue")),
            (14, 6, 2),
            "--by {by}"
        );

        let out = f.ledger(&["report", "--by", by, "--format", "csv"]).stdout;
        assert_csv_groups(&out, want);
    }

    // Tables and Markdown: the labels a leadership group reads, with the
    // codes beside them where codes mean something, and a total line.
    let pct = |r: f64| format!("{:.1}%", r * 100.0);
    for (by, want) in labelled_rows() {
        let total: Vec<String> = if by == "party" {
            vec![String::new()]
        } else {
            vec![]
        }
        .into_iter()
        .chain(["合计", "14", "8", "6", &pct(6.0 / 14.0), "2", "2.8"].map(String::from))
        // The units' loop's totals over the units' rows: 8 assigned, 3 of
        // their 4 closed on time.
        .chain(
            if by == "unit" {
                &["8", "0", "0", "0", "3", "75.0%", "0", "0.0%"][..]
            } else {
                &[]
            }
            .iter()
            .map(|s| s.to_string()),
        )
        .collect();
        // Wide enough for the longest problem name: at the default 100
        // columns names are cut to fit (see the 80-column test).
        let wide = f.env.run().var("COLUMNS", "200");
        let out = wide.ledger(&["report", "--by", by]).ok().stdout;
        let cells = table_rows(&out);
        for w in want.iter().chain([&total]) {
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            assert_row(&cells, &w, &out);
        }
        let out = f.ledger(&["report", "--by", by, "--format", "md"]).stdout;
        assert!(
            out.contains("\n| 问题总数 | 14 |\n"),
            "headline first:\n{out}"
        );
        for w in want.iter().chain([&total]) {
            let line = format!("| {} |", w.join(" | "));
            assert!(out.lines().any(|l| l == line), "{line} in:\n{out}");
        }
    }
    let out = f.ledger(&["report", "--by", "party"]).stdout;
    assert!(out.contains("排名"), "{out}");
}

/// The headline of --from 2026-05-30 --to 2026-11-20 (worked out below).
fn period_headline() -> Value {
    json!({
        "as_of": "2026-11-26",
        "from": "2026-05-30",
        "to": "2026-11-20",
        "total": 7,
        "by_status": {"open": 1, "assigned": 2, "deferred": 1, "closed": 3},
        "closed": 3,
        "closure_rate": 0.4286,
        "by_result": {"resolved": 1, "unfounded": 0, "duplicate": 1, "out_of_scope": 1},
        "overdue": 1,
        "deferred": 1,
        "key_open": 1,
        "long_running": 1,
        "repeat": 5,
        "conflicts": 0,
        "median_days_to_close": 2.0,
        // The units' loop (issue 15): none in this ledger.
        "supervised": 0,
        "returned": 0,
        "extensions": {"asked": 0, "approved": 0},
        "visited": 0,
        "satisfaction_rate": 0.0,
        "plan_overdue": 0,
    })
}

/// --from 2026-05-30 --to 2026-11-20 keeps c3 c5 c6 c7 c8 c10 d1:
/// open c3; assigned c6 c7; deferred c5; closed c8 c10 d1 (rate 3/7);
/// overdue c7; key open c7; long-running c5 (05-30); repeat c5 c6 c7 c8 d1
/// = 5 (c3's neighbour c2 is 91 days away, c10 is alone); days 1.0 3.0
/// 2.0 → 2.0.
/// --from 2026-04-01 --to 2026-05-30 keeps c2 and c5, both repeats whose
/// neighbours (c1; c4 and c6) were received outside the period.
#[test]
fn from_to_restricts_the_cases_counted_not_their_neighbours() {
    let f = fixture();
    let r = f.json(&[
        "--from",
        "2026-05-30",
        "--to",
        "2026-11-20",
        "--by",
        "office",
    ]);
    assert_eq!(head_of(&r), period_headline());
    // S07: c3 c5 c6 c7 c8 c10 (closed c8 1.0, c10 3.0); S08: d1.
    assert_eq!(
        r["rows"],
        json!([
            row(
                Some("S07"),
                Some("建设路街道"),
                [6, 4, 2, 1],
                0.3333,
                Some(2.0)
            ),
            row(
                Some("S08"),
                Some("解放路街道"),
                [1, 0, 1, 0],
                1.0,
                Some(2.0)
            ),
        ])
    );
    let out = f
        .ledger(&["report", "--from", "2026-05-30", "--to", "2026-11-20"])
        .stdout;
    assert!(out.contains("(受理日期 2026-05-30 ~ 2026-11-20)"), "{out}");
    let cells = table_rows(&out);
    assert_row(&cells, &["问题总数", "7"], &out);
    assert_row(&cells, &["多次投诉(90天内同小区同类)", "5"], &out);

    let r = f.json(&["--from", "2026-04-01", "--to", "2026-05-30"]);
    assert_eq!(
        (r["total"].as_i64(), r["repeat"].as_i64()),
        (Some(2), Some(2))
    );
    assert_eq!(r["long_running"], 1);
    assert_eq!(r["median_days_to_close"], 2.5);
    assert_eq!(
        f.env
            .list_ids(&["--repeat", "--from", "2026-04-01", "--to", "2026-05-30"]),
        [f.c(2), f.c(5)]
    );
    // Before every case: nothing, and no division by zero.
    let r = f.json(&["--to", "2025-12-31", "--by", "party", "--period", "month"]);
    assert_eq!(
        (
            r["total"].as_i64(),
            r["closure_rate"].as_f64(),
            r["repeat"].as_i64()
        ),
        (Some(0), Some(0.0), Some(0))
    );
    assert_eq!(r["median_days_to_close"], Value::Null);
    assert_eq!(
        (r["rows"].clone(), r["periods"].clone()),
        (json!([]), json!([]))
    );
}

/// Cases received and closed per month (worked out below).
const MONTHS: [(&str, i64, i64); 11] = [
    ("2026-01", 3, 1),
    ("2026-02", 1, 1),
    ("2026-03", 1, 0),
    ("2026-04", 1, 1),
    ("2026-05", 2, 0),
    ("2026-06", 0, 0),
    ("2026-07", 1, 0),
    ("2026-08", 1, 1),
    ("2026-09", 0, 0),
    ("2026-10", 1, 1),
    ("2026-11", 3, 1),
];

/// Received per month: 01 c1 c11 c12, 02 c9, 03 c4, 04 c2, 05 c5 c6, 07 c3,
/// 08 d1, 10 c10, 11 c7 c8 d2; closed per month: 01 c1 (01-15), 02 c11
/// (02-11), 04 c2 (04-12), 08 d1 (08-17), 10 c10 (10-04), 11 c8 (11-21).
/// June and September have neither and still get a line.
#[test]
fn trend_by_month_and_by_iso_week() {
    let f = fixture();
    let r = f.json(&["--period", "month"]);
    assert_eq!(head_of(&r), headline());
    assert_eq!(r["period"], "month");
    let months = MONTHS;
    let want: Vec<Value> = months
        .iter()
        .map(|(p, n, c)| json!({"period": p, "new": n, "closed": c}))
        .collect();
    assert_eq!(r["periods"], json!(want));

    let out = f
        .ledger(&["report", "--period", "month", "--format", "csv"])
        .stdout;
    let rows = csv_rows(&out);
    assert_eq!(rows[0], ["period", "new", "closed"]);
    let got: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    let want: Vec<(String, String, String)> = months
        .iter()
        .map(|(p, n, c)| (p.to_string(), n.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want);

    let out = f.ledger(&["report", "--period", "month"]).stdout;
    assert!(out.contains("每月新增与销号"), "{out}");
    let cells = table_rows(&out);
    for (p, n, c) in months {
        assert_row(&cells, &[p, &n.to_string(), &c.to_string()], &out);
    }
    let out = f
        .ledger(&[
            "report", "--period", "month", "--by", "office", "--format", "md",
        ])
        .stdout;
    let (groups, trend) = (
        out.find("## 按办事处").expect("groups section"),
        out.find("## 每月新增与销号").expect("trend section"),
    );
    assert!(
        out.find("| 问题总数 | 14 |").unwrap() < groups && groups < trend,
        "{out}"
    );
    assert!(
        out.contains("\n| 2026-06 | 0 | 0 |\n| 2026-07 | 1 | 0 |\n"),
        "{out}"
    );

    // November by ISO week: c7 Sun 11-01 is 2026-W44; c8 Fri 11-20 and its
    // closing Sat 11-21 are W47; d2 Wed 11-25 is W48.
    let r = f.json(&[
        "--period",
        "week",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
    ]);
    assert_eq!(r["period"], "week");
    assert_eq!(
        r["periods"],
        json!([
            {"period": "2026-W44", "new": 1, "closed": 0},
            {"period": "2026-W45", "new": 0, "closed": 0},
            {"period": "2026-W46", "new": 0, "closed": 0},
            {"period": "2026-W47", "new": 1, "closed": 1},
            {"period": "2026-W48", "new": 1, "closed": 0},
        ])
    );
    // An unknown period is a refused value (exit 1), as an unknown --by is.
    f.env.ledger(&["report", "--period", "year"]).refused();
}
