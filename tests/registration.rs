//! Registering and assigning a case (issue 2, PRODUCT.md §3, §8): ids and
//! dates as clerks type them, due dates and units, and every refusal of
//! bad input, each of which exits 1 and leaves the file as it was.

use crate::common::{NOW, TestEnv, add_args};

// --- add: ids and received dates.

#[test]
fn add_prints_only_the_id_numbered_per_office_and_year() {
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
fn received_accepts_the_forms_clerks_type() {
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
fn case_ids_are_accepted_in_any_case_and_without_padding() {
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

// --- assign: due dates and units.

#[test]
fn assign_default_due_is_today_plus_the_problem_time_limit() {
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
fn assign_days_or_due_set_the_due_date() {
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
fn department_problem_is_assigned_its_default_unit() {
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
fn unit_is_found_by_its_exact_chinese_name() {
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

// --- Unknown cases, units and problem codes.

#[test]
fn unknown_case_id_is_refused_by_every_command() {
    let env = TestEnv::init();
    env.water_case();
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
fn malformed_case_id_is_refused() {
    let env = TestEnv::init();
    env.water_case();
    for bad in ["2026-0001", "S07-26-1", "S07-2026-0", "S07-2026-x"] {
        let before = env.snapshot();
        env.ledger(&["--lang", "en", "note", bad, "x"])
            .refused()
            .err_has("is not a case id")
            .err_has("S03-2026-0042");
        before.assert_unchanged();
    }
}

#[test]
fn unknown_unit_is_refused() {
    let env = TestEnv::init();
    let id = env.water_case();
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
fn unknown_problem_code_is_refused() {
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
    let id = env.water_case();
    env.refuses(
        &["assign", &id, "--unit", "JD", "--problem", "ZN-20"],
        "unknown problem code ZN-20",
    );
    // Not even the shape of a code.
    let before = env.snapshot();
    env.ledger(&[
        "--lang",
        "en",
        "assign",
        &id,
        "--unit",
        "JD",
        "--problem",
        "停水",
    ])
    .refused()
    .err_has("is not a problem code");
    before.assert_unchanged();
    env.check();
}

#[test]
fn problem_under_another_subject_is_refused_in_add() {
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
fn problem_under_another_subject_is_refused_in_assign() {
    let env = TestEnv::init();
    let id = env.water_case(); // WY-06, property_company
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

// --- Bad input in add and assign.

#[test]
fn bad_dates_are_refused() {
    let env = TestEnv::init();
    let id = env.water_case();
    for bad in ["2026-02-30", "yesterday", "2026-13-01", "11/03/2026"] {
        let before = env.snapshot();
        env.ledger(&[
            "--lang",
            "en",
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
        env.ledger(&["--lang", "en", "assign", &id, "--unit", "JD", "--due", bad])
            .refused()
            .err_has("YYYY-MM-DD");
        env.ledger(&["--lang", "en", "defer", &id, "--plan", "p", "--until", bad])
            .refused()
            .err_has("YYYY-MM-DD");
        before.assert_unchanged();
    }
    assert_eq!(env.list_ids(&[]), [id]);
    env.check();
}

#[test]
fn due_before_received_is_refused() {
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
fn empty_summary_or_community_is_refused() {
    let env = TestEnv::init();
    for summary in ["", "   "] {
        let before = env.snapshot();
        env.ledger(&[
            "--lang",
            "en",
            "add",
            "--community",
            "幸福里小区",
            "--summary",
            summary,
        ])
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
fn received_in_the_future_is_refused() {
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
fn bad_phone_is_refused() {
    let env = TestEnv::init();
    let before = env.snapshot();
    env.ledger(&[
        "--lang",
        "en",
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

#[test]
fn duplicate_hotline_ref_is_refused() {
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
