//! The command line of issue 2 (PRODUCT.md §8): files and environment,
//! ids and dates as clerks type them, due dates, list filters and formats,
//! personal data, the catalogue, help, pipes, damaged files, `check` and
//! `rebuild`, and `demo`.

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use crate::common::{NOW, OFFICE, Snapshot, TestEnv};

fn add_args<'a>(community: &'a str, summary: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--community", community, "--summary", summary];
    v.extend_from_slice(more);
    v
}

// init, files and the environment.

#[test]
fn issue2_init_creates_the_file_and_a_second_init_is_refused() {
    let env = TestEnv::new();
    let r = env
        .ledger(&["init", "--office", "S07", "--name", "建设路街道"])
        .ok();
    assert!(r.stdout.is_empty(), "init prints no data: {}", r.stdout);
    assert!(env.db().is_file());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.db()).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "personal data: the file is the owner's only"
        );
    }
    env.check();
    env.refuses(
        &["init", "--office", "S08", "--name", "解放路街道"],
        "already exists",
    );
    env.refuses(
        &["init", "--office", "S07", "--name", "建设路街道"],
        "already exists",
    );
}

#[test]
fn issue2_init_refuses_bad_codes_and_names_and_leaves_no_file() {
    let env = TestEnv::new();
    for bad in ["S-07", "ABCDEFGHI", "街道", ""] {
        env.ledger(&["init", "--office", bad, "--name", "建设路街道"])
            .refused()
            .err_has("office code");
        assert!(!env.db().exists(), "no file after a refused init ({bad:?})");
    }
    env.ledger(&["init", "--office", "S07", "--name", "  "])
        .refused()
        .err_has("the office name must not be empty");
    assert!(!env.db().exists());
    env.ledger(&[
        "--db",
        "no/such/dir/x.db",
        "init",
        "--office",
        "S07",
        "--name",
        "x",
    ])
    .refused()
    .err_has("does not exist");
}

#[test]
fn issue2_office_code_is_upper_cased() {
    let env = TestEnv::new();
    env.ledger(&["init", "--office", "s07", "--name", "建设路街道"])
        .ok();
    let id = env.new_case();
    assert_eq!(id, "S07-2026-0001");
    assert_eq!(env.case(&id)["office"], "S07");
    assert_eq!(env.list_ids(&["--office", "s07"]), [id.as_str()]);
    assert!(env.list_ids(&["--office", "S08"]).is_empty());
}

