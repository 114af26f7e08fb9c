//! The case lifecycle (issue 2, PRODUCT.md §3): every allowed and every
//! refused transition of the table in `src/ledger/case.rs`, the closing
//! results and deferral plans. A refusal exits 1 with a message saying
//! what was wrong, and leaves the file byte for byte as it was; `ledger
//! check` passes after every sequence.

use proptest::prelude::*;
use serde_json::Value;

use crate::common::{NOW, TODAY, TestEnv, add_args};

/// The four states of PRODUCT.md §3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Open,
    Assigned,
    Deferred,
    Closed,
}

impl State {
    fn code(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Assigned => "assigned",
            State::Deferred => "deferred",
            State::Closed => "closed",
        }
    }
}

/// A new case brought to `state` by the ordinary commands.
fn case_in(env: &TestEnv, state: State) -> String {
    let id = env.water_case();
    match state {
        State::Open => {}
        State::Assigned => {
            env.ledger(&["assign", &id, "--unit", "JD"]).ok();
        }
        State::Deferred => {
            env.ledger(&["defer", &id, "--plan", "待业主大会表决后更换物业"])
                .ok();
        }
        State::Closed => {
            env.ledger(&[
                "close",
                &id,
                "--result",
                "resolved",
                "--resolution",
                "已恢复供水",
            ])
            .ok();
        }
    }
    assert_eq!(env.status(&id), state.code());
    id
}

/// The five commands of the table, with arguments that are valid in
/// themselves (so only the state decides).
#[derive(Clone, Copy, Debug)]
enum Verb {
    Assign,
    Defer,
    Close,
    Reopen,
    Note,
}

fn args(verb: Verb, id: &str) -> Vec<&str> {
    match verb {
        Verb::Assign => vec!["assign", id, "--unit", "ZJ", "--days", "5"],
        Verb::Defer => vec![
            "defer",
            id,
            "--plan",
            "街道每周跟进",
            "--until",
            "2027-03-31",
        ],
        Verb::Close => vec![
            "close",
            id,
            "--result",
            "unfounded",
            "--resolution",
            "经核查不属实",
        ],
        Verb::Reopen => vec!["reopen", id, "--reason", "业主反映再次停水"],
        Verb::Note => vec!["note", id, "已电话回访投诉人"],
    }
}

/// `verb` from `from` succeeds, leads to `to`, appends exactly one event of
/// the verb's kind, and the file still checks.
fn allowed(from: State, verb: Verb, to: State) -> (TestEnv, String) {
    let env = TestEnv::init();
    let id = case_in(&env, from);
    let before = env.show_json(&id);
    let r = env.ledger(&args(verb, &id)).ok();
    assert!(
        r.stdout.is_empty(),
        "{verb:?} prints data on stdout: {}",
        r.stdout
    );
    assert!(
        r.stderr.contains(&id),
        "{verb:?} names the case: {}",
        r.stderr
    );
    let after = env.show_json(&id);
    let c = &after["case"];
    assert_eq!(c["status"], to.code(), "{verb:?} from {from:?}");
    let (b, a) = (
        before["events"].as_array().unwrap(),
        after["events"].as_array().unwrap(),
    );
    assert_eq!(a.len(), b.len() + 1, "{verb:?} appends one event");
    let kind = format!("case.{}", format!("{verb:?}").to_lowercase());
    assert_eq!(a.last().unwrap()["kind"], kind.as_str());
    assert_eq!(a.last().unwrap()["actor"], "test");
    assert_eq!(&a[..b.len()], &b[..], "earlier history is kept as it was");
    match verb {
        Verb::Assign => {
            assert_eq!(c["unit"], "ZJ");
            assert_eq!(c["due"], "2026-12-01");
            assert_eq!(c["plan"], Value::Null, "assigning ends the plan");
        }
        Verb::Defer => {
            assert_eq!(c["plan"], "街道每周跟进");
            assert_eq!(c["defer_until"], "2027-03-31");
        }
        Verb::Close => {
            assert_eq!(c["result"], "unfounded");
            assert_eq!(c["resolution"], "经核查不属实");
            assert_eq!(c["closed_at"], NOW);
        }
        Verb::Reopen => {
            for k in ["result", "resolution", "closed_at", "due", "plan"] {
                assert_eq!(c[k], Value::Null, "reopen clears {k}");
            }
        }
        Verb::Note => {
            assert_eq!(c["notes"], before["case"]["notes"].as_i64().unwrap() + 1);
        }
    }
    env.check();
    (env, id)
}

