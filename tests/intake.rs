//! Bulk intake (issue 6): `ledger add --from FILE` on fixtures the
//! tests write themselves (GBK and UTF-8-BOM CSV, xlsx, Excel serial dates,
//! duplicate and bad rows, mapping files), and on the real public data in
//! `../shared/data/real/` when that folder exists.

use std::path::{Path, PathBuf};

use crate::common::TestEnv;

/// The figures of an import, read from the summary line on stderr.
#[derive(Debug, Default, PartialEq, Eq, Clone, Copy)]
struct Counts {
    read: u64,
    imported: u64,
    duplicates: u64,
    skipped: u64,
    rejected: u64,
    suggested: u64,
}

/// Parses `read N: imported N, duplicates N, skipped N, rejected N
/// (problem type suggested for N, to confirm)` (`--lang en`).
fn counts(stderr: &str) -> Counts {
    let line = stderr
        .lines()
        .find(|l| l.contains("read ") && l.contains("imported "))
        .unwrap_or_else(|| panic!("no summary line in:\n{stderr}"));
    let n: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(n.len(), 6, "summary line: {line}");
    Counts {
        read: n[0],
        imported: n[1],
        duplicates: n[2],
        skipped: n[3],
        rejected: n[4],
        suggested: n[5],
    }
}

fn gbk(s: &str) -> Vec<u8> {
    let (b, _, bad) = encoding_rs::GBK.encode(s);
    assert!(!bad, "the fixture is GBK-encodable");
    b.into_owned()
}

fn cases(env: &TestEnv) -> i64 {
    env.sqlite()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap()
}

/// Imports with `--lang en` and returns the run and its figures.
fn import(env: &TestEnv, args: &[&str]) -> (crate::common::Run, Counts) {
    let mut all = vec!["--lang", "en", "add", "--from"];
    all.extend_from_slice(args);
    let r = env.ledger(&all).ok();
    let c = counts(&r.stderr);
    (r, c)
}

/// The case with this source reference, as `show --format json` gives it.
fn by_ref(env: &TestEnv, r: &str) -> serde_json::Value {
    let id: String = env
        .sqlite()
        .query_row("SELECT id FROM cases WHERE source_ref = ?1", [r], |row| {
            row.get(0)
        })
        .unwrap_or_else(|e| panic!("no case with ref {r}: {e}"));
    env.ledger(&["show", &id, "--format", "json", "--show-pii"])
        .ok()
        .json()["case"]
        .clone()
}

/// A hotline export as Excel saves it on Chinese Windows: GBK, CRLF, and
/// quotes around fields with commas, quotes and line breaks.
const HOTLINE: &str = "工单编号,来电时间,诉求人,联系电话,诉求内容,所属小区,问题分类,承办单位,办理时限\r\n\
RX2026110001,2026/11/3 9:05:07,张三,13812345678,\"物业以业主欠缴物业费为由停水三天，老人孩子生活困难，请尽快处理。\",幸福里小区,物业管理,建设路街道,1个工作日\r\n\
RX2026110002,2026-11-04 14:30,李四,138****5678,\"小区3号楼电梯经常故障，\"\"关人\"\"两次，物业说没钱修\",阳光花园,物业管理,区住建局,5个工作日\r\n\
RX2026110003,2026-11-05,王五,0371-66668888,\"楼下饭店油烟扰民,\r\n每天从早到晚\",,环境保护,区生态环境分局,\r\n";

/// Good rows, a duplicate within the file, and every kind of bad row.
const MIXED: &str = "工单编号,来电时间,诉求内容,来源\n\
B1,2026-11-01 08:00,小区停水,12345热线\n\
B2,2026-11-01 09:00,,热线\n\
B3,昨天下午,小区停电,热线\n\
B1,2026-11-01 08:00,小区停水,热线\n\
B4,2027-01-01,来自未来,热线\n\
B5,2026-11-02,\"物业撤离,小区无人管理\",火星\n\
B6,2026-11-02,物业撤离\n\
B7,2026-11-03,业委会不移交公章,信访\n";