#[test]
fn issue2_init_district() {
    let env = TestEnv::new();
    env.ledger(&["init", "--office", "d", "--name", "示范区", "--district"])
        .ok();
    let district: String = env
        .sqlite()
        .query_row("SELECT value FROM meta WHERE key = 'district'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(district, "1");
    assert_eq!(env.new_case(), "D-2026-0001");
    env.check();
    // An office file is not a district file.
    let office = TestEnv::init();
    let district: String = office
        .sqlite()
        .query_row("SELECT value FROM meta WHERE key = 'district'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(district, "0");
}

#[test]
fn issue2_ledger_db_variable_and_db_flag() {
    let env = TestEnv::new();
    let office = env.run().var("LEDGER_DB", "office.db");
    office
        .ledger(&["init", "--office", "S07", "--name", "建设路街道"])
        .ok();
    assert!(env.dir().join("office.db").is_file());
    assert!(!env.db().exists(), "LEDGER_DB replaces ./ledger.db");
    let id = office
        .ledger(&["add", "--community", "幸福里小区", "--summary", "停水"])
        .ok()
        .stdout;
    assert_eq!(id, "S07-2026-0001\n");
    assert_eq!(office.list_ids(&[]), ["S07-2026-0001"]);
    // --db wins over LEDGER_DB.
    office
        .ledger(&["--db", "other.db", "list"])
        .refused()
        .err_has("no ledger at other.db");
    // --db anywhere on the line, with a path in a sub-folder.
    std::fs::create_dir(env.dir().join("sub")).unwrap();
    env.ledger(&[
        "init",
        "--db",
        "sub/x.db",
        "--office",
        "S08",
        "--name",
        "解放路街道",
    ])
    .ok();
    assert!(env.dir().join("sub/x.db").is_file());
    let r = env
        .ledger(&[
            "add",
            "--community",
            "c",
            "--summary",
            "s",
            "--db",
            "sub/x.db",
        ])
        .ok();
    assert_eq!(r.stdout, "S08-2026-0001\n");
    assert!(!env.db().exists());
}

#[test]
fn issue2_missing_ledger_points_to_init_and_creates_nothing() {
    let env = TestEnv::new();
    for a in [
        vec!["list"],
        vec!["add", "--community", "c", "--summary", "s"],
        vec!["check"],
    ] {
        env.ledger(&a)
            .refused()
            .one_line_error()
            .err_has("ledger init");
        assert!(!env.db().exists(), "{a:?} created a file");
    }
}

// add: ids, dates.

#[test]
fn issue2_add_prints_only_the_id_numbered_per_office_and_year() {
    let env = TestEnv::init();
    let r = env
        .ledger(&["add", "--community", "幸福里小区", "--summary", "停水"])
        .ok();
    assert_eq!(r.stdout, "S07-2026-0001\n");
    assert_eq!(env.new_case(), "S07-2026-0002");
    // The year comes from the received date, with its own sequence.
    let old = env.add(&add_args(
        "幸福里小区",
        "旧案",
        &["--received", "2025-12-30"],
    ));
    assert_eq!(old, "S07-2025-0001");
    assert_eq!(
        env.add(&add_args(
            "幸福里小区",
            "旧案二",
            &["--received", "2025/1/2"]
        )),
        "S07-2025-0002"
    );
    assert_eq!(env.new_case(), "S07-2026-0003");
    assert_eq!(
        env.list_ids(&[]),
        [
            "S07-2025-0001",
            "S07-2025-0002",
            "S07-2026-0001",
            "S07-2026-0002",
            "S07-2026-0003"
        ]
    );
    env.check();
}

#[test]
fn issue2_received_accepts_the_forms_clerks_type() {
    let env = TestEnv::init();
    for (typed, stored) in [
        ("2026-11-03", "2026-11-03T00:00:00+08:00"),
        ("2026/11/3", "2026-11-03T00:00:00+08:00"),
        ("2026-11-03 14:05", "2026-11-03T14:05:00+08:00"),
        ("2026-11-03T14:05:00+00:00", "2026-11-03T14:05:00+00:00"),
    ] {
        let id = env.add(&add_args("幸福里小区", "停水", &["--received", typed]));
        assert_eq!(env.case(&id)["received_at"], stored, "--received {typed}");
    }
    // Default: now.
    let id = env.new_case();
    assert_eq!(env.case(&id)["received_at"], NOW);
}

#[test]
fn issue2_case_ids_are_accepted_in_any_case_and_without_padding() {
    let env = TestEnv::init();
    let id = env.new_case();
    for typed in [
        "s07-2026-1",
        "S07-2026-1",
        "s07-2026-0001",
        " S07-2026-0001 ",
    ] {
        let r = env.ledger(&["show", typed, "--format", "json"]).ok();
        assert_eq!(r.json()["case"]["id"], id.as_str(), "{typed}");
    }
    env.ledger(&["assign", "s07-2026-1", "--unit", "jd"]).ok();
    env.ledger(&["note", "s07-2026-01", "已回访"]).ok();
    let c = env.case(&id);
    assert_eq!(c["unit"], "JD");
    assert_eq!(c["notes"], 1);
    env.check();
}

// assign: due dates and units.

#[test]
fn issue2_assign_default_due_is_today_plus_the_problem_time_limit() {
    let env = TestEnv::init();
    let wy06 = env.add(&add_args("幸福里小区", "停水", &["--problem", "WY-06"]));
    let bare = env.new_case();
    let kf02 = env.add(&add_args("幸福里小区", "配套", &["--problem", "KF-02"]));
    for id in [&wy06, &bare, &kf02] {
        env.ledger(&["assign", id, "--unit", "JD"]).ok();
    }
    assert_eq!(env.case(&wy06)["due"], "2026-11-27", "WY-06: 1 day");
    assert_eq!(env.case(&bare)["due"], "2026-12-11", "no problem: 15 days");
    assert_eq!(env.case(&kf02)["due"], "2026-12-26", "KF-02: 30 days");
    // A problem given at assignment counts.
    let later = env.new_case();
    let r = env
        .ledger(&["assign", &later, "--unit", "JD", "--problem", "wy13"])
        .ok();
    assert!(r.stderr.contains("2026-11-29"), "{}", r.stderr);
    let c = env.case(&later);
    assert_eq!(c["problem"], "WY-13");
    assert_eq!(c["subject"], "property_company");
    assert_eq!(c["due"], "2026-11-29");
    env.check();
}

#[test]
fn issue2_assign_days_and_due() {
    let env = TestEnv::init();
    let a = env.add(&add_args("幸福里小区", "停水", &["--problem", "WY-06"]));
    env.ledger(&["assign", &a, "--unit", "JD", "--days", "10"])
        .ok();
    assert_eq!(env.case(&a)["due"], "2026-12-06");
    env.ledger(&["assign", &a, "--unit", "JD", "--due", "2026-12-31"])
        .ok();
    assert_eq!(env.case(&a)["due"], "2026-12-31");
    env.ledger(&["assign", &a, "--unit", "JD", "--due", "2027/1/5"])
        .ok();
    assert_eq!(env.case(&a)["due"], "2027-01-05");
    // Assigning at another time counts from that day.
    env.at("2026-12-20")
        .ledger(&["assign", &a, "--unit", "JD"])
        .ok();
    assert_eq!(env.case(&a)["due"], "2026-12-21");
    env.check();
}

#[test]
fn issue2_assign_due_and_days_together_is_a_usage_error() {
    let env = TestEnv::init();
    let id = env.new_case();
    let r = env.usage_error(&[
        "assign",
        &id,
        "--unit",
        "JD",
        "--due",
        "2026-12-31",
        "--days",
        "10",
    ]);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
    assert_eq!(env.status(&id), "open");
}

#[test]
fn issue2_assign_department_problem_gets_its_default_unit() {
    let env = TestEnv::init();
    let id = env.add(&add_args("幸福里小区", "私搭乱建", &["--problem", "ZN-06"]));
    let r = env.ledger(&["assign", &id]).ok();
    assert!(r.stderr.contains("CG 区城市综合管理局"), "{}", r.stderr);
    assert!(
        r.stderr.contains("默认单位"),
        "says the unit was defaulted: {}",
        r.stderr
    );
    let c = env.case(&id);
    assert_eq!(c["unit"], "CG");
    assert_eq!(c["due"], "2026-11-29", "ZN-06: 3 days");
    assert_eq!(c["subject"], "department");
    // Given at assignment, too.
    let other = env.new_case();
    env.ledger(&["assign", &other, "--problem", "ZN-10"]).ok();
    assert_eq!(env.case(&other)["unit"], "GA");
    // An explicit unit wins.
    let third = env.add(&add_args("幸福里小区", "油烟", &["--problem", "ZN-07"]));
    env.ledger(&["assign", &third, "--unit", "JD"]).ok();
    assert_eq!(env.case(&third)["unit"], "JD");
    env.check();
}

#[test]
fn issue2_assign_unit_by_exact_chinese_name() {
    let env = TestEnv::init();
    let id = env.new_case();
    env.ledger(&["assign", &id, "--unit", "区城市综合管理局"])
        .ok();
    assert_eq!(env.case(&id)["unit"], "CG");
    env.ledger(&["assign", &id, "--unit", "区住房和城乡建设局(区物业办)"])
        .ok();
    assert_eq!(env.case(&id)["unit"], "ZJ");
    env.check();
}

#[test]
fn issue2_reassign_keeps_the_history() {
    let env = TestEnv::init();
    let id = env.add(&add_args("幸福里小区", "停水", &["--problem", "WY-06"]));
    env.ledger(&["assign", &id, "--unit", "JD", "--note", "请街道先行协调"])
        .ok();
    env.at("2026-11-27T09:00:00+08:00")
        .ledger(&["assign", &id, "--unit", "ZJ", "--party", "某某物业公司"])
        .ok();
    let shown = env.show_json(&id);
    let events = shown["events"].as_array().unwrap();
    let assigns: Vec<&Value> = events
        .iter()
        .filter(|e| e["kind"] == "case.assign")
        .collect();
    assert_eq!(assigns.len(), 2);
    assert_eq!(assigns[0]["data"]["unit"], "JD");
    assert_eq!(assigns[0]["data"]["note"], "请街道先行协调");
    assert_eq!(assigns[0]["at"], NOW);
    assert_eq!(assigns[1]["data"]["unit"], "ZJ");
    assert_eq!(assigns[1]["at"], "2026-11-27T09:00:00+08:00");
    let c = &shown["case"];
    assert_eq!(c["unit"], "ZJ");
    assert_eq!(c["party"], "某某物业公司");
    assert_eq!(c["due"], "2026-11-28");
    // The table shows the whole history, oldest first.
    let table = env.ledger(&["show", &id]).ok().stdout;
    let jd = table.find("JD 街道办事处").expect("first assignment shown");
    let zj = table.rfind("ZJ 区住房").expect("second assignment shown");
    assert!(jd < zj, "oldest first:\n{table}");
    assert!(table.contains("请街道先行协调"));
    // Who and when.
    assert!(table.contains("S07 test"), "the actor is shown:\n{table}");
    assert!(table.contains("2026-11-27 09:00"), "{table}");
    assert!(table.contains("登记") && table.contains("转办"), "{table}");
    env.check();
}

// list: JSON keys, filters, formats.

#[test]
fn issue2_list_json_has_every_key_with_iso_dates() {
    let env = TestEnv::init();
    let a = env.add(&add_args(
        "幸福里小区",
        "停水",
        &[
            "--problem",
            "WY-06",
            "--source",
            "hotline",
            "--ref",
            "12345-0087",
            "--address",
            "幸福路1号",
            "--party",
            "某某物业公司",
            "--key",
            "--received",
            "2026-11-20 08:30",
        ],
    ));
    env.ledger(&["assign", &a, "--unit", "JD"]).ok();
    env.ledger(&[
        "close",
        &a,
        "--result",
        "resolved",
        "--resolution",
        "已恢复供水",
    ])
    .ok();
    let open = env.new_case();
    let list = env.ledger(&["list", "--format", "json"]).ok().json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "closed cases are listed too");
    for c in list {
        for key in [
            "id",
            "office",
            "status",
            "received_at",
            "source",
            "source_ref",
            "community",
            "address",
            "summary",
            "subject",
            "problem",
            "party",
            "unit",
            "due",
            "closed_at",
            "result",
            "key",
            "overdue",
            "long_running",
        ] {
            assert!(c.get(key).is_some(), "{} lacks {key}: {c}", c["id"]);
        }
        for flag in ["key", "overdue", "long_running"] {
            assert!(c[flag].is_boolean(), "{flag} is a boolean");
        }
        chrono::DateTime::parse_from_rfc3339(c["received_at"].as_str().unwrap())
            .expect("received_at is RFC 3339");
    }
    let c = &list[0];
    assert_eq!(c["id"], a.as_str());
    assert_eq!(c["office"], OFFICE);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["received_at"], "2026-11-20T08:30:00+08:00");
    assert_eq!(c["source"], "hotline");
    assert_eq!(c["source_ref"], "12345-0087");
    assert_eq!(c["community"], "幸福里小区");
    assert_eq!(c["address"], "幸福路1号");
    assert_eq!(c["summary"], "停水");
    assert_eq!(c["subject"], "property_company");
    assert_eq!(c["problem"], "WY-06");
    assert_eq!(c["party"], "某某物业公司");
    assert_eq!(c["unit"], "JD");
    assert_eq!(c["due"], "2026-11-27");
    chrono::NaiveDate::parse_from_str(c["due"].as_str().unwrap(), "%Y-%m-%d")
        .expect("due is an ISO date");
    assert_eq!(c["closed_at"], NOW);
    assert_eq!(c["result"], "resolved");
    assert_eq!(c["key"], true);
    let o = &list[1];
    assert_eq!(o["id"], open.as_str());
    for k in [
        "source_ref",
        "address",
        "subject",
        "problem",
        "unit",
        "due",
        "closed_at",
        "result",
    ] {
        assert_eq!(o[k], Value::Null, "{k} of a bare open case");
    }
    assert_eq!(o["source"], "other");
    assert_eq!(o["key"], false);
}