/// `verb` from `from` is refused with a message containing `why`, writes
/// nothing, and the file still checks.
fn refused(from: State, verb: Verb, why: &str) {
    let env = TestEnv::init();
    let id = case_in(&env, from);
    let r = env.refuses(&args(verb, &id), why);
    assert!(
        r.stderr.contains(&id),
        "the refusal names the case: {}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    assert_eq!(env.status(&id), from.code());
    env.check();
}

// --- assign: open, assigned, deferred → assigned; closed refused.

#[test]
fn open_case_can_be_assigned() {
    allowed(State::Open, Verb::Assign, State::Assigned);
}

#[test]
fn assigned_case_can_be_reassigned() {
    let (env, id) = allowed(State::Assigned, Verb::Assign, State::Assigned);
    let kinds = env.event_kinds(&id);
    assert_eq!(kinds, ["case.add", "case.assign", "case.assign"]);
}

#[test]
fn deferred_case_can_be_assigned() {
    allowed(State::Deferred, Verb::Assign, State::Assigned);
}

#[test]
fn closed_case_cannot_be_assigned() {
    refused(State::Closed, Verb::Assign, "is closed: reopen it first");
}

#[test]
fn reassign_keeps_the_history() {
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

// --- defer: open, assigned, deferred → deferred; closed refused.

#[test]
fn open_case_can_be_deferred() {
    allowed(State::Open, Verb::Defer, State::Deferred);
}

#[test]
fn assigned_case_can_be_deferred_and_is_then_never_overdue() {
    let (env, id) = allowed(State::Assigned, Verb::Defer, State::Deferred);
    // A deferred case is not overdue even long after its due date.
    let later = env
        .at("2027-01-15")
        .ledger(&["show", &id, "--format", "json"])
        .ok();
    assert_eq!(later.json()["case"]["overdue"], false);
}

#[test]
fn deferring_a_deferred_case_revises_the_plan() {
    allowed(State::Deferred, Verb::Defer, State::Deferred);
}

#[test]
fn closed_case_cannot_be_deferred() {
    refused(State::Closed, Verb::Defer, "is closed");
}

// --- close: open, assigned, deferred → closed; closed refused.

#[test]
fn open_case_can_be_closed() {
    allowed(State::Open, Verb::Close, State::Closed);
}

#[test]
fn assigned_case_can_be_closed() {
    allowed(State::Assigned, Verb::Close, State::Closed);
}

#[test]
fn deferred_case_can_be_closed() {
    allowed(State::Deferred, Verb::Close, State::Closed);
}

#[test]
fn closed_case_cannot_be_closed_again() {
    refused(State::Closed, Verb::Close, "is already closed (resolved)");
}

// --- reopen: closed, deferred → open; open, assigned refused.

#[test]
fn open_case_cannot_be_reopened() {
    refused(
        State::Open,
        Verb::Reopen,
        "is open: only a closed or deferred case",
    );
}

#[test]
fn assigned_case_cannot_be_reopened() {
    refused(
        State::Assigned,
        Verb::Reopen,
        "is assigned: only a closed or deferred case",
    );
}

#[test]
fn deferred_case_can_be_reopened() {
    allowed(State::Deferred, Verb::Reopen, State::Open);
}

#[test]
fn closed_case_can_be_reopened_and_goes_round_again() {
    let (env, id) = allowed(State::Closed, Verb::Reopen, State::Open);
    // Reopened, it goes round again.
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    assert_eq!(env.case(&id)["due"], "2026-11-27");
    env.check();
}

// --- note: any state, state unchanged.

#[test]
fn open_case_takes_a_note() {
    allowed(State::Open, Verb::Note, State::Open);
}

#[test]
fn assigned_case_takes_a_note() {
    allowed(State::Assigned, Verb::Note, State::Assigned);
}

#[test]
fn deferred_case_takes_a_note() {
    allowed(State::Deferred, Verb::Note, State::Deferred);
}

#[test]
fn closed_case_takes_a_note() {
    allowed(State::Closed, Verb::Note, State::Closed);
}

#[test]
fn empty_note_reopen_reason_and_resolution_are_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Closed);
    for a in [vec!["note", &id, "  "], vec!["reopen", &id, "--reason", ""]] {
        let before = env.snapshot();
        env.ledger(&[&["--lang", "en"][..], &a[..]].concat())
            .refused()
            .err_has("must not be empty");
        before.assert_unchanged();
    }
    let open = case_in(&env, State::Open);
    let before = env.snapshot();
    env.ledger(&[
        "--lang",
        "en",
        "close",
        &open,
        "--result",
        "resolved",
        "--resolution",
        " ",
    ])
    .refused()
    .err_has("must not be empty");
    before.assert_unchanged();
    env.check();
}