// --- Readers: encodings, spreadsheets, dates.

#[test]
fn gbk_csv_with_excel_quoting_and_crlf_is_imported() {
    let env = TestEnv::init();
    env.write("hotline.csv", gbk(HOTLINE));
    let (r, c) = import(&env, &["hotline.csv", "--profile", "hotline"]);
    assert_eq!(
        c,
        Counts {
            read: 3,
            imported: 3,
            suggested: 2,
            ..Counts::default()
        },
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "data on stdout: {}", r.stdout);
    r.err_has("GB18030 CSV").err_has("profile hotline");

    let a = by_ref(&env, "RX2026110001");
    assert_eq!(a["source"], "hotline");
    assert_eq!(a["received_at"], "2026-11-03T09:05:07+08:00");
    assert_eq!(a["complainant"], "张三");
    assert_eq!(a["phone"], "13812345678");
    assert_eq!(a["community"], "幸福里小区");
    assert_eq!(
        a["summary"],
        "物业以业主欠缴物业费为由停水三天，老人孩子生活困难，请尽快处理。"
    );
    let details = a["details"].as_str().unwrap();
    assert!(details.contains("问题分类：物业管理"), "{details}");
    assert!(details.contains("承办单位：建设路街道"), "{details}");
    assert!(details.contains("办理时限：1个工作日"), "{details}");
    assert_eq!(a["problem"], "WY-06");
    assert_eq!(a["problem_suggested"], true);

    // Doubled quotes inside a quoted field; a masked phone is kept in the details.
    let b = by_ref(&env, "RX2026110002");
    assert_eq!(
        b["summary"],
        "小区3号楼电梯经常故障，\"关人\"两次，物业说没钱修"
    );
    assert_eq!(b["phone"], serde_json::Value::Null);
    assert!(
        b["details"]
            .as_str()
            .unwrap()
            .contains("联系电话：138****5678")
    );
    assert_eq!(b["problem"], "ZN-13");

    // A line break and a comma inside quotes; no community column value,
    // none named in the text: the placeholder.
    let c3 = by_ref(&env, "RX2026110003");
    // A short text is the summary whole, on one line.
    assert_eq!(c3["summary"], "楼下饭店油烟扰民, 每天从早到晚");
    assert_eq!(c3["problem"], serde_json::Value::Null, "not a property row");
    assert_eq!(c3["community"], "(未注明)");
    assert_eq!(c3["received_at"], "2026-11-05T00:00:00+08:00");
    assert_eq!(c3["phone"], "0371-66668888");
    env.check();
}

#[test]
fn utf8_bom_csv_and_the_profile_is_detected() {
    let env = TestEnv::init();
    let csv = "\u{feff}留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数\n\
188006,A000102948,A市阳光花园物业乱收停车费,2019/2/28 11:25:05,\"\n\t\t\t\t\t\n\t\t\t\t\t物业擅自提高停车费收费标准，从每月100元涨到300元。\n\t\t\t\",0,0\n\
188007,A00074795,咨询A6区道路命名规划初步成果公示,2019/2/14 20:00:00,\"\n\t\tA市A6区道路命名规划已经初步成果公示。\",0,1\n";
    env.write("board.csv", csv);
    let (r, c) = import(&env, &["board.csv"]);
    r.err_has("UTF-8 (BOM) CSV").err_has("profile tipdm");
    assert_eq!((c.read, c.imported), (2, 2));
    let a = by_ref(&env, "188006");
    assert_eq!(a["source"], "other");
    assert_eq!(a["summary"], "A市阳光花园物业乱收停车费");
    // Scraped whitespace is gone.
    assert_eq!(
        a["details"],
        "物业擅自提高停车费收费标准，从每月100元涨到300元。"
    );
    assert_eq!(a["community"], "阳光花园");
    assert_eq!(a["problem"], "WY-12");
    // Not about property: imported (no --only-property) but no suggestion.
    let b = by_ref(&env, "188007");
    assert_eq!(b["problem"], serde_json::Value::Null);
    assert_eq!(b["problem_suggested"], false);
}

