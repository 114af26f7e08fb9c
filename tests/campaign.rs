//! The campaign (issue 16): the community register, the calendar, and
//! the figures the report draws from them, with known answers.

use crate::common::{TestEnv, add_args};

/// An office with three spellings of one community (two WY-06 cases 30
/// days apart, one WY-02) and one of another.
fn spellings() -> TestEnv {
    let env = TestEnv::init();
    env.add(&add_args(
        "幸福里小区",
        "停水",
        &["--problem", "WY-06", "--received", "2026-10-01"],
    ));
    env.add(&add_args(
        "幸福里",
        "又停水",
        &["--problem", "WY-06", "--received", "2026-10-31"],
    ));
    env.add(&add_args("幸福里 二期", "收费", &["--problem", "WY-12"]));
    env.add(&add_args("阳光花园", "占道", &[]));
    env.add(&add_args("阳光花园", "占道2", &[]));
    env
}

#[test]
fn aliases_gather_a_communitys_cases_for_report_and_repeats() {
    let env = spellings();
    let before = env
        .ledger(&["report", "--format", "json", "--by", "community"])
        .json();
    assert_eq!(before["repeat"], 0);
    assert_eq!(before["rows"].as_array().unwrap().len(), 4);
    env.ledger(&[
        "community",
        "add",
        "幸福里小区",
        "--alias",
        "幸福里",
        "--alias",
        "幸福里二期",
        "--committee",
        "formed",
    ])
    .ok();
    let after = env
        .ledger(&["report", "--format", "json", "--by", "community"])
        .json();
    // The two WY-06 cases, 30 days apart, are one community's now.
    assert_eq!(after["repeat"], 2);
    let rows = after["rows"].as_array().unwrap();
    assert_eq!(rows[0]["key"], "幸福里小区");
    assert_eq!(rows[0]["total"], 3);
    assert_eq!(rows[1]["key"], "阳光花园");
    assert_eq!(rows[1]["total"], 2);
    assert_eq!(rows.len(), 2);
    // The case keeps the text as typed; list --repeat and show agree.
    assert_eq!(env.list_ids(&["--repeat"]).len(), 2);
    let case = env.case("S07-2026-0002");
    assert_eq!(case["community"], "幸福里");
    env.check();
}

#[test]
fn community_list_show_and_unmatched_count_cases() {
    let env = spellings();
    env.ledger(&[
        "community",
        "add",
        "幸福里小区",
        "--alias",
        "幸福里",
        "--demonstration",
    ])
    .ok();
    let list = env
        .ledger(&["community", "list", "--format", "json"])
        .json();
    assert_eq!(list[0]["name"], "幸福里小区");
    assert_eq!(list[0]["cases"], 2);
    assert_eq!(list[0]["open"], 2);
    assert_eq!(list[0]["demonstration"], true);
    let unmatched = env
        .ledger(&["community", "unmatched", "--format", "json"])
        .json();
    // Most cases first.
    assert_eq!(unmatched[0]["text"], "阳光花园");
    assert_eq!(unmatched[0]["cases"], 2);
    assert_eq!(unmatched[1]["text"], "幸福里 二期");
    assert_eq!(unmatched[1]["cases"], 1);
    // An alias added later gathers the old case too (spaces do not count).
    env.ledger(&[
        "community",
        "set",
        "幸福里",
        "--alias",
        "幸福里二期",
        "--committee",
        "expired",
    ])
    .ok();
    let show = env
        .ledger(&["community", "show", "幸福里二期", "--format", "json"])
        .json();
    assert_eq!(show["community"]["committee"], "expired");
    assert_eq!(show["cases"].as_array().unwrap().len(), 3);
    assert_eq!(show["cases"][2]["typed"], "幸福里 二期");
    let table = env
        .ledger(&["--lang", "en", "community", "show", "幸福里小区"])
        .ok();
    assert!(
        table.stdout.contains("residents' committee"),
        "{}",
        table.stdout
    );
}

#[test]
fn the_register_refuses_a_name_twice_an_alias_taken_and_nothing_to_set() {
    let env = spellings();
    env.ledger(&["community", "add", "幸福里小区", "--alias", "幸福里"])
        .ok();
    env.refuses(&["community", "add", "幸福里小区"], "registered already");
    env.refuses(
        &["community", "add", "幸福里"],
        "already stands for 幸福里小区",
    );
    env.refuses(
        &["community", "add", "阳光花园", "--alias", "幸福里"],
        "already stands for",
    );
    env.refuses(&["community", "set", "幸福里小区"], "nothing to change");
    env.refuses(
        &["community", "set", "南湖", "--demonstration"],
        "no registered community",
    );
    env.refuses(
        &["community", "add", "x", "--committee", "maybe"],
        "committee",
    );
}