// --- close --result duplicate, out_of_scope and --duplicate-of.

#[test]
fn duplicate_is_closed_straight_from_open() {
    let env = TestEnv::init();
    let first = case_in(&env, State::Assigned);
    let dup = case_in(&env, State::Open);
    env.ledger(&[
        "close",
        &dup.to_lowercase(),
        "--result",
        "duplicate",
        "--duplicate-of",
        "s07-2026-1",
        "--resolution",
        "同一事项",
    ])
    .ok();
    let c = env.case(&dup);
    assert_eq!(c["status"], "closed");
    assert_eq!(c["result"], "duplicate");
    assert_eq!(c["duplicate_of"], first.as_str());
    env.check();
}

#[test]
fn out_of_scope_is_closed_straight_from_open() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    env.ledger(&[
        "close",
        &id,
        "--result",
        "out_of_scope",
        "--resolution",
        "属供电公司职责",
    ])
    .ok();
    assert_eq!(env.case(&id)["result"], "out_of_scope");
    env.check();
}

#[test]
fn close_duplicate_without_duplicate_of_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    env.refuses(
        &[
            "close",
            &id,
            "--result",
            "duplicate",
            "--resolution",
            "同一事项",
        ],
        "--result duplicate needs --duplicate-of CASE",
    );
    env.check();
}

#[test]
fn duplicate_of_a_missing_case_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    env.refuses(
        &[
            "close",
            &id,
            "--result",
            "duplicate",
            "--duplicate-of",
            "S07-2026-0099",
            "--resolution",
            "同一事项",
        ],
        "--duplicate-of S07-2026-0099: no such case",
    );
    env.check();
}

#[test]
fn duplicate_of_itself_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Assigned);
    // Itself, however it is spelled.
    for spelled in [id.as_str(), "s07-2026-1", "S07-2026-00001"] {
        env.refuses(
            &[
                "close",
                &id,
                "--result",
                "duplicate",
                "--duplicate-of",
                spelled,
                "--resolution",
                "同一事项",
            ],
            "cannot be a duplicate of itself",
        );
    }
    env.check();
}

#[test]
fn duplicate_of_with_another_result_is_refused() {
    let env = TestEnv::init();
    let first = case_in(&env, State::Open);
    let second = case_in(&env, State::Open);
    env.refuses(
        &[
            "close",
            &second,
            "--result",
            "resolved",
            "--duplicate-of",
            &first,
            "--resolution",
            "已解决",
        ],
        "--duplicate-of goes with --result duplicate",
    );
    env.check();
}

