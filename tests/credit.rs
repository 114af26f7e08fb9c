//! The credit register (issues 5 and 18), with answers worked out by hand.

use serde_json::Value;

use crate::common::TestEnv;

const XINYUAN: &str = "鑫源物业服务有限公司";
/// Real, published codes (they pass both check characters).
const CODE_A: &str = "91440300708461136T";
const CODE_B: &str = "91330100799655058B";

fn with_company(extra: &[&str]) -> TestEnv {
    let env = TestEnv::init();
    let mut args = vec![
        "credit",
        "company",
        "add",
        "--name",
        XINYUAN,
        "--uscc",
        CODE_A,
        "--manager",
        "李四",
    ];
    args.extend_from_slice(extra);
    env.ledger(&args).ok();
    env
}

fn standing(env: &TestEnv, as_of: &str) -> Value {
    let v = env
        .ledger(&["credit", "score", "--as-of", as_of, "--format", "json"])
        .ok()
        .json();
    v["companies"][0].clone()
}

fn record(env: &TestEnv, item: &str, date: &str) {
    env.ledger(&[
        "credit",
        "record",
        "--company",
        XINYUAN,
        "--item",
        item,
        "--date",
        date,
    ])
    .ok();
}

fn credit(env: &TestEnv, args: &[&str], date: &str) {
    let mut all = vec!["credit"];
    all.extend_from_slice(args);
    all.extend(["--company", XINYUAN, "--date", date]);
    env.ledger(&all).ok();
}

// --- Records, grades and sanctions.

#[test]
fn records_count_until_the_day_they_expire() {
    let env = with_company(&[]);
    record(&env, "WY-06", "2026-01-15"); // -12 for 12 months
    record(&env, "G-CITY", "2026-03-01"); // +6 for 24 months
    assert_eq!(standing(&env, "2026-01-14")["score"], 100, "not yet");
    assert_eq!(standing(&env, "2026-01-15")["score"], 88);
    assert_eq!(standing(&env, "2026-03-01")["score"], 94);
    assert_eq!(
        standing(&env, "2027-01-14")["score"],
        94,
        "last day it counts"
    );
    assert_eq!(standing(&env, "2027-01-15")["score"], 106, "expired");
    assert_eq!(standing(&env, "2028-02-29")["score"], 106);
    assert_eq!(standing(&env, "2028-03-01")["score"], 100);
    assert_eq!(standing(&env, "2027-01-15")["active_records"], 1);
}

#[test]
fn every_grade_boundary_gives_its_grade() {
    let env = with_company(&[]);
    let std = "type,code,description,points,months,dishonesty\n\
               standard,T-1,测试标准,100,,\n\
               item,P1,扣一分,-1,12,no\n\
               grade,A,优秀,95,,\n\
               grade,B,良好,85,,\n\
               grade,C,较差,70,,\n\
               grade,D,失信,0,,\n";
    std::fs::write(env.dir().join("std.csv"), std).unwrap();
    env.ledger(&["credit", "standard", "load", "std.csv"]).ok();
    // One -1 record a day from 2026-01-01: on day n the score is 100 - n.
    for n in 1..=31 {
        record(&env, "P1", &format!("2026-01-{n:02}"));
    }
    let grade = |day: u32| standing(&env, &format!("2026-01-{day:02}"))["grade"].clone();
    assert_eq!(grade(5), "A"); // 95
    assert_eq!(grade(6), "B"); // 94
    assert_eq!(grade(15), "B"); // 85
    assert_eq!(grade(16), "C"); // 84
    assert_eq!(grade(30), "C"); // 70
    // 69 is D, the lowest band: falling into it suspends the company, and a
    // suspended company is not graded (issue 18); its entry keeps the grade.
    assert_eq!(grade(31), Value::Null); // 69
    let s = standing(&env, "2026-01-31");
    assert_eq!(s["score"], 69);
    assert_eq!(s["entries"][0]["detail"], "D 69");
    assert_eq!(
        s["status"], "suspended",
        "falling to the lowest band is a first entry"
    );
    assert_eq!(s["entries"][0]["by"], "grade");
    assert_eq!(s["entries"][0]["date"], "2026-01-31");
    let v = env
        .ledger(&["credit", "standard", "show", "--format", "json"])
        .ok()
        .json();
    assert_eq!(v["loaded"], true);
    assert_eq!(v["standard"]["name"], "T-1");
}

