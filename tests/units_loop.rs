//! Issue 15: the responsible units' side of the loop — acknowledge, return,
//! extend, co-units, supervise, call back — each one event, shown in
//! `show`, carried by the exchange.

use crate::common::{TestEnv, add_args};

/// An office ledger with one case assigned to JD on Thursday 2026-11-26
/// (WY-02: due 2026-12-11).
fn assigned() -> (TestEnv, String) {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "物业服务差",
        &["--problem", "WY-02"],
    ));
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    (env, id)
}

#[test]
fn ack_records_who_and_when_and_only_once() {
    let (env, id) = assigned();
    env.at("2026-11-27T09:00:00+08:00")
        .ledger(&["ack", &id, "--by", "李四"])
        .ok();
    let c = env.case(&id);
    assert_eq!(c["acknowledged_at"], "2026-11-27T09:00:00+08:00");
    assert_eq!(c["acknowledged_by"], "李四");
    assert_eq!(c["ack_late"], false, "the next working day is on time");
    env.refuses(&["ack", &id], "acknowledged already");
    assert_eq!(env.event_kinds(&id).last().unwrap(), "case.ack");
}

#[test]
fn ack_after_the_next_working_day_is_late_and_a_weekend_does_not_count() {
    let (env, id) = assigned();
    // Thursday's assignment: Friday is on time, Monday is late.
    env.at("2026-11-30").ledger(&["ack", &id]).ok();
    assert_eq!(env.case(&id)["ack_late"], true);
    assert_eq!(env.list_ids(&["--ack-late"]), vec![id.clone()]);
    // Assigned on Friday, acknowledged on Monday: on time.
    let id2 = env.add(&add_args("阳光花园", "停电", &[]));
    env.at("2026-11-27")
        .ledger(&["assign", &id2, "--unit", "ZJ"])
        .ok();
    env.at("2026-11-30").ledger(&["ack", &id2]).ok();
    assert_eq!(env.case(&id2)["ack_late"], false);
    assert_eq!(env.list_ids(&["--acknowledged"]).len(), 2);
}

#[test]
fn only_an_assigned_case_is_acknowledged_returned_or_extended() {
    let env = TestEnv::init();
    let id = env.add(&add_args("幸福里小区", "停水", &[]));
    env.refuses(&["ack", &id], "only a case forwarded to a unit");
    env.refuses(&["return", &id, "--reason", "x"], "only a case forwarded");
    env.refuses(
        &["extend", &id, "--until", "2026-12-30", "--reason", "x"],
        "only a case forwarded",
    );
    env.refuses(&["ack", "S07-2026-0009"], "no case S07-2026-0009");
}

#[test]
fn return_sends_the_case_back_open_with_no_unit_and_lists_it_per_unit() {
    let (env, id) = assigned();
    env.ledger(&["ack", &id]).ok();
    env.ledger(&["return", &id, "--reason", "不属于街道职责"])
        .ok();
    let c = env.case(&id);
    assert_eq!(c["status"], "open");
    assert_eq!(c["unit"], serde_json::Value::Null);
    assert_eq!(c["due"], serde_json::Value::Null);
    assert_eq!(c["acknowledged_at"], serde_json::Value::Null);
    assert_eq!(c["returned_by"], "JD");
    assert_eq!(env.list_ids(&["--returned-by", "JD"]), vec![id.clone()]);
    assert_eq!(env.list_ids(&["--returned"]), vec![id.clone()]);
    assert!(env.list_ids(&["--returned-by", "ZJ"]).is_empty());
    // Forwarded again, it is assigned as any case.
    env.ledger(&["assign", &id, "--unit", "ZJ"]).ok();
    assert_eq!(env.case(&id)["returned_by"], "JD");
    env.refuses(&["return", &id, "--reason", " "], "--reason");
    let show = env.ledger(&["--lang", "en", "show", &id]).ok().stdout;
    assert!(show.contains("returned by JD"), "{show}");
}

#[test]
fn only_an_approved_extension_moves_the_due_date() {
    let (env, id) = assigned();
    env.ledger(&["extend", &id, "--until", "2026-12-20", "--reason", "需协调"])
        .ok();
    let c = env.case(&id);
    assert_eq!(c["due"], "2026-12-11", "asking moves nothing");
    assert_eq!(c["extension_until"], "2026-12-20");
    env.refuses(
        &["extend", &id, "--until", "2026-12-25", "--reason", "x"],
        "waiting",
    );
    env.refuses(&["extend", &id, "--refuse", "--reason", " "], "--reason");
    env.ledger(&["extend", &id, "--refuse", "--reason", "时限内可办结"])
        .ok();
    let c = env.case(&id);
    assert_eq!(c["due"], "2026-12-11");
    assert_eq!(c["extension_until"], serde_json::Value::Null);
    env.refuses(&["extend", &id, "--approve"], "no extension waiting");
    env.refuses(
        &["extend", &id, "--until", "2026-12-10", "--reason", "x"],
        "not after",
    );
    env.ledger(&[
        "extend",
        &id,
        "--until",
        "2026-12-20",
        "--reason",
        "再次申请",
    ])
    .ok();
    env.ledger(&["extend", &id, "--approve"]).ok();
    let c = env.case(&id);
    assert_eq!(c["due"], "2026-12-20");
    assert_eq!(c["extensions_asked"], 2);
    assert_eq!(c["extensions_approved"], 1);
    // Overdue against the due date as it stands.
    assert!(env.at("2026-12-15").list_ids(&["--overdue"]).is_empty());
    assert_eq!(
        env.at("2026-12-21").list_ids(&["--overdue"]),
        vec![id.clone()]
    );
    assert_eq!(env.list_ids(&["--extension", "approved"]), vec![id]);
}