#[test]
fn an_offices_register_reaches_the_district_and_matches_the_same_there() {
    let env = spellings();
    env.ledger(&["community", "add", "幸福里小区", "--alias", "幸福里"])
        .ok();
    let office = env
        .ledger(&["report", "--format", "json", "--by", "community"])
        .json();
    env.send_to_new_district("D.db");
    let district = env
        .ledger(&[
            "--db",
            "D.db",
            "report",
            "--format",
            "json",
            "--by",
            "community",
        ])
        .json();
    assert_eq!(office["rows"], district["rows"]);
    assert_eq!(office["repeat"], district["repeat"]);
    let list = env
        .ledger(&["--db", "D.db", "community", "list", "--format", "json"])
        .json();
    assert_eq!(list[0]["office"], "S07");
    assert_eq!(list[0]["cases"], 2);
}

#[test]
fn the_calendar_is_set_at_the_district_and_flows_to_the_office() {
    let env = TestEnv::init();
    env.send_to_new_district("D.db");
    let d = |args: &[&str]| {
        let mut v = vec!["--db", "D.db", "campaign", "set"];
        v.extend_from_slice(args);
        env.ledger(&v).ok();
    };
    d(&[
        "--phase",
        "deploy",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-15",
    ]);
    d(&[
        "--phase",
        "rectify",
        "--from",
        "2026-11-16",
        "--to",
        "2027-03-31",
    ]);
    d(&["--ledger-due", "2026-11-20"]);
    env.ledger(&["--db", "D.db", "export", "--out", "D.csv"])
        .ok();
    env.ledger(&["merge", "D.csv"]).ok();
    let cal = env.ledger(&["campaign", "--format", "json"]).json();
    assert_eq!(cal["current"], "rectify");
    // 2026-11-26 to 2027-03-31.
    assert_eq!(cal["days_left"], 125);
    assert_eq!(cal["ledger_due"], "2026-11-20");
    assert_eq!(cal["phases"][0]["from"], "2026-11-01");
    // The office's own setting does not override the district's.
    env.ledger(&["campaign", "set", "--ledger-due", "2026-12-01"])
        .ok();
    let cal = env.ledger(&["campaign", "--format", "json"]).json();
    assert_eq!(cal["ledger_due"], "2026-11-20");
    env.check();
}

#[test]
fn the_calendar_refuses_overlaps_backwards_dates_and_nothing() {
    let env = TestEnv::init();
    env.ledger(&[
        "campaign",
        "set",
        "--phase",
        "deploy",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-15",
    ])
    .ok();
    env.refuses(
        &[
            "campaign",
            "set",
            "--phase",
            "rectify",
            "--from",
            "2026-11-10",
            "--to",
            "2026-12-31",
        ],
        "overlap",
    );
    env.refuses(
        &[
            "campaign",
            "set",
            "--phase",
            "rectify",
            "--from",
            "2026-12-31",
            "--to",
            "2026-11-20",
        ],
        "after",
    );
    env.refuses(&["campaign", "set"], "nothing to set");
    env.usage_error(&["campaign", "set", "--phase", "deploy"]);
}