/// Five cases for the filter tests:
/// 1 幸福里小区 WY-06 → JD, due 11-27, key;
/// 2 阳光花园 ZN-06 → CG (default), due 11-29;
/// 3 幸福里二期 YW-01 → JD, then closed;
/// 4 和平小区 → ZJ, then deferred;
/// 5 南湖小区, received 2026-03-01, open (long-running).
fn filter_fixture() -> (TestEnv, [String; 5]) {
    let env = TestEnv::init();
    let c1 = env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--problem", "WY-06", "--key"],
    ));
    env.ledger(&["assign", &c1, "--unit", "JD"]).ok();
    let c2 = env.add(&add_args("阳光花园", "私搭乱建", &["--problem", "ZN-06"]));
    env.ledger(&["assign", &c2]).ok();
    let c3 = env.add(&add_args("幸福里二期", "业委会", &["--problem", "YW-01"]));
    env.ledger(&["assign", &c3, "--unit", "JD", "--days", "1"])
        .ok();
    env.ledger(&[
        "close",
        &c3,
        "--result",
        "resolved",
        "--resolution",
        "已解决",
    ])
    .ok();
    let c4 = env.new_case_in("和平小区");
    env.ledger(&["assign", &c4, "--unit", "ZJ", "--days", "1"])
        .ok();
    env.ledger(&["defer", &c4, "--plan", "待业主大会表决"]).ok();
    let c5 = env.add(&add_args("南湖小区", "电梯", &["--received", "2026-03-01"]));
    (env, [c1, c2, c3, c4, c5])
}

trait NewCaseIn {
    fn new_case_in(&self, community: &str) -> String;
}

impl NewCaseIn for TestEnv {
    fn new_case_in(&self, community: &str) -> String {
        self.add(&add_args(community, "物业服务差", &[]))
    }
}

#[test]
fn issue2_list_filters() {
    let (env, [c1, c2, c3, c4, c5]) = filter_fixture();
    let (c1, c2, c3, c4, c5) = (&*c1, &*c2, &*c3, &*c4, &*c5);
    let ids = |args: &[&str]| env.list_ids(args);
    assert_eq!(ids(&[]), [c1, c2, c3, c4, c5]);
    assert_eq!(ids(&["--status", "assigned"]), [c1, c2]);
    assert_eq!(ids(&["--status", "open,deferred"]), [c4, c5]);
    assert_eq!(ids(&["--status", "closed", "--status", "open"]), [c3, c5]);
    assert_eq!(ids(&["--status", "已销号"]), [c3]);
    assert_eq!(ids(&["--key"]), [c1]);
    assert_eq!(ids(&["--unit", "JD"]), [c1, c3]);
    assert_eq!(ids(&["--unit", "cg"]), [c2]);
    assert_eq!(ids(&["--unit", "区城市综合管理局"]), [c2]);
    assert_eq!(ids(&["--problem", "wy-6"]), [c1]);
    assert_eq!(ids(&["--problem", "WY-01"]), Vec::<String>::new());
    assert_eq!(ids(&["--subject", "department"]), [c2]);
    assert_eq!(ids(&["--subject", "owners_committee"]), [c3]);
    assert_eq!(ids(&["--community", "幸福里"]), [c1, c3]);
    assert_eq!(ids(&["--community", "二期"]), [c3]);
    assert_eq!(ids(&["--office", "S07"]), [c1, c2, c3, c4, c5]);
    assert!(ids(&["--office", "S03"]).is_empty());
    assert_eq!(
        ids(&["--community", "幸福里", "--status", "assigned"]),
        [c1]
    );
    assert_eq!(ids(&["--from", "2026-11-01"]), [c1, c2, c3, c4]);
    assert_eq!(ids(&["--to", "2026-03-01"]), [c5]);
    // Unknown values are refused, not silently empty.
    env.ledger(&["list", "--unit", "XX"])
        .refused()
        .err_has("unknown unit 'XX'");
    env.ledger(&["list", "--problem", "WY-99"])
        .refused()
        .err_has("unknown problem code WY-99");
    env.ledger(&["list", "--status", "done"])
        .refused()
        .err_has("open, assigned, deferred, closed");
}