#[test]
fn extend_takes_one_of_asking_approving_or_refusing() {
    let (env, id) = assigned();
    env.ledger(&["extend", &id]).usage();
    env.ledger(&["extend", &id, "--approve", "--refuse", "--reason", "x"])
        .usage();
    env.ledger(&["extend", &id, "--until", "2026-12-20"])
        .usage();
}

#[test]
fn co_units_are_kept_with_the_assignment_and_shown() {
    let env = TestEnv::init();
    let id = env.add(&add_args("幸福里小区", "占道", &[]));
    env.ledger(&[
        "assign",
        &id,
        "--unit",
        "CG",
        "--co-unit",
        "GA",
        "--co-unit",
        "ZJ",
    ])
    .ok();
    assert_eq!(env.case(&id)["co_units"], "GA,ZJ");
    let csv = env.ledger(&["list", "--format", "csv"]).ok().stdout;
    assert!(csv.contains("\"GA,ZJ\""), "{csv}");
    let show = env.ledger(&["--lang", "en", "show", &id]).ok().stdout;
    assert!(
        show.contains("co-units") && show.contains("GA, ZJ"),
        "{show}"
    );
    let table = env.ledger(&["list"]).ok().stdout;
    assert!(table.contains("CG+GA+ZJ"), "{table}");
    env.refuses(
        &["assign", &id, "--unit", "CG", "--co-unit", "CG"],
        "is the lead unit",
    );
    env.refuses(
        &[
            "assign",
            &id,
            "--unit",
            "CG",
            "--co-unit",
            "GA",
            "--co-unit",
            "ga",
        ],
        "given twice",
    );
    env.refuses(&["assign", &id, "--unit", "CG", "--co-unit", "XX"], "XX");
    // A re-assignment names its own co-units.
    env.ledger(&["assign", &id, "--unit", "CG"]).ok();
    assert_eq!(env.case(&id)["co_units"], serde_json::Value::Null);
}

#[test]
fn a_supervised_case_closed_after_the_supervision_due_date_is_late() {
    let (env, id) = assigned();
    env.ledger(&[
        "supervise",
        &id,
        "--note",
        "限期办结",
        "--due",
        "2026-11-30",
    ])
    .ok();
    assert_eq!(env.list_ids(&["--supervised"]), vec![id.clone()]);
    env.refuses(
        &["supervise", &id, "--note", "x", "--due", "2026-11-01"],
        "in the past",
    );
    env.at("2026-12-01")
        .ledger(&["close", &id, "--result", "resolved", "--resolution", "已办"])
        .ok();
    let c = env.case(&id);
    assert_eq!(
        c["closed_late"], true,
        "before its due date, after supervision's"
    );
    assert_eq!(env.list_ids(&["--closed-late"]), vec![id.clone()]);
    env.refuses(&["supervise", &id, "--note", "x"], "closed");
    let show = env.ledger(&["--lang", "en", "show", &id]).ok().stdout;
    assert!(
        show.contains("supervised") && show.contains("限期办结"),
        "{show}"
    );
}

#[test]
fn a_call_back_follows_a_close_and_a_dissatisfied_one_may_reopen() {
    let (env, id) = assigned();
    env.refuses(
        &["visit", &id, "--satisfaction", "satisfied"],
        "follows a close",
    );
    env.ledger(&["close", &id, "--result", "resolved", "--resolution", "已办"])
        .ok();
    assert_eq!(env.list_ids(&["--unvisited"]), vec![id.clone()]);
    env.refuses(
        &[
            "visit",
            &id,
            "--satisfaction",
            "basic",
            "--reopen",
            "--note",
            "x",
        ],
        "dissatisfied",
    );
    env.refuses(
        &["visit", &id, "--satisfaction", "dissatisfied", "--reopen"],
        "--note",
    );
    env.ledger(&[
        "visit",
        &id,
        "--satisfaction",
        "dissatisfied",
        "--note",
        "仍然漏水",
        "--reopen",
    ])
    .ok();
    let c = env.case(&id);
    assert_eq!(c["status"], "open");
    assert_eq!(c["satisfaction"], "dissatisfied");
    assert!(env.list_ids(&["--unvisited"]).is_empty());
    // Closed again, it needs a call-back again.
    env.ledger(&["close", &id, "--result", "resolved", "--resolution", "再办"])
        .ok();
    assert_eq!(env.list_ids(&["--unvisited"]), vec![id.clone()]);
    env.ledger(&["visit", &id, "--satisfaction", "满意"]).ok();
    assert_eq!(env.case(&id)["satisfaction"], "satisfied");
    assert_eq!(
        env.list_ids(&["--satisfaction", "satisfied,basic"]),
        vec![id.clone()]
    );
    assert!(env.list_ids(&["--unvisited"]).is_empty());
    assert_eq!(
        env.event_kinds(&id),
        [
            "case.add",
            "case.assign",
            "case.close",
            "case.visit",
            "case.close",
            "case.visit"
        ]
    );
    env.check();
}