/// A district and two offices: S01 with a backlog case (2026-09-01, closed
/// on 2026-11-05) and two new ones (one closed 2026-11-20, one key case
/// open); S02 with one new deferred case. The calendar is deploy
/// 11-01..11-15, rectify 11-16..2027-03-31, ledgers due 11-20.
fn district_campaign() -> TestEnv {
    let env = TestEnv::new();
    env.init_district();
    for (db, code) in [("S01.db", "S01"), ("S02.db", "S02")] {
        env.ledger(&["--db", db, "init", "--office", code, "--name", code])
            .ok();
    }
    env.introduce("ledger.db", &["S01.db", "S02.db"]);
    let s01 = |args: &[&str]| {
        let mut v = vec!["--db", "S01.db"];
        v.extend_from_slice(args);
        v.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |now: &str, args: Vec<String>| {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        env.at(now).ledger(&a).ok().stdout.trim().to_string()
    };
    let old = run(
        "2026-09-01T10:00:00+08:00",
        s01(&[
            "add",
            "--community",
            "幸福里",
            "--summary",
            "旧",
            "--problem",
            "WY-02",
        ]),
    );
    run(
        "2026-11-05T10:00:00+08:00",
        s01(&["close", &old, "--result", "resolved", "--resolution", "好"]),
    );
    let new1 = run(
        "2026-11-10T10:00:00+08:00",
        s01(&[
            "add",
            "--community",
            "幸福里",
            "--summary",
            "新",
            "--problem",
            "WY-02",
        ]),
    );
    run(
        "2026-11-20T10:00:00+08:00",
        s01(&["close", &new1, "--result", "resolved", "--resolution", "好"]),
    );
    run(
        "2026-11-21T10:00:00+08:00",
        s01(&["add", "--community", "阳光", "--summary", "重点", "--key"]),
    );
    let d = env
        .at("2026-11-18T10:00:00+08:00")
        .ledger(&[
            "--db",
            "S02.db",
            "add",
            "--community",
            "南湖",
            "--summary",
            "暂缓",
        ])
        .ok()
        .stdout;
    env.at("2026-11-19T10:00:00+08:00")
        .ledger(&["--db", "S02.db", "defer", d.trim(), "--plan", "待表决"])
        .ok();
    for (phase, from, to) in [
        ("deploy", "2026-11-01", "2026-11-15"),
        ("rectify", "2026-11-16", "2027-03-31"),
    ] {
        env.ledger(&[
            "campaign", "set", "--phase", phase, "--from", from, "--to", to,
        ])
        .ok();
    }
    env.ledger(&["campaign", "set", "--ledger-due", "2026-11-20"])
        .ok();
    env.ledger(&[
        "community",
        "add",
        "幸福里小区",
        "--alias",
        "幸福里",
        "--demonstration",
    ])
    .ok();
    // S01's ledger reaches the district on the 19th, S02's on the 26th.
    env.ledger(&["--db", "S01.db", "export", "--out", "S01.csv"])
        .ok();
    env.at("2026-11-19T18:00:00+08:00")
        .ledger(&["merge", "S01.csv"])
        .ok();
    env.ledger(&["--db", "S02.db", "export", "--out", "S02.csv"])
        .ok();
    env.ledger(&["merge", "S02.csv"]).ok();
    env
}

#[test]
fn report_splits_backlog_from_new_with_their_own_closure_rates() {
    let env = district_campaign();
    let r = env.ledger(&["report", "--format", "json"]).json();
    let c = &r["campaign"];
    assert_eq!(r["total"], 4);
    assert_eq!(c["phase"], "rectify");
    assert_eq!(c["days_left"], 125);
    assert_eq!(c["start"], "2026-11-01");
    assert_eq!(c["backlog"]["total"], 1);
    assert_eq!(c["backlog"]["closed"], 1);
    assert_eq!(c["backlog"]["closure_rate"], 1.0);
    assert_eq!(c["new"]["total"], 3);
    assert_eq!(c["new"]["closed"], 1);
    assert_eq!(c["new"]["closure_rate"], 0.3333);
    assert_eq!(c["demonstration"]["count"], 1);
    assert_eq!(c["demonstration"]["target"], 2);
    // Per phase: received 11-10 in deploy; 11-18, 11-21 in rectify; the
    // backlog case closed 11-05 in deploy, the new one 11-20 in rectify.
    assert_eq!(c["phases"][0]["new"], 1);
    assert_eq!(c["phases"][0]["closed"], 1);
    assert_eq!(c["phases"][1]["new"], 2);
    assert_eq!(c["phases"][1]["closed"], 1);
    let csv = env
        .ledger(&["report", "--by", "phase", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.contains("deploy,2026-11-01,2026-11-15,1,1"), "{csv}");
    assert!(csv.contains("rectify,2026-11-16,2027-03-31,2,1"), "{csv}");
    let table = env.ledger(&["report"]).ok().stdout;
    assert!(table.contains("集中整治"), "{table}");
    assert!(table.contains("33.3%"), "{table}");
    assert!(table.contains("1/2"), "{table}");
}

#[test]
fn acceptance_checks_each_office_and_its_ledgers_arrival() {
    let env = district_campaign();
    let a = env
        .ledger(&["report", "--acceptance", "--format", "json"])
        .json();
    assert_eq!(a["ledger_due"], "2026-11-20");
    let s01 = &a["offices"][0];
    assert_eq!(s01["office"], "S01");
    assert_eq!(s01["total"], 3);
    assert_eq!(s01["closed"], 2);
    assert_eq!(s01["closure_rate"], 0.6667);
    assert_eq!(s01["key_open"], 1);
    assert_eq!(s01["deferred"], 0);
    assert_eq!(s01["first_merged"], "2026-11-19");
    assert_eq!(s01["on_time"], true);
    let s02 = &a["offices"][1];
    assert_eq!(s02["deferred"], 1);
    assert_eq!(s02["first_merged"], "2026-11-26");
    assert_eq!(s02["on_time"], false);
    let md = env
        .ledger(&["--lang", "en", "report", "--acceptance", "--format", "md"])
        .ok()
        .stdout;
    assert!(
        md.contains("| S01 S01 | 3 | 2 | 66.7% | 0 | 0 | 1 | 2026-11-19 | yes |"),
        "{md}"
    );
    let table = env.ledger(&["report", "--acceptance"]).ok().stdout;
    assert!(table.contains("逾期"), "{table}");
    // Merging again does not move the day a ledger first arrived.
    env.at("2026-11-30T10:00:00+08:00")
        .ledger(&["merge", "S01.csv"])
        .ok();
    let a = env
        .ledger(&["report", "--acceptance", "--format", "json"])
        .json();
    assert_eq!(a["offices"][0]["first_merged"], "2026-11-19");
}

const XINYUAN: &str = "鑫源物业服务有限公司";

/// 鑫源 manages 幸福里小区 (committee formed) and 阳光花园 (committee
/// expired), is listed, guarantees and is listed again.
fn company_to_dismiss() -> TestEnv {
    let env = TestEnv::init();
    env.ledger(&[
        "credit",
        "company",
        "add",
        "--name",
        XINYUAN,
        "--uscc",
        "91440300708461136T",
    ])
    .ok();
    env.ledger(&[
        "community",
        "add",
        "幸福里小区",
        "--company",
        XINYUAN,
        "--committee",
        "formed",
    ])
    .ok();
    env.ledger(&[
        "community",
        "add",
        "阳光花园",
        "--company",
        "91440300708461136T",
        "--committee",
        "expired",
    ])
    .ok();
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
    env
}

#[test]
fn dismissal_authority_comes_from_each_communitys_committee() {
    let env = company_to_dismiss();
    let s = env
        .ledger(&["credit", "score", "--company", XINYUAN, "--format", "json"])
        .json();
    let s = if s.is_array() { s[0].clone() } else { s };
    let by = s["dismissed_by"]
        .as_str()
        .or(s["standing"]["dismissed_by"].as_str());
    assert_eq!(
        by,
        Some("幸福里小区业主委员会、阳光花园社区居民委员会(代行业主委员会职责)"),
        "{s}"
    );
    // The committee re-elected: its owners' committee decides there too.
    env.ledger(&["community", "set", "阳光花园", "--committee", "formed"])
        .ok();
    let r = env
        .ledger(&[
            "credit",
            "dismiss",
            "--company",
            XINYUAN,
            "--date",
            "2026-11-20",
        ])
        .ok();
    assert!(
        r.stderr
            .contains("幸福里小区业主委员会、阳光花园业主委员会"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_substantiated_yw_case_is_recorded_against_its_communitys_committee() {
    let env = TestEnv::init();
    env.ledger(&[
        "community",
        "add",
        "幸福里小区",
        "--alias",
        "幸福里",
        "--committee",
        "formed",
    ])
    .ok();
    let id = env.add(&add_args(
        "幸福里",
        "业委会违规表决",
        &["--problem", "YW-01"],
    ));
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    let r = env
        .ledger(&[
            "close",
            &id,
            "--result",
            "resolved",
            "--resolution",
            "已责令整改",
            "--substantiated",
        ])
        .ok();
    assert!(
        r.stderr
            .contains("已记录业主委员会问责 YW-01 幸福里小区业主委员会"),
        "{}",
        r.stderr
    );
    let notice = env.ledger(&["credit", "notice"]).ok().stdout;
    assert!(notice.contains("## 有问责记录的业主委员会"), "{notice}");
    assert!(
        notice.contains(&format!(
            "| 幸福里小区业主委员会 | S07 | 已成立 | 2026-11-26 YW-01 ({id}) |"
        )),
        "{notice}"
    );
    let csv = env
        .ledger(&["credit", "notice", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.contains("committee,幸福里小区业主委员会,S07"), "{csv}");
    env.check();
}