#[test]
fn xlsx_with_excel_dates_and_numeric_ids_is_imported() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let env = TestEnv::init();
    let path = env.dir().join("board.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("留言").unwrap();
    for (i, h) in ["留言编号", "留言用户", "留言主题", "留言时间", "留言详情"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, i as u16, *h).unwrap();
    }
    let date_format = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    // A date-formatted cell, a bare serial number, and text.
    ws.write_number(1, 0, 190001.0).unwrap();
    ws.write_string(1, 2, "小区电梯故障频发，物业不管").unwrap();
    ws.write_datetime_with_format(
        1,
        3,
        ExcelDateTime::parse_from_str("2020-01-26 19:47:08").unwrap(),
        &date_format,
    )
    .unwrap();
    ws.write_number(2, 0, 190002.0).unwrap();
    ws.write_string(2, 2, "小区楼道内飞线充电").unwrap();
    ws.write_number(2, 3, 43856.8244).unwrap();
    ws.write_number(3, 0, 190003.0).unwrap();
    ws.write_string(3, 2, "小区垃圾无人清运").unwrap();
    ws.write_string(3, 3, "2019/1/5 9:03:07").unwrap();
    ws.write_string(3, 4, "\n\t\t  臭气熏天  ").unwrap();
    wb.save(&path).unwrap();

    let (r, c) = import(&env, &["board.xlsx", "--profile", "tipdm"]);
    r.err_has("sheet 留言");
    assert_eq!((c.read, c.imported, c.rejected), (3, 3, 0), "{}", r.stderr);
    let a = by_ref(&env, "190001");
    assert_eq!(a["received_at"], "2020-01-26T19:47:08+08:00");
    assert_eq!(a["problem"], "ZN-13");
    let b = by_ref(&env, "190002");
    assert_eq!(b["received_at"], "2020-01-26T19:47:08+08:00");
    assert_eq!(b["problem"], "ZN-09");
    let d = by_ref(&env, "190003");
    assert_eq!(d["received_at"], "2019-01-05T09:03:07+08:00");
    assert_eq!(d["details"], "臭气熏天");
    // Ids follow the year received.
    assert!(
        d["id"].as_str().unwrap().starts_with("S07-2019-"),
        "{}",
        d["id"]
    );
    env.check();

    // --sheet: a sheet that is not there is named with the ones that are.
    env.refuses(
        &["add", "--from", "board.xlsx", "--sheet", "Sheet9"],
        "has no sheet 'Sheet9': its sheets are 留言",
    );
}

#[test]
fn excel_serial_dates_in_a_csv_are_read() {
    let env = TestEnv::init();
    env.write("s.csv",
        "工单编号,受理时间,诉求内容\nA1,43856.8244,停水\nA2,43856,停电\nA3,2019年1月5日 9时3分,小区大门被堵\n",
    );
    let (_, c) = import(&env, &["s.csv", "--profile", "hotline"]);
    assert_eq!(c.imported, 3);
    assert_eq!(
        by_ref(&env, "A1")["received_at"],
        "2020-01-26T19:47:08+08:00"
    );
    assert_eq!(
        by_ref(&env, "A2")["received_at"],
        "2020-01-26T00:00:00+08:00"
    );
    assert_eq!(
        by_ref(&env, "A3")["received_at"],
        "2019-01-05T09:03:00+08:00"
    );
}

// Regression: issue 12, the import and the command line read dates with
// two parsers: each form `add --received` takes is read in a file too,
// full-width ones included.
#[test]
fn the_command_lines_date_forms_are_read_in_a_file() {
    let env = TestEnv::init();
    env.write(
        "d.csv",
        "工单编号,受理时间,诉求内容\nD1,2026.11.1 14:05,停水\nD2,20261101 14时05分,停电\n\
D3,２０２６－１１－０１ １４：０５,大门被堵\nD4,2026年11月1日14时05分,电梯\n",
    );
    let (_, c) = import(&env, &["d.csv", "--profile", "hotline"]);
    assert_eq!(c.imported, 4);
    for r in ["D1", "D2", "D3", "D4"] {
        assert_eq!(
            by_ref(&env, r)["received_at"],
            "2026-11-01T14:05:00+08:00",
            "{r}"
        );
    }
}