#[test]
fn an_unfounded_close_is_not_waiting_for_a_call_back() {
    let (env, id) = assigned();
    env.ledger(&[
        "close",
        &id,
        "--result",
        "unfounded",
        "--resolution",
        "不属实",
    ])
    .ok();
    assert!(env.list_ids(&["--unvisited"]).is_empty());
}

#[test]
fn the_loop_is_carried_by_the_exchange_and_a_district_supervises_but_does_not_answer() {
    let (env, id) = assigned();
    env.ledger(&["ack", &id, "--by", "李四"]).ok();
    env.ledger(&["extend", &id, "--until", "2026-12-20", "--reason", "需协调"])
        .ok();
    env.send_to_new_district("D.db");
    let d = ["--db", "D.db"];
    let at_district = env
        .ledger(&[&d[..], &["show", &id, "--format", "json"]].concat())
        .ok()
        .json();
    assert_eq!(at_district["case"]["acknowledged_by"], "李四");
    assert_eq!(at_district["case"]["extension_until"], "2026-12-20");
    env.ledger(&[&d[..], &["supervise", &id, "--note", "区里督办"]].concat())
        .ok();
    env.refuses(
        &[&d[..], &["extend", &id, "--approve"]].concat(),
        "S07's case",
    );
    env.refuses(&[&d[..], &["ack", &id]].concat(), "S07's case");
    // The district's supervision comes back to the office.
    env.ledger(&[&d[..], &["export", "--out", "D.csv"]].concat())
        .ok();
    env.ledger(&["merge", "D.csv"]).ok();
    assert_eq!(env.case(&id)["supervisions"], 1);
    env.ledger(&["extend", &id, "--approve"]).ok();
    env.ledger(&["export", "--out", "S07b.csv"]).ok();
    env.ledger(&[&d[..], &["merge", "S07b.csv"]].concat()).ok();
    let office = env.case(&id);
    let district = env
        .ledger(&[&d[..], &["show", &id, "--format", "json"]].concat())
        .ok()
        .json();
    assert_eq!(office, district["case"]);
    assert_eq!(office["due"], "2026-12-20");
    env.check();
    env.ledger(&[&d[..], &["check"]].concat()).ok();
}

/// A district file (signed with a key office S07 trusts for D) carrying
/// `kind` with `payload` on S07's case 1, merged at the office.
fn district_file_event(kind: &str, payload: &str) -> (TestEnv, crate::common::Run) {
    use crate::common::forge::{Forger, event, rehash};
    let (env, id) = assigned();
    let d = Forger::new("D", true, [7; 32]);
    env.trust_key("ledger.db", "D", &d.key());
    let text = d.file(&[
        event(
            "D",
            1,
            "office.init",
            None,
            r#"{"name":"示范区","district":true}"#,
        ),
        // After the office's events, as an honest district's clock is.
        rehash(event("D", 2, kind, Some(&id), payload), |e| e.clock = 100),
    ]);
    env.write("D.csv", &text);
    let run = env
        .run()
        .var("LEDGER_LANG", "en")
        .ledger(&["merge", "D.csv"]);
    (env, run)
}

#[test]
fn a_district_file_answering_for_an_offices_unit_is_refused_but_its_supervision_merges() {
    let (env, run) = district_file_event("case.ack", r#"{"by":"区里"}"#);
    run.refused()
        .err_has("only the office that forwarded a case records");
    assert_eq!(
        env.case("S07-2026-0001")["acknowledged_at"],
        serde_json::Value::Null
    );
    let (env, run) = district_file_event("case.supervise", r#"{"note":"区里督办"}"#);
    run.ok();
    assert_eq!(env.case("S07-2026-0001")["supervisions"], 1);
    env.check();
}

#[test]
fn a_file_breaking_the_loops_content_rules_is_refused() {
    let (_, run) = district_file_event("case.supervise", r#"{"note":"x","due":"2026-13-01"}"#);
    run.refused().err_has("supervision's due date");
    let (_, run) = district_file_event("case.supervise", r#"{"note":" "}"#);
    run.refused().err_has("the note is empty");
}
