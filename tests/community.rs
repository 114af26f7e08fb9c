//! The community register and owners' committees (issue 16): canonical
//! names and aliases in reports and repeats, the register's commands, and
//! committees as parties in the credit register.

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
    assert_eq!(env.list_ids(&["--community", "幸福里小区"]).len(), 1);
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
    // The row drills into `list --community` with its canonical name: the
    // cases typed with an alias are listed too.
    assert_eq!(env.list_ids(&["--community", "幸福里小区"]).len(), 3);
    assert_eq!(env.list_ids(&["--community", "幸福里二期"]).len(), 3);
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
    let show = env
        .ledger(&[
            "--db",
            "D.db",
            "community",
            "show",
            "幸福里",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(show["community"]["name"], "幸福里小区");
    assert_eq!(show["cases"].as_array().unwrap().len(), 2);
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
    // The case names no party: it is against its community's committee.
    let r = env
        .ledger(&["report", "--by", "party", "--format", "json"])
        .json();
    assert_eq!(r["rows"][0]["key"], "幸福里小区业主委员会");
    assert_eq!(r["rows"][0]["total"], 1);
    env.check();
}