// --- Rows: duplicates, rejects, all or nothing.

#[test]
fn duplicates_and_bad_rows_go_to_rejects() {
    let env = TestEnv::init();
    env.write("mixed.csv", MIXED);
    let (r, c) = import(
        &env,
        &[
            "mixed.csv",
            "--profile",
            "hotline",
            "--rejects",
            "rejects.csv",
        ],
    );
    assert_eq!(
        c,
        Counts {
            read: 8,
            imported: 2,
            duplicates: 1,
            skipped: 0,
            rejected: 5,
            suggested: 1,
        },
        "{}",
        r.stderr
    );
    assert_eq!(cases(&env), 2);
    assert_eq!(by_ref(&env, "B1")["source"], "hotline");
    assert_eq!(by_ref(&env, "B7")["source"], "petition");
    assert_eq!(by_ref(&env, "B7")["problem"], "YW-06");

    let bytes = std::fs::read(env.dir().join("rejects.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "rejects CSV has a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let head: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(head, ["工单编号", "来电时间", "诉求内容", "来源", "reason"]);
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 5);
    // The original row, then why.
    assert_eq!(&rows[0][..4], ["B2", "2026-11-01 09:00", "", "热线"]);
    assert!(
        rows[0][4].contains("line 3: no summary: 诉求内容 is empty"),
        "{:?}",
        rows[0]
    );
    assert!(
        rows[1][4].contains("line 4: 来电时间: '昨天下午' is not a date"),
        "{:?}",
        rows[1]
    );
    assert!(
        rows[2][4].contains("line 6: received 2027-01-01 00:00 is in the future"),
        "{:?}",
        rows[2]
    );
    assert_eq!(rows[3][2], "物业撤离,小区无人管理");
    assert!(
        rows[3][4].contains("line 7: 来源: '火星' is not a source"),
        "{:?}",
        rows[3]
    );
    assert!(
        rows[4][4].contains("line 8: the row has 3 cells where the header has 4"),
        "{:?}",
        rows[4]
    );

    // Without --rejects, the first reasons are shown on stderr.
    let env2 = TestEnv::init();
    env2.write("mixed.csv", MIXED);
    let (r, _) = import(&env2, &["mixed.csv", "--profile", "hotline"]);
    r.err_has("mixed.csv: line 3: no summary");
}

#[test]
fn reimport_adds_nothing() {
    let env = TestEnv::init();
    env.write("hotline.csv", gbk(HOTLINE));
    import(&env, &["hotline.csv", "--profile", "hotline"]);
    let events = |env: &TestEnv| -> i64 {
        env.sqlite()
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap()
    };
    let (n, e) = (cases(&env), events(&env));
    let before = env.snapshot();
    let (_, c) = import(&env, &["hotline.csv", "--profile", "hotline"]);
    assert_eq!(
        c,
        Counts {
            read: 3,
            duplicates: 3,
            ..Counts::default()
        }
    );
    // Nothing new: not a case, not an event.
    assert_eq!((cases(&env), events(&env)), (n, e));
    before.assert_unchanged();
    // The same reference from another source is another case.
    let (_, c) = import(
        &env,
        &[
            "hotline.csv",
            "--profile",
            "hotline",
            "--source",
            "petition",
        ],
    );
    assert_eq!(c.imported, 3);
}

#[test]
fn rows_without_a_reference_are_not_imported_twice() {
    let env = TestEnv::init();
    env.write("noref.csv",
        "来电时间,诉求内容,所属小区\n2026-11-03 09:05,物业停水,幸福里小区\n2026-11-03 09:05,物业停电,幸福里小区\n",
    );
    let (_, c) = import(&env, &["noref.csv", "--profile", "hotline"]);
    assert_eq!(c.imported, 2);
    let (_, c) = import(&env, &["noref.csv", "--profile", "hotline"]);
    assert_eq!((c.imported, c.duplicates), (0, 2));
    assert_eq!(env.list_ids(&[]).len(), 2);
}

#[test]
fn intake_dry_run_writes_nothing() {
    let env = TestEnv::init();
    env.write("mixed.csv", MIXED);
    let before = env.snapshot();
    let (r, dry) = import(
        &env,
        &[
            "mixed.csv",
            "--profile",
            "hotline",
            "--dry-run",
            "--rejects",
            "r.csv",
        ],
    );
    r.err_has("dry run, nothing written");
    before.assert_unchanged();
    assert_eq!(cases(&env), 0);
    // It reports what a real run then does (the rejects file is written).
    assert!(env.dir().join("r.csv").exists());
    let (_, real) = import(&env, &["mixed.csv", "--profile", "hotline"]);
    assert_eq!(dry, real);
}

#[test]
fn a_failure_midway_leaves_nothing() {
    let env = TestEnv::init();
    // Rows 2 and 3 are UTF-8; row 4 is GBK: with --encoding utf-8 the
    // import has registered two cases when it meets the bad bytes.
    let mut bytes = "工单编号,诉求内容\nC1,小区停水\nC2,小区停电\n"
        .as_bytes()
        .to_vec();
    bytes.extend(gbk("C3,物业撤离\n"));
    env.write("bad.csv", &bytes);
    let r = env.refuses(
        &[
            "add",
            "--from",
            "bad.csv",
            "--profile",
            "hotline",
            "--encoding",
            "utf-8",
        ],
        "bad.csv line 4: not valid UTF-8",
    );
    r.err_has("--encoding gb18030");
    assert_eq!(cases(&env), 0);
}

// --- Columns, mapping files and profiles.

#[test]
fn show_columns_lists_headers_and_what_they_map_to() {
    let env = TestEnv::init();
    env.write("hotline.csv", gbk(HOTLINE));
    let before = env.snapshot();
    let r = env
        .ledger(&[
            "--lang",
            "en",
            "add",
            "--from",
            "hotline.csv",
            "--show-columns",
        ])
        .ok();
    before.assert_unchanged();
    for want in [
        "工单编号",
        "RX2026110001",
        "ref",
        "诉求内容",
        "summary",
        "办理时限",
        "extra",
    ] {
        assert!(r.stdout.contains(want), "{want} missing:\n{}", r.stdout);
    }
    // Regression: issue 13, the sample name and phone were shown unmasked.
    assert!(
        !r.stdout.contains("张三") && !r.stdout.contains("13812345678"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("张*"), "{}", r.stdout);
    r.err_has("profile hotline");
    // A file no profile fits still shows its columns, and says so.
    env.write("odd.csv", "甲,乙\n1,2\n");
    let r = env
        .ledger(&["--lang", "en", "add", "--from", "odd.csv", "--show-columns"])
        .ok();
    assert!(r.stdout.contains("甲"));
    r.err_has("cannot tell which column is which");
}

#[test]
fn map_files_in_csv_and_toml_name_the_columns() {
    let env = TestEnv::init();
    env.write(
        "own.csv",
        "件号,日期,事项,地点,单位\nP-1,2026-10-08,一楼业主私搭乱建,幸福里小区,区城管局\n",
    );
    env.write("map.csv",
        "column,field\n件号,ref\n日期,received\n事项,summary\n地点,community\n单位,extra\nsource,petition\n",
    );
    let (r, c) = import(&env, &["own.csv", "--map", "map.csv"]);
    assert_eq!(c.imported, 1, "{}", r.stderr);
    let a = by_ref(&env, "P-1");
    assert_eq!(a["source"], "petition");
    assert_eq!(a["community"], "幸福里小区");
    assert_eq!(a["details"], "单位：区城管局");
    assert_eq!(a["problem"], "ZN-06");

    env.write("map.toml",
        "# my office's export\nsource = \"visit\"\nref = \"件号\"\nreceived = \"日期\"\n\"事项\" = \"summary\"\nextra = [\"地点\", \"单位\"]\n",
    );
    let (_, c) = import(&env, &["own.csv", "--map", "map.toml"]);
    assert_eq!(c.imported, 1, "another source, another case");
    // The example mapping shipped in examples/ parses and fits its columns.
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hotline-map.toml");
    env.write("ex.csv",
        "工单号,受理时间,来电人,来电号码,反映内容,小区名称,承办单位,办理时限\nE1,2026-11-20 10:00,赵六,13900001111,物业停暖,康桥华城,街道,3\n",
    );
    let (r, c) = import(&env, &["ex.csv", "--map", example.to_str().unwrap()]);
    assert_eq!(c.imported, 1, "{}", r.stderr);
    assert_eq!(by_ref(&env, "E1")["community"], "康桥华城");

    // A column the file lacks, and a field that does not exist, are named.
    env.write("typo.csv", "件号,ref\n事由,summary\n");
    env.refuses(
        &["add", "--from", "own.csv", "--map", "typo.csv"],
        "typo.csv line 2 names column '事由' for summary, which the file does not have: the columns are 件号, 日期, 事项, 地点, 单位",
    );
    env.write("bad.toml", "ref = \"件号\"\nsumary = \"事项\"\n");
    env.refuses(
        &["add", "--from", "own.csv", "--map", "bad.toml"],
        "bad.toml line 2: 'sumary' is not a field",
    );
    env.write("nosum.csv", "件号,ref\n");
    env.refuses(
        &["add", "--from", "own.csv", "--map", "nosum.csv"],
        "maps no column to summary",
    );
}

#[test]
fn only_property_keeps_property_rows_and_suggests() {
    let env = TestEnv::init();
    env.write(
        "m.csv",
        "工单编号,诉求内容\n\
D1,物业以业主欠费为由停水三天\n\
D2,咨询A6区道路命名规划\n\
D3,幸福里小区电梯故障困人\n\
D4,小区业主反映物业服务问题\n\
D5,公交车绕路\n",
    );
    let (r, c) = import(&env, &["m.csv", "--profile", "hotline", "--only-property"]);
    assert_eq!(
        c,
        Counts {
            read: 5,
            imported: 3,
            skipped: 2,
            suggested: 2,
            ..Counts::default()
        },
        "{}",
        r.stderr
    );
    let d1 = by_ref(&env, "D1");
    assert_eq!(d1["problem"], "WY-06");
    assert_eq!(d1["subject"], "property_company");
    assert_eq!(d1["problem_suggested"], true);
    let d3 = by_ref(&env, "D3");
    assert_eq!(d3["community"], "幸福里小区");
    assert_eq!(d3["problem"], "ZN-13");
    assert_eq!(by_ref(&env, "D4")["problem"], serde_json::Value::Null);
    // list marks the suggestion; assign --problem confirms it.
    let list = env.ledger(&["list"]).ok().stdout;
    assert!(list.contains("WY-06(建议)"), "{list}");
    let id = d1["id"].as_str().unwrap().to_string();
    env.ledger(&["assign", &id, "--unit", "JD", "--problem", "WY-06"])
        .ok();
    assert_eq!(env.case(&id)["problem_suggested"], false);
    // Skipped rows are not registered, so a run without the filter takes them.
    let (_, c) = import(&env, &["m.csv", "--profile", "hotline"]);
    assert_eq!((c.imported, c.duplicates), (2, 3));
}

#[test]
fn bad_input_is_refused_with_a_clear_message() {
    let env = TestEnv::init();
    env.refuses(&["add", "--from", "nope.csv"], "nope.csv: cannot read it");
    env.write("x.csv", "工单编号,诉求内容\n1,停水\n");
    env.refuses(
        &["add", "--from", "x.csv", "--profile", "hotlin"],
        "unknown profile 'hotlin': use one of hotline, petition, tipdm, nyc311",
    );
    env.refuses(
        &["add", "--from", "x.csv", "--sheet", "Sheet1"],
        "x.csv is a CSV file: --sheet Sheet1 is for workbooks",
    );
    env.refuses(
        &["add", "--from", "x.csv", "--profile", "tipdm"],
        "x.csv: it has no summary column for profile tipdm (looked for 留言主题)",
    );
    env.ledger(&["add", "--from", "x.csv", "--encoding", "latin1"])
        .refused()
        .err_has("'latin1' is not an encoding");
    env.refuses(
        &["add", "--from", "x.csv", "--rejects", "x.csv"],
        "is the input file",
    );
    env.refuses(
        &["add", "--from", "x.csv", "--rejects", "no/such/r.csv"],
        "the folder no/such does not exist",
    );
    env.write("empty.csv", "");
    env.refuses(&["add", "--from", "empty.csv"], "empty.csv is empty");
    env.write("broken.xlsx", "PK\x03\x04 not really a zip");
    env.refuses(
        &["add", "--from", "broken.xlsx"],
        "broken.xlsx: not a readable workbook",
    );
    // Flags of a single add do not go with --from.
    env.usage_error(&["add", "--from", "x.csv", "--summary", "x"]);
    // The single add still needs its summary and community.
    env.usage_error(&["add", "--community", "幸福里小区"]);
    // No ledger: the usual message.
    let empty = TestEnv::new();
    empty.write("x.csv", "工单编号,诉求内容\n1,停水\n");
    empty
        .ledger(&["--lang", "en", "add", "--from", "x.csv"])
        .refused()
        .err_has("no ledger at");
}

// --- An imported case is what add makes.

/// An event row and the case row, as stored, for comparing two files.
fn stored(env: &TestEnv, case_id: &str) -> (Vec<String>, serde_json::Value) {
    let ev: Vec<String> = env
        .sqlite()
        .query_row(
            "SELECT origin, seq, clock, at, actor, kind, case_id, payload, hash FROM events WHERE case_id = ?1",
            [case_id],
            |r| {
                (0..9)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i).map(|v| match v {
                            rusqlite::types::Value::Text(t) => t,
                            other => format!("{other:?}"),
                        })
                    })
                    .collect()
            },
        )
        .unwrap();
    let mut case = env.case(case_id);
    case.as_object_mut().unwrap().remove("updated_at");
    (ev, case)
}

