//! Issue 14, the sweep: reviewing, correcting, splitting and linking
//! imported cases (`list --suggested/--no-community`, `edit`, `link`,
//! `split`, `triage`), and the repeat rule that no longer pairs
//! placeholders and unconfirmed suggestions.

use std::io::Write;
use std::process::Stdio;

use crate::common::{TestEnv, add_args};

/// A message-board export of three property rows: 0001 a water cut-off
/// naming no community (WY-06 suggested), 0002 an elevator in 幸福里小区
/// (ZN-13 suggested), 0003 poor service naming none (WY-02 suggested).
const BOARD: &str = "留言编号,留言用户,留言主题,留言时间,留言详情\n\
1,A1,物业以业主欠费为由停水,2026/11/20 09:00,我们小区物业以欠费为由停水三天\n\
2,A2,幸福里小区电梯经常故障,2026/11/21 09:00,电梯经常故障困人\n\
3,A3,物业服务太差,2026/11/22 10:00,物业服务质量太差\n";

fn imported() -> (TestEnv, [String; 3]) {
    let env = TestEnv::init();
    env.write("board.csv", BOARD);
    env.ledger(&["add", "--from", "board.csv", "--only-property"])
        .ok();
    let ids = env.list_ids(&[]);
    assert_eq!(ids.len(), 3, "{ids:?}");
    (env, [ids[0].clone(), ids[1].clone(), ids[2].clone()])
}

#[test]
fn list_finds_suggested_types_and_placeholder_communities() {
    let (env, [a, b, c]) = imported();
    let d = env.water_case();
    assert_eq!(
        env.list_ids(&["--suggested"]),
        [a.as_str(), b.as_str(), c.as_str()]
    );
    assert_eq!(env.list_ids(&["--no-community"]), [a.as_str(), c.as_str()]);
    assert_eq!(
        env.list_ids(&["--suggested", "--no-community"]),
        [a.as_str(), c.as_str()]
    );
    assert!(!env.list_ids(&["--suggested"]).contains(&d));
}

#[test]
fn assign_does_not_route_by_an_unconfirmed_suggestion() {
    let (env, [_, b, _]) = imported();
    env.refuses(&["assign", &b], "ZN-13 is only a suggestion")
        .err_has("--accept-suggested");
    let zh = env.ledger(&["assign", &b]).refused();
    assert!(zh.stderr.contains("只是系统建议"), "{}", zh.stderr);
    // Accepted, it routes by ZN-13's default unit.
    env.ledger(&["assign", &b, "--accept-suggested"]).ok();
    let case = env.case(&b);
    assert_eq!(case["unit"], "SJ");
    assert_eq!(case["problem"], "ZN-13");
    assert_eq!(case["problem_suggested"], false);
    // A case with no suggestion has none to accept.
    let d = env.new_case();
    env.refuses(
        &["assign", &d, "--unit", "JD", "--accept-suggested"],
        "no suggested problem type",
    );
}

#[test]
fn the_repeat_rule_ignores_suggestions_and_the_placeholder_community() {
    let env = TestEnv::init();
    // Two confirmed WY-06 cases with the placeholder community: no pair.
    for _ in 0..2 {
        env.add(&add_args("(未注明)", "停水", &["--problem", "WY-06"]));
    }
    env.write("board.csv", BOARD);
    env.write(
        "board2.csv",
        BOARD
            .replace("\n2,", "\n12,")
            .replace("\n1,", "\n11,")
            .replace("\n3,", "\n13,"),
    );
    env.ledger(&["add", "--from", "board.csv", "--only-property"])
        .ok();
    env.ledger(&["add", "--from", "board2.csv", "--only-property"])
        .ok();
    // Two suggested ZN-13 cases in 幸福里小区: not a pair until confirmed.
    let elevators = env.list_ids(&["--community", "幸福里", "--suggested"]);
    assert_eq!(elevators.len(), 2);
    assert!(env.list_ids(&["--repeat"]).is_empty());
    let report = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(report["repeat"], 0);
    for id in &elevators {
        env.ledger(&["edit", id, "--accept-suggested"]).ok();
    }
    assert_eq!(env.list_ids(&["--repeat"]), elevators);
    let report = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(report["repeat"], 2);
    assert_eq!(env.case(&elevators[0])["repeat"], true);
}