#[test]
fn issue2_list_overdue_follows_ledger_now() {
    let (env, [c1, c2, _c3, _c4, _c5]) = filter_fixture();
    let (c1, c2) = (&*c1, &*c2);
    // Due 11-27 and 11-29; the closed and the deferred case were due 11-27 too.
    assert!(env.list_ids(&["--overdue"]).is_empty());
    assert!(
        env.at("2026-11-27").list_ids(&["--overdue"]).is_empty(),
        "due today is not late"
    );
    assert_eq!(env.at("2026-11-28").list_ids(&["--overdue"]), [c1]);
    assert_eq!(env.at("2026-12-01").list_ids(&["--overdue"]), [c1, c2]);
    let late = env
        .at("2026-12-01")
        .ledger(&["show", c1, "--format", "json"])
        .ok()
        .json();
    assert_eq!(late["case"]["overdue"], true);
    let table = env
        .at("2026-12-01")
        .ledger(&["list", "--overdue"])
        .ok()
        .stdout;
    assert!(table.contains("逾期"), "{table}");
    env.ledger(&["close", c1, "--result", "resolved", "--resolution", "ok"])
        .ok();
    assert_eq!(env.at("2026-12-01").list_ids(&["--overdue"]), [c2]);
}

#[test]
fn issue2_list_long_running() {
    let (env, [_c1, _c2, _c3, _c4, c5]) = filter_fixture();
    let c5 = &*c5;
    // 180 days before 2026-11-26 is 2026-05-30.
    let edge = env.add(&add_args("南湖小区", "边界", &["--received", "2026-05-30"]));
    let inside = env.add(&add_args("南湖小区", "未满", &["--received", "2026-05-31"]));
    let closed = env.add(&add_args("南湖小区", "已结", &["--received", "2026-01-05"]));
    env.ledger(&[
        "close",
        &closed,
        "--result",
        "resolved",
        "--resolution",
        "ok",
    ])
    .ok();
    assert_eq!(env.list_ids(&["--long-running"]), [c5, &*edge]);
    let inside_now = env.case(&inside);
    assert_eq!(inside_now["long_running"], false);
    assert_eq!(
        env.at("2026-11-27").list_ids(&["--long-running"]),
        [c5, &*edge, &*inside]
    );
    assert_eq!(env.case(c5)["long_running"], true);
    let table = env.ledger(&["list", "--long-running"]).ok().stdout;
    assert!(table.contains("超半年"), "{table}");
}

#[test]
fn issue2_list_csv_has_bom_and_header() {
    let (env, ids) = filter_fixture();
    let r = env.ledger(&["list", "--format", "csv"]).ok();
    assert!(
        r.stdout
            .starts_with("\u{feff}id,office,status,received_at,"),
        "{}",
        r.stdout
    );
    let mut rdr = csv::Reader::from_reader(r.stdout.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr.headers().unwrap().clone();
    for key in [
        "id",
        "summary",
        "unit",
        "due",
        "closed_at",
        "result",
        "overdue",
        "long_running",
    ] {
        assert!(headers.iter().any(|h| h == key), "CSV header lacks {key}");
    }
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 5);
    let got: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(got, ids.iter().map(String::as_str).collect::<Vec<_>>());
    let summary = headers.iter().position(|h| h == "summary").unwrap();
    assert_eq!(&rows[0][summary], "停水");
    // Empty lists still have the header.
    let r = env
        .ledger(&["list", "--format", "csv", "--office", "S99"])
        .ok();
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(r.stdout.starts_with('\u{feff}'));
}

#[test]
fn issue2_list_table_is_chinese_by_default_and_english_with_lang_en() {
    let (env, ids) = filter_fixture();
    let zh = env.ledger(&["list"]).ok();
    for h in ["编号", "状态", "受理日期", "小区", "责任单位", "办结时限"] {
        assert!(zh.stdout.contains(h), "Chinese header {h}:\n{}", zh.stdout);
    }
    for label in ["已转办", "已销号", "暂缓", "待处理", "重点", "超半年"] {
        assert!(zh.stdout.contains(label), "Chinese label {label}");
    }
    for id in &ids {
        assert!(zh.stdout.contains(id.as_str()));
    }
    assert!(zh.stderr.contains("5 件"), "{}", zh.stderr);
    let en = env.ledger(&["--lang", "en", "list"]).ok();
    for h in ["id", "status", "received", "community", "unit", "due"] {
        assert!(en.stdout.contains(h), "English header {h}:\n{}", en.stdout);
    }
    for label in [
        "assigned",
        "closed",
        "deferred",
        "open",
        "key",
        "long-running",
    ] {
        assert!(en.stdout.contains(label), "English label {label}");
    }
    for zh_only in ["编号", "状态", "已转办", "已销号"] {
        assert!(
            !en.stdout.contains(zh_only),
            "--lang en still shows {zh_only}"
        );
    }
    assert!(en.stderr.contains("5 cases"), "{}", en.stderr);
    // Content stays as entered.
    assert!(en.stdout.contains("幸福里小区"));
    // Plain ASCII borders on request.
    let ascii = env.ledger(&["list", "--ascii"]).ok();
    assert!(!ascii.stdout.contains('│') && ascii.stdout.contains('|'));
}

// Personal data.

