//! Which cases `list` shows (issues 2 and 4): its filters, the overdue,
//! long-running and repeat flags as the clock moves, and the drill-downs
//! that give every figure of the report.

use crate::common::report_district::{Fixture, Office, S08, fixture};
use crate::common::{TestEnv, add_args, five_cases};

// --- Filters.

#[test]
fn list_filters_combine_and_refuse_unknown_values() {
    let (env, [c1, c2, c3, c4, c5]) = five_cases();
    let (c1, c2, c3, c4, c5) = (&*c1, &*c2, &*c3, &*c4, &*c5);
    let ids = |args: &[&str]| env.list_ids(args);
    assert_eq!(ids(&[]), [c1, c2, c3, c4, c5]);
    assert_eq!(ids(&["--status", "assigned"]), [c1, c2]);
    assert_eq!(ids(&["--status", "open,deferred"]), [c4, c5]);
    assert_eq!(ids(&["--status", "closed", "--status", "open"]), [c3, c5]);
    assert_eq!(ids(&["--status", "已销号"]), [c3]);
    assert_eq!(ids(&["--key"]), [c1]);
    assert_eq!(ids(&["--unit", "JD"]), [c1, c3]);
    assert_eq!(ids(&["--unit", "cg"]), [c2]);
    assert_eq!(ids(&["--unit", "区城市综合管理局"]), [c2]);
    assert_eq!(ids(&["--problem", "wy-6"]), [c1]);
    assert_eq!(ids(&["--problem", "WY-01"]), Vec::<String>::new());
    assert_eq!(ids(&["--subject", "department"]), [c2]);
    assert_eq!(ids(&["--subject", "owners_committee"]), [c3]);
    assert_eq!(ids(&["--community", "幸福里"]), [c1, c3]);
    assert_eq!(ids(&["--community", "二期"]), [c3]);
    assert_eq!(ids(&["--office", "S07"]), [c1, c2, c3, c4, c5]);
    assert!(ids(&["--office", "S03"]).is_empty());
    assert_eq!(
        ids(&["--community", "幸福里", "--status", "assigned"]),
        [c1]
    );
    assert_eq!(ids(&["--from", "2026-11-01"]), [c1, c2, c3, c4]);
    assert_eq!(ids(&["--to", "2026-03-01"]), [c5]);
    // Unknown values are refused, not silently empty.
    env.ledger(&["--lang", "en", "list", "--unit", "XX"])
        .refused()
        .err_has("unknown unit 'XX'");
    env.ledger(&["--lang", "en", "list", "--problem", "WY-99"])
        .refused()
        .err_has("unknown problem code WY-99");
    env.ledger(&["--lang", "en", "list", "--status", "done"])
        .refused()
        .err_has("open, assigned, deferred, closed");
}

// --- Overdue and long-running.

#[test]
fn overdue_follows_the_clock() {
    let (env, [c1, c2, _c3, _c4, _c5]) = five_cases();
    let (c1, c2) = (&*c1, &*c2);
    // Due 11-27 and 11-29; the closed and the deferred case were due 11-27 too.
    assert!(env.list_ids(&["--overdue"]).is_empty());
    assert!(
        env.at("2026-11-27").list_ids(&["--overdue"]).is_empty(),
        "due today is not late"
    );
    assert_eq!(env.at("2026-11-28").list_ids(&["--overdue"]), [c1]);
    assert_eq!(env.at("2026-12-01").list_ids(&["--overdue"]), [c1, c2]);
    let late = env
        .at("2026-12-01")
        .ledger(&["show", c1, "--format", "json"])
        .ok()
        .json();
    assert_eq!(late["case"]["overdue"], true);
    let table = env
        .at("2026-12-01")
        .ledger(&["list", "--overdue"])
        .ok()
        .stdout;
    assert!(table.contains("逾期"), "{table}");
    env.ledger(&["close", c1, "--result", "resolved", "--resolution", "ok"])
        .ok();
    assert_eq!(env.at("2026-12-01").list_ids(&["--overdue"]), [c2]);
}

#[test]
fn long_running_starts_at_180_days() {
    let (env, [_c1, _c2, _c3, _c4, c5]) = five_cases();
    let c5 = &*c5;
    // 180 days before 2026-11-26 is 2026-05-30.
    let edge = env.add(&add_args("南湖小区", "边界", &["--received", "2026-05-30"]));
    let inside = env.add(&add_args("南湖小区", "未满", &["--received", "2026-05-31"]));
    let closed = env.add(&add_args("南湖小区", "已结", &["--received", "2026-01-05"]));
    env.ledger(&[
        "close",
        &closed,
        "--result",
        "resolved",
        "--resolution",
        "ok",
    ])
    .ok();
    assert_eq!(env.list_ids(&["--long-running"]), [c5, &*edge]);
    let inside_now = env.case(&inside);
    assert_eq!(inside_now["long_running"], false);
    assert_eq!(
        env.at("2026-11-27").list_ids(&["--long-running"]),
        [c5, &*edge, &*inside]
    );
    assert_eq!(env.case(c5)["long_running"], true);
    let table = env.ledger(&["list", "--long-running"]).ok().stdout;
    assert!(table.contains("超半年"), "{table}");
}