#[test]
fn an_imported_case_is_what_add_makes() {
    // Intake registers through the same path as `ledger add`: the event,
    // its hash and the case row must be those `ledger add` makes.
    let single = TestEnv::init();
    let id = single.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "公交车绕路",
        "--source",
        "hotline",
        "--ref",
        "X1",
        "--received",
        "2026-11-03 09:05:07",
        "--details",
        "每天绕行两公里",
        "--address",
        "建设路1号",
        "--complainant",
        "张三",
        "--phone",
        "13812345678",
        "--party",
        "某公交公司",
    ]);
    let bulk = TestEnv::init();
    bulk.write("one.csv",
        "工单编号,来电时间,诉求内容,详细内容,所属小区,事发地址,诉求人,联系电话,被投诉单位\n\
X1,2026-11-03 09:05:07,公交车绕路,每天绕行两公里,幸福里小区,建设路1号,张三,13812345678,某公交公司\n",
    );
    let (_, c) = import(&bulk, &["one.csv", "--profile", "hotline"]);
    assert_eq!(c.imported, 1);
    assert_eq!(stored(&bulk, &id), stored(&single, &id));
    // A suggested problem: the same but for the marker.
    let id2 = single.add(&[
        "--community",
        "(未注明)",
        "--summary",
        "物业以业主欠费为由停水",
        "--source",
        "hotline",
        "--problem",
        "WY-06",
    ]);
    bulk.write("two.csv", "诉求内容\n物业以业主欠费为由停水\n");
    import(&bulk, &["two.csv", "--profile", "hotline"]);
    let (mut ev_b, mut case_b) = stored(&bulk, &id2);
    let (ev_s, case_s) = stored(&single, &id2);
    assert_eq!(case_b["problem_suggested"], true);
    case_b["problem_suggested"] = serde_json::Value::Bool(false);
    // A row without a reference of its own gets one from its content.
    assert!(case_b["source_ref"].as_str().unwrap().starts_with('#'));
    case_b["source_ref"] = serde_json::Value::Null;
    assert_eq!(case_b, case_s);
    let payload: serde_json::Value = serde_json::from_str(&ev_b[7]).unwrap();
    assert_eq!(payload["suggested"], true);
    assert_eq!(payload["subject"], "property_company");
    ev_b[7] = ev_s[7].clone();
    ev_b[8] = ev_s[8].clone();
    assert_eq!(ev_b, ev_s);
    bulk.check();
    // Numbering goes on from what the file holds.
    bulk.write("three.csv", "诉求内容\n小区停水\n小区停电\n");
    import(&bulk, &["three.csv", "--profile", "hotline"]);
    let ids = bulk.list_ids(&[]);
    assert!(ids.contains(&"S07-2026-0004".to_string()), "{ids:?}");
    bulk.check();
}

