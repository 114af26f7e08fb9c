//! What a clerk types (issue 12): every date form through the command line,
//! months in `--from`/`--to`, a reversed range refused, and full-width input
//! from a Chinese input method read as ASCII in ids, codes and numbers.

use crate::common::{TestEnv, add_args};

/// 2026-11-01 in every form the one date parser reads.
const NOV_1: [&str; 7] = [
    "2026-11-01",
    "2026/11/1",
    "2026.11.1",
    "20261101",
    "2026年11月1日",
    "２０２６－１１－０１",
    "２０２６年１１月１日",
];

/// Cases received on each of `days` (`YYYY-MM-DD`), in that order.
fn received_on(env: &TestEnv, days: &[&str]) -> Vec<String> {
    days.iter()
        .map(|d| env.add(&add_args("幸福里小区", "停水", &["--received", d])))
        .collect()
}

// Regression: issue 12, `--from 2026年11月1日` was "not a date" although
// `add --received` read it.
#[test]
fn every_date_form_is_read_by_add_and_by_list() {
    let env = TestEnv::init();
    let ids = received_on(
        &env,
        &["2026-10-31 23:59", "2026-11-01 14:05", "2026-11-02"],
    );
    for form in NOV_1 {
        assert_eq!(
            env.list_ids(&["--from", form, "--to", form]),
            [ids[1].clone()],
            "list --from/--to {form}"
        );
    }
    let times = [
        "14:05",
        "14:05:00",
        "14时05分",
        "14时05分00秒",
        "１４：０５",
    ];
    for (form, time) in NOV_1.iter().zip(times.iter().cycle()) {
        for received in [format!("{form} {time}"), format!("{form}T14:05")] {
            if received.contains('年') && received.contains('T') {
                continue;
            }
            let id = env.add(&add_args("阳光花园", "电梯", &["--received", &received]));
            assert_eq!(
                env.case(&id)["received_at"],
                "2026-11-01T14:05:00+08:00",
                "add --received {received}"
            );
        }
    }
}

// Regression: issue 12, a month (`--from 2026-11`) was refused.
#[test]
fn a_month_in_from_and_to_counts_the_whole_month() {
    let env = TestEnv::init();
    let ids = received_on(
        &env,
        &[
            "2026-10-31 23:59",
            "2026-11-01 00:00",
            "2026-11-25 23:59",
            "2026-11-26",
        ],
    );
    let nov = [ids[1].clone(), ids[2].clone(), ids[3].clone()];
    assert_eq!(
        env.list_ids(&["--from", "2026-11", "--to", "2026年11月"]),
        nov
    );
    assert_eq!(env.list_ids(&["--from", "2026/11"]), nov);
    assert_eq!(env.list_ids(&["--to", "2026-10"]), [ids[0].clone()]);
    // A day and a month mix: from the 25th to the end of November.
    assert_eq!(
        env.list_ids(&["--from", "2026-11-25", "--to", "２０２６－１１"]),
        [ids[2].clone(), ids[3].clone()]
    );
    let r = env
        .ledger(&[
            "report",
            "--from",
            "2026年11月",
            "--to",
            "2026-11",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(r["total"], 3);
    assert_eq!(r["from"], "2026-11-01");
    assert_eq!(r["to"], "2026-11-30");
    env.ledger(&["list", "--from", "2026-13"])
        .refused()
        .err_has("YYYY-MM");
}

// Regression: issue 12, `--from 2026-11-01 --to 2026-10-01` silently printed
// `0 件`.
#[test]
fn from_after_to_is_refused_with_both_dates() {
    let env = TestEnv::init();
    received_on(&env, &["2026-11-01"]);
    for cmd in ["list", "report"] {
        let r = env.refuses(
            &[cmd, "--from", "2026-11-01", "--to", "2026-10-01"],
            "--from",
        );
        r.err_has("2026-11-01").err_has("2026-10-01");
        // A month at --to ends on its last day.
        let r = env.refuses(&[cmd, "--from", "2026-11", "--to", "2026-10"], "--to");
        r.err_has("2026-10-31");
    }
    // The same day at both ends is one day, not a reversed range.
    assert_eq!(
        env.list_ids(&["--from", "2026-11-01", "--to", "2026-11-01"])
            .len(),
        1
    );
}

// Regression: issue 12, `Ｓ07－2026－1` typed with a Chinese input method was
// "not a case id".
#[test]
fn a_full_width_case_id_names_the_case_in_show_and_close() {
    let env = TestEnv::init();
    let id = env.water_case();
    assert_eq!(id, "S07-2026-0001");
    let shown = env
        .ledger(&["show", "Ｓ07－2026－1", "--format", "json"])
        .ok()
        .json();
    assert_eq!(shown["case"]["id"], id);
    env.ledger(&[
        "assign",
        "ｓ０７—２０２６—１",
        "--unit",
        "ＪＤ",
        "--problem",
        "ＷＹ－０６",
        "--days",
        "３０",
    ])
    .ok();
    let case = env.case(&id);
    assert_eq!(case["unit"], "JD");
    assert_eq!(case["problem"], "WY-06");
    assert_eq!(case["due"], "2026-12-26");
    env.ledger(&[
        "close",
        "Ｓ０７－２０２６－０００１",
        "--result",
        "ｒｅｓｏｌｖｅｄ",
        "--resolution",
        "已恢复供水",
    ])
    .ok();
    assert_eq!(env.status(&id), "closed");
    assert_eq!(
        env.list_ids(&["--office", "Ｓ０７", "--status", "ｃｌｏｓｅｄ"]),
        [id]
    );
}