#[test]
fn edit_records_old_and_new_values_in_one_event() {
    let (env, [a, _, _]) = imported();
    env.ledger(&[
        "edit",
        &a,
        "--community",
        "幸福里小区",
        "--address",
        "3号楼",
        "--party",
        "鑫源物业",
        "--key",
    ])
    .ok();
    let case = env.case(&a);
    assert_eq!(case["community"], "幸福里小区");
    assert_eq!(case["address"], "3号楼");
    assert_eq!(case["party"], "鑫源物业");
    assert_eq!(case["key"], true);
    assert_eq!(env.event_kinds(&a), ["case.add", "case.edit"]);
    let ev = &env.show_json(&a)["events"][1]["data"];
    assert_eq!(ev["community"]["old"], "(未注明)");
    assert_eq!(ev["community"]["new"], "幸福里小区");
    assert_eq!(ev["address"]["old"], serde_json::Value::Null);
    let shown = env.ledger(&["--lang", "en", "show", &a]).ok().stdout;
    assert!(shown.contains("edited"), "{shown}");
    assert!(shown.contains("(未注明) → 幸福里小区"), "{shown}");
    // Accepting the suggestion is an edit too; then no longer suggested.
    env.ledger(&[
        "edit",
        &a,
        "--accept-suggested",
        "--no-key",
        "--address",
        "",
    ])
    .ok();
    let case = env.case(&a);
    assert_eq!(
        (case["problem_suggested"].clone(), case["key"].clone()),
        (false.into(), false.into())
    );
    assert_eq!(case["address"], serde_json::Value::Null);
    assert!(env.list_ids(&["--suggested"]).len() == 2);
    env.check();
}

#[test]
fn edit_is_refused_when_it_changes_nothing_or_the_case_is_closed() {
    let env = TestEnv::init();
    let id = env.water_case();
    env.refuses(
        &["edit", &id, "--community", "幸福里小区"],
        "nothing to change",
    );
    env.refuses(&["edit", &id], "nothing to change");
    env.refuses(&["edit", &id, "--subject", "developer"], "WY-06");
    env.refuses(&["edit", &id, "--community", " "], "");
    env.ledger(&["close", &id, "--result", "resolved", "--resolution", "好了"])
        .ok();
    env.refuses(&["edit", &id, "--summary", "改"], "reopen it first");
    env.ledger(&["reopen", &id, "--reason", "更正"]).ok();
    env.ledger(&["edit", &id, "--summary", "物业停水三天"]).ok();
    assert_eq!(env.case(&id)["summary"], "物业停水三天");
}

#[test]
fn edits_and_links_travel_to_the_district() {
    let (env, [a, b, _]) = imported();
    env.ledger(&["edit", &a, "--community", "幸福里小区"]).ok();
    env.ledger(&["link", &a, &b]).ok();
    env.send_to_new_district("district.db");
    let d = env
        .ledger(&["--db", "district.db", "show", &a, "--format", "json"])
        .ok()
        .json();
    assert_eq!(d["case"]["community"], "幸福里小区");
    assert_eq!(d["case"]["links"][0]["case"], b.as_str());
    env.ledger(&["--db", "district.db", "check"]).ok();
}

#[test]
fn link_shows_on_both_cases() {
    let (env, [a, b, c]) = imported();
    env.ledger(&["link", &a, &b]).ok();
    let list = env.ledger(&["list", "--format", "json"]).ok().json();
    assert_eq!(list[0]["links"][0]["relation"], "related");
    assert_eq!(list[0]["links"][0]["case"], b.as_str());
    assert_eq!(list[1]["links"][0]["case"], a.as_str());
    assert!(list[2].get("links").is_none(), "no links, no key");
    let shown = env.ledger(&["show", &b]).ok().stdout;
    assert!(shown.contains(&format!("相关 {a}")), "{shown}");
    env.refuses(&["link", &a, &b], "linked already");
    env.refuses(&["link", &b, &a], "linked already");
    env.refuses(&["link", &c, &c], "itself");
    env.refuses(&["link", &c, "S07-2026-0099"], "no case S07-2026-0099");
}