// --- The real public data (PRODUCT.md §9), when the shared folder is there.

fn real(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/real")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not here", p.display());
        None
    }
}

#[test]
fn real_message_board_only_property_rows() {
    let Some(file) = real("tipdm2020_messages.xlsx") else {
        return;
    };
    let file = file.to_str().unwrap();
    let env = TestEnv::init();
    let (_, c) = import(&env, &[file, "--only-property"]);
    eprintln!("tipdm --only-property: {c:?}");
    assert_eq!(c.read, 4326);
    assert_eq!(c.rejected, 0, "every row has a title and a date");
    assert!(
        (500..=1700).contains(&c.imported),
        "the property rule keeps {} of 4326",
        c.imported
    );
    assert!(
        c.suggested * 3 >= c.imported,
        "a problem type suggested for {} of {}",
        c.suggested,
        c.imported
    );
    assert_eq!(c.skipped + c.imported, 4326);
    let before = env.snapshot();
    let (_, again) = import(&env, &[file, "--only-property"]);
    assert_eq!(again.imported, 0);
    assert_eq!(again.duplicates, c.imported);
    before.assert_unchanged();
    env.check();
}

#[test]
fn real_message_board_all_rows() {
    let Some(file) = real("tipdm2020_messages.xlsx") else {
        return;
    };
    let file = file.to_str().unwrap();
    let env = TestEnv::init();
    let (_, c) = import(&env, &[file, "--profile", "tipdm"]);
    assert_eq!((c.read, c.imported, c.rejected), (4326, 4326, 0));
    assert_eq!(cases(&env), 4326);
    // Received times span the data's years, serial-number cells included.
    let (lo, hi): (String, String) = env
        .sqlite()
        .query_row(
            "SELECT min(received_at), max(received_at) FROM cases",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        lo.as_str() >= "2010" && hi.as_str() < "2021",
        "{lo} .. {hi}"
    );
    let (_, again) = import(&env, &[file, "--profile", "tipdm"]);
    assert_eq!((again.imported, again.duplicates), (0, 4326));
}

#[test]
fn real_nyc311_file_is_imported() {
    let Some(file) = real("nyc311_sample.csv") else {
        return;
    };
    let file = file.to_str().unwrap();
    let env = TestEnv::init();
    let (r, c) = import(&env, &[file]);
    r.err_has("profile nyc311");
    assert_eq!(c.read, 235);
    assert_eq!(c.imported + c.duplicates + c.rejected, 235, "{}", r.stderr);
    assert!(c.imported > 200, "{c:?}");
    let (_, again) = import(&env, &[file]);
    assert_eq!(again.imported, 0);
    let any: String = env
        .sqlite()
        .query_row(
            "SELECT received_at FROM cases WHERE source_ref = '64446107'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(any, "2025-03-24T23:33:07+08:00");
}

#[test]
fn real_category_file_is_refused_not_misread() {
    let Some(file) = real("tipdm2020_categories.xlsx") else {
        return;
    };
    let file = file.to_str().unwrap();
    let env = TestEnv::init();
    let r = env.refuses(
        &["add", "--from", file],
        "cannot tell which column is which",
    );
    r.err_has("一级分类");
    env.ledger(&["add", "--from", file, "--show-columns"]).ok();
}