// --- Repeat complaints.

/// The repeat window in a ledger of its own: 90 days apart counts, 91 does
/// not, either way round; the same day counts; a case is never its own
/// neighbour; exact community text.
#[test]
fn repeat_window_is_90_days_either_way() {
    let env = TestEnv::init();
    let office = Office {
        env: &env,
        db: "ledger.db",
    };
    let add = |when: &str, community: &str, problem: &str| {
        office.at(
            when,
            &format!("add --community {community} --summary x --problem {problem}"),
        )
    };
    let lone = add("2026-01-01", "甲小区", "WY-16");
    let late = add("2026-06-01", "甲小区", "WY-16"); // 151 days later
    let a = add("2026-02-01", "乙小区", "WY-16");
    let b = add("2026-05-02", "乙小区", "WY-16"); // 90 days after a
    let c = add("2026-08-01", "乙小区", "WY-16"); // 91 days after b
    let same1 = add("2026-09-09", "丙小区", "WY-03");
    let same2 = add("2026-09-09", "丙小区", "WY-03");
    let other = add("2026-09-10", "丙小区二期", "WY-03"); // another community
    let _ = (lone, late, c, other);
    assert_eq!(
        env.list_ids(&["--repeat"]),
        [a.clone(), b.clone(), same1.clone(), same2.clone()]
    );
    let r = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(r["repeat"], 4);
    // Only b is in May; its neighbour a is not, and still makes it a repeat.
    assert_eq!(
        env.list_ids(&["--repeat", "--from", "2026-05-01", "--to", "2026-05-31"]),
        [b]
    );
}

// Regression: issue 18, the flags column never showed repeat complaints.
#[test]
fn repeat_complaints_are_flagged_in_every_list_format() {
    let env = TestEnv::init();
    let add = |community: &str, received: &str, more: &[&str]| {
        let mut args = vec![
            "--community",
            community,
            "--summary",
            "停水",
            "--problem",
            "WY-06",
            "--received",
            received,
        ];
        args.extend_from_slice(more);
        env.add(&args)
    };
    let first = add("幸福里小区", "2026-09-01", &[]);
    let again = add("幸福里小区", "2026-11-20", &["--key"]); // 80 days later
    let alone = add("阳光花园", "2026-11-20", &[]);
    let no_problem = env.add(&add_args("幸福里小区", "停电", &[]));

    let zh = env.ledger(&["list"]).ok().stdout;
    let row = |out: &str, id: &str| out.lines().find(|l| l.contains(id)).unwrap().to_string();
    assert!(row(&zh, &first).contains("多次投诉"), "{zh}");
    assert!(
        row(&zh, &again).contains("重点 多次投诉"),
        "beside the other flags:\n{zh}"
    );
    for id in [&alone, &no_problem] {
        assert!(!row(&zh, id).contains("多次投诉"), "{id}:\n{zh}");
    }
    let en = env
        .ledger(&["--lang", "en", "list", "--repeat"])
        .ok()
        .stdout;
    assert!(row(&en, &first).contains("repeat"), "{en}");
    assert!(
        !en.contains("多次投诉"),
        "--lang en still shows 多次投诉:\n{en}"
    );

    let json = env.ledger(&["list", "--format", "json"]).ok().json();
    for c in json.as_array().unwrap() {
        let want = c["id"] == first.as_str() || c["id"] == again.as_str();
        assert_eq!(c["repeat"], want, "{c}");
    }
    assert_eq!(env.case(&first)["repeat"], true, "show carries it too");
    assert_eq!(env.case(&alone)["repeat"], false);

    let csv = env.ledger(&["list", "--format", "csv"]).ok().stdout;
    let mut rdr = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let col = rdr.headers().unwrap().iter().position(|h| h == "repeat");
    let col = col.expect("CSV header has repeat");
    let got: Vec<(String, String)> = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[col].to_string())
        })
        .collect();
    assert_eq!(
        got,
        [
            (first.clone(), "true".to_string()),
            (again.clone(), "true".to_string()),
            (alone, "false".to_string()),
            (no_problem, "false".to_string()),
        ]
    );

    // A period lists fewer cases, not fewer repeats: the neighbour received
    // before --from still makes the listed case a repeat.
    let json = env
        .ledger(&["list", "--from", "2026-11-01", "--format", "json"])
        .ok()
        .json();
    assert_eq!(json[0]["id"], again.as_str());
    assert_eq!(json[0]["repeat"], true);
}

// --- The report as drill-downs.