#[test]
fn split_makes_a_case_per_part_and_the_report_counts_the_parts() {
    let env = TestEnv::init();
    let id = env.add(&add_args(
        "幸福里小区",
        "物业停水，住建局不作为",
        &["--complainant", "张三", "--source", "hotline"],
    ));
    let other = env.water_case();
    let out = env
        .ledger(&[
            "split",
            &id,
            "--part",
            "物业以业主欠费为由停水",
            "--part",
            "楼道内飞线充电无人管",
        ])
        .ok();
    let parts: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(parts, ["S07-2026-0003", "S07-2026-0004"]);
    let p1 = env.case(parts[0]);
    assert_eq!(p1["community"], "幸福里小区");
    assert_eq!(p1["source"], "hotline");
    assert_eq!(
        (p1["problem"].clone(), p1["problem_suggested"].clone()),
        ("WY-06".into(), true.into())
    );
    assert_eq!(env.case(parts[1])["problem"], "ZN-09");
    assert_eq!(p1["links"][0]["relation"], "part_of");
    let orig = env.case(&id);
    assert_eq!(orig["links"].as_array().unwrap().len(), 2);
    assert_eq!(orig["links"][1]["relation"], "split_into");
    // Known answer: 4 cases in the file, the split original not counted.
    let report = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(report["total"], 3, "{report}");
    let _ = other;
    env.refuses(
        &["split", &id, "--part", "a", "--part", "b"],
        "split already",
    );
    env.refuses(&["split", parts[0], "--part", "only one"], "two or more");
    env.ledger(&[
        "close",
        parts[1],
        "--result",
        "out_of_scope",
        "--resolution",
        "非物业",
    ])
    .ok();
    env.refuses(
        &["split", parts[1], "--part", "a", "--part", "b"],
        "reopen it first",
    );
    env.check();
}

#[test]
fn triage_accepts_the_selected_suggestions_in_one_transaction() {
    let (env, [a, b, c]) = imported();
    // Not a terminal: the suggestions of the selection are accepted.
    let r = env
        .ledger(&["--lang", "en", "triage", "--no-community"])
        .ok();
    assert!(
        r.stderr
            .contains("accepted the suggested problem type of 2 cases"),
        "{}",
        r.stderr
    );
    assert_eq!(env.list_ids(&["--suggested"]), [b.as_str()]);
    assert_eq!(env.event_kinds(&a), ["case.add", "case.edit"]);
    assert_eq!(env.case(&c)["problem"], "WY-02");
    let r = env.ledger(&["triage", "--accept"]).ok();
    assert!(r.stderr.contains("已确认 1 件"), "{}", r.stderr);
    assert!(env.list_ids(&["--suggested"]).is_empty());
}

