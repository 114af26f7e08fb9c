//! The campaign's calendar (issue 16) and the figures the report draws
//! from it and from the community register, with known answers.

use crate::common::TestEnv;

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
    // No workbook or page layout for it: said, not a table in a .xlsx file.
    env.refuses(
        &[
            "report",
            "--acceptance",
            "--format",
            "xlsx",
            "--out",
            "a.xlsx",
        ],
        "report --acceptance has no xlsx layout",
    );
    // Merging again does not move the day a ledger first arrived.
    env.at("2026-11-30T10:00:00+08:00")
        .ledger(&["merge", "S01.csv"])
        .ok();
    let a = env
        .ledger(&["report", "--acceptance", "--format", "json"])
        .json();
    assert_eq!(a["offices"][0]["first_merged"], "2026-11-19");
}
