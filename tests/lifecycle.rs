//! The case lifecycle (issue 2, PRODUCT.md §3): every allowed and every
//! refused transition of the table in `src/ledger/ops.rs`, and every
//! refusal the issue lists. A refusal exits 1 with a message saying what was
//! wrong, and leaves the file byte for byte as it was; `ledger check` passes
//! after every sequence.

use proptest::prelude::*;

use crate::common::{TODAY, TestEnv};

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
    let id = env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "物业以欠费为由停水",
        "--problem",
        "WY-06",
    ]);
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
            assert_eq!(
                c["plan"],
                serde_json::Value::Null,
                "assigning ends the plan"
            );
        }
        Verb::Defer => {
            assert_eq!(c["plan"], "街道每周跟进");
            assert_eq!(c["defer_until"], "2027-03-31");
        }
        Verb::Close => {
            assert_eq!(c["result"], "unfounded");
            assert_eq!(c["resolution"], "经核查不属实");
            assert_eq!(c["closed_at"], crate::common::NOW);
        }
        Verb::Reopen => {
            for k in ["result", "resolution", "closed_at", "due", "plan"] {
                assert_eq!(c[k], serde_json::Value::Null, "reopen clears {k}");
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

// assign: open, assigned, deferred → assigned; closed refused.

#[test]
fn issue2_assign_open_case() {
    allowed(State::Open, Verb::Assign, State::Assigned);
}

#[test]
fn issue2_reassign_assigned_case() {
    let (env, id) = allowed(State::Assigned, Verb::Assign, State::Assigned);
    let kinds = env.event_kinds(&id);
    assert_eq!(kinds, ["case.add", "case.assign", "case.assign"]);
}

#[test]
fn issue2_assign_deferred_case() {
    allowed(State::Deferred, Verb::Assign, State::Assigned);
}

#[test]
fn issue2_assign_closed_case_is_refused() {
    refused(State::Closed, Verb::Assign, "is closed: reopen it first");
}

// defer: open, assigned, deferred → deferred; closed refused.

#[test]
fn issue2_defer_open_case() {
    allowed(State::Open, Verb::Defer, State::Deferred);
}

#[test]
fn issue2_defer_assigned_case() {
    let (env, id) = allowed(State::Assigned, Verb::Defer, State::Deferred);
    // A deferred case is not overdue even long after its due date.
    let later = env
        .at("2027-01-15")
        .ledger(&["show", &id, "--format", "json"])
        .ok();
    assert_eq!(later.json()["case"]["overdue"], false);
}

#[test]
fn issue2_defer_deferred_case_revises_the_plan() {
    allowed(State::Deferred, Verb::Defer, State::Deferred);
}

#[test]
fn issue2_defer_closed_case_is_refused() {
    refused(State::Closed, Verb::Defer, "is closed");
}

// close: open, assigned, deferred → closed; closed refused.

#[test]
fn issue2_close_open_case() {
    allowed(State::Open, Verb::Close, State::Closed);
}

#[test]
fn issue2_close_assigned_case() {
    allowed(State::Assigned, Verb::Close, State::Closed);
}

#[test]
fn issue2_close_deferred_case() {
    allowed(State::Deferred, Verb::Close, State::Closed);
}

#[test]
fn issue2_close_closed_case_is_refused() {
    refused(State::Closed, Verb::Close, "is already closed (resolved)");
}

// reopen: closed, deferred → open; open, assigned refused.

#[test]
fn issue2_reopen_open_case_is_refused() {
    refused(
        State::Open,
        Verb::Reopen,
        "is open: only a closed or deferred case",
    );
}

#[test]
fn issue2_reopen_assigned_case_is_refused() {
    refused(
        State::Assigned,
        Verb::Reopen,
        "is assigned: only a closed or deferred case",
    );
}

#[test]
fn issue2_reopen_deferred_case() {
    allowed(State::Deferred, Verb::Reopen, State::Open);
}

#[test]
fn issue2_reopen_closed_case() {
    let (env, id) = allowed(State::Closed, Verb::Reopen, State::Open);
    // Reopened, it goes round again.
    env.ledger(&["assign", &id, "--unit", "JD"]).ok();
    assert_eq!(env.case(&id)["due"], "2026-11-27");
    env.check();
}

// note: any state, state unchanged.

#[test]
fn issue2_note_open_case() {
    allowed(State::Open, Verb::Note, State::Open);
}

#[test]
fn issue2_note_assigned_case() {
    allowed(State::Assigned, Verb::Note, State::Assigned);
}

#[test]
fn issue2_note_deferred_case() {
    allowed(State::Deferred, Verb::Note, State::Deferred);
}

#[test]
fn issue2_note_closed_case() {
    allowed(State::Closed, Verb::Note, State::Closed);
}

#[test]
fn issue2_empty_note_reopen_reason_and_resolution_are_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Closed);
    for a in [vec!["note", &id, "  "], vec!["reopen", &id, "--reason", ""]] {
        let before = env.snapshot();
        env.ledger(&a).refused().err_has("must not be empty");
        before.assert_unchanged();
    }
    let open = case_in(&env, State::Open);
    let before = env.snapshot();
    env.ledger(&["close", &open, "--result", "resolved", "--resolution", " "])
        .refused()
        .err_has("must not be empty");
    before.assert_unchanged();
    env.check();
}