/// Runs `triage ARGS` with the prompt forced on piped input, typing `keys`.
fn triage_typing(env: &TestEnv, args: &[&str], keys: &str) -> String {
    let mut all = vec!["--lang", "en", "triage"];
    all.extend_from_slice(args);
    let mut child = env
        .run()
        .var("LEDGER_INTERACTIVE", "1")
        .command(&all)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(keys.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn interactive_triage_writes_each_decision_as_its_command_would() {
    let (env, [a, b, c]) = imported();
    let d = env.add(&add_args("(未注明)", "楼下饭店油烟", &[]));
    // a: accept; b: an unknown key, then another code; c: community;
    // d: close as out of scope.
    let screen = triage_typing(&env, &[], "a\nz\np\nwy-03\nc\n幸福里小区\nx\n");
    assert!(screen.contains(&format!("[1/4] {a}")), "{screen}");
    assert!(screen.contains("suggested: WY-06"), "{screen}");
    assert!(screen.contains("type a, p, c, x, s or q"), "{screen}");
    assert!(screen.contains("4 decided, 0 skipped, 0 left"), "{screen}");
    assert_eq!(env.case(&a)["problem_suggested"], false);
    assert_eq!(env.case(&b)["problem"], "WY-03");
    assert_eq!(env.case(&c)["community"], "幸福里小区");
    assert_eq!(
        env.case(&c)["problem_suggested"],
        true,
        "only the community changed"
    );
    assert_eq!(env.case(&d)["result"], "out_of_scope");
    assert_eq!(env.event_kinds(&b), ["case.add", "case.edit"]);
    assert_eq!(env.event_kinds(&d), ["case.add", "case.close"]);
    env.check();
}

#[test]
fn interactive_triage_keeps_the_work_done_when_quitting() {
    let (env, [a, b, c]) = imported();
    // A refused decision is said and asked again; skip; quit.
    let screen = triage_typing(&env, &["--suggested"], "p\nXX-99\na\ns\nq\n");
    assert!(screen.contains("unknown problem code XX-99"), "{screen}");
    assert!(screen.contains("1 decided, 1 skipped, 1 left"), "{screen}");
    assert_eq!(env.case(&a)["problem_suggested"], false);
    assert_eq!(env.list_ids(&["--suggested"]), [b.as_str(), c.as_str()]);
    // The end of input is a quit too.
    let screen = triage_typing(&env, &["--suggested"], "");
    assert!(screen.contains("0 decided, 0 skipped, 2 left"), "{screen}");
    // Nothing selected.
    let screen = triage_typing(&env, &["--community", "无此小区"], "");
    assert!(screen.contains("no case to go through"), "{screen}");
}

// --- The real public data (PRODUCT.md §9), when the shared folder is there.

fn real(name: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/real")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not here", p.display());
        None
    }
}

/// The property rows of the message board, imported once.
fn real_board() -> Option<TestEnv> {
    let file = real("tipdm2020_messages.xlsx")?;
    let env = TestEnv::init();
    env.ledger(&["add", "--from", file.to_str().unwrap(), "--only-property"])
        .ok();
    Some(env)
}

#[test]
fn real_message_board_names_most_communities_and_pairs_no_placeholders() {
    let Some(env) = real_board() else {
        return;
    };
    let kept = env.list_ids(&[]).len();
    let placeholder = env.list_ids(&["--no-community"]).len();
    eprintln!("tipdm --only-property: {placeholder} of {kept} with the placeholder community");
    assert_eq!(kept, 813);
    assert!(placeholder < 200, "{placeholder} of {kept} still (未注明)");
    // Nothing is confirmed yet: no repeat complaint, whatever the text.
    let report = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(report["repeat"], 0);
}

#[test]
fn suggestions_precision_and_coverage_on_hand_labelled_rows() {
    let Some(env) = real_board() else {
        return;
    };
    let labels = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/tipdm-labels.csv"
    ))
    .unwrap();
    let labels: Vec<(String, String)> = labels
        .lines()
        .filter(|l| !l.starts_with('#') && *l != "id,label")
        .map(|l| {
            let (id, label) = l.split_once(',').unwrap();
            (id.to_string(), label.to_string())
        })
        .collect();
    assert!(labels.len() >= 150, "{} labels", labels.len());
    let conn = env.sqlite();
    let mut st = conn
        .prepare("SELECT problem FROM cases WHERE source_ref = ?1 AND problem_suggested = 1")
        .unwrap();
    let (mut suggested, mut right) = (0, 0);
    for (id, label) in &labels {
        let got: Option<String> = st.query_row([id], |r| r.get(0)).ok();
        if let Some(code) = got {
            suggested += 1;
            right += usize::from(&code == label);
        }
    }
    let precision = right as f64 / suggested as f64;
    let coverage = suggested as f64 / labels.len() as f64;
    eprintln!(
        "suggestions on {} hand-labelled rows: precision {precision:.3} ({right}/{suggested}), coverage {coverage:.3}",
        labels.len()
    );
    assert!(precision >= 0.80, "precision {precision:.3}");
    assert!(coverage >= 0.40, "coverage {coverage:.3}");
}
