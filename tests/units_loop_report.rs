//! Issue 15: the report's units' loop figures, known answers for each,
//! and drill-downs: every figure is the count of a `list`.

use serde_json::Value;

use crate::common::{TestEnv, add_args};

/// The day the report is made.
const AS_OF: &str = "2026-12-20";

/// Seven cases of office S07, received Thursday 2026-11-26:
/// 1 → JD, acknowledged Friday (on time), closed 11-30, called back satisfied;
/// 2 → JD, acknowledged Tuesday 12-01 (late), extension to 12-20 approved,
///   closed 12-15 (on time against the extended date), called back basic;
/// 3 → ZJ due 11-28, acknowledged at once, supervised (due 12-02), closed
///   12-03 (late), called back dissatisfied;
/// 4 → ZJ, returned by ZJ, → CG due 12-31, an extension asked and refused;
/// 5 → JD, deferred until 12-01 (plan overdue);
/// 6 deferred until 2027-01-31, never assigned;
/// 7 → CG due 11-27, open (overdue).
fn seven_cases() -> (TestEnv, Vec<String>) {
    let env = TestEnv::init();
    let ids: Vec<String> = (1..=7)
        .map(|i| {
            env.add(&add_args(
                "幸福里小区",
                &format!("问题{i}"),
                &["--problem", "WY-02"],
            ))
        })
        .collect();
    let on = |day: &str, args: &[&str]| {
        env.at(day).ledger(args).ok();
    };
    let c = |i: usize| ids[i - 1].as_str();
    on("2026-11-26", &["assign", c(1), "--unit", "JD"]);
    on("2026-11-27", &["ack", c(1)]);
    on(
        "2026-11-30",
        &[
            "close",
            c(1),
            "--result",
            "resolved",
            "--resolution",
            "已办",
        ],
    );
    on(
        "2026-12-01",
        &["visit", c(1), "--satisfaction", "satisfied"],
    );

    on("2026-11-26", &["assign", c(2), "--unit", "JD"]);
    on("2026-12-01", &["ack", c(2)]);
    on(
        "2026-12-01",
        &[
            "extend",
            c(2),
            "--until",
            "2026-12-20",
            "--reason",
            "需协调",
        ],
    );
    on("2026-12-01", &["extend", c(2), "--approve"]);
    on(
        "2026-12-15",
        &[
            "close",
            c(2),
            "--result",
            "resolved",
            "--resolution",
            "已办",
        ],
    );
    on("2026-12-16", &["visit", c(2), "--satisfaction", "basic"]);

    on(
        "2026-11-26",
        &["assign", c(3), "--unit", "ZJ", "--days", "2"],
    );
    on("2026-11-26", &["ack", c(3)]);
    on(
        "2026-11-27",
        &["supervise", c(3), "--note", "限期", "--due", "2026-12-02"],
    );
    on(
        "2026-12-03",
        &[
            "close",
            c(3),
            "--result",
            "resolved",
            "--resolution",
            "已办",
        ],
    );
    on(
        "2026-12-04",
        &["visit", c(3), "--satisfaction", "dissatisfied"],
    );

    on("2026-11-26", &["assign", c(4), "--unit", "ZJ"]);
    on("2026-11-26", &["return", c(4), "--reason", "应由城管处理"]);
    on(
        "2026-11-27",
        &["assign", c(4), "--unit", "CG", "--due", "2026-12-31"],
    );
    on(
        "2026-12-01",
        &["extend", c(4), "--until", "2027-01-15", "--reason", "x"],
    );
    on(
        "2026-12-02",
        &["extend", c(4), "--refuse", "--reason", "可按期办结"],
    );

    on("2026-11-26", &["assign", c(5), "--unit", "JD"]);
    on(
        "2026-11-26",
        &[
            "defer",
            c(5),
            "--plan",
            "待业主大会表决",
            "--until",
            "2026-12-01",
        ],
    );
    on(
        "2026-11-26",
        &["defer", c(6), "--plan", "来年维修", "--until", "2027-01-31"],
    );
    on(
        "2026-11-26",
        &["assign", c(7), "--unit", "CG", "--days", "1"],
    );
    (env, ids)
}

fn report(env: &TestEnv, by: Option<&str>) -> Value {
    let mut args = vec!["report", "--format", "json"];
    if let Some(b) = by {
        args.extend(["--by", b]);
    }
    env.at(AS_OF).ledger(&args).ok().json()
}

fn count(env: &TestEnv, args: &[&str]) -> i64 {
    env.at(AS_OF).list_ids(args).len() as i64
}

#[test]
fn the_headline_counts_the_loop_and_each_figure_is_a_list() {
    let (env, _) = seven_cases();
    let r = report(&env, None);
    assert_eq!(r["total"], 7);
    assert_eq!(r["supervised"], 1);
    assert_eq!(r["returned"], 1);
    assert_eq!(r["extensions"]["asked"], 2);
    assert_eq!(r["extensions"]["approved"], 1);
    assert_eq!(r["visited"], 3);
    assert_eq!(
        r["satisfaction_rate"], 0.6667,
        "satisfied + basic over visited: 2/3"
    );
    assert_eq!(r["plan_overdue"], 1);
    assert_eq!(r["overdue"], 1, "case 7 only: case 2's due date moved");
    for (figure, args) in [
        (&r["supervised"], &["--supervised"][..]),
        (&r["returned"], &["--returned"]),
        (&r["extensions"]["asked"], &["--extension", "asked"]),
        (&r["extensions"]["approved"], &["--extension", "approved"]),
        (&r["visited"], &["--visited"]),
        (&r["plan_overdue"], &["--plan-overdue"]),
        (&r["overdue"], &["--overdue"]),
    ] {
        assert_eq!(figure.as_i64().unwrap(), count(&env, args), "{args:?}");
    }
    let contented = count(&env, &["--satisfaction", "satisfied,basic"]);
    assert_eq!(contented, 2);
}