#[test]
fn first_and_second_entries_and_their_sanctions() {
    let env = with_company(&[]);
    assert_eq!(standing(&env, "2026-11-26")["status"], "clear");
    env.refuses(
        &[
            "credit",
            "guarantee",
            "--company",
            XINYUAN,
            "--deposit",
            "50000",
            "--date",
            "2026-11-02",
        ],
        "suspended",
    );
    env.ledger(&[
        "credit",
        "blacklist",
        "--company",
        CODE_A,
        "--reason",
        "只收费不服务",
        "--date",
        "2026-11-01",
    ])
    .ok();
    assert_eq!(standing(&env, "2026-11-26")["status"], "suspended");
    env.refuses(&["credit", "dismiss", "--company", XINYUAN], "required");
    env.refuses(
        &[
            "credit",
            "guarantee",
            "--company",
            XINYUAN,
            "--deposit",
            "五万",
            "--date",
            "2026-11-02",
        ],
        "amount",
    );
    credit(&env, &["guarantee", "--deposit", "50000"], "2026-11-02");
    let s = standing(&env, "2026-11-26");
    assert_eq!(s["status"], "guaranteed");
    assert_eq!(
        standing(&env, "2026-11-01")["status"],
        "suspended",
        "as of before the guarantee"
    );
    credit(&env, &["blacklist", "--reason", "拒不整改"], "2026-11-20");
    let s = standing(&env, "2026-11-26");
    assert_eq!(s["status"], "dismissal_required");
    assert_eq!(s["dismissed_by"], "业主委员会");
    assert_eq!(s["entries"].as_array().unwrap().len(), 2);
    credit(&env, &["dismiss"], "2026-11-25");
    assert_eq!(standing(&env, "2026-11-26")["status"], "dismissed");
    let notice = env.ledger(&["credit", "notice"]).ok().stdout;
    assert!(
        notice.contains(XINYUAN) && notice.contains("已解聘"),
        "{notice}"
    );
}

#[test]
fn without_an_owners_committee_the_residents_committee_dismisses() {
    let env = with_company(&["--no-committee"]);
    for (date, args) in [
        ("2026-11-01", vec!["blacklist", "--reason", "一"]),
        ("2026-11-02", vec!["guarantee", "--deposit", "30000"]),
        ("2026-11-03", vec!["blacklist", "--reason", "二"]),
    ] {
        let mut all = vec!["credit"];
        all.extend(args);
        all.extend(["--company", XINYUAN, "--date", date]);
        env.ledger(&all).ok();
    }
    let s = standing(&env, "2026-11-26");
    assert_eq!(s["status"], "dismissal_required");
    assert_eq!(s["dismissed_by"], "社区居民委员会(代行业主委员会职责)");
}

// Regression: issue 18, a dismissed company was graded A.
#[test]
fn a_suspended_or_dismissed_company_is_not_graded() {
    let env = with_company(&[]);
    credit(
        &env,
        &["blacklist", "--reason", "只收费不服务"],
        "2026-11-01",
    );
    let s = standing(&env, "2026-11-26");
    assert_eq!(
        (s["score"].clone(), s["status"].clone()),
        (100.into(), "suspended".into())
    );
    assert!(s["grade"].is_null() && s["grade_label"].is_null(), "{s}");
    let table = env.ledger(&["credit", "score"]).ok().stdout;
    assert!(table.contains("不评级：暂停从业"), "{table}");
    assert!(!table.contains("守信"), "{table}");

    // Guaranteed, and while its dismissal is pending, it works and is graded.
    credit(&env, &["guarantee", "--deposit", "50000"], "2026-11-02");
    assert_eq!(standing(&env, "2026-11-26")["grade"], "A");
    credit(&env, &["blacklist", "--reason", "拒不整改"], "2026-11-20");
    assert_eq!(standing(&env, "2026-11-26")["grade"], "A");

    credit(&env, &["dismiss"], "2026-11-25");
    let s = standing(&env, "2026-11-26");
    assert_eq!(s["status"], "dismissed");
    assert!(s["grade"].is_null(), "{s}");
    assert_eq!(s["score"], 100, "the score is still the records' sum");
    assert_eq!(
        standing(&env, "2026-11-24")["grade"],
        "A",
        "graded before its dismissal"
    );
    for (lang, shows, never) in [
        ("zh", "不评级：已解聘", "守信(优秀)"),
        ("en", "not graded: dismissed", "守信(优秀)"),
    ] {
        let table = env.ledger(&["--lang", lang, "credit", "score"]).ok().stdout;
        assert!(table.contains(shows) && !table.contains(never), "{table}");
        let list = env
            .ledger(&["--lang", lang, "credit", "company", "list"])
            .ok()
            .stdout;
        assert!(list.contains(shows), "{list}");
    }
    let notice = env.ledger(&["credit", "notice"]).ok().stdout;
    let row = notice.lines().find(|l| l.contains(XINYUAN)).unwrap();
    assert!(row.contains("| 100 不评级：已解聘 |"), "{notice}");
    assert!(
        row.ends_with("| 已解聘 |"),
        "listed under its status: {notice}"
    );
    assert!(!row.contains("100 A"), "{notice}");
}