// close --result duplicate and --duplicate-of.

#[test]
fn issue2_close_duplicate_straight_from_open() {
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
fn issue2_close_out_of_scope_straight_from_open() {
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
fn issue2_close_duplicate_without_duplicate_of_is_refused() {
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
fn issue2_close_duplicate_of_missing_case_is_refused() {
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
fn issue2_close_duplicate_of_itself_is_refused() {
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
fn issue2_duplicate_of_with_another_result_is_refused() {
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
fn issue2_close_with_unknown_result_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    let before = env.snapshot();
    env.ledger(&["close", &id, "--result", "done", "--resolution", "x"])
        .refused()
        .err_has("resolved, unfounded, duplicate, out_of_scope");
    before.assert_unchanged();
}

// defer without a plan.

#[test]
fn issue2_defer_without_plan_is_a_usage_error() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Assigned);
    let r = env.usage_error(&["defer", &id]);
    assert!(r.stderr.contains("--plan"), "{}", r.stderr);
    env.check();
}

#[test]
fn issue2_defer_with_empty_plan_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Assigned);
    for plan in ["", "   "] {
        let before = env.snapshot();
        env.ledger(&["defer", &id, "--plan", plan])
            .refused()
            .err_has("--plan")
            .err_has("must not be empty");
        before.assert_unchanged();
    }
    assert_eq!(env.status(&id), "assigned");
    env.check();
}

#[test]
fn issue2_defer_until_a_past_date_is_refused() {
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

// Unknown things.

#[test]
fn issue2_unknown_case_id_is_refused_by_every_command() {
    let env = TestEnv::init();
    case_in(&env, State::Open);
    let missing = "S07-2026-0002";
    for a in [
        vec!["assign", missing, "--unit", "JD"],
        vec!["defer", missing, "--plan", "计划"],
        vec![
            "close",
            missing,
            "--result",
            "resolved",
            "--resolution",
            "x",
        ],
        vec!["reopen", missing, "--reason", "x"],
        vec!["note", missing, "x"],
        vec!["show", missing],
    ] {
        env.refuses(&a, "no case S07-2026-0002 in this ledger");
    }
    // Another office's id, and one from another year, are unknown too.
    env.refuses(&["note", "S08-2026-0001", "x"], "no case S08-2026-0001");
    env.refuses(&["note", "S07-2025-0001", "x"], "no case S07-2025-0001");
    env.check();
}

#[test]
fn issue2_malformed_case_id_is_refused() {
    let env = TestEnv::init();
    case_in(&env, State::Open);
    for bad in ["2026-0001", "S07-26-1", "S07-2026-0", "S07-2026-x"] {
        let before = env.snapshot();
        env.ledger(&["note", bad, "x"])
            .refused()
            .err_has("is not a case id")
            .err_has("S03-2026-0042");
        before.assert_unchanged();
    }
}

#[test]
fn issue2_unknown_unit_is_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    env.refuses(
        &["assign", &id, "--unit", "XX"],
        "unknown unit 'XX': give a unit code or its exact name (see `ledger catalog units`",
    );
    // A name must be exact.
    env.refuses(&["assign", &id, "--unit", "城市综合管理局"], "unknown unit");
    // No unit and no default unit for the problem type.
    env.refuses(&["assign", &id], "give --unit: WY-06 has no default unit");
    let bare = env.new_case();
    env.refuses(
        &["assign", &bare],
        "give --unit: a case without a problem type has no default unit",
    );
    env.check();
}

#[test]
fn issue2_unknown_problem_code_is_refused() {
    let env = TestEnv::init();
    env.refuses(
        &[
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            "停水",
            "--problem",
            "WY-17",
        ],
        "unknown problem code WY-17: see `ledger catalog problems`",
    );
    let id = case_in(&env, State::Open);
    env.refuses(
        &["assign", &id, "--unit", "JD", "--problem", "ZN-20"],
        "unknown problem code ZN-20",
    );
    // Not even the shape of a code.
    let before = env.snapshot();
    env.ledger(&["assign", &id, "--unit", "JD", "--problem", "停水"])
        .refused()
        .err_has("is not a problem code");
    before.assert_unchanged();
    env.check();
}

#[test]
fn issue2_problem_under_another_subject_is_refused_in_add() {
    let env = TestEnv::init();
    env.refuses(
        &[
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            "停水",
            "--subject",
            "developer",
            "--problem",
            "WY-06",
        ],
        "problem WY-06 is a property_company problem, not developer",
    );
    assert_eq!(env.list_ids(&[]), Vec::<String>::new());
    // The matching subject, and QT-00 with any subject, are fine.
    let a = env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "停水",
        "--subject",
        "property_company",
        "--problem",
        "WY-06",
    ]);
    let b = env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "其他",
        "--subject",
        "developer",
        "--problem",
        "QT-00",
    ]);
    assert_eq!(env.case(&a)["subject"], "property_company");
    assert_eq!(env.case(&b)["subject"], "developer");
    // A problem alone sets its subject.
    let c = env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "业委会",
        "--problem",
        "YW-01",
    ]);
    assert_eq!(env.case(&c)["subject"], "owners_committee");
    env.check();
}