#[test]
fn by_unit_rows_have_the_loops_columns_with_known_answers() {
    let (env, _) = seven_cases();
    let r = report(&env, Some("unit"));
    let row = |k: &str| -> Value {
        r["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["key"] == k)
            .unwrap_or_else(|| panic!("no row {k}"))
            .clone()
    };
    let want = [
        // unit, assigned, acknowledged, late, returned, closed, on time,
        // on-time rate, overdue, visited, satisfaction rate
        ("JD", 3, 2, 1, 0, 2, 2, 1.0, 0, 2, 1.0),
        ("ZJ", 1, 1, 0, 1, 1, 0, 0.0, 0, 1, 0.0),
        ("CG", 2, 0, 0, 0, 0, 0, 0.0, 1, 0, 0.0),
    ];
    for (u, assigned, acked, late, returned, closed, on_time, rate, overdue, visited, sat) in want {
        let x = row(u);
        assert_eq!(x["assigned"], assigned, "{u} assigned");
        assert_eq!(x["acknowledged"], acked, "{u} acknowledged");
        assert_eq!(x["acknowledged_late"], late, "{u} acknowledged_late");
        assert_eq!(x["returned"], returned, "{u} returned");
        assert_eq!(x["closed"], closed, "{u} closed");
        assert_eq!(x["closed_on_time"], on_time, "{u} closed_on_time");
        assert_eq!(x["on_time_rate"], rate, "{u} on_time_rate");
        assert_eq!(x["overdue"], overdue, "{u} overdue");
        assert_eq!(x["visited"], visited, "{u} visited");
        assert_eq!(x["satisfaction_rate"], sat, "{u} satisfaction_rate");
        // Drill-downs: each count is a list.
        let l = |more: &[&str]| count(&env, &[&["--unit", u][..], more].concat());
        assert_eq!(l(&[]), assigned, "{u}: list --unit");
        assert_eq!(l(&["--acknowledged"]), acked);
        assert_eq!(l(&["--ack-late"]), late);
        assert_eq!(count(&env, &["--returned-by", u]), returned);
        assert_eq!(l(&["--status", "closed"]), closed);
        assert_eq!(closed - l(&["--closed-late"]), on_time);
        assert_eq!(l(&["--overdue"]), overdue);
        assert_eq!(l(&["--visited"]), visited);
    }
    // The case that has no unit is in the row without one, which has no
    // loop columns.
    let none = r["rows"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (none["key"].clone(), none["total"].clone()),
        (Value::Null, 1.into())
    );
    assert!(
        none.get("assigned").is_none(),
        "no unit answered for it: {none}"
    );
}

#[test]
fn by_unit_csv_and_table_carry_the_same_columns() {
    let (env, _) = seven_cases();
    let csv = env
        .at(AS_OF)
        .ledger(&["report", "--by", "unit", "--format", "csv"])
        .ok()
        .stdout;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap().trim_start_matches('\u{feff}'),
        "key,name,total,open,closed,closure_rate,overdue,median_days_to_close,assigned,acknowledged,acknowledged_late,returned,closed_on_time,on_time_rate,visited,satisfaction_rate"
    );
    let jd = lines.find(|l| l.starts_with("JD,")).unwrap();
    assert!(jd.ends_with(",3,2,1,0,2,1,2,1"), "{jd}");
    let table = env
        .at(AS_OF)
        .ledger(&["--lang", "en", "report", "--by", "unit"])
        .ok()
        .stdout;
    for h in [
        "acknowledged late",
        "closed on time",
        "on-time rate",
        "satisfaction rate",
    ] {
        assert!(table.contains(h), "{h} in\n{table}");
    }
    let headline = env
        .at(AS_OF)
        .ledger(&["report", "--format", "csv"])
        .ok()
        .stdout;
    for line in [
        "supervised,督办问题,1",
        "returned,退回问题,1",
        "extensions.asked,申请延期的问题,2",
        "extensions.approved,其中批准延期,1",
        "visited,已回访,3",
        "satisfaction_rate,满意率,0.6667",
        "plan_overdue,暂缓超过计划日期,1",
    ] {
        assert!(headline.lines().any(|l| l == line), "{line} in\n{headline}");
    }
}

#[test]
fn the_markdown_report_lists_every_deferred_case_with_its_plan_and_date() {
    let (env, ids) = seven_cases();
    let md = env
        .at(AS_OF)
        .ledger(&["report", "--format", "md"])
        .ok()
        .stdout;
    let section = md.split("## 暂缓问题及工作计划").nth(1).expect(&md);
    let row5 = section
        .lines()
        .find(|l| l.contains(&ids[4]))
        .expect(section);
    assert!(
        row5.contains("待业主大会表决") && row5.contains("2026-12-01"),
        "{row5}"
    );
    assert!(row5.contains("计划逾期"), "{row5}");
    let row6 = section
        .lines()
        .find(|l| l.contains(&ids[5]))
        .expect(section);
    assert!(
        row6.contains("来年维修") && row6.contains("2027-01-31"),
        "{row6}"
    );
    assert!(!row6.contains("计划逾期"));
    assert_eq!(section.lines().filter(|l| l.contains("S07-")).count(), 2);
    // And `list` flags the plan that is overdue.
    let list = env.at(AS_OF).ledger(&["list"]).ok().stdout;
    let line = list.lines().find(|l| l.contains(&ids[4])).unwrap();
    assert!(line.contains("计划逾期"), "{line}");
}