#[test]
fn issue2_personal_data_is_masked_unless_show_pii() {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--complainant", "张三丰", "--phone", "13812345678"],
    ));
    env.ledger(&["note", &id, "已回访"]).ok();
    let masked_name = "张**";
    let masked_phone = "138****5678";
    let hidden = |what: &str, out: &str| {
        assert!(!out.contains("张三丰"), "{what} shows the name:\n{out}");
        assert!(
            !out.contains("13812345678"),
            "{what} shows the phone:\n{out}"
        );
    };
    // list, every format.
    for f in ["table", "csv", "json", "md"] {
        let out = env.ledger(&["list", "--format", f]).ok().stdout;
        hidden(&format!("list --format {f}"), &out);
    }
    let list = env.ledger(&["list", "--format", "json"]).ok().json();
    assert_eq!(list[0]["complainant"], masked_name);
    assert_eq!(list[0]["phone"], masked_phone);
    let csv = env.ledger(&["list", "--format", "csv"]).ok().stdout;
    assert!(csv.contains(masked_name) && csv.contains(masked_phone));
    // show, every format, including the events' data.
    for f in ["table", "csv", "json", "md"] {
        let out = env.ledger(&["show", &id, "--format", f]).ok().stdout;
        hidden(&format!("show --format {f}"), &out);
        assert!(
            out.contains(masked_phone),
            "show --format {f} shows the masked phone"
        );
    }
    let shown = env.show_json(&id);
    assert_eq!(shown["case"]["complainant"], masked_name);
    assert_eq!(shown["case"]["phone"], masked_phone);
    assert_eq!(shown["events"][0]["data"]["complainant"], masked_name);
    assert_eq!(shown["events"][0]["data"]["phone"], masked_phone);
    // report has no personal data either.
    for f in ["table", "csv", "json", "md"] {
        let out = env.ledger(&["report", "--format", f]).ok().stdout;
        hidden(&format!("report --format {f}"), &out);
    }
    // --show-pii shows them.
    let list = env
        .ledger(&["list", "--format", "json", "--show-pii"])
        .ok()
        .json();
    assert_eq!(list[0]["complainant"], "张三丰");
    assert_eq!(list[0]["phone"], "13812345678");
    let shown = env
        .ledger(&["show", &id, "--format", "json", "--show-pii"])
        .ok()
        .json();
    assert_eq!(shown["case"]["complainant"], "张三丰");
    assert_eq!(shown["events"][0]["data"]["phone"], "13812345678");
    let table = env.ledger(&["show", &id, "--show-pii"]).ok().stdout;
    assert!(table.contains("张三丰") && table.contains("13812345678"));
    // Stored in full.
    let stored: String = env
        .sqlite()
        .query_row("SELECT phone FROM cases WHERE id = ?1", [&id], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "13812345678");
}

#[test]
fn issue2_bad_phone_is_refused() {
    let env = TestEnv::init();
    let before = env.snapshot();
    env.ledger(&[
        "add",
        "--community",
        "c",
        "--summary",
        "s",
        "--phone",
        "138-abc",
    ])
    .refused()
    .err_has("is not a phone number");
    before.assert_unchanged();
}

// The catalogue and units.

#[test]
fn issue2_catalog_problems_lists_49_codes() {
    let env = TestEnv::init();
    let list = env
        .ledger(&["catalog", "problems", "--format", "json"])
        .ok()
        .json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 49);
    let count = |prefix: &str| {
        list.iter()
            .filter(|p| p["code"].as_str().unwrap().starts_with(prefix))
            .count()
    };
    assert_eq!(
        [
            count("WY-"),
            count("YW-"),
            count("KF-"),
            count("ZN-"),
            count("QT-")
        ],
        [16, 8, 5, 19, 1]
    );
    let days = |p: &Value| -> i64 {
        match p {
            Value::Number(n) => n.as_i64().unwrap(),
            Value::String(s) => s.parse().unwrap(),
            other => panic!("days is {other}"),
        }
    };
    let find = |code: &str| {
        list.iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("{code} missing"))
            .clone()
    };
    assert_eq!(find("QT-00")["subject"], "", "QT-00 goes with any subject");
    // Scripts get codes whatever --lang says.
    let en = env
        .ledger(&["--lang", "en", "catalog", "problems", "--format", "json"])
        .ok()
        .json();
    assert_eq!(en.as_array().unwrap(), list);
    let csv = env
        .ledger(&["catalog", "problems", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.contains("WY-06,property_company,"), "{csv}");
    assert_eq!(days(&find("WY-06")["days"]), 1);
    assert_eq!(find("WY-06")["subject"], "property_company");
    assert_eq!(days(&find("KF-02")["days"]), 30);
    assert_eq!(find("KF-02")["subject"], "developer");
    assert_eq!(days(&find("YW-07")["days"]), 3);
    assert_eq!(find("YW-07")["subject"], "owners_committee");
    assert_eq!(find("ZN-06")["default_unit"], "CG");
    assert_eq!(find("ZN-06")["subject"], "department");
    assert_eq!(days(&find("ZN-09")["days"]), 1);
    assert_eq!(find("ZN-09")["default_unit"], "YJ");
    assert!(find("WY-06")["title"].as_str().unwrap().contains("停水"));
    // Every department problem has a default unit; no other does.
    for p in list {
        let dept = p["code"].as_str().unwrap().starts_with("ZN-");
        assert_eq!(p["default_unit"] != "", dept, "{p}");
    }
    // The table, in both languages.
    let zh = env.ledger(&["catalog"]).ok().stdout;
    assert!(zh.contains("WY-06") && zh.contains("物业服务企业") && zh.contains("时限"));
    let en = env
        .ledger(&["--lang", "en", "catalog", "problems"])
        .ok()
        .stdout;
    assert!(en.contains("property company") && en.contains("days"));
}

const PLAN_UNITS: [&str; 12] = [
    "ZJ", "JD", "SF", "GA", "CG", "GH", "HB", "YJ", "RF", "SJ", "CZ", "SW",
];