#[test]
fn report_figures_match_the_list() {
    let (env, _ids) = five_cases();
    let r = env.ledger(&["report", "--format", "json"]).ok().json();
    assert_eq!(r["total"], 5);
    assert_eq!(r["by_status"]["open"], 1);
    assert_eq!(r["by_status"]["assigned"], 2);
    assert_eq!(r["by_status"]["deferred"], 1);
    assert_eq!(r["by_status"]["closed"], 1);
    assert_eq!(r["by_result"]["resolved"], 1);
    assert_eq!(r["long_running"], 1);
    assert_eq!(r["overdue"], 0);
    let later = env
        .at("2026-12-01")
        .ledger(&["report", "--format", "json"])
        .ok()
        .json();
    assert_eq!(later["overdue"], 2);
    let table = env.ledger(&["report"]).ok().stdout;
    assert!(
        table.contains("建设路街道") && table.contains("问题总数"),
        "{table}"
    );
    let md = env
        .ledger(&["report", "--by", "unit", "--format", "md"])
        .ok()
        .stdout;
    assert!(md.starts_with("# ") && md.contains("|---|"), "{md}");
}

/// Each headline figure of `report` at `now` over `period` is the count of
/// its `list` drill-down.
#[track_caller]
fn assert_figures_are_drill_downs(f: &Fixture, now: &str, period: &[&str]) {
    let count = |now: &str, flag: &[&str], period: &[&str]| {
        let mut args = flag.to_vec();
        args.extend_from_slice(period);
        f.env.at(now).list_ids(&args).len() as i64
    };
    let mut args = vec!["report", "--format", "json"];
    args.extend_from_slice(period);
    let r = f.env.at(now).ledger(&args).ok().json();
    let fig = |k: &str| r[k].as_i64().unwrap();
    let ctx = format!("at {now} {period:?}");
    assert_eq!(fig("overdue"), count(now, &["--overdue"], period), "{ctx}");
    assert_eq!(
        fig("long_running"),
        count(now, &["--long-running"], period),
        "{ctx}"
    );
    assert_eq!(fig("repeat"), count(now, &["--repeat"], period), "{ctx}");
    assert_eq!(
        fig("key_open"),
        count(
            now,
            &["--key", "--status", "open,assigned,deferred"],
            period
        ),
        "{ctx}"
    );
    assert_eq!(
        fig("deferred"),
        count(now, &["--status", "deferred"], period),
        "{ctx}"
    );
    assert_eq!(fig("total"), count(now, &[], period), "{ctx}");
}

/// Every headline figure is the count of a `list` drill-down, today and
/// later, with and without a period.
#[test]
fn list_drill_downs_match_every_report_figure() {
    let f = fixture();
    let ids = |args: &[&str]| f.env.list_ids(args);
    assert_eq!(ids(&["--overdue"]), [f.c(4), f.c(7)]);
    assert_eq!(ids(&["--long-running"]), [f.c(4), f.c(5), f.c(9), f.c(12)]);
    assert_eq!(
        ids(&["--repeat"]),
        [
            f.c(1),
            f.c(2),
            f.c(4),
            f.c(5),
            f.c(6),
            f.c(7),
            f.c(8),
            f.d(1)
        ]
    );
    assert_eq!(
        ids(&["--key", "--status", "open,assigned,deferred"]),
        [f.c(4), f.c(7)]
    );
    assert_eq!(ids(&["--status", "deferred"]), [f.c(5)]);
    // Filters narrow the repeats: which cases are repeats does not change.
    assert_eq!(ids(&["--repeat", "--office", "S08"]), [f.d(1)]);
    assert_eq!(
        ids(&["--repeat", "--status", "closed"]),
        [f.c(1), f.c(2), f.c(8), f.d(1)]
    );
    assert_eq!(
        ids(&["--repeat", "--community", "幸福里"]),
        [f.c(1), f.c(2)]
    );
    assert_eq!(
        ids(&["--repeat", "--from", "2026-05-30", "--to", "2026-11-20"]),
        [f.c(5), f.c(6), f.c(7), f.c(8), f.d(1)]
    );

    for now in ["2026-11-26", "2027-01-01", "2027-06-30"] {
        for period in [&[][..], &["--from", "2026-05-30", "--to", "2026-11-20"][..]] {
            assert_figures_are_drill_downs(&f, now, period);
        }
    }

    // On 2027-01-01: c6 (due 12-31) is overdue too; the long-running cutoff
    // is 2026-07-05, which adds c6 (05-31) but not c3 (07-10).
    let r = f
        .env
        .at("2027-01-01")
        .ledger(&["report", "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        (r["overdue"].as_i64(), r["long_running"].as_i64()),
        (Some(3), Some(5))
    );
    assert_eq!(
        f.env.at("2027-01-01").list_ids(&["--long-running"]),
        [f.c(4), f.c(5), f.c(6), f.c(9), f.c(12)]
    );
    // The figures of an office file are those of its rows in the district.
    let r = f
        .env
        .ledger(&["--db", S08, "report", "--format", "json"])
        .ok()
        .json();
    assert_eq!(
        (r["total"].as_i64(), r["closed"].as_i64()),
        (Some(2), Some(1))
    );
    // d1's neighbour c6 is in the other office's file: alone here.
    assert_eq!(r["repeat"], 0);
}