#[test]
fn close_with_unknown_result_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    let before = env.snapshot();
    env.ledger(&[
        "--lang",
        "en",
        "close",
        &id,
        "--result",
        "done",
        "--resolution",
        "x",
    ])
    .refused()
    .err_has("resolved, unfounded, duplicate, out_of_scope");
    before.assert_unchanged();
}

// --- defer and its plan.

#[test]
fn defer_without_plan_is_a_usage_error() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Assigned);
    let r = env.usage_error(&["defer", &id]);
    assert!(r.stderr.contains("--plan"), "{}", r.stderr);
    env.check();
}

#[test]
fn defer_with_empty_plan_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Assigned);
    for plan in ["", "   "] {
        let before = env.snapshot();
        env.ledger(&["--lang", "en", "defer", &id, "--plan", plan])
            .refused()
            .err_has("--plan")
            .err_has("must not be empty");
        before.assert_unchanged();
    }
    assert_eq!(env.status(&id), "assigned");
    env.check();
}

#[test]
fn defer_until_a_past_date_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    env.refuses(
        &["defer", &id, "--plan", "每周跟进", "--until", "2026-11-25"],
        "--until 2026-11-25 is in the past",
    );
    // Today is fine.
    env.ledger(&["defer", &id, "--plan", "每周跟进", "--until", TODAY])
        .ok();
}

// --- A model of the table, driven by random sequences of commands.

#[derive(Clone, Copy, Debug)]
enum Step {
    Assign,
    Defer,
    Close(&'static str),
    Reopen,
    Note,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Assign),
        Just(Step::Defer),
        Just(Step::Close("resolved")),
        Just(Step::Close("out_of_scope")),
        Just(Step::Reopen),
        Just(Step::Note),
    ]
}

/// What the table in ops.rs says: `Some(next)` if allowed.
fn model(state: State, step: Step) -> Option<State> {
    use State::*;
    match (step, state) {
        (Step::Assign, Open | Assigned | Deferred) => Some(Assigned),
        (Step::Defer, Open | Assigned | Deferred) => Some(Deferred),
        (Step::Close(_), Open | Assigned | Deferred) => Some(Closed),
        (Step::Reopen, Closed | Deferred) => Some(Open),
        (Step::Note, s) => Some(s),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_commands_follows_the_table_and_checks(steps in proptest::collection::vec(step(), 1..9)) {
        let env = TestEnv::init();
        let id = env.new_case();
        let mut state = State::Open;
        let mut events = 1;
        for s in &steps {
            let a: Vec<&str> = match s {
                Step::Assign => vec!["assign", &id, "--unit", "JD", "--days", "3"],
                Step::Defer => vec!["defer", &id, "--plan", "每周跟进"],
                Step::Close(r) => vec!["close", &id, "--result", r, "--resolution", "处理完毕"],
                Step::Reopen => vec!["reopen", &id, "--reason", "再次投诉"],
                Step::Note => vec!["note", &id, "回访"],
            };
            let before = env.snapshot();
            let r = env.ledger(&a);
            match model(state, *s) {
                Some(next) => {
                    prop_assert_eq!(r.code, 0, "{:?} from {:?}: {}", s, state, r.stderr);
                    state = next;
                    events += 1;
                }
                None => {
                    prop_assert_eq!(r.code, 1, "{:?} from {:?} should be refused", s, state);
                    prop_assert!(r.stderr.starts_with("error:"));
                    before.assert_unchanged();
                }
            }
        }
        prop_assert_eq!(env.status(&id), state.code());
        prop_assert_eq!(env.event_kinds(&id).len(), events);
        env.check();
    }
}

/// The harness's "nothing written" check notices a write: the refusal
/// tests above would otherwise prove nothing.
#[test]
fn harness_snapshot_notices_a_write() {
    let env = TestEnv::init();
    let id = env.new_case();
    let before = env.snapshot();
    env.ledger(&["note", &id, "已回访"]).ok();
    let noticed = std::panic::catch_unwind(|| before.assert_unchanged());
    assert!(
        noticed.is_err(),
        "a note changed the file but the snapshot did not notice"
    );
}