fn unit_codes(env: &TestEnv) -> Vec<String> {
    env.ledger(&["catalog", "units", "--format", "json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn issue2_catalog_units_and_unit_add() {
    let env = TestEnv::init();
    assert_eq!(unit_codes(&env), PLAN_UNITS);
    env.ledger(&["unit", "add", "sq01", "幸福里社区居委会"])
        .ok();
    let mut expected: Vec<&str> = PLAN_UNITS.to_vec();
    expected.push("SQ01");
    assert_eq!(unit_codes(&env), expected);
    let units = env
        .ledger(&["catalog", "units", "--format", "json"])
        .ok()
        .json();
    let sq = units
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "SQ01")
        .unwrap()
        .clone();
    assert_eq!(sq["name"], "幸福里社区居委会");
    assert_eq!(sq["kind"], "local", "a local unit is marked as such");
    assert_eq!(units[0]["kind"], "plan");
    // Scripts get codes whatever --lang says; tables get labels.
    let en = env
        .ledger(&["--lang", "en", "catalog", "units", "--format", "json"])
        .ok()
        .json();
    assert_eq!(en, units);
    let zh = env.ledger(&["catalog", "units"]).ok().stdout;
    assert!(zh.contains("本地登记") && zh.contains("行动方案"), "{zh}");
    // A registered unit is assignable by code or name, and survives a rebuild.
    let id = env.new_case();
    env.ledger(&["assign", &id, "--unit", "幸福里社区居委会"])
        .ok();
    assert_eq!(env.case(&id)["unit"], "SQ01");
    assert_eq!(env.list_ids(&["--unit", "sq01"]), [id.as_str()]);
    env.check();
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(unit_codes(&env), expected);
}

#[test]
fn issue2_duplicate_unit_is_refused() {
    let env = TestEnv::init();
    env.ledger(&["unit", "add", "SQ01", "幸福里社区居委会"])
        .ok();
    env.refuses(
        &["unit", "add", "sq01", "阳光社区居委会"],
        "unit code SQ01 is taken by 幸福里社区居委会",
    );
    env.refuses(&["unit", "add", "CG", "城管"], "unit code CG is taken");
    env.refuses(
        &["unit", "add", "SQ02", "幸福里社区居委会"],
        "a unit named 幸福里社区居委会 exists already, as SQ01",
    );
    env.refuses(&["unit", "add", "SQ03", " "], "must not be empty");
    let before = env.snapshot();
    env.ledger(&["unit", "add", "社区", "x"])
        .refused()
        .err_has("is not a unit code");
    before.assert_unchanged();
    env.check();
}

// Help, completions, man.

#[test]
fn issue2_completions_and_man() {
    let env = TestEnv::new();
    let bash = env.ledger(&["completions", "bash"]).ok().stdout;
    assert!(
        bash.contains("_ledger()") && bash.contains("assign"),
        "bash"
    );
    let zsh = env.ledger(&["completions", "zsh"]).ok().stdout;
    assert!(zsh.starts_with("#compdef ledger"), "zsh");
    let fish = env.ledger(&["completions", "fish"]).ok().stdout;
    assert!(fish.contains("complete -c ledger"), "fish");
    let man = env.ledger(&["man"]).ok().stdout;
    assert!(man.contains(".TH ledger"), "man: {man}");
    assert!(!env.db().exists(), "no file needed, none created");
}

/// The subcommands `ledger --help` lists.
fn subcommands(env: &TestEnv) -> Vec<String> {
    let help = env.ledger(&["--help"]).ok().stdout;
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn issue2_every_help_has_an_example() {
    let env = TestEnv::new();
    let commands = subcommands(&env);
    for c in [
        "init",
        "add",
        "assign",
        "defer",
        "close",
        "reopen",
        "note",
        "show",
        "list",
        "report",
        "catalog",
        "unit",
        "check",
        "rebuild",
        "demo",
        "completions",
        "man",
    ] {
        assert!(commands.iter().any(|x| x == c), "{c} missing from --help");
    }
    let top = env.ledger(&["--help"]).ok().stdout;
    assert!(top.contains("Example"));
    let mut lines: Vec<Vec<&str>> = commands.iter().map(|c| vec![c.as_str()]).collect();
    lines.push(vec!["unit", "add"]);
    for mut line in lines {
        line.push("--help");
        let r = env.ledger(&line).ok();
        assert!(
            r.stdout.contains("Example"),
            "{line:?} has no example:\n{}",
            r.stdout
        );
        assert!(
            r.stdout.contains("ledger "),
            "{line:?}: the example runs ledger"
        );
    }
}

#[test]
fn issue2_usage_errors_exit_2() {
    let env = TestEnv::init();
    let before = env.snapshot();
    env.ledger(&["frobnicate"]).usage();
    env.ledger(&["add", "--summary", "no community"]).usage();
    env.ledger(&["list", "--no-such-flag"]).usage();
    before.assert_unchanged();
    // A bad LEDGER_NOW is a usage error too.
    env.at("someday").ledger(&["list"]).usage();
}

// Pipes.

fn demo_file(env: &TestEnv, cases: &str) -> std::path::PathBuf {
    let dir = env.dir().join("demo");
    env.ledger(&[
        "demo",
        "--dir",
        dir.to_str().unwrap(),
        "--offices",
        "1",
        "--cases",
        cases,
    ])
    .ok();
    dir.join("S01.db")
}

/// Runs `ledger ARGS | head -c 10`: reads a little, closes the pipe, and
/// returns the exit code and stderr.
fn read_a_little(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let mut child = env
        .run()
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 10];
    stdout.read_exact(&mut buf).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn issue2_broken_pipe_exits_quietly() {
    let env = TestEnv::new();
    let db = demo_file(&env, "300");
    let db = db.to_str().unwrap();
    for format in ["json", "csv", "table"] {
        let (code, stderr) = read_a_little(&env, &["--db", db, "list", "--format", format]);
        assert_eq!(code, 0, "list --format {format} | head: {stderr}");
        assert!(
            !stderr.contains("error"),
            "list --format {format} | head: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Runs `ledger ARGS` with its stdout already closed (`ledger ... | true`):
/// exit 0 and nothing on stderr.
fn into_a_closed_pipe(env: &TestEnv, args: &[&str]) {
    let mut child = env
        .run()
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
}

#[test]
fn issue2_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    let db = demo_file(&env, "30");
    let db = db.to_str().unwrap();
    for _ in 0..3 {
        into_a_closed_pipe(&env, &["man"]);
        into_a_closed_pipe(&env, &["--db", db, "list", "--format", "json"]);
        into_a_closed_pipe(&env, &["--db", db, "catalog", "problems"]);
        into_a_closed_pipe(&env, &["--db", db, "show", "S01-2026-0001"]);
    }
}

#[test]
fn issue2_completions_into_a_closed_pipe_exits_quietly() {
    let env = TestEnv::new();
    for _ in 0..3 {
        into_a_closed_pipe(&env, &["completions", "bash"]);
    }
}

// Files that are not (this version's) ledgers.

#[test]
fn issue2_a_file_that_is_not_sqlite_is_refused_in_one_line() {
    let env = TestEnv::new();
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 13) as u8).collect();
    std::fs::write(env.db(), &garbage).unwrap();
    for a in [
        vec!["list"],
        vec!["check"],
        vec!["add", "--community", "c", "--summary", "s"],
        vec!["rebuild"],
    ] {
        let before = env.snapshot();
        env.ledger(&a)
            .refused()
            .one_line_error()
            .err_has("is not a ledger file: it is not an SQLite database");
        before.assert_unchanged();
    }
    assert_eq!(std::fs::read(env.db()).unwrap(), garbage);
}

#[test]
fn issue2_other_sqlite_files_and_folders_are_refused() {
    let env = TestEnv::new();
    {
        let c = rusqlite::Connection::open(env.db()).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    env.refuses(
        &["list"],
        "is not a ledger file: it is an SQLite file without a ledger schema",
    );
    // An empty file is no ledger either, and stays empty.
    std::fs::write(env.db(), b"").unwrap();
    env.refuses(&["list"], "is not a ledger file");
    assert_eq!(std::fs::metadata(env.db()).unwrap().len(), 0);
    // A folder.
    std::fs::create_dir(env.dir().join("folder.db")).unwrap();
    env.ledger(&["--db", "folder.db", "list"])
        .refused()
        .one_line_error()
        .err_has("it is a folder");
}

#[test]
fn issue2_a_newer_schema_is_refused() {
    let env = TestEnv::init();
    env.new_case();
    env.sqlite()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    for a in [
        vec!["list"],
        vec!["check"],
        vec!["note", "S07-2026-0001", "x"],
    ] {
        env.refuses(
            &a,
            "has schema version 99, newer than this ledger understands",
        );
    }
    let r = env.ledger(&["list"]);
    assert!(r.stderr.contains("use a newer `ledger`"), "{}", r.stderr);
}

// Two clerks on one file.

#[test]
fn issue2_concurrent_adds_get_distinct_ids() {
    let env = TestEnv::init();
    let children: Vec<_> = (0..8)
        .map(|k| {
            env.run()
                .command(&[
                    "add",
                    "--community",
                    "幸福里小区",
                    "--summary",
                    &format!("第{k}件"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        })
        .collect();
    ids.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("S07-2026-{n:04}")).collect();
    assert_eq!(ids, expected);
    env.check();
}

// check and rebuild.

fn two_cases() -> (TestEnv, String, String) {
    let env = TestEnv::init();
    let a = env.add(&add_args("幸福里小区", "停水", &["--problem", "WY-06"]));
    env.ledger(&["assign", &a, "--unit", "JD"]).ok();
    let b = env.add(&add_args("阳光花园", "电梯停运", &[]));
    env.ledger(&["note", &b, "已联系维保单位"]).ok();
    env.check();
    (env, a, b)
}

#[test]
fn issue2_check_counts_events_and_cases() {
    let (env, _, _) = two_cases();
    let out = env.ledger(&["check"]).ok().stdout;
    // office.init, add, assign, add, note.
    assert!(out.starts_with("ok: 5 events, 2 cases"), "{out}");
}

#[test]
fn issue2_check_detects_a_tampered_case_row_and_rebuild_repairs_it() {
    let (env, a, _) = two_cases();
    let n = env
        .sqlite()
        .execute("UPDATE cases SET summary = 'x' WHERE id = ?1", [&a])
        .unwrap();
    assert_eq!(n, 1);
    env.ledger(&["check"])
        .refused()
        .one_line_error()
        .err_has(&format!("case {a}: the table has summary: \"x\""));
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(env.case(&a)["summary"], "停水");
}

#[test]
fn issue2_check_detects_missing_and_extra_case_rows() {
    let (env, a, b) = two_cases();
    env.sqlite()
        .execute("DELETE FROM cases WHERE id = ?1", [&b])
        .unwrap();
    env.ledger(&["check"])
        .refused()
        .err_has(&format!("case {b} is in the log but not in the table"));
    env.ledger(&["rebuild"]).ok();
    env.check();
    env.sqlite()
        .execute(
            "INSERT INTO cases SELECT 'S07-2026-0009', office, year, 9, status, received_at, source, \
             NULL, community, address, summary, details, complainant, phone, subject, problem, party, \
             key_case, unit, assigned_at, due, plan, defer_until, closed_at, result, resolution, \
             duplicate_of, updated_at, notes, problem_suggested, conflict, closed_by FROM cases \
             WHERE id = ?1",
            [&a],
        )
        .unwrap();
    env.ledger(&["check"])
        .refused()
        .err_has("case S07-2026-0009 is in the table but not in the log");
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(env.list_ids(&[]), [a, b]);
}

#[test]
fn issue2_check_detects_an_altered_event() {
    for (column, sql) in [
        (
            "payload",
            "UPDATE events SET payload = replace(payload, '停水', '停电') WHERE kind = 'case.add' AND payload LIKE '%停水%'",
        ),
        (
            "actor",
            "UPDATE events SET actor = 'mallory' WHERE kind = 'case.assign'",
        ),
        (
            "at",
            "UPDATE events SET at = '2026-01-01T00:00:00+08:00' WHERE kind = 'case.assign'",
        ),
    ] {
        let (env, _, _) = two_cases();
        let n = env.sqlite().execute(sql, []).unwrap();
        assert_eq!(n, 1, "{column}");
        let r = env.ledger(&["check"]).refused();
        r.one_line_error();
        assert!(
            r.stderr
                .contains("does not match its hash: it was altered after it was written"),
            "{column}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("event S07/"),
            "{column}: names the event: {}",
            r.stderr
        );
    }
}

#[test]
fn issue2_commands_leave_the_file_checkable() {
    // A day of work touching every command that writes.
    let (env, a, b) = two_cases();
    env.ledger(&["unit", "add", "SQ01", "幸福里社区居委会"])
        .ok();
    env.ledger(&["assign", &b, "--unit", "SQ01", "--problem", "WY-02"])
        .ok();
    env.ledger(&[
        "defer",
        &b,
        "--plan",
        "待业主大会表决",
        "--until",
        "2027-03-31",
    ])
    .ok();
    env.ledger(&[
        "close",
        &a,
        "--result",
        "resolved",
        "--resolution",
        "已恢复供水",
    ])
    .ok();
    env.ledger(&["reopen", &a, "--reason", "再次停水"]).ok();
    env.ledger(&["reopen", &b, "--reason", "计划有变"]).ok();
    let c = env.add(&add_args("幸福里小区", "又停水", &["--problem", "WY-06"]));
    env.ledger(&[
        "close",
        &c,
        "--result",
        "duplicate",
        "--duplicate-of",
        &a,
        "--resolution",
        "同一事项",
    ])
    .ok();
    env.check();
    let before = env.ledger(&["list", "--format", "json"]).ok().stdout;
    env.ledger(&["rebuild"]).ok();
    env.check();
    assert_eq!(
        env.ledger(&["list", "--format", "json"]).ok().stdout,
        before
    );
}

// report.

#[test]
fn issue2_report_figures_match_the_list() {
    let (env, _ids) = filter_fixture();
    let r = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(r["total"], 5);
    assert_eq!(r["by_status"]["open"], 1);
    assert_eq!(r["by_status"]["assigned"], 2);
    assert_eq!(r["by_status"]["deferred"], 1);
    assert_eq!(r["by_status"]["closed"], 1);
    assert_eq!(r["by_result"]["resolved"], 1);
    assert_eq!(r["long_running"], 1);
    assert_eq!(r["overdue"], 0);
    let later = env
        .at("2026-12-01")
        .ledger(&["report", "--format", "json"])
        .ok()
        .json();
    assert_eq!(later["overdue"], 2);
    let table = env.ledger(&["report"]).ok().stdout;
    assert!(
        table.contains("建设路街道") && table.contains("问题总数"),
        "{table}"
    );
    let md = env
        .ledger(&["report", "--by", "unit", "--format", "md"])
        .ok()
        .stdout;
    assert!(md.starts_with("# ") && md.contains("|---|"), "{md}");
}

// demo.

#[test]
fn issue2_demo_builds_checkable_ledgers_and_prints_a_report() {
    let env = TestEnv::new();
    let dir = env.dir().join("demo");
    let d = dir.to_str().unwrap();
    let r = env
        .ledger(&["demo", "--dir", d, "--offices", "2", "--cases", "50"])
        .ok();
    assert!(
        r.stdout.contains("问题总数"),
        "the report is printed:\n{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("S01.db") && r.stderr.contains("S02.db"),
        "{}",
        r.stderr
    );
    for office in ["S01", "S02"] {
        let file = dir.join(format!("{office}.db"));
        assert!(file.is_file(), "{office}.db");
        let f = file.to_str().unwrap();
        let ok = env.ledger(&["--db", f, "check"]).ok();
        assert!(ok.stdout.starts_with("ok:"), "{}", ok.stdout);
        assert!(ok.stdout.contains(" 50 cases"), "{}", ok.stdout);
        let ids = env.run().var("LEDGER_DB", &file).list_ids(&[]);
        assert_eq!(ids.len(), 50);
        assert!(ids.iter().all(|i| i.starts_with(&format!("{office}-"))));
        let rep = env
            .ledger(&["--db", f, "report", "--format", "json"])
            .ok()
            .json();
        assert_eq!(rep["total"], 50);
        let statuses = ["open", "assigned", "deferred", "closed"];
        let sum: i64 = statuses
            .iter()
            .map(|s| rep["by_status"][s].as_i64().unwrap())
            .sum();
        assert_eq!(sum, 50);
        for s in statuses {
            assert!(
                rep["by_status"][s].as_i64().unwrap() > 0,
                "{office}: some {s} cases"
            );
        }
    }
    // A second demo into the same folder is refused and leaves the files alone.
    let s01 = Snapshot::of(&dir.join("S01.db"));
    env.ledger(&["demo", "--dir", d, "--offices", "1", "--cases", "5"])
        .refused()
        .err_has("already exists");
    s01.assert_unchanged();
}

#[test]
fn issue2_demo_is_reproducible() {
    let env = TestEnv::new();
    let list = |sub: &str| {
        let dir = env.dir().join(sub);
        env.ledger(&[
            "demo",
            "--dir",
            dir.to_str().unwrap(),
            "--offices",
            "1",
            "--cases",
            "20",
        ])
        .ok();
        env.run()
            .var("LEDGER_DB", dir.join("S01.db"))
            .ledger(&["list", "--format", "json", "--show-pii"])
            .ok()
            .stdout
    };
    assert_eq!(list("a"), list("b"), "same seed and clock, same ledger");
}

#[test]
fn issue2_show_in_both_languages() {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--problem", "WY-06", "--source", "hotline"],
    ));
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    let zh = env.ledger(&["show", &id]).ok().stdout;
    for s in [
        "状态",
        "已转办",
        "市长热线",
        "问题类型",
        "WY-06 以业主欠费为由停水",
        "JD 街道办事处",
        "办结时限",
        "2026-11-27",
    ] {
        assert!(zh.contains(s), "{s}:\n{zh}");
    }
    let en = env.ledger(&["--lang", "en", "show", &id]).ok().stdout;
    for s in [
        "status",
        "assigned",
        "hotline",
        "problem",
        "registered",
        "due",
    ] {
        assert!(en.contains(s), "{s}:\n{en}");
    }
    for s in ["状态", "已转办", "市长热线"] {
        assert!(!en.contains(s), "--lang en still shows {s}:\n{en}");
    }
}

// Issue 18: the repeat flag in the flags column and in JSON/CSV.

#[test]
fn issue18_list_flags_repeat_complaints_in_every_format() {
    // Issue 18
    let env = TestEnv::init();
    let add = |community: &str, received: &str, more: &[&str]| {
        let mut args = vec![
            "--community",
            community,
            "--summary",
            "停水",
            "--problem",
            "WY-06",
            "--received",
            received,
        ];
        args.extend_from_slice(more);
        env.add(&args)
    };
    let first = add("幸福里小区", "2026-09-01", &[]);
    let again = add("幸福里小区", "2026-11-20", &["--key"]); // 80 days later
    let alone = add("阳光花园", "2026-11-20", &[]);
    let no_problem = env.add(&add_args("幸福里小区", "停电", &[]));

    let zh = env.ledger(&["list"]).ok().stdout;
    let row = |out: &str, id: &str| out.lines().find(|l| l.contains(id)).unwrap().to_string();
    assert!(row(&zh, &first).contains("多次投诉"), "{zh}");
    assert!(
        row(&zh, &again).contains("重点 多次投诉"),
        "beside the other flags:\n{zh}"
    );
    for id in [&alone, &no_problem] {
        assert!(!row(&zh, id).contains("多次投诉"), "{id}:\n{zh}");
    }
    let en = env
        .ledger(&["--lang", "en", "list", "--repeat"])
        .ok()
        .stdout;
    assert!(row(&en, &first).contains("repeat"), "{en}");
    assert!(
        !en.contains("多次投诉"),
        "--lang en still shows 多次投诉:\n{en}"
    );

    let json = env.ledger(&["list", "--format", "json"]).ok().json();
    for c in json.as_array().unwrap() {
        let want = c["id"] == first.as_str() || c["id"] == again.as_str();
        assert_eq!(c["repeat"], want, "{c}");
    }
    assert_eq!(env.case(&first)["repeat"], true, "show carries it too");
    assert_eq!(env.case(&alone)["repeat"], false);

    let csv = env.ledger(&["list", "--format", "csv"]).ok().stdout;
    let mut rdr = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let col = rdr.headers().unwrap().iter().position(|h| h == "repeat");
    let col = col.expect("CSV header has repeat");
    let got: Vec<(String, String)> = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[col].to_string())
        })
        .collect();
    assert_eq!(
        got,
        [
            (first.clone(), "true".to_string()),
            (again.clone(), "true".to_string()),
            (alone, "false".to_string()),
            (no_problem, "false".to_string()),
        ]
    );

    // A period lists fewer cases, not fewer repeats: the neighbour received
    // before --from still makes the listed case a repeat.
    let json = env
        .ledger(&["list", "--from", "2026-11-01", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json[0]["id"], again.as_str());
    assert_eq!(json[0]["repeat"], true);
}