#[test]
fn issue2_problem_under_another_subject_is_refused_in_assign() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open); // WY-06, property_company
    env.refuses(
        &[
            "assign",
            &id,
            "--unit",
            "JD",
            "--subject",
            "owners_committee",
            "--problem",
            "ZN-10",
        ],
        "problem ZN-10 is a department problem, not owners_committee",
    );
    // Changing the subject alone against the case's own problem is refused too.
    env.refuses(
        &["assign", &id, "--unit", "JD", "--subject", "developer"],
        "has problem WY-06, a property_company problem: to make it developer, give a matching --problem too",
    );
    // Changing both together is fine.
    env.ledger(&[
        "assign",
        &id,
        "--unit",
        "JD",
        "--subject",
        "developer",
        "--problem",
        "KF-01",
    ])
    .ok();
    let c = env.case(&id);
    assert_eq!(c["subject"], "developer");
    assert_eq!(c["problem"], "KF-01");
    env.check();
}

// Bad input in add.

#[test]
fn issue2_bad_dates_are_refused() {
    let env = TestEnv::init();
    let id = case_in(&env, State::Open);
    for bad in ["2026-02-30", "yesterday", "2026-13-01", "11/03/2026"] {
        let before = env.snapshot();
        env.ledger(&[
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            "停水",
            "--received",
            bad,
        ])
        .refused()
        .err_has(&format!("'{bad}' is not a date"))
        .err_has("YYYY-MM-DD");
        env.ledger(&["assign", &id, "--unit", "JD", "--due", bad])
            .refused()
            .err_has("YYYY-MM-DD");
        env.ledger(&["defer", &id, "--plan", "p", "--until", bad])
            .refused()
            .err_has("YYYY-MM-DD");
        before.assert_unchanged();
    }
    assert_eq!(env.list_ids(&[]), [id]);
    env.check();
}

#[test]
fn issue2_due_before_received_is_refused() {
    let env = TestEnv::init();
    let id = env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "停水",
        "--received",
        "2026-11-20",
    ]);
    env.refuses(
        &["assign", &id, "--unit", "JD", "--due", "2026-11-19"],
        "the due date 2026-11-19 is before S07-2026-0001 was received (2026-11-20)",
    );
    env.ledger(&["assign", &id, "--unit", "JD", "--due", "2026-11-20"])
        .ok();
    env.check();
}

#[test]
fn issue2_empty_summary_is_refused() {
    let env = TestEnv::init();
    for summary in ["", "   "] {
        let before = env.snapshot();
        env.ledger(&["add", "--community", "幸福里小区", "--summary", summary])
            .refused()
            .err_has("--summary")
            .err_has("must not be empty");
        before.assert_unchanged();
    }
    env.refuses(
        &["add", "--community", " ", "--summary", "停水"],
        "--community must not be empty",
    );
    assert!(env.list_ids(&[]).is_empty());
    env.check();
}

#[test]
fn issue2_received_in_the_future_is_refused() {
    let env = TestEnv::init();
    env.refuses(
        &[
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            "停水",
            "--received",
            "2026-11-26 10:01",
        ],
        "the received time 2026-11-26 10:01 is in the future (now is 2026-11-26 10:00)",
    );
    env.refuses(
        &[
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            "停水",
            "--received",
            "2027-01-01",
        ],
        "is in the future",
    );
    // Exactly now is not the future.
    env.add(&[
        "--community",
        "幸福里小区",
        "--summary",
        "停水",
        "--received",
        "2026-11-26 10:00",
    ]);
    env.check();
}

#[test]
fn issue2_duplicate_hotline_ref_is_refused() {
    let env = TestEnv::init();
    let add = |reference: &str, source: &str| {
        vec![
            "add".to_string(),
            "--community".into(),
            "幸福里小区".into(),
            "--summary".into(),
            "停水".into(),
            "--source".into(),
            source.into(),
            "--ref".into(),
            reference.into(),
        ]
    };
    let first = env
        .ledger(&strs(&add("12345-20261103-0087", "hotline")))
        .ok();
    let id = first.stdout.trim().to_string();
    env.refuses(
        &strs(&add("12345-20261103-0087", "hotline")),
        &format!("hotline reference 12345-20261103-0087 is already registered as {id}"),
    );
    // Padded with spaces it is the same reference.
    env.refuses(
        &strs(&add(" 12345-20261103-0087 ", "hotline")),
        "already registered",
    );
    // The same number from another source is another case.
    env.ledger(&strs(&add("12345-20261103-0087", "petition")))
        .ok();
    assert_eq!(env.list_ids(&[]).len(), 2);
    env.check();
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

// A model of the table, driven by random sequences of commands.

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
    fn issue2_any_sequence_follows_the_table_and_checks(steps in proptest::collection::vec(step(), 1..9)) {
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