// --- Input: codes, standards, dates.

#[test]
fn credit_codes_are_validated_naming_the_position() {
    let env = TestEnv::init();
    env.ledger(&[
        "--lang", "en", "credit", "company", "add", "--name", "甲", "--uscc", CODE_B,
    ])
    .ok();
    for (code, says) in [
        ("9133010079965505", "16 characters"),
        ("9133010079965505OB", "position 17"),
        ("91330I0079965505 8B", "19 characters"),
        ("9133A100799655058B", "position 5"),
        ("91330100799655058C", "position 18"),
        ("91330100799655059B", "position 17"),
    ] {
        let r = env.ledger(&[
            "--lang", "en", "credit", "company", "add", "--name", "乙", "--uscc", code,
        ]);
        assert_eq!(r.code, 1, "{code}: {r:?}");
        assert!(r.stderr.contains(says), "{code}: {}", r.stderr);
    }
    env.refuses(
        &["credit", "company", "add", "--name", "甲", "--uscc", CODE_A],
        "registered already",
    );
    env.refuses(
        &["credit", "company", "add", "--name", "丙", "--uscc", CODE_B],
        "registered already",
    );
}

#[test]
fn a_standard_file_with_a_bad_row_is_refused_with_its_line() {
    let env = TestEnv::init();
    let bad = "type,code,description,points,months,dishonesty\n\
               standard,X,t,100,,\n\
               item,A,a,-5,12,no\n\
               item,B,b,-5,twelve,no\n\
               grade,A,a,90,,\n\
               grade,B,b,0,,\n";
    std::fs::write(env.dir().join("bad.csv"), bad).unwrap();
    env.refuses(
        &["credit", "standard", "load", "bad.csv"],
        "bad.csv, line 4",
    );
    // The shipped default loads.
    let default = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/credit-standard.csv"
    ))
    .unwrap();
    std::fs::write(env.dir().join("default.csv"), default).unwrap();
    env.ledger(&["credit", "standard", "load", "default.csv"])
        .ok();
}

// Regression: issue 18, `credit guarantee` took a date in the future.
#[test]
fn credit_dates_after_today_are_refused() {
    let env = with_company(&[]);
    let tomorrow = "2026-11-27";
    for args in [
        vec!["record", "--item", "WY-06"],
        vec!["blacklist", "--reason", "只收费不服务"],
        vec!["guarantee", "--deposit", "50000"],
        vec!["dismiss"],
    ] {
        let mut all = vec!["credit"];
        all.extend(args);
        all.extend(["--company", XINYUAN, "--date", tomorrow]);
        env.refuses(
            &all,
            "date 2026-11-27 is in the future (now is 2026-11-26): check --date",
        );
    }
    // Today is not the future; and the same commands run on a later day.
    credit(
        &env,
        &["blacklist", "--reason", "只收费不服务"],
        "2026-11-26",
    );
    env.at("2026-11-27T09:00:00+08:00")
        .ledger(&[
            "credit",
            "guarantee",
            "--company",
            XINYUAN,
            "--deposit",
            "50000",
            "--date",
            tomorrow,
        ])
        .ok();
}

// --- The substantiated close.

fn substantiated_case(env: &TestEnv, party: &str) -> String {
    env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "物业以欠费为由停水",
        "--problem",
        "WY-06",
        "--party",
        party,
    ])
}

fn close_substantiated(env: &TestEnv, id: &str, more: &[&str]) -> crate::common::Run {
    let mut args = vec![
        "close",
        id,
        "--result",
        "resolved",
        "--resolution",
        "已恢复供水",
        "--substantiated",
    ];
    args.extend_from_slice(more);
    env.ledger(&args).ok()
}

#[test]
fn a_substantiated_close_records_the_deduction_automatically() {
    let env = with_company(&[]);
    let id = substantiated_case(&env, XINYUAN);
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    env.refuses(
        &[
            "close",
            &id,
            "--result",
            "unfounded",
            "--resolution",
            "不属实",
            "--substantiated",
        ],
        "--result resolved",
    );
    close_substantiated(&env, &id, &[]);
    let v = env
        .ledger(&["credit", "score", "--company", XINYUAN, "--format", "json"])
        .ok()
        .json();
    assert_eq!(v["standing"]["score"], 88, "100 - 12 for WY-06");
    assert_eq!(v["records"][0]["item"], "WY-06");
    assert_eq!(v["records"][0]["case"], id);
    assert_eq!(v["records"][0]["date"], "2026-11-26");
    // WY-06 is a dishonesty item in the default standard.
    assert_eq!(v["standing"]["status"], "suspended");

    // A party that is not a registered company cannot be scored.
    let other = env.add(&[
        "--community",
        "阳光花园",
        "--summary",
        "垃圾未清运",
        "--problem",
        "WY-16",
        "--party",
        "某某物业",
    ]);
    env.refuses(
        &[
            "close",
            &other,
            "--result",
            "resolved",
            "--resolution",
            "已清运",
            "--substantiated",
        ],
        "not a registered company",
    );
    let shown = env
        .ledger(&["credit", "company", "show", CODE_A, "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        shown["cases"],
        serde_json::json!([id]),
        "the case is linked by its party"
    );
    let list = env
        .ledger(&["credit", "company", "list", "--format", "json"])
        .ok()
        .json();
    assert_eq!(list[0]["cases"], 1, "counted once, by name");
}

fn record_managers(env: &TestEnv, company: &str) -> Vec<Value> {
    let v = env
        .ledger(&["credit", "score", "--company", company, "--format", "json"])
        .ok()
        .json();
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["manager"].clone())
        .collect()
}

// Regression: issue 18, the record of a substantiated close named no manager.
#[test]
fn a_substantiated_close_names_the_registered_manager() {
    let env = with_company(&["--manager", "王五"]);
    let id = substantiated_case(&env, XINYUAN);
    let r = close_substantiated(&env, &id, &[]);
    r.err_has("负责人 李四 (登记的项目经理)");
    assert_eq!(
        record_managers(&env, XINYUAN),
        ["李四"],
        "the first registered"
    );
    let notice = env.ledger(&["credit", "notice"]).ok().stdout;
    assert!(
        notice.contains(&format!("| 李四 | {XINYUAN} | 2026-11-26 WY-06 ({id}) |")),
        "a personal record follows:\n{notice}"
    );

    // A company without a registered manager: no manager, and it says so.
    env.ledger(&[
        "credit",
        "company",
        "add",
        "--name",
        "恒泰物业",
        "--uscc",
        CODE_B,
    ])
    .ok();
    let other = substantiated_case(&env, "恒泰物业");
    let r = env
        .ledger(&[
            "--lang",
            "en",
            "close",
            &other,
            "--result",
            "resolved",
            "--resolution",
            "已恢复供水",
            "--substantiated",
        ])
        .ok();
    r.err_has("no registered manager, so no personal record");
    assert_eq!(record_managers(&env, "恒泰物业"), [Value::Null]);
}

// Regression: issue 18, the record of a substantiated close named no manager.
#[test]
fn close_manager_names_the_manager_on_the_record() {
    let env = with_company(&[]);
    let id = substantiated_case(&env, XINYUAN);
    env.refuses(
        &[
            "close",
            &id,
            "--result",
            "resolved",
            "--resolution",
            "已恢复供水",
            "--manager",
            "周七",
        ],
        "--manager goes with --substantiated",
    );
    env.refuses(
        &[
            "close",
            &id,
            "--result",
            "resolved",
            "--resolution",
            "已恢复供水",
            "--substantiated",
            "--manager",
            " ",
        ],
        "--manager must not be empty",
    );
    assert_eq!(env.status(&id), "open", "nothing was written");
    let r = close_substantiated(&env, &id, &["--manager", "周七"]);
    r.err_has("负责人 周七");
    assert_eq!(record_managers(&env, XINYUAN), ["周七"], "not 李四");
    let notice = env.ledger(&["credit", "notice"]).ok().stdout;
    assert!(notice.contains("| 周七 |"), "{notice}");
    assert!(!notice.contains("| 李四 |"), "{notice}");
}

// --- The exchange.

#[test]
fn credit_records_travel_with_the_exchange() {
    let env = with_company(&[]);
    record(&env, "WY-12", "2026-11-10");
    env.send_to_new_district("d.db");
    let office = env
        .ledger(&["credit", "score", "--format", "json"])
        .ok()
        .stdout;
    let district = env
        .ledger(&["--db", "d.db", "credit", "score", "--format", "json"])
        .ok()
        .stdout;
    assert_eq!(office, district);
    assert!(office.contains("\"score\": 91"), "{office}");
}
